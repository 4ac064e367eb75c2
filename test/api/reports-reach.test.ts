import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Session } from '../../electron/core/context.js';
import type { ApiErrorBody } from '../../shared/errors.js';
import { sessionFor } from '../support/accounts.js';
import { dump } from '../support/core.js';
import { expectCohortFigures, reportWorld } from '../support/reports.js';

// Who may produce and open which report: an SLT assistant's area report covers their settings
// only and cannot name another; a practitioner (who may write children's summaries) is refused
// setting reports; lists hold only what the caller may open.

const everything = (core: Core) => dump(core, ['reports', 'audit_log'], { sorted: true });

function failedFor(core: Core, session: Session, method: string, input: unknown): ApiErrorBody {
  const before = everything(core);
  const result = core.call(method, input, session);
  expect(everything(core), `${method} wrote nothing`).toBe(before);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

function refusedFor(core: Core, session: Session, method: string, input: unknown): void {
  const error = failedFor(core, session, method, input);
  expect(error.code, `${method}: ${error.message}`).toBe('FORBIDDEN');
}

function answer<T>(core: Core, session: Session, method: string, input: unknown): T {
  const result = core.call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

describe('report reach', () => {
  it('gives an assistant an area report over their own settings, and refuses another setting', () => {
    const w = reportWorld();
    const { acorn, bramble, cedar } = w.settings;
    const sam = sessionFor(w.core, 'slt-assistant', { settingIds: [acorn.id, bramble.id] });
    const period = { roundId: w.rounds.autumn.id };
    const mine = answer<{ scopeLabel: string; settingIds: string[]; figures: Parameters<typeof expectCohortFigures>[1] }>(w.core, sam, 'reports.areaPreview', {
      period,
      suppressBelow: 0,
    });
    expect(mine.scopeLabel).toBe('Every setting you cover');
    expect(mine.settingIds).toEqual([acorn.id, bramble.id]);
    // The cohort API asked by the assistant for "all settings" answers for theirs: the same figures.
    expectCohortFigures(w.core, mine.figures, {}, { session: sam });
    expect(mine.figures.overview.screened).toBe(4 + 1);
    const northshire = answer<{ scopeLabel: string; settingIds: string[] }>(w.core, sam, 'reports.areaPreview', {
      scope: { localAuthority: 'Northshire' },
      period,
    });
    expect(northshire).toMatchObject({ scopeLabel: 'Northshire (the settings you cover)', settingIds: [acorn.id, bramble.id] });
    // Southshire holds only Cedar Court, which Sam does not cover.
    const southshire = failedFor(w.core, sam, 'reports.areaPreview', { scope: { localAuthority: 'Southshire' }, period });
    expect(southshire.code).toBe('VALIDATION');
    for (const method of ['reports.areaPreview', 'reports.produceArea'])
      refusedFor(w.core, sam, method, { scope: { settingIds: [acorn.id, cedar.id] }, period });
    for (const method of ['reports.settingPreview', 'reports.produceSetting']) refusedFor(w.core, sam, method, { settingId: cedar.id, period });
  });

  it('refuses a practitioner setting reports, to preview, produce or open', () => {
    const w = reportWorld();
    const { acorn } = w.settings;
    const period = { roundId: w.rounds.autumn.id };
    const report = w.core.invoke('reports.produceSetting', { settingId: acorn.id, period });
    const pat = sessionFor(w.core, 'practitioner', { staffId: w.staff.kim.id });
    refusedFor(w.core, pat, 'reports.settingPreview', { settingId: acorn.id, period });
    refusedFor(w.core, pat, 'reports.produceSetting', { settingId: acorn.id, period });
    refusedFor(w.core, pat, 'reports.produceArea', { scope: { settingIds: [acorn.id] }, period });
    refusedFor(w.core, pat, 'reports.get', { id: report.id });
    // They may list the setting's reports (children's summaries are theirs to see), but not this one.
    expect(answer(w.core, pat, 'reports.list', { settingId: acorn.id })).toEqual([]);
    // A champion of the setting may.
    const champion = sessionFor(w.core, 'champion', { staffId: w.staff.lee.id });
    expect(answer<{ id: string }[]>(w.core, champion, 'reports.list', { settingId: acorn.id }).map((r) => r.id)).toEqual([report.id]);
    expect(answer<{ id: string }>(w.core, champion, 'reports.get', { id: report.id }).id).toBe(report.id);
    refusedFor(w.core, champion, 'reports.produceSetting', { settingId: w.settings.cedar.id, period });
  });

  it('lists and opens an area report only for those who reach every setting it covers', () => {
    const w = reportWorld();
    const { acorn, bramble, cedar } = w.settings;
    const period = { roundId: w.rounds.autumn.id };
    const all = w.core.invoke('reports.produceArea', { period });
    const acornOnly = w.core.invoke('reports.produceArea', { scope: { settingIds: [acorn.id] }, period });
    const cedarReport = w.core.invoke('reports.produceSetting', { settingId: cedar.id, period });
    expect(all.snapshot.kind === 'area' && all.snapshot.settingIds).toEqual([acorn.id, bramble.id, cedar.id]);

    const sam = sessionFor(w.core, 'slt-assistant', { settingIds: [acorn.id, bramble.id] });
    expect(answer<{ id: string }[]>(w.core, sam, 'reports.list', {}).map((r) => r.id)).toEqual([acornOnly.id]);
    expect(answer<{ id: string }>(w.core, sam, 'reports.get', { id: acornOnly.id }).id).toBe(acornOnly.id);
    refusedFor(w.core, sam, 'reports.get', { id: all.id });
    refusedFor(w.core, sam, 'reports.get', { id: cedarReport.id });
    refusedFor(w.core, sam, 'reports.list', { settingId: cedar.id });

    // An assistant who covers every open setting opens the report over all of them.
    const alex = sessionFor(w.core, 'slt-assistant', { settingIds: [acorn.id, bramble.id, cedar.id] });
    expect(answer<{ id: string }[]>(w.core, alex, 'reports.list', {}).map((r) => r.id)).toEqual([acornOnly.id, all.id]);
    expect(answer<{ snapshot: unknown }>(w.core, alex, 'reports.get', { id: all.id }).snapshot).toEqual(all.snapshot);
    // Their own report over "every setting you cover" counts the same settings.
    const theirs = answer<{ settingIds: string[]; figures: unknown }>(w.core, alex, 'reports.areaPreview', { period });
    expect(theirs.settingIds).toEqual([acorn.id, bramble.id, cedar.id]);
    expect(all.snapshot.kind === 'area' && all.snapshot.figures).toEqual(theirs.figures);
  });
});
