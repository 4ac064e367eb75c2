// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Strategy } from '../../shared/schemas/strategies.js';
import { StrategiesPage } from '../../renderer/pages/strategies/StrategiesPage.js';
import { renderSettingPage, settingUrl } from './harness.js';

// The strategies page's form: a blank form is refused beside its fields with nothing sent, and a
// manager's new strategy goes to this setting unless they choose the shared library.

afterEach(cleanup);

const waiting: Strategy = {
  id: '5a7e0000-0000-4000-8000-000000000003',
  settingId: null,
  group: 'interaction',
  title: 'Wait for the child',
  description: 'Pause and count to ten.',
  homeVersion: 'Count to ten in your head.',
  archivedAt: null,
  targetCount: 2,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
};

function renderPage() {
  return renderSettingPage({
    path: 'strategies',
    url: settingUrl('strategies'),
    page: <StrategiesPage />,
    handlers: {
      'strategies.list': () => [waiting],
      'strategies.create': (input) => ({ ...waiting, ...(input as object), id: '5a7e0000-0000-4000-8000-0000000000aa', targetCount: 0 }),
    },
  });
}

describe('the strategies page form', () => {
  it('names the missing group, title and description and sends nothing', async () => {
    const rendered = renderPage();
    await screen.findByText('Wait for the child');
    fireEvent.click(screen.getByRole('button', { name: 'Add strategy' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Choose a group')).toBeTruthy();
    expect(within(summary).getByText('Enter the title')).toBeTruthy();
    expect(within(summary).getByText('Enter the description')).toBeTruthy();
    expect(rendered.fake.calls.map((c) => c.method)).not.toContain('strategies.create');
  });

  it('adds a strategy for this setting by default, and to the shared library when chosen', async () => {
    const rendered = renderPage();
    await screen.findByText('Wait for the child');
    const fill = () => {
      fireEvent.change(screen.getByLabelText('Group'), { target: { value: 'routines' } });
      fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Tidy-up song' } });
      fireEvent.change(screen.getByLabelText('What to do'), { target: { value: 'Sing it at every tidy-up.' } });
    };
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Add strategy' }));
    await waitFor(() => expect(rendered.fake.inputsTo('strategies.create')).toHaveLength(1));
    expect(rendered.fake.inputsTo('strategies.create')[0]).toMatchObject({ settingId: expect.any(String), title: 'Tidy-up song', group: 'routines' });
    fill();
    fireEvent.click(screen.getByLabelText('Every setting (shared library)'));
    fireEvent.click(screen.getByRole('button', { name: 'Add strategy' }));
    await waitFor(() => expect(rendered.fake.inputsTo('strategies.create')).toHaveLength(2));
    expect(rendered.fake.inputsTo('strategies.create')[1]).toMatchObject({ settingId: null });
  });
});
