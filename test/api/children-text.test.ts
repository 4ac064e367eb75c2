import { describe, expect, it } from 'vitest';
import { childHeader, childRow, csv, fileInput, makeSetting } from '../fixtures/import/build.js';
import { snapshot, testCore } from '../support/core.js';

// Free text that cannot be stored as typed: control characters (NUL cut names short, escape
// codes break exports) and half of a two-unit character (SQLite silently swapped it for "?").
// Every door shares one rule (storableText in shared/schemas/common.ts): refused, naming the
// field, with nothing written. Tabs and new lines stay allowed in multi-line notes.

const control = (field: string) => `${field} contains a hidden control character. Remove it, or type the text again.`;
const broken = (field: string) => `${field} contains a broken character (half of an emoji or symbol). Remove it, or type the text again.`;

describe('control characters and broken characters in free text', () => {
  it.each([
    ['NUL in a first name', { firstName: 'Ro\u0000bin' }, ['firstName'], control('A first name')],
    ['an escape code in a last name', { lastName: 'Sm\u001b[31mith' }, ['lastName'], control('A last name')],
    ['a tab in a first name', { firstName: 'Ro\tbin' }, ['firstName'], control('A first name')],
    ['a lone high surrogate in a first name', { firstName: 'Robin\ud83d' }, ['firstName'], broken('A first name')],
    ['a lone low surrogate in notes', { notes: 'Likes \ude00 songs' }, ['notes'], broken('Notes')],
    [
      'NUL in notes',
      { notes: 'Line one\u0000' },
      ['notes'],
      `Notes contains a hidden control character (tabs and new lines are fine). Remove it, or type the text again.`,
    ],
    ['a bad home language', { homeLanguages: ['Eng\u0007lish'] }, ['homeLanguages', 0], control('Each language')],
  ])('refuses %s, naming the field, and stores nothing', (_what, change, path, message) => {
    const core = testCore();
    const s = makeSetting(core);
    const before = snapshot(core);
    const result = core.call('children.create', {
      settingId: s.settingId,
      firstName: 'Robin',
      lastName: 'Smith',
      dateOfBirth: '2023-03-01',
      sex: 'female',
      ...change,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path, message }] } });
    expect(snapshot(core)).toBe(before);
  });

  it('keeps tabs, new lines and whole emoji in notes, and emoji in names', () => {
    const core = testCore();
    const s = makeSetting(core);
    const notes = 'First line\r\nSecond line\twith a tab 🙂';
    const child = core.invoke('children.create', {
      settingId: s.settingId,
      firstName: 'Zoë 🙂',
      lastName: 'Smith',
      dateOfBirth: '2023-03-01',
      sex: 'female',
      notes,
    });
    expect(core.invoke('children.get', { id: child.id })).toMatchObject({ firstName: 'Zoë 🙂', notes });
  });

  it('refuses the same characters in an imported file, naming row and column', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([childHeader, childRow(1), childRow(2, { 'First name': 'Pi\u0000p' })]);
    const preview = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'nul.csv', file));
    expect(preview.errors).toEqual([{ row: 3, column: 'First name', field: 'firstName', message: control('A first name') }]);
  });

  it('refuses them in other stored text too: a room name and the name on an account', async () => {
    const core = testCore();
    const s = makeSetting(core);
    expect(core.call('rooms.create', { settingId: s.settingId, name: 'Oaks\u0000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['name'] }] },
    });
    expect(await core.callAsync('accounts.create', { displayName: 'Kim\ud800', userName: 'kim', role: 'manager', password: 'long enough' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['displayName'], message: broken('The name') }] },
    });
  });
});
