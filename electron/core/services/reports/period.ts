import { formatUkDate } from '../../../../shared/domain/dates.js';
import type { ReportPeriodInfo } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';

// The period a setting or area report covers, worked out once for every figure in it: which
// round's screenings it counts, which round progress is measured from, and the dates targets,
// visits and whole-setting targets are counted over.

export interface RoundWindow {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface ReportPeriod {
  info: ReportPeriodInfo;
  /** The round whose screenings the figures count (null: no round in the period). */
  round: RoundWindow | null;
  /** The round progress is measured from (null: none). */
  previous: RoundWindow | null;
}

/** The latest round that ended before `round` began. */
function roundBefore(rounds: readonly RoundWindow[], round: RoundWindow): RoundWindow | null {
  return rounds.filter((r) => r.endDate < round.startDate).sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? null;
}

/**
 * A round: its own dates, progress from the round before. A date range: the figures of the last
 * round ending inside it, progress from the first round starting inside it when that is another
 * round (a range holding one round compares it with the round before, as choosing that round
 * would), and targets and visits over the dates themselves.
 */
export function reportPeriod(ctx: CallContext, input: { roundId: string | null; from: string | null; to: string | null }): ReportPeriod {
  const rounds = ctx.repos.rounds.windows();
  if (input.roundId) {
    const round = ctx.repos.rounds.window(input.roundId);
    const previous = roundBefore(rounds, round);
    return {
      round,
      previous,
      info: infoOf(`${round.name} (${formatUkDate(round.startDate)} to ${formatUkDate(round.endDate)})`, round.startDate, round.endDate, round, previous),
    };
  }
  // The schema insists on both dates when there is no round.
  const from = input.from ?? '';
  const to = input.to ?? '';
  const round = rounds.filter((r) => r.endDate >= from && r.endDate <= to).sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? null;
  const first = rounds.filter((r) => r.startDate >= from && r.startDate <= to).sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ?? null;
  const previous = round === null ? null : first && first.id !== round.id && first.startDate < round.startDate ? first : roundBefore(rounds, round);
  const dates = `${formatUkDate(from)} to ${formatUkDate(to)}`;
  // A range that is exactly one round is named after it.
  const label = round && round.startDate === from && round.endDate === to ? `${round.name} (${dates})` : dates;
  return { round, previous, info: infoOf(label, from, to, round, previous) };
}

function infoOf(label: string, from: string, to: string, round: RoundWindow | null, previous: RoundWindow | null): ReportPeriodInfo {
  return {
    label,
    from,
    to,
    roundId: round?.id ?? null,
    roundName: round?.name ?? null,
    previousRoundId: previous?.id ?? null,
    previousRoundName: previous?.name ?? null,
  };
}
