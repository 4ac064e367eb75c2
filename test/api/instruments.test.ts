import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.js';
import type { Instrument } from '../../shared/schemas/instruments.js';
import { testCore, testNow as now } from '../support/core.js';
import { refused, s } from '../support/screenings.js';

// API tests for instruments: the seeded default, cut-offs entered by an administrator (MADE-UP
// numbers only: the real WellComm score guides are licensed and must never appear in this
// repository), new versions by copying, the default switch, and that stored screenings keep the
// colours they were saved with when cut-offs change later.

const DEFAULT_NAME = 'Early years screening (9 sections)';

// Invented cut-offs for tests: Green from 9, Amber from 5, Red below 5 (out of 12 items).
const GREEN = 9;
const AMBER = 5;

type SectionEdit = MethodInput<'instruments.update'>['sections'][number];

/** An edit for every section of `instrument`, with the given cut-offs (item counts unchanged). */
function cutOffs(instrument: Instrument, lowestGreen: number | null, lowestAmber: number | null): SectionEdit[] {
  return instrument.sections.map((x) => ({ section: x.section, itemCount: x.itemCount, lowestGreen, lowestAmber }));
}

function world() {
  const core = testCore();
  const acorn = core.invoke('settings.create', { name: 'Acorn Lane', urn: 'EY111111', type: 'nursery' });
  const original = core.invoke('instruments.list', {})[0];
  if (!original) throw new Error('a new database has an instrument');
  // 36 completed months on 2026-10-01: section 6.
  const mia = core.invoke('children.create', { settingId: acorn.id, firstName: 'Mia', lastName: 'Tester', dateOfBirth: '2023-09-15', sex: 'female' });
  const screen = (input: Partial<MethodInput<'screenings.create'>> & Pick<MethodInput<'screenings.create'>, 'sections'>) =>
    core.invoke('screenings.create', { childId: mia.id, instrumentId: original.id, screeningDate: '2026-10-01', ...input });
  const setCutOffs = (instrument: Instrument, green: number | null, amber: number | null) =>
    core.invoke('instruments.update', { id: instrument.id, name: instrument.name, sections: cutOffs(instrument, green, amber) });
  return { core, acorn, original, mia, screen, setCutOffs };
}

describe('the default instrument', () => {
  it('is seeded with the nine age bands, 12 items a section (editable) and no cut-offs', () => {
    const { core, original } = world();
    const list = core.invoke('instruments.list', {});
    expect(list).toHaveLength(1);
    expect(original).toMatchObject({ name: DEFAULT_NAME, isDefault: true, archivedAt: null, screeningCount: 0 });
    const bands = [
      [6, 11],
      [12, 17],
      [18, 23],
      [24, 29],
      [30, 35],
      [36, 41],
      [42, 47],
      [48, 59],
      [60, 72],
    ];
    expect(original.sections).toEqual(
      bands.map(([minMonths, maxMonths], i) => ({ section: i + 1, minMonths, maxMonths, itemCount: 12, lowestGreen: null, lowestAmber: null })),
    );
    expect(core.invoke('instruments.get', { id: original.id })).toEqual(original);
  });

  it('answers NOT_FOUND for an unknown instrument', () => {
    const { core } = world();
    refused(core, 'instruments.get', { id: randomUUID() }, 'NOT_FOUND', null, /instrument was not found/);
  });
});

describe('instruments.update: cut-offs', () => {
  it('stores the cut-offs and item counts an administrator enters', () => {
    const { core, original } = world();
    const sections = cutOffs(original, GREEN, AMBER).map((x) => (x.section === 9 ? { ...x, itemCount: 10 } : x));
    const updated = core.invoke('instruments.update', { id: original.id, name: '  Our toolkit  ', sections });
    expect(updated).toMatchObject({ id: original.id, name: 'Our toolkit', isDefault: true, updatedAt: now });
    expect(updated.sections[0]).toEqual({ section: 1, minMonths: 6, maxMonths: 11, itemCount: 12, lowestGreen: GREEN, lowestAmber: AMBER });
    expect(updated.sections[8]).toEqual({ section: 9, minMonths: 60, maxMonths: 72, itemCount: 10, lowestGreen: GREEN, lowestAmber: AMBER });
    expect(core.invoke('instruments.get', { id: original.id })).toEqual(updated);
  });

  it('leaves sections that are not in the edit as they were, and can clear cut-offs again', () => {
    const { core, original, setCutOffs } = world();
    setCutOffs(original, GREEN, AMBER);
    const updated = core.invoke('instruments.update', {
      id: original.id,
      name: original.name,
      sections: [{ section: 3, itemCount: 11, lowestGreen: null, lowestAmber: null }],
    });
    expect(updated.sections[2]).toMatchObject({ section: 3, itemCount: 11, lowestGreen: null, lowestAmber: null });
    expect(updated.sections[3]).toMatchObject({ section: 4, itemCount: 12, lowestGreen: GREEN, lowestAmber: AMBER });
  });

  it('then works out the colour from a score alone, at the cut-off boundaries', () => {
    const { original, screen, setCutOffs } = world();
    setCutOffs(original, GREEN, AMBER);
    const colourOf = (score: number) => {
      const sc = screen({ sections: [s(6, null, { score })], action: 'universal' });
      const [first] = sc.sections;
      expect(first).toMatchObject({ score, enteredColour: null, disagrees: false });
      expect(first?.computedColour).toBe(first?.colour);
      return first?.colour;
    };
    expect(colourOf(12)).toBe('green');
    expect(colourOf(GREEN)).toBe('green');
    // Amber and Red need a drop-back, so check those through a full screening below.
    const amber = screen({ sections: [s(6, null, { score: GREEN - 1 }), s(5, null, { score: GREEN })] });
    expect(amber).toMatchObject({ colour: 'amber', workingAtSection: 5, activitySection: 6, sectionsBehind: 1, reviewDate: '2026-12-24', action: 'targeted' });
    expect(amber.sections.map((x) => [x.computedColour, x.colour])).toEqual([
      ['amber', 'amber'],
      ['green', 'green'],
    ]);
    const lowAmber = screen({ sections: [s(6, null, { score: AMBER }), s(5, null, { score: 12 })] });
    expect(lowAmber.sections[0]?.colour).toBe('amber');
    const red = screen({ sections: [s(6, null, { score: AMBER - 1 }), s(5, null, { score: 10 })] });
    expect(red).toMatchObject({ colour: 'red', referralPrompted: true, action: 'referral' });
    expect(red.sections[0]).toMatchObject({ computedColour: 'red', colour: 'red' });
    expect(screen({ sections: [s(6, null, { score: 0 }), s(5, null, { score: 12 })] }).sections[0]?.colour).toBe('red');
  });

  it('keeps an entered colour that disagrees, flags it, and lets the computed colour win', () => {
    const { original, screen, setCutOffs } = world();
    setCutOffs(original, GREEN, AMBER);
    // Entered Green, but 3 is Red by the cut-offs: Red on the age section, so a referral prompt.
    const sc = screen({ sections: [s(6, 'green', { score: 3 }), s(5, 'green', { score: 10 })] });
    expect(sc.sections[0]).toEqual({ section: 6, score: 3, enteredColour: 'green', computedColour: 'red', colour: 'red', disagrees: true, itemsNotPassed: [] });
    expect(sc.sections[1]).toMatchObject({ enteredColour: 'green', computedColour: 'green', colour: 'green', disagrees: false });
    expect(sc).toMatchObject({ colour: 'red', referralPrompted: true, workingAtSection: 5 });
  });

  it('uses the computed colour to decide whether to drop back', () => {
    const { core, mia, original, setCutOffs } = world();
    setCutOffs(original, GREEN, AMBER);
    const input = { childId: mia.id, instrumentId: original.id, screeningDate: '2026-10-01' };
    // Entered Amber, but 10 is Green: the screening should have stopped at section 6.
    refused(
      core,
      'screenings.create',
      { ...input, sections: [s(6, 'amber', { score: 10 }), s(5, 'green')] },
      'VALIDATION',
      ['sections', 1, 'section'],
      /section 6 was already Green/,
    );
    // Entered Green, but 2 is Red: stopping there is refused like any stop above section 1 at Red,
    // unless marked as stopped early; then it is kept, with the entry flagged.
    refused(core, 'screenings.create', { ...input, sections: [s(6, 'green', { score: 2 })] }, 'VALIDATION', ['sections'], /not finished/);
    const kept = core.invoke('screenings.create', { ...input, sections: [s(6, 'green', { score: 2 })], stoppedEarly: true, stoppedEarlyReason: 'Unsettled' });
    expect(kept.sections[0]?.disagrees).toBe(true);
  });

  it('still needs the colour for a section without cut-offs when other sections have them', () => {
    const { core, mia, original } = world();
    core.invoke('instruments.update', {
      id: original.id,
      name: original.name,
      sections: [{ section: 6, itemCount: 12, lowestGreen: GREEN, lowestAmber: AMBER }],
    });
    const input = { childId: mia.id, instrumentId: original.id, screeningDate: '2026-10-01' };
    refused(
      core,
      'screenings.create',
      { ...input, sections: [s(6, null, { score: 6 }), s(5, null, { score: 11 })] },
      'VALIDATION',
      ['sections', 1, 'colour'],
      /Section 5 needs a colour: no cut-offs/,
    );
  });

  it('checks scores and item numbers against an edited item count', () => {
    const { core, mia, original } = world();
    core.invoke('instruments.update', {
      id: original.id,
      name: original.name,
      sections: [{ section: 6, itemCount: 10, lowestGreen: null, lowestAmber: null }],
    });
    const input = { childId: mia.id, instrumentId: original.id, screeningDate: '2026-10-01' };
    refused(
      core,
      'screenings.create',
      { ...input, sections: [s(6, 'green', { score: 11 })] },
      'VALIDATION',
      ['sections', 0, 'score'],
      /more than the number of items \(10\)/,
    );
    refused(
      core,
      'screenings.create',
      { ...input, sections: [s(6, 'green', { itemsNotPassed: [11] })] },
      'VALIDATION',
      ['sections', 0, 'itemsNotPassed'],
      /items 1 to 10: there is no item 11/,
    );
  });

  describe('refusals: the field is named, nothing is written', () => {
    const edit = (over: Partial<SectionEdit>): SectionEdit => ({ section: 2, itemCount: 12, lowestGreen: GREEN, lowestAmber: AMBER, ...over });
    const update = (id: string, second: SectionEdit, name = 'Renamed') => ({ id, name, sections: [edit({ section: 1 }), second] });

    it('refuses an Amber cut-off equal to or above the Green cut-off', () => {
      const { core, original } = world();
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ lowestGreen: 6, lowestAmber: 6 })),
        'VALIDATION',
        ['sections', 1, 'lowestAmber'],
        /Section 2: the Amber cut-off \(6\) must be lower than the Green cut-off \(6\)/,
      );
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ lowestGreen: 5, lowestAmber: 8 })),
        'VALIDATION',
        ['sections', 1, 'lowestAmber'],
        /Amber cut-off \(8\) must be lower than the Green cut-off \(5\)/,
      );
    });

    it('refuses a cut-off above the item count', () => {
      const { core, original } = world();
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ lowestGreen: 13 })),
        'VALIDATION',
        ['sections', 1, 'lowestGreen'],
        /Section 2: the Green cut-off \(13\) is more than the number of items \(12\)/,
      );
      // Lowering the item count below the cut-offs is the same mistake.
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ itemCount: 8 })),
        'VALIDATION',
        ['sections', 1, 'lowestGreen'],
        /Green cut-off \(9\) is more than the number of items \(8\)/,
      );
    });

    it('refuses only one of the two cut-offs, naming the missing one', () => {
      const { core, original } = world();
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ lowestAmber: null })),
        'VALIDATION',
        ['sections', 1, 'lowestAmber'],
        /enter both the Green and the Amber cut-offs, or neither/,
      );
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ lowestGreen: null })),
        'VALIDATION',
        ['sections', 1, 'lowestGreen'],
        /enter both the Green and the Amber cut-offs, or neither/,
      );
    });

    it('refuses negative cut-offs and impossible item counts', () => {
      const { core, original } = world();
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ lowestAmber: -1 })),
        'VALIDATION',
        ['sections', 1, 'lowestAmber'],
        /Cut-offs cannot be negative/,
      );
      refused(core, 'instruments.update', update(original.id, edit({ lowestGreen: -2, lowestAmber: -3 })), 'VALIDATION', null, /Cut-offs cannot be negative/);
      refused(core, 'instruments.update', update(original.id, edit({ lowestGreen: 8.5 })), 'VALIDATION', ['sections', 1, 'lowestGreen'], /whole number/);
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ itemCount: 0, lowestGreen: null, lowestAmber: null })),
        'VALIDATION',
        ['sections', 1, 'itemCount'],
        /at least 1 item/,
      );
      refused(
        core,
        'instruments.update',
        update(original.id, edit({ itemCount: 51, lowestGreen: null, lowestAmber: null })),
        'VALIDATION',
        ['sections', 1, 'itemCount'],
        /at most 50 items/,
      );
    });

    it('refuses a section the instrument does not have, an empty name, and an unknown instrument', () => {
      const { core, original } = world();
      refused(core, 'instruments.update', update(original.id, edit({ section: 10 })), 'VALIDATION', ['sections', 1, 'section'], /Section 10 is not part of/);
      refused(core, 'instruments.update', update(original.id, edit({}), '   '), 'VALIDATION', ['name'], /Enter the instrument name/);
      refused(core, 'instruments.update', update(randomUUID(), edit({})), 'NOT_FOUND', null, /instrument was not found/);
    });

    // APP BUG (electron/core/api/screenings.ts, 'instruments.update' handler): each edit is checked
    // on its own against the stored section, so two edits of one section both pass and the last one
    // silently wins. screenings.create refuses a repeated section; this should too.
    it('refuses the same section twice in one edit (the result would depend on the order)', () => {
      const { core, original } = world();
      refused(
        core,
        'instruments.update',
        {
          id: original.id,
          name: original.name,
          sections: [edit({ section: 2, lowestGreen: 9, lowestAmber: 5 }), edit({ section: 2, lowestGreen: 4, lowestAmber: 2 })],
        },
        'VALIDATION',
        ['sections', 1, 'section'],
        /Section 2.*more than once/,
      );
    });
  });
});

describe('instruments.copy: new versions', () => {
  it('copies sections and cut-offs into a new, non-default instrument with no screenings', () => {
    const { core, original, setCutOffs } = world();
    const withCutOffs = setCutOffs(original, GREEN, AMBER);
    const copy = core.invoke('instruments.copy', { fromId: original.id, name: '  Version 2  ' });
    expect(copy).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Version 2',
      isDefault: false,
      archivedAt: null,
      sections: withCutOffs.sections,
      screeningCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    expect(copy.id).not.toBe(original.id);
    expect(core.invoke('instruments.list', {}).map((i) => i.name)).toEqual([DEFAULT_NAME, 'Version 2']);
  });

  it('refuses a name already used (in any letter case) with CONFLICT on name, writing nothing', () => {
    const { core, original } = world();
    core.invoke('instruments.copy', { fromId: original.id, name: 'Version 2' });
    refused(core, 'instruments.copy', { fromId: original.id, name: 'version 2' }, 'CONFLICT', ['name'], /already an instrument called version 2/);
    refused(core, 'instruments.copy', { fromId: original.id, name: DEFAULT_NAME.toUpperCase() }, 'CONFLICT', ['name'], /already an instrument called/);
    // Renaming onto another instrument's name is the same conflict.
    refused(
      core,
      'instruments.update',
      { id: original.id, name: 'VERSION 2', sections: cutOffs(original, null, null) },
      'CONFLICT',
      ['name'],
      /already an instrument called VERSION 2/,
    );
  });

  it('refuses an empty name and an unknown source', () => {
    const { core, original } = world();
    refused(core, 'instruments.copy', { fromId: original.id, name: ' ' }, 'VALIDATION', ['name'], /Enter a name for the new version/);
    refused(core, 'instruments.copy', { fromId: randomUUID(), name: 'Version 2' }, 'NOT_FOUND', null, /instrument was not found/);
  });

  it('screenings record the instrument they used, and each instrument counts its own screenings', () => {
    const { core, original, screen, setCutOffs } = world();
    const copy = setCutOffs(core.invoke('instruments.copy', { fromId: original.id, name: 'Version 2' }), GREEN, AMBER);
    const withOriginal = screen({ sections: [s(6, 'green')] });
    const withCopy = screen({ instrumentId: copy.id, sections: [s(6, null, { score: 10 })] });
    expect(withOriginal).toMatchObject({ instrumentId: original.id, instrumentName: DEFAULT_NAME });
    expect(withCopy).toMatchObject({ instrumentId: copy.id, instrumentName: 'Version 2', colour: 'green' });
    expect(core.invoke('instruments.get', { id: original.id }).screeningCount).toBe(1);
    expect(core.invoke('instruments.get', { id: copy.id }).screeningCount).toBe(1);
  });

  it('keeps history: later cut-off changes never rewrite stored screenings, of the copy or of the original', () => {
    const { core, mia, original, screen, setCutOffs } = world();
    const copy = setCutOffs(core.invoke('instruments.copy', { fromId: original.id, name: 'Version 2' }), GREEN, AMBER);
    const byOriginal = screen({ sections: [s(6, 'amber', { score: 7 }), s(5, 'green', { score: 11 })] });
    const byCopy = screen({ instrumentId: copy.id, sections: [s(6, null, { score: 7 }), s(5, null, { score: 11 })] });
    expect(byCopy).toMatchObject({ colour: 'amber', reviewDate: '2026-12-24' });

    // Made-up new cut-offs under which 7 would be Green.
    setCutOffs(copy, 6, 3);
    expect(core.invoke('screenings.get', { id: byCopy.id })).toEqual(byCopy);
    expect(core.invoke('screenings.get', { id: byOriginal.id })).toEqual(byOriginal);

    // Even cut-offs entered for the original later leave its stored screenings as they were.
    setCutOffs(original, 6, 3);
    expect(core.invoke('screenings.get', { id: byOriginal.id })).toEqual(byOriginal);
    expect(core.invoke('screenings.listForChild', { childId: mia.id })).toEqual(expect.arrayContaining([byOriginal, byCopy]));

    // Saving the screening again is a new conclusion, from the cut-offs as they are now.
    const resaved = core.invoke('screenings.update', {
      id: byCopy.id,
      instrumentId: copy.id,
      screeningDate: '2026-10-01',
      sections: [s(6, null, { score: 7 })],
    });
    expect(resaved).toMatchObject({ colour: 'green', workingAtSection: 6, reviewDate: '2027-02-01' });
    expect(resaved.sections[0]).toMatchObject({ computedColour: 'green', colour: 'green' });
  });
});

describe('instruments.setDefault', () => {
  it('switches the default so exactly one instrument is the default', () => {
    const { core, original } = world();
    const copy = core.invoke('instruments.copy', { fromId: original.id, name: 'A newer version' });
    const made = core.invoke('instruments.setDefault', { id: copy.id });
    expect(made).toMatchObject({ id: copy.id, isDefault: true, updatedAt: now });
    const list = core.invoke('instruments.list', {});
    expect(list.map((i) => [i.name, i.isDefault])).toEqual([
      ['A newer version', true],
      [DEFAULT_NAME, false],
    ]);
    // Setting it again changes nothing; switching back works.
    core.invoke('instruments.setDefault', { id: copy.id });
    expect(
      core
        .invoke('instruments.list', {})
        .filter((i) => i.isDefault)
        .map((i) => i.id),
    ).toEqual([copy.id]);
    core.invoke('instruments.setDefault', { id: original.id });
    expect(
      core
        .invoke('instruments.list', {})
        .filter((i) => i.isDefault)
        .map((i) => i.id),
    ).toEqual([original.id]);
  });

  it('answers NOT_FOUND for an unknown instrument, writing nothing', () => {
    const { core } = world();
    refused(core, 'instruments.setDefault', { id: randomUUID() }, 'NOT_FOUND', null, /instrument was not found/);
  });
});
