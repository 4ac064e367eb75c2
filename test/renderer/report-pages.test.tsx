// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SavedReportPage, SettingReportPreviewPage } from '../../renderer/pages/reports/SettingReportPages.js';
import type { CohortReportFigures, Report, SettingReportSnapshot } from '../../shared/schemas/reports.js';
import { renderSettingPage, settingUrl } from './harness.js';
import { ids } from './fixtures.js';

// The setting report's screens over a fake core: a round with no screenings says so in words
// instead of drawing empty charts, a saved report shows its snapshot's words, a child's summary
// opens on its own page, and a narrative the core refuses is named in the error summary with
// nothing navigated away from.

afterEach(cleanup);

const rag = { red: 0, amber: 0, green: 0, total: 0 };
const emptyFigures: CohortReportFigures = {
  period: {
    label: 'Autumn 2026 (01/09/2026 to 31/12/2026)',
    from: '2026-09-01',
    to: '2026-12-31',
    roundId: '99999999-9999-4999-8999-999999999999',
    roundName: 'Autumn 2026',
    previousRoundId: null,
    previousRoundName: null,
  },
  hasScreenings: false,
  overview: { childrenOnRoll: 12, childrenOnRollToday: 11, overdue: 0, notScreened: 12, screened: 0, incomplete: 0 },
  byAgeSection: { rows: [], total: rag },
  workingAt: [],
  gaps: [],
  progress: null,
  targets: { onRoll: 12, onTargets: 0, targetsClosed: 0, targetsMet: 0 },
  settingTargets: [],
  visitsHeld: [],
};
const snapshot: SettingReportSnapshot = {
  version: 1,
  kind: 'setting',
  setting: { id: ids.setting, name: 'Acorn Lane Nursery', type: 'nursery', localAuthority: 'Sandford' },
  initialsOnly: false,
  figures: emptyFigures,
  childrenOnTargets: [],
  narrative: { achievements: 'A calm, settled term.', priorities: '' },
};
const reportId = '88888888-8888-4888-8888-888888888888';
const saved: Report = {
  id: reportId,
  kind: 'setting',
  title: 'Setting progress report: Acorn Lane Nursery',
  periodLabel: emptyFigures.period.label,
  settingId: ids.setting,
  childId: null,
  producedByName: 'Pat Manager',
  producedAt: '2026-11-27T10:00:00.000Z',
  snapshot,
};

describe('a saved setting report', () => {
  it('says plainly that the round had no screenings, and shows the words saved with it', async () => {
    renderSettingPage({
      path: 'reports/:reportId',
      url: settingUrl(`reports/${reportId}`),
      page: <SavedReportPage />,
      handlers: { 'reports.get': () => saved },
    });
    const sheet = await screen.findByRole('article', { name: /^Setting progress report, Acorn Lane Nursery, Autumn 2026/ });
    expect(within(sheet).getByText(/No children were screened in Autumn 2026/)).toBeTruthy();
    expect(within(sheet).queryByRole('heading', { name: 'Red, Amber and Green by age section' })).toBeNull();
    expect(within(sheet).getByText('A calm, settled term.')).toBeTruthy();
    expect(within(sheet).getByText('Pat Manager')).toBeTruthy();
    expect(within(sheet).getByText('27/11/2026')).toBeTruthy();
    expect(within(sheet).queryByText(/Preview/)).toBeNull();
  });

  it('with no round in its dates, gives who was on roll and no screening figures', async () => {
    const noRound = { ...emptyFigures, period: { ...emptyFigures.period, label: '01/01/2027 to 31/01/2027', roundId: null, roundName: null } };
    renderSettingPage({
      path: 'reports/:reportId',
      url: settingUrl(`reports/${reportId}`),
      page: <SavedReportPage />,
      handlers: { 'reports.get': () => ({ ...saved, snapshot: { ...snapshot, figures: noRound } }) },
    });
    const headline = await screen.findByRole('table', { name: 'Headline figures' });
    expect(within(headline).getByRole('row', { name: 'Children on roll at any time in the period 12' })).toBeTruthy();
    expect(within(headline).queryByText(/Red result|screened/)).toBeNull();
  });

  it("opens a child's progress summary on the child's own page", async () => {
    const child: Report = {
      ...saved,
      kind: 'child',
      childId: ids.childRobin,
      snapshot: {
        version: 1,
        kind: 'child',
        audience: 'parents',
        child: { id: ids.childRobin, name: 'Ada', dateOfBirth: '2023-01-01', settingName: 'Acorn Lane Nursery', keyPersonName: null },
        note: '',
        screenings: [],
        targets: [],
        atHome: [],
      },
    };
    renderSettingPage({
      path: 'reports/:reportId',
      url: settingUrl(`reports/${reportId}`),
      page: <SavedReportPage />,
      handlers: { 'reports.get': () => child },
    });
    expect(await screen.findByText('Moved to another page')).toBeTruthy();
  });
});

describe('the setting report preview', () => {
  it('shows the core refusing a narrative over the limit in the error summary, and stays on the preview', async () => {
    const rendered = renderSettingPage({
      path: 'reports/new',
      url: `${settingUrl('reports/new')}?round=${emptyFigures.period.roundId ?? ''}`,
      page: <SettingReportPreviewPage />,
      handlers: { 'reports.settingPreview': () => snapshot, 'reports.produceSetting': () => saved },
    });
    await screen.findByRole('article');
    fireEvent.change(screen.getByRole('textbox', { name: 'Achievements' }), { target: { value: 'x'.repeat(4001) } });
    expect(screen.getByText('4,001 of 4,000 characters: 1 too many')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Produce and save' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Keep this to 4000 characters or fewer');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.queryByText('Moved to another page')).toBeNull();
    // The refused call was the only produce sent, with the words as typed.
    const produced = rendered.fake.calls.filter((c) => c.method === 'reports.produceSetting');
    expect(produced).toHaveLength(1);
  });
});
