import { randomBytes } from 'node:crypto';
import type { Session } from '../context.js';

// Who may use the browser-mode host, in three steps:
// 1. a one-time code, printed in the terminal inside the address to open (never in a page);
// 2. the code, used once, becomes an access grant carried by an HttpOnly, SameSite=Strict cookie,
//    so no script can read it and no other site's request carries it;
// 3. each tab (page load) asks, with the cookie, for its own tab id: one core session per tab,
//    kept in the tab's sessionStorage and sent in a header with each API call.
// A call needs both the cookie and a tab id opened under that same cookie. Every secret is a
// 256-bit random key looked up in a Map: finding one by timing is as hard as guessing it.

/** Codes not yet used; a fresh address asked for more often than this pushes out the oldest. */
const maxOpenCodes = 20;
/** Browsers let in; each code used adds one. The oldest is forgotten past this. */
const maxGrants = 50;
/** Tabs keep their session; the oldest are forgotten past this, so reloading for ever cannot grow memory. */
const maxTabs = 200;

export const tabHeader = 'x-chatterbox-tab';

export interface HostAccess {
  /** The cookie's name: it carries the port, as cookies are shared by every port of 127.0.0.1. */
  readonly cookieName: string;
  /** A new one-time code for the address printed at start (or on request). */
  newCode(): string;
  /** Uses a code up: the new grant's cookie value, or null for a wrong or used code. */
  redeem(code: string): string | null;
  /** The grant named by the request's Cookie header, or null. */
  grantOf(cookieHeader: string | undefined): string | null;
  /** A new tab (page load) under a grant: its id, for the tab's header. */
  openTab(grant: string): string;
  /** The session of a tab opened under this grant, or null. */
  sessionOf(grant: string, tab: string | string[] | undefined): Session | null;
  /** The Set-Cookie value that hands a grant to the browser. */
  setCookie(grant: string): string;
}

const secret = () => randomBytes(32).toString('base64url');

/** Forgets the oldest entries of an insertion-ordered collection past `max`. */
function trim<K>(keys: Set<K> | Map<K, unknown>, max: number): void {
  while (keys.size > max) {
    const oldest = keys.keys().next();
    if (oldest.done) return;
    keys.delete(oldest.value);
  }
}

export function createHostAccess(port: number, openSession: () => Session): HostAccess {
  const cookieName = `chatterbox-access-${port}`;
  const codes = new Set<string>();
  const grants = new Set<string>();
  const tabs = new Map<string, { grant: string; session: Session }>();

  return {
    cookieName,
    newCode() {
      const code = secret();
      codes.add(code);
      trim(codes, maxOpenCodes);
      return code;
    },
    redeem(code) {
      if (!codes.delete(code)) return null;
      const grant = secret();
      grants.add(grant);
      trim(grants, maxGrants);
      return grant;
    },
    grantOf(cookieHeader) {
      for (const part of (cookieHeader ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0 || part.slice(0, eq).trim() !== cookieName) continue;
        const value = part.slice(eq + 1).trim();
        if (grants.has(value)) return value;
      }
      return null;
    },
    openTab(grant) {
      const tab = secret();
      tabs.set(tab, { grant, session: openSession() });
      trim(tabs, maxTabs);
      return tab;
    },
    sessionOf(grant, tab) {
      if (typeof tab !== 'string') return null;
      const found = tabs.get(tab);
      return found && found.grant === grant && grants.has(grant) ? found.session : null;
    },
    setCookie(grant) {
      // No Max-Age: the cookie lasts as long as the browser, the grant as long as this host run.
      return `${cookieName}=${grant}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}
