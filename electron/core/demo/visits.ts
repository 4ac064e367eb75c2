import { addDays, addWeeks, compareIsoDates, daysBetween, parseIsoDate } from '../../../shared/domain/dates.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import type { Visit } from '../../../shared/schemas/visits.js';
import type { Invoke } from './on-day.js';
import type { SeededRandom } from './random.js';
import { toWeekday } from './screenings.js';
import { DemoSettingTargets } from './setting-targets.js';

// A year of the SLT assistant's visits to one demo setting, each recorded on its own day: about
// every four weeks in term time, the next one planned at each visit, one cancelled in some
// settings, actions agreed (the older ones mostly done), children discussed and screens checked.
// How the year ends differs by setting, so "My visits" has something of each kind: a visit planned
// for today in the first setting, upcoming ones in two others, and one overdue (planned, never recorded).

/** Days from today to the visit planned next, by setting; negative is overdue. */
const nextVisitOffsets = [0, 5, -10, 12] as const;

const coaching = [
  'Modelled "comment more, question less" at snack with the Toddlers team.',
  'Watched a book-sharing session and fed back on pausing for children to join in.',
  'Coached the champion on scoring drop-back sections in the screen.',
  'Role-played offering choices at group time with two practitioners.',
  'Talked through writing targets in plain words parents understand.',
  'Showed how to use songs with pauses at the end of the session.',
];
const notes = [
  'Good visit; the team are keen. Follow up the actions below next time.',
  'Short visit: the room was short-staffed. Reviews carried over.',
  'Champion is settling into the role and leading the reviews well.',
  'Parents’ evening coming up: targets to be shared with families there.',
  'Screening round under way; most children screened so far.',
];
const childNotes = [
  'Target reviewed with the key person; carry on as agreed.',
  'New target agreed after the screen.',
  'Invite parents to the next visit to share strategies.',
  'Consider a referral if there is no progress by the next visit.',
  'Doing well; close the target if this continues.',
];
const actionTexts = [
  'Share the "comment more, question less" sheet at the staff meeting',
  'Put up a picture timetable in the Toddlers room',
  'Review-screen the children flagged Amber in the last round',
  'Send the "try at home" ideas to families of children with new targets',
  'Book meetings with parents of children with Red results',
  'Set up a quiet book corner in the Pre-school room',
  'Re-screen children whose review screens are overdue',
  'Observe group time in each room and note who joins in',
  'Add songs with pauses to the end of every session',
  'Update key persons on the targets reviewed today',
];

export interface DemoVisitsPlan {
  invokeOn: (today: string) => Invoke;
  rnd: SeededRandom;
  today: string;
  settingIndex: number;
  settingId: string;
  staff: readonly Staff[];
  /** Children with a flagged screen, and since when: the ones a visit talks about. */
  flagged: readonly { childId: string; since: string }[];
  strategyIds: ReadonlyMap<string, string>;
  ownStrategyId: string | null;
}

export interface DemoVisitsResult {
  visits: number;
  actions: number;
  settingTargets: number;
}

/** Visit dates over the last year, about every four weeks back from the next one, out of the holidays. */
function visitDates(today: string, next: string): string[] {
  const dates: string[] = [];
  for (let k = 13; k >= 1; k--) {
    const d = toWeekday(addWeeks(next, -4 * k));
    const { month, day } = parseIsoDate(d);
    const holiday = month === 8 || (month === 12 && day >= 20) || (month === 1 && day < 5);
    if (!holiday && daysBetween(d, today) <= 365 && compareIsoDates(d, today) < 0) dates.push(d);
  }
  return dates;
}

export function addDemoVisits(plan: DemoVisitsPlan): DemoVisitsResult {
  const { rnd, today, staff } = plan;
  const result: DemoVisitsResult = { visits: 0, actions: 0, settingTargets: 0 };
  const offset = nextVisitOffsets[plan.settingIndex % nextVisitOffsets.length] ?? 0;
  const next = offset === 0 ? today : toWeekday(addDays(today, offset));
  const dates = visitDates(today, next);
  const champion = staff.find((s) => s.role === 'communication-champion');
  const manager = staff.find((s) => s.role === 'manager');
  const practitioners = staff.filter((s) => s.role === 'practitioner');
  const visitor = { visitorName: staff.find((s) => s.role === 'slt-assistant')?.name ?? 'Demo SLT assistant', visitorRole: 'SLT assistant' };
  // Settings 2 and 4 had one visit cancelled (a staff training day).
  const cancelled = plan.settingIndex % 2 === 1 ? 4 : -1;
  const heldCount = dates.length - (cancelled >= 0 && cancelled < dates.length ? 1 : 0);
  const settingTargets = new DemoSettingTargets({
    settingId: plan.settingId,
    strategyIds: plan.strategyIds,
    ownStrategyId: plan.ownStrategyId,
    owner: champion,
    reviewer: visitor.visitorName,
    heldCount,
    stopsBooks: plan.settingIndex === 3,
  });

  let planned: Visit | null = null;
  let held = 0;
  for (const [i, date] of dates.entries()) {
    const after = dates[i + 1] ?? next;
    if (i === cancelled && planned) {
      const invoke = plan.invokeOn(addDays(date, -3));
      invoke('visits.cancel', { id: planned.id, reason: 'Setting closed for a staff training day' });
      planned = invoke('visits.schedule', { settingId: plan.settingId, plannedDate: after, ...visitor });
      result.visits++;
      continue;
    }
    const invoke = plan.invokeOn(date);
    const attendees = [champion, rnd.chance(0.6) ? manager : undefined, rnd.chance(0.5) ? rnd.pick(practitioners) : undefined]
      .filter((s): s is Staff => s !== undefined)
      .map((s) => ({
        staffId: s.id,
        name: s.name,
        role: s.role === 'manager' ? 'Manager' : s.role === 'practitioner' ? 'Practitioner' : 'Communication champion',
      }));
    const known = plan.flagged.filter((f) => compareIsoDates(f.since, date) <= 0);
    const discussed = new Map<string, string>();
    for (let n = rnd.int(2, 4); n > 0 && known.length > 0; n--) discussed.set(rnd.pick(known).childId, rnd.pick(childNotes));
    const roundMonth = [2, 3, 6, 7, 10, 11].includes(parseIsoDate(date).month);
    const checked = roundMonth ? rnd.int(4, 10) : rnd.int(0, 3);
    const visit: Visit = invoke('visits.record', {
      settingId: plan.settingId,
      id: planned?.id ?? null,
      heldDate: date,
      ...visitor,
      attendees,
      childrenDiscussed: [...discussed].map(([childId, note]) => ({ childId, note })),
      screensCheckedCount: checked,
      screensCheckedNote: checked > 0 ? 'Checked scoring and drop-backs with the champion.' : '',
      coaching: rnd.pick(coaching),
      notes: rnd.pick(notes),
      nextVisitDate: after,
    });
    result.visits++;
    result.actions += addActions(plan, visit, date, visitor.visitorName, i === dates.length - 1);
    result.settingTargets += settingTargets.atVisit(invoke, held, date);
    held++;
    planned = invoke('visits.schedule', { settingId: plan.settingId, plannedDate: after, ...visitor });
  }
  // The visit planned last is still to come (or, in one setting, overdue): it counts too.
  if (planned) result.visits++;
  return result;
}

/** Two to three actions; older ones mostly done (on the day they were done), the last visit's first one always open. */
function addActions(plan: DemoVisitsPlan, visit: Visit, date: string, visitorName: string, lastVisit: boolean): number {
  const { rnd, today, staff } = plan;
  const owners = staff.filter((s) => s.role !== 'slt-assistant');
  const count = rnd.int(2, 3);
  for (let n = 0; n < count; n++) {
    const dueIn = rnd.int(14, 35);
    const due = addDays(date, dueIn);
    const owner = rnd.chance(0.15) ? null : (owners.find((s) => s.role === 'communication-champion' && rnd.chance(0.5)) ?? rnd.pick(owners));
    const action = plan.invokeOn(date)('visits.addAction', {
      visitId: visit.id,
      description: rnd.pick(actionTexts),
      ownerStaffId: owner?.id ?? null,
      ownerName: owner ? '' : visitorName,
      dueDate: due,
    });
    const doneChance = compareIsoDates(due, addDays(today, -14)) < 0 ? 0.93 : compareIsoDates(due, today) < 0 ? 0.5 : 0.15;
    const doneOn = addDays(date, rnd.int(3, dueIn + 7));
    if (!(lastVisit && n === 0) && rnd.chance(doneChance) && compareIsoDates(doneOn, today) <= 0) {
      plan.invokeOn(doneOn)('visits.setActionDone', { id: action.id, done: true, doneDate: null, doneBy: owner?.name ?? visitorName });
    }
  }
  return count;
}
