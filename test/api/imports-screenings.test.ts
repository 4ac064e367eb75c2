import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { childHeader, childMapping, childRow, csv, dump, fileInput, makeSetting, xlsx } from '../fixtures/import/build.js';
import { rejection } from '../support/api.js';
import { testCore } from '../support/core.js';

// Importing past screening results: one row per child per section, rows of the same child and
// date forming one screening with its drop-backs, checked by the same rules as screenings.create.
// "Today" is 2026-11-27. Ada (born 01/02/2023) is 44 months old on 01/11/2026: section 7.
// Ben (born 10/05/2024) is 29 months old on 15/10/2026: section 4.

const header = ['Child', 'D.O.B', 'Date screened', 'Section', 'Score', 'RAG', 'Screened by'];
const mapping = {
  fullName: 'Child',
  dateOfBirth: 'D.O.B',
  screeningDate: 'Date screened',
  section: 'Section',
  score: 'Score',
  colour: 'RAG',
  screener: 'Screened by',
};

function setup(core: Core) {
  const s = makeSetting(core);
  const ada = core.invoke('children.create', { settingId: s.settingId, firstName: 'Ada', lastName: 'Applecross', dateOfBirth: '2023-02-01', sex: 'female' });
  const ben = core.invoke('children.create', { settingId: s.settingId, firstName: 'Ben', lastName: 'Buttermere', dateOfBirth: '2024-05-10', sex: 'male' });
  return { ...s, ada, ben };
}

describe('imports.preview and imports.run (screenings)', () => {
  it('suggests the mapping, groups rows into screenings ordered from the highest section down, and imports them', async () => {
    const core = testCore();
    const s = setup(core);
    const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
    const file = csv([
      header,
      ['Ada Applecross', '01/02/2023', '01/11/2026', '6', '', 'Green', 'Kim Kettleby'],
      ['Applecross, Ada', '1/2/23', '2026-11-01', 'Section 7', '', 'A', ''],
      ['ben buttermere', '10/05/2024', '15/10/2026', 4, '', 'g', 'Sam Nobody'],
    ]);
    const preview = await core.invokeAsync('imports.preview', fileInput('screenings', s.settingId, 'wellcomm.csv', file));
    expect(preview.suggestedMapping).toEqual(mapping);
    expect(preview.counts).toEqual({ rows: 3, valid: 3, withErrors: 0, withWarnings: 1, duplicates: 0 });
    expect(preview.warnings).toEqual([
      { row: 4, column: 'Screened by', field: 'screener', message: 'No staff member is called "Sam Nobody" in this setting: the screener is left empty' },
    ]);
    expect(preview.rows[1]!.values).toMatchObject({
      child: 'Ada Applecross',
      childId: s.ada.id,
      screeningDate: '2026-11-01',
      section: 7,
      colour: 'amber',
      result: 'Amber',
    });
    // The preview wrote nothing.
    expect(core.invoke('screenings.listForChild', { childId: s.ada.id })).toEqual([]);

    const result = await core.invokeAsync(
      'imports.run',
      fileInput('screenings', s.settingId, 'wellcomm.csv', file, { mapping, dryRun: false, sourceName: 'WellComm sheet' }),
    );
    expect(result).toMatchObject({ created: { children: 0, screenings: 2 }, skipped: { withErrors: 0, duplicates: 0 } });
    const [adaScreening] = core.invoke('screenings.listForChild', { childId: s.ada.id });
    expect(adaScreening).toMatchObject({
      screeningDate: '2026-11-01',
      ageSection: 7,
      colour: 'amber',
      workingAtSection: 6,
      screenerId: s.staffIds['Kim Kettleby'],
      sections: [expect.objectContaining({ section: 7, colour: 'amber' }), expect.objectContaining({ section: 6, colour: 'green' })],
    });
    // Derived data follows: latest screening in the children list, and the round's results.
    const row = core.invoke('children.list', { settingId: s.settingId }).rows.find((c) => c.id === s.ada.id)!;
    expect(row.latestScreening?.id).toBe(adaScreening!.id);
    const breakdown = core.invoke('cohort.overview', { roundId: round.id });
    expect(JSON.stringify(breakdown)).toContain('"screened":2');
    expect(core.invoke('imports.list', { settingId: s.settingId })[0]).toMatchObject({ kind: 'screenings', createdScreenings: 2, createdChildren: 0 });
  });

  it('turns what screenings.create refuses into row and column errors, and writes nothing', async () => {
    const core = testCore();
    const s = setup(core);
    const file = csv([
      header,
      ['Ada Applecross', '01/02/2023', '01/11/2026', '5', '', 'Red', ''],
      ['Ben Buttermere', '10/05/2024', '15/10/2026', '4', '', 'Green', ''],
      ['Ben Buttermere', '10/05/2024', '15/10/2026', '3', '', 'Green', ''],
      ['Cleo Nobody', '10/05/2024', '15/10/2026', '4', '', 'Green', ''],
      ['Ada Applecross', '01/02/2023', '02/11/2026', '7', '', 'Purple', ''],
      ['Ada Applecross', '01/02/2023', '03/11/2026', '7', '', '', ''],
      ['Ada Applecross', '01/02/2023', '01/12/2026', '7', '', 'Green', ''],
      ['Ada Applecross', '01/02/2023', '01/12/2022', '1', '', 'Green', ''],
    ]);
    const before = dump(core);
    const err = await rejection(core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'bad.csv', file, { mapping, dryRun: false })));
    expect(dump(core)).toBe(before);
    expect(err.issues.map((i) => [i.path, i.message])).toEqual([
      [['rows', 1, 'section'], 'Row 2, column "Section": Screening must start at section 7, the section for the child\'s age, not section 5.'],
      [['rows', 2, 'row'], 'Row 3: Not imported: row 4 of the same screening has a problem'],
      [['rows', 3, 'section'], 'Row 4, column "Section": Section 3 should not have been screened: section 4 was already Green.'],
      [
        ['rows', 4, 'child'],
        'Row 5, column "Child": No child called Cleo Nobody born 10/05/2024 in this setting: add the child first, or check the name and date of birth',
      ],
      [['rows', 5, 'colour'], 'Row 6, column "RAG": "Purple" is not a colour: use Red, Amber or Green (R, A or G)'],
      [['rows', 6, 'colour'], 'Row 7, column "RAG": Section 7 needs a score or a colour.'],
      [['rows', 7, 'screeningDate'], 'Row 8, column "Date screened": The screening date must be today or in the past'],
      [['rows', 8, 'screeningDate'], 'Row 9, column "Date screened": The screening date is before the child’s date of birth'],
    ]);
    expect(err.message).toMatch(/^bad\.csv: 8 rows have problems, so nothing was imported\. Row 2, column "Section"/);
  });

  it('finds children by Chatterbox ID, warns about a second screening on the same day, and can skip those', async () => {
    const core = testCore();
    const s = setup(core);
    const instrument = core.invoke('instruments.list', {})[0]!;
    core.invoke('screenings.create', {
      childId: s.ben.id,
      instrumentId: instrument.id,
      screeningDate: '2026-10-15',
      sections: [{ section: 4, colour: 'green' }],
    });
    const file = csv([
      ['ID', 'Date', 'Section', 'Colour'],
      [s.ada.id.toUpperCase(), '01/11/2026', '7', 'G'],
      [s.ben.id, '15/10/2026', '4', 'G'],
      ['00000000-0000-4000-8000-000000000000', '15/10/2026', '4', 'G'],
    ]);
    const idMapping = { childId: 'ID', screeningDate: 'Date', section: 'Section', colour: 'Colour' };
    const preview = await core.invokeAsync('imports.preview', fileInput('screenings', s.settingId, 'ids.csv', file));
    expect(preview.suggestedMapping).toEqual(idMapping);
    expect(preview.errors).toEqual([
      { row: 4, column: 'ID', field: 'childId', message: 'No child in this setting has the ID 00000000-0000-4000-8000-000000000000' },
    ]);
    expect(preview.warnings).toEqual([
      { row: 3, column: null, field: null, message: 'Ben Buttermere already has a screening on 15/10/2026: this would add another' },
    ]);
    const result = await core.invokeAsync(
      'imports.run',
      fileInput('screenings', s.settingId, 'ids.csv', file, { mapping: idMapping, dryRun: false, skipRowsWithErrors: true, skipDuplicates: true }),
    );
    expect(result).toMatchObject({ created: { screenings: 1 }, skipped: { withErrors: 1, duplicates: 1 } });
    expect(core.invoke('screenings.listForChild', { childId: s.ben.id })).toHaveLength(1);
    expect(core.invoke('screenings.listForChild', { childId: s.ada.id })).toHaveLength(1);
  });

  it('uses scores with the cut-offs, and warns when the colour entered disagrees', async () => {
    const core = testCore();
    const s = setup(core);
    const instrument = core.invoke('instruments.list', {})[0]!;
    core.invoke('instruments.update', { id: instrument.id, name: instrument.name, sections: [{ section: 4, itemCount: 12, lowestGreen: 9, lowestAmber: 5 }] });
    const file = csv([header, ['Ben Buttermere', '10/05/2024', '15/10/2026', '4', '10', 'Amber', '']]);
    const result = await core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 's.csv', file, { mapping, dryRun: false }));
    expect(result.warnings).toEqual([
      {
        row: 2,
        column: 'RAG',
        field: 'colour',
        message: 'Section 4: the colour entered (Amber) differs from the colour the score gives with the cut-offs (Green), which is used',
      },
    ]);
    expect(core.invoke('screenings.listForChild', { childId: s.ben.id })[0]).toMatchObject({
      colour: 'green',
      sections: [expect.objectContaining({ score: 10, enteredColour: 'amber', computedColour: 'green' })],
    });
  });

  it('prompts a referral for Amber on the age section then Red below, as screenings.create does', async () => {
    const core = testCore();
    const s = setup(core);
    const file = csv([
      header,
      ['Ada Applecross', '01/02/2023', '01/11/2026', '7', '', 'Amber', ''],
      ['Ada Applecross', '01/02/2023', '01/11/2026', '6', '', 'Red', ''],
      ['Ada Applecross', '01/02/2023', '01/11/2026', '5', '', 'Green', ''],
    ]);
    await core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'ar.csv', file, { mapping, dryRun: false }));
    expect(core.invoke('screenings.listForChild', { childId: s.ada.id })[0]).toMatchObject({
      colour: 'red',
      workingAtSection: 5,
      referralPrompted: true,
      referralReasons: ['Amber or Red on 2 sections (sections 7 and 6).'],
      action: 'referral',
    });
  });

  it('refuses a screening that stops above section 1 at Red or Amber unless a reason says it stopped early', async () => {
    const core = testCore();
    const s = setup(core);
    const stopHeader = [...header, 'Stopped early because'];
    const unmarked = csv([stopHeader, ['Ada Applecross', '01/02/2023', '01/11/2026', '7', '', 'Amber', '', '']]);
    const before = dump(core);
    const err = await rejection(core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'stop.csv', unmarked, { mapping, dryRun: false })));
    expect(dump(core)).toBe(before);
    expect(err.issues.map((i) => i.message)).toEqual([
      'Row 2, column "Section": The screening is not finished: section 7 was not Green, so section 6 comes next. Screen section 6, or mark the screening as stopped early and say why.',
    ]);

    const marked = csv([stopHeader, ['Ada Applecross', '01/02/2023', '01/11/2026', '7', '', 'Amber', '', 'Ada was unsettled']]);
    const preview = await core.invokeAsync('imports.preview', fileInput('screenings', s.settingId, 'stop.csv', marked));
    expect(preview.suggestedMapping).toEqual({ ...mapping, stoppedEarlyReason: 'Stopped early because' });
    const result = await core.invokeAsync(
      'imports.run',
      fileInput('screenings', s.settingId, 'stop.csv', marked, { mapping: preview.suggestedMapping, dryRun: false }),
    );
    expect(result.created.screenings).toBe(1);
    expect(core.invoke('screenings.listForChild', { childId: s.ada.id })[0]).toMatchObject({
      stoppedEarly: true,
      stoppedEarlyReason: 'Ada was unsettled',
      colour: 'amber',
      workingAtSection: null,
      reviewDate: '2026-11-15',
    });

    // The setting's own interval for stopping early applies to imports too (6 weeks here).
    core.invoke('settings.updateReviewIntervals', { settingId: s.settingId, amberWeeks: 12, redWeeks: 12, greenMonths: 4, stoppedEarlyWeeks: 6 });
    const later = csv([stopHeader, ['Ben Buttermere', '10/05/2024', '20/10/2026', '4', '', 'Amber', '', 'Time ran out']]);
    await core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'later.csv', later, { mapping: preview.suggestedMapping, dryRun: false }));
    expect(core.invoke('screenings.listForChild', { childId: s.ben.id })[0]).toMatchObject({ stoppedEarly: true, reviewDate: '2026-12-01' });

    // A reason on a screening that went down to Green is refused, against the reason's column.
    const wrong = csv([stopHeader, ['Ben Buttermere', '10/05/2024', '15/10/2026', '4', '', 'Green', '', 'Time ran out']]);
    const refusedErr = await rejection(
      core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'wrong.csv', wrong, { mapping: preview.suggestedMapping, dryRun: false })),
    );
    expect(refusedErr.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^Row 2, column "Stopped early because": The screening did not stop early/),
    ]);
  });

  it('reads an XLSX with date cells, and a dry run creates nothing', async () => {
    const core = testCore();
    const s = setup(core);
    const bytes = await xlsx(
      [
        ['First name', 'Last name', 'Date of birth', 'Screening date', 'Section', 'Colour'],
        ['Ada', 'Applecross', new Date(Date.UTC(2023, 1, 1)), new Date(Date.UTC(2026, 10, 1)), 7, 'Green'],
        ['Ben', 'Buttermere', 45422, 46310, 4, 'Red'],
        ['Ben', 'Buttermere', 45422, 46310, 3, 'Green'],
      ],
      'Results',
    );
    const xMapping = {
      firstName: 'First name',
      lastName: 'Last name',
      dateOfBirth: 'Date of birth',
      screeningDate: 'Screening date',
      section: 'Section',
      colour: 'Colour',
    };
    const before = dump(core, false);
    const dry = await core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'results.xlsx', bytes, { mapping: xMapping, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, batchId: null, fileType: 'xlsx', sheetName: 'Results', created: { screenings: 2 } });
    expect(dump(core, false)).toBe(before);
    const real = await core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'results.xlsx', bytes, { mapping: xMapping, dryRun: false }));
    expect(real.created.screenings).toBe(2);
    expect(core.invoke('screenings.listForChild', { childId: s.ben.id })[0]).toMatchObject({ screeningDate: '2026-10-15', colour: 'red' });
  });

  it('refuses a mapping that cannot say who the child is', async () => {
    const core = testCore();
    const s = setup(core);
    const file = csv([
      ['Name', 'Date', 'Section', 'Colour'],
      ['Ada Applecross', '01/11/2026', '7', 'G'],
    ]);
    const err = await rejection(
      core.invokeAsync(
        'imports.run',
        fileInput('screenings', s.settingId, 'x.csv', file, {
          mapping: { fullName: 'Name', screeningDate: 'Date', section: 'Section', colour: 'Colour' },
          dryRun: false,
        }),
      ),
    );
    expect(err.issues).toEqual([
      { path: ['mapping', 'dateOfBirth'], message: 'Choose the column with the date of birth: it is needed to find each child by name' },
    ]);
  });
});

describe('undo with screenings', () => {
  it('undoes a screenings import, putting derived data back, and refuses to undo the children it depends on until then', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
    await core.invokeAsync(
      'imports.run',
      fileInput('children', s.settingId, 'kids.csv', csv([childHeader, childRow(1), childRow(2)]), { mapping: childMapping, dryRun: false }),
    );
    // Pip1 born 02/02/2023: section 7 on 01/11/2026. Pip2 born 03/03/2023: section 7 too.
    const file = csv([
      ['First name', 'Surname', 'DOB', 'Date', 'Section', 'Colour'],
      ['Pip1', 'Quillfeather1', '02/02/2023', '01/11/2026', '7', 'Green'],
      ['Pip2', 'Quillfeather2', '03/03/2023', '01/11/2026', '7', 'Red'],
      ['Pip2', 'Quillfeather2', '03/03/2023', '01/11/2026', '6', 'Green'],
    ]);
    const sMapping = { firstName: 'First name', lastName: 'Surname', dateOfBirth: 'DOB', screeningDate: 'Date', section: 'Section', colour: 'Colour' };
    const afterChildren = dump(core, false);
    await core.invokeAsync('imports.run', fileInput('screenings', s.settingId, 'results.csv', file, { mapping: sMapping, dryRun: false }));
    expect(core.context.db.prepare('SELECT count(*) AS n FROM round_results').get()).toEqual({ n: 2 });

    const refused = core.call('imports.undoLast', { settingId: s.settingId, kind: 'children' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('2 of the imported children have screenings recorded since (Pip1 Quillfeather1, Pip2 Quillfeather2)'),
      },
    });

    const undone = core.invoke('imports.undoLast', { settingId: s.settingId, kind: 'screenings' });
    expect(undone.removed).toEqual({ children: 0, screenings: 2 });
    const after = JSON.parse(dump(core, false)) as [string, unknown[]][];
    const was = JSON.parse(afterChildren) as [string, unknown[]][];
    // Everything is as before the screenings import, except that the batch is kept, marked undone.
    for (const [table, rows] of after) {
      if (table === 'import_batches') continue;
      expect(rows, table).toEqual(was.find(([t]) => t === table)?.[1]);
    }
    expect(core.invoke('cohort.overview', { roundId: round.id })).toBeTruthy();
    expect(core.invoke('imports.undoLast', { settingId: s.settingId, kind: 'children' }).removed.children).toBe(2);
  });
});
