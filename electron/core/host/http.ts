import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ErrorCode } from '../../../shared/errors.js';
import { factsOf, isMethodName } from '../../../shared/contract/index.js';
import type { Core } from '../core.js';
import { createHostAccess, tabHeader, type HostAccess } from './access.js';
import { failure, sendJson, sendPlainPage, setSecurityHeaders, useAddressText } from './answers.js';
import { readBody } from './body.js';

// Browser mode's transport: the renderer and the API on 127.0.0.1 only, so other people on the
// network cannot reach it. Other web pages in the same browser (including ones served from other
// local ports, which count as the same site) are kept out by the Host check (no DNS rebinding),
// the Origin check on every POST (no cross-site requests, no Origin no call), the access cookie
// that only the printed one-time address hands out, and the per-tab id (see access.ts).

export { contentSecurityPolicy, securityHeaders } from './answers.js';
export { tabHeader } from './access.js';

export const maxBodyBytes = 1024 * 1024;
/** Imports carry a whole spreadsheet (base64, up to 20 MB before encoding). */
export const maxImportBodyBytes = 32 * 1024 * 1024;

/** How long one client may take, so a slow or never-finished request cannot hold the host. */
export interface RequestLimits {
  /** To send the request line and headers. */
  headersMs: number;
  /** To send the whole request, body included (a 32 MiB import over 127.0.0.1 takes well under a second). */
  requestMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
  /** How often the server looks for connections past their limit. */
  checkEveryMs: number;
}

export const defaultRequestLimits: RequestLimits = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };
/** Browsers open about six connections to a host; far more means something is wrong. */
const maxConnections = 64;
const maxRequestsPerConnection = 1000;

export interface HttpHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Shorter limits make the limits testable without waiting; the defaults suit people. */
  limits?: Partial<RequestLimits>;
}

export interface HttpHost {
  /** The host's address, with nothing secret in it. */
  url: string;
  /** The address to print at start: the host's address with a one-time code. */
  accessUrl: string;
  /** A fresh one-time address, for a person who asks for one (another browser, a used address). */
  newAccessUrl(): string;
  /** The access cookie's name (it carries the port). */
  cookieName: string;
  port: number;
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
  const limits = { ...defaultRequestLimits, ...options.limits };
  // Known once listening: the cookie carries the port.
  let access: HostAccess | null = null;
  let allowedHosts = new Set<string>();
  let ownOrigins = new Set<string>();
  const server = createServer(
    {
      requestTimeout: limits.requestMs,
      headersTimeout: limits.headersMs,
      keepAliveTimeout: limits.keepAliveMs,
      connectionsCheckingInterval: limits.checkEveryMs,
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'The request could not be handled'));
        else res.end();
      });
    },
  );
  server.keepAliveTimeout = limits.keepAliveMs;
  server.maxConnections = maxConnections;
  server.maxRequestsPerSocket = maxRequestsPerConnection;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!access || !allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('This address is not served here. Open the address Chatterbox printed.');
      return;
    }
    const origin = req.headers.origin;
    const reading = req.method === 'GET' || req.method === 'HEAD';
    // Browsers send Origin with every POST, same-origin ones included: a POST without it is not from our page.
    if ((origin !== undefined && !ownOrigins.has(origin)) || (!reading && origin === undefined)) {
      sendJson(res, 403, failure('UNAUTHORISED', 'Requests from other sites are refused'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const code = url.searchParams.get('code');
    if (reading && url.pathname === '/' && code !== null) {
      useCode(req, res, access, code);
      return;
    }
    const grant = access.grantOf(req.headers.cookie);
    if (!grant) {
      if (reading) sendPlainPage(res, 401, 'Open Chatterbox from its address', useAddressText);
      else sendJson(res, 401, failure('UNAUTHORISED', `This browser has not been let in to Chatterbox. ${useAddressText}`));
      return;
    }
    if (url.pathname === '/tab' || url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, failure('BAD_REQUEST', 'API calls must use POST'));
        return;
      }
      // Our own page's fetches are same-origin; a browser saying otherwise is carrying another page's request.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') {
        sendJson(res, 403, failure('UNAUTHORISED', 'Requests from other sites are refused'));
        return;
      }
      if (url.pathname === '/tab') sendJson(res, 200, { ok: true, value: { tab: access.openTab(grant) } });
      else await handleApi(req, res, access, grant, url.pathname.slice('/api/'.length));
    } else if (reading) {
      await serveStatic(res, url.pathname);
    } else {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    }
  }

  /** A code is good once: it becomes the access cookie, and the address bar loses the code. */
  function useCode(req: IncomingMessage, res: ServerResponse, hostAccess: HostAccess, code: string): void {
    const grant = hostAccess.redeem(code);
    if (grant) {
      res.writeHead(303, { location: '/', 'set-cookie': hostAccess.setCookie(grant), 'cache-control': 'no-store' }).end();
    } else if (hostAccess.grantOf(req.headers.cookie)) {
      // This browser is already in (an old address opened again): no need to refuse it.
      res.writeHead(303, { location: '/', 'cache-control': 'no-store' }).end();
    } else {
      sendPlainPage(res, 403, 'This address has been used already', `Each address opens Chatterbox once. ${useAddressText}`);
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, hostAccess: HostAccess, grant: string, method: string): Promise<void> {
    const session = hostAccess.sessionOf(grant, req.headers[tabHeader]);
    if (!session) {
      sendJson(res, 401, failure('UNAUTHORISED', 'This tab has no Chatterbox session. Reload the page.'));
      return;
    }
    // A form on another site can only send text/plain or form types without a preflight.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, failure('BAD_REQUEST', 'API calls must send JSON (content-type application/json)'));
      return;
    }
    const name = safeDecode(method);
    const limit = name !== null && isMethodName(name) && factsOf(name).carriesFile ? maxImportBodyBytes : maxBodyBytes;
    const body = await readBody(req, limit);
    if (body.kind === 'closed') return; // the client went, or was closed for being too slow: nobody to answer
    if (body.kind === 'too-large') {
      sendJson(res, 413, failure('BAD_REQUEST', `The request is larger than ${limit / 1024} KiB`));
      return;
    }
    let input: unknown;
    try {
      input = body.text.length === 0 ? {} : JSON.parse(body.text);
    } catch {
      sendJson(res, 400, failure('BAD_REQUEST', 'The request body is not valid JSON'));
      return;
    }
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
    res.writeHead(200, { 'content-type': type, 'cache-control': relative === 'index.html' ? 'no-store' : 'no-cache' }).end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  ownOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const hostAccess = createHostAccess(port, () => options.core.openSession());
  access = hostAccess;
  const url = `http://127.0.0.1:${port}/`;
  const newAccessUrl = () => `${url}?code=${hostAccess.newCode()}`;
  return {
    url,
    accessUrl: newAccessUrl(),
    newAccessUrl,
    cookieName: hostAccess.cookieName,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A client that never finishes its request must not keep the host from stopping.
        server.closeAllConnections();
      }),
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
