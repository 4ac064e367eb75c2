import type { Statement } from 'better-sqlite3';
import type { MethodName } from '../../shared/contract.js';
import type { CohortBreakdown, CohortChildren, CohortOverview, SettingsComparison, Transition, TrendRow, WorkingAtRow } from '../../shared/schemas/cohort.js';
import type { Db } from '../../electron/core/db/open.js';
import type { RoundInfo } from './generate.js';

// The dashboard calls the benchmark times, each beside a hand-written lower bound: ONE SQL
// statement, prepared once, that yields the same numbers from the same data as fast as we know
// how (full scans where a scan beats an index, no per-call prepare, no validation). Both sides
// are reduced to the same plain shape (`fromApi`, `fromLowerBound`) and must be equal.

type Row = Record<string, unknown>;
type Params = Record<string, string | number | null>;

export interface BenchCall {
  name: string;
  method: MethodName;
  input: Record<string, unknown>;
  /** What the lower-bound statement is, for the report. */
  lowerBoundSql: string;
  lowerBoundParams: Params;
  fromApi(value: unknown): unknown;
  fromLowerBound(rows: Row[]): unknown;
}

export interface PreparedCall extends BenchCall {
  statement: Statement;
}

export interface CallContext {
  rounds: RoundInfo[];
  settingId: string;
  localAuthority: string;
  today: string;
}

const RAG = `sum(rr.colour = 'red') AS red, sum(rr.colour = 'amber') AS amber, sum(rr.colour = 'green') AS green, count(*) AS total`;
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

function breakdown(name: string, scope: Scope, roundId: string, groupBy: 'ageSection' | 'ethnicity' | 'room'): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  return {
    name,
    method: 'cohort.breakdown',
    input: { scope: scopeInput(scope), roundId, groupBy },
    lowerBoundSql: `SELECT ${groupKey[groupBy]} AS k, ${RAG} FROM round_results rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY k`,
    lowerBoundParams: { ...f.params, roundId },
    fromApi: (v) => {
      const b = v as CohortBreakdown;
      return { rows: b.rows.map((r) => ({ key: r.key, ...rag(r) })).sort(byKey), total: rag(b.total) };
    },
    fromLowerBound: (rows) => {
      const out = rows.map((r) => ({ key: String(r.k), ...rag(r) })).sort(byKey);
      const total = out.reduce((t, r) => ({ red: t.red + r.red, amber: t.amber + r.amber, green: t.green + r.green, total: t.total + r.total }), { red: 0, amber: 0, green: 0, total: 0 });
      return { rows: out, total };
    },
  };
}

function workingAt(name: string, scope: Scope, roundId: string): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  const cols = ['ageSection', 'onTrack', 'oneBehind', 'twoBehind', 'threeOrMoreBehind', 'belowAllTried', 'total'] as const;
  const shape = (r: Row | WorkingAtRow) => Object.fromEntries(cols.map((c) => [c, n((r as Row)[c])]));
  return {
    name,
    method: 'cohort.workingAt',
    input: { scope: scopeInput(scope), roundId },
    lowerBoundSql: `SELECT rr.age_section AS ageSection,
        sum(rr.working_at_section IS NOT NULL AND rr.age_section <= rr.working_at_section) AS onTrack,
        sum(rr.age_section - rr.working_at_section = 1) AS oneBehind,
        sum(rr.age_section - rr.working_at_section = 2) AS twoBehind,
        sum(rr.age_section - rr.working_at_section >= 3) AS threeOrMoreBehind,
        sum(rr.working_at_section IS NULL) AS belowAllTried, count(*) AS total
      FROM round_results rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY rr.age_section ORDER BY rr.age_section`,
    lowerBoundParams: { ...f.params, roundId },
    fromApi: (v) => (v as WorkingAtRow[]).map(shape),
    fromLowerBound: (rows) => rows.map(shape),
  };
}

function overview(name: string, scope: Scope, round: RoundInfo, today: string): BenchCall {
  const c = scopeSql(scope, 'c.setting_id');
  const rr = scopeSql(scope, 'rr.setting_id');
  // One pass over the children in scope: on roll in the round (and screened in it or not), and
  // overdue now; the screened count from round_results' (round_id, setting_id) index alone.
  return {
    name,
    method: 'cohort.overview',
    input: { scope: scopeInput(scope), roundId: round.id },
    lowerBoundSql: `SELECT
        count(*) FILTER (WHERE (c.start_date IS NULL OR c.start_date <= @endDate) AND (c.leave_date IS NULL OR c.leave_date >= @startDate)) AS childrenOnRoll,
        count(*) FILTER (WHERE (c.start_date IS NULL OR c.start_date <= @endDate) AND (c.leave_date IS NULL OR c.leave_date >= @startDate) AND x.child_id IS NULL) AS notScreened,
        count(*) FILTER (WHERE c.archived_at IS NULL AND ls.review_date < @today) AS overdue,
        (SELECT count(*) FROM round_results rr WHERE rr.round_id = @roundId AND ${rr.sql}) AS screened
      FROM children c
      LEFT JOIN round_results x ON x.round_id = @roundId AND x.child_id = c.id
      LEFT JOIN screenings ls ON ls.id = c.latest_screening_id AND c.archived_at IS NULL
      WHERE ${c.sql}`,
    lowerBoundParams: { ...c.params, ...rr.params, roundId: round.id, startDate: round.startDate, endDate: round.endDate, today },
    fromApi: (v) => {
      const o = v as CohortOverview;
      return { childrenOnRoll: o.childrenOnRoll, notScreened: o.notScreened, overdue: o.overdue, screened: o.screened };
    },
    fromLowerBound: ([r = {}]) => ({ childrenOnRoll: n(r.childrenOnRoll), notScreened: n(r.notScreened), overdue: n(r.overdue), screened: n(r.screened) }),
  };
}

function trend(name: string, scope: Scope): BenchCall {
  const f = scopeSql(scope, 'rr.setting_id');
  const shape = (r: Row | TrendRow) => ({ roundId: String((r as Row).roundId), name: String((r as Row).name), startDate: String((r as Row).startDate), ...rag(r as Row) });
  return {
    name,
    method: 'cohort.trend',
    input: { scope: scopeInput(scope) },
    // Many settings: one sequential scan of round_results (NOT INDEXED: cheaper than walking an
    // index and fetching every row by rowid), grouped by round. One setting: a seek on
    // (round_id, setting_id) per round. Either way with the round names beside.
    lowerBoundSql:
      scope.kind === 'setting'
        ? `SELECT r.id AS roundId, r.name AS name, r.start_date AS startDate,
             sum(rr.colour = 'red') AS red, sum(rr.colour = 'amber') AS amber, sum(rr.colour = 'green') AS green, count(rr.round_id) AS total
           FROM rounds r LEFT JOIN round_results rr ON rr.round_id = r.id AND ${f.sql} GROUP BY r.id ORDER BY r.start_date`
        : `SELECT r.id AS roundId, r.name AS name, r.start_date AS startDate, t.red, t.amber, t.green, t.total
           FROM rounds r LEFT JOIN (SELECT rr.round_id, ${RAG} FROM round_results rr NOT INDEXED WHERE ${f.sql} GROUP BY rr.round_id) t ON t.round_id = r.id
           ORDER BY r.start_date`,
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

function settingsComparison(name: string, round: RoundInfo, today: string): BenchCall {
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
    lowerBoundSql: `SELECT s.id AS settingId, s.name AS settingName, ch.onRoll AS childrenOnRoll, ch.overdue AS overdue, t.red, t.amber, t.green, t.total
      FROM settings s
      LEFT JOIN (SELECT c.setting_id, count(*) AS onRoll, count(*) FILTER (WHERE ls.review_date < @today) AS overdue
                 FROM children c LEFT JOIN screenings ls ON ls.id = c.latest_screening_id
                 WHERE c.archived_at IS NULL GROUP BY c.setting_id) ch ON ch.setting_id = s.id
      LEFT JOIN (SELECT rr.setting_id, ${RAG} FROM round_results rr WHERE rr.round_id = @roundId GROUP BY rr.setting_id) t ON t.setting_id = s.id
      WHERE s.archived_at IS NULL
      ORDER BY s.name COLLATE NOCASE`,
    lowerBoundParams: { roundId: round.id, today },
    fromApi: (v) => {
      const s = v as SettingsComparison;
      return { rows: s.rows.map((r) => shape(r as unknown as Row)), total: { ...rag(s.total), childrenOnRoll: s.total.childrenOnRoll, overdue: s.total.overdue } };
    },
    fromLowerBound: (rows) => {
      const out = rows.map(shape);
      const total = out.reduce(
        (t, r) => ({ red: t.red + r.red, amber: t.amber + r.amber, green: t.green + r.green, total: t.total + r.total, childrenOnRoll: t.childrenOnRoll + r.childrenOnRoll, overdue: t.overdue + r.overdue }),
        { red: 0, amber: 0, green: 0, total: 0, childrenOnRoll: 0, overdue: 0 },
      );
      return { rows: out, total };
    },
  };
}

const childColumns = ['childId', 'firstName', 'lastName', 'settingId', 'settingName', 'screeningDate', 'ageSection', 'colour', 'workingAtSection', 'reviewDate'] as const;
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
function childrenOverdue(name: string, scope: Scope, today: string): BenchCall {
  const f = scopeSql(scope, 'c.setting_id');
  return {
    name,
    method: 'cohort.children',
    input: { scope: scopeInput(scope), overdue: true, limit: 500 },
    lowerBoundSql: `SELECT count(*) OVER () AS total, c.id AS childId, c.first_name AS firstName, c.last_name AS lastName, c.setting_id AS settingId, st.name AS settingName,
        ls.screening_date AS screeningDate, ls.age_section AS ageSection, ls.colour AS colour, ls.working_at_section AS workingAtSection, ls.review_date AS reviewDate
      FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id JOIN settings st ON st.id = c.setting_id
      WHERE ${f.sql} AND c.archived_at IS NULL AND ls.review_date < @today
      ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT 500`,
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
  return [
    breakdown('breakdown.ageSection.all', all, latest.id, 'ageSection'),
    breakdown('breakdown.ethnicity.all', all, latest.id, 'ethnicity'),
    breakdown('breakdown.room.all', all, latest.id, 'room'),
    breakdown('breakdown.ageSection.oneLA', la, latest.id, 'ageSection'),
    breakdown('breakdown.ageSection.setting', one, latest.id, 'ageSection'),
    breakdown('breakdown.room.setting', one, latest.id, 'room'),
    workingAt('workingAt.all', all, latest.id),
    workingAt('workingAt.setting', one, latest.id),
    overview('overview.all', all, latest, ctx.today),
    overview('overview.setting', one, latest, ctx.today),
    trend('trend.all', all),
    trend('trend.setting', one),
    transitions('transitions.all', all, previous, latest),
    settingsComparison('settings.all', latest, ctx.today),
    childrenCell('children.cell.all', all, latest.id, 8, 'amber'),
    childrenOverdue('children.overdue.all', all, ctx.today),
  ];
}

export function prepareCall(db: Db, call: BenchCall): PreparedCall {
  return { ...call, statement: db.prepare(call.lowerBoundSql) };
}
