import { describe, expect, it } from 'vitest';
import { narrativeMaxLength } from '../../shared/schemas/reports.js';
import { failure, paths } from '../support/api.js';
import { rag } from '../support/cohort.js';
import { dump } from '../support/core.js';
import { expectCohortFigures, reportWorld } from '../support/reports.js';

// Setting and area progress reports on the hand-built world of the cohort tests (see
// test/support/cohort.ts for every child and screening) with targets, whole-setting targets and
// visits added (test/support/reports.ts). Each figure is checked against the cohort API's answer
// (one definition per number) and, where the world makes it easy, against a count by hand.

const everything = (core: Parameters<typeof dump>[0]) => dump(core, ['reports', 'audit_log'], { sorted: true });

describe('reports.settingPreview', () => {
  it('counts a round as the dashboard does, with gaps, targets, whole-setting targets and visits', () => {
    const w = reportWorld();
    const { acorn } = w.settings;
    const report = w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { roundId: w.rounds.autumn.id } });
    expect(report.setting).toEqual({ id: acorn.id, name: 'Acorn Lane', type: 'nursery', localAuthority: 'Northshire' });
    const f = report.figures;
    expect(f.period).toEqual({
      label: 'Autumn 2026 (01/09/2026 to 18/12/2026)',
      from: '2026-09-01',
      to: '2026-12-18',
      roundId: w.rounds.autumn.id,
      roundName: 'Autumn 2026',
      previousRoundId: w.rounds.summer.id,
      previousRoundName: 'Summer 2026',
    });
    expect(f.hasScreenings).toBe(true);
    expectCohortFigures(w.core, f, { settingId: acorn.id });
    // By hand: Ava green (EYPP), Ben green (EAL), Cara amber (SEN support), Gus red.
    expect(f.byAgeSection.total).toEqual(rag(1, 1, 2));
    expect(f.overview.screened).toBe(4);
    const gap = (key: string) => f.gaps.find((g) => g.key === key);
    expect(gap('boys')).toMatchObject({ group: rag(1, 0, 1), rest: rag(0, 1, 1), greenGap: 0, suppressed: false });
    expect(gap('eal')).toMatchObject({ group: rag(0, 0, 1), rest: rag(1, 1, 1), greenGap: 67 });
    expect(gap('send')).toMatchObject({ group: rag(0, 1, 0), rest: rag(1, 0, 2), greenGap: -67 });
    expect(gap('eypp')).toMatchObject({ group: rag(0, 0, 1), greenGap: 67 });
    // Nobody has a funded place: no gap to speak of, but not hidden either.
    expect(gap('funded2')).toMatchObject({ group: rag(0, 0, 0), rest: rag(1, 1, 2), greenGap: null, suppressed: false });
    // Summer's one Acorn child (Hana) was not screened in the autumn.
    expect(f.progress?.total).toBe(0);
    expect(f.targets).toMatchObject({ onTargets: 2, targetsClosed: 2, targetsMet: 1 });
    expect(report.childrenOnTargets).toEqual([
      { childId: w.children.ava.id, name: 'Ava Adams', active: 2, closed: 1, met: 1 },
      { childId: w.children.ben.id, name: 'Ben Brown', active: 1, closed: 1, met: 0 },
    ]);
    expect(f.settingTargets).toEqual([
      { id: w.settingTargets.timetable.id, settingName: 'Acorn Lane', title: 'Every room uses a visual timetable', status: 'planned', reviewDate: null },
    ]);
    expect(f.visitsHeld).toEqual([{ id: w.visits.acornSep.id, settingName: 'Acorn Lane', date: '2026-09-15', visitorName: 'Sam Visitor' }]);
  });

  it('adds up: the children on targets are the headline figures, and the age rows the children screened', () => {
    const w = reportWorld();
    for (const setting of [w.settings.acorn, w.settings.bramble, w.settings.cedar]) {
      for (const round of [w.rounds.spring, w.rounds.summer, w.rounds.autumn]) {
        const report = w.core.invoke('reports.settingPreview', { settingId: setting.id, period: { roundId: round.id } });
        const f = report.figures;
        expect(report.childrenOnTargets.length).toBe(f.targets.onTargets);
        expect(report.childrenOnTargets.reduce((n, c) => n + c.closed, 0)).toBe(f.targets.targetsClosed);
        expect(report.childrenOnTargets.reduce((n, c) => n + c.met, 0)).toBe(f.targets.targetsMet);
        expect(f.byAgeSection.rows.reduce((n, r) => n + r.total, 0)).toBe(f.overview.screened);
        expect(f.workingAt.reduce((n, r) => n + r.total, 0)).toBe(f.overview.screened);
        if (f.hasScreenings) expectCohortFigures(w.core, f, { settingId: setting.id });
      }
    }
  });

  it('shows initials only, stored that way, for children and the visitor', () => {
    const w = reportWorld();
    const input = { settingId: w.settings.acorn.id, period: { roundId: w.rounds.autumn.id }, initialsOnly: true };
    const report = w.core.invoke('reports.produceSetting', input);
    if (report.snapshot.kind !== 'setting') throw new Error('a setting report');
    expect(report.snapshot.initialsOnly).toBe(true);
    expect(report.snapshot.childrenOnTargets.map((c) => c.name)).toEqual(['A. A.', 'B. B.']);
    expect(report.snapshot.figures.visitsHeld.map((v) => v.visitorName)).toEqual(['S. V.']);
    const stored = w.core.context.db.prepare('SELECT snapshot FROM reports WHERE id = ?').pluck().get(report.id) as string;
    for (const name of ['Ava', 'Adams', 'Ben', 'Brown', 'Sam Visitor']) expect(stored).not.toContain(name);
  });

  it('works out a date range: figures from the last round ending in it, progress from the first starting in it', () => {
    const w = reportWorld();
    const { acorn } = w.settings;
    const year = w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { from: '2026-01-01', to: '2026-12-31' } }).figures;
    expect(year.period).toMatchObject({ label: '01/01/2026 to 31/12/2026', roundId: w.rounds.autumn.id, previousRoundId: w.rounds.spring.id });
    expectCohortFigures(w.core, year, { settingId: acorn.id });
    // Spring to autumn: Ava Red to Green and Ben Amber to Green improved, Cara stayed Amber.
    expect(year.progress).toMatchObject({ improved: 2, same: 1, worse: 0, total: 3 });
    // Targets over the year: Cara's spring target counts too, and both visits.
    expect(year.targets).toMatchObject({ onTargets: 3, targetsClosed: 3, targetsMet: 2 });
    expect(year.visitsHeld.map((v) => v.date)).toEqual(['2026-06-10', '2026-09-15']);

    // A range holding one round compares it with the round before, as choosing the round does.
    const autumnish = w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { from: '2026-08-01', to: '2026-12-31' } }).figures;
    expect(autumnish.period).toMatchObject({ label: '01/08/2026 to 31/12/2026', roundId: w.rounds.autumn.id, previousRoundId: w.rounds.summer.id });
    // Exactly a round's dates: named after it.
    const exact = w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { from: '2026-09-01', to: '2026-12-18' } }).figures;
    expect(exact.period.label).toBe('Autumn 2026 (01/09/2026 to 18/12/2026)');
  });

  it('says there were no screenings, rather than failing, for a round with none or a range with no round', () => {
    const w = reportWorld();
    const { acorn } = w.settings;
    const empty = w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { roundId: w.rounds.next.id } }).figures;
    expect(empty).toMatchObject({ hasScreenings: false, byAgeSection: { rows: [], total: rag(0, 0, 0) }, workingAt: [], gaps: [], progress: null });
    expect(empty.overview.screened).toBe(0);
    expectCohortFigures(w.core, empty, { settingId: acorn.id });
    const summerBreak = w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { from: '2026-07-25', to: '2026-08-31' } }).figures;
    expect(summerBreak).toMatchObject({ hasScreenings: false, gaps: [], progress: null, period: { roundId: null, previousRoundId: null } });
    expect(summerBreak.overview.screened).toBe(0);
    // Produced, it says the same and is stored.
    const produced = w.core.invoke('reports.produceSetting', { settingId: acorn.id, period: { roundId: w.rounds.next.id } });
    expect(produced.snapshot.kind === 'setting' && produced.snapshot.figures.hasScreenings).toBe(false);
  });

  it('refuses a narrative over the limit, naming the field, and stores nothing', () => {
    const w = reportWorld();
    const error = failure(
      w.core,
      'reports.produceSetting',
      { settingId: w.settings.acorn.id, period: { roundId: w.rounds.autumn.id }, narrative: { achievements: 'x'.repeat(narrativeMaxLength + 1) } },
      everything,
    );
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual(['narrative.achievements']);
    expect(error.message).toMatch(/4000 characters/);
  });

  it('refuses an archived setting, naming it, and stores nothing', () => {
    const w = reportWorld();
    for (const method of ['reports.settingPreview', 'reports.produceSetting']) {
      const error = failure(w.core, method, { settingId: w.settings.dormant.id, period: { roundId: w.rounds.autumn.id } }, everything);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/Dormant Den is archived/);
    }
  });
});

describe('reports.areaPreview', () => {
  it('counts a local authority as the dashboard does, with a row per setting', () => {
    const w = reportWorld();
    const { acorn, bramble } = w.settings;
    const report = w.core.invoke('reports.areaPreview', { scope: { localAuthority: 'Northshire' }, period: { roundId: w.rounds.autumn.id }, suppressBelow: 0 });
    expect(report.scopeLabel).toBe('Northshire');
    // Dormant Den is archived: not in the report.
    expect(report.settingIds).toEqual([acorn.id, bramble.id]);
    expectCohortFigures(w.core, report.figures, { localAuthority: 'Northshire' });
    const comparison = w.core.invoke('cohort.settings', { roundId: w.rounds.autumn.id, localAuthority: 'Northshire' });
    expect(report.settings.map(({ screened: _s, onTargets: _o, targetsMet: _m, targetsClosed: _c, visitsHeld: _v, ...row }) => row)).toEqual(comparison.rows);
    expect(report.settings.map((r) => [r.settingName, r.screened, r.onTargets, r.targetsClosed, r.targetsMet, r.visitsHeld])).toEqual([
      ['Acorn Lane', 4, 2, 2, 1, 1],
      ['Bramble Barn', 1, 0, 0, 0, 1],
    ]);
    expect(report.figures.settingTargets.map((t) => t.settingName)).toEqual(['Acorn Lane', 'Bramble Barn']);
    expect(report.figures.visitsHeld.map((v) => [v.settingName, v.date])).toEqual([
      ['Acorn Lane', '2026-09-15'],
      ['Bramble Barn', '2026-10-12'],
    ]);
    // The table adds up to the headline figures.
    expect(report.settings.reduce((n, r) => n + r.screened, 0)).toBe(report.figures.overview.screened);
    expect(report.settings.reduce((n, r) => n + r.onTargets, 0)).toBe(report.figures.targets.onTargets);
  });

  it('withholds small groups in the gaps and the age table', () => {
    const w = reportWorld();
    const report = w.core.invoke('reports.areaPreview', { period: { roundId: w.rounds.autumn.id }, suppressBelow: 2 });
    expect(report.scopeLabel).toBe('Every setting');
    expectCohortFigures(w.core, report.figures, {}, { suppressBelow: 2 });
    const eal = report.figures.gaps.find((g) => g.key === 'eal');
    // Ben is the only EAL child screened in the autumn.
    expect(eal).toEqual({ key: 'eal', label: 'English as an additional language', group: rag(0, 0, 0), rest: rag(0, 0, 0), greenGap: null, suppressed: true });
    expect(report.figures.byAgeSection.rows.some((r) => r.suppressed && r.total === 0)).toBe(true);
  });

  it('names a narrowed scope in words', () => {
    const w = reportWorld();
    const period = { roundId: w.rounds.autumn.id };
    const label = (scope: Record<string, unknown>) => w.core.invoke('reports.areaPreview', { scope, period }).scopeLabel;
    expect(label({ settingType: 'nursery' })).toBe('Nurseries');
    expect(label({ localAuthority: 'Northshire', settingType: 'pre-school' })).toBe('Northshire, pre-schools');
    expect(label({ settingIds: [w.settings.cedar.id] })).toBe('Cedar Court');
  });

  it('counts the five gap breakdowns in one pass exactly as five breakdowns would', () => {
    const w = reportWorld();
    const cohort = w.core.context.repos.cohort;
    const groupings = ['sex', 'eal', 'sendStage', 'funded2', 'eypp'] as const;
    for (const scope of [
      { settingId: null, localAuthority: null, settingType: null },
      { settingId: w.settings.acorn.id, localAuthority: null, settingType: null },
    ]) {
      for (const round of Object.values(w.rounds)) {
        for (const suppressBelow of [0, 2]) {
          const together = cohort.breakdowns(scope, round.id, groupings, suppressBelow);
          for (const g of groupings) expect(together.get(g), g).toEqual(cohort.breakdown(scope, round.id, g, suppressBelow));
        }
      }
    }
  });

  it('covers a chosen list of settings, and names a missing one by its place in the list', () => {
    const w = reportWorld();
    const { acorn, cedar } = w.settings;
    const report = w.core.invoke('reports.areaPreview', { scope: { settingIds: [cedar.id, acorn.id] }, period: { roundId: w.rounds.autumn.id } });
    expect(report.scopeLabel).toBe('2 chosen settings');
    expect(report.settings.map((r) => r.settingName)).toEqual(['Acorn Lane', 'Cedar Court']);
    expect(report.figures.overview.screened).toBe(4 + 1);
    const missing = failure(
      w.core,
      'reports.produceArea',
      { scope: { settingIds: [acorn.id, '00000000-0000-4000-8000-000000000000'] }, period: { roundId: w.rounds.autumn.id } },
      everything,
    );
    expect(missing.code).toBe('VALIDATION');
    expect(paths(missing)).toEqual(['scope.settingIds.1']);
    const archived = failure(
      w.core,
      'reports.produceArea',
      { scope: { settingIds: [w.settings.dormant.id] }, period: { roundId: w.rounds.autumn.id } },
      everything,
    );
    expect(archived.code).toBe('CONFLICT');
    expect(archived.message).toMatch(/Dormant Den/);
    const none = failure(w.core, 'reports.produceArea', { scope: { localAuthority: 'Westshire' }, period: { roundId: w.rounds.autumn.id } }, everything);
    expect(none.code).toBe('VALIDATION');
    expect(paths(none)).toEqual(['scope.localAuthority']);
  });
});
