import { compareIsoDates } from '../../../shared/domain/dates.js';
import { validationError } from '../../../shared/errors.js';
import type { HandlerMap } from './types.js';

export const cohortHandlers = {
  'rounds.list': (ctx) => ctx.repos.rounds.list(),
  'rounds.create': (ctx, input) => {
    if (compareIsoDates(input.endDate, input.startDate) < 0) throw validationError([{ path: ['endDate'], message: 'The end date must be on or after the start date' }]);
    return ctx.repos.rounds.create(input, ctx.clock.now());
  },
  'rounds.update': (ctx, { id, ...fields }) => {
    if (compareIsoDates(fields.endDate, fields.startDate) < 0) throw validationError([{ path: ['endDate'], message: 'The end date must be on or after the start date' }]);
    return ctx.repos.rounds.update(id, fields, ctx.clock.now());
  },
  'rounds.delete': (ctx, input) => ctx.repos.rounds.delete(input.id),

  'cohort.breakdown': (ctx, input) => {
    ctx.repos.rounds.window(input.roundId);
    return ctx.repos.cohort.breakdown(input.scope, input.roundId, input.groupBy, input.suppressBelow);
  },
  'cohort.workingAt': (ctx, input) => {
    ctx.repos.rounds.window(input.roundId);
    return ctx.repos.cohort.workingAt(input.scope, input.roundId);
  },
  'cohort.overview': (ctx, input) => ctx.repos.cohort.overview(input.scope, ctx.repos.rounds.window(input.roundId), ctx.clock.today()),
  'cohort.trend': (ctx, input) => ctx.repos.cohort.trend(input.scope),
  'cohort.transitions': (ctx, input) => {
    ctx.repos.rounds.window(input.fromRoundId);
    ctx.repos.rounds.window(input.toRoundId);
    return ctx.repos.cohort.transitions(input.scope, input.fromRoundId, input.toRoundId);
  },
  'cohort.settings': (ctx, input) => {
    ctx.repos.rounds.window(input.roundId);
    return ctx.repos.cohort.settings(input.roundId, input.localAuthority, input.settingType, ctx.clock.today());
  },
  'cohort.children': (ctx, input) => {
    const round = input.roundId ? ctx.repos.rounds.window(input.roundId) : null;
    if (input.fromRoundId) ctx.repos.rounds.window(input.fromRoundId);
    return ctx.repos.cohort.children({ ...input, round, today: ctx.clock.today() });
  },
} satisfies HandlerMap<
  | 'rounds.list'
  | 'rounds.create'
  | 'rounds.update'
  | 'rounds.delete'
  | 'cohort.breakdown'
  | 'cohort.workingAt'
  | 'cohort.overview'
  | 'cohort.trend'
  | 'cohort.transitions'
  | 'cohort.settings'
  | 'cohort.children'
>;
