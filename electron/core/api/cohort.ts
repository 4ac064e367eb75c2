import type { cohortContract } from '../../../shared/contract/cohort.js';
import { callerReach, inReach, reachableSettings } from './access.js';
import type { CallContext } from '../context.js';
import type { Scope } from '../db/repos/cohort.js';
import type { DomainHandlers } from './types.js';

/** The question's scope, narrowed to the settings the caller reaches when they ask across "all settings". */
const reachOf = (ctx: CallContext, scope: Omit<Scope, 'within'>): Scope => ({ ...scope, within: reachableSettings(ctx, ctx.session) });

export const cohortHandlers = {
  'cohort.breakdown': (ctx, input) => {
    ctx.repos.rounds.window(input.roundId);
    return ctx.repos.cohort.breakdown(reachOf(ctx, input.scope), input.roundId, input.groupBy, input.suppressBelow);
  },
  'cohort.workingAt': (ctx, input) => {
    ctx.repos.rounds.window(input.roundId);
    return ctx.repos.cohort.workingAt(reachOf(ctx, input.scope), input.roundId);
  },
  'cohort.overview': (ctx, input) => ctx.repos.cohort.overview(reachOf(ctx, input.scope), ctx.repos.rounds.window(input.roundId), ctx.clock.today()),
  'cohort.trend': (ctx, input) => ctx.repos.cohort.trend(reachOf(ctx, input.scope)),
  'cohort.transitions': (ctx, input) => {
    ctx.repos.rounds.window(input.fromRoundId);
    ctx.repos.rounds.window(input.toRoundId);
    return ctx.repos.cohort.transitions(reachOf(ctx, input.scope), input.fromRoundId, input.toRoundId);
  },
  'cohort.settings': (ctx, input) => {
    const all = ctx.repos.cohort.settings(ctx.repos.rounds.window(input.roundId), input.localAuthority, input.settingType, ctx.clock.today());
    const reach = callerReach(ctx, ctx.session);
    if (reach.settings === 'all') return all;
    // Someone who covers some settings compares those only; the totals are theirs, summed again.
    const rows = all.rows.filter((r) => inReach(reach, r.settingId));
    // Every column of the total, so a column added later is summed here too.
    const columns = Object.keys(all.total) as (keyof typeof all.total)[];
    const total = Object.fromEntries(columns.map((f) => [f, rows.reduce((n, r) => n + r[f], 0)])) as typeof all.total;
    return { ...all, rows, total };
  },
  'cohort.targets': (ctx, input) =>
    ctx.repos.cohort.targets(reachOf(ctx, input.scope), ctx.repos.rounds.window(input.roundId), input.groupBy, input.suppressBelow),
  'cohort.children': (ctx, input) => {
    const round = input.roundId ? ctx.repos.rounds.window(input.roundId) : null;
    if (input.fromRoundId) ctx.repos.rounds.window(input.fromRoundId);
    return ctx.repos.cohort.children({ ...input, scope: reachOf(ctx, input.scope), round, today: ctx.clock.today() });
  },
} satisfies DomainHandlers<typeof cohortContract>;
