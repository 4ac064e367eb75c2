import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiErrorBody, ApiResult, ErrorCode } from '../../../shared/errors.js';
import { factsOf, isMethodName } from '../../../shared/contract/index.js';
import type { Session } from '../context.js';
import type { Core } from '../core.js';

// Browser mode's transport: the renderer and the API on 127.0.0.1 only. Other people on the
// network cannot reach it; other web pages in the same browser are kept out by the Host and
// Origin checks (no DNS rebinding, no cross-site requests) and by the per-launch token, which
// only our own page receives.

export const tokenHeader = 'x-chatterbox-token';
export const maxBodyBytes = 1024 * 1024;
/** Imports carry a whole spreadsheet (base64, up to 20 MB before encoding). */
export const maxImportBodyBytes = 32 * 1024 * 1024;

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export interface HttpHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only in tests; a random token is made for each launch otherwise. */
  token?: string;
}

/**
 * How many page loads keep their session: each browser tab gets its own token and session (who
 * is using the app there), and the oldest are forgotten past this, so reloading for ever cannot
 * grow the host's memory. A forgotten tab is asked to reload.
 */
const maxSessions = 200;

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const statusFor: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHORISED: 401,
  SIGN_IN_REQUIRED: 401,
  SIGN_IN_FAILED: 401,
  LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DATABASE: 503,
  BUSY: 503,
  INTERNAL: 500,
};

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // Token -> the caller's session. The launch token has one too (tools and tests that call the API
  // directly); every page load mints its own, so two tabs never share who is using the app.
  const sessions = new Map<string, Session>([[token, options.core.openSession()]]);
  function newPageSession(): string {
    const pageToken = randomBytes(32).toString('base64url');
    sessions.set(pageToken, options.core.openSession());
    if (sessions.size > maxSessions) {
      const oldest = [...sessions.keys()].find((t) => t !== token);
      if (oldest) sessions.delete(oldest);
    }
    return pageToken;
  }
  function sessionFor(given: string | string[] | undefined): Session | null {
    // A lookup by a 256-bit random key: finding one by timing is as hard as guessing the token.
    return typeof given === 'string' ? (sessions.get(given) ?? null) : null;
  }
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'The request could not be handled'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('This address is not served here. Open the address Chatterbox printed.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, failure('UNAUTHORISED', 'Requests from other sites are refused'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await serveStatic(res, url.pathname);
    } else {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, failure('BAD_REQUEST', 'API calls must use POST'));
      return;
    }
    const session = sessionFor(req.headers[tokenHeader]);
    if (!session) {
      sendJson(res, 401, failure('UNAUTHORISED', 'The request has no valid access token. Reload the page Chatterbox printed.'));
      return;
    }
    // A form on another site can only send text/plain or form types without a preflight.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, failure('BAD_REQUEST', 'API calls must send JSON (content-type application/json)'));
      return;
    }
    const decoded = safeDecode(method);
    const limit = decoded !== null && isMethodName(decoded) && factsOf(decoded).carriesFile ? maxImportBodyBytes : maxBodyBytes;
    const body = await readBody(req, limit);
    if (body === null) {
      sendJson(res, 413, failure('BAD_REQUEST', `The request is larger than ${limit / 1024} KiB`));
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendJson(res, 400, failure('BAD_REQUEST', 'The request body is not valid JSON'));
      return;
    }
    const name = decoded;
    if (name === null) {
      sendJson(res, 400, failure('BAD_REQUEST', 'The method name is not valid'));
      return;
    }
    const result = await options.core.callAsync(name, input, session);
    sendJson(res, result.ok ? 200 : statusFor[result.error.code], result);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : safeDecode(pathname.slice(1));
    if (relative === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const root = resolve(options.staticDir);
    const full = resolve(join(root, relative));
    if (!full.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(full);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = mimeTypes[extname(full)] ?? 'application/octet-stream';
    if (relative === 'index.html') {
      // The token reaches only pages this server renders: other origins cannot read this response.
      const html = content.toString('utf8').replace('</head>', `<meta name="chatterbox-token" content="${newPageSession()}"></head>`);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(html);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** decodeURIComponent throws on broken escapes such as %E0%A4%A; that is bad input, not a crash. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', contentSecurityPolicy);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

/** Resolves to the body text, or null once it passes the size limit (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function failure(code: ErrorCode, message: string): ApiResult<never> {
  const error: ApiErrorBody = { code, message };
  return { ok: false, error };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
