import { reportSnapshotSchema, type Report, type ReportKind, type ReportListItem, type ReportSnapshot } from '../../../../shared/schemas/reports.js';
import type { Db } from '../connection.js';
import { newId, notFound } from './rows.js';

// Produced reports (0015): one row per report, its snapshot stored whole as JSON. Rows are only
// ever added (a snapshot is what was printed, so nothing edits it) or removed by a retention purge.

interface ReportRow {
  id: string;
  kind: ReportKind;
  setting_id: string | null;
  child_id: string | null;
  setting_ids: string;
  title: string;
  period_label: string;
  snapshot?: string;
  produced_by_name: string;
  produced_at: string;
}

export interface NewReport {
  kind: ReportKind;
  settingId: string | null;
  childId: string | null;
  /** Every setting the report covers (one for setting reports and summaries). */
  settingIds: readonly string[];
  title: string;
  periodLabel: string;
  snapshot: ReportSnapshot;
  producedByAccountId: string | null;
  producedByName: string;
  producedAt: string;
}

export interface ReportFilter {
  settingId: string | null;
  childId: string | null;
  kind: ReportKind | null;
}

const listColumns = 'id, kind, setting_id, child_id, setting_ids, title, period_label, produced_by_name, produced_at';

const toItem = (r: ReportRow): ReportListItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  periodLabel: r.period_label,
  settingId: r.setting_id,
  childId: r.child_id,
  producedByName: r.produced_by_name,
  producedAt: r.produced_at,
});

export function reportsRepo(db: Db) {
  return {
    insert(report: NewReport): string {
      const id = newId();
      db.prepare(
        `INSERT INTO reports (id, kind, setting_id, child_id, setting_ids, title, period_label, snapshot, snapshot_version,
           produced_by_account_id, produced_by_name, produced_at)
         VALUES (@id, @kind, @settingId, @childId, @settingIds, @title, @periodLabel, @snapshot, @version, @producedByAccountId, @producedByName, @producedAt)`,
      ).run({
        id,
        kind: report.kind,
        settingId: report.settingId,
        childId: report.childId,
        settingIds: JSON.stringify(report.settingIds),
        title: report.title,
        periodLabel: report.periodLabel,
        snapshot: JSON.stringify(report.snapshot),
        version: report.snapshot.version,
        producedByAccountId: report.producedByAccountId,
        producedByName: report.producedByName,
        producedAt: report.producedAt,
      });
      return id;
    },

    /** The report without its snapshot (lists, the audit trail). */
    item(id: string): ReportListItem & { settingIds: string[] } {
      const r = db.prepare(`SELECT ${listColumns} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
      if (!r) throw notFound('The report');
      return { ...toItem(r), settingIds: JSON.parse(r.setting_ids) as string[] };
    },

    get(id: string): Report {
      const r = db.prepare(`SELECT ${listColumns}, snapshot FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
      if (!r?.snapshot) throw notFound('The report');
      // Parsed through the schema, so an older snapshot layout is read (or refused) in one place.
      return { ...toItem(r), snapshot: reportSnapshotSchema.parse(JSON.parse(r.snapshot)) };
    },

    /** A child's progress summaries with their snapshots, oldest first (the subject access export). */
    summariesOf(childId: string): Report[] {
      const ids = db.prepare("SELECT id FROM reports WHERE child_id = ? AND kind = 'child' ORDER BY produced_at, rowid").pluck().all(childId) as string[];
      return ids.map((id) => this.get(id));
    },

    /** Newest first. With no setting: the area reports, each with the settings it covers. */
    list(filter: ReportFilter): (ReportListItem & { settingIds: string[] })[] {
      // One child's summaries, or a setting's reports of every kind, or (no setting) area reports.
      const which = filter.childId ? 'child_id = @childId' : `(@settingId IS NULL AND kind = 'area' OR setting_id = @settingId)`;
      const rows = db
        .prepare(`SELECT ${listColumns} FROM reports WHERE ${which} AND (@kind IS NULL OR kind = @kind) ORDER BY produced_at DESC, rowid DESC`)
        .all(filter) as ReportRow[];
      return rows.map((r) => ({ ...toItem(r), settingIds: JSON.parse(r.setting_ids) as string[] }));
    },
  };
}

/**
 * A retention purge (repos/retention.ts, in its transaction): deletes the child's progress
 * summaries and takes the child's line out of saved setting reports' `childrenOnTargets`,
 * leaving every other figure and word of those reports as printed. Returns the summaries' ids,
 * so the purge can redact their audit rows too.
 */
export function removeChildFromReports(db: Db, childId: string): { summaryIds: string[]; settingReportsEdited: number } {
  const summaryIds = (db.prepare("SELECT id FROM reports WHERE child_id = ? AND kind = 'child'").all(childId) as { id: string }[]).map((r) => r.id);
  db.prepare("DELETE FROM reports WHERE child_id = ? AND kind = 'child'").run(childId);
  // Ids are UUIDs, so a text match finds every report naming the child; the JSON is then edited
  // as data, never as text, and only a report that really lists the child is rewritten.
  const named = db.prepare("SELECT id, snapshot FROM reports WHERE kind = 'setting' AND instr(snapshot, ?) > 0").all(childId) as {
    id: string;
    snapshot: string;
  }[];
  const update = db.prepare('UPDATE reports SET snapshot = ? WHERE id = ?');
  let settingReportsEdited = 0;
  for (const r of named) {
    const snapshot = JSON.parse(r.snapshot) as { childrenOnTargets?: { childId: string }[] };
    const lines = snapshot.childrenOnTargets ?? [];
    const kept = lines.filter((l) => l.childId !== childId);
    if (kept.length === lines.length) continue;
    update.run(JSON.stringify({ ...snapshot, childrenOnTargets: kept }), r.id);
    settingReportsEdited += 1;
  }
  return { summaryIds, settingReportsEdited };
}
