import type { Visit, VisitAction, VisitListItem, VisitStatus } from '../../../../shared/schemas/visits.js';
import type { Db } from '../connection.js';
import { newId, notFound } from './rows.js';

// Visits (0013): the visit row, its attendees and children discussed (replaced whole on each
// record), its agreed actions, and each setting's visit frequency. Every function runs inside the
// caller's transaction (the registry opens one per write call), so the visit agenda's save can
// call several of them and have all or none kept. The rules live in shared/domain/visits.ts.

interface VisitRow {
  id: string;
  setting_id: string;
  setting_name: string;
  status: VisitStatus;
  planned_date: string | null;
  held_date: string | null;
  visitor_account_id: string | null;
  visitor_name: string;
  visitor_role: string;
  cancelled_reason: string;
  screens_checked_count: number;
  screens_checked_note: string;
  coaching: string;
  notes: string;
  next_visit_date: string | null;
  created_at: string;
  updated_at: string;
}

interface ActionRow {
  id: string;
  visit_id: string;
  setting_id: string;
  visit_date: string | null;
  description: string;
  owner_staff_id: string | null;
  owner_name: string;
  owner: string;
  due_date: string;
  done_date: string | null;
  done_by: string;
  created_at: string;
  updated_at: string;
}

export interface VisitorFields {
  visitorAccountId: string | null;
  visitorName: string;
  visitorRole: string;
}

export interface HeldVisitParts extends VisitorFields {
  heldDate: string;
  attendees: readonly { staffId: string | null; name: string; role: string }[];
  childrenDiscussed: readonly { childId: string; note: string }[];
  screensCheckedCount: number;
  screensCheckedNote: string;
  coaching: string;
  notes: string;
  nextVisitDate: string | null;
}

export interface ActionFields {
  description: string;
  ownerStaffId: string | null;
  ownerName: string;
  dueDate: string;
}

/** What "My visits" needs to know about one setting; the standing is worked out in shared/domain/visits.ts. */
export interface SettingVisitFacts {
  settingId: string;
  settingName: string;
  everyWeeks: number;
  lastHeld: { heldDate: string; nextVisitDate: string | null } | null;
  planned: { id: string; plannedDate: string } | null;
  openActions: VisitAction[];
}

const visitSelect = `SELECT v.*, s.name AS setting_name FROM visits v JOIN settings s ON s.id = v.setting_id`;
const actionSelect = `
  SELECT a.*, v.setting_id, coalesce(v.held_date, v.planned_date) AS visit_date, coalesce(os.name, a.owner_name) AS owner
  FROM visit_actions a JOIN visits v ON v.id = a.visit_id LEFT JOIN staff os ON os.id = a.owner_staff_id`;
// Same expression as the visits_by_setting index, so history and "latest" read the index in order.
const visitDate = 'coalesce(v.held_date, v.planned_date)';

function toAction(r: ActionRow): VisitAction {
  return {
    id: r.id,
    visitId: r.visit_id,
    settingId: r.setting_id,
    visitDate: r.visit_date,
    description: r.description,
    ownerStaffId: r.owner_staff_id,
    ownerName: r.owner_name,
    owner: r.owner,
    dueDate: r.due_date,
    doneDate: r.done_date,
    doneBy: r.done_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Deletes a child's links to visits (the purge of a leaver); returns how many went. */
export function removeChildVisitLinks(db: Db, childId: string): number {
  return db.prepare('DELETE FROM visit_children WHERE child_id = ?').run(childId).changes;
}

/** A held visit as a report lists it. */
export interface HeldVisitLine {
  id: string;
  settingId: string;
  settingName: string;
  date: string;
  visitorName: string;
}

export function visitsRepo(db: Db) {
  const attendeesOf = db.prepare('SELECT staff_id, name, role FROM visit_attendees WHERE visit_id = ? ORDER BY position');
  const childrenOf = db.prepare(`
    SELECT vc.child_id, vc.note, c.first_name || ' ' || c.last_name AS name
    FROM visit_children vc JOIN children c ON c.id = vc.child_id
    WHERE vc.visit_id = ? ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE`);
  const actionsOf = db.prepare(`${actionSelect} WHERE a.visit_id = ? ORDER BY a.due_date, a.created_at, a.id`);

  function toVisit(r: VisitRow): Visit {
    return {
      id: r.id,
      settingId: r.setting_id,
      settingName: r.setting_name,
      status: r.status,
      plannedDate: r.planned_date,
      heldDate: r.held_date,
      visitorAccountId: r.visitor_account_id,
      visitorName: r.visitor_name,
      visitorRole: r.visitor_role,
      cancelledReason: r.cancelled_reason,
      screensCheckedCount: r.screens_checked_count,
      screensCheckedNote: r.screens_checked_note,
      coaching: r.coaching,
      notes: r.notes,
      nextVisitDate: r.next_visit_date,
      attendees: (attendeesOf.all(r.id) as { staff_id: string | null; name: string; role: string }[]).map((a) => ({
        staffId: a.staff_id,
        name: a.name,
        role: a.role,
      })),
      childrenDiscussed: (childrenOf.all(r.id) as { child_id: string; note: string; name: string }[]).map((c) => ({
        childId: c.child_id,
        name: c.name,
        note: c.note,
      })),
      actions: (actionsOf.all(r.id) as ActionRow[]).map(toAction),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  function replaceParts(visitId: string, parts: HeldVisitParts): void {
    db.prepare('DELETE FROM visit_attendees WHERE visit_id = ?').run(visitId);
    const addAttendee = db.prepare('INSERT INTO visit_attendees (id, visit_id, position, staff_id, name, role) VALUES (?, ?, ?, ?, ?, ?)');
    parts.attendees.forEach((a, i) => addAttendee.run(newId(), visitId, i, a.staffId, a.name, a.role));
    db.prepare('DELETE FROM visit_children WHERE visit_id = ?').run(visitId);
    const addChild = db.prepare('INSERT INTO visit_children (visit_id, child_id, note) VALUES (?, ?, ?)');
    for (const c of parts.childrenDiscussed) addChild.run(visitId, c.childId, c.note);
  }

  return {
    get(id: string): Visit {
      const row = db.prepare(`${visitSelect} WHERE v.id = ?`).get(id) as VisitRow | undefined;
      if (!row) throw notFound('The visit');
      return toVisit(row);
    },

    /** A setting's visits, newest first (held date, else planned date). */
    list(settingId: string): VisitListItem[] {
      const rows = db
        .prepare(
          `SELECT v.id, v.setting_id, v.status, v.planned_date, v.held_date, v.visitor_name, v.next_visit_date, ${visitDate} AS date,
             (SELECT count(*) FROM visit_attendees va WHERE va.visit_id = v.id) AS attendee_count,
             (SELECT count(*) FROM visit_children vc WHERE vc.visit_id = v.id) AS children_count,
             (SELECT count(*) FROM visit_actions a WHERE a.visit_id = v.id) AS action_count,
             (SELECT count(*) FROM visit_actions a WHERE a.visit_id = v.id AND a.done_date IS NULL) AS open_action_count
           FROM visits v WHERE v.setting_id = ? ORDER BY ${visitDate} DESC, v.created_at DESC, v.id`,
        )
        .all(settingId) as (Pick<VisitRow, 'id' | 'setting_id' | 'status' | 'planned_date' | 'held_date' | 'visitor_name' | 'next_visit_date'> & {
        date: string;
        attendee_count: number;
        children_count: number;
        action_count: number;
        open_action_count: number;
      })[];
      return rows.map((r) => ({
        id: r.id,
        settingId: r.setting_id,
        status: r.status,
        date: r.date,
        plannedDate: r.planned_date,
        heldDate: r.held_date,
        visitorName: r.visitor_name,
        attendeeCount: r.attendee_count,
        childrenCount: r.children_count,
        actionCount: r.action_count,
        openActionCount: r.open_action_count,
        nextVisitDate: r.next_visit_date,
      }));
    },

    schedule(settingId: string, plannedDate: string, visitor: VisitorFields, now: string): Visit {
      const id = newId();
      db.prepare(
        `INSERT INTO visits (id, setting_id, status, planned_date, visitor_account_id, visitor_name, visitor_role, created_at, updated_at)
         VALUES (?, ?, 'planned', ?, ?, ?, ?, ?, ?)`,
      ).run(id, settingId, plannedDate, visitor.visitorAccountId, visitor.visitorName, visitor.visitorRole, now, now);
      return this.get(id);
    },

    /** Records a visit as held with all its parts: a new visit when `id` is null, else the planned or held visit given. */
    record(settingId: string, id: string | null, parts: HeldVisitParts, now: string): Visit {
      const visitId = id ?? newId();
      const values = [
        parts.heldDate,
        parts.visitorAccountId,
        parts.visitorName,
        parts.visitorRole,
        parts.screensCheckedCount,
        parts.screensCheckedNote,
        parts.coaching,
        parts.notes,
        parts.nextVisitDate,
      ];
      if (id === null) {
        db.prepare(
          `INSERT INTO visits (held_date, visitor_account_id, visitor_name, visitor_role, screens_checked_count, screens_checked_note, coaching, notes,
             next_visit_date, id, setting_id, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?)`,
        ).run(...values, visitId, settingId, now, now);
      } else {
        const changed = db
          .prepare(
            `UPDATE visits SET held_date = ?, visitor_account_id = ?, visitor_name = ?, visitor_role = ?, screens_checked_count = ?,
               screens_checked_note = ?, coaching = ?, notes = ?, next_visit_date = ?, status = 'held', cancelled_reason = '', updated_at = ?
             WHERE id = ?`,
          )
          .run(...values, now, visitId).changes;
        if (changed !== 1) throw notFound('The visit');
      }
      replaceParts(visitId, parts);
      return this.get(visitId);
    },

    cancel(id: string, reason: string, now: string): Visit {
      if (db.prepare("UPDATE visits SET status = 'cancelled', cancelled_reason = ?, updated_at = ? WHERE id = ?").run(reason, now, id).changes !== 1) {
        throw notFound('The visit');
      }
      return this.get(id);
    },

    action(id: string): VisitAction {
      const row = db.prepare(`${actionSelect} WHERE a.id = ?`).get(id) as ActionRow | undefined;
      if (!row) throw notFound('The action');
      return toAction(row);
    },

    /** A setting's actions from every visit: open ones first by due date, then done ones. */
    actions(settingId: string, includeDone: boolean): VisitAction[] {
      const done = includeDone ? '' : 'AND a.done_date IS NULL';
      const rows = db
        .prepare(`${actionSelect} WHERE v.setting_id = ? ${done} ORDER BY a.done_date IS NOT NULL, a.due_date, a.created_at, a.id`)
        .all(settingId) as ActionRow[];
      return rows.map(toAction);
    },

    addAction(visitId: string, f: ActionFields, now: string): VisitAction {
      const id = newId();
      db.prepare(
        `INSERT INTO visit_actions (id, visit_id, description, owner_staff_id, owner_name, due_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, visitId, f.description, f.ownerStaffId, f.ownerName, f.dueDate, now, now);
      return this.action(id);
    },

    updateAction(id: string, f: ActionFields, now: string): VisitAction {
      const changes = db
        .prepare('UPDATE visit_actions SET description = ?, owner_staff_id = ?, owner_name = ?, due_date = ?, updated_at = ? WHERE id = ?')
        .run(f.description, f.ownerStaffId, f.ownerName, f.dueDate, now, id).changes;
      if (changes !== 1) throw notFound('The action');
      return this.action(id);
    },

    /** Marks an action done on a date by someone, or (doneDate null) open again. */
    setActionDone(id: string, doneDate: string | null, doneBy: string, now: string): VisitAction {
      const changes = db
        .prepare('UPDATE visit_actions SET done_date = ?, done_by = ?, updated_at = ? WHERE id = ?')
        .run(doneDate, doneDate === null ? '' : doneBy, now, id).changes;
      if (changes !== 1) throw notFound('The action');
      return this.action(id);
    },

    frequency(settingId: string): { settingId: string; weeks: number } {
      const weeks = db.prepare('SELECT visit_every_weeks FROM settings WHERE id = ?').pluck().get(settingId) as number | undefined;
      if (weeks === undefined) throw notFound('The setting');
      return { settingId, weeks };
    },

    /** Touches the setting's updated_at, so a copy of the database elsewhere can tell the setting changed. */
    setFrequency(settingId: string, weeks: number, now: string): { settingId: string; weeks: number } {
      const changes = db.prepare('UPDATE settings SET visit_every_weeks = ?, updated_at = ? WHERE id = ?').run(weeks, now, settingId).changes;
      if (changes !== 1) throw notFound('The setting');
      return this.frequency(settingId);
    },

    /** Visits held in a period at some settings, oldest first: a report's "visits held". */
    heldBetween(settingIds: readonly string[], from: string, to: string): HeldVisitLine[] {
      return db
        .prepare(
          `SELECT v.id, v.setting_id AS settingId, s.name AS settingName, v.held_date AS date, v.visitor_name AS visitorName
           FROM settings s JOIN visits v ON v.setting_id = s.id AND v.status = 'held' AND ${visitDate} BETWEEN @from AND @to
           WHERE s.id IN (SELECT value FROM json_each(@ids))
           ORDER BY v.held_date, s.name COLLATE NOCASE, v.id`,
        )
        .all({ ids: JSON.stringify(settingIds), from, to }) as HeldVisitLine[];
    },

    /** For "My visits": each open setting's last held visit, earliest planned visit and open actions. */
    settingFacts(settingIds: readonly string[] | 'all'): SettingVisitFacts[] {
      const settings = (
        settingIds === 'all'
          ? db.prepare('SELECT id, name, visit_every_weeks FROM settings WHERE archived_at IS NULL').all()
          : settingIds.flatMap((id) => db.prepare('SELECT id, name, visit_every_weeks FROM settings WHERE id = ? AND archived_at IS NULL').all(id))
      ) as { id: string; name: string; visit_every_weeks: number }[];
      const lastHeld = db.prepare(
        `SELECT v.held_date AS heldDate, v.next_visit_date AS nextVisitDate FROM visits v
         WHERE v.setting_id = ? AND v.status = 'held' ORDER BY ${visitDate} DESC LIMIT 1`,
      );
      const planned = db.prepare(
        `SELECT v.id, v.planned_date AS plannedDate FROM visits v WHERE v.setting_id = ? AND v.status = 'planned' ORDER BY ${visitDate} LIMIT 1`,
      );
      const open = db.prepare(`${actionSelect} WHERE v.setting_id = ? AND a.done_date IS NULL ORDER BY a.due_date, a.created_at, a.id`);
      return settings.map((s) => ({
        settingId: s.id,
        settingName: s.name,
        everyWeeks: s.visit_every_weeks,
        lastHeld: (lastHeld.get(s.id) as SettingVisitFacts['lastHeld'] | undefined) ?? null,
        planned: (planned.get(s.id) as SettingVisitFacts['planned'] | undefined) ?? null,
        openActions: (open.all(s.id) as ActionRow[]).map(toAction),
      }));
    },
  };
}
export type VisitsRepo = ReturnType<typeof visitsRepo>;
