import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Session } from '../../electron/core/context.js';
import type { AreaReportSnapshot, CohortReportFigures, SettingReportSnapshot } from '../../shared/schemas/reports.js';
import { sessionFor } from '../support/accounts.js';
import { testCore } from '../support/core.js';
import { expectCohortFigures } from '../support/reports.js';

// Property tests over the demo data (four settings, four rounds, targets, whole-setting targets
// and visits): for a random scope (one setting, every setting, a local authority, or the settings
// an assistant covers), round or date range, and small-number limit, every report figure equals
// the cohort API's answer for the same scope and round, and the report's tables add up to its
// headline figures.

let core: Core;
let settings: { id: string; localAuthority: string }[];
let rounds: { id: string; startDate: string; endDate: string }[];

/** A fresh core with the demo data, for one test (test cores close after the test that made them). */
function loadDemo(): void {
  core = testCore();
  core.invoke('demo.load', {});
  settings = core.invoke('settings.list', {});
  rounds = core.invoke('rounds.list', {});
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What holds for any report's figures, whatever its scope. */
function expectTablesAddUp(f: CohortReportFigures, suppressBelow: number): void {
  expect(f.byAgeSection.total.total).toBe(f.overview.screened);
  expect(sum(f.workingAt.map((r) => r.total))).toBe(f.hasScreenings ? f.overview.screened : 0);
  const shown = f.byAgeSection.rows.filter((r) => !r.suppressed);
  if (suppressBelow === 0) expect(sum(shown.map((r) => r.total))).toBe(f.overview.screened);
  for (const r of f.byAgeSection.rows) {
    expect(r.red + r.amber + r.green).toBe(r.total);
    if (r.suppressed) expect(r.total).toBe(0);
  }
  for (const g of f.gaps) {
    if (!g.suppressed) expect(g.group.total + g.rest.total).toBe(f.overview.screened);
    if (g.greenGap !== null) expect(Math.abs(g.greenGap)).toBeLessThanOrEqual(100);
  }
  if (f.progress) {
    const cells = Object.values(f.progress.matrix).flatMap((row) => Object.values(row));
    expect(sum(cells)).toBe(f.progress.total);
    expect(f.progress.improved + f.progress.same + f.progress.worse).toBe(f.progress.total);
  }
  expect(f.targets.targetsMet).toBeLessThanOrEqual(f.targets.targetsClosed);
  expect(f.targets.onTargets).toBeLessThanOrEqual(f.targets.onRoll);
  if (!f.hasScreenings) expect([f.gaps, f.workingAt, f.byAgeSection.rows, f.progress]).toEqual([[], [], [], null]);
}

function expectAreaAddsUp(report: AreaReportSnapshot): void {
  const f = report.figures;
  expect(report.settings.map((r) => r.settingId)).toEqual(expect.arrayContaining(report.settingIds));
  expect(sum(report.settings.map((r) => r.screened))).toBe(f.overview.screened);
  expect(sum(report.settings.map((r) => r.onTargets))).toBe(f.targets.onTargets);
  expect(sum(report.settings.map((r) => r.targetsClosed))).toBe(f.targets.targetsClosed);
  expect(sum(report.settings.map((r) => r.targetsMet))).toBe(f.targets.targetsMet);
  expect(sum(report.settings.map((r) => r.visitsHeld))).toBe(f.visitsHeld.length);
  expect(sum(report.settings.map((r) => r.childrenOnRoll))).toBe(f.overview.childrenOnRoll);
}

function answer<T>(session: Session, method: string, input: unknown): T {
  const result = core.call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A round, or a date range from one round's start (or the day before) to another's end (or the day after). */
const periodArb = () =>
  fc.oneof(
    fc.nat().map((i) => ({ roundId: rounds[i % rounds.length]!.id })),
    fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()).map(([a, b, early, late]) => {
      const [first, last] = [rounds[a % rounds.length]!, rounds[b % rounds.length]!].sort((x, y) => x.startDate.localeCompare(y.startDate));
      const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return { from: shift(first!.startDate, early ? -1 : 0), to: shift(last!.endDate, late ? 1 : 0) };
    }),
  );

describe('report figures, over random scopes and periods of the demo data', () => {
  it('equal the cohort API for a setting, and its children on targets add up to the headline figures', { timeout: 180_000 }, () => {
    loadDemo();
    fc.assert(
      fc.property(fc.nat(), periodArb(), fc.boolean(), (i, period, initialsOnly) => {
        const setting = settings[i % settings.length]!;
        const report = core.invoke('reports.settingPreview', { settingId: setting.id, period, initialsOnly }) as SettingReportSnapshot;
        const f = report.figures;
        expectTablesAddUp(f, 0);
        if (f.period.roundId) expectCohortFigures(core, f, { settingId: setting.id });
        expect(report.childrenOnTargets.length).toBe(f.targets.onTargets);
        expect(sum(report.childrenOnTargets.map((c) => c.closed))).toBe(f.targets.targetsClosed);
        expect(sum(report.childrenOnTargets.map((c) => c.met))).toBe(f.targets.targetsMet);
        if (initialsOnly) for (const c of report.childrenOnTargets) expect(c.name).toMatch(/^([A-Z]\. ?)+$/);
      }),
      { numRuns: 25 },
    );
  });

  it('equal the cohort API across settings, for a manager and for an assistant covering some', { timeout: 180_000 }, () => {
    loadDemo();
    fc.assert(
      fc.property(
        fc.subarray(settings, { minLength: 1 }),
        periodArb(),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (covered, period, suppressBelow, byLa) => {
          if (byLa) {
            const localAuthority = covered[0]!.localAuthority;
            const report = core.invoke('reports.areaPreview', { scope: { localAuthority }, period, suppressBelow });
            expectTablesAddUp(report.figures, suppressBelow);
            expectAreaAddsUp(report);
            if (report.figures.period.roundId) expectCohortFigures(core, report.figures, { localAuthority }, { suppressBelow });
            return;
          }
          const assistant = sessionFor(core, 'slt-assistant', { settingIds: covered.map((s) => s.id) });
          const theirs = answer<AreaReportSnapshot>(assistant, 'reports.areaPreview', { period, suppressBelow });
          expect([...theirs.settingIds].sort()).toEqual(covered.map((s) => s.id).sort());
          expectTablesAddUp(theirs.figures, suppressBelow);
          expectAreaAddsUp(theirs);
          if (theirs.figures.period.roundId) expectCohortFigures(core, theirs.figures, {}, { session: assistant, suppressBelow });
          // A manager choosing the same settings gets the same report under another name.
          const chosen = core.invoke('reports.areaPreview', { scope: { settingIds: covered.map((s) => s.id) }, period, suppressBelow });
          expect({ ...chosen, scopeLabel: '' }).toEqual({ ...theirs, scopeLabel: '' });
        },
      ),
      { numRuns: 20 },
    );
  });
});
