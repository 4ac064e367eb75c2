import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';

// The 10x database for timing the open: the LA database copied ten times over in SQL. Generating
// 1.5 million screenings row by row and then their derived tables takes over eight minutes on a
// busy two-core machine; opening a file only needs one of the right size and shape, so each
// setting's rows (rooms, staff, children, screenings and the derived round tables) are copied
// nine times with new ids into nine more local authorities. The rounds and the instrument stay
// shared, as in a real database.

/** Tables holding a setting's data, in an order that keeps every reference pointing backwards. */
const COPIED_TABLES = ['settings', 'rooms', 'staff', 'children', 'screenings', 'screening_sections', 'round_results', 'round_summary'] as const;
/** Id columns that point at rows shared by every copy (or at none), so they are not renamed. */
const SHARED_ID_COLUMNS = new Set(['round_id', 'instrument_id', 'import_batch_id']);

export interface MultipliedData {
  path: string;
  copies: number;
  localAuthorities: string[];
  counts: Record<(typeof COPIED_TABLES)[number], number>;
  multiplyMs: number;
}

/**
 * Writes `toPath`: the database at `fromPath` with every setting's rows `copies` times. Copy k
 * (1 to copies - 1) renames each id by its first character, which becomes one of g to o (never
 * a hex digit, so no copy can meet an original or another copy), gives its settings 7-digit
 * URNs (EY + k + the original's 6 digits) and puts them in the local authority `laNames[k]`.
 */
export function multiplyDatabase(fromPath: string, toPath: string, copies: number, laNames: readonly string[]): MultipliedData {
  if (copies < 1 || copies > 10) throw new Error(`copies must be 1 to 10 (the 9 extra copies rename ids with the letters g to o): ${copies}`);
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${toPath}${suffix}`, { force: true });
  const src = new Database(fromPath, { readonly: true });
  try {
    src.prepare('VACUUM INTO ?').run(toPath);
  } finally {
    src.close();
  }
  const db = new Database(toPath);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -1048576');
    db.prepare('ATTACH DATABASE ? AS src').run(fromPath);
    const localAuthorities = [...new Set((db.prepare('SELECT DISTINCT local_authority AS la FROM src.settings').all() as { la: string }[]).map((r) => r.la))];
    const copy = db.transaction((k: number) => {
      const la = laNames[k];
      if (!la) throw new Error(`no local authority name for copy ${k}`);
      localAuthorities.push(la);
      for (const table of COPIED_TABLES) {
        const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
        const value = (column: string): string => {
          if (table === 'settings' && column === 'urn') return `'EY' || @k || substr(urn, 3)`;
          if (table === 'settings' && column === 'local_authority') return '@la';
          if ((column === 'id' || column.endsWith('_id')) && !SHARED_ID_COLUMNS.has(column)) return `char(unicode('g') + @k - 1) || substr("${column}", 2)`;
          return `"${column}"`;
        };
        const list = columns.map((c) => `"${c}"`).join(', ');
        db.prepare(`INSERT INTO main."${table}" (${list}) SELECT ${columns.map(value).join(', ')} FROM src."${table}"`).run({ k, la });
      }
    });
    for (let k = 1; k < copies; k++) copy(k);
    db.exec('DETACH DATABASE src');
    const counts = Object.fromEntries(
      COPIED_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    ) as MultipliedData['counts'];
    return { path: toPath, copies, localAuthorities, counts, multiplyMs: performance.now() - started };
  } finally {
    db.close();
  }
}
