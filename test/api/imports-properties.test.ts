import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { b64, childHeader, childMapping, childRow, dump, makeSetting, quoteCsv, utf16le, utf8Bom, windows1252, xlsx } from '../fixtures/import/build.js';
import { testCore } from '../support/core.js';

// Property-based tests: random and malformed files fed to the importers. Whatever arrives, the
// answer is a result or a clear VALIDATION / BAD_REQUEST refusal (never an unhandled error or
// INTERNAL), and a refused import leaves every table exactly as it was.

const allowedCodes = ['VALIDATION', 'BAD_REQUEST'];

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
}

/** Calls a method and checks the two rules: a clear answer, and no partial write on failure. */
async function callChecked(core: Core, method: 'imports.preview' | 'imports.run', input: Record<string, unknown>): Promise<Outcome> {
  const before = dump(core);
  const childrenBefore = count(core, 'children');
  const screeningsBefore = count(core, 'screenings');
  const result = await core.callAsync(method, input);
  if (!result.ok) {
    expect(allowedCodes, `${result.error.code}: ${result.error.message}`).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(dump(core), 'a refused import writes nothing').toBe(before);
    return { ok: false, code: result.error.code, message: result.error.message };
  }
  if (method === 'imports.preview' || input.dryRun === true) {
    expect(dump(core, false)).toBe(JSON.stringify(JSON.parse(before).filter(([t]: [string]) => t !== 'audit_log')));
  } else {
    const value = result.value as { created: { children: number; screenings: number } };
    // All or nothing: exactly the rows reported were written.
    expect(count(core, 'children') - childrenBefore).toBe(value.created.children);
    expect(count(core, 'screenings') - screeningsBefore).toBe(value.created.screenings);
  }
  return { ok: true };
}

function count(core: Core, table: string): number {
  return (core.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

const kinds = fc.constantFrom('children' as const, 'screenings' as const);
const fileNames = fc.constantFrom('file.csv', 'file.xlsx', 'file.txt', 'export', 'file.xls');

describe('random bytes as files', () => {
  it('never throw and never write: any bytes, any name, preview and run', async () => {
    const core = testCore();
    const s = makeSetting(core);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fileNames, kinds, fc.boolean(), async (bytes, fileName, kind, dryRun) => {
        const base = { kind, settingId: s.settingId, fileName, base64: b64(bytes) };
        await callChecked(core, 'imports.preview', base);
        await callChecked(core, 'imports.run', { ...base, mapping: kind === 'children' ? childMapping : {}, dryRun });
      }),
      { numRuns: 150 },
    );
  });

  it('never throw on zip-like bytes and damaged workbooks', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const good = await xlsx([childHeader.slice(0, 3), ['Ada', 'Applecross', new Date(Date.UTC(2023, 1, 1))]]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail])),
          fc.nat({ max: good.length - 1 }).map((n) => good.slice(0, n)),
          fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
            const copy = Uint8Array.from(good);
            copy[at] = (copy[at] ?? 0) ^ x;
            return copy;
          }),
        ),
        async (bytes) => {
          const base = { kind: 'children', settingId: s.settingId, fileName: 'damaged.xlsx', base64: b64(bytes) };
          await callChecked(core, 'imports.preview', base);
          await callChecked(core, 'imports.run', { ...base, mapping: { firstName: 'First name', lastName: 'Surname', dateOfBirth: 'D.O.B' }, dryRun: false });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuse base64 that is not base64', async () => {
    const core = testCore();
    const s = makeSetting(core);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        await callChecked(core, 'imports.preview', { kind: 'children', settingId: s.settingId, fileName: 'x.csv', base64: text });
      }),
      { numRuns: 100 },
    );
  });
});

// Cells that look like what a nursery export holds, mixed with junk.
const cell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Ada',
      'Zoë',
      'Siân',
      'O’Malley',
      'Brontë, Zoë',
      '',
      ' ',
      'Acorns',
      'Oaks',
      'Willows',
      'Kim Kettleby',
      'F',
      'M',
      'girl',
      'Y',
      'N',
      'WBRI',
      'White – British',
      'K',
      'EHCP',
      'Green',
      'R',
      '7',
      '4',
      '12',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '01/02/2023',
      '1/2/23',
      '2023-02-01',
      '31/02/2024',
      '12/25/2023',
      '45000',
      '0',
      '29/02/2023',
      '01/01/2027',
      '15/10/2026',
      '01/11/2026',
      '10/05/2024',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', ';', '\t', 'a', ' '), maxLength: 8 }) },
);

const screeningHeader = ['Child', 'DOB', 'Date', 'Section', 'Score', 'Colour', 'Screener'];

function toCsv(rows: string[][], eol: string, quoteAll: boolean): string {
  return rows.map((r) => r.map((c) => (quoteAll ? `"${c.replace(/"/g, '""')}"` : quoteCsv(c))).join(',')).join(eol) + eol;
}

function encode(text: string, encoding: number): Uint8Array {
  if (encoding === 1) return utf8Bom(text);
  if (encoding === 2) return utf16le(text);
  if (encoding === 3) {
    try {
      return windows1252(text);
    } catch {
      return Buffer.from(text, 'utf8');
    }
  }
  return Buffer.from(text, 'utf8');
}

describe('random spreadsheets', () => {
  // Mostly clean rows with one random cell, and some rows of pure junk.
  const plausibleRow = fc
    .tuple(fc.nat({ max: 500 }), fc.constantFrom(...childHeader), cell)
    .map(([i, column, value]) => childRow(i, { [column]: value }).map(String));
  const table = (width: number) =>
    fc.array(fc.oneof({ weight: 3, arbitrary: plausibleRow }, { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: width + 1 }) }), {
      minLength: 0,
      maxLength: 12,
    });

  it('children: a result or a clear refusal, all rows or none', async () => {
    const tally = { ok: 0, refused: 0 };
    const core = testCore();
    const s = makeSetting(core);
    await fc.assert(
      fc.asyncProperty(
        table(childHeader.length),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        async (rows, eol, quoteAll, encoding, skipRowsWithErrors, dryRun) => {
          const bytes = encode(toCsv([childHeader, ...rows], eol, quoteAll), encoding);
          const base = { kind: 'children', settingId: s.settingId, fileName: 'random.csv', base64: b64(bytes) };
          await callChecked(core, 'imports.preview', base);
          const outcome = await callChecked(core, 'imports.run', {
            ...base,
            mapping: childMapping,
            dryRun,
            skipRowsWithErrors,
            skipDuplicates: !skipRowsWithErrors,
          });
          tally[outcome.ok ? 'ok' : 'refused']++;
        },
      ),
      { numRuns: 120 },
    );
    // Both paths were exercised: some files imported, some refused.
    expect(tally.ok).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
    expect(count(core, 'children')).toBeGreaterThan(0);
  });

  it('screenings: a result or a clear refusal, all screenings or none', async () => {
    const tally = { ok: 0, refused: 0 };
    const core = testCore();
    const s = makeSetting(core);
    for (const [firstName, lastName, dateOfBirth] of [
      ['Ada', 'Applecross', '2023-02-01'],
      ['Zoë', 'Brontë', '2024-05-10'],
    ] as const) {
      core.invoke('children.create', { settingId: s.settingId, firstName, lastName, dateOfBirth, sex: 'female' });
    }
    // Each person with the section for their age on the dates below (Ada 44 months: 7; Zoë 29 months: 4).
    const person = fc.constantFrom(
      ['Ada Applecross', '01/02/2023', '7'],
      ['Zoë Brontë', '10/05/2024', '4'],
      ['Brontë, Zoë', '2024-05-10', '4'],
      ['Nobody Here', '01/01/2024', '5'],
    );
    const row = fc
      .tuple(
        person,
        fc.constantFrom('01/11/2026', '15/10/2026', '2026-10-15', '01/12/2026', '31/02/2026'),
        fc.constantFrom('own', 'own', 'own', '6', '3', 'S4', 'x'),
        fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: cell }),
        fc.constantFrom('Green', 'Amber', 'Red', 'G', '', 'Blue'),
        fc.constantFrom('', 'Kim Kettleby', 'Someone'),
      )
      .map(([[name, dob, own], date, section, score, colour, screener]) => [name, dob, date, section === 'own' ? own : section, score, colour, screener]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 4, arbitrary: row }, { weight: 1, arbitrary: fc.array(cell, { maxLength: 8 }) }), { maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        async (rows, skipRowsWithErrors, dryRun) => {
          const bytes = Buffer.from(toCsv([screeningHeader, ...rows], '\r\n', false), 'utf8');
          const base = { kind: 'screenings', settingId: s.settingId, fileName: 'results.csv', base64: b64(bytes) };
          await callChecked(core, 'imports.preview', base);
          const mapping = {
            fullName: 'Child',
            dateOfBirth: 'DOB',
            screeningDate: 'Date',
            section: 'Section',
            score: 'Score',
            colour: 'Colour',
            screener: 'Screener',
          };
          const outcome = await callChecked(core, 'imports.run', { ...base, mapping, dryRun, skipRowsWithErrors });
          tally[outcome.ok ? 'ok' : 'refused']++;
        },
      ),
      { numRuns: 100 },
    );
    expect(tally.ok).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
    expect(count(core, 'screenings')).toBeGreaterThan(0);
  });

  it('row numbers in refusals point at the row and column that is wrong', async () => {
    const core = testCore();
    const s = makeSetting(core);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 }), async (n, badIndex) => {
        const bad = badIndex % n;
        const rows = Array.from({ length: n }, (_, i) =>
          childHeader.map((h) => ({ 'First name': `Kit${i}`, Surname: 'Kestrel', 'D.O.B': i === bad ? '32/01/2023' : '01/02/2023' })[h] ?? ''),
        );
        const bytes = Buffer.from(toCsv([childHeader, ...rows], '\r\n', false));
        const result = await core.callAsync('imports.run', {
          kind: 'children',
          settingId: s.settingId,
          fileName: 'n.csv',
          base64: b64(bytes),
          mapping: childMapping,
          dryRun: false,
        });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.issues?.[0]).toEqual({
          path: ['rows', bad + 1, 'dateOfBirth'],
          message: `Row ${bad + 2}, column "D.O.B": "32/01/2023" is not a real date: January 2023 has 31 days`,
        });
      }),
      { numRuns: 30 },
    );
  });
});
