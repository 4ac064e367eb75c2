// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../shared/contract/index.js';
import type { Round } from '../../shared/schemas/rounds.js';
import { SettingOverviewPage } from '../../renderer/pages/settings/SettingOverviewPage.js';
import { currentRound } from '../../renderer/pages/settings/WhatIsDue.js';
import { renderSettingPage } from './harness.js';
import { childRow, ids, robin, today } from './fixtures.js';

afterEach(cleanup);

const stamp = '2026-01-01T00:00:00.000Z';
const round = (n: number, name: string, startDate: string, endDate: string, screeningCount = 0): Round => ({
  id: `44444444-4444-4444-8444-44444444444${n}`,
  createdAt: stamp,
  updatedAt: stamp,
  name,
  startDate,
  endDate,
  screeningCount,
});
const autumn = round(1, 'Autumn 2026', '2026-09-01', '2026-12-31');
const summer = round(2, 'Summer 2026', '2026-04-13', '2026-07-31', 5);

/** Different totals for each filter, so a number on screen shows which question it answered. */
function listChildren(input: ParsedInput<'children.list'>) {
  const total = input.reviewOverdue ? 3 : input.reviewDueSoon ? 5 : 2;
  return { total, rows: [childRow(robin)] };
}

function openOverview() {
  return renderSettingPage({
    path: '',
    url: `/s/${ids.setting}`,
    page: <SettingOverviewPage />,
    handlers: {
      'children.list': listChildren,
      // The re-screen numbers come from the work lists, which count with the children list's own query.
      'settings.workLists': () => ({
        reviewsDueBy: '2026-11-29',
        targetReviewsDue: [],
        rescreensOverdue: listChildren({ reviewOverdue: true } as ParsedInput<'children.list'>).total,
        rescreensDueSoon: listChildren({ reviewDueSoon: true } as ParsedInput<'children.list'>).total,
        openVisitActions: [],
        redAmberWithoutTarget: [
          { childId: robin.id, firstName: robin.firstName, lastName: robin.lastName, colour: 'red' as const, screeningDate: '2026-11-20' },
        ],
      }),
      'rounds.list': () => [summer, autumn],
      'cohort.overview': () => ({ childrenOnRoll: 2, childrenOnRollToday: 2, overdue: 3, notScreened: 7, screened: 0, incomplete: 0 }),
    },
  });
}

describe('the setting overview', () => {
  it('leads with what is due, each number opening the children behind it', async () => {
    const { fake } = openOverview();
    const due = await screen.findByRole('region', { name: 'What is due' });
    const card = (label: RegExp) => within(due).getByRole('link', { name: label });
    await waitFor(() => expect(card(/re-screens overdue/).textContent).toBe('3re-screens overdue'));
    expect(card(/due in the next 4 weeks/).textContent).toBe('5re-screens due in the next 4 weeks');
    await waitFor(() => expect(card(/not yet screened in Autumn 2026/).textContent).toContain('7'));
    expect(card(/re-screens overdue/).getAttribute('href')).toBe(`/s/${ids.setting}/children?overdue=1`);
    expect(card(/due in the next 4 weeks/).getAttribute('href')).toBe(`/s/${ids.setting}/children?dueSoon=1`);
    expect(card(/not yet screened/).getAttribute('href')).toBe(`/s/${ids.setting}/children?notScreened=${autumn.id}&status=all`);
    // The work lists: each number is its list's length and opens that list.
    expect(card(/target reviews due this week/).textContent).toBe('0target reviews due this week');
    expect(card(/with no active target/).textContent).toBe('1Red or Amber children with no active target');
    expect(card(/with no active target/).getAttribute('href')).toBe(`/s/${ids.setting}/work-lists/red-amber`);
    expect(card(/open actions from visits/).getAttribute('href')).toBe(`/s/${ids.setting}/work-lists/actions`);
    // The round today falls in, even though an older round has more screenings.
    expect(fake.inputsTo('cohort.overview').at(-1)).toEqual({ scope: { settingId: ids.setting }, roundId: autumn.id });
    // What is due comes before anything else on the page, and archiving comes last, not in red.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings[0]).toBe('What is due');
    expect(headings.at(-1)).toBe('Manage setting');
    const archive = screen.getByRole('button', { name: 'Archive this setting' });
    expect(archive.className).toContain('button--secondary');
    expect(archive.className).not.toContain('button--warning');
  });

  it('picks the round today is in, else the newest with screenings', () => {
    expect(currentRound([summer, autumn], today)?.id).toBe(autumn.id);
    expect(currentRound([summer, autumn], '2027-02-01')?.id).toBe(summer.id);
    expect(currentRound([], today)).toBeUndefined();
  });

  it('still archives from the Manage setting section', async () => {
    const { fake } = openOverview();
    fireEvent.click(await screen.findByRole('button', { name: 'Archive this setting' }));
    await waitFor(() => expect(fake.inputsTo('settings.archive')).toEqual([{ id: ids.setting, archived: true }]));
  });
});
