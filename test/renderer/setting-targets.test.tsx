// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingTargetPage } from '../../renderer/pages/settingTargets/SettingTargetPage.js';
import { SettingTargetsPage } from '../../renderer/pages/settingTargets/SettingTargetsPage.js';
import type { SettingTarget } from '../../shared/schemas/settingTargets.js';
import type { Me } from '../../shared/schemas/session.js';
import { renderSettingPage, settingUrl } from './harness.js';
import { ids } from './fixtures.js';

// The whole-setting targets screens: only those who may change targets are offered the forms, the
// owner is sent as a staff member or a typed name (never both), and the review form offers only
// the moves the rules allow and names a bad date before anything is sent.

afterEach(cleanup);

const targetId = '77777777-7777-4777-8777-777777777777';
const target: SettingTarget = {
  id: targetId,
  settingId: ids.setting,
  title: 'Every room uses a visual timetable',
  description: '',
  ownerStaffId: null,
  ownerName: 'Deputy manager',
  dueDate: '2026-12-31',
  status: 'in-progress',
  strategies: [],
  reviewCount: 0,
  lastReviewDate: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};
const handlers = {
  'settingTargets.list': () => [target],
  'strategies.list': () => [],
  'settingTargets.get': () => ({ ...target, reviews: [] }),
};
const practitioner: Me = {
  accountId: null,
  displayName: 'Kit Practitioner',
  userName: 'kit',
  role: 'practitioner',
  roleLabel: 'Practitioner',
  staffId: ids.staffPat,
  settingIds: [],
  mustChangePassword: false,
};

describe('the whole-setting targets list', () => {
  it('sends a staff owner by id with no typed name, and names missing fields without sending', async () => {
    const rendered = renderSettingPage({
      path: 'targets',
      url: settingUrl('targets'),
      page: <SettingTargetsPage />,
      handlers: { ...handlers, 'settingTargets.create': () => target },
    });
    expect(await screen.findByRole('link', { name: target.title })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Add a whole-setting target' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add target' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getByText('Enter what the setting will do')).toBeTruthy();
    expect(within(summary).getByText('Choose who owns this target, or type their name')).toBeTruthy();
    expect(rendered.fake.calls.map((c) => c.method)).not.toContain('settingTargets.create');

    fireEvent.change(within(form).getByLabelText('What the setting will do'), { target: { value: 'Songs with pauses' } });
    fireEvent.change(within(form).getByLabelText('Owner’s name'), { target: { value: 'Typed then replaced' } });
    fireEvent.change(within(form).getByLabelText('Owner'), { target: { value: ids.staffPat } });
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: '31/12/2026' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add target' }));
    await waitFor(() => expect(rendered.fake.inputsTo('settingTargets.create')).toHaveLength(1));
    expect(rendered.fake.inputsTo('settingTargets.create')[0]).toMatchObject({ ownerStaffId: ids.staffPat, ownerName: '', dueDate: '2026-12-31' });
  });

  it('offers no form and no Change to someone who may only read targets', async () => {
    renderSettingPage({ path: 'targets', url: settingUrl('targets'), page: <SettingTargetsPage />, handlers, me: practitioner });
    expect(await screen.findByRole('link', { name: target.title })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: /Change/ })).toBeNull();
  });
});

describe('the review form', () => {
  it('offers only the allowed moves and names a review date in the future without sending', async () => {
    const rendered = renderSettingPage({ path: 'targets/:targetId', url: settingUrl(`targets/${targetId}`), page: <SettingTargetPage />, handlers });
    const form = await screen.findByRole('form', { name: 'Record a review' });
    const options = within(within(form).getByLabelText('Status after the review')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['In progress', 'Achieved', 'Stopped']);
    fireEvent.change(within(form).getByLabelText('Date of the review'), { target: { value: '01/01/2099' } });
    fireEvent.change(within(form).getByLabelText('What was seen and agreed'), { target: { value: 'All rooms' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save review' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getByText('Review date must be today or in the past')).toBeTruthy();
    expect(rendered.fake.calls.map((c) => c.method)).not.toContain('settingTargets.review');
  });
});
