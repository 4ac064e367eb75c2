// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildSummaryPage } from '../../renderer/pages/reports/ChildSummaryPage.js';
import type { ChildSummarySnapshot, Report } from '../../shared/schemas/reports.js';
import { renderSettingPage, settingUrl } from './harness.js';
import { ids } from './fixtures.js';

// The progress summary form: the note appears in the preview as it is typed (nothing is sent per
// keystroke), its characters are counted, a missing audience or an over-long note is named before
// anything is sent, and "Save and print" sends what was chosen and opens the saved copy.

afterEach(cleanup);

const preview: ChildSummarySnapshot = {
  version: 1,
  kind: 'child',
  audience: 'parents',
  child: { id: ids.childRobin, name: 'Robin Redbreast', dateOfBirth: '01/03/2023', settingName: 'Acorn', keyPersonName: 'Pat Testperson' },
  note: '',
  screenings: [
    {
      date: '20/11/2026',
      workingAt: 'Aged 3 years 8 months: understanding and talking at about the level expected at 36 to 41 months.',
      colourWord: 'Amber',
      meaning: 'A little behind.',
    },
  ],
  targets: [{ text: 'Joins in with songs', started: '20/11/2026', status: 'Still being worked on; next check due 18/12/2026', reviews: [] }],
  atHome: [{ title: 'Songs and rhymes with pauses', text: 'Sing and stop before the last word.' }],
};
const reportId = '88888888-8888-4888-8888-888888888888';

function renderForm() {
  return renderSettingPage({
    path: 'children/:childId/summary',
    url: settingUrl(`children/${ids.childRobin}/summary`),
    page: <ChildSummaryPage />,
    handlers: {
      'reports.childPreview': (input) => ({ ...preview, audience: (input as { audience: ChildSummarySnapshot['audience'] }).audience }),
      'reports.produceChild': (input): Report => ({
        id: reportId,
        kind: 'child',
        title: 'Progress summary: Robin Redbreast',
        periodLabel: 'To 20/11/2026',
        settingId: ids.setting,
        childId: ids.childRobin,
        producedByName: 'Pat Testperson',
        producedAt: '2026-11-27T10:00:00.000Z',
        snapshot: { ...preview, note: (input as { note: string }).note },
      }),
    },
  });
}

describe('the progress summary form', () => {
  it('shows the note in the preview as typed, counts it, and saves then opens the saved copy', async () => {
    const { fake, router } = renderForm();
    await screen.findByRole('heading', { name: 'Progress summary for Robin Redbreast' });
    expect(screen.getByText('Aged 3 years 8 months: understanding and talking at about the level expected at 36 to 41 months.')).toBeTruthy();
    const previews = fake.calls.filter((c) => c.method === 'reports.childPreview').length;

    fireEvent.change(screen.getByLabelText('Your note to the reader (optional)'), { target: { value: 'Robin loves singing.' } });
    expect(screen.getByText('Robin loves singing.', { selector: '.child-summary__note' })).toBeTruthy();
    expect(screen.getByText(/20 of 4000 characters used/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'reports.childPreview')).toHaveLength(previews);

    fireEvent.click(screen.getByLabelText('For the next setting or school'));
    await screen.findByRole('heading', { name: 'What helps at home' });
    fireEvent.click(screen.getByRole('button', { name: 'Save and print' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/s/${ids.setting}/children/${ids.childRobin}/summaries/${reportId}`));
    expect(fake.calls.find((c) => c.method === 'reports.produceChild')?.input).toEqual({
      childId: ids.childRobin,
      audience: 'next-setting',
      note: 'Robin loves singing.',
    });
  });

  it('names a missing audience and an over-long note without sending anything', async () => {
    const { fake } = renderForm();
    await screen.findByRole('heading', { name: 'Progress summary for Robin Redbreast' });
    fireEvent.click(screen.getByRole('button', { name: 'Save and print' }));
    expect(await screen.findAllByText('Choose who the summary is for')).not.toHaveLength(0);

    fireEvent.click(screen.getByLabelText('For parents and carers'));
    fireEvent.change(screen.getByLabelText('Your note to the reader (optional)'), { target: { value: 'x'.repeat(4001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and print' }));
    expect(await screen.findAllByText('Keep this to 4000 characters or fewer')).not.toHaveLength(0);
    expect(fake.calls.some((c) => c.method === 'reports.produceChild')).toBe(false);
  });
});
