import type { ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiResult, ErrorCode } from '../../../shared/errors.js';

// What every answer of the browser-mode host carries, and the few kinds of answer it gives. The
// desktop shell sends the same Content Security Policy with its pages (electron/security.ts).

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * Sent with every answer, whatever it is. No Access-Control-* header is ever sent: no other
 * origin may read anything from the host.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}

export function failure(code: ErrorCode, message: string): ApiResult<never> {
  const error: ApiErrorBody = { code, message };
  return { ok: false, error };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A plain page for a person who reached the host the wrong way: what happened and what to do. */
export function sendPlainPage(res: ServerResponse, status: number, heading: string, text: string): void {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Chatterbox</title></head><body><h1>${esc(heading)}</h1><p>${esc(text)}</p></body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

export const useAddressText =
  'Open the address Chatterbox printed in its window when it started. Each address works once; press Enter in that window to print a fresh one.';
