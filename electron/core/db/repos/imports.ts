import { childrenRepo, type ChildFields } from './children.js';
import type { ImportBatch, ImportKind, ImportMapping } from '../../../../shared/schemas/imports.js';
import { foldForSearch } from '../../../../shared/domain/search.js';
import type { Db } from '../connection.js';
import { refreshChildDerived } from './derived.js';
import { newId } from './rows.js';

// Import batches, remembered column mappings, and the bulk writes and look-ups an import needs.
// The children insert mirrors childrenRepo.create column for column (plus the batch id and, for
// leavers, archived_at), prepared once so 10,000 rows insert in a fraction of a second.

interface BatchRow {
  id: string;
  kind: ImportKind;
  setting_id: string;
  source_name: string;
  file_name: string;
  file_type: 'csv' | 'xlsx';
  row_count: number;
  created_children: number;
  created_screenings: number;
  skipped_rows: number;
  actor_name: string | null;
  undone_at: string | null;
  created_at: string;
}

export interface NewBatch {
  kind: ImportKind;
  settingId: string;
  sourceName: string;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  rowCount: number;
  mapping: ImportMapping;
  actorName: string | null;
}

export interface ChildKey {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  archived: boolean;
}

export interface ImportedChild {
  fields: ChildFields;
  archivedAt: string | null;
}

function toBatch(r: BatchRow, undoable: boolean): ImportBatch {
  return {
    id: r.id,
    kind: r.kind,
    settingId: r.setting_id,
    sourceName: r.source_name,
    fileName: r.file_name,
    fileType: r.file_type,
    rowCount: r.row_count,
    createdChildren: r.created_children,
    createdScreenings: r.created_screenings,
    skippedRows: r.skipped_rows,
    actorName: r.actor_name,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    undoable,
  };
}

/** Source names meet case- and spacing-insensitively. */
export function sourceKey(sourceName: string): string {
  return foldForSearch(sourceName);
}

function parseMapping(json: string): ImportMapping {
  const value: unknown = JSON.parse(json);
  const out: ImportMapping = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

const newestFirst = 'ORDER BY created_at DESC, rowid DESC';

export function importsRepo(db: Db) {
  return {
    createBatch(b: NewBatch, now: string): string {
      const id = newId();
      db.prepare(
        `INSERT INTO import_batches (id, kind, setting_id, source_name, file_name, file_type, row_count, mapping, actor_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, b.kind, b.settingId, b.sourceName, b.fileName, b.fileType, b.rowCount, JSON.stringify(b.mapping), b.actorName, now, now);
      return id;
    },

    finishBatch(id: string, counts: { children: number; screenings: number; skipped: number }, now: string): void {
      db.prepare('UPDATE import_batches SET created_children = ?, created_screenings = ?, skipped_rows = ?, updated_at = ? WHERE id = ?').run(
        counts.children,
        counts.screenings,
        counts.skipped,
        now,
        id,
      );
    },

    /** A batch that created nothing leaves no trace. */
    deleteBatch(id: string): void {
      db.prepare('DELETE FROM import_batches WHERE id = ?').run(id);
    },

    list(settingId: string): ImportBatch[] {
      const rows = db.prepare(`SELECT * FROM import_batches WHERE setting_id = ? ${newestFirst}`).all(settingId) as BatchRow[];
      const seen = new Set<ImportKind>();
      return rows.map((r) => {
        const undoable = r.undone_at === null && !seen.has(r.kind);
        if (r.undone_at === null) seen.add(r.kind);
        return toBatch(r, undoable);
      });
    },

    get(id: string): ImportBatch | null {
      const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
      return row ? toBatch(row, false) : null;
    },

    /** The newest batch of a kind in a setting that has not been undone. */
    lastOpen(settingId: string, kind: ImportKind): ImportBatch | null {
      const row = db
        .prepare(`SELECT * FROM import_batches WHERE setting_id = ? AND kind = ? AND undone_at IS NULL ${newestFirst} LIMIT 1`)
        .get(settingId, kind) as BatchRow | undefined;
      return row ? toBatch(row, true) : null;
    },

    markUndone(id: string, now: string): ImportBatch {
      db.prepare('UPDATE import_batches SET undone_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
      const batch = this.get(id);
      if (!batch) throw new Error('the batch was just updated');
      return batch;
    },

    getMapping(kind: ImportKind, sourceName: string): ImportMapping | null {
      if (sourceKey(sourceName) === '') return null;
      const row = db.prepare('SELECT mapping FROM import_mappings WHERE kind = ? AND source_key = ?').get(kind, sourceKey(sourceName)) as
        { mapping: string } | undefined;
      return row ? parseMapping(row.mapping) : null;
    },

    rememberMapping(kind: ImportKind, sourceName: string, mapping: ImportMapping, now: string): void {
      const key = sourceKey(sourceName);
      if (key === '') return;
      db.prepare(
        `INSERT INTO import_mappings (kind, source_key, source_name, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, source_key) DO UPDATE SET source_name = excluded.source_name, mapping = excluded.mapping, updated_at = excluded.updated_at`,
      ).run(kind, key, sourceName.trim(), JSON.stringify(mapping), now, now);
    },

    listMappings(kind: ImportKind): { sourceName: string; mapping: ImportMapping; updatedAt: string }[] {
      const rows = db.prepare('SELECT source_name, mapping, updated_at FROM import_mappings WHERE kind = ? ORDER BY source_name COLLATE NOCASE').all(kind) as {
        source_name: string;
        mapping: string;
        updated_at: string;
      }[];
      return rows.map((r) => ({ sourceName: r.source_name, mapping: parseMapping(r.mapping), updatedAt: r.updated_at }));
    },

    /** Every child of a setting, leavers included, for duplicate checks and finding children by name. */
    childKeys(settingId: string): ChildKey[] {
      const rows = db.prepare('SELECT id, first_name, last_name, date_of_birth, archived_at FROM children WHERE setting_id = ?').all(settingId) as {
        id: string;
        first_name: string;
        last_name: string;
        date_of_birth: string;
        archived_at: string | null;
      }[];
      return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, dateOfBirth: r.date_of_birth, archived: r.archived_at !== null }));
    },

    insertChildren(settingId: string, children: readonly ImportedChild[], batchId: string, now: string): number {
      return childrenRepo(db).insertMany(settingId, children, batchId, now).length;
    },

    tagScreening(screeningId: string, batchId: string): void {
      db.prepare('UPDATE screenings SET import_batch_id = ? WHERE id = ?').run(batchId, screeningId);
    },

    /** Dates on which each child of a setting already has a screening: "childId|date". */
    screeningDays(settingId: string): Set<string> {
      const rows = db
        .prepare('SELECT s.child_id, s.screening_date FROM screenings s JOIN children c ON c.id = s.child_id WHERE c.setting_id = ?')
        .all(settingId) as { child_id: string; screening_date: string }[];
      return new Set(rows.map((r) => `${r.child_id}|${r.screening_date}`));
    },

    /** Children of a batch that now have screenings (entered by hand or imported since). */
    batchChildrenWithScreenings(batchId: string): { firstName: string; lastName: string }[] {
      return (
        db
          .prepare(
            `SELECT c.first_name, c.last_name FROM children c
             WHERE c.import_batch_id = ? AND EXISTS (SELECT 1 FROM screenings s WHERE s.child_id = c.id)
             ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE`,
          )
          .all(batchId) as { first_name: string; last_name: string }[]
      ).map((r) => ({ firstName: r.first_name, lastName: r.last_name }));
    },

    deleteBatchChildren(batchId: string): number {
      return db.prepare('DELETE FROM children WHERE import_batch_id = ?').run(batchId).changes;
    },

    deleteBatchScreenings(batchId: string): number {
      const childIds = (db.prepare('SELECT DISTINCT child_id FROM screenings WHERE import_batch_id = ?').all(batchId) as { child_id: string }[]).map(
        (r) => r.child_id,
      );
      db.prepare('DELETE FROM round_results WHERE screening_id IN (SELECT id FROM screenings WHERE import_batch_id = ?)').run(batchId);
      db.prepare('DELETE FROM screening_sections WHERE screening_id IN (SELECT id FROM screenings WHERE import_batch_id = ?)').run(batchId);
      const removed = db.prepare('DELETE FROM screenings WHERE import_batch_id = ?').run(batchId).changes;
      for (const childId of childIds) refreshChildDerived(db, childId);
      return removed;
    },
  };
}
export type ImportsRepo = ReturnType<typeof importsRepo>;
