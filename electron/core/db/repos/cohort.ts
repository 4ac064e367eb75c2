// Over 400 lines on purpose: this is the cohort domain's one repository (one file per domain in
// every layer), and each method is one tuned query whose index use test/db asserts; splitting it
// by method would scatter the shared scope filters and grouping keys they are built from.
import { ethnicities, sendStageLabels, sexLabels, type EthnicityCode, type SendStage, type Sex } from '../../../../shared/schemas/children.js';
import type {
  CohortBreakdown,
  CohortChildren,
  CohortGrouping,
  CohortOverview,
  CohortRow,
  RagCounts,
  SettingsComparison,
  Transition,
  TrendRow,
  WorkingAtRow,
} from '../../../../shared/schemas/cohort.js';
import {
  cohortTargetGroupings,
  type CohortTargetGrouping,
  type CohortTargets,
  type TargetCounts,
  type TargetFigure,
} from '../../../../shared/schemas/cohort.js';
import type { SettingType } from '../../../../shared/schemas/settings.js';
import type { Db } from '../connection.js';
import { notScreenedInRoundSql, onRollDuringSql, onRollOnSql } from './roll.js';
import { childGroupKeySql, onRollInRoundSql, perChildTargetsJoin, targetCountsSelect, targetFigureSql } from './target-figures.js';

// Cohort queries. Each number is one GROUP BY over round_results (one row per child per round,
// see 0003-cohort.sql), narrowed to a scope: one setting, or the open settings of a local
// authority and/or type. Counts are of children, never of screenings.

export interface Scope {
  settingId: string | null;
  localAuthority: string | null;
  settingType: SettingType | null;
  /** The settings the caller reaches, when not every one (api/access.ts): nothing outside is counted. */
  within?: readonly string[] | null;
}

type Colour = 'red' | 'amber' | 'green';
type Params = Record<string, string | number | null>;

/** SQL that limits `column` (a setting id) to the scope, and its parameters. */
function scopeFilter(scope: Scope, column: string): { sql: string; params: Params } {
  if (scope.within && !scope.settingId) {
    const open = openScopeFilter(scope, column);
    return { sql: `${open.sql} AND ${column} IN (SELECT value FROM json_each(@within))`, params: { ...open.params, within: JSON.stringify(scope.within) } };
  }
  return openScopeFilter(scope, column);
}

function openScopeFilter(scope: Scope, column: string): { sql: string; params: Params } {
  if (scope.settingId) return { sql: `${column} = @settingId`, params: { settingId: scope.settingId } };
  // Everything open: leaving out the few archived settings lets SQLite read the rows in order,
  // where a list of every open setting would make it look each one up.
  if (!scope.localAuthority && !scope.settingType) {
    return { sql: `${column} NOT IN (SELECT id FROM settings WHERE archived_at IS NOT NULL)`, params: {} };
  }
  return {
    sql: `${column} IN (SELECT id FROM settings WHERE archived_at IS NULL
      AND (@localAuthority IS NULL OR local_authority = @localAuthority) AND (@settingType IS NULL OR type = @settingType))`,
    params: { localAuthority: scope.localAuthority, settingType: scope.settingType },
  };
}

/** The key each grouping sorts children by, as text so every key travels the same way. */
const groupKeySql: Record<CohortGrouping, string> = {
  ageSection: `CAST(rr.age_section AS TEXT)`,
  sex: 'rr.sex',
  eal: `CAST(rr.eal AS TEXT)`,
  sendStage: 'rr.send_stage',
  ethnicity: 'rr.ethnicity',
  funded2: `CAST(rr.funded2 AS TEXT)`,
  eypp: `CAST(rr.eypp AS TEXT)`,
  room: `COALESCE(rr.room_id, '')`,
  keyPerson: `COALESCE(rr.key_person_id, '')`,
  seasonOfBirth: 'rr.season_of_birth',
  setting: 'rr.setting_id',
};

const ragSelect = `sum(rr.colour = 'red') AS red, sum(rr.colour = 'amber') AS amber, sum(rr.colour = 'green') AS green, count(*) AS total`;
/** The same counts from round_summary, whose rows each stand for `children` children. */
const summarySelect = `sum(rr.children * (rr.colour = 'red')) AS red, sum(rr.children * (rr.colour = 'amber')) AS amber,
  sum(rr.children * (rr.colour = 'green')) AS green, sum(rr.children) AS total`;

interface RagRow {
  red: number | null;
  amber: number | null;
  green: number | null;
  total: number;
}

const rag = (r: RagRow | undefined): RagCounts => ({ red: r?.red ?? 0, amber: r?.amber ?? 0, green: r?.green ?? 0, total: r?.total ?? 0 });

const seasonOrder = ['autumn', 'spring', 'summer'];
const yesNo = (k: string) => (k === '1' ? 'Yes' : 'No');

export function cohortRepo(db: Db) {
  /** Names for keys that are ids (rooms, staff, settings); other keys have fixed labels. */
  function labelFor(groupBy: CohortGrouping, keys: string[]): (key: string) => string {
    const lookup = (table: string, none: string) => {
      const ids = keys.filter(Boolean);
      const names = new Map<string, string>();
      if (ids.length > 0) {
        const rows = db.prepare(`SELECT id, name FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { id: string; name: string }[];
        for (const r of rows) names.set(r.id, r.name);
      }
      return (key: string) => (key === '' ? none : (names.get(key) ?? 'Unknown'));
    };
    switch (groupBy) {
      case 'ageSection':
        return (k) => `Section ${k}`;
      case 'sex':
        return (k) => sexLabels[k as Sex] ?? k;
      case 'eal':
        return (k) => (k === '1' ? 'EAL' : 'Not EAL');
      case 'sendStage':
        return (k) => sendStageLabels[k as SendStage] ?? k;
      case 'ethnicity':
        return (k) => ethnicities[k as EthnicityCode] ?? k;
      case 'funded2':
      case 'eypp':
        return yesNo;
      case 'seasonOfBirth':
        return (k) => `${k.charAt(0).toUpperCase()}${k.slice(1)}-born`;
      case 'room':
        return lookup('rooms', 'No room');
      case 'keyPerson':
        return lookup('staff', 'No key person');
      case 'setting':
        return lookup('settings', 'Unknown setting');
    }
  }

  function sortRows(groupBy: CohortGrouping, rows: CohortRow[]): CohortRow[] {
    const numeric = groupBy === 'ageSection';
    return rows.sort((a, b) => {
      if (numeric) return Number(a.key) - Number(b.key);
      if (groupBy === 'seasonOfBirth') return seasonOrder.indexOf(a.key) - seasonOrder.indexOf(b.key);
      return a.label.localeCompare(b.label, 'en-GB');
    });
  }

  /** A breakdown's rows labelled, small ones withheld, in order, with their total. */
  function finishBreakdown(groupBy: CohortGrouping, rows: (RagRow & { k: string })[], suppressBelow: number): CohortBreakdown {
    const label = labelFor(
      groupBy,
      rows.map((r) => r.k),
    );
    const total = rag(
      rows.reduce(
        (t, r) => ({
          red: (t.red ?? 0) + (r.red ?? 0),
          amber: (t.amber ?? 0) + (r.amber ?? 0),
          green: (t.green ?? 0) + (r.green ?? 0),
          total: t.total + r.total,
        }),
        { red: 0, amber: 0, green: 0, total: 0 } as RagRow,
      ),
    );
    const out = rows.map((r): CohortRow => {
      const suppressed = r.total < suppressBelow;
      return { key: r.k, label: label(r.k), suppressed, ...(suppressed ? { red: 0, amber: 0, green: 0, total: 0 } : rag(r)) };
    });
    return { rows: sortRows(groupBy, out), total };
  }

  return {
    breakdown(scope: Scope, roundId: string, groupBy: CohortGrouping, suppressBelow: number): CohortBreakdown {
      const f = scopeFilter(scope, 'rr.setting_id');
      // By age section or setting the summary table has the answer; other subgroups need every child.
      const sql =
        groupBy === 'ageSection' || groupBy === 'setting'
          ? `SELECT ${groupBy === 'ageSection' ? 'CAST(rr.age_section AS TEXT)' : 'rr.setting_id'} AS k, ${summarySelect}
             FROM round_summary rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY k`
          : `SELECT ${groupKeySql[groupBy]} AS k, ${ragSelect} FROM round_results rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY k`;
      const rows = db.prepare(sql).all({ ...f.params, roundId }) as (RagRow & { k: string })[];
      return finishBreakdown(groupBy, rows, suppressBelow);
    },

    /**
     * Several subgroups' breakdowns of one round in one pass over its results, each exactly what
     * breakdown() gives for it: a progress report's gaps need five, and five passes over an
     * area's results took three times as long as one grouped by all five keys.
     */
    breakdowns(
      scope: Scope,
      roundId: string,
      groupBys: readonly Exclude<CohortGrouping, 'ageSection' | 'setting'>[],
      suppressBelow: number,
    ): Map<CohortGrouping, CohortBreakdown> {
      const f = scopeFilter(scope, 'rr.setting_id');
      const keys = groupBys.map((g, i) => `${groupKeySql[g]} AS k${i}`).join(', ');
      const rows = db
        .prepare(
          `SELECT ${keys}, ${ragSelect} FROM round_results rr WHERE rr.round_id = @roundId AND ${f.sql} GROUP BY ${groupBys.map((_, i) => `k${i}`).join(', ')}`,
        )
        .all({ ...f.params, roundId }) as (RagRow & Record<string, string>)[];
      return new Map(
        groupBys.map((groupBy, i) => {
          const byKey = new Map<string, RagRow & { k: string }>();
          for (const r of rows) {
            const k = r[`k${i}`] ?? '';
            const t = byKey.get(k) ?? { k, red: 0, amber: 0, green: 0, total: 0 };
            byKey.set(k, {
              k,
              red: (t.red ?? 0) + (r.red ?? 0),
              amber: (t.amber ?? 0) + (r.amber ?? 0),
              green: (t.green ?? 0) + (r.green ?? 0),
              total: t.total + r.total,
            });
          }
          return [groupBy, finishBreakdown(groupBy, [...byKey.values()], suppressBelow)];
        }),
      );
    },

    workingAt(scope: Scope, roundId: string): WorkingAtRow[] {
      const f = scopeFilter(scope, 'rr.setting_id');
      return db
        .prepare(
          `SELECT rr.age_section AS ageSection,
             sum(rr.children * (rr.behind = 0)) AS onTrack,
             sum(rr.children * (rr.behind = 1)) AS oneBehind,
             sum(rr.children * (rr.behind = 2)) AS twoBehind,
             sum(rr.children * (rr.behind = 3)) AS threeOrMoreBehind,
             sum(rr.children * (rr.behind = -1)) AS belowAllTried,
             sum(rr.children) AS total
           FROM round_summary rr WHERE rr.round_id = @roundId AND ${f.sql}
           GROUP BY rr.age_section ORDER BY rr.age_section`,
        )
        .all({ ...f.params, roundId }) as WorkingAtRow[];
    },

    overview(scope: Scope, round: { id: string; startDate: string; endDate: string }, today: string): CohortOverview {
      const children = scopeFilter(scope, 'c.setting_id');
      const results = scopeFilter(scope, 'rr.setting_id');
      // On roll (shared/domain/roll.ts) in the round and today, in one pass over the children.
      // Children screened while on roll are counted in round_summary, so "not screened" needs no
      // look-up per child.
      const counts = db
        .prepare(
          `SELECT count(*) FILTER (WHERE ${onRollDuringSql('c', '@startDate', '@endDate')}) AS onRoll,
             count(*) FILTER (WHERE ${onRollOnSql('c', '@today')}) AS onRollToday
           FROM children c WHERE ${children.sql}`,
        )
        .get({ ...children.params, startDate: round.startDate, endDate: round.endDate, today }) as { onRoll: number; onRollToday: number };
      const onRoll = counts.onRoll;
      const screened = db
        .prepare(
          `SELECT COALESCE(sum(rr.children), 0) AS all_, COALESCE(sum(rr.children * rr.on_roll), 0) AS onRoll FROM round_summary rr WHERE rr.round_id = @roundId AND ${results.sql}`,
        )
        .get({ ...results.params, roundId: round.id }) as { all_: number; onRoll: number };
      let incomplete = 0;
      for (const n of this.incompleteBySetting(scope, round.id).values()) incomplete += n;
      return {
        childrenOnRoll: onRoll,
        childrenOnRollToday: counts.onRollToday,
        notScreened: onRoll - screened.onRoll,
        screened: screened.all_,
        incomplete,
        overdue: this.overdueCount(scope, today),
      };
    },

    /**
     * Children whose screening in the round stopped early, per setting in the scope: the one
     * definition behind the overview's card and the settings table's column. Such screenings are
     * few, so they are read from their own index rather than from every screening of the round.
     */
    incompleteBySetting(scope: Scope, roundId: string): Map<string, number> {
      const f = scopeFilter(scope, 'rr.setting_id');
      // One setting: its few results of the round, by primary key (reading every stopped-early
      // screening of the area for one setting took 8 ms at LA size, against 0.2 ms this way).
      const sql = scope.settingId
        ? `SELECT rr.setting_id AS id, count(*) AS n FROM round_results rr JOIN screenings s ON s.id = rr.screening_id
           WHERE rr.round_id = @roundId AND ${f.sql} AND s.stopped_early = 1 GROUP BY rr.setting_id`
        : `SELECT rr.setting_id AS id, count(*) AS n FROM screenings s INDEXED BY screenings_stopped_early
             JOIN round_results rr INDEXED BY round_results_by_screening ON rr.screening_id = s.id
           WHERE s.stopped_early = 1 AND rr.round_id = @roundId AND ${f.sql} GROUP BY rr.setting_id`;
      const rows = db.prepare(sql).all({ ...f.params, roundId }) as { id: string; n: number }[];
      return new Map(rows.map((r) => [r.id, r.n]));
    },

    /**
     * Children of one setting screened after `after` (exclusive; null for ever) up to `upTo`, each
     * counted once, by the colour of their latest screening in that time: the visit agenda's
     * "since the last visit".
     */
    screenedBetween(settingId: string, after: string | null, upTo: string): { screened: number; red: number; amber: number; green: number } {
      const r = db
        .prepare(
          `WITH latest AS (
             SELECT s.colour, row_number() OVER (PARTITION BY s.child_id ORDER BY s.screening_date DESC, s.created_at DESC) AS n
             FROM screenings s WHERE s.setting_id = @settingId AND s.screening_date > @after AND s.screening_date <= @upTo)
           SELECT count(*) AS screened, sum(colour = 'red') AS red, sum(colour = 'amber') AS amber, sum(colour = 'green') AS green FROM latest WHERE n = 1`,
        )
        // '' sorts before every date, so "ever" keeps the range on screenings_by_setting_date.
        .get({ settingId, after: after ?? '', upTo }) as { screened: number; red: number | null; amber: number | null; green: number | null };
      return { screened: r.screened, red: r.red ?? 0, amber: r.amber ?? 0, green: r.green ?? 0 };
    },

    /** Children on roll today whose latest screening's review date has passed. */
    overdueCount(scope: Scope, today: string): number {
      const f = scopeFilter(scope, 'c.setting_id');
      return (
        db
          .prepare(`SELECT count(*) AS n FROM children c WHERE ${f.sql} AND ${onRollOnSql('c', '@today')} AND c.latest_review_date < @today`)
          .get({ ...f.params, today }) as { n: number }
      ).n;
    },

    trend(scope: Scope): TrendRow[] {
      const f = scopeFilter(scope, 'rr.setting_id');
      const counts = db
        .prepare(`SELECT rr.round_id AS roundId, ${summarySelect} FROM round_summary rr WHERE ${f.sql} GROUP BY rr.round_id`)
        .all(f.params) as (RagRow & { roundId: string })[];
      const byRound = new Map(counts.map((c) => [c.roundId, c]));
      const rounds = db.prepare('SELECT id, name, start_date FROM rounds ORDER BY start_date').all() as { id: string; name: string; start_date: string }[];
      return rounds.map((r) => ({ roundId: r.id, name: r.name, startDate: r.start_date, ...rag(byRound.get(r.id)) }));
    },

    transitions(scope: Scope, fromRoundId: string, toRoundId: string): Transition {
      const f = scopeFilter(scope, 'b.setting_id');
      const cells = db
        .prepare(
          `SELECT a.colour AS f, b.colour AS t, count(*) AS n
           FROM round_results b
           -- Pinned: read the later round in storage order, and find each child's earlier colour in
           -- the covering index. Left to itself the planner can pick the other way round and read
           -- whole rows for every child.
           CROSS JOIN round_results a INDEXED BY round_results_by_round_child ON a.round_id = @fromRoundId AND a.child_id = b.child_id
           WHERE b.round_id = @toRoundId AND ${f.sql}
           GROUP BY a.colour, b.colour`,
        )
        .all({ ...f.params, fromRoundId, toRoundId }) as { f: Colour; t: Colour; n: number }[];
      const severity: Record<Colour, number> = { green: 0, amber: 1, red: 2 };
      const matrix: Transition['matrix'] = {
        red: { red: 0, amber: 0, green: 0 },
        amber: { red: 0, amber: 0, green: 0 },
        green: { red: 0, amber: 0, green: 0 },
      };
      let improved = 0;
      let same = 0;
      let worse = 0;
      for (const c of cells) {
        matrix[c.f][c.t] = c.n;
        const change = severity[c.t] - severity[c.f];
        if (change < 0) improved += c.n;
        else if (change > 0) worse += c.n;
        else same += c.n;
      }
      return { matrix, improved, same, worse, total: improved + same + worse };
    },

    settings(
      round: { id: string; startDate: string; endDate: string },
      localAuthority: string | null,
      settingType: SettingType | null,
      today: string,
    ): SettingsComparison {
      const roundId = round.id;
      const settings = db
        .prepare(
          `SELECT s.id, s.name, s.local_authority, s.type FROM settings s WHERE s.archived_at IS NULL
             AND (@localAuthority IS NULL OR s.local_authority = @localAuthority) AND (@settingType IS NULL OR s.type = @settingType)
           ORDER BY s.name COLLATE NOCASE`,
        )
        .all({ localAuthority, settingType }) as { id: string; name: string; local_authority: string; type: SettingType }[];
      const results = new Map(
        (
          db
            .prepare(`SELECT rr.setting_id AS id, ${summarySelect} FROM round_summary rr WHERE rr.round_id = ? GROUP BY rr.setting_id`)
            .all(roundId) as (RagRow & { id: string })[]
        ).map((r) => [r.id, r]),
      );
      // Children on roll in the round and today, and overdue re-screens, per setting, in one pass
      // over the children: the same figures, by the same rule, as overview() for each setting.
      const children = new Map(
        (
          db
            .prepare(
              `SELECT c.setting_id AS id, count(*) FILTER (WHERE ${onRollDuringSql('c', '@startDate', '@endDate')}) AS onRoll,
                 count(*) FILTER (WHERE ${onRollOnSql('c', '@today')}) AS onRollToday,
                 count(*) FILTER (WHERE ${onRollOnSql('c', '@today')} AND c.latest_review_date < @today) AS overdue
               FROM children c GROUP BY c.setting_id`,
            )
            .all({ today, startDate: round.startDate, endDate: round.endDate }) as { id: string; onRoll: number; onRollToday: number; overdue: number }[]
        ).map((r) => [r.id, r]),
      );
      const incomplete = this.incompleteBySetting({ settingId: null, localAuthority, settingType }, roundId);
      const rows = settings.map((s) => ({
        settingId: s.id,
        settingName: s.name,
        localAuthority: s.local_authority,
        settingType: s.type,
        childrenOnRoll: children.get(s.id)?.onRoll ?? 0,
        childrenOnRollToday: children.get(s.id)?.onRollToday ?? 0,
        overdue: children.get(s.id)?.overdue ?? 0,
        incomplete: incomplete.get(s.id) ?? 0,
        ...rag(results.get(s.id)),
      }));
      const total = rows.reduce(
        (t, r) => ({
          red: t.red + r.red,
          amber: t.amber + r.amber,
          green: t.green + r.green,
          total: t.total + r.total,
          childrenOnRoll: t.childrenOnRoll + r.childrenOnRoll,
          childrenOnRollToday: t.childrenOnRollToday + r.childrenOnRollToday,
          overdue: t.overdue + r.overdue,
          incomplete: t.incomplete + r.incomplete,
        }),
        { red: 0, amber: 0, green: 0, total: 0, childrenOnRoll: 0, childrenOnRollToday: 0, overdue: 0, incomplete: 0 },
      );
      return { rows, total };
    },

    /** "On targets" and "targets met" by a children's subgroup (the definition: target-figures.ts). */
    targets(scope: Scope, round: { id: string; startDate: string; endDate: string }, groupBy: CohortTargetGrouping, suppressBelow: number): CohortTargets {
      const f = scopeFilter(scope, 'c.setting_id');
      const rows = db
        .prepare(
          `SELECT ${childGroupKeySql[groupBy]} AS k, ${targetCountsSelect} FROM children c ${perChildTargetsJoin} WHERE ${f.sql} AND ${onRollInRoundSql} GROUP BY k`,
        )
        .all({ ...f.params, startDate: round.startDate, endDate: round.endDate }) as (TargetCounts & { k: string })[];
      const label = labelFor(
        groupBy,
        rows.map((r) => r.k),
      );
      const none: TargetCounts = { onRoll: 0, onTargets: 0, targetsClosed: 0, targetsMet: 0 };
      const total = rows.reduce(
        (t, r) => ({
          onRoll: t.onRoll + r.onRoll,
          onTargets: t.onTargets + r.onTargets,
          targetsClosed: t.targetsClosed + r.targetsClosed,
          targetsMet: t.targetsMet + r.targetsMet,
        }),
        none,
      );
      const out = rows.map(({ k, onRoll, onTargets, targetsClosed, targetsMet }) => {
        const suppressed = onRoll < suppressBelow;
        return { key: k, label: label(k), suppressed, ...(suppressed ? none : { onRoll, onTargets, targetsClosed, targetsMet }) };
      });
      return { rows: out.sort((a, b) => a.label.localeCompare(b.label, 'en-GB')), total };
    },

    children(q: ChildrenQuery): CohortChildren {
      const where: string[] = [];
      let params: Params = { limit: q.limit };
      let from: string;
      let columns = LATEST_COLUMNS;
      if (q.targets && q.round) {
        // The children behind an "on targets" or "targets met" figure: the same fragments it counts with.
        const f = scopeFilter(q.scope, 'c.setting_id');
        from = 'children c LEFT JOIN screenings ls ON ls.id = c.latest_screening_id';
        where.push(f.sql, targetFigureSql(q.targets));
        params = { ...params, ...f.params, startDate: q.round.startDate, endDate: q.round.endDate };
        const grouping = q.groupBy && (cohortTargetGroupings as readonly string[]).includes(q.groupBy) ? (q.groupBy as CohortTargetGrouping) : null;
        if (grouping && q.groupKey !== null) {
          where.push(`${childGroupKeySql[grouping]} = @groupKey`);
          params.groupKey = q.groupKey;
        }
      } else if (q.overdue || q.notScreened || !q.round) {
        const f = scopeFilter(q.scope, 'c.setting_id');
        where.push(f.sql);
        params = { ...params, ...f.params };
        if (q.overdue) {
          from = 'children c JOIN screenings ls ON ls.id = c.latest_screening_id';
          where.push(onRollOnSql('c', '@today'), 'c.latest_review_date < @today');
          params.today = q.today;
        } else {
          from = 'children c LEFT JOIN screenings ls ON ls.id = c.latest_screening_id';
          if (q.notScreened && q.round) {
            where.push(notScreenedInRoundSql('c', '@roundId', '@startDate', '@endDate'));
            params = { ...params, roundId: q.round.id, startDate: q.round.startDate, endDate: q.round.endDate };
          } else {
            where.push('c.archived_at IS NULL');
          }
        }
      } else {
        const f = scopeFilter(q.scope, 'rr.setting_id');
        from = 'round_results rr JOIN children c ON c.id = rr.child_id JOIN screenings ls ON ls.id = rr.screening_id';
        columns = ROUND_COLUMNS;
        where.push('rr.round_id = @roundId', f.sql);
        params = { ...params, ...f.params, roundId: q.round.id };
        if (q.groupBy && q.groupKey !== null) {
          where.push(`${groupKeySql[q.groupBy]} = @groupKey`);
          params.groupKey = q.groupKey;
        }
        if (q.colour) {
          where.push('rr.colour = @colour');
          params.colour = q.colour;
        }
        if (q.sectionsBehind !== null) {
          where.push(
            q.sectionsBehind === -1
              ? 'rr.working_at_section IS NULL'
              : q.sectionsBehind === 0
                ? 'rr.working_at_section IS NOT NULL AND rr.age_section - rr.working_at_section <= 0'
                : q.sectionsBehind === 3
                  ? 'rr.age_section - rr.working_at_section >= 3'
                  : `rr.age_section - rr.working_at_section = ${q.sectionsBehind}`,
          );
        }
        if (q.fromRoundId && q.fromColour) {
          from += ' JOIN round_results fr ON fr.round_id = @fromRoundId AND fr.child_id = rr.child_id';
          where.push('fr.colour = @fromColour');
          params = { ...params, fromRoundId: q.fromRoundId, fromColour: q.fromColour };
        }
      }
      // One statement: the total comes with the first page of rows (count over the whole match).
      const rows = db
        .prepare(
          `SELECT count(*) OVER () AS total, c.id AS childId, c.first_name AS firstName, c.last_name AS lastName,
             c.setting_id AS settingId, st.name AS settingName, ${columns}
           FROM ${from} JOIN settings st ON st.id = c.setting_id WHERE ${where.join(' AND ')}
           ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT @limit`,
        )
        .all(params) as (CohortChildren['rows'][number] & { total: number })[];
      return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
    },
  };
}

/** Drill-down columns: from the child's latest screening, or from their screening in the round. */
const LATEST_COLUMNS =
  'ls.screening_date AS screeningDate, ls.age_section AS ageSection, ls.colour AS colour, ls.working_at_section AS workingAtSection, ls.review_date AS reviewDate';
const ROUND_COLUMNS =
  'rr.screening_date AS screeningDate, rr.age_section AS ageSection, rr.colour AS colour, rr.working_at_section AS workingAtSection, ls.review_date AS reviewDate';

export interface ChildrenQuery {
  scope: Scope;
  round: { id: string; startDate: string; endDate: string } | null;
  groupBy: CohortGrouping | null;
  groupKey: string | null;
  colour: Colour | null;
  sectionsBehind: number | null;
  fromRoundId: string | null;
  fromColour: Colour | null;
  overdue: boolean;
  notScreened: boolean;
  targets: TargetFigure | null;
  today: string;
  limit: number;
}
