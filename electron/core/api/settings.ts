import type { settingsContract } from '../../../shared/contract/settings.js';
import { childListQuerySchema } from '../../../shared/schemas/children.js';
import { roleMay } from '../../../shared/domain/roles.js';
import { dueSoonUntil } from '../../../shared/domain/screening.js';
import { endOfWeek } from '../../../shared/domain/targets.js';
import { callerReach, inReach, keyChildrenOnly } from './access.js';
import type { DomainHandlers } from './types.js';

/** SQLite's LIMIT -1: every row. A setting's due reviews are a few dozen at most, and the count is the list's length. */
const NO_LIMIT = -1;

export const settingsHandlers = {
  'settings.list': (ctx, input) => {
    const reach = callerReach(ctx, ctx.session);
    return ctx.repos.settings.list(input.includeArchived, ctx.clock.today()).filter((s) => inReach(reach, s.id));
  },
  'settings.get': (ctx, input) => ctx.repos.settings.summary(input.id, ctx.clock.today()),
  'settings.create': (ctx, input) => ctx.repos.settings.create(input, ctx.clock.now()),
  'settings.update': (ctx, { id, ...fields }) => ctx.repos.settings.update(id, fields, ctx.clock.now()),
  'settings.archive': (ctx, input) => ctx.repos.settings.setArchived(input.id, input.archived, ctx.clock.now()),
  'settings.updateReviewIntervals': (ctx, { settingId, ...intervals }) => {
    ctx.repos.settings.requireOpen(settingId, 'adding to it');
    return ctx.repos.settings.setReviewIntervals(settingId, intervals, ctx.clock.now());
  },
  'settings.workLists': (ctx, { settingId }) => {
    ctx.repos.settings.get(settingId);
    const today = ctx.clock.today();
    // The children list's own filter: a practitioner sees their key children only.
    const keyPersonId = keyChildrenOnly(ctx, callerReach(ctx, ctx.session), settingId);
    const reviewsDueBy = endOfWeek(today);
    // Re-screens: the children list's query with its overdue and due-soon filters, as the list those counts open.
    const { notScreenedInRound: _none, ...defaults } = childListQuerySchema.parse({ settingId, limit: 1 });
    const rescreens = (filter: { reviewOverdue: boolean } | { reviewDueSoon: boolean }) =>
      ctx.repos.children.list({ ...defaults, ...filter, keyPersonId, notScreenedIn: null, today, dueSoonUntil: dueSoonUntil(today) }).total;
    const role = ctx.session.account?.role;
    const seesVisits = role === 'local-admin' || (role !== undefined && roleMay(role, 'visits:read'));
    return {
      reviewsDueBy,
      targetReviewsDue: ctx.repos.targets.list({ settingId, status: null, reviewDueBy: reviewsDueBy, keyPersonId, limit: NO_LIMIT }),
      rescreensOverdue: rescreens({ reviewOverdue: true }),
      rescreensDueSoon: rescreens({ reviewDueSoon: true }),
      openVisitActions: seesVisits ? ctx.repos.visits.actions(settingId, false) : null,
      redAmberWithoutTarget: ctx.repos.targets.redAmberWithoutTarget(settingId, keyPersonId),
    };
  },
} satisfies DomainHandlers<typeof settingsContract>;
