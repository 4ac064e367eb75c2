import type { visitsContract } from '../../../shared/contract/visits.js';
import { compareIsoDates } from '../../../shared/domain/dates.js';
import {
  actionIssues,
  actionOverdue,
  belongsIssues,
  childDiscussedWords,
  doneDateIssues,
  heldVisitIssues,
  plannedVisitIssues,
  staffMemberWords,
  visitStanding,
} from '../../../shared/domain/visits.js';
import { AppError, validationError, type FieldIssue } from '../../../shared/errors.js';
import type { MySettingVisits } from '../../../shared/schemas/visits.js';
import type { CallContext } from '../context.js';
import type { ActionFields, HeldVisitParts } from '../db/repos/visits.js';
import { callerReach } from './access.js';
import { saveVisit, visitAgenda, visitReviews } from '../services/visits/agenda.js';
import type { DomainHandlers } from './types.js';

// Visits: the rules are in shared/domain/visits.ts (forms and the visit agenda use them too);
// here they meet what only the database knows: which setting a child or staff member is in.

function refuse(issues: FieldIssue[]): void {
  if (issues.length > 0) throw validationError(issues);
}

function settingOf(ctx: CallContext, kind: 'child' | 'staff') {
  return (id: string) => ctx.repos.accounts.whereIs(kind, id)?.settingId ?? null;
}

function visitorIssues(ctx: CallContext, visitorAccountId: string | null): FieldIssue[] {
  if (visitorAccountId === null || ctx.repos.accounts.find(visitorAccountId)) return [];
  return [{ path: ['visitorAccountId'], message: 'This account was not found' }];
}

/** The checks on one action that need the database: its owner, when a staff member, is in the visit's setting. */
export function checkAction(ctx: CallContext, settingId: string, visitDate: string | null, f: ActionFields, path: (string | number)[] = []): FieldIssue[] {
  return [
    ...actionIssues(f, visitDate, path),
    ...belongsIssues([{ id: f.ownerStaffId, path: [...path, 'ownerStaffId'] }], settingId, settingOf(ctx, 'staff'), staffMemberWords),
  ];
}

/**
 * Every check on recording a held visit (the visit agenda's save calls this too, with `path`
 * naming where the visit sits in its input): the visit chosen is this setting's and not
 * cancelled, the dates, the visitor's account, and attendees and children of this setting.
 */
export function checkHeldVisit(ctx: CallContext, settingId: string, id: string | null, parts: HeldVisitParts, path: (string | number)[] = []): FieldIssue[] {
  if (id !== null) {
    const visit = ctx.repos.visits.get(id);
    if (visit.settingId !== settingId) return [{ path: [...path, 'id'], message: 'This visit belongs to another setting' }];
    if (visit.status === 'cancelled') return [{ path: [...path, 'id'], message: 'This visit was cancelled: record the visit without choosing it' }];
  }
  return [
    ...heldVisitIssues(parts, ctx.clock.today(), path),
    ...visitorIssues(ctx, parts.visitorAccountId).map((i) => ({ ...i, path: [...path, ...i.path] })),
    ...belongsIssues(
      parts.attendees.map((a, i) => ({ id: a.staffId, path: [...path, 'attendees', i, 'staffId'] })),
      settingId,
      settingOf(ctx, 'staff'),
      staffMemberWords,
    ),
    ...belongsIssues(
      parts.childrenDiscussed.map((c, i) => ({ id: c.childId, path: [...path, 'childrenDiscussed', i, 'childId'] })),
      settingId,
      settingOf(ctx, 'child'),
      childDiscussedWords,
    ),
  ];
}

function openVisit(ctx: CallContext, visitId: string) {
  const visit = ctx.repos.visits.get(visitId);
  if (visit.status === 'cancelled') {
    throw validationError(
      [{ path: ['visitId'], message: 'This visit was cancelled' }],
      'This visit was cancelled: add actions to a visit that is planned or held',
    );
  }
  return visit;
}

/** The settings "My visits" covers, from who is asking and whom they ask about. */
function settingsForMine(ctx: CallContext, accountId: string | null): { settingIds: readonly string[] | 'all'; assistantName: string | null } {
  const reach = callerReach(ctx, ctx.session);
  const me = ctx.session.account;
  if (reach.settings !== 'all') {
    if (accountId !== null && accountId !== me?.accountId) throw new AppError('FORBIDDEN', 'You can see only your own visits. Nothing was done.');
    return { settingIds: [...reach.settings], assistantName: me?.displayName ?? null };
  }
  if (accountId === null) return { settingIds: 'all', assistantName: null };
  const account = ctx.repos.accounts.find(accountId);
  if (!account || account.role !== 'slt-assistant') throw validationError([{ path: ['accountId'], message: 'Choose an SLT assistant' }]);
  return { settingIds: account.settingIds, assistantName: account.displayName };
}

export const visitsHandlers = {
  'visits.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.visits.list(input.settingId);
  },
  'visits.get': (ctx, input) => ctx.repos.visits.get(input.id),
  'visits.schedule': (ctx, { settingId, plannedDate, ...visitor }) => {
    ctx.repos.settings.requireOpen(settingId, 'planning a visit');
    refuse([...plannedVisitIssues(plannedDate, ctx.clock.today()), ...visitorIssues(ctx, visitor.visitorAccountId)]);
    return ctx.repos.visits.schedule(settingId, plannedDate, visitor, ctx.clock.now());
  },
  'visits.record': (ctx, { settingId, id, ...parts }) => {
    ctx.repos.settings.requireOpen(settingId, 'recording a visit');
    refuse(checkHeldVisit(ctx, settingId, id, parts));
    return ctx.repos.visits.record(settingId, id, parts, ctx.clock.now());
  },
  'visits.cancel': (ctx, input) => {
    const visit = ctx.repos.visits.get(input.id);
    if (visit.status !== 'planned')
      refuse([{ path: ['id'], message: visit.status === 'held' ? 'This visit was held: it cannot be cancelled' : 'This visit is already cancelled' }]);
    return ctx.repos.visits.cancel(input.id, input.reason, ctx.clock.now());
  },
  'visits.actions': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.visits.actions(input.settingId, input.includeDone);
  },
  'visits.addAction': (ctx, { visitId, ...fields }) => {
    const visit = openVisit(ctx, visitId);
    refuse(checkAction(ctx, visit.settingId, visit.heldDate ?? visit.plannedDate, fields));
    return ctx.repos.visits.addAction(visitId, fields, ctx.clock.now());
  },
  'visits.updateAction': (ctx, { id, ...fields }) => {
    const action = ctx.repos.visits.action(id);
    refuse(checkAction(ctx, action.settingId, action.visitDate, fields));
    return ctx.repos.visits.updateAction(id, fields, ctx.clock.now());
  },
  'visits.setActionDone': (ctx, input) => {
    const action = ctx.repos.visits.action(input.id);
    if (!input.done) return ctx.repos.visits.setActionDone(input.id, null, '', ctx.clock.now());
    const doneDate = input.doneDate ?? ctx.clock.today();
    refuse(doneDateIssues(doneDate, action.visitDate, ctx.clock.today()));
    const doneBy = input.doneBy || (ctx.session.account?.displayName ?? '');
    return ctx.repos.visits.setActionDone(input.id, doneDate, doneBy, ctx.clock.now());
  },
  'visits.mine': (ctx, input) => {
    const today = ctx.clock.today();
    const { settingIds, assistantName } = settingsForMine(ctx, input.accountId);
    const settings: MySettingVisits[] = ctx.repos.visits.settingFacts(settingIds).map((f) => {
      const standing = visitStanding({ today, everyWeeks: f.everyWeeks, lastHeld: f.lastHeld, plannedDate: f.planned?.plannedDate ?? null });
      return {
        settingId: f.settingId,
        settingName: f.settingName,
        everyWeeks: f.everyWeeks,
        lastHeldDate: f.lastHeld?.heldDate ?? null,
        plannedVisitId: f.planned?.id ?? null,
        plannedDate: f.planned?.plannedDate ?? null,
        dueDate: standing.dueDate,
        standing: standing.standing,
        overdue: standing.overdue,
        words: standing.words,
        openActions: f.openActions.map((a) => ({ ...a, overdue: actionOverdue(a, today) })),
      };
    });
    // Overdue first, then by when the next visit is due (never visited first), then by name.
    settings.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueDate === b.dueDate ? 0 : a.dueDate === null ? -1 : b.dueDate === null ? 1 : compareIsoDates(a.dueDate, b.dueDate)) ||
        a.settingName.localeCompare(b.settingName, 'en-GB'),
    );
    return { today, assistantName, settings };
  },
  'visits.frequency': (ctx, input) => ctx.repos.visits.frequency(input.settingId),
  'visits.setFrequency': (ctx, input) => {
    ctx.repos.settings.requireOpen(input.settingId, 'changing it');
    return ctx.repos.visits.setFrequency(input.settingId, input.weeks, ctx.clock.now());
  },
  'visits.agenda': (ctx, input) => visitAgenda(ctx, input),
  'visits.save': (ctx, input) => saveVisit(ctx, 'visits.save', input),
  'visits.reviews': (ctx, input) => visitReviews(ctx, input.id),
} satisfies DomainHandlers<typeof visitsContract>;
