import type { ProgressRating, ReviewOutcome, TargetStatus } from '../../../../shared/domain/targets.js';
import type { Target, TargetReview, TargetWithReviews } from '../../../../shared/schemas/targets.js';
import type { Db } from '../connection.js';
import { newId, notFound } from './rows.js';
import { activeTarget, closedTarget, metTarget, onRollInRoundSql } from './target-figures.js';

interface TargetRow {
  id: string;
  child_id: string;
  setting_id: string;
  child_name: string;
  screening_id: string | null;
  section: number | null;
  aim: string;
  activities: string;
  delivered_by: string;
  how_often: string;
  place: string;
  start_date: string;
  review_date: string;
  status: TargetStatus;
  stopped_reason: string;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
  review_count: number;
}

interface ReviewRow {
  id: string;
  target_id: string;
  review_date: string;
  reviewer: string;
  progress: ProgressRating;
  note: string;
  status: ReviewOutcome;
  next_review_date: string | null;
  created_at: string;
  updated_at: string;
}

const select = `
  SELECT t.*, c.setting_id, c.first_name || ' ' || c.last_name AS child_name,
    (SELECT count(*) FROM target_reviews r WHERE r.target_id = t.id) AS review_count
  FROM child_targets t JOIN children c ON c.id = t.child_id`;

/** What the target form edits; the screening it came from is set once, at creation. */
export interface TargetFields {
  section: number | null;
  aim: string;
  activities: string;
  deliveredBy: string;
  howOften: string;
  place: string;
  startDate: string;
  reviewDate: string;
  strategyIds: readonly string[];
}

/** One review as stored: the visit agenda's save builds these too. */
export interface ReviewRecord {
  reviewDate: string;
  reviewer: string;
  progress: ProgressRating;
  note: string;
  status: ReviewOutcome;
  nextReviewDate: string | null;
}

/** A child on roll whose latest screening is Red or Amber and who has no active target. */
export interface RedAmberWithoutTarget {
  childId: string;
  firstName: string;
  lastName: string;
  colour: 'red' | 'amber';
  screeningDate: string;
}

export interface TargetListQuery {
  settingId: string;
  status: TargetStatus | null;
  /** Active targets of children on roll whose review date is on or before this date. */
  reviewDueBy: string | null;
  /** A practitioner limited to their key children. */
  keyPersonId: string | null;
  limit: number;
}

function toReview(r: ReviewRow): TargetReview {
  return {
    id: r.id,
    targetId: r.target_id,
    reviewDate: r.review_date,
    reviewer: r.reviewer,
    progress: r.progress,
    note: r.note,
    status: r.status,
    nextReviewDate: r.next_review_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One child's targets over a period (childrenOnTargets). */
export interface ChildTargetCounts {
  childId: string;
  firstName: string;
  lastName: string;
  active: number;
  closed: number;
  met: number;
}

export function targetsRepo(db: Db) {
  /** The strategies of many targets in one statement, so a list is two queries however long. */
  function strategiesOf(ids: readonly string[]): Map<string, { id: string; title: string }[]> {
    const byTarget = new Map<string, { id: string; title: string }[]>();
    if (ids.length === 0) return byTarget;
    const rows = db
      .prepare(
        `SELECT ts.target_id, s.id, s.title FROM child_target_strategies ts JOIN strategies s ON s.id = ts.strategy_id
         WHERE ts.target_id IN (SELECT value FROM json_each(?)) ORDER BY s.title COLLATE NOCASE, s.id`,
      )
      .all(JSON.stringify(ids)) as { target_id: string; id: string; title: string }[];
    for (const r of rows) byTarget.set(r.target_id, [...(byTarget.get(r.target_id) ?? []), { id: r.id, title: r.title }]);
    return byTarget;
  }

  function toTargets(rows: TargetRow[]): Target[] {
    const strategies = strategiesOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      settingId: r.setting_id,
      childName: r.child_name,
      screeningId: r.screening_id,
      section: r.section,
      aim: r.aim,
      activities: r.activities,
      deliveredBy: r.delivered_by,
      howOften: r.how_often,
      place: r.place,
      startDate: r.start_date,
      reviewDate: r.review_date,
      status: r.status,
      stoppedReason: r.stopped_reason,
      closedOn: r.closed_on,
      strategies: strategies.get(r.id) ?? [],
      reviewCount: r.review_count,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  function linkStrategies(targetId: string, strategyIds: readonly string[]): void {
    db.prepare('DELETE FROM child_target_strategies WHERE target_id = ?').run(targetId);
    const insert = db.prepare('INSERT OR IGNORE INTO child_target_strategies (target_id, strategy_id) VALUES (?, ?)');
    for (const s of strategyIds) insert.run(targetId, s);
  }

  return {
    /** A child's targets, active first, then the newest. */
    listForChild(childId: string): Target[] {
      const rows = db
        .prepare(`${select} WHERE t.child_id = ? ORDER BY t.status <> 'active', t.start_date DESC, t.created_at DESC, t.id`)
        .all(childId) as TargetRow[];
      return toTargets(rows);
    },

    /**
     * A setting's targets. With `reviewDueBy`, the "due for review" list: active targets of
     * children still on roll whose review date is on or before that date, the most overdue first.
     */
    list(q: TargetListQuery): Target[] {
      const due = q.reviewDueBy !== null;
      const rows = db
        .prepare(
          `${select}
           WHERE c.setting_id = @settingId
             AND (@status IS NULL OR t.status = @status)
             AND (@keyPersonId IS NULL OR c.key_person_id = @keyPersonId)
             ${due ? "AND t.status = 'active' AND t.review_date <= @reviewDueBy AND c.archived_at IS NULL" : ''}
           ORDER BY ${due ? 't.review_date, child_name COLLATE NOCASE' : "t.status <> 'active', t.review_date"}, t.id
           LIMIT @limit`,
        )
        .all({
          settingId: q.settingId,
          status: q.status,
          keyPersonId: q.keyPersonId,
          limit: q.limit,
          ...(due ? { reviewDueBy: q.reviewDueBy } : {}),
        }) as TargetRow[];
      return toTargets(rows);
    },

    /**
     * "Red or Amber with no active target", the one definition behind the setting's work list and
     * the visit agenda: children on roll (not left) whose LATEST screening is Red or Amber and who
     * have no target with status 'active'. Red first, then by name. `keyPersonId` limits it to a
     * practitioner's key children (null: every child of the setting).
     */
    redAmberWithoutTarget(settingId: string, keyPersonId: string | null): RedAmberWithoutTarget[] {
      return db
        .prepare(
          `SELECT c.id AS childId, c.first_name AS firstName, c.last_name AS lastName, ls.colour AS colour, ls.screening_date AS screeningDate
           FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id
           WHERE c.setting_id = @settingId AND c.archived_at IS NULL AND ls.colour IN ('red', 'amber')
             AND (@keyPersonId IS NULL OR c.key_person_id = @keyPersonId)
             AND NOT EXISTS (SELECT 1 FROM child_targets t WHERE t.child_id = c.id AND t.status = 'active')
           ORDER BY ls.colour <> 'red', c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`,
        )
        .all({ settingId, keyPersonId }) as RedAmberWithoutTarget[];
    },

    get(id: string): Target {
      const row = db.prepare(`${select} WHERE t.id = ?`).get(id) as TargetRow | undefined;
      if (!row) throw notFound('The target');
      return toTargets([row])[0] as Target;
    },

    /** A target with its reviews, newest first. */
    getWithReviews(id: string): TargetWithReviews {
      const target = this.get(id);
      const reviews = db.prepare('SELECT * FROM target_reviews WHERE target_id = ? ORDER BY review_date DESC, created_at DESC, id').all(id) as ReviewRow[];
      return { ...target, reviews: reviews.map(toReview) };
    },

    create(childId: string, screeningId: string | null, f: TargetFields, now: string): Target {
      const id = newId();
      db.prepare(
        `INSERT INTO child_targets (id, child_id, screening_id, section, aim, activities, delivered_by, how_often, place, start_date, review_date,
           status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      ).run(id, childId, screeningId, f.section, f.aim, f.activities, f.deliveredBy, f.howOften, f.place, f.startDate, f.reviewDate, now, now);
      linkStrategies(id, f.strategyIds);
      return this.get(id);
    },

    update(id: string, f: TargetFields, now: string): Target {
      db.prepare(
        `UPDATE child_targets SET section = ?, aim = ?, activities = ?, delivered_by = ?, how_often = ?, place = ?, start_date = ?, review_date = ?,
           updated_at = ? WHERE id = ?`,
      ).run(f.section, f.aim, f.activities, f.deliveredBy, f.howOften, f.place, f.startDate, f.reviewDate, now, id);
      linkStrategies(id, f.strategyIds);
      return this.get(id);
    },

    /**
     * Records one review and moves the target on: to the next review date when it carries on,
     * closed (on the review date) when it does not. No checks and no transaction of its own: the
     * caller has applied reviewIssues (shared/domain/targets.ts) and runs inside its transaction,
     * so the visit agenda can save many reviews all or nothing.
     */
    addReview(targetId: string, review: ReviewRecord, now: string): Target {
      db.prepare(
        `INSERT INTO target_reviews (id, target_id, review_date, reviewer, progress, note, status, next_review_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(newId(), targetId, review.reviewDate, review.reviewer, review.progress, review.note, review.status, review.nextReviewDate, now, now);
      const carriesOn = review.status === 'active';
      db.prepare('UPDATE child_targets SET status = ?, review_date = coalesce(?, review_date), closed_on = ?, updated_at = ? WHERE id = ?').run(
        review.status,
        carriesOn ? review.nextReviewDate : null,
        carriesOn ? null : review.reviewDate,
        now,
        targetId,
      );
      return this.get(targetId);
    },

    /** The reviews of a setting's child targets dated `date`: what a visit on that day recorded, for its summary. */
    reviewsOn(settingId: string, date: string): { childName: string; target: string; progress: ProgressRating; note: string; nextReviewDate: string | null }[] {
      return db
        .prepare(
          `SELECT c.first_name || ' ' || c.last_name AS childName, t.aim AS target, r.progress, r.note, r.next_review_date AS nextReviewDate
           FROM target_reviews r JOIN child_targets t ON t.id = r.target_id JOIN children c ON c.id = t.child_id
           WHERE c.setting_id = ? AND r.review_date = ?
           ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, r.created_at, r.id`,
        )
        .all(settingId, date) as { childName: string; target: string; progress: ProgressRating; note: string; nextReviewDate: string | null }[];
    },

    /**
     * A setting's children on roll in the period with a target active in it, and each one's
     * targets active, closed and met there: the per-child form of the cohort's "on targets" and
     * "targets met" (target-figures.ts), so the report's list adds up to its headline figures.
     */
    childrenOnTargets(settingId: string, startDate: string, endDate: string): ChildTargetCounts[] {
      return db
        .prepare(
          `SELECT c.id AS childId, c.first_name AS firstName, c.last_name AS lastName,
             sum(${activeTarget}) AS active, sum(${closedTarget}) AS closed, sum(${metTarget}) AS met
           FROM children c JOIN child_targets t ON t.child_id = c.id
           WHERE c.setting_id = @settingId AND ${onRollInRoundSql}
           GROUP BY c.id HAVING sum(${activeTarget}) > 0
           ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`,
        )
        .all({ settingId, startDate, endDate }) as ChildTargetCounts[];
    },

    stop(id: string, stoppedOn: string, reason: string, now: string): Target {
      db.prepare("UPDATE child_targets SET status = 'stopped', stopped_reason = ?, closed_on = ?, updated_at = ? WHERE id = ?").run(reason, stoppedOn, now, id);
      return this.get(id);
    },
  };
}
