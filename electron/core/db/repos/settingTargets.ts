import { foldForSearch } from '../../../../shared/domain/search.js';
import type { SettingTargetStatus } from '../../../../shared/domain/settingTargets.js';
import type { SettingTarget, SettingTargetDetail, SettingTargetReview } from '../../../../shared/schemas/settingTargets.js';
import type { Db } from '../connection.js';
import { newId, notFound } from './rows.js';

// Whole-setting targets, their linked strategies and their reviews. Every write here is a plain
// statement or two with no transaction of its own: the registry runs each write call in one, and
// the visit agenda's save records many reviews inside its single transaction by calling addReview.

interface TargetRow {
  id: string;
  setting_id: string;
  title: string;
  description: string;
  owner_staff_id: string | null;
  owner_name: string;
  staff_name: string | null;
  due_date: string;
  status: SettingTargetStatus;
  review_count: number;
  last_review_date: string | null;
  created_at: string;
  updated_at: string;
}

interface ReviewRow {
  id: string;
  setting_target_id: string;
  review_date: string;
  reviewer: string;
  note: string;
  evidence: string;
  status_before: SettingTargetStatus;
  status_after: SettingTargetStatus;
  created_at: string;
  updated_at: string;
}

/** A strategy as a link check needs it: whose it is and whether it is retired. */
export interface StrategyRef {
  id: string;
  settingId: string | null;
  title: string;
  archivedAt: string | null;
}

/** What create and update store; the owner is a staff member or a typed name (never both). */
export interface SettingTargetFields {
  title: string;
  description: string;
  ownerStaffId: string | null;
  ownerName: string;
  dueDate: string;
  strategyIds: readonly string[];
}

/** A review as the agenda or the review form records it. */
export interface ReviewFields {
  reviewDate: string;
  reviewer: string;
  note: string;
  evidence: string;
  status: SettingTargetStatus;
}

const select = `
  SELECT t.*, st.name AS staff_name,
    (SELECT count(*) FROM setting_target_reviews r WHERE r.setting_target_id = t.id) AS review_count,
    (SELECT max(r.review_date) FROM setting_target_reviews r WHERE r.setting_target_id = t.id) AS last_review_date
  FROM setting_targets t LEFT JOIN staff st ON st.id = t.owner_staff_id`;

function toReview(r: ReviewRow): SettingTargetReview {
  return {
    id: r.id,
    settingTargetId: r.setting_target_id,
    reviewDate: r.review_date,
    reviewer: r.reviewer,
    note: r.note,
    evidence: r.evidence,
    statusBefore: r.status_before,
    statusAfter: r.status_after,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A whole-setting target as a report lists it. */
export interface SettingTargetInPeriod {
  id: string;
  settingName: string;
  title: string;
  status: SettingTargetStatus;
  reviewDate: string | null;
}

export function settingTargetsRepo(db: Db) {
  const linkedOf = (targetIds: readonly string[]) => {
    const byTarget = new Map<string, SettingTarget['strategies']>();
    if (targetIds.length === 0) return byTarget;
    const rows = db
      .prepare(
        `SELECT l.setting_target_id, s.id, s.title, s.setting_id FROM setting_target_strategies l JOIN strategies s ON s.id = l.strategy_id
         WHERE l.setting_target_id IN (SELECT value FROM json_each(?)) ORDER BY s.title COLLATE NOCASE`,
      )
      .all(JSON.stringify(targetIds)) as { setting_target_id: string; id: string; title: string; setting_id: string | null }[];
    for (const r of rows) {
      const list = byTarget.get(r.setting_target_id) ?? [];
      list.push({ id: r.id, title: r.title, shared: r.setting_id === null });
      byTarget.set(r.setting_target_id, list);
    }
    return byTarget;
  };

  const toTargets = (rows: readonly TargetRow[]): SettingTarget[] => {
    const linked = linkedOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      settingId: r.setting_id,
      title: r.title,
      description: r.description,
      ownerStaffId: r.owner_staff_id,
      ownerName: r.staff_name ?? r.owner_name,
      dueDate: r.due_date,
      status: r.status,
      strategies: linked.get(r.id) ?? [],
      reviewCount: r.review_count,
      lastReviewDate: r.last_review_date,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  };

  const link = (id: string, strategyIds: readonly string[]) => {
    db.prepare('DELETE FROM setting_target_strategies WHERE setting_target_id = ?').run(id);
    const insert = db.prepare('INSERT INTO setting_target_strategies (setting_target_id, strategy_id) VALUES (?, ?)');
    for (const strategyId of strategyIds) insert.run(id, strategyId);
  };

  return {
    /** A setting's targets, open ones first by due date; search matches title, description, owner and strategies. */
    list(q: { settingId: string; status: SettingTargetStatus | null; search: string }): SettingTarget[] {
      const rows = db
        .prepare(
          `${select} WHERE t.setting_id = ? AND (? IS NULL OR t.status = ?)
           ORDER BY t.status IN ('achieved', 'stopped'), t.due_date, t.title COLLATE NOCASE`,
        )
        .all(q.settingId, q.status, q.status) as TargetRow[];
      const targets = toTargets(rows);
      const wanted = foldForSearch(q.search);
      if (wanted === '') return targets;
      // A setting has tens of targets, not thousands: folding in code matches accents as names do.
      return targets.filter((t) => foldForSearch([t.title, t.description, t.ownerName, ...t.strategies.map((s) => s.title)].join(' ')).includes(wanted));
    },

    get(id: string): SettingTarget {
      const row = db.prepare(`${select} WHERE t.id = ?`).get(id) as TargetRow | undefined;
      if (!row) throw notFound('The whole-setting target');
      return toTargets([row])[0]!;
    },

    /** The target with every review, newest first. */
    detail(id: string): SettingTargetDetail {
      const target = this.get(id);
      const reviews = db
        .prepare('SELECT * FROM setting_target_reviews WHERE setting_target_id = ? ORDER BY review_date DESC, created_at DESC, rowid DESC')
        .all(id) as ReviewRow[];
      return { ...target, reviews: reviews.map(toReview) };
    },

    /** The strategies named, as far as they exist (a missing id is simply not in the answer). */
    strategies(ids: readonly string[]): StrategyRef[] {
      if (ids.length === 0) return [];
      const rows = db
        .prepare('SELECT id, setting_id, title, archived_at FROM strategies WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids)) as {
        id: string;
        setting_id: string | null;
        title: string;
        archived_at: string | null;
      }[];
      return rows.map((r) => ({ id: r.id, settingId: r.setting_id, title: r.title, archivedAt: r.archived_at }));
    },

    create(settingId: string, f: SettingTargetFields, status: SettingTargetStatus, now: string): SettingTarget {
      const id = newId();
      db.prepare(
        `INSERT INTO setting_targets (id, setting_id, title, description, owner_staff_id, owner_name, due_date, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, settingId, f.title, f.description, f.ownerStaffId, f.ownerName, f.dueDate, status, now, now);
      link(id, f.strategyIds);
      return this.get(id);
    },

    update(id: string, f: SettingTargetFields, now: string): SettingTarget {
      this.get(id);
      db.prepare('UPDATE setting_targets SET title = ?, description = ?, owner_staff_id = ?, owner_name = ?, due_date = ?, updated_at = ? WHERE id = ?').run(
        f.title,
        f.description,
        f.ownerStaffId,
        f.ownerName,
        f.dueDate,
        now,
        id,
      );
      link(id, f.strategyIds);
      return this.get(id);
    },

    /**
     * Records one review and moves the target to the review's status. Checks nothing: callers
     * apply reviewIssues (shared/domain/settingTargets.ts) first, and run inside their own
     * transaction (a write call's, or the visit agenda's save), so a failure later in that
     * transaction takes this review back with everything else.
     */
    addReview(targetId: string, r: ReviewFields, now: string): SettingTargetReview {
      const before = this.get(targetId).status;
      const id = newId();
      db.prepare(
        `INSERT INTO setting_target_reviews (id, setting_target_id, review_date, reviewer, note, evidence, status_before, status_after, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, targetId, r.reviewDate, r.reviewer, r.note, r.evidence, before, r.status, now, now);
      db.prepare('UPDATE setting_targets SET status = ?, updated_at = ? WHERE id = ?').run(r.status, now, targetId);
      return toReview(db.prepare('SELECT * FROM setting_target_reviews WHERE id = ?').get(id) as ReviewRow);
    },

    /** The reviews of a setting's whole-setting targets dated `date`: what a visit on that day recorded, for its summary. */
    reviewsOn(settingId: string, date: string): { title: string; status: SettingTargetStatus; note: string }[] {
      return db
        .prepare(
          `SELECT t.title, r.status_after AS status, r.note FROM setting_target_reviews r JOIN setting_targets t ON t.id = r.setting_target_id
           WHERE t.setting_id = ? AND r.review_date = ? ORDER BY t.title COLLATE NOCASE, r.created_at, r.id`,
        )
        .all(settingId, date) as { title: string; status: SettingTargetStatus; note: string }[];
    },

    /**
     * The whole-setting targets of some settings that were open at some time in a period: set by
     * its last day, and still open or last reviewed on or after its first. Settings by name, then
     * open targets first by due date (as list() orders one setting's).
     */
    inPeriod(settingIds: readonly string[], from: string, to: string): SettingTargetInPeriod[] {
      return db
        .prepare(
          `SELECT t.id, s.name AS settingName, t.title, t.status,
             (SELECT max(r.review_date) FROM setting_target_reviews r WHERE r.setting_target_id = t.id) AS reviewDate
           FROM settings s JOIN setting_targets t ON t.setting_id = s.id
           WHERE s.id IN (SELECT value FROM json_each(@ids)) AND substr(t.created_at, 1, 10) <= @to
             AND (t.status IN ('planned', 'in-progress')
               OR (SELECT max(r.review_date) FROM setting_target_reviews r WHERE r.setting_target_id = t.id) >= @from)
           ORDER BY s.name COLLATE NOCASE, s.id, t.status IN ('achieved', 'stopped'), t.due_date, t.title COLLATE NOCASE`,
        )
        .all({ ids: JSON.stringify(settingIds), from, to }) as SettingTargetInPeriod[];
    },

    /** Deletes a target and its links (its reviews too, though callers remove only unreviewed ones). */
    remove(id: string): void {
      this.get(id);
      db.prepare('DELETE FROM setting_targets WHERE id = ?').run(id);
    },
  };
}
