import { describe, expect, it } from 'vitest';
import { reportWorld } from '../support/reports.js';

// A produced report is a snapshot: reopened after the data changed (a new screening, a target
// closed, the setting renamed, another visit) it shows exactly what was produced, while a new
// preview shows the data as it is now.

describe('produced reports are snapshots', () => {
  it('reopens a setting report and an area report exactly as produced after the data changed', () => {
    const w = reportWorld();
    const { core } = w;
    const { acorn } = w.settings;
    const period = { roundId: w.rounds.autumn.id };
    const narrative = { achievements: 'Every room now has a visual timetable.', priorities: 'More songs with actions.' };
    const setting = core.invoke('reports.produceSetting', { settingId: acorn.id, period, narrative });
    const area = core.invoke('reports.produceArea', { scope: { localAuthority: 'Northshire' }, period, suppressBelow: 0 });
    expect(setting.snapshot).toEqual(core.invoke('reports.settingPreview', { settingId: acorn.id, period, narrative }));
    expect(area.snapshot).toEqual(core.invoke('reports.areaPreview', { scope: { localAuthority: 'Northshire' }, period, suppressBelow: 0 }));
    expect(setting).toMatchObject({ kind: 'setting', title: 'Setting progress report: Acorn Lane', periodLabel: 'Autumn 2026 (01/09/2026 to 18/12/2026)' });
    expect(setting.producedByName).toBe('Test Manager');

    // The data moves on.
    w.screen(w.children.dan.id, '2026-11-10', 6, 'green');
    core.invoke('targets.review', { targetId: w.targets.avaTurns.id, reviewDate: '2026-11-20', reviewer: 'Kim', progress: 'met', status: 'achieved' });
    core.invoke('settings.update', { id: acorn.id, name: 'Acorn Lane Nursery', urn: 'EY100001', type: 'nursery', localAuthority: 'Northshire' });
    core.invoke('visits.record', { settingId: acorn.id, heldDate: '2026-11-25', visitorName: 'Sam Visitor', attendees: [{ name: 'Kim' }] });

    expect(core.invoke('reports.get', { id: setting.id })).toEqual(setting);
    expect(core.invoke('reports.get', { id: area.id })).toEqual(area);
    expect(core.invoke('reports.list', { settingId: acorn.id })).toEqual([
      {
        id: setting.id,
        kind: 'setting',
        title: setting.title,
        periodLabel: setting.periodLabel,
        settingId: acorn.id,
        childId: null,
        producedByName: 'Test Manager',
        producedAt: setting.producedAt,
      },
    ]);

    // A new preview counts the changes.
    const now = core.invoke('reports.settingPreview', { settingId: acorn.id, period, narrative });
    expect(now).not.toEqual(setting.snapshot);
    expect(now.setting.name).toBe('Acorn Lane Nursery');
    expect(now.figures.overview.screened).toBe(5);
    expect(now.figures.targets.targetsMet).toBe(2);
    expect(now.figures.visitsHeld).toHaveLength(2);
    if (setting.snapshot.kind !== 'setting') throw new Error('a setting report');
    expect(setting.snapshot.setting.name).toBe('Acorn Lane');
    expect(setting.snapshot.figures.overview.screened).toBe(4);
    expect(setting.snapshot.figures.targets.targetsMet).toBe(1);
    const areaNow = core.invoke('reports.areaPreview', { scope: { localAuthority: 'Northshire' }, period, suppressBelow: 0 });
    expect(areaNow.settings[0]?.settingName).toBe('Acorn Lane Nursery');
    expect(areaNow.figures.overview.screened).toBe(area.snapshot.kind === 'area' ? area.snapshot.figures.overview.screened + 1 : NaN);
  });
});
