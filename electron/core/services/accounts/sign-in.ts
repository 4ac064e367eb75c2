import { AppError } from '../../../../shared/errors.js';
import type { Account } from '../../../../shared/schemas/accounts.js';
import type { Me } from '../../../../shared/schemas/session.js';
import { roleLabel } from '../../api/access.js';
import { actorOf } from '../../api/audit-trail.js';
import type { CallContext, SessionAccount } from '../../context.js';
import { decoyHash, verifyPassword } from './passwords.js';

// Checking a password at sign-in and unlock, with throttling: after 5 wrong passwords in a row an
// account waits 30 seconds, doubling with each further miss, at most 15 minutes. The message is
// the same whether or not the user name exists, and unknown names are throttled the same way (in
// memory), so neither the words nor the waits tell which names are real.

export const freeAttempts = 5;
const firstWaitSeconds = 30;
const longestWaitSeconds = 15 * 60;

/** Seconds to wait after this many failures in a row (0 while under the limit). */
export function waitAfter(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(firstWaitSeconds * 2 ** (failures - freeAttempts), longestWaitSeconds);
}

function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const wrong = () => new AppError('SIGN_IN_FAILED', 'The user name or password is not right. Check them and try again.');
// The unlock screen asks for the password only: a user name there would puzzle people.
const wrongUnlock = () => new AppError('SIGN_IN_FAILED', 'The password is not right. Check it and try again.');
const waitFor = (seconds: number) => new AppError('SIGN_IN_FAILED', `Too many wrong attempts. Wait ${inWords(seconds)}, then try again.`);

const secondsUntil = (untilIso: string | null, nowIso: string) => (untilIso ? Math.ceil((Date.parse(untilIso) - Date.parse(nowIso)) / 1000) : 0);
const addSeconds = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** Failures for user names no account has, per open database. */
const unknownNames = new WeakMap<object, Map<string, { failures: number; lockedUntil: string | null }>>();

export function toSessionAccount(a: Account): SessionAccount {
  return {
    accountId: a.id,
    displayName: a.displayName,
    userName: a.userName,
    role: a.role,
    staffId: a.staffId,
    settingIds: a.settingIds,
    mustChangePassword: a.mustChangePassword,
  };
}

export function meOf(a: SessionAccount): Me {
  return { ...a, settingIds: [...a.settingIds], roleLabel: roleLabel(a.role) };
}

/** One audit row for the session's own events (sign-in, password change), in its own transaction. */
export function auditSelf(ctx: CallContext, method: string, accountId: string, note: string): void {
  ctx.db
    .transaction(() =>
      ctx.repos.audit.write({
        at: ctx.clock.now(),
        ...actorOf(ctx.session),
        method,
        recordType: 'accounts',
        recordId: accountId,
        settingId: null,
        changes: [],
        note,
      }),
    )
    .immediate();
}

async function refuseUnknown(ctx: CallContext, userName: string, password: string): Promise<never> {
  const now = ctx.clock.now();
  let byName = unknownNames.get(ctx.connection);
  if (!byName) unknownNames.set(ctx.connection, (byName = new Map()));
  const key = userName.toLowerCase();
  const entry = byName.get(key) ?? { failures: 0, lockedUntil: null };
  const waiting = secondsUntil(entry.lockedUntil, now);
  if (waiting > 0) throw waitFor(waiting);
  await verifyPassword(password, await decoyHash());
  entry.failures += 1;
  const wait = waitAfter(entry.failures);
  entry.lockedUntil = wait > 0 ? addSeconds(now, wait) : null;
  byName.set(key, entry);
  throw wait > 0 ? waitFor(wait) : wrong();
}

/**
 * Checks `password` for the account named, counting failures; returns the account on success.
 * Used by sign-in (by user name) and unlock (by the session's account).
 */
export async function checkPassword(ctx: CallContext, method: string, userName: string, password: string): Promise<Account> {
  const found = ctx.repos.accounts.secretByUserName(userName);
  if (!found) return refuseUnknown(ctx, userName, password);
  const now = ctx.clock.now();
  const waiting = secondsUntil(found.account.lockedUntil, now);
  if (waiting > 0) throw waitFor(waiting);
  const right = await verifyPassword(password, found.passwordHash);
  if (!right) {
    const failures = found.failedAttempts + 1;
    const wait = waitAfter(failures);
    ctx.db.transaction(() => ctx.repos.accounts.recordFailure(found.account.id, failures, wait > 0 ? addSeconds(now, wait) : null)).immediate();
    auditSelf(ctx, method, found.account.id, wait > 0 ? `Wrong password (${failures} in a row): sign-in paused for ${inWords(wait)}` : 'Wrong password');
    throw wait > 0 ? waitFor(wait) : method === 'session.unlock' ? wrongUnlock() : wrong();
  }
  if (found.account.disabledAt) throw new AppError('SIGN_IN_FAILED', 'This account has been disabled. Ask a manager if you need it back.');
  ctx.db.transaction(() => ctx.repos.accounts.recordSuccess(found.account.id)).immediate();
  return ctx.repos.accounts.get(found.account.id);
}
