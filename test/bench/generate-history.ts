import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { addDays, addWeeks, compareIsoDates, daysBetween } from '../../shared/domain/dates.js';
import type { SeededRandom } from '../../electron/core/demo/random.js';

// Targets and visits for the bench database (issue 12), written in SQL like the rest of the
// generator, in realistic proportions: about a third of children still Red or Amber have a
// target with one to three reviews (a few closed or stopped); each open setting has one or two
// whole-setting targets and about ten visits a year (every five weeks), each with two to four
// actions, mostly done once due; and an SLT assistant account covers 30 settings ("My visits").

/** The bench's SLT assistant: signs in nowhere (no usable password), the calls build its session. */
export const benchAssistantUserName = 'bench-slt-assistant';
export const benchAssistantSettings = 30;

const REVIEW_EVERY_DAYS = 42;
const VISIT_EVERY_WEEKS = 5;

export interface HistoryChild {
  id: string;
  setting: number;
  keyPerson: number;
  leaveDate: string | null;
  latest: { colour: 'red' | 'amber' | 'green'; date: string; id: string } | null;
}

export interface HistoryInput {
  db: Db;
  rnd: SeededRandom;
  nextId: () => string;
  today: string;
  settingIds: readonly string[];
  archived: (setting: number) => boolean;
  /** Per setting, in staffPlan order: 0 manager, 1 champion, 2-6 practitioners, 7 SLT assistant. */
  staffIds: readonly (readonly string[])[];
  children: readonly HistoryChild[];
}

export interface HistoryCounts {
  targets: number;
  targetReviews: number;
  settingTargets: number;
  settingTargetReviews: number;
  visits: number;
  visitActions: number;
}

export function insertTargetsAndVisits(h: HistoryInput): { counts: HistoryCounts; assistantAccountId: string } {
  const { db, rnd, today } = h;
  const now = `${today}T12:00:00.000Z`;
  const at = (d: string) => `${d}T12:00:00.000Z`;
  const counts: HistoryCounts = { targets: 0, targetReviews: 0, settingTargets: 0, settingTargetReviews: 0, visits: 0, visitActions: 0 };
  const strategies = (db.prepare('SELECT id FROM strategies WHERE setting_id IS NULL ORDER BY id').all() as { id: string }[]).map((s) => s.id);
  const strategy = () => rnd.pick(strategies);

  const insertTarget = db.prepare(
    `INSERT INTO child_targets (id, child_id, screening_id, section, aim, activities, delivered_by, how_often, place, start_date, review_date, status,
       stopped_reason, closed_on, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, 'Small-group play (bench).', 'Key person', 'Daily', 'Room', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTargetStrategy = db.prepare('INSERT OR IGNORE INTO child_target_strategies (target_id, strategy_id) VALUES (?, ?)');
  const insertReview = db.prepare(
    `INSERT INTO target_reviews (id, target_id, review_date, reviewer, progress, note, status, next_review_date, created_at, updated_at)
     VALUES (?, ?, ?, 'Key person (bench)', ?, 'Reviewed (bench).', ?, ?, ?, ?)`,
  );

  // ----- Children's targets: a third of the children on roll whose latest screen is Red or Amber.
  for (const c of h.children) {
    if (c.leaveDate !== null || !c.latest || c.latest.colour === 'green' || h.archived(c.setting) || !rnd.chance(1 / 3)) continue;
    const reviews = rnd.int(1, 3);
    const start = addDays(today, -(REVIEW_EVERY_DAYS * reviews + rnd.int(-20, 30)));
    const outcome = rnd.next();
    const status = outcome < 0.85 ? 'active' : outcome < 0.91 ? 'achieved' : outcome < 0.96 ? 'partly-achieved' : 'stopped';
    const id = h.nextId();
    const done: string[] = [];
    for (let k = 1; k <= reviews; k++) {
      const d = addDays(start, REVIEW_EVERY_DAYS * k + rnd.int(-2, 3));
      if (compareIsoDates(d, today) <= 0) done.push(d);
    }
    // One active target in five had its last review slip: it is overdue for review.
    if (status === 'active' && done.length > 0 && rnd.chance(0.2)) done.pop();
    const last = done[done.length - 1] ?? start;
    const closedOn = status === 'active' ? null : last;
    const reviewDate =
      status === 'active' || done.length === 0 ? addDays(start, REVIEW_EVERY_DAYS * (done.length + 1)) : addDays(start, REVIEW_EVERY_DAYS * done.length);
    insertTarget.run(
      id,
      c.id,
      c.latest.id,
      'Will use two-word phrases in play (bench).',
      start,
      reviewDate,
      // A target closed by a review needs one; with none done, it stopped instead.
      status !== 'active' && done.length === 0 ? 'stopped' : status,
      status === 'stopped' || (status !== 'active' && done.length === 0) ? 'Referred on (bench).' : '',
      closedOn,
      at(start),
      at(last),
    );
    insertTargetStrategy.run(id, strategy());
    insertTargetStrategy.run(id, strategy());
    counts.targets++;
    done.forEach((d, i) => {
      const closing = i === done.length - 1 && (status === 'achieved' || status === 'partly-achieved');
      const next = closing ? null : (done[i + 1] ?? reviewDate);
      const nextDate = next !== null && compareIsoDates(next, d) <= 0 ? addDays(d, REVIEW_EVERY_DAYS) : next;
      insertReview.run(h.nextId(), id, d, rnd.pick(['some', 'good', 'none']), closing ? status : 'active', closing ? null : nextDate, at(d), at(d));
      counts.targetReviews++;
    });
  }

  // ----- Whole-setting targets, visits and their parts.
  const insertSettingTarget = db.prepare(
    `INSERT INTO setting_targets (id, setting_id, title, description, owner_staff_id, owner_name, due_date, status, created_at, updated_at)
     VALUES (?, ?, ?, 'Whole-setting target (bench).', ?, '', ?, ?, ?, ?)`,
  );
  const insertSettingTargetStrategy = db.prepare('INSERT OR IGNORE INTO setting_target_strategies (setting_target_id, strategy_id) VALUES (?, ?)');
  const insertSettingTargetReview = db.prepare(
    `INSERT INTO setting_target_reviews (id, setting_target_id, review_date, reviewer, note, evidence, status_before, status_after, created_at, updated_at)
     VALUES (?, ?, ?, 'SLT assistant (bench)', 'Reviewed at the visit (bench).', '', ?, ?, ?, ?)`,
  );
  const insertVisit = db.prepare(
    `INSERT INTO visits (id, setting_id, status, planned_date, held_date, visitor_account_id, visitor_name, visitor_role, screens_checked_count,
       coaching, notes, next_visit_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'SLT assistant', ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttendee = db.prepare('INSERT INTO visit_attendees (id, visit_id, position, staff_id, name, role) VALUES (?, ?, ?, ?, ?, ?)');
  const insertVisitChild = db.prepare("INSERT OR IGNORE INTO visit_children (visit_id, child_id, note) VALUES (?, ?, '')");
  const insertAction = db.prepare(
    `INSERT INTO visit_actions (id, visit_id, description, owner_staff_id, owner_name, due_date, done_date, done_by, created_at, updated_at)
     VALUES (?, ?, 'Agreed action (bench).', ?, '', ?, ?, ?, ?, ?)`,
  );
  const staffName = db.prepare('SELECT name FROM staff WHERE id = ?').pluck();

  const assistantAccountId = h.nextId();
  db.prepare(
    `INSERT INTO accounts (id, display_name, user_name, role, staff_id, password_hash, must_change_password, created_at, updated_at)
     VALUES (?, 'Bench SLT assistant', ?, 'slt-assistant', NULL, 'bench: no password', 0, ?, ?)`,
  ).run(assistantAccountId, benchAssistantUserName, now, now);
  const insertCover = db.prepare('INSERT INTO account_settings (account_id, setting_id) VALUES (?, ?)');
  const open = h.settingIds.map((id, i) => ({ id, i })).filter(({ i }) => !h.archived(i));
  for (const { id } of open.slice(0, benchAssistantSettings)) insertCover.run(assistantAccountId, id);
  const covered = new Set(open.slice(0, benchAssistantSettings).map(({ id }) => id));

  const onRoll: string[][] = h.settingIds.map(() => []);
  for (const c of h.children) if (c.leaveDate === null) onRoll[c.setting]?.push(c.id);

  for (const { id: settingId, i } of open) {
    const staff = h.staffIds[i] ?? [];
    const names = staff.map((s) => String(staffName.get(s)));
    const visitor = { accountId: covered.has(settingId) ? assistantAccountId : null, name: names[7] ?? 'SLT assistant' };
    // Whole-setting targets: one or two, reviewed once or twice.
    for (let t = rnd.int(1, 2); t > 0; t--) {
      const agreed = addDays(today, -rnd.int(60, 300));
      const status = rnd.pick(['in-progress', 'in-progress', 'planned', 'achieved'] as const);
      const stId = h.nextId();
      const reviews = status === 'planned' ? 0 : rnd.int(1, 2);
      insertSettingTarget.run(
        stId,
        settingId,
        `Every room uses a picture timetable (bench ${t})`,
        staff[1] ?? null,
        addDays(agreed, rnd.int(90, 270)),
        status,
        at(agreed),
        now,
      );
      insertSettingTargetStrategy.run(stId, strategy());
      insertSettingTargetStrategy.run(stId, strategy());
      for (let r = 1; r <= reviews; r++) {
        const d = addDays(agreed, Math.floor((daysBetween(agreed, today) * r) / (reviews + 1)));
        const after = r === reviews ? status : 'in-progress';
        insertSettingTargetReview.run(h.nextId(), stId, d, r === 1 ? 'planned' : 'in-progress', after, at(d), at(d));
        counts.settingTargetReviews++;
      }
      counts.settingTargets++;
    }
    // About ten visits a year, then one planned (overdue in about one setting in seven).
    const children = onRoll[i] ?? [];
    const first = addDays(today, -364 + rnd.int(0, 34));
    let date = first;
    while (compareIsoDates(date, today) < 0) {
      const next = addWeeks(date, VISIT_EVERY_WEEKS);
      const visitId = h.nextId();
      insertVisit.run(
        visitId,
        settingId,
        'held',
        date,
        date,
        visitor.accountId,
        visitor.name,
        rnd.int(0, 8),
        'Coaching given (bench).',
        '',
        next,
        at(date),
        at(date),
      );
      counts.visits++;
      [0, 1, 2].slice(0, rnd.int(2, 3)).forEach((k, position) => insertAttendee.run(h.nextId(), visitId, position, staff[k] ?? null, names[k] ?? 'Staff', ''));
      for (let n = rnd.int(2, 4); n > 0 && children.length > 0; n--) insertVisitChild.run(visitId, rnd.pick(children));
      for (let n = rnd.int(2, 4); n > 0; n--) {
        const due = addDays(date, rnd.int(14, 35));
        const doneOn = addDays(date, rnd.int(7, 40));
        const done = compareIsoDates(doneOn, today) <= 0 && rnd.chance(compareIsoDates(due, today) < 0 ? 0.85 : 0.2);
        const owner = rnd.chance(0.6) ? 1 : rnd.int(0, 6);
        insertAction.run(
          h.nextId(),
          visitId,
          staff[owner] ?? null,
          due,
          done ? doneOn : null,
          done ? (names[owner] ?? '') : '',
          at(date),
          at(done ? doneOn : date),
        );
        counts.visitActions++;
      }
      date = next;
    }
    const planned = rnd.chance(1 / 7) ? addDays(today, -rnd.int(3, 20)) : date;
    insertVisit.run(h.nextId(), settingId, 'planned', planned, null, visitor.accountId, visitor.name, 0, '', '', null, at(today), at(today));
    counts.visits++;
  }
  return { counts, assistantAccountId };
}
