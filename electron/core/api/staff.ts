import type { staffContract } from '../../../shared/contract/staff.js';
import type { DomainHandlers } from './types.js';

export const staffHandlers = {
  'staff.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.staff.list(input.settingId, input.includeArchived);
  },
  'staff.create': (ctx, { settingId, ...fields }) => {
    ctx.repos.settings.requireOpen(settingId, 'adding to it');
    return ctx.repos.staff.create(settingId, fields, ctx.clock.now());
  },
  'staff.update': (ctx, { id, ...fields }) => ctx.repos.staff.update(id, fields, ctx.clock.now()),
  'staff.archive': (ctx, input) => ctx.repos.staff.setArchived(input.id, input.archived, ctx.clock.now()),
} satisfies DomainHandlers<typeof staffContract>;
