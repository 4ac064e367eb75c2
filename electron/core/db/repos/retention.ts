import type { RetentionPolicy, RetentionRecordType, RetentionRule } from '../../../../shared/schemas/retention.js';
import type { SendStage } from '../../../../shared/schemas/children.js';
import type { Db } from '../connection.js';
import { removeChildDerived } from './derived.js';
import { removeChildFromReports } from './reports.js';
import { newId, notFound } from './rows.js';
import { removeChildVisitLinks } from './visits.js';

// Retention policies (0006) and the purge of leavers whose records are past them. The rules that
// decide who is due live in api/retention.ts; this file only reads candidates and deletes.

interface PolicyRow {
  record_type: RetentionRecordType;
  label: string;
  rule: RetentionRule;
  years: number;
  updated_at: string;
}

/** A leaver, with what the retention rules need to know about them. */
export interface LeaverRow {
  id: string;
  setting_id: string;
  setting_name: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  send_stage: SendStage;
  leave_date: string | null;
  archived_at: string | null;
  screenings: number;
  has_referral: number;
}

export interface PurgeCounts {
  childId: string;
  screenings: number;
  screeningSections: number;
  targets: number;
  roundResults: number;
  auditRowsRedacted: number;
}

function toPolicy(r: PolicyRow): RetentionPolicy {
  return { recordType: r.record_type, label: r.label, rule: r.rule, years: r.years, updatedAt: r.updated_at };
}

// The audit trail keeps who did what and when, but the before/after values of a purged child's
// records are personal data: they are replaced by this note (same shape as repos/audit.ts writes).
const redactedSummary = JSON.stringify({ changes: [], note: 'Details removed by a retention purge' });

const leaverSelect = `
  SELECT c.id, c.setting_id, s.name AS setting_name, c.first_name, c.last_name, c.date_of_birth, c.send_stage,
    c.leave_date, c.archived_at,
    (SELECT count(*) FROM screenings sc WHERE sc.child_id = c.id) AS screenings,
    EXISTS (SELECT 1 FROM screenings sc WHERE sc.child_id = c.id AND sc.action = 'referral') AS has_referral
  FROM children c
  JOIN settings s ON s.id = c.setting_id`;

/** Leavers (archived children), in one setting or all; exported for the query-plan test. */
export function leaversSql(inOneSetting: boolean): string {
  return `${leaverSelect} WHERE c.archived_at IS NOT NULL${inOneSetting ? ' AND c.setting_id = ?' : ''}
    ORDER BY s.name COLLATE NOCASE, c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`;
}

export function retentionRepo(db: Db) {
  return {
    policies(): RetentionPolicy[] {
      const rows = db.prepare('SELECT * FROM retention_policies ORDER BY record_type').all() as PolicyRow[];
      return rows.map(toPolicy);
    },

    policy(recordType: RetentionRecordType): RetentionPolicy {
      const row = db.prepare('SELECT * FROM retention_policies WHERE record_type = ?').get(recordType) as PolicyRow | undefined;
      if (!row) throw notFound('The retention policy');
      return toPolicy(row);
    },

    updatePolicy(recordType: RetentionRecordType, years: number, now: string): RetentionPolicy {
      this.policy(recordType);
      db.prepare('UPDATE retention_policies SET years = ?, updated_at = ? WHERE record_type = ?').run(years, now, recordType);
      return this.policy(recordType);
    },

    /** Every leaver (archived child), optionally in one setting. */
    leavers(settingId: string | null): LeaverRow[] {
      const stmt = db.prepare(leaversSql(settingId !== null));
      return (settingId ? stmt.all(settingId) : stmt.all()) as LeaverRow[];
    },

    /** The given children (archived or not); missing ids are simply absent. */
    childrenByIds(ids: readonly string[]): LeaverRow[] {
      const stmt = db.prepare(`${leaverSelect} WHERE c.id = ?`);
      return ids.flatMap((id) => (stmt.get(id) as LeaverRow | undefined) ?? []);
    },

    /**
     * Deletes a child and everything recorded about them (screenings and their sections, their
     * rows in round_results), redacts the audit rows about those records, and writes one audit
     * row saying what was deleted: counts only, no personal data. Runs inside the caller's
     * transaction. secure_delete makes SQLite overwrite the freed space, so the data is gone from
     * the file too; the purge log lets backups and restores delete the child again
     * (services/backups/purges.ts).
     */
    purgeChild(childId: string, settingId: string, audit: { at: string; actorStaffId: string | null; actorName: string }): PurgeCounts {
      db.pragma('secure_delete = ON');
      const screeningIds = (db.prepare('SELECT id FROM screenings WHERE child_id = ?').all(childId) as { id: string }[]).map((r) => r.id);
      const screeningSections = (
        db.prepare('SELECT count(*) AS n FROM screening_sections ss JOIN screenings s ON s.id = ss.screening_id WHERE s.child_id = ?').get(childId) as {
          n: number;
        }
      ).n;
      const targetIds = (db.prepare('SELECT id FROM child_targets WHERE child_id = ?').all(childId) as { id: string }[]).map((r) => r.id);
      const roundResults = removeChildDerived(db, childId);
      // Targets go before their screenings; their reviews and strategy links go with them (ON DELETE CASCADE).
      const targets = db.prepare('DELETE FROM child_targets WHERE child_id = ?').run(childId).changes;
      // screening_sections go with their screening (ON DELETE CASCADE).
      const screenings = db.prepare('DELETE FROM screenings WHERE child_id = ?').run(childId).changes;
      // The visits stay (they are the setting's record); only the child's place in them goes.
      removeChildVisitLinks(db, childId);
      // Their progress summaries go; setting reports stay (the setting's record) without their line.
      const reports = removeChildFromReports(db, childId);
      const redact = db.prepare('UPDATE audit_log SET summary = ? WHERE record_id = ?');
      let auditRowsRedacted = 0;
      for (const id of [childId, ...screeningIds, ...targetIds, ...reports.summaryIds]) auditRowsRedacted += redact.run(redactedSummary, id).changes;
      if (db.prepare('DELETE FROM children WHERE id = ?').run(childId).changes !== 1) throw notFound('The child');
      const counts = { childId, screenings, screeningSections, targets, roundResults, auditRowsRedacted };
      const note =
        `Deleted under the retention policy: the child record, ${screenings} screening(s) with ${screeningSections} section(s), ${targets} target(s), ` +
        `${roundResults} cohort row(s), ${reports.summaryIds.length} progress summary(ies), ${reports.settingReportsEdited} setting report(s) edited; ` +
        `${auditRowsRedacted} audit row(s) redacted`;
      db.prepare(
        `INSERT INTO audit_log (id, at, actor_staff_id, actor_name, method, record_type, record_id, setting_id, summary)
         VALUES (?, ?, ?, ?, 'retention.purge', 'child', ?, ?, ?)`,
      ).run(newId(), audit.at, audit.actorStaffId, audit.actorName, childId, settingId, JSON.stringify({ changes: [], note }));
      db.prepare('INSERT OR IGNORE INTO purge_log (child_id, purged_at) VALUES (?, ?)').run(childId, audit.at);
      return counts;
    },

    /** Every purge recorded in this database, oldest first. */
    purgeLog(): { childId: string; purgedAt: string }[] {
      return db.prepare('SELECT child_id AS childId, purged_at AS purgedAt FROM purge_log ORDER BY purged_at, child_id').all() as {
        childId: string;
        purgedAt: string;
      }[];
    },

    /** Of the given ids, the children this database still holds, with their setting. */
    stillHeld(ids: readonly string[]): { id: string; settingId: string }[] {
      const stmt = db.prepare('SELECT id, setting_id AS settingId FROM children WHERE id = ?');
      return ids.flatMap((id) => (stmt.get(id) as { id: string; settingId: string } | undefined) ?? []);
    },

    /** Records purges made elsewhere (in the database a restore replaced). */
    recordPurges(log: readonly { childId: string; purgedAt: string }[]): void {
      const insert = db.prepare('INSERT OR IGNORE INTO purge_log (child_id, purged_at) VALUES (?, ?)');
      for (const p of log) insert.run(p.childId, p.purgedAt);
    },
  };
}
export type RetentionRepo = ReturnType<typeof retentionRepo>;
