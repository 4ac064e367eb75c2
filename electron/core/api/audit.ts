import type { MethodName } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditEntry } from '../../../shared/schemas/audit.js';
import type { CoreContext } from '../context.js';
import type { HandlerMap } from './types.js';

// The audit trail, written by the registry for every call that changes data, inside the same
// transaction as the change: a change is never saved without its audit row, nor the reverse.

const readDomains = new Set(['app', 'cohort', 'export', 'audit', 'session']);
/** Methods that write their own, more careful audit rows (a purge must not copy what it deletes). */
const selfAudited = new Set(['retention.purge']);
const readVerb = /^(list|get|info|preview|due|policies)/;

/** A call that changes data; a dry run (imports) changes nothing, so it is not one. */
export function isAuditedWrite(method: MethodName, input?: unknown): boolean {
  const [domain = '', verb = ''] = method.split('.');
  const dryRun = typeof input === 'object' && input !== null && (input as { dryRun?: unknown }).dryRun === true;
  return !readDomains.has(domain) && !readVerb.test(verb) && !dryRun && !selfAudited.has(method);
}

type Getter = (ctx: CoreContext, id: string) => object;
const getters: Record<string, Getter> = {
  settings: (ctx, id) => ctx.repos.settings.get(id),
  rooms: (ctx, id) => ctx.repos.rooms.get(id),
  staff: (ctx, id) => ctx.repos.staff.get(id),
  children: (ctx, id) => ctx.repos.children.get(id),
  screenings: (ctx, id) => ctx.repos.screenings.get(id),
  instruments: (ctx, id) => ctx.repos.instruments.get(id),
  rounds: (ctx, id) => ctx.repos.rounds.get(id),
};

function recordIdOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const i = input as Record<string, unknown>;
  const id = i.id ?? (typeof i.settingId === 'string' && !('name' in i) ? i.settingId : undefined);
  return typeof id === 'string' ? id : null;
}

/** The record as it was before the call, for updates, archives and deletes (null for creates). */
export function recordBefore(ctx: CoreContext, method: MethodName, input: unknown): object | null {
  const getter = getters[method.split('.')[0] ?? ''];
  const id = recordIdOf(input);
  if (!getter || !id || method.endsWith('.create')) return null;
  try {
    return getter(ctx, id);
  } catch {
    return null; // The handler will report the missing record itself.
  }
}

// Bookkeeping fields and counts say nothing about what a person changed.
const ignored = new Set(['createdAt', 'updatedAt', 'childrenOnRoll', 'roomCount', 'staffCount', 'keyChildren', 'screeningCount', 'roomName', 'keyPersonName', 'screenerName', 'instrumentName', 'latestScreening']);

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

export function writeAudit(ctx: CoreContext, method: MethodName, input: unknown, before: object | null, result: unknown): void {
  const deleted = method.endsWith('.delete') || method.endsWith('.undoLast') || method.endsWith('.purge');
  const after = !deleted && typeof result === 'object' && result !== null && !Array.isArray(result) ? result : null;
  const record = (after ?? before ?? {}) as Record<string, unknown>;
  const recordId = typeof record.id === 'string' ? record.id : recordIdOf(input);
  const [domain = method] = method.split('.');
  const settingId = typeof record.settingId === 'string' ? record.settingId : domain === 'settings' && typeof record.id === 'string' ? record.id : null;
  const actor = ctx.session.actor;
  ctx.repos.audit.write({
    at: ctx.clock.now(),
    actorStaffId: actor?.staffId ?? null,
    actorName: actor?.name ?? 'Not recorded',
    method,
    recordType: domain,
    recordId,
    settingId,
    changes: deleted ? changesBetween(before, null) : changesBetween(before, after),
  });
}

export const auditHandlers = {
  'audit.list': (ctx, input) => ctx.repos.audit.list(input),
  'session.getActor': (ctx) => ctx.session.actor,
  'session.setActor': (ctx, input) => {
    if (input.staffId) {
      const person = ctx.repos.staff.get(input.staffId);
      if (person.archivedAt) throw new AppError('VALIDATION', `${person.name} has left`, [{ path: ['staffId'], message: `${person.name} has left: choose someone else` }]);
      ctx.session.actor = { staffId: person.id, name: person.name };
    } else {
      ctx.session.actor = { staffId: null, name: input.name };
    }
    return ctx.session.actor;
  },
} satisfies HandlerMap<'audit.list' | 'session.getActor' | 'session.setActor'>;
