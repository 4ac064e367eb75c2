// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, ParsedInput } from '../../shared/contract/index.js';
import { ChildrenPage } from '../../renderer/pages/children/ChildrenPage.js';
import { createApi } from '../../renderer/api.js';
import { allMatchingChildren, childrenTable } from '../../renderer/pages/children/childrenExport.js';
import { fakeTransport } from '../support/fakeTransport.js';
import { renderSettingPage, settingUrl } from './harness.js';
import { childRow, ids, robin, sam } from './fixtures.js';

// The children list keeps its filters in the URL (so Back, reload and a shared link reopen the
// same view) and asks the core for exactly the children they describe.

afterEach(cleanup);

/** A small stand-in for the core's filtering: enough to tell the filters apart in what is shown. */
function listChildren(input: ParsedInput<'children.list'>) {
  const rows = [childRow(robin), childRow(sam)].filter(
    (c) =>
      (input.roomId === null || c.roomId === input.roomId) &&
      (input.eal === null || c.eal === input.eal) &&
      `${c.firstName} ${c.lastName}`.toLowerCase().includes(input.search.toLowerCase()),
  );
  return { total: rows.length, rows };
}

const autumnId = '5b0e7c1a-3d2f-4e6a-9b8c-7d1e2f3a4b5c';
const autumn = {
  id: autumnId,
  name: 'Autumn 2026',
  startDate: '2026-09-01',
  endDate: '2026-12-31',
  screeningCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function openList(query = '') {
  return renderSettingPage({
    path: 'children',
    url: settingUrl(`children${query}`),
    page: <ChildrenPage />,
    handlers: { 'children.list': listChildren, 'rounds.list': () => [autumn] },
  });
}

/** Everything the page sends when no filter is chosen. */
const unfiltered: MethodInput<'children.list'> = {
  settingId: ids.setting,
  search: '',
  roomId: null,
  keyPersonId: null,
  eal: null,
  sendStage: null,
  status: 'current',
  colour: null,
  reviewOverdue: false,
  reviewDueSoon: false,
  referralPrompted: false,
  belowAge: false,
  notScreenedInRound: null,
  sort: 'name',
  direction: 'asc',
  limit: 100,
  offset: 0,
};

const childLinks = () =>
  within(screen.getByRole('table', { name: 'Children' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('the children list filters', () => {
  it('asks for the children on roll, sorted by name, when nothing is chosen', async () => {
    const { fake } = openList();
    await screen.findByText('2 children');
    expect(fake.inputsTo('children.list').at(-1)).toEqual(unfiltered);
    expect(childLinks()).toEqual(['Testchild, Robin', 'Othername, Sam']);
  });

  it('sends the chosen room, keeps it in the URL and shows only its children', async () => {
    const { fake, router } = openList();
    await screen.findByText('2 children');
    fireEvent.change(screen.getByLabelText('Room'), { target: { value: ids.roomRainbows } });

    await screen.findByText('1 child match');
    expect(fake.inputsTo('children.list').at(-1)).toEqual({ ...unfiltered, roomId: ids.roomRainbows });
    expect(new URLSearchParams(router.state.location.search).get('room')).toBe(ids.roomRainbows);
    expect(childLinks()).toEqual(['Othername, Sam']);
  });

  it('turns the checkboxes and the colour into the flags the core filters by', async () => {
    const { fake, router } = openList();
    await screen.findByText('2 children');
    fireEvent.click(screen.getByLabelText('Re-screens overdue'));
    fireEvent.change(screen.getByLabelText('Latest screen'), { target: { value: 'red' } });

    await waitFor(() => expect(fake.inputsTo('children.list').at(-1)).toEqual({ ...unfiltered, reviewOverdue: true, colour: 'red' }));
    const params = new URLSearchParams(router.state.location.search);
    expect([params.get('overdue'), params.get('colour')]).toEqual(['1', 'red']);
  });

  it('asks the core for re-screens due in the next 4 weeks, and keeps that in the URL', async () => {
    const { fake, router } = openList();
    await screen.findByText('2 children');
    fireEvent.click(screen.getByLabelText('Re-screens due in the next 4 weeks'));

    await waitFor(() => expect(fake.inputsTo('children.list').at(-1)).toEqual({ ...unfiltered, reviewDueSoon: true }));
    expect(new URLSearchParams(router.state.location.search).get('dueSoon')).toBe('1');
  });

  it('opens on the children not yet screened in a round, leavers included, as the setting overview links to it', async () => {
    const { fake } = openList(`?notScreened=${autumnId}&status=all`);
    await screen.findByText('2 children match');
    expect(fake.inputsTo('children.list')[0]).toEqual({ ...unfiltered, notScreenedInRound: autumnId, status: 'all' });
    expect((screen.getByLabelText('Not yet screened in') as HTMLSelectElement).value).toBe(autumnId);
  });

  it('opens with the filters a link carries, and Clear filters drops them all', async () => {
    const { fake, router } = openList(`?eal=yes&status=leavers&sort=reviewDate&dir=desc&page=1`);
    await screen.findByText('1 child match');
    expect(fake.inputsTo('children.list')[0]).toEqual({ ...unfiltered, eal: true, status: 'leavers', sort: 'reviewDate', direction: 'desc', offset: 100 });
    expect(childLinks()).toEqual(['Othername, Sam']);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('2 children');
    expect(fake.inputsTo('children.list').at(-1)).toEqual(unfiltered);
    expect(router.state.location.search).toBe('');
  });

  it('searches by name once typing pauses, and says when nothing matches', async () => {
    const { fake } = openList();
    await screen.findByText('2 children');
    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'nobody' } });

    expect(await screen.findByText('No children match these filters.')).toBeTruthy();
    expect(fake.inputsTo('children.list').at(-1)).toEqual({ ...unfiltered, search: 'nobody' });
  });

  it('starts again from the first page when a filter changes', async () => {
    const { fake, router } = openList('?page=3');
    await screen.findByText('2 children');
    expect(fake.inputsTo('children.list')[0]?.offset).toBe(300);
    fireEvent.change(screen.getByLabelText('SEND'), { target: { value: 'ehcp' } });

    await waitFor(() => expect(fake.inputsTo('children.list').at(-1)).toEqual({ ...unfiltered, sendStage: 'ehcp' }));
    expect(new URLSearchParams(router.state.location.search).get('page')).toBeNull();
  });
});

describe('exporting the children list', () => {
  it('fetches every matching child, page after page, with the filters on screen', async () => {
    const everyone = Array.from({ length: 2500 }, (_, i) => ({
      ...childRow(robin),
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      lastName: `Child${i}`,
    }));
    const fake = fakeTransport({
      'children.list': (input) => ({ total: everyone.length, rows: everyone.slice(input.offset, input.offset + input.limit) }),
    });
    const query = { settingId: ids.setting, colour: 'red' as const, sort: 'name' as const };
    const rows = await allMatchingChildren(createApi(fake.transport), query);
    expect(rows).toHaveLength(2500);
    expect(fake.inputsTo('children.list').map((i) => [i.offset, i.limit, i.colour])).toEqual([
      [0, 1000, 'red'],
      [1000, 1000, 'red'],
      [2000, 1000, 'red'],
    ]);
  });

  it('spells the rows out as the list shows them, dates as 27/11/2026', () => {
    const table = childrenTable([childRow(robin)], 'Acorn children');
    const row = Object.fromEntries(table.columns.map((c, i) => [c, table.rows[0]?.[i]]));
    expect(row['Last name']).toBe(robin.lastName);
    expect(row['Date of birth']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(row.EAL).toBe(robin.eal ? 'Yes' : 'No');
  });
});
