// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../shared/contract/index.js';
import { AppError } from '../../shared/errors.js';
import type { Visit } from '../../shared/schemas/visits.js';
import { VisitRecordPage } from '../../renderer/pages/visits/VisitRecordPage.js';
import { childRow, ids, robin, setting, staff } from './fixtures.js';
import { renderSettingPage } from './harness.js';

afterEach(cleanup);

const visitId = '77777777-7777-4777-8777-777777777777';

/** What the core would answer: the visit as recorded. */
function recorded(input: ParsedInput<'visits.record'>): Visit {
  return {
    id: visitId,
    createdAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.000Z',
    settingId: input.settingId,
    settingName: setting.name,
    status: 'held',
    plannedDate: null,
    heldDate: input.heldDate,
    visitorAccountId: null,
    visitorName: input.visitorName,
    visitorRole: input.visitorRole,
    cancelledReason: '',
    screensCheckedCount: input.screensCheckedCount,
    screensCheckedNote: input.screensCheckedNote,
    coaching: input.coaching,
    notes: input.notes,
    nextVisitDate: input.nextVisitDate,
    attendees: input.attendees,
    childrenDiscussed: input.childrenDiscussed.map((c) => ({ ...c, name: 'Robin Testchild' })),
    actions: [],
  };
}

function openForm() {
  return renderSettingPage({
    path: 'visits/record',
    url: `/s/${ids.setting}/visits/record`,
    page: <VisitRecordPage />,
    handlers: { 'children.list': () => ({ total: 1, rows: [childRow(robin)] }), 'visits.record': recorded },
  });
}

describe('recording a visit', () => {
  it('shows every problem beside its field, sends nothing, then sends staff and other attendees in one list', async () => {
    const { fake } = openForm();
    await screen.findByRole('heading', { name: 'Record a visit' });
    fireEvent.change(screen.getByLabelText('Date of the visit'), { target: { value: '20/11/2026' } });
    fireEvent.click(screen.getByLabelText(staff[0]?.name ?? ''));
    fireEvent.click(screen.getByRole('button', { name: 'Add someone else' }));
    fireEvent.change(screen.getByLabelText('Next visit date'), { target: { value: '19/11/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save visit' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter the attendee’s name');
    expect(summary.textContent).toContain('The next visit date must be after this visit (20/11/2026)');
    expect(fake.inputsTo('visits.record')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Name of person 1'), { target: { value: 'Pat Parent' } });
    fireEvent.change(screen.getByLabelText('Next visit date'), { target: { value: '18/12/2026' } });
    fireEvent.change(screen.getByLabelText('Add a child'), { target: { value: ids.childRobin } });
    fireEvent.click(screen.getByRole('button', { name: 'Add child' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save visit' }));
    await waitFor(() => expect(fake.inputsTo('visits.record')).toHaveLength(1));
    expect(fake.inputsTo('visits.record')[0]).toMatchObject({
      settingId: ids.setting,
      id: null,
      heldDate: '2026-11-20',
      nextVisitDate: '2026-12-18',
      attendees: [
        { staffId: ids.staffPat, name: staff[0]?.name },
        { staffId: null, name: 'Pat Parent', role: '' },
      ],
      childrenDiscussed: [{ childId: ids.childRobin, note: '' }],
    });
    await screen.findByText('Moved to another page');
  });

  it('puts the core’s refusal about another attendee beside that person’s name box', async () => {
    const { fake } = openForm();
    fake.set({
      'visits.record': () => {
        throw new AppError('VALIDATION', 'Check the attendees', [{ path: ['attendees', 1, 'name'], message: 'This name is refused' }]);
      },
    });
    await screen.findByRole('heading', { name: 'Record a visit' });
    fireEvent.change(screen.getByLabelText('Date of the visit'), { target: { value: '20/11/2026' } });
    fireEvent.click(screen.getByLabelText(staff[0]?.name ?? ''));
    fireEvent.click(screen.getByRole('button', { name: 'Add someone else' }));
    fireEvent.change(screen.getByLabelText('Name of person 1'), { target: { value: 'Pat Parent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save visit' }));
    await waitFor(() => expect(fake.inputsTo('visits.record')).toHaveLength(1));
    const box = await screen.findByLabelText('Name of person 1');
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${box.id}-error`)?.textContent).toContain('This name is refused');
  });
});
