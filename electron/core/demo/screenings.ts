import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import { addDays, ageInCompletedMonths, compareIsoDates, daysBetween, parseIsoDate } from '../../../shared/domain/dates.js';
import { sectionForAge, type Colour, type InstrumentSection } from '../../../shared/domain/screening.js';
import type { Child } from '../../../shared/schemas/children.js';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import type { ScreeningInput } from '../../../shared/schemas/screenings.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import type { SeededRandom } from './random.js';

// Demo screening histories: termly rounds before "today", review screens about 12 weeks after an
// Amber or Red result, and a persistent need level per child so that histories read plausibly
// (most children Green, some Amber who catch up, a few Red who stay Red).
//
// The default instrument has no cut-offs, so the demo enters the colour. The scores it enters
// beside them come from made-up bands (see scoreFor): they are NOT the toolkit's cut-offs.

type Invoke = <M extends MethodName>(method: M, input: MethodInput<M>) => MethodOutput<M>;

/** Months (1-12) in which a screening round starts: early October, February and June. */
const ROUND_MONTHS = [2, 6, 10] as const;
/** How many rounds back the demo goes. */
const ROUND_COUNT = 4;
/** A round is a window: children are screened over its first few weeks. */
const ROUND_WINDOW_DAYS = 18;
/** Share of children on roll who miss a round (absent, part-time, new key person...). */
const MISS_ROUND = 0.12;
/**
 * Children flagged last time and never review-screened are likelier to be missed in the latest
 * round too (their review slipped): this is what gives the demo overdue Amber and Red reviews.
 */
const MISS_LATEST_AFTER_UNREVIEWED_FLAG = 0.4;

export interface DemoScreeningContext {
  instrument: Instrument;
  /** Shared by every setting, so need levels are spread evenly over the whole demo. */
  needs: NeedDeck;
  /** Setting staff who screen: the communication champion and the practitioners. */
  champion: Staff | undefined;
  practitioners: readonly Staff[];
  today: string;
  rounds: readonly string[];
}

/**
 * The first day of the last few screening rounds before `today`, oldest first. A round counts
 * once it has been running for a week, so there is always someone screened in it.
 */
export function screeningRounds(today: string, count = ROUND_COUNT): string[] {
  const year = parseIsoDate(today).year;
  const starts: string[] = [];
  for (let y = year - 3; y <= year; y++) {
    for (const m of ROUND_MONTHS) starts.push(`${y}-${String(m).padStart(2, '0')}-01`);
  }
  return starts.filter((d) => daysBetween(d, today) >= 7).slice(-count);
}

/** Monday to Friday: settings screen on working days. */
export function toWeekday(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 6 ? addDays(iso, 2) : weekday === 0 ? addDays(iso, 1) : iso;
}

/** Out of the summer and Christmas holidays, when many settings close, then a working day. */
export function termTime(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  if (month === 8) return toWeekday(`${year}-09-02`);
  if (month === 12 && day >= 20) return toWeekday(`${year + 1}-01-05`);
  if (month === 1 && day < 5) return toWeekday(`${year}-01-05`);
  return toWeekday(iso);
}

// ---------------------------------------------------------------------------------------------
// A child's need

interface NeedProfile {
  /** How far behind the age section the child is, in sections (below 0.5 is Green). */
  base: number;
  /** Change per round (about four months): negative is catching up. */
  trend: number;
  /**
   * How much easier each section below is. Below 1 for children whose difficulties reach further
   * back, who then need more drop-backs (and can be Amber on two sections).
   */
  step: number;
}

type NeedLevel = 'typical' | 'some' | 'significant';

/**
 * Need levels dealt from shuffled decks of 50 (36 typical, 11 some need, 3 significant) rather
 * than drawn one by one: with only a few hundred children, independent draws make one demo
 * look far redder than another.
 */
export class NeedDeck {
  private deck: NeedLevel[] = [];

  constructor(private readonly rnd: SeededRandom) {}

  deal(): NeedProfile {
    if (this.deck.length === 0) this.deck = this.shuffled();
    const level = this.deck.pop() ?? 'typical';
    return needProfile(this.rnd, level);
  }

  private shuffled(): NeedLevel[] {
    const deck: NeedLevel[] = [...Array<NeedLevel>(36).fill('typical'), ...Array<NeedLevel>(11).fill('some'), ...Array<NeedLevel>(3).fill('significant')];
    for (let i = deck.length - 1; i > 0; i--) {
      const j = this.rnd.int(0, i);
      [deck[i], deck[j]] = [deck[j] as NeedLevel, deck[i] as NeedLevel];
    }
    return deck;
  }
}

function needProfile(rnd: SeededRandom, level: NeedLevel): NeedProfile {
  if (level === 'typical') return { base: -0.9 + rnd.next() * 1.1, trend: rnd.chance(0.05) ? 0.3 : 0, step: 1 };
  if (level === 'some') {
    const t = rnd.next();
    // Most catch up with targeted support, a few fall further behind.
    return {
      base: 0.5 + rnd.next() * 0.6,
      trend: t < 0.55 ? -0.2 - rnd.next() * 0.2 : t < 0.88 ? 0 : 0.25,
      step: rnd.chance(0.25) ? 0.6 : 1,
    };
  }
  // Significant need: Red mostly persists.
  return { base: 1.35 + rnd.next() * 1.2, trend: rnd.chance(0.25) ? -0.3 : 0, step: rnd.chance(0.3) ? 0.7 : 1 };
}

/** A small bell-shaped wobble around 0 (sum of uniforms), so one screening can differ a little. */
function wobble(rnd: SeededRandom, size: number): number {
  return (rnd.next() + rnd.next() - 1) * size;
}

function colourFor(x: number): Colour {
  return x > 0 ? 'green' : x > -0.95 ? 'amber' : 'red';
}

/** Demo-only score bands (about 80% and 50% of the items): never the toolkit's real cut-offs. */
function scoreFor(rnd: SeededRandom, colour: Colour, itemCount: number): number {
  const green = Math.ceil(itemCount * 0.8);
  const amber = Math.ceil(itemCount * 0.5);
  if (colour === 'green') return rnd.chance(0.55) ? itemCount : rnd.int(green, itemCount);
  if (colour === 'amber') return rnd.int(amber, Math.max(amber, green - 1));
  return rnd.int(Math.max(0, amber - 4), Math.max(0, amber - 1));
}

function itemsNotPassed(rnd: SeededRandom, colour: Colour, score: number, itemCount: number): number[] {
  const room = itemCount - score;
  const wanted = colour === 'green' ? (rnd.chance(0.3) ? Math.min(room, 1) : 0) : Math.min(room, rnd.int(2, 4));
  const items = new Set<number>();
  while (items.size < wanted) items.add(rnd.int(1, itemCount));
  return [...items].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Concerns and comments (fictional, short)

const practitionerConcerns = [
  'Rarely joins in at group time and does not respond to name across the room.',
  'Uses very few words for age; points and pulls adults to what they want.',
  'Speech is hard to understand for staff who do not know the child well.',
  'Repeats phrases from songs and videos rather than making new sentences.',
  'Gets frustrated when not understood and sometimes stops trying to talk.',
];
const parentConcerns = [
  'Parent worried: speaks much less than an older sibling did at this age.',
  'Parent says family members outside the home find the child hard to understand.',
  'Parent has noticed the child getting stuck on the first sound of words.',
  'Parent concerned the child does not follow simple instructions at home.',
];
const speechSoundComments = [
  "Fronting: says 'tat' for 'cat' and 'doe' for 'go'.",
  "Drops the ends of words ('ca' for 'cat').",
  "Says 'w' for 'r' and 'l'; typical for age.",
  'Clear speech in single words; less clear in longer sentences.',
  "Stopping: says 'dun' for 'sun'.",
];
const attentionComments = [
  'Attention is fleeting in a busy room; better one-to-one.',
  'Needs name called before an instruction to follow it.',
  'Focuses well on own choice of play; finds adult-led tasks harder.',
  'Listened well throughout and enjoyed the picture book.',
];
const stammeringComments = [
  'Some repeated sounds at the start of words when excited; not bothered by it.',
  'Occasional blocks on the first word of a sentence.',
];
const voiceComments = ['Voice often hoarse after outdoor play.', 'Speaks very quietly; check again next screen.'];
const otherComments = [
  'Tired on the day; screened again later in the week.',
  'Bilingual: parent reports more words in the home language.',
  'Shy at first, then chatted happily.',
  'Screened in the quiet room with a familiar adult.',
  'Recently moved rooms; settling in.',
];

// ---------------------------------------------------------------------------------------------

interface Done {
  date: string;
  colour: Colour;
  reviewDate: string;
  review: boolean;
}

/**
 * Screens one demo child through every round they were on roll and of screening age, through the
 * API. Returns the number of screenings created.
 */
export function addDemoScreenings(invoke: Invoke, rnd: SeededRandom, ctx: DemoScreeningContext, child: Child): number {
  const profile = ctx.needs.deal();
  const sections = ctx.instrument.sections;
  const first = ctx.rounds[0];
  if (first === undefined) return 0;
  const history: Done[] = [];

  const screen = (date: string, review: boolean): Done | null => {
    if (compareIsoDates(date, ctx.today) > 0 || compareIsoDates(date, child.dateOfBirth) < 0) return null;
    if (child.startDate && compareIsoDates(child.startDate, date) > 0) return null;
    const months = ageInCompletedMonths(child.dateOfBirth, date);
    const ageSection = sectionForAge(sections, months);
    if (ageSection === null) return null;
    const done = createScreening(invoke, rnd, ctx, child, { date, months, ageSection, review, profile, roundsIn: daysBetween(first, date) / 122 });
    history.push(done);
    return done;
  };

  ctx.rounds.forEach((start, index) => {
    const latestRound = index === ctx.rounds.length - 1;
    const next = ctx.rounds[index + 1];
    const date = toWeekday(addDays(start, rnd.int(0, ROUND_WINDOW_DAYS)));
    const last = history[history.length - 1];
    // Just review-screened: the round has nothing new to say about this child.
    if (last?.review && daysBetween(last.date, date) < 56) return;
    const unreviewedFlag = last !== undefined && !last.review && last.colour !== 'green';
    if (rnd.chance(latestRound && unreviewedFlag ? MISS_LATEST_AFTER_UNREVIEWED_FLAG : MISS_ROUND)) return;
    const done = screen(date, false);
    if (!done || done.colour === 'green') return;
    // A review screen about 12 weeks later, unless the next round comes first.
    if (!rnd.chance(done.colour === 'red' ? 0.75 : 0.6)) return;
    const reviewOn = termTime(addDays(done.reviewDate, rnd.int(-3, 10)));
    if (next !== undefined && daysBetween(reviewOn, next) < 14) return;
    screen(reviewOn, true);
  });
  return history.length;
}

interface ScreenPlan {
  date: string;
  months: number;
  ageSection: number;
  review: boolean;
  profile: NeedProfile;
  roundsIn: number;
}

function createScreening(invoke: Invoke, rnd: SeededRandom, ctx: DemoScreeningContext, child: Child, plan: ScreenPlan): Done {
  // Under-2s are more often flagged (over-identification), which also lets them "catch up" later.
  const delay = plan.profile.base + plan.profile.trend * plan.roundsIn + wobble(rnd, 0.35) + (plan.months < 24 ? 0.15 : 0);
  const tried: ScreeningInput['sections'] = [];
  for (let section = plan.ageSection; section >= 1; section--) {
    const colour = colourFor((plan.ageSection - section) * plan.profile.step + 0.5 - delay + wobble(rnd, 0.3));
    const itemCount = findItemCount(ctx.instrument.sections, section);
    const score = scoreFor(rnd, colour, itemCount);
    tried.push({ section, score, colour, itemsNotPassed: itemsNotPassed(rnd, colour, score, itemCount) });
    if (colour === 'green') break;
  }
  const ageColour = tried[0]?.colour ?? 'green';
  const flagged = ageColour !== 'green';
  const concernPractitioner = rnd.chance(ageColour === 'red' ? 0.35 : ageColour === 'amber' ? 0.1 : 0.015);
  const concernParent = rnd.chance(flagged ? 0.12 : 0.02);
  const details = [concernPractitioner ? rnd.pick(practitionerConcerns) : '', concernParent ? rnd.pick(parentConcerns) : ''].filter(Boolean);
  const comment = (p: number, list: readonly string[]) => (rnd.chance(p) ? rnd.pick(list) : '');

  const screener = pickScreener(rnd, ctx, child, plan.review);
  const result = invoke('screenings.create', {
    childId: child.id,
    instrumentId: ctx.instrument.id,
    screeningDate: plan.date,
    screenerId: screener?.id ?? null,
    parentPresent: rnd.chance(plan.review ? 0.5 : 0.2),
    concernPractitioner,
    concernParent,
    concernDetails: details.join(' '),
    sections: tried,
    comments: {
      speechSounds: comment(flagged ? 0.35 : 0.08, speechSoundComments),
      attention: comment(flagged ? 0.25 : 0.06, attentionComments),
      stammering: comment(0.02, stammeringComments),
      voice: comment(0.01, voiceComments),
      other: comment(plan.review ? 0.15 : 0.06, otherComments),
    },
    action: null,
  });
  return { date: plan.date, colour: result.colour, reviewDate: result.reviewDate, review: plan.review };
}

function findItemCount(sections: readonly InstrumentSection[], section: number): number {
  return sections.find((s) => s.section === section)?.itemCount ?? 12;
}

/** The key person usually screens; otherwise (and mostly for review screens) the communication champion. */
function pickScreener(rnd: SeededRandom, ctx: DemoScreeningContext, child: Child, review: boolean): Staff | undefined {
  const keyPerson = ctx.practitioners.find((s) => s.id === child.keyPersonId) ?? (ctx.champion?.id === child.keyPersonId ? ctx.champion : undefined);
  if (ctx.champion && rnd.chance(review ? 0.7 : 0.35)) return ctx.champion;
  if (keyPerson && rnd.chance(0.8)) return keyPerson;
  return ctx.practitioners.length > 0 ? rnd.pick(ctx.practitioners) : ctx.champion;
}
