import type { HandlerMap } from './types.js';
import { requireOpenSetting } from './settings.js';

export const staffHandlers = {
  'staff.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.staff.list(input.settingId, input.includeArchived);
  },
  'staff.create': (ctx, { settingId, ...fields }) => {
    requireOpenSetting(ctx, settingId);
    return ctx.repos.staff.create(settingId, fields, ctx.clock.now());
  },
  'staff.update': (ctx, { id, ...fields }) => ctx.repos.staff.update(id, fields, ctx.clock.now()),
  'staff.archive': (ctx, input) => ctx.repos.staff.setArchived(input.id, input.archived, ctx.clock.now()),
} satisfies HandlerMap<'staff.list' | 'staff.create' | 'staff.update' | 'staff.archive'>;
