import type { strategiesContract } from '../../../shared/contract/strategies.js';
import { AppError } from '../../../shared/errors.js';
import { callerReach, inReach } from './access.js';
import type { DomainHandlers } from './types.js';

export const strategiesHandlers = {
  'strategies.list': (ctx, input) => {
    if (input.settingId) {
      ctx.repos.settings.get(input.settingId);
      // The shared library is for everyone; a setting's own strategies only for those who reach it.
      if (!inReach(callerReach(ctx, ctx.session), input.settingId)) {
        throw new AppError('FORBIDDEN', 'This record is outside the settings and children you work with. Nothing was done.');
      }
    }
    return ctx.repos.strategies.list(input);
  },
  'strategies.create': (ctx, { settingId, ...fields }) => {
    if (settingId) ctx.repos.settings.requireOpen(settingId, 'adding to it');
    return ctx.repos.strategies.create(settingId, fields, ctx.clock.now());
  },
  'strategies.update': (ctx, { id, ...fields }) => ctx.repos.strategies.update(id, fields, ctx.clock.now()),
  'strategies.archive': (ctx, input) => ctx.repos.strategies.setArchived(input.id, input.archived, ctx.clock.now()),
} satisfies DomainHandlers<typeof strategiesContract>;
