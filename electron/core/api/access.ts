import { factsOf, type MethodName } from '../../../shared/contract/index.js';
import type { ScopeFact } from '../../../shared/contract/facts.js';
import { roleLabels, roleMay, type Role } from '../../../shared/domain/roles.js';
import { AppError } from '../../../shared/errors.js';
import type { CoreContext, Session, SessionAccount } from '../context.js';

// Who may make a call, decided from the method's contract facts on every call before its handler
// runs (registry.ts): its permission against the signed-in person's role (shared/domain/roles.ts),
// then, where the input names a record, whether that record is within the person's reach. A
// refused call throws before anything is written.

export const defaultIdleMinutes = 10;
export const idleLockKey = 'idle_lock_minutes';

export function idleMinutes(ctx: CoreContext): number {
  const stored = Number(ctx.repos.appSettings.get(idleLockKey));
  return Number.isInteger(stored) && stored > 0 ? stored : defaultIdleMinutes;
}

/** The role's name for people, as messages and the audit trail give it. */
export function roleLabel(role: SessionAccount['role']): string {
  return role === 'local-admin' ? 'Local administrator' : roleLabels[role];
}

/**
 * What a signed-in person can see: every setting, or some; and, for a practitioner, only the
 * children whose key person they are unless the setting lets practitioners see all children.
 */
export interface Reach {
  settings: 'all' | ReadonlySet<string>;
  keyPersonId: string | null;
}

export function reachOf(ctx: CoreContext, account: SessionAccount): Reach {
  const staffSetting = () => {
    if (!account.staffId) return new Set<string>();
    const where = ctx.repos.accounts.whereIs('staff', account.staffId);
    return new Set(where ? [where.settingId] : []);
  };
  switch (account.role) {
    case 'slt-assistant':
      return { settings: new Set(account.settingIds), keyPersonId: null };
    case 'champion':
      return { settings: staffSetting(), keyPersonId: null };
    case 'practitioner':
      return { settings: staffSetting(), keyPersonId: account.staffId };
    default:
      return { settings: 'all', keyPersonId: null };
  }
}

export function inReach(reach: Reach, settingId: string): boolean {
  return reach.settings === 'all' || reach.settings.has(settingId);
}

/** Whether a practitioner sees every child of the setting, not only their key children. */
export function keyChildrenOnly(ctx: CoreContext, reach: Reach, settingId: string): string | null {
  if (!reach.keyPersonId) return null;
  return ctx.repos.accounts.practitionersSeeAll(settingId) ? null : reach.keyPersonId;
}

function readField(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Records that belong to one child: a practitioner limited to key children reaches only theirs. */
const childKinds: ReadonlySet<ScopeFact['kind']> = new Set(['child', 'screening', 'target', 'report']);

const outOfReach = () => new AppError('FORBIDDEN', 'This record is outside the settings and children you work with. Nothing was done.');

function checkScope(ctx: CoreContext, account: SessionAccount, scope: ScopeFact, input: unknown): void {
  const reach = reachOf(ctx, account);
  if (reach.settings === 'all' && !reach.keyPersonId) return;
  const id = readField(input, scope.field);
  if (id === null || id === undefined) {
    // No record named means "every setting": only people who reach every setting may ask that,
    // unless the method answers for the caller's own settings (see ScopeFact.unnamed).
    if (reach.settings !== 'all' && scope.unnamed !== 'reach') throw new AppError('FORBIDDEN', 'Choose one of the settings you work with. Nothing was done.');
    return;
  }
  if (typeof id !== 'string') return;
  const where = ctx.repos.accounts.whereIs(scope.kind, id);
  if (!where) return; // The handler reports the missing record in its own words.
  if (!inReach(reach, where.settingId)) throw outOfReach();
  const keyPerson = keyChildrenOnly(ctx, reach, where.settingId);
  if (keyPerson && childKinds.has(scope.kind) && where.keyPersonId !== keyPerson) throw outOfReach();
}

/** Reads the account afresh: a disabled or removed account is signed out at its next call. */
function refresh(ctx: CoreContext, session: Session): SessionAccount {
  const account = session.account;
  if (!account) throw new AppError('SIGN_IN_REQUIRED', 'Sign in to use Chatterbox.');
  if (account.accountId === null) return account;
  const stored = ctx.repos.accounts.find(account.accountId);
  if (!stored || stored.disabledAt) {
    session.account = null;
    session.locked = false;
    // A restored backup may not hold the account at all: sign in again with one it holds.
    const message = stored
      ? 'Your account has been disabled. Ask a manager if you need it back.'
      : 'Your account is not in this database (was a backup restored?). Sign in again.';
    throw new AppError('SIGN_IN_REQUIRED', message);
  }
  Object.assign(account, {
    displayName: stored.displayName,
    userName: stored.userName,
    role: stored.role,
    staffId: stored.staffId,
    settingIds: stored.settingIds,
    mustChangePassword: stored.mustChangePassword,
  });
  return account;
}

function minutesBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 60_000;
}

/**
 * Throws the coded refusal for a call this session may not make by who they are: signed out,
 * locked, or a role without the method's permission. Runs before the input is even read, so a
 * refused caller learns nothing from validation messages.
 */
export function admitCaller(ctx: CoreContext, session: Session, method: MethodName): void {
  const spec = factsOf(method);
  if (spec.permission === 'session:open') return;
  const account = refresh(ctx, session);
  if (spec.permission === 'session:own') return;
  const now = ctx.clock.now();
  if (account.accountId !== null) {
    if (!session.locked && session.lastActiveAt && minutesBetween(session.lastActiveAt, now) >= idleMinutes(ctx)) session.locked = true;
    if (session.locked) throw new AppError('LOCKED', 'Chatterbox is locked. Enter your password to carry on.');
    if (account.mustChangePassword) throw new AppError('FORBIDDEN', 'Choose a new password first: a manager reset yours.');
  }
  const role: Role | 'local-admin' = account.role;
  if (role !== 'local-admin' && !roleMay(role, spec.permission)) {
    throw new AppError('FORBIDDEN', `${roleLabels[role]} accounts cannot do this. Nothing was done. Ask a manager if you need it.`);
  }
  session.lastActiveAt = now;
}

/** Throws FORBIDDEN when the record the input names is outside the caller's reach (after validation). */
export function admitScope(ctx: CoreContext, session: Session, method: MethodName, input: unknown): void {
  const scope = factsOf(method).scope;
  if (scope && session.account) checkScope(ctx, session.account, scope, input);
}

/** The caller's reach, for list handlers that filter rather than refuse. */
/** The settings a caller's answer may cover: null for every setting, else the ids they reach. */
export function reachableSettings(ctx: CoreContext, session: Session): readonly string[] | null {
  const reach = callerReach(ctx, session);
  return reach.settings === 'all' ? null : [...reach.settings];
}

export function callerReach(ctx: CoreContext, session: Session): Reach {
  return session.account ? reachOf(ctx, session.account) : { settings: new Set(), keyPersonId: null };
}
