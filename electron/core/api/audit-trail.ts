import type { AuditFact } from '../../../shared/contract/index.js';
import type { AuditEntry } from '../../../shared/schemas/audit.js';
import type { CallContext, CoreContext, Session } from '../context.js';
import { roleLabel } from './access.js';

// The audit trail, written by the registry for every call whose contract entry says so, inside
// the same transaction as the change: a change is never saved without its audit row, nor the
// reverse. What is recorded comes from the method's audit fact, never from its name.

type ChangeFact = Extract<AuditFact, { mode: 'change' }>;
type AccessFact = Extract<AuditFact, { mode: 'access' }>;

/** Record types whose state before a change can be read, so the row can show before and after. */
const getters: Partial<Record<string, (ctx: CoreContext, id: string) => object>> = {
  settings: (ctx, id) => ctx.repos.settings.get(id),
  rooms: (ctx, id) => ctx.repos.rooms.get(id),
  staff: (ctx, id) => ctx.repos.staff.get(id),
  children: (ctx, id) => ctx.repos.children.get(id),
  screenings: (ctx, id) => ctx.repos.screenings.get(id),
  instruments: (ctx, id) => ctx.repos.instruments.get(id),
  rounds: (ctx, id) => ctx.repos.rounds.get(id),
  accounts: (ctx, id) => ctx.repos.accounts.get(id),
  visits: (ctx, id) => ctx.repos.visits.get(id),
  visitActions: (ctx, id) => ctx.repos.visits.action(id),
  visitFrequency: (ctx, id) => ctx.repos.visits.frequency(id),
  setting_targets: (ctx, id) => ctx.repos.settingTargets.get(id),
  strategies: (ctx, id) => ctx.repos.strategies.get(id),
  targets: (ctx, id) => ctx.repos.targets.get(id),
  // The report's title and period, not its snapshot: the trail must not copy children's names.
  reports: (ctx, id) => ctx.repos.reports.item(id),
};

function inputId(input: unknown, field: string): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

function fetchRecord(ctx: CoreContext, record: string, id: string | null): object | null {
  const getter = getters[record];
  if (!getter || !id) return null;
  try {
    return getter(ctx, id);
  } catch {
    return null; // The handler reports a missing record itself.
  }
}

/** A dry run (imports) changes nothing, so there is nothing to record. */
export function isDryRun(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { dryRun?: unknown }).dryRun === true;
}

/** The record as it was before the call, for updates and removals (null for creates). */
export function recordBefore(ctx: CoreContext, fact: ChangeFact, input: unknown): object | null {
  if (fact.action === 'create') return null;
  return fetchRecord(ctx, fact.record, inputId(input, fact.idField ?? 'id'));
}

// Bookkeeping fields and counts say nothing about what a person changed.
const ignored = new Set([
  'createdAt',
  'updatedAt',
  'childrenOnRoll',
  'roomCount',
  'staffCount',
  'keyChildren',
  'screeningCount',
  'roomName',
  'keyPersonName',
  'screenerName',
  'instrumentName',
  'latestScreening',
  'settingName',
  'visitDate',
  // Children discussed at a visit: notes about a child, which a retention purge must be able to
  // remove with the child. The trail records that the visit changed, not what was said about whom.
  'childrenDiscussed',
  'childName',
  'targetCount',
  // A produced report's snapshot holds children's names and figures: the trail names the report
  // (its title and period) and where to find it, and a purge need not rewrite audit rows.
  'snapshot',
]);

function shorten(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function changesBetween(before: object | null, after: object | null): AuditEntry['changes'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !ignored.has(f) && f !== 'id');
  return fields
    .map((field) => ({ field, before: before ? shorten(b[field]) : null, after: after ? shorten(a[field]) : null }))
    .filter((c) => c.before !== c.after);
}

/** Who made the change, as the audit trail names them: the account and its role at the time. */
export function actorOf(session: Session): { actorAccountId: string | null; actorStaffId: string | null; actorName: string } {
  const account = session.account;
  if (!account) return { actorAccountId: null, actorStaffId: null, actorName: 'Not signed in' };
  // The local administrator's name already says what they are.
  const name = account.role === 'local-admin' ? account.displayName : `${account.displayName} (${roleLabel(account.role)})`;
  return { actorAccountId: account.accountId, actorStaffId: account.staffId, actorName: name };
}

function settingIdOf(fact: { record: string }, record: Record<string, unknown>): string | null {
  if (typeof record.settingId === 'string') return record.settingId;
  return fact.record === 'settings' && typeof record.id === 'string' ? record.id : null;
}

export function writeChange(ctx: CallContext, method: string, fact: ChangeFact, input: unknown, before: object | null, result: unknown): void {
  const removes = fact.action === 'remove';
  const after = !removes && typeof result === 'object' && result !== null && !Array.isArray(result) ? result : null;
  const record = (after ?? before ?? {}) as Record<string, unknown>;
  ctx.repos.audit.write({
    at: ctx.clock.now(),
    ...actorOf(ctx.session),
    method,
    recordType: fact.record,
    recordId: typeof record.id === 'string' ? record.id : inputId(input, fact.idField ?? 'id'),
    settingId: settingIdOf(fact, record),
    changes: changesBetween(before, after),
  });
}

/** Personal data leaving without a change: one row naming whose records and why. */
export function writeAccess(ctx: CallContext, method: string, fact: AccessFact, input: unknown): void {
  const id = inputId(input, fact.idField);
  const record = (fetchRecord(ctx, fact.record, id) ?? {}) as Record<string, unknown>;
  ctx.repos.audit.write({
    at: ctx.clock.now(),
    ...actorOf(ctx.session),
    method,
    recordType: fact.record,
    recordId: id,
    settingId: settingIdOf(fact, record),
    changes: [],
    note: fact.note,
  });
}
