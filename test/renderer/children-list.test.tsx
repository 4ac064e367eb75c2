// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, ParsedInput } from '../../shared/contract/index.js';
import { ChildrenPage } from '../../renderer/pages/children/ChildrenPage.js';
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

function openList(query = '') {
  return renderSettingPage({ path: 'children', url: settingUrl(`children${query}`), page: <ChildrenPage />, handlers: { 'children.list': listChildren } });
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
  referralPrompted: false,
  belowAge: false,
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
