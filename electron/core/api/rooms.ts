import type { roomsContract } from '../../../shared/contract/rooms.js';
import type { DomainHandlers } from './types.js';

export const roomsHandlers = {
  'rooms.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.rooms.list(input.settingId, input.includeArchived);
  },
  'rooms.create': (ctx, input) => {
    ctx.repos.settings.requireOpen(input.settingId, 'adding to it');
    return ctx.repos.rooms.create(input.settingId, input.name, ctx.clock.now());
  },
  'rooms.update': (ctx, input) => ctx.repos.rooms.rename(input.id, input.name, ctx.clock.now()),
  'rooms.archive': (ctx, input) => ctx.repos.rooms.setArchived(input.id, input.archived, ctx.clock.now()),
} satisfies DomainHandlers<typeof roomsContract>;
