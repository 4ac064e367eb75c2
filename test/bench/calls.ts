import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { MethodName } from '../../shared/contract/index.js';
import type { CohortBreakdown, CohortChildren, CohortOverview, SettingsComparison, Transition, TrendRow, WorkingAtRow } from '../../shared/schemas/cohort.js';
import type { Db } from '../../electron/core/db/connection.js';
import { cycleCalls } from './cycle-calls.js';
import { reportCalls } from './report-calls.js';
import type { RoundInfo } from './generate.js';

// The dashboard calls the benchmark times, each beside a hand-written lower bound: ONE SQL
// statement, prepared once, that yields the same numbers from the same data as fast as we know
// how (full scans where a scan beats an index, no per-call prepare, no validation). Both sides
// are reduced to the same plain shape (`fromApi`, `fromLowerBound`) and must be equal.
//
// The lower bounds use what the schema offers, found at run time (`schemaFeatures`): when the
// round_summary table (counts per round, setting, age section, colour and sections behind) and
// children.latest_review_date exist, the statements that can read them do, since that is the
// fastest way to the same numbers. Such a call also carries a reference statement over the
// undigested rows (round_results, screenings) that is run once, untimed, and must give the API's
// numbers too, so the summaries themselves are checked.

type Row = Record<string, unknown>;
type Params = Record<string, string | number | null>;

export interface BenchCall {
  name: string;
  method: MethodName;
  input: Record<string, unknown>;
  /** What the lower-bound statement is, for the report. */
  lowerBoundSql: string;
  lowerBoundParams: Params;
  /**
   * When the lower bound reads a summary (round_summary, children.latest_review_date): one
   * statement over round_results and screenings, same parameters and shape, checked untimed.
   */
  referenceSql?: string;
  fromApi(value: unknown): unknown;
  fromLowerBound(rows: Row[]): unknown;
  /** A target of its own instead of the size's p95 (the printed reports have theirs). */
  p95TargetMs?: number;
  /** Why the ratio to the lower bound is reported but not judged, when the lower bound checks only part of the answer. */
  ratioNotJudged?: string;
  /** For a call that writes: SQL removing what its runs wrote, run once after all timing (run.test.ts). */
  cleanUpSql?: string;
}

export interface PreparedCall extends BenchCall {
  statement: Statement;
  referenceStatement: Statement | null;
}

/** Derived structures the lower bounds may read, when the schema has them. */
export interface SchemaFeatures {
  /** round_summary (round_id, setting_id, age_section, colour, behind, children). */
  roundSummary: boolean;
  /** children.latest_review_date: the review date of the child's latest screening. */
  latestReviewDate: boolean;
}

export function schemaFeatures(db: Db): SchemaFeatures {
  const columns = (table: string) => new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
  const summary = columns('round_summary');
  return {
    roundSummary: ['round_id', 'setting_id', 'age_section', 'colour', 'behind', 'children'].every((c) => summary.has(c)),
    latestReviewDate: columns('children').has('latest_review_date'),
  };
}

export interface CallContext {
  rounds: RoundInfo[];
  settingId: string;
  /** The open setting with the most children, for the setting progress report. */
  largestSettingId: string;
  /** The generated SLT assistant covering 30 settings ("My visits"). */
  assistantAccountId: string;
  localAuthority: string;
  today: string;
  schema: SchemaFeatures;
}

const RAG = `sum(rr.colour = 'red') AS red, sum(rr.colour = 'amber') AS amber, sum(rr.colour = 'green') AS green, count(*) AS total`;
/** The same counts from round_summary (alias rs), each of whose rows stands for `children` children. */
const RAG_SUMMARY = `sum(rs.children * (rs.colour = 'red')) AS red, sum(rs.children * (rs.colour = 'amber')) AS amber, sum(rs.children * (rs.colour = 'green')) AS green, sum(rs.children) AS total`;
const n = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));

/** The scope of every "all settings" call: open settings (round_results.setting_id always names a setting). */
const OPEN = (column: string) => `${column} NOT IN (SELECT id FROM settings WHERE archived_at IS NOT NULL)`;

type Scope = { kind: 'all' } | { kind: 'setting'; settingId: string } | { kind: 'la'; localAuthority: string };

function scopeInput(scope: Scope): Record<string, unknown> {
  if (scope.kind === 'setting') return { settingId: scope.settingId };
  if (scope.kind === 'la') return { localAuthority: scope.localAuthority };
  return {};
}

function scopeSql(scope: Scope, column: string): { sql: string; params: Params } {
  if (scope.kind === 'setting') return { sql: `${column} = @settingId`, params: { settingId: scope.settingId } };
  if (scope.kind === 'la') {
    return { sql: `${column} IN (SELECT id FROM settings WHERE archived_at IS NULL AND local_authority = @la)`, params: { la: scope.localAuthority } };
  }
  return { sql: OPEN(column), params: {} };
}

const groupKey: Record<string, string> = {
  ageSection: 'CAST(rr.age_section AS TEXT)',
  ethnicity: 'rr.ethnicity',
  room: `COALESCE(rr.room_id, '')`,
};

interface Rag {
  red: number;
  amber: number;
  green: number;
  total: number;
}
const rag = (r: Row): Rag => ({ red: n(r.red), amber: n(r.amber), green: n(r.green), total: n(r.total) });
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function breakdown(name: string, scope: Scope, roundId: string, groupBy: 'ageSection' | 'ethnicity' | 'room', schema: SchemaFeatures): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  const raw = `SELECT ${groupKey[groupBy]} AS k, ${RAG} FROM round_results rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY k`;
  const summary = groupBy === 'ageSection' && schema.roundSummary;
  return {
    name,
    method: 'cohort.breakdown',
    input: { scope: scopeInput(scope), roundId, groupBy },
    lowerBoundSql: summary
      ? `SELECT CAST(rs.age_section AS TEXT) AS k, ${RAG_SUMMARY} FROM round_summary rs WHERE rs.round_id = @roundId AND ${scopeSql(scope, 'rs.setting_id').sql} GROUP BY k`
      : raw,
    ...(summary ? { referenceSql: raw } : {}),
    lowerBoundParams: { ...f.params, roundId },
    fromApi: (v) => {
      const b = v as CohortBreakdown;
      return { rows: b.rows.map((r) => ({ key: r.key, ...rag(r) })).sort(byKey), total: rag(b.total) };
    },
    fromLowerBound: (rows) => {
      const out = rows.map((r) => ({ key: String(r.k), ...rag(r) })).sort(byKey);
      const total = out.reduce((t, r) => ({ red: t.red + r.red, amber: t.amber + r.amber, green: t.green + r.green, total: t.total + r.total }), {
        red: 0,
        amber: 0,
        green: 0,
        total: 0,
      });
      return { rows: out, total };
    },
  };
}

function workingAt(name: string, scope: Scope, roundId: string, schema: SchemaFeatures): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  const cols = ['ageSection', 'onTrack', 'oneBehind', 'twoBehind', 'threeOrMoreBehind', 'belowAllTried', 'total'] as const;
  const shape = (r: Row | WorkingAtRow) => Object.fromEntries(cols.map((c) => [c, n((r as Row)[c])]));
  // round_summary.behind: age section minus working-at section, 0 or less as 0, 3 or more as 3,
  // -1 when no section tried was Green.
  const summarySql = `SELECT rs.age_section AS ageSection,
        sum(rs.children * (rs.behind = 0)) AS onTrack, sum(rs.children * (rs.behind = 1)) AS oneBehind,
        sum(rs.children * (rs.behind = 2)) AS twoBehind, sum(rs.children * (rs.behind = 3)) AS threeOrMoreBehind,
        sum(rs.children * (rs.behind = -1)) AS belowAllTried, sum(rs.children) AS total
      FROM round_summary rs WHERE rs.round_id = @roundId AND ${scopeSql(scope, 'rs.setting_id').sql} GROUP BY rs.age_section ORDER BY rs.age_section`;
  const raw = `SELECT rr.age_section AS ageSection,
        sum(rr.working_at_section IS NOT NULL AND rr.age_section <= rr.working_at_section) AS onTrack,
        sum(rr.age_section - rr.working_at_section = 1) AS oneBehind,
        sum(rr.age_section - rr.working_at_section = 2) AS twoBehind,
        sum(rr.age_section - rr.working_at_section >= 3) AS threeOrMoreBehind,
        sum(rr.working_at_section IS NULL) AS belowAllTried, count(*) AS total
      FROM round_results rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY rr.age_section ORDER BY rr.age_section`;
  return {
    name,
    method: 'cohort.workingAt',
    input: { scope: scopeInput(scope), roundId },
    lowerBoundSql: schema.roundSummary ? summarySql : raw,
    ...(schema.roundSummary ? { referenceSql: raw } : {}),
    lowerBoundParams: { ...f.params, roundId },
    fromApi: (v) => (v as WorkingAtRow[]).map(shape),
    fromLowerBound: (rows) => rows.map(shape),
  };
}

function overview(name: string, scope: Scope, round: RoundInfo, today: string, schema: SchemaFeatures): BenchCall {
  const c = scopeSql(scope, 'c.setting_id');
  const rr = scopeSql(scope, 'rr.setting_id');
  const onRoll = '(c.start_date IS NULL OR c.start_date <= @endDate) AND (c.leave_date IS NULL OR c.leave_date >= @startDate)';
  // One pass over the children in scope: on roll in the round (and screened in it or not), and
  // overdue now; the screened count from round_results' index alone (or round_summary).
  const raw = `SELECT
        count(*) FILTER (WHERE ${onRoll}) AS childrenOnRoll,
        count(*) FILTER (WHERE ${onRoll} AND x.child_id IS NULL) AS notScreened,
        count(*) FILTER (WHERE c.archived_at IS NULL AND ls.review_date < @today) AS overdue,
        (SELECT count(*) FROM round_results rr WHERE rr.round_id = @roundId AND ${rr.sql}) AS screened
      FROM children c
      LEFT JOIN round_results x ON x.round_id = @roundId AND x.child_id = c.id
      LEFT JOIN screenings ls ON ls.id = c.latest_screening_id AND c.archived_at IS NULL
      WHERE ${c.sql}`;
  const derived = schema.roundSummary || schema.latestReviewDate;
  const lowerBoundSql = derived
    ? `SELECT
        count(*) FILTER (WHERE ${onRoll}) AS childrenOnRoll,
        count(*) FILTER (WHERE ${onRoll} AND x.child_id IS NULL) AS notScreened,
        ${schema.latestReviewDate ? 'count(*) FILTER (WHERE c.archived_at IS NULL AND c.latest_review_date < @today)' : 'count(*) FILTER (WHERE c.archived_at IS NULL AND ls.review_date < @today)'} AS overdue,
        ${
          schema.roundSummary
            ? `(SELECT COALESCE(sum(rs.children), 0) FROM round_summary rs WHERE rs.round_id = @roundId AND ${scopeSql(scope, 'rs.setting_id').sql})`
            : `(SELECT count(*) FROM round_results rr WHERE rr.round_id = @roundId AND ${rr.sql})`
        } AS screened
      FROM children c
      LEFT JOIN round_results x ON x.round_id = @roundId AND x.child_id = c.id
      ${schema.latestReviewDate ? '' : 'LEFT JOIN screenings ls ON ls.id = c.latest_screening_id AND c.archived_at IS NULL'}
      WHERE ${c.sql}`
    : raw;
  return {
    name,
    method: 'cohort.overview',
    input: { scope: scopeInput(scope), roundId: round.id },
    lowerBoundSql,
    ...(derived ? { referenceSql: raw } : {}),
    lowerBoundParams: { ...c.params, ...rr.params, roundId: round.id, startDate: round.startDate, endDate: round.endDate, today },
    fromApi: (v) => {
      const o = v as CohortOverview;
      return { childrenOnRoll: o.childrenOnRoll, notScreened: o.notScreened, overdue: o.overdue, screened: o.screened };
    },
    fromLowerBound: ([r = {}]) => ({ childrenOnRoll: n(r.childrenOnRoll), notScreened: n(r.notScreened), overdue: n(r.overdue), screened: n(r.screened) }),
  };
}

function trend(name: string, scope: Scope, schema: SchemaFeatures): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  const shape = (r: Row | TrendRow) => ({
    roundId: String((r as Row).roundId),
    name: String((r as Row).name),
    startDate: String((r as Row).startDate),
    ...rag(r as Row),
  });
  // From round_results: many settings, one sequential scan (NOT INDEXED: cheaper than walking a
  // secondary index and fetching every row), grouped by round; one setting, a seek on
  // (round_id, setting_id) per round. From round_summary: its rows grouped by round. Either way
  // with the round names beside.
  const raw =
    scope.kind === 'setting'
      ? `SELECT r.id AS roundId, r.name AS name, r.start_date AS startDate,
           sum(rr.colour = 'red') AS red, sum(rr.colour = 'amber') AS amber, sum(rr.colour = 'green') AS green, count(rr.round_id) AS total
         FROM rounds r LEFT JOIN round_results rr ON rr.round_id = r.id AND ${f.sql} GROUP BY r.id ORDER BY r.start_date`
      : `SELECT r.id AS roundId, r.name AS name, r.start_date AS startDate, t.red, t.amber, t.green, t.total
         FROM rounds r LEFT JOIN (SELECT rr.round_id, ${RAG} FROM round_results rr NOT INDEXED WHERE ${f.sql} GROUP BY rr.round_id) t ON t.round_id = r.id
         ORDER BY r.start_date`;
  return {
    name,
    method: 'cohort.trend',
    input: { scope: scopeInput(scope) },
    lowerBoundSql: schema.roundSummary
      ? `SELECT r.id AS roundId, r.name AS name, r.start_date AS startDate, t.red, t.amber, t.green, t.total
         FROM rounds r LEFT JOIN (SELECT rs.round_id, ${RAG_SUMMARY} FROM round_summary rs WHERE ${scopeSql(scope, 'rs.setting_id').sql} GROUP BY rs.round_id) t ON t.round_id = r.id
         ORDER BY r.start_date`
      : raw,
    ...(schema.roundSummary ? { referenceSql: raw } : {}),
    lowerBoundParams: f.params,
    fromApi: (v) => (v as TrendRow[]).map(shape),
    fromLowerBound: (rows) => rows.map(shape),
  };
}

type Colour = 'red' | 'amber' | 'green';
const colours: Colour[] = ['red', 'amber', 'green'];
const severity: Record<Colour, number> = { green: 0, amber: 1, red: 2 };

function transitions(name: string, scope: Scope, from: RoundInfo, to: RoundInfo): BenchCall {
  const f = scopeSql(scope, 'b.setting_id');
  return {
    name,
    method: 'cohort.transitions',
    input: { scope: scopeInput(scope), fromRoundId: from.id, toRoundId: to.id },
    lowerBoundSql: `SELECT a.colour AS f, b.colour AS t, count(*) AS n
      FROM round_results b JOIN round_results a ON a.round_id = @fromRoundId AND a.child_id = b.child_id
      WHERE b.round_id = @toRoundId AND ${f.sql} GROUP BY a.colour, b.colour`,
    lowerBoundParams: { ...f.params, fromRoundId: from.id, toRoundId: to.id },
    fromApi: (v) => v as Transition,
    fromLowerBound: (rows) => {
      const matrix = Object.fromEntries(colours.map((a) => [a, Object.fromEntries(colours.map((b) => [b, 0]))])) as Record<Colour, Record<Colour, number>>;
      let improved = 0;
      let same = 0;
      let worse = 0;
      for (const r of rows) {
        const a = r.f as Colour;
        const b = r.t as Colour;
        const count = n(r.n);
        matrix[a][b] = count;
        const change = severity[b] - severity[a];
        if (change < 0) improved += count;
        else if (change > 0) worse += count;
        else same += count;
      }
      return { matrix, improved, same, worse, total: improved + same + worse };
    },
  };
}

function settingsSql(schema: SchemaFeatures): string {
  const children = schema.latestReviewDate
    ? `SELECT c.setting_id, count(*) AS onRoll, count(*) FILTER (WHERE c.latest_review_date < @today) AS overdue
                 FROM children c WHERE c.archived_at IS NULL GROUP BY c.setting_id`
    : `SELECT c.setting_id, count(*) AS onRoll, count(*) FILTER (WHERE ls.review_date < @today) AS overdue
                 FROM children c LEFT JOIN screenings ls ON ls.id = c.latest_screening_id
                 WHERE c.archived_at IS NULL GROUP BY c.setting_id`;
  const results = schema.roundSummary
    ? `SELECT rs.setting_id, ${RAG_SUMMARY} FROM round_summary rs WHERE rs.round_id = @roundId GROUP BY rs.setting_id`
    : `SELECT rr.setting_id, ${RAG} FROM round_results rr WHERE rr.round_id = @roundId GROUP BY rr.setting_id`;
  return `SELECT s.id AS settingId, s.name AS settingName, ch.onRoll AS childrenOnRoll, ch.overdue AS overdue, t.red, t.amber, t.green, t.total
      FROM settings s
      LEFT JOIN (${children}) ch ON ch.setting_id = s.id
      LEFT JOIN (${results}) t ON t.setting_id = s.id
      WHERE s.archived_at IS NULL
      ORDER BY s.name COLLATE NOCASE`;
}

function settingsComparison(name: string, round: RoundInfo, today: string, schema: SchemaFeatures): BenchCall {
  const shape = (r: Row) => ({
    settingId: String(r.settingId),
    childrenOnRoll: n(r.childrenOnRoll),
    overdue: n(r.overdue),
    ...rag(r),
  });
  return {
    name,
    method: 'cohort.settings',
    input: { roundId: round.id },
    lowerBoundSql: settingsSql(schema),
    ...(schema.roundSummary || schema.latestReviewDate ? { referenceSql: settingsSql({ roundSummary: false, latestReviewDate: false }) } : {}),
    lowerBoundParams: { roundId: round.id, today },
    fromApi: (v) => {
      const s = v as SettingsComparison;
      return {
        rows: s.rows.map((r) => shape(r as unknown as Row)),
        total: { ...rag(s.total), childrenOnRoll: s.total.childrenOnRoll, overdue: s.total.overdue },
      };
    },
    fromLowerBound: (rows) => {
      const out = rows.map(shape);
      const total = out.reduce(
        (t, r) => ({
          red: t.red + r.red,
          amber: t.amber + r.amber,
          green: t.green + r.green,
          total: t.total + r.total,
          childrenOnRoll: t.childrenOnRoll + r.childrenOnRoll,
          overdue: t.overdue + r.overdue,
        }),
        { red: 0, amber: 0, green: 0, total: 0, childrenOnRoll: 0, overdue: 0 },
      );
      return { rows: out, total };
    },
  };
}

const childColumns = [
  'childId',
  'firstName',
  'lastName',
  'settingId',
  'settingName',
  'screeningDate',
  'ageSection',
  'colour',
  'workingAtSection',
  'reviewDate',
] as const;
const childShape = (r: Row) => Object.fromEntries(childColumns.map((c) => [c, r[c] ?? null]));

/** A drill-down cell: the children of one age section and colour in a round, first 500 by name. */
function childrenCell(name: string, scope: Scope, roundId: string, ageSection: number, colour: Colour): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  return {
    name,
    method: 'cohort.children',
    input: { scope: scopeInput(scope), roundId, groupBy: 'ageSection', groupKey: String(ageSection), colour, limit: 500 },
    // The count over every match comes from the window; the review date is looked up for the
    // 500 rows returned only.
    lowerBoundSql: `SELECT m.*, (SELECT ls.review_date FROM screenings ls WHERE ls.id = m.screeningId) AS reviewDate FROM (
        SELECT count(*) OVER () AS total, c.id AS childId, c.first_name AS firstName, c.last_name AS lastName, c.setting_id AS settingId, st.name AS settingName,
          rr.screening_date AS screeningDate, rr.age_section AS ageSection, rr.colour AS colour, rr.working_at_section AS workingAtSection, rr.screening_id AS screeningId
        FROM round_results rr JOIN children c ON c.id = rr.child_id JOIN settings st ON st.id = c.setting_id
        WHERE rr.round_id = @roundId AND ${f.sql} AND rr.age_section = @ageSection AND rr.colour = @colour
        ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT 500) m`,
    lowerBoundParams: { ...f.params, roundId, ageSection, colour },
    fromApi: (v) => {
      const c = v as CohortChildren;
      return { total: c.total, rows: c.rows.map((r) => childShape(r as unknown as Row)) };
    },
    fromLowerBound: (rows) => ({ total: n(rows[0]?.total), rows: rows.map(childShape) }),
  };
}

/** The "overdue" number opened: children on roll whose latest screening's review date has passed. */
function childrenOverdue(name: string, scope: Scope, today: string, schema: SchemaFeatures): BenchCall {
  const f = scopeSql(scope, 'c.setting_id');
  const sql = (
    due: string,
  ) => `SELECT count(*) OVER () AS total, c.id AS childId, c.first_name AS firstName, c.last_name AS lastName, c.setting_id AS settingId, st.name AS settingName,
        ls.screening_date AS screeningDate, ls.age_section AS ageSection, ls.colour AS colour, ls.working_at_section AS workingAtSection, ls.review_date AS reviewDate
      FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id JOIN settings st ON st.id = c.setting_id
      WHERE ${f.sql} AND c.archived_at IS NULL AND ${due} < @today
      ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT 500`;
  return {
    name,
    method: 'cohort.children',
    input: { scope: scopeInput(scope), overdue: true, limit: 500 },
    lowerBoundSql: sql(schema.latestReviewDate ? 'c.latest_review_date' : 'ls.review_date'),
    ...(schema.latestReviewDate ? { referenceSql: sql('ls.review_date') } : {}),
    lowerBoundParams: { ...f.params, today },
    fromApi: (v) => {
      const c = v as CohortChildren;
      return { total: c.total, rows: c.rows.map((r) => childShape(r as unknown as Row)) };
    },
    fromLowerBound: (rows) => ({ total: n(rows[0]?.total), rows: rows.map(childShape) }),
  };
}

/** The calls, in the order the report lists them. The latest round is the one a dashboard opens on. */
export function benchCalls(ctx: CallContext): BenchCall[] {
  const latest = ctx.rounds[ctx.rounds.length - 1];
  const previous = ctx.rounds[ctx.rounds.length - 2];
  if (!latest || !previous) throw new Error('The benchmark needs at least two rounds');
  const all: Scope = { kind: 'all' };
  const one: Scope = { kind: 'setting', settingId: ctx.settingId };
  const la: Scope = { kind: 'la', localAuthority: ctx.localAuthority };
  const s = ctx.schema;
  return [
    breakdown('breakdown.ageSection.all', all, latest.id, 'ageSection', s),
    breakdown('breakdown.ethnicity.all', all, latest.id, 'ethnicity', s),
    breakdown('breakdown.room.all', all, latest.id, 'room', s),
    breakdown('breakdown.ageSection.oneLA', la, latest.id, 'ageSection', s),
    breakdown('breakdown.ageSection.setting', one, latest.id, 'ageSection', s),
    breakdown('breakdown.room.setting', one, latest.id, 'room', s),
    workingAt('workingAt.all', all, latest.id, s),
    workingAt('workingAt.setting', one, latest.id, s),
    overview('overview.all', all, latest, ctx.today, s),
    overview('overview.setting', one, latest, ctx.today, s),
    trend('trend.all', all, s),
    trend('trend.setting', one, s),
    transitions('transitions.all', all, previous, latest),
    settingsComparison('settings.all', latest, ctx.today, s),
    childrenCell('children.cell.all', all, latest.id, 8, 'amber'),
    childrenOverdue('children.overdue.all', all, ctx.today, s),
    ...cycleCalls(ctx),
    ...reportCalls(ctx),
  ];
}

export function prepareCall(db: Db, call: BenchCall): PreparedCall {
  return { ...call, statement: db.prepare(call.lowerBoundSql), referenceStatement: call.referenceSql ? db.prepare(call.referenceSql) : null };
}
