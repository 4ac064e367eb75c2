import { randomBytes, scryptSync } from 'node:crypto';
import type { Core } from '../../electron/core/core.js';
import type { Session } from '../../electron/core/context.js';
import { toSessionAccount } from '../../electron/core/services/accounts/sign-in.js';
import type { Role } from '../../shared/domain/roles.js';
import type { Account } from '../../shared/schemas/accounts.js';

// Accounts for tests, made straight through the repository (no audit row, no slow hash), so that
// a test core can start signed in as a manager without changing what the test counts.

/**
 * A hash in the stored format (scrypt$N$r$p$salt$hash) at a tiny cost: the parameters travel with
 * the hash, so the core checks it as it would any other, only faster.
 */
export function quickHash(password: string): string {
  const cost = { N: 1024, r: 8, p: 1 };
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export const testPassword = 'correct horse';

/** Adds an account (password `testPassword` unless given) without going through the API. */
export function addAccount(
  core: Core,
  f: { userName: string; role: Role; displayName?: string; staffId?: string | null; settingIds?: string[]; password?: string; mustChangePassword?: boolean },
): Account {
  return core.context.repos.accounts.create(
    {
      displayName: f.displayName ?? f.userName,
      userName: f.userName,
      role: f.role,
      staffId: f.staffId ?? null,
      settingIds: f.settingIds ?? [],
      passwordHash: quickHash(f.password ?? testPassword),
      mustChangePassword: f.mustChangePassword ?? false,
    },
    core.context.clock.now(),
  );
}

/** Signs a session in as the account without a password check: for tests about something else. */
export function signInAs(session: Session, account: Account): Session {
  session.account = toSessionAccount(account);
  session.locked = false;
  session.lastActiveAt = null;
  return session;
}

/** A session signed in as a new account of this role. */
export function sessionFor(core: Core, role: Role, f: { staffId?: string | null; settingIds?: string[]; userName?: string } = {}): Session {
  const account = addAccount(core, { userName: f.userName ?? `${role}-${randomBytes(3).toString('hex')}`, role, ...f });
  return signInAs(core.openSession(), account);
}

/** Signs the core's own session in as a new manager of this name (the person named in the audit trail). */
export function actAs(core: Core, displayName: string, f: { role?: Role; staffId?: string | null } = {}): Account {
  const account = addAccount(core, {
    userName: displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    displayName,
    role: f.role ?? 'manager',
    staffId: f.staffId ?? null,
  });
  signInAs(core.localSession, account);
  return account;
}

/** A clock that tests move on by hand, for throttling and the idle lock. */
export function movableClock(startIso = '2026-11-27T09:00:00.000Z') {
  let at = Date.parse(startIso);
  return {
    clock: { now: () => new Date(at).toISOString(), today: () => new Date(at).toISOString().slice(0, 10) },
    advance(seconds: number) {
      at += seconds * 1000;
    },
  };
}
