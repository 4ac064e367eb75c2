import type { FieldIssue } from '../errors.js';
import { addWeeks, compareIsoDates, formatUkDate } from './dates.js';

// The rules for SLT assistants' visits, in one place so that every door applies the same ones:
// the API handlers, the forms, and the visit agenda's all-or-nothing save (which records actions
// with the same checks). Each problem names its field, as a zod issue would.

/** How often a setting is visited, in weeks: 4 is "monthly", the default. */
export const defaultVisitWeeks = 4;
export const minVisitWeeks = 1;
export const maxVisitWeeks = 26;

/** "every 4 weeks (about monthly)": the same words on every screen. */
export function visitFrequencyWords(weeks: number): string {
  if (weeks === 4) return 'Every 4 weeks (about monthly)';
  if (weeks === 1) return 'Every week';
  return `Every ${weeks} weeks`;
}

// ---------------------------------------------------------------------------------------------
// When a setting's next visit is due, and when it is overdue.
//
// The rule: the next visit is due on the date agreed at the last held visit, or, when none was
// agreed, the visit frequency after it. A setting is overdue when a planned visit's date has
// passed without the visit being recorded, or when its due date has passed and no visit is
// planned. A setting never visited and with nothing planned is due now ("No visit yet").
// ---------------------------------------------------------------------------------------------

export type VisitStanding = 'overdue-planned' | 'overdue-unplanned' | 'never-visited' | 'due-unplanned' | 'planned';

export interface StandingFacts {
  today: string;
  everyWeeks: number;
  /** The date of the last held visit, and the next visit date agreed then. */
  lastHeld: { heldDate: string; nextVisitDate: string | null } | null;
  /** The earliest planned (not held, not cancelled) visit's date. */
  plannedDate: string | null;
}

export interface StandingResult {
  standing: VisitStanding;
  /** When the next visit is due: the planned date, else the due date from the last visit; null if never visited. */
  dueDate: string | null;
  overdue: boolean;
  words: string;
}

export function visitDueDate(lastHeld: StandingFacts['lastHeld'], everyWeeks: number): string | null {
  if (!lastHeld) return null;
  return lastHeld.nextVisitDate ?? addWeeks(lastHeld.heldDate, everyWeeks);
}

export function visitStanding(f: StandingFacts): StandingResult {
  if (f.plannedDate) {
    if (compareIsoDates(f.plannedDate, f.today) < 0) {
      return {
        standing: 'overdue-planned',
        dueDate: f.plannedDate,
        overdue: true,
        words: `Overdue: planned for ${formatUkDate(f.plannedDate)}, not yet recorded`,
      };
    }
    return { standing: 'planned', dueDate: f.plannedDate, overdue: false, words: `Planned for ${formatUkDate(f.plannedDate)}` };
  }
  const due = visitDueDate(f.lastHeld, f.everyWeeks);
  if (due === null) return { standing: 'never-visited', dueDate: null, overdue: true, words: 'No visit yet: none planned' };
  if (compareIsoDates(due, f.today) < 0) {
    return { standing: 'overdue-unplanned', dueDate: due, overdue: true, words: `Overdue: due by ${formatUkDate(due)}, no visit planned` };
  }
  return { standing: 'due-unplanned', dueDate: due, overdue: false, words: `Due by ${formatUkDate(due)}, no visit planned yet` };
}

/** An open action is overdue once its due date has passed. */
export function actionOverdue(action: { dueDate: string; doneDate: string | null }, today: string): boolean {
  return action.doneDate === null && compareIsoDates(action.dueDate, today) < 0;
}

// ---------------------------------------------------------------------------------------------
// Field rules. `path` is the prefix of the fields checked (for example ['actions', 2]), so a
// caller checking many records at once names each one.
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];

/** Scheduling: a visit is planned for today or later (a past visit is recorded as held instead). */
export function plannedVisitIssues(plannedDate: string, today: string, path: Path = []): FieldIssue[] {
  if (compareIsoDates(plannedDate, today) < 0) {
    return [{ path: [...path, 'plannedDate'], message: `A planned visit cannot be in the past (before ${formatUkDate(today)}): record it as held instead` }];
  }
  return [];
}

export interface HeldVisitFields {
  heldDate: string;
  nextVisitDate: string | null;
  attendees: readonly { name: string }[];
}

/** Recording: the visit happened (not in the future), the next visit is after it, and every attendee is named. */
export function heldVisitIssues(f: HeldVisitFields, today: string, path: Path = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (compareIsoDates(f.heldDate, today) > 0) {
    issues.push({ path: [...path, 'heldDate'], message: `The visit date cannot be in the future (after ${formatUkDate(today)})` });
  }
  if (f.nextVisitDate !== null && compareIsoDates(f.nextVisitDate, f.heldDate) <= 0) {
    issues.push({ path: [...path, 'nextVisitDate'], message: `The next visit date must be after this visit (${formatUkDate(f.heldDate)})` });
  }
  f.attendees.forEach((a, i) => {
    if (a.name.trim() === '') issues.push({ path: [...path, 'attendees', i, 'name'], message: 'Enter the name of everyone who attended' });
  });
  return issues;
}

export interface ActionFields {
  description: string;
  ownerStaffId: string | null;
  ownerName: string;
  dueDate: string;
}

/** An agreed action has an owner (a staff member or a name) and is due on or after the visit. */
export function actionIssues(f: ActionFields, visitDate: string | null, path: Path = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.description.trim() === '') issues.push({ path: [...path, 'description'], message: 'Enter what is to be done' });
  if (f.ownerStaffId === null && f.ownerName.trim() === '') {
    issues.push({ path: [...path, 'ownerName'], message: 'Every action needs an owner: choose a staff member or type a name' });
  }
  if (visitDate !== null && compareIsoDates(f.dueDate, visitDate) < 0) {
    issues.push({ path: [...path, 'dueDate'], message: `The due date cannot be before the visit (${formatUkDate(visitDate)})` });
  }
  return issues;
}

/** Marking an action done: the done date has happened and is not before the visit. */
export function doneDateIssues(doneDate: string, visitDate: string | null, today: string, path: Path = []): FieldIssue[] {
  if (compareIsoDates(doneDate, today) > 0)
    return [{ path: [...path, 'doneDate'], message: `The done date cannot be in the future (after ${formatUkDate(today)})` }];
  if (visitDate !== null && compareIsoDates(doneDate, visitDate) < 0) {
    return [{ path: [...path, 'doneDate'], message: `The done date cannot be before the visit (${formatUkDate(visitDate)})` }];
  }
  return [];
}

/**
 * Records named by id (children discussed, attendees or owners from the staff list) must belong
 * to the visit's setting: `settingOf` finds a record's setting, null when there is none.
 */
export function belongsIssues(
  ids: readonly { id: string | null; path: Path }[],
  settingId: string,
  settingOf: (id: string) => string | null,
  what: { missing: string; elsewhere: string; twice?: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const { id, path } of ids) {
    if (id === null) continue;
    const where = settingOf(id);
    if (where === null) issues.push({ path, message: what.missing });
    else if (where !== settingId) issues.push({ path, message: what.elsewhere });
    else if (what.twice && seen.has(id)) issues.push({ path, message: what.twice });
    seen.add(id);
  }
  return issues;
}

export const childDiscussedWords = {
  missing: 'This child was not found',
  elsewhere: 'This child is not in this visit’s setting',
  twice: 'This child is listed twice',
} as const;

export const staffMemberWords = {
  missing: 'This staff member was not found',
  elsewhere: 'This staff member works in another setting',
} as const;
