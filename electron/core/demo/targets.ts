import { addDays, compareIsoDates, daysBetween, parseIsoDate } from '../../../shared/domain/dates.js';
import type { ProgressRating, ReviewOutcome } from '../../../shared/domain/targets.js';
import type { Child } from '../../../shared/schemas/children.js';
import type { Screening } from '../../../shared/schemas/screenings.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import type { Invoke } from './on-day.js';
import type { SeededRandom } from './random.js';

// Demo children's targets and their reviews. A target starts a few days after the screen that
// first flagged a child and is reviewed about every six weeks, each review recorded on its own
// day. Children who caught up have a target closed as achieved or partly achieved; children still
// Red or Amber mostly have an active one (some after an earlier target closed or stopped), a few
// have none yet (the "Red or Amber with no active target" list). Some reviews slipped, so some
// targets are overdue for review and some fall due this week.

/** Weeks between reviews. */
const REVIEW_EVERY_DAYS = 42;
/** Share of children still Red or Amber who have a target. */
const WITH_TARGET = 0.8;
/** Share of active targets whose last review slipped (so the target is overdue for review). */
const SLIPPED = 0.2;

interface Aim {
  aim: string;
  activities: string;
  strategies: readonly string[];
}

const aims: readonly Aim[] = [
  {
    aim: 'Will use two-word phrases to ask for things at snack time (for example "more milk").',
    activities: 'Offer two choices at snack; wait, then say the two-word phrase back.',
    strategies: ['Offer choices', 'Say it back and add a word'],
  },
  {
    aim: 'Will follow a simple instruction with one key word, without a gesture to help.',
    activities: 'Posting game with three objects: "Give me the cup". Praise and repeat.',
    strategies: ['Slow, simple talk', 'Show as well as say'],
  },
  {
    aim: 'Will take five turns in a simple game with an adult.',
    activities: 'Rolling a ball or building a tower together, saying "my turn", "your turn".',
    strategies: ['Keep the conversation going', 'Wait for the child'],
  },
  {
    aim: 'Will listen to a short story in a small group and join in with the actions.',
    activities: 'Small-group story with props, three times a week; the same story all week.',
    strategies: ['Share books together', 'Show as well as say'],
  },
  {
    aim: 'Will use 50 single words, noted by the key person and at home.',
    activities: 'Word list shared with home; name things during play and routines.',
    strategies: ['Name things, actions and feelings', 'Share a strategy with parents'],
  },
  {
    aim: 'Will answer "what" and "where" questions about a picture book.',
    activities: 'One-to-one book sharing; comment first, then ask one question.',
    strategies: ['Share books together', 'Comment more, question less'],
  },
  {
    aim: 'Will look towards an adult who says their name across the room.',
    activities: 'Say the child’s name, wait, then speak; praise looking.',
    strategies: ["Get down to the child's level", 'Wait for the child'],
  },
  {
    aim: 'Will join in with the actions and last words of five familiar songs.',
    activities: 'Song basket at the end of each session; pause before the last word.',
    strategies: ['Songs and rhymes with pauses'],
  },
  {
    aim: 'Will use words to tell an adult what they want instead of pulling them to it.',
    activities: 'Favourite toys in sight but out of reach; model the word and wait.',
    strategies: ['A communication-friendly room', 'Answer every attempt'],
  },
  {
    aim: 'Will understand and use "in", "on" and "under" in play.',
    activities: 'Hiding games with a teddy and a box; commentary while the child plays.',
    strategies: ['Running commentary', 'Show the right way without correcting'],
  },
  {
    aim: 'Will use three-word sentences to talk about what they are doing.',
    activities: 'Running commentary in play; add one word to what the child says.',
    strategies: ['Say it back and add a word', 'Running commentary'],
  },
];
const deliveredBy = ['Key person', 'Key person and communication champion', 'Room team', 'Key person, with parents at home'];
const howOften = ['Daily, 10 minutes', 'Three times a week', 'Every session, in routines', 'Twice a week, small group'];
const places = ['Quiet room', 'Book corner', 'Snack table', 'Garden and room', 'Small-group area'];
const activeNotes: Record<ProgressRating, readonly string[]> = {
  none: ['Absent for two weeks; not enough time to judge. Carry on.', 'Finding it hard; break the target into smaller steps next time.'],
  some: ['Some progress: does it with the key person, not yet with others.', 'Starting to join in; needs reminders. Carry on as agreed.'],
  good: ['Good progress: doing this most days. Parents see it at home too.', 'Much more confident; keep going to make it stick.'],
  met: ['Doing this reliably; carry on for a few weeks to be sure.'],
};
const closedNotes: Record<'achieved' | 'partly-achieved', readonly string[]> = {
  achieved: ['Target met in the room and at home. Closed: well done.', 'Reliably doing this across the week. Closed as achieved.'],
  'partly-achieved': ['Does this with familiar adults only. Closed; next step set.', 'Most of the way there; a new target builds on it.'],
};
const stopReasons = [
  'Referred to speech and language therapy: the therapist’s plan replaces this target.',
  'Needs changed after the review screen: a new target fits better.',
];

/** What targets need of a child. */
type DemoChild = Pick<Child, 'id' | 'keyPersonId'>;

export interface DemoTargetsPlan {
  invokeOn: (today: string) => Invoke;
  rnd: SeededRandom;
  today: string;
  /** The first demo setting has targets the end-to-end tests rely on (see forced below). */
  first: boolean;
  champion: Staff | undefined;
  staff: readonly Staff[];
  /** Strategy ids by title: the shared library's and the setting's own. */
  strategyIds: ReadonlyMap<string, string>;
  ownStrategyId: string | null;
}

export interface DemoTargetsResult {
  targets: number;
  reviews: number;
  /** Children with a flagged screen, and the date of the first: what visits talk about. */
  flagged: { childId: string; since: string }[];
}

/** The Monday of the week `iso` falls in. */
export function weekStart(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

export function addDemoTargets(invoke: Invoke, plan: DemoTargetsPlan, children: readonly DemoChild[]): DemoTargetsResult {
  const result: DemoTargetsResult = { targets: 0, reviews: 0, flagged: [] };
  // Two children in the first setting are always due for review (one overdue, one due this week).
  const forced: ('overdue' | 'this-week')[] = plan.first ? ['overdue', 'this-week'] : [];
  for (const child of children) {
    const screenings = invoke('screenings.listForChild', { childId: child.id }).sort((a, b) => a.screeningDate.localeCompare(b.screeningDate));
    const firstFlag = screenings.find((s) => s.colour !== 'green');
    const latest = screenings[screenings.length - 1];
    if (!firstFlag || !latest) continue;
    result.flagged.push({ childId: child.id, since: firstFlag.screeningDate });
    const stillFlagged = latest.colour !== 'green';
    if (stillFlagged && !plan.rnd.chance(WITH_TARGET)) continue;
    const start = addDays(firstFlag.screeningDate, plan.rnd.int(3, 10));
    if (compareIsoDates(start, plan.today) > 0) continue;
    const force = stillFlagged && daysBetween(start, plan.today) >= 63 ? forced.shift() : undefined;
    targetHistory(plan, child, firstFlag, stillFlagged ? null : latest.screeningDate, force, result);
  }
  return result;
}

/**
 * One child's targets from `start` to today. `caughtUpOn` is the screen that found the child
 * Green again (the target closes at the next review), null for a child still flagged.
 */
function targetHistory(
  plan: DemoTargetsPlan,
  child: DemoChild,
  screening: Screening,
  caughtUpOn: string | null,
  force: 'overdue' | 'this-week' | undefined,
  result: DemoTargetsResult,
): void {
  const { rnd, today } = plan;
  const monday = weekStart(today);
  const reviewer = plan.staff.find((s) => s.id === child.keyPersonId)?.name ?? plan.champion?.name ?? 'Key person';
  let start = addDays(screening.screeningDate, rnd.int(3, 10));
  let aimIndex = rnd.int(0, aims.length - 1);
  let target = createTarget(plan, child, start, addDays(start, REVIEW_EVERY_DAYS), aimIndex, screening);
  result.targets++;
  // Reviews due before this week are done (unless the last slipped); later ones are still to come.
  const slipped = force === 'overdue' || (force === undefined && caughtUpOn === null && rnd.chance(SLIPPED));
  let stopOrClose = caughtUpOn === null && force === undefined && rnd.chance(0.35);
  let reviewsDone = 0;
  for (;;) {
    const due = target.reviewDate;
    const next = addDays(due, REVIEW_EVERY_DAYS);
    if (compareIsoDates(due, monday) >= 0) break;
    if (slipped && compareIsoDates(next, monday) >= 0) break;
    const on = minDate(addDays(due, rnd.int(-2, 4)), addDays(monday, -1));
    const reviewOn = compareIsoDates(on, target.startDate) < 0 ? target.startDate : on;
    const invoke = plan.invokeOn(reviewOn);
    const closing = caughtUpOn !== null && compareIsoDates(caughtUpOn, reviewOn) <= 0;
    if (closing) {
      const outcome: ReviewOutcome = rnd.chance(0.7) ? 'achieved' : 'partly-achieved';
      review(invoke, target.id, reviewOn, reviewer, outcome === 'achieved' ? 'met' : 'good', rnd.pick(closedNotes[outcome]), outcome, null);
      result.reviews++;
      return;
    }
    // A child still flagged: after a couple of reviews, some targets close (a next step follows) or stop.
    if (stopOrClose && reviewsDone >= 2 && compareIsoDates(addDays(reviewOn, REVIEW_EVERY_DAYS * 2), monday) < 0) {
      stopOrClose = false;
      if (rnd.chance(0.25)) {
        invoke('targets.stop', { id: target.id, stoppedOn: reviewOn, reason: rnd.pick(stopReasons) });
      } else {
        const outcome = rnd.chance(0.5) ? 'achieved' : 'partly-achieved';
        review(invoke, target.id, reviewOn, reviewer, outcome === 'achieved' ? 'met' : 'some', rnd.pick(closedNotes[outcome]), outcome, null);
        result.reviews++;
      }
      start = reviewOn;
      aimIndex = (aimIndex + rnd.int(1, aims.length - 1)) % aims.length;
      target = createTarget(plan, child, start, addDays(start, REVIEW_EVERY_DAYS), aimIndex, null);
      result.targets++;
      reviewsDone = 0;
      continue;
    }
    const progress = rnd.pick<ProgressRating>(['none', 'some', 'some', 'good', 'good']);
    // The child due this week has the last review moved to fall in this week, on or before today.
    const lastBeforeThisWeek = compareIsoDates(next, monday) >= 0;
    const nextDue = force === 'this-week' && lastBeforeThisWeek ? addDays(monday, rnd.int(0, Math.max(0, daysBetween(monday, today)))) : next;
    target = review(invoke, target.id, reviewOn, reviewer, progress, rnd.pick(activeNotes[progress]), 'active', nextDue);
    result.reviews++;
    reviewsDone++;
  }
}

function minDate(a: string, b: string): string {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

function createTarget(plan: DemoTargetsPlan, child: DemoChild, start: string, reviewDate: string, aimIndex: number, screening: Screening | null) {
  const { rnd } = plan;
  const aim = aims[aimIndex] ?? aims[0];
  const linked = (aim?.strategies ?? []).map((t) => plan.strategyIds.get(t)).filter((id): id is string => id !== undefined);
  // The setting with its own strategy (a story sack for families) uses it for book and home targets, and some others.
  const sharing = (aim?.strategies ?? []).some((t) => t.startsWith('Share'));
  if (plan.ownStrategyId && (sharing || rnd.chance(0.3))) linked.push(plan.ownStrategyId);
  return plan.invokeOn(start)('targets.create', {
    childId: child.id,
    screeningId: screening?.id ?? null,
    section: screening?.activitySection ?? null,
    aim: aim?.aim ?? 'Will join in with talk during play.',
    activities: aim?.activities ?? '',
    deliveredBy: rnd.pick(deliveredBy),
    howOften: rnd.pick(howOften),
    place: rnd.pick(places),
    startDate: start,
    reviewDate,
    strategyIds: linked,
  });
}

function review(
  invoke: Invoke,
  targetId: string,
  reviewDate: string,
  reviewer: string,
  progress: ProgressRating,
  note: string,
  status: ReviewOutcome,
  nextReviewDate: string | null,
) {
  return invoke('targets.review', { targetId, reviewDate, reviewer, progress, note, status, nextReviewDate });
}
