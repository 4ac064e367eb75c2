import type { childrenContract } from '../../../shared/contract/children.js';
import { compareIsoDates } from '../../../shared/domain/dates.js';
import { dueSoonUntil } from '../../../shared/domain/screening.js';
import { validationError, type FieldIssue } from '../../../shared/errors.js';
import { childDateIssues } from '../../../shared/schemas/children.js';
import type { CoreContext } from '../context.js';
import type { ChildFields } from '../db/repos/children.js';
import { callerReach, keyChildrenOnly } from './access.js';
import type { DomainHandlers } from './types.js';

/**
 * Rules that need the clock or the database: the date of birth against today, and the room and
 * key person belonging to the child's own setting. `current` is the stored child on an update:
 * values it already has are not checked again, so a record kept for years (its date of birth now
 * "too old"), or one whose room has since closed, can still be edited.
 */
function checkChild(ctx: CoreContext, settingId: string, f: ChildFields, current?: ChildFields): void {
  const issues: FieldIssue[] = f.dateOfBirth === current?.dateOfBirth ? [] : childDateIssues(f, ctx.clock.today());
  if (f.roomId && f.roomId !== current?.roomId) {
    const room = ctx.repos.rooms.list(settingId, true).find((r) => r.id === f.roomId);
    if (!room) issues.push({ path: ['roomId'], message: 'Choose a room in this setting' });
    else if (room.archivedAt) issues.push({ path: ['roomId'], message: `${room.name} is archived: choose another room` });
  }
  if (f.keyPersonId && f.keyPersonId !== current?.keyPersonId) {
    const person = ctx.repos.staff.list(settingId, true).find((s) => s.id === f.keyPersonId);
    if (!person) issues.push({ path: ['keyPersonId'], message: 'Choose a key person who works in this setting' });
    else if (person.archivedAt) issues.push({ path: ['keyPersonId'], message: `${person.name} has left: choose another key person` });
  }
  if (issues.length > 0) throw validationError(issues);
}

export const childrenHandlers = {
  'children.list': (ctx, { notScreenedInRound, ...input }) => {
    ctx.repos.settings.get(input.settingId);
    const today = ctx.clock.today();
    const notScreenedIn = notScreenedInRound ? ctx.repos.rounds.window(notScreenedInRound) : null;
    // A practitioner sees their key children only, unless the setting lets them see all.
    const keyPersonId = keyChildrenOnly(ctx, callerReach(ctx, ctx.session), input.settingId) ?? input.keyPersonId;
    return ctx.repos.children.list({ ...input, keyPersonId, notScreenedIn, today, dueSoonUntil: dueSoonUntil(today) });
  },
  'children.get': (ctx, input) => ctx.repos.children.get(input.id),
  'children.create': (ctx, { settingId, ...fields }) => {
    ctx.repos.settings.requireOpen(settingId, 'adding to it');
    checkChild(ctx, settingId, fields);
    return ctx.repos.children.create(settingId, fields, ctx.clock.now());
  },
  'children.update': (ctx, { id, ...fields }) => {
    const current = ctx.repos.children.get(id);
    checkChild(ctx, current.settingId, fields, current);
    return ctx.repos.children.update(id, fields, ctx.clock.now());
  },
  'children.archive': (ctx, input) => {
    const child = ctx.repos.children.get(input.id);
    const now = ctx.clock.now();
    if (!input.archived) return ctx.repos.children.setArchived(child.id, null, null, now);
    const today = ctx.clock.today();
    const leaveDate = input.leaveDate ?? child.leaveDate ?? today;
    const earliest = child.startDate ?? child.dateOfBirth;
    if (compareIsoDates(leaveDate, earliest) < 0) {
      const what = child.startDate ? 'start date' : 'date of birth';
      throw validationError([{ path: ['leaveDate'], message: `Leave date must be on or after the ${what}` }]);
    }
    // A leaver has left: a planned leave date belongs on the record (edit), not in the leavers list.
    if (compareIsoDates(leaveDate, today) > 0) {
      throw validationError([{ path: ['leaveDate'], message: 'Leave date must be today or in the past' }]);
    }
    // Archiving twice keeps the first archived time: it is when the record stopped being current.
    return ctx.repos.children.setArchived(child.id, child.archivedAt ?? now, leaveDate, now);
  },
} satisfies DomainHandlers<typeof childrenContract>;
