import type { AuditEntry } from '../../../../shared/schemas/audit.js';
import type { Db } from '../connection.js';
import { newId } from './rows.js';

interface AuditRow {
  id: string;
  at: string;
  actor_staff_id: string | null;
  actor_name: string;
  method: string;
  record_type: string;
  record_id: string | null;
  setting_id: string | null;
  summary: string;
}

export interface AuditWrite {
  at: string;
  /** The signed-in account (null for the local administrator and rows written by the system). */
  actorAccountId?: string | null;
  actorStaffId: string | null;
  actorName: string;
  method: string;
  recordType: string;
  recordId: string | null;
  settingId: string | null;
  changes: AuditEntry['changes'];
  note?: string;
}

export interface AuditFilter {
  settingId: string | null;
  recordId: string | null;
  method: string | null;
  actor: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

function toEntry(r: AuditRow): AuditEntry {
  const summary = JSON.parse(r.summary) as { changes?: AuditEntry['changes']; note?: string };
  return {
    id: r.id,
    at: r.at,
    actorStaffId: r.actor_staff_id,
    actorName: r.actor_name,
    method: r.method,
    recordType: r.record_type,
    recordId: r.record_id,
    settingId: r.setting_id,
    changes: summary.changes ?? [],
    note: summary.note ?? '',
  };
}

/** Append-only: there is no update, and deletion happens only through retention purges. */
export function auditRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (id, at, actor_account_id, actor_staff_id, actor_name, method, record_type, record_id, setting_id, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    write(e: AuditWrite): void {
      insert.run(
        newId(),
        e.at,
        e.actorAccountId ?? null,
        e.actorStaffId,
        e.actorName,
        e.method,
        e.recordType,
        e.recordId,
        e.settingId,
        JSON.stringify({ changes: e.changes, note: e.note ?? '' }),
      );
    },

    list(f: AuditFilter): { total: number; rows: AuditEntry[] } {
      const where: string[] = ['1 = 1'];
      const params: Record<string, string | number> = {};
      if (f.settingId) {
        where.push('setting_id = @settingId');
        params.settingId = f.settingId;
      }
      if (f.recordId) {
        where.push('record_id = @recordId');
        params.recordId = f.recordId;
      }
      if (f.method) {
        where.push("method LIKE @method ESCAPE '\\'");
        params.method = `${escapeLike(f.method)}%`;
      }
      if (f.actor) {
        where.push("actor_name LIKE @actor ESCAPE '\\'");
        params.actor = `%${escapeLike(f.actor)}%`;
      }
      // Dates are calendar days; `at` is a UTC timestamp, so compare on its first ten characters.
      if (f.from) {
        where.push('substr(at, 1, 10) >= @from');
        params.from = f.from;
      }
      if (f.to) {
        where.push('substr(at, 1, 10) <= @to');
        params.to = f.to;
      }
      const sql = `FROM audit_log WHERE ${where.join(' AND ')}`;
      const total = (db.prepare(`SELECT count(*) AS n ${sql}`).get(params) as { n: number }).n;
      const rows = db
        .prepare(`SELECT * ${sql} ORDER BY at DESC, rowid DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: f.limit, offset: f.offset }) as AuditRow[];
      return { total, rows: rows.map(toEntry) };
    },

    /** The name of each record with one of these ids, from every table whose records have names. */
    recordNames(ids: string[]): Record<string, string> {
      if (ids.length === 0) return {};
      const found = db
        .prepare(
          `WITH wanted(id) AS (SELECT value FROM json_each(@ids))
           SELECT id, name FROM settings WHERE id IN wanted
           UNION ALL SELECT id, name FROM rooms WHERE id IN wanted
           UNION ALL SELECT id, name FROM staff WHERE id IN wanted
           UNION ALL SELECT id, first_name || ' ' || last_name FROM children WHERE id IN wanted
           UNION ALL SELECT id, name FROM instruments WHERE id IN wanted
           UNION ALL SELECT id, name FROM rounds WHERE id IN wanted
           UNION ALL SELECT id, 'The visit of ' || strftime('%d/%m/%Y', coalesce(held_date, planned_date)) FROM visits WHERE id IN wanted`,
        )
        .all({ ids: JSON.stringify(ids) }) as { id: string; name: string }[];
      return Object.fromEntries(found.map((r) => [r.id, r.name]));
    },
  };
}

/** A filter's text taken literally: "%" and "_" typed into a filter mean themselves, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
