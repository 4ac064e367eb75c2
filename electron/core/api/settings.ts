import type { settingsContract } from '../../../shared/contract/settings.js';
import { callerReach, inReach } from './access.js';
import type { DomainHandlers } from './types.js';

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
} satisfies DomainHandlers<typeof settingsContract>;
