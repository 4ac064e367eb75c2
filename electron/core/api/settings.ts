import { AppError } from '../../../shared/errors.js';
import type { CoreContext } from '../context.js';
import type { HandlerMap } from './types.js';

/** New rooms, staff and children may only be added to a setting that is open. */
export function requireOpenSetting(ctx: CoreContext, settingId: string): void {
  const setting = ctx.repos.settings.get(settingId);
  if (setting.archivedAt) {
    throw new AppError('VALIDATION', `${setting.name} is archived: restore it before adding to it`, [
      { path: ['settingId'], message: `${setting.name} is archived` },
    ]);
  }
}

export const settingsHandlers = {
  'settings.list': (ctx, input) => ctx.repos.settings.list(input.includeArchived),
  'settings.get': (ctx, input) => ctx.repos.settings.summary(input.id),
  'settings.create': (ctx, input) => ctx.repos.settings.create(input, ctx.clock.now()),
  'settings.update': (ctx, { id, ...fields }) => ctx.repos.settings.update(id, fields, ctx.clock.now()),
  'settings.archive': (ctx, input) => ctx.repos.settings.setArchived(input.id, input.archived, ctx.clock.now()),

  'rooms.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.rooms.list(input.settingId, input.includeArchived);
  },
  'rooms.create': (ctx, input) => {
    requireOpenSetting(ctx, input.settingId);
    return ctx.repos.rooms.create(input.settingId, input.name, ctx.clock.now());
  },
  'rooms.update': (ctx, input) => ctx.repos.rooms.rename(input.id, input.name, ctx.clock.now()),
  'rooms.archive': (ctx, input) => ctx.repos.rooms.setArchived(input.id, input.archived, ctx.clock.now()),
} satisfies HandlerMap<
  | 'settings.list'
  | 'settings.get'
  | 'settings.create'
  | 'settings.update'
  | 'settings.archive'
  | 'rooms.list'
  | 'rooms.create'
  | 'rooms.update'
  | 'rooms.archive'
>;
