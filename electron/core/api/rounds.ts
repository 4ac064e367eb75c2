import type { roundsContract } from '../../../shared/contract/rounds.js';
import { compareIsoDates } from '../../../shared/domain/dates.js';
import { validationError } from '../../../shared/errors.js';
import type { DomainHandlers } from './types.js';

export const roundsHandlers = {
  'rounds.list': (ctx) => ctx.repos.rounds.list(),
  'rounds.create': (ctx, input) => {
    if (compareIsoDates(input.endDate, input.startDate) < 0)
      throw validationError([{ path: ['endDate'], message: 'The end date must be on or after the start date' }]);
    return ctx.repos.rounds.create(input, ctx.clock.now());
  },
  'rounds.update': (ctx, { id, ...fields }) => {
    if (compareIsoDates(fields.endDate, fields.startDate) < 0)
      throw validationError([{ path: ['endDate'], message: 'The end date must be on or after the start date' }]);
    return ctx.repos.rounds.update(id, fields, ctx.clock.now());
  },
  'rounds.delete': (ctx, input) => ctx.repos.rounds.delete(input.id),
} satisfies DomainHandlers<typeof roundsContract>;
