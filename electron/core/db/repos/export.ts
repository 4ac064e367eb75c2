import type { Db } from '../connection.js';

/** Reads for exports that span every table: the whole-database JSON export. */
export function exportRepo(db: Db) {
  return {
    /** Every table, every row, in table-name order: a whole-database export that needs no SQLite to read. */
    everyTable(): Record<string, unknown[]> {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
      const out: Record<string, unknown[]> = {};
      // Table names come from sqlite_master itself, so quoting them is safe.
      for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
      return out;
    },
  };
}
