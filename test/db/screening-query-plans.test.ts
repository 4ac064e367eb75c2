import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Db } from '../../electron/core/db/connection.js';
import { addDays, ageInCompletedMonths } from '../../shared/domain/dates.js';
import { defaultInstrumentSections, sectionForAge } from '../../shared/domain/screening.js';
import type { ChildListQuery } from '../../shared/schemas/children.js';
import { testCore } from '../support/core.js';
import { record, type PlanRow, type Recorded } from '../support/plans.js';

// A child's screening history and the children list (with each child's latest screening) must
// reach screenings through the screenings_by_child_date index, not by scanning every screening.
// The SQL is not copied from the repositories: a spy on db.prepare records the statements the
// API really prepares and the values it binds, and SQLite is asked for the plan of each.

interface Plan {
  sql: string;
  rows: PlanRow[];
  text: string;
}

function planOf(db: Db, q: Recorded): Plan {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.args as [])) as PlanRow[];
  return { sql: q.sql, rows, text: rows.map((r) => `${r.id}/${r.parent} ${r.detail}`).join('\n') };
}

/** The plan rows below (and including) the row with `id`. */
function subtree(rows: PlanRow[], id: number): PlanRow[] {
  const out = rows.filter((r) => r.id === id);
  for (const child of rows.filter((r) => r.parent === id)) out.push(...subtree(rows, child.id));
  return out;
}

function plansFor(core: Core, fn: () => void, pattern: RegExp, includeWrites = false): Plan[] {
  const db = core.context.db;
  const plans = record(db, fn, includeWrites)
    .filter((q) => pattern.test(q.sql))
    .map((q) => planOf(db, q));
  expect(plans.length, 'the statement was recorded').toBeGreaterThan(0);
  return plans;
}

const listForChildSql = /FROM screenings s[\s\S]*WHERE s\.child_id = \?/;
const childrenListSql = /FROM children c[\s\S]*LEFT JOIN screenings ls/;
/**
 * "This child's newest screening": wherever the app computes it (a correlated subquery in the
 * children list, or a cached column refreshed on every screening write), it is a query of this shape.
 */
const latestScreeningSql = /SELECT (\w+)\.id FROM screenings \1 WHERE \1\.child_id = (?:c\.id|children\.id|\?)\s+ORDER BY \1\.screening_date DESC/;

/** The aliases a statement gives the screenings table. */
function screeningAliases(sql: string): string[] {
  return [...sql.matchAll(/\bscreenings\s+(?:AS\s+)?([a-z]\w*)/gi)]
    .map((m) => m[1] ?? '')
    .filter((a) => !/^(WHERE|ON|SET|JOIN|LEFT|ORDER|GROUP|LIMIT)$/i.test(a));
}

/** Reading `alias` is a search of screenings_by_child_date on child_id. */
function expectByChildDate(plan: Plan, alias: string, rows: PlanRow[] = plan.rows): void {
  const step = rows.find((r) => new RegExp(`^(SCAN|SEARCH) ${alias}\\b`).test(r.detail));
  expect(step, plan.text).toBeDefined();
  expect(step?.detail, plan.text).toMatch(new RegExp(`^SEARCH ${alias} USING (COVERING )?INDEX screenings_by_child_date \\(child_id=\\?`));
}

/** No step of the plan scans the screenings table: every read of it is an index search. */
function expectNoScreeningsScan(plan: Plan): void {
  const aliases = screeningAliases(plan.sql);
  expect(aliases.length, plan.sql).toBeGreaterThan(0);
  for (const alias of aliases) {
    for (const step of plan.rows.filter((r) => new RegExp(`^(SCAN|SEARCH) ${alias}\\b`).test(r.detail))) {
      expect(step.detail, plan.text).toMatch(new RegExp(`^SEARCH ${alias} USING (COVERING )?(INDEX|PRIMARY KEY)`));
    }
  }
}

/** The "newest screening of a child" query: by screenings_by_child_date, never a full sort. */
function expectLatestIndexed(plan: Plan): void {
  const alias = latestScreeningSql.exec(plan.sql)?.[1];
  expect(alias, plan.sql).toBeDefined();
  const sub = plan.rows.find((r) => /SUBQUERY/.test(r.detail));
  const rows = sub ? subtree(plan.rows, sub.id) : plan.rows;
  expectByChildDate(plan, alias ?? '', rows);
  // Sorting only a tie-breaker beyond the indexed columns is fine; sorting every row is not.
  expect(
    rows.some((r) => /USE TEMP B-TREE FOR ORDER BY/.test(r.detail)),
    `sorted by the index\n${plan.text}`,
  ).toBe(false);
}

/** One setting, 24 children, each screened one to three times; a second setting likewise. */
function fixture() {
  const core = testCore();
  const settings = ['EY100001', 'EY100002'].map((urn, n) => core.invoke('settings.create', { name: `Setting ${n + 1}`, urn, type: 'nursery' }));
  const instrument = core.invoke('instruments.list', {})[0];
  if (!instrument) throw new Error('no instrument');
  const colours = ['green', 'amber', 'red'] as const;
  let firstChildId = '';
  settings.forEach((setting, si) => {
    for (let i = 0; i < 24; i += 1) {
      const dateOfBirth = addDays('2021-06-01', i * 47 + si * 13);
      const child = core.invoke('children.create', { settingId: setting.id, firstName: `Child${i}`, lastName: `Family${si}`, dateOfBirth, sex: 'female' });
      if (!firstChildId) firstChildId = child.id;
      for (let k = 0; k < 1 + (i % 3); k += 1) {
        const screeningDate = addDays('2026-11-20', -k * 90 - i);
        const section = sectionForAge(defaultInstrumentSections, ageInCompletedMonths(dateOfBirth, screeningDate));
        if (section === null) continue;
        const colour = colours[(i + k) % 3] ?? 'green';
        const sections =
          colour === 'green' || section === 1
            ? [{ section, colour }]
            : [
                { section, colour },
                { section: section - 1, colour: 'green' as const },
              ];
        core.invoke('screenings.create', { childId: child.id, instrumentId: instrument.id, screeningDate, sections });
      }
    }
  });
  const setting = settings[0];
  if (!setting) throw new Error('no setting');
  const count = core.context.db.prepare('SELECT count(*) AS n FROM screenings').get() as { n: number };
  expect(count.n).toBeGreaterThan(60);
  return { core, setting, childId: firstChildId };
}

const listQueries: Omit<ChildListQuery, 'settingId'>[] = [
  {},
  { sort: 'reviewDate' },
  { sort: 'reviewDate', direction: 'desc' },
  { colour: 'red' },
  { colour: 'none' },
  { reviewOverdue: true },
  { referralPrompted: true, status: 'all' },
  { colour: 'amber', reviewOverdue: true, referralPrompted: true, sort: 'reviewDate' },
];

describe('screening query plans', () => {
  it('screenings.listForChild reads the child’s screenings through screenings_by_child_date, already in date order', () => {
    const { core, childId } = fixture();
    const [plan, ...rest] = plansFor(core, () => core.invoke('screenings.listForChild', { childId }), listForChildSql);
    expect(rest).toHaveLength(0);
    if (!plan) throw new Error('no plan');
    expectByChildDate(plan, 's');
    expect(plan.text, 'ORDER BY screening_date DESC, created_at DESC comes from the index').not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('children.list never scans screenings, with every screening filter and sort', () => {
    const { core, setting } = fixture();
    const plans = plansFor(
      core,
      () => {
        for (const q of listQueries) core.invoke('children.list', { settingId: setting.id, ...q });
      },
      childrenListSql,
    );
    expect(plans).toHaveLength(listQueries.length * 2); // the count and the page, for each query
    for (const plan of plans) {
      expectNoScreeningsScan(plan);
      // The latest screening row itself is fetched by its primary key.
      expect(plan.rows.find((r) => /^(SCAN|SEARCH) ls\b/.test(r.detail))?.detail, plan.text).toMatch(
        /^SEARCH ls USING (COVERING )?INDEX sqlite_autoindex_screenings_1 \(id=\?\)/,
      );
      if (latestScreeningSql.test(plan.sql)) expectLatestIndexed(plan);
    }
  });

  it('each child’s latest screening is found through screenings_by_child_date (in the list, or when screenings are written)', () => {
    const { core, setting, childId } = fixture();
    const instrumentId = core.invoke('instruments.list', {})[0]?.id ?? '';
    const plans = plansFor(
      core,
      () => {
        core.invoke('children.list', { settingId: setting.id, sort: 'reviewDate' });
        const sc = core.invoke('screenings.listForChild', { childId })[0];
        if (!sc) throw new Error('the child has screenings');
        core.invoke('screenings.update', {
          id: sc.id,
          instrumentId,
          screeningDate: sc.screeningDate,
          sections: sc.sections.map((x) => ({ section: x.section, colour: x.enteredColour })),
        });
        core.invoke('screenings.delete', { id: sc.id });
      },
      latestScreeningSql,
      true,
    );
    for (const plan of plans) expectLatestIndexed(plan);
  });

  it('the plans change once screenings_by_child_date is dropped (so these tests can fail)', () => {
    const { core, setting, childId } = fixture();
    const instrumentId = core.invoke('instruments.list', {})[0]?.id ?? '';
    const byChild = () => plansFor(core, () => core.invoke('screenings.listForChild', { childId }), listForChildSql);
    const latest = () =>
      plansFor(
        core,
        () => {
          core.invoke('children.list', { settingId: setting.id, sort: 'reviewDate' });
          const sc = core.invoke('screenings.listForChild', { childId })[0];
          if (!sc) throw new Error('the child has screenings');
          core.invoke('screenings.update', {
            id: sc.id,
            instrumentId,
            screeningDate: sc.screeningDate,
            sections: sc.sections.map((x) => ({ section: x.section, colour: x.enteredColour })),
          });
        },
        latestScreeningSql,
        true,
      );
    const [childBefore] = byChild();
    const latestBefore = latest();

    core.context.db.exec('DROP INDEX screenings_by_child_date');
    const [childAfter] = byChild();
    const latestAfter = latest();

    if (!childAfter) throw new Error('no plan');
    expect(childAfter.text).not.toBe(childBefore?.text);
    expect(childAfter.text).not.toMatch(/screenings_by_child_date/);
    expect(
      childAfter.rows.some((r) => /^SCAN s\b/.test(r.detail)),
      childAfter.text,
    ).toBe(true);
    expect(childAfter.text).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(() => expectByChildDate(childAfter, 's')).toThrow();

    expect(latestAfter).toHaveLength(latestBefore.length);
    latestAfter.forEach((plan, i) => {
      expect(plan.text).not.toBe(latestBefore[i]?.text);
      expect(plan.text).not.toMatch(/screenings_by_child_date/);
      expect(() => expectLatestIndexed(plan)).toThrow();
    });
    // The answers are the same, only slower: the index is about speed, not meaning.
    expect(core.invoke('screenings.listForChild', { childId }).length).toBeGreaterThan(0);
  });
});
