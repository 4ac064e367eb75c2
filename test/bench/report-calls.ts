import type { BenchCall, CallContext } from './calls.js';

// The printed progress reports (issue 13): producing a setting report and an area report, each
// the whole report (about twenty cohort figures, lists, and the snapshot stored with its audit
// row) through core.call. Their lower bounds are one statement each giving the part of the answer
// a reader checks first (Red/Amber/Green by age section; children screened per setting), so the
// numbers are compared with the data; the ratio to that part is reported but not judged.
//
// Producing writes a report row (and an audit row) on every run: at most warm-up + iterations + 1
// rows per call on each database, removed by `cleanUpSql` once all timing is done, so later
// sections (data in and out, the backup) see the database as generated plus freed pages.

type Row = Record<string, unknown>;
const n = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));
const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const cleanUpSql = `DELETE FROM reports; DELETE FROM audit_log WHERE method IN ('reports.produceSetting', 'reports.produceArea')`;
const notJudged = 'the lower bound gives one table of the report, to check its numbers; the report computes about twenty and stores a snapshot';

interface RagRow {
  key: string;
  red: number;
  amber: number;
  green: number;
  total: number;
}
interface Produced {
  snapshot: {
    figures: { byAgeSection: { rows: RagRow[] } };
    settings?: { settingId: string; screened: number }[];
  };
}

/** A setting's progress report for the latest round, produced (about 250 children on roll: the largest setting). */
function produceSetting(name: string, settingId: string, roundId: string): BenchCall {
  return {
    name,
    method: 'reports.produceSetting',
    input: { settingId, period: { roundId }, narrative: { achievements: 'Benchmark run.', priorities: '' } },
    lowerBoundSql: `SELECT CAST(rs.age_section AS TEXT) AS key, sum(rs.children * (rs.colour = 'red')) AS red, sum(rs.children * (rs.colour = 'amber')) AS amber,
        sum(rs.children * (rs.colour = 'green')) AS green, sum(rs.children) AS total
      FROM round_summary rs WHERE rs.round_id = @roundId AND rs.setting_id = @settingId GROUP BY rs.age_section`,
    lowerBoundParams: { settingId, roundId },
    fromApi: (value) =>
      byKey((value as Produced).snapshot.figures.byAgeSection.rows.map(({ key, red, amber, green, total }) => ({ key, red, amber, green, total }))),
    fromLowerBound: (rows: Row[]) => byKey(rows.map((r) => ({ key: String(r.key), red: n(r.red), amber: n(r.amber), green: n(r.green), total: n(r.total) }))),
    p95TargetMs: 100,
    ratioNotJudged: notJudged,
    cleanUpSql,
  };
}

/** The area report over every open setting (148 of 150) for the latest round, produced. */
function produceArea(name: string, roundId: string): BenchCall {
  const shape = (rows: { key: string; screened: number }[]) => byKey(rows);
  return {
    name,
    method: 'reports.produceArea',
    input: { period: { roundId }, suppressBelow: 5, narrative: { achievements: 'Benchmark run.', priorities: '' } },
    lowerBoundSql: `SELECT s.id AS key, coalesce((SELECT sum(rs.children) FROM round_summary rs WHERE rs.round_id = @roundId AND rs.setting_id = s.id), 0) AS screened
      FROM settings s WHERE s.archived_at IS NULL`,
    lowerBoundParams: { roundId },
    fromApi: (value) => shape(((value as Produced).snapshot.settings ?? []).map((r) => ({ key: r.settingId, screened: r.screened }))),
    fromLowerBound: (rows: Row[]) => shape(rows.map((r) => ({ key: String(r.key), screened: n(r.screened) }))),
    p95TargetMs: 500,
    ratioNotJudged: notJudged,
    cleanUpSql,
  };
}

export function reportCalls(ctx: CallContext): BenchCall[] {
  const latest = ctx.rounds[ctx.rounds.length - 1];
  if (!latest) throw new Error('The benchmark needs a round');
  return [produceSetting('reports.produceSetting.largest', ctx.largestSettingId, latest.id), produceArea('reports.produceArea.all', latest.id)];
}
