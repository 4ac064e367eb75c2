import type { RagCounts } from '../schemas/cohort.js';

// The gap between a group and everyone else, one definition for the cohort dashboard's tables
// and the printed reports: how many percentage points the group's share of Green differs from
// the rest's, rounded to whole points (a tenth of a point would be false precision for groups of
// a few dozen children).

/** Whole percentage points; null when the group or the rest is empty (nothing to compare). */
export function greenGapPoints(group: RagCounts, rest: RagCounts): number | null {
  if (group.total <= 0 || rest.total <= 0) return null;
  return Math.round((group.green / group.total - rest.green / rest.total) * 100);
}

/** The rest of `all` once `group` is taken out. */
export function restOf(group: RagCounts, all: RagCounts): RagCounts {
  return { red: all.red - group.red, amber: all.amber - group.amber, green: all.green - group.green, total: all.total - group.total };
}
