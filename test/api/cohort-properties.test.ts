import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { MethodInput, MethodOutput } from '../../shared/contract/index.js';
import { addDays, addMonths, addWeeks, ageInCompletedMonths, daysBetween } from '../../shared/domain/dates.js';
import { onRollDuring, onRollOn } from '../../shared/domain/roll.js';
import { defaultInstrumentSections, defaultReviewIntervals, sectionForAge, type Colour } from '../../shared/domain/screening.js';
import { ApiCallError } from '../../shared/errors.js';
import { ethnicities, sendStageLabels, sendStages, sexes, sexLabels, type EthnicityCode, type SendStage, type Sex } from '../../shared/schemas/children.js';
import { cohortGroupings, type CohortGrouping, type CohortScope, type RagCounts } from '../../shared/schemas/cohort.js';
import type { SettingType } from '../../shared/schemas/settings.js';
import { testCore, testToday } from '../support/core.js';

// Property tests for cohort tracking: random small worlds (settings with local authorities and
// types, rooms, staff, children with random dates, screenings with valid drop-back chains (some
// stopped early, with a reason, before reaching Green), room
// moves between screenings, rounds created before and after the screenings) are built through
// the API, then every cohort method is compared with a brute-force recount in plain TypeScript
// over a model of what was created. A random list of edits follows (screenings moved, added and
// deleted, child details and rooms changed, children archived, settings archived, rounds created,
// moved, renamed and deleted, including refused ones), and everything is compared again.
//
// Same-date screenings of one child are deliberately not generated here: which one counts is
// covered (and currently fails, see cohort.test.ts) by a hand-built test, and would otherwise make
// every property flaky.

const TODAY = testToday; // 2026-11-27
/** Screenings fall between BASE and TODAY. */
const BASE = '2025-01-01';
const SPAN = daysBetween(BASE, TODAY);
/** Dates of birth from DOB_BASE: ages at screenings run from babies to beyond the top section. */
const DOB_BASE = '2020-01-01';
const DOB_SPAN = daysBetween(DOB_BASE, TODAY);
/** Always created, always empty: no screening can be dated after today. */
const FUTURE_ROUND = { startDate: '2027-01-04', endDate: '2027-04-09' };

const severity: Record<Colour, number> = { green: 0, amber: 1, red: 2 };
const colours: Colour[] = ['red', 'amber', 'green'];

// ----- The model ---------------------------------------------------------------------------

interface MSetting {
  id: string;
  name: string;
  la: string;
  type: SettingType;
  archived: boolean;
  rooms: { id: string; name: string }[];
  staff: { id: string; name: string }[];
}

interface MChild {
  id: string;
  settingId: string;
  firstName: string;
  lastName: string;
  dob: string;
  sex: Sex;
  ethnicity: EthnicityCode;
  eal: boolean;
  sendStage: SendStage;
  funded2: boolean;
  eypp: boolean;
  roomId: string | null;
  keyPersonId: string | null;
  startDate: string | null;
  leaveDate: string | null;
  archived: boolean;
}

interface MScreening {
  id: string;
  childId: string;
  settingId: string;
  date: string;
  /** Creation order. */
  seq: number;
  ageSection: number;
  colour: Colour;
  workingAt: number | null;
  reviewDate: string;
  /** Marked as stopped before a Green section: counted as incomplete. */
  stoppedEarly: boolean;
  roomId: string | null;
  keyPersonId: string | null;
}

interface MRound {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

interface Model {
  settings: MSetting[];
  children: MChild[];
  screenings: MScreening[];
  rounds: MRound[];
  seq: number;
  roundNames: number;
}

const zero = (): RagCounts => ({ red: 0, amber: 0, green: 0, total: 0 });
function addTo(r: RagCounts, c: Colour): void {
  r[c] += 1;
  r.total += 1;
}

const later = (a: MScreening, b: MScreening) => a.date > b.date || (a.date === b.date && a.seq > b.seq);

/** Each child's latest screening dated inside the round. */
function roundResults(m: Model, round: MRound): Map<string, MScreening> {
  const best = new Map<string, MScreening>();
  for (const s of m.screenings) {
    if (s.date < round.startDate || s.date > round.endDate) continue;
    const cur = best.get(s.childId);
    if (!cur || later(s, cur)) best.set(s.childId, s);
  }
  return best;
}

function latestOverall(m: Model, childId: string): MScreening | null {
  let best: MScreening | null = null;
  for (const s of m.screenings) if (s.childId === childId && (!best || later(s, best))) best = s;
  return best;
}

function scopeSettings(m: Model, scope: CohortScope): Set<string> {
  if (scope.settingId) return new Set([scope.settingId]);
  return new Set(
    m.settings
      .filter(
        (s) => !s.archived && (scope.localAuthority == null || s.la === scope.localAuthority) && (scope.settingType == null || s.type === scope.settingType),
      )
      .map((s) => s.id),
  );
}

function resultsInScope(m: Model, scope: CohortScope, round: MRound): MScreening[] {
  const ids = scopeSettings(m, scope);
  return [...roundResults(m, round).values()].filter((s) => ids.has(s.settingId));
}

const childOf = (m: Model, id: string): MChild => {
  const c = m.children.find((x) => x.id === id);
  if (!c) throw new Error(`no child ${id} in the model`);
  return c;
};

function season(dob: string): string {
  const month = Number(dob.slice(5, 7));
  return month >= 9 ? 'autumn' : month <= 4 ? 'spring' : 'summer';
}

function keyOf(g: CohortGrouping, c: MChild, s: MScreening): string {
  switch (g) {
    case 'ageSection':
      return String(s.ageSection);
    case 'sex':
      return c.sex;
    case 'eal':
      return c.eal ? '1' : '0';
    case 'sendStage':
      return c.sendStage;
    case 'ethnicity':
      return c.ethnicity;
    case 'funded2':
      return c.funded2 ? '1' : '0';
    case 'eypp':
      return c.eypp ? '1' : '0';
    case 'room':
      return s.roomId ?? '';
    case 'keyPerson':
      return s.keyPersonId ?? '';
    case 'seasonOfBirth':
      return season(c.dob);
    case 'setting':
      return s.settingId;
  }
}

function labelOf(m: Model, g: CohortGrouping, key: string): string {
  switch (g) {
    case 'ageSection':
      return `Section ${key}`;
    case 'sex':
      return sexLabels[key as Sex];
    case 'eal':
      return key === '1' ? 'EAL' : 'Not EAL';
    case 'sendStage':
      return sendStageLabels[key as SendStage];
    case 'ethnicity':
      return ethnicities[key as EthnicityCode];
    case 'funded2':
    case 'eypp':
      return key === '1' ? 'Yes' : 'No';
    case 'room':
      return key === '' ? 'No room' : (m.settings.flatMap((s) => s.rooms).find((r) => r.id === key)?.name ?? '?');
    case 'keyPerson':
      return key === '' ? 'No key person' : (m.settings.flatMap((s) => s.staff).find((r) => r.id === key)?.name ?? '?');
    case 'seasonOfBirth':
      return { autumn: 'Autumn-born', spring: 'Spring-born', summer: 'Summer-born' }[key] ?? '?';
    case 'setting':
      return m.settings.find((s) => s.id === key)?.name ?? '?';
  }
}

function expectedBreakdown(m: Model, scope: CohortScope, round: MRound, g: CohortGrouping, suppressBelow: number) {
  const rows = new Map<string, RagCounts>();
  const total = zero();
  for (const s of resultsInScope(m, scope, round)) {
    const key = keyOf(g, childOf(m, s.childId), s);
    const row = rows.get(key) ?? zero();
    rows.set(key, row);
    addTo(row, s.colour);
    addTo(total, s.colour);
  }
  return {
    rows: [...rows].map(([key, r]) => {
      const suppressed = r.total < suppressBelow;
      return { key, label: labelOf(m, g, key), suppressed, ...(suppressed ? zero() : r) };
    }),
    total,
  };
}

function expectedWorkingAt(m: Model, scope: CohortScope, round: MRound) {
  const rows = new Map<
    number,
    { ageSection: number; onTrack: number; oneBehind: number; twoBehind: number; threeOrMoreBehind: number; belowAllTried: number; total: number }
  >();
  for (const s of resultsInScope(m, scope, round)) {
    const row = rows.get(s.ageSection) ?? {
      ageSection: s.ageSection,
      onTrack: 0,
      oneBehind: 0,
      twoBehind: 0,
      threeOrMoreBehind: 0,
      belowAllTried: 0,
      total: 0,
    };
    rows.set(s.ageSection, row);
    row.total += 1;
    if (s.workingAt === null) row.belowAllTried += 1;
    else {
      const behind = s.ageSection - s.workingAt;
      if (behind <= 0) row.onTrack += 1;
      else if (behind === 1) row.oneBehind += 1;
      else if (behind === 2) row.twoBehind += 1;
      else row.threeOrMoreBehind += 1;
    }
  }
  return [...rows.values()].sort((a, b) => a.ageSection - b.ageSection);
}

// The model counts by the app's one definition of "on roll" (shared/domain/roll.ts): these
// properties check that every query follows it.
const onRollIn = (c: MChild, round: MRound) => onRollDuring(c, round);
const onRollToday = (c: MChild) => onRollOn(c, TODAY);

function overdueChildren(m: Model, settingIds: Set<string>): MChild[] {
  return m.children.filter((c) => {
    if (!settingIds.has(c.settingId) || !onRollToday(c)) return false;
    const latest = latestOverall(m, c.id);
    return latest !== null && latest.reviewDate < TODAY;
  });
}

function expectedOverview(m: Model, scope: CohortScope, round: MRound) {
  const ids = scopeSettings(m, scope);
  const results = roundResults(m, round);
  const onRoll = m.children.filter((c) => ids.has(c.settingId) && onRollIn(c, round));
  return {
    childrenOnRoll: onRoll.length,
    childrenOnRollToday: m.children.filter((c) => ids.has(c.settingId) && onRollToday(c)).length,
    overdue: overdueChildren(m, ids).length,
    notScreened: onRoll.filter((c) => !results.has(c.id)).length,
    screened: resultsInScope(m, scope, round).length,
    incomplete: resultsInScope(m, scope, round).filter((s) => s.stoppedEarly).length,
  };
}

function expectedTrend(m: Model, scope: CohortScope) {
  return [...m.rounds]
    .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
    .map((r) => {
      const rag = zero();
      for (const s of resultsInScope(m, scope, r)) addTo(rag, s.colour);
      return { roundId: r.id, name: r.name, startDate: r.startDate, ...rag };
    });
}

function transitionPairs(m: Model, scope: CohortScope, from: MRound, to: MRound): { child: MChild; from: MScreening; to: MScreening }[] {
  const before = roundResults(m, from);
  return resultsInScope(m, scope, to).flatMap((s) => {
    const f = before.get(s.childId);
    return f ? [{ child: childOf(m, s.childId), from: f, to: s }] : [];
  });
}

function expectedTransitions(m: Model, scope: CohortScope, from: MRound, to: MRound) {
  const matrix = { red: { red: 0, amber: 0, green: 0 }, amber: { red: 0, amber: 0, green: 0 }, green: { red: 0, amber: 0, green: 0 } };
  let improved = 0;
  let same = 0;
  let worse = 0;
  for (const p of transitionPairs(m, scope, from, to)) {
    matrix[p.from.colour][p.to.colour] += 1;
    const change = severity[p.to.colour] - severity[p.from.colour];
    if (change < 0) improved += 1;
    else if (change > 0) worse += 1;
    else same += 1;
  }
  return { matrix, improved, same, worse, total: improved + same + worse };
}

function expectedSettings(m: Model, round: MRound, la: string | null, type: SettingType | null) {
  const results = [...roundResults(m, round).values()];
  const rows = m.settings
    .filter((s) => !s.archived && (la === null || s.la === la) && (type === null || s.type === type))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
    .map((s) => {
      const rag = zero();
      for (const r of results) if (r.settingId === s.id) addTo(rag, r.colour);
      return {
        incomplete: results.filter((r) => r.settingId === s.id && r.stoppedEarly).length,
        settingId: s.id,
        settingName: s.name,
        localAuthority: s.la,
        settingType: s.type,
        childrenOnRoll: m.children.filter((c) => c.settingId === s.id && onRollIn(c, round)).length,
        childrenOnRollToday: m.children.filter((c) => c.settingId === s.id && onRollToday(c)).length,
        overdue: overdueChildren(m, new Set([s.id])).length,
        ...rag,
      };
    });
  const total = { red: 0, amber: 0, green: 0, total: 0, childrenOnRoll: 0, childrenOnRollToday: 0, overdue: 0, incomplete: 0 };
  for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return { rows, total };
}

// ----- Generators --------------------------------------------------------------------------

const colourArb = fc.constantFrom<Colour>('red', 'amber', 'green');
/**
 * Colours for the sections tried, top first; the chain stops at the first Green or section 1,
 * or, now and then, after `stopAfter` more sections: then it is marked as stopped early.
 */
const chainArb = fc.record({
  picks: fc.array(colourArb, { minLength: 1, maxLength: 9 }),
  stopAfter: fc.option(fc.nat({ max: 3 }), { freq: 3 }),
});
type ChainSpec = typeof chainArb extends fc.Arbitrary<infer T> ? T : never;
const ethnicityArb = fc.constantFrom<EthnicityCode>('WBRI', 'APKN', 'BAFR', 'NOBT');
const moveArb = fc.record({ room: fc.option(fc.nat({ max: 5 })), key: fc.option(fc.nat({ max: 5 })) });

const screeningSpecArb = fc.record({
  when: fc.nat({ max: 100_000 }),
  chain: chainArb,
  /** A room/key person change made just before this screening is entered. */
  moveBefore: fc.option(moveArb, { freq: 2 }),
});

const childSpecArb = fc.record({
  firstName: fc.constantFrom('Ada', 'ben', 'Cy', 'dee', 'Eve'),
  lastName: fc.constantFrom('Ash', 'birch', 'Cole', 'dunn'),
  dob: fc.nat({ max: DOB_SPAN }),
  sex: fc.constantFrom(...sexes),
  ethnicity: ethnicityArb,
  eal: fc.boolean(),
  sendStage: fc.constantFrom(...sendStages),
  funded2: fc.boolean(),
  eypp: fc.boolean(),
  room: fc.option(fc.nat({ max: 5 })),
  key: fc.option(fc.nat({ max: 5 })),
  /** Days after the date of birth. */
  start: fc.option(fc.nat({ max: 2400 })),
  /** Days after the start (or date of birth). */
  leave: fc.option(fc.nat({ max: 1200 }), { freq: 2 }),
  screenings: fc.array(screeningSpecArb, { maxLength: 4 }),
  /** Moved after all their screenings were entered. */
  finalMove: fc.option(moveArb, { freq: 3 }),
  archive: fc.nat({ max: 4 }).map((n) => n === 0),
});

const settingSpecArb = fc.record({
  la: fc.constantFrom('Northshire', 'Southshire'),
  type: fc.constantFrom<SettingType>('nursery', 'pre-school', 'childminder'),
  rooms: fc.subarray(['Ducks', 'owls', 'Bees', 'ants'], { maxLength: 3 }),
  staff: fc.subarray(['Kim', 'lee', 'Max'], { maxLength: 2 }),
  children: fc.array(childSpecArb, { maxLength: 15 }),
  archived: fc.nat({ max: 3 }).map((n) => n === 0),
});

const dayArb = fc.integer({ min: -60, max: SPAN + 120 });
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('moveScreening' as const), i: fc.nat(), when: fc.nat({ max: 100_000 }), chain: chainArb }),
  fc.record({ kind: fc.constant('addScreening' as const), i: fc.nat(), when: fc.nat({ max: 100_000 }), chain: chainArb }),
  fc.record({ kind: fc.constant('deleteScreening' as const), i: fc.nat() }),
  fc.record({
    kind: fc.constant('editChild' as const),
    i: fc.nat(),
    sex: fc.constantFrom(...sexes),
    ethnicity: ethnicityArb,
    eal: fc.boolean(),
    sendStage: fc.constantFrom(...sendStages),
    funded2: fc.boolean(),
    eypp: fc.boolean(),
    dobEarlier: fc.nat({ max: 150 }),
    move: moveArb,
    start: fc.option(fc.nat({ max: 2400 })),
    leave: fc.option(fc.nat({ max: 1200 }), { freq: 2 }),
  }),
  fc.record({ kind: fc.constant('archiveChild' as const), i: fc.nat(), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('archiveSetting' as const), i: fc.nat(), archived: fc.boolean() }),
  // A length below 0 is an end before the start (refused). With `fit` the dates are placed in a
  // free stretch between the other rounds (accepted unless the name clashes); without, anywhere.
  ...(['createRound', 'editRound'] as const).map((kind) =>
    fc.record({
      kind: fc.constant(kind),
      i: fc.nat(),
      a: dayArb,
      length: fc.integer({ min: -10, max: 150 }),
      fit: fc.nat({ max: 3 }).map((n) => n > 0),
      /** Mostly a new name; sometimes the name of another round in other case (refused). */
      sameNameAs: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
    }),
  ),
  fc.record({ kind: fc.constant('deleteRound' as const), i: fc.nat() }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

const worldArb = fc.record({
  names: fc.shuffledSubarray(['acorn Lane', 'Birch House', 'cedar Court', 'Dove Den'], { minLength: 3, maxLength: 3 }),
  settings: fc.array(settingSpecArb, { minLength: 2, maxLength: 3 }),
  /** Day offsets from BASE: 1 to 3 past rounds, each from one cut to just before the next, less a gap. */
  roundCuts: fc.uniqueArray(fc.integer({ min: -30, max: SPAN + 30 }), { minLength: 2, maxLength: 4 }),
  roundGaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
  /** Which rounds (past ones in order, then the future one) are created before any screening. */
  early: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  mutations: fc.array(mutationArb, { maxLength: 10 }),
});
type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

// ----- Building a world through the API ----------------------------------------------------

/** The valid screening window of a child, or null when they are never 6 to 72 months old in it. */
function window(dob: string): { lo: string; hi: string } | null {
  const lo = [BASE, addMonths(dob, 6)].sort()[1] as string;
  const hi = [TODAY, addDays(addMonths(dob, 73), -1)].sort()[0] as string;
  return lo <= hi ? { lo, hi } : null;
}

/** A drop-back chain: the age section first, one section down after Red/Amber, until Green or section 1. */
function chainFor(ageSection: number, picks: Colour[]): { section: number; colour: Colour }[] {
  const out: { section: number; colour: Colour }[] = [];
  for (let section = ageSection, i = 0; section >= 1; section -= 1, i += 1) {
    const colour = picks[i] ?? 'green';
    out.push({ section, colour });
    if (colour === 'green') break;
  }
  return out;
}

class World {
  readonly core: Core;
  readonly m: Model = { settings: [], children: [], screenings: [], rounds: [], seq: 0, roundNames: 0 };
  readonly instrumentId: string;

  constructor() {
    this.core = testCore({ path: ':memory:' });
    const instrument = this.core.invoke('instruments.list', {}).find((i) => i.isDefault);
    if (!instrument) throw new Error('no default instrument');
    this.instrumentId = instrument.id;
  }

  pick<T>(list: T[], i: number | null): T | null {
    return i === null || list.length === 0 ? null : (list[i % list.length] as T);
  }

  /** A screening date for the child not already used by another of their screenings. */
  dateFor(child: MChild, when: number, exceptId: string | null = null): string | null {
    const w = window(child.dob);
    if (!w) return null;
    const used = new Set(this.m.screenings.filter((s) => s.childId === child.id && s.id !== exceptId).map((s) => s.date));
    const days = daysBetween(w.lo, w.hi) + 1;
    for (let k = 0; k < days; k += 1) {
      const date = addDays(w.lo, (when + k) % days);
      if (!used.has(date)) return date;
    }
    return null;
  }

  /** What the app should conclude from a chain: worst colour, highest Green, review date, stopped early. */
  outcome(child: MChild, date: string, spec: ChainSpec) {
    const ageSection = sectionForAge(defaultInstrumentSections, ageInCompletedMonths(child.dob, date));
    if (ageSection === null) throw new Error(`no section for ${child.dob} on ${date}`);
    const full = chainFor(ageSection, spec.picks);
    // Cut short before its end, the chain has not reached Green or section 1: it stopped early.
    const stoppedEarly = spec.stopAfter !== null && spec.stopAfter + 1 < full.length;
    const chain = stoppedEarly ? full.slice(0, (spec.stopAfter ?? 0) + 1) : full;
    const colour = chain.reduce<Colour>((w, s) => (severity[s.colour] > severity[w] ? s.colour : w), 'green');
    const greens = chain.filter((s) => s.colour === 'green').map((s) => s.section);
    const reviewDate = stoppedEarly ? addWeeks(date, defaultReviewIntervals.stoppedEarlyWeeks) : colour === 'green' ? addMonths(date, 4) : addWeeks(date, 12);
    const sections = { sections: chain, stoppedEarly, stoppedEarlyReason: stoppedEarly ? 'The child was unsettled' : '' };
    return { chain, sections, ageSection, colour, workingAt: greens.length ? Math.max(...greens) : null, reviewDate, stoppedEarly };
  }

  childInput(c: MChild) {
    return {
      firstName: c.firstName,
      lastName: c.lastName,
      dateOfBirth: c.dob,
      sex: c.sex,
      ethnicity: c.ethnicity,
      eal: c.eal,
      sendStage: c.sendStage,
      funded2: c.funded2,
      eypp: c.eypp,
      roomId: c.roomId,
      keyPersonId: c.keyPersonId,
      startDate: c.startDate,
      leaveDate: c.leaveDate,
    };
  }

  updateChild(c: MChild): void {
    const out = this.core.invoke('children.update', { id: c.id, ...this.childInput(c) });
    expect(out.roomId).toBe(c.roomId);
  }

  move(c: MChild, mv: { room: number | null; key: number | null }): void {
    const setting = this.m.settings.find((s) => s.id === c.settingId);
    if (!setting) throw new Error('no setting');
    c.roomId = this.pick(setting.rooms, mv.room)?.id ?? null;
    c.keyPersonId = this.pick(setting.staff, mv.key)?.id ?? null;
    this.updateChild(c);
  }

  addScreening(c: MChild, when: number, spec: ChainSpec): void {
    const date = this.dateFor(c, when);
    if (!date) return;
    const o = this.outcome(c, date, spec);
    const setting = this.m.settings.find((s) => s.id === c.settingId);
    const input: MethodInput<'screenings.create'> = { childId: c.id, instrumentId: this.instrumentId, screeningDate: date, ...o.sections };
    if (setting?.archived) {
      expectRefused(this.core, 'screenings.create', input, 'VALIDATION');
      return;
    }
    const sc = this.core.invoke('screenings.create', input);
    expect({
      colour: sc.colour,
      ageSection: sc.ageSection,
      workingAt: sc.workingAtSection,
      reviewDate: sc.reviewDate,
      stoppedEarly: sc.stoppedEarly,
    }).toEqual({
      colour: o.colour,
      ageSection: o.ageSection,
      workingAt: o.workingAt,
      reviewDate: o.reviewDate,
      stoppedEarly: o.stoppedEarly,
    });
    this.m.seq += 1;
    this.m.screenings.push({
      id: sc.id,
      childId: c.id,
      settingId: c.settingId,
      date,
      seq: this.m.seq,
      ageSection: o.ageSection,
      colour: o.colour,
      workingAt: o.workingAt,
      reviewDate: o.reviewDate,
      stoppedEarly: o.stoppedEarly,
      roomId: c.roomId,
      keyPersonId: c.keyPersonId,
    });
  }

  archiveChild(c: MChild, archived: boolean): void {
    if (!archived) {
      this.core.invoke('children.archive', { id: c.id, archived: false });
      c.archived = false;
      c.leaveDate = null;
      return;
    }
    const leave = c.leaveDate ?? TODAY;
    if (leave > TODAY || leave < (c.startDate ?? c.dob)) {
      expectRefused(this.core, 'children.archive', { id: c.id, archived: true }, 'VALIDATION');
      return;
    }
    this.core.invoke('children.archive', { id: c.id, archived: true });
    c.archived = true;
    c.leaveDate = leave;
  }

  /** Creates or moves a round, or checks that the API refuses it for the reason the model gives. */
  saveRound(existing: MRound | null, startDate: string, endDate: string, name: string): void {
    const clash = this.m.rounds.find((r) => r !== existing && r.startDate <= endDate && r.endDate >= startDate);
    const dupName = this.m.rounds.find((r) => r !== existing && r.name.toLowerCase() === name.toLowerCase());
    const input = { name, startDate, endDate };
    const expectedError =
      endDate < startDate
        ? (['VALIDATION', 'endDate'] as const)
        : clash
          ? (['VALIDATION', 'startDate'] as const)
          : dupName
            ? (['CONFLICT', 'name'] as const)
            : null;
    if (expectedError) {
      const err = existing
        ? expectRefused(this.core, 'rounds.update', { id: existing.id, ...input }, expectedError[0])
        : expectRefused(this.core, 'rounds.create', input, expectedError[0]);
      expect(err.issues.map((i) => i.path)).toEqual([[expectedError[1]]]);
      return;
    }
    if (existing) {
      const out = this.core.invoke('rounds.update', { id: existing.id, ...input });
      expect(out).toMatchObject({ id: existing.id, ...input });
      Object.assign(existing, input);
    } else {
      const out = this.core.invoke('rounds.create', input);
      this.m.rounds.push({ id: out.id, ...input });
    }
  }

  /** The free stretches of days (between BASE - 60 and TODAY + 120) that no round but `except` covers; one picked by `i`. */
  freeSlot(except: MRound | null, i: number): { lo: string; hi: string } | null {
    const taken = this.m.rounds.filter((r) => r !== except).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    const slots: { lo: string; hi: string }[] = [];
    let lo = addDays(BASE, -60);
    for (const r of taken) {
      if (r.startDate > lo) slots.push({ lo, hi: addDays(r.startDate, -1) });
      if (r.endDate >= lo) lo = addDays(r.endDate, 1);
    }
    if (lo <= addDays(TODAY, 120)) slots.push({ lo, hi: addDays(TODAY, 120) });
    return slots.length === 0 ? null : (slots[i % slots.length] as { lo: string; hi: string });
  }

  nextRoundName(): string {
    this.m.roundNames += 1;
    return `Round ${this.m.roundNames}`;
  }

  build(spec: WorldSpec): void {
    const cuts = [...spec.roundCuts].sort((a, b) => a - b);
    const past = cuts.slice(0, -1).map((cut, i) => {
      const end = Math.max(cut, (cuts[i + 1] as number) - 1 - (spec.roundGaps[i] ?? 0));
      return { startDate: addDays(BASE, cut), endDate: addDays(BASE, end) };
    });
    const rounds = [...past, FUTURE_ROUND].map((r, i) => ({ ...r, early: spec.early[i] ?? false }));
    // Early rounds newest first, so the order they were created in is not the order of their dates.
    for (const r of [...rounds].reverse().filter((x) => x.early)) this.saveRound(null, r.startDate, r.endDate, this.nextRoundName());

    spec.settings.forEach((ss, i) => {
      const name = spec.names[i] as string;
      const setting = this.core.invoke('settings.create', { name, urn: `EY${100001 + i}`, type: ss.type, localAuthority: ss.la });
      const ms: MSetting = { id: setting.id, name, la: ss.la, type: ss.type, archived: false, rooms: [], staff: [] };
      for (const room of ss.rooms) ms.rooms.push({ id: this.core.invoke('rooms.create', { settingId: setting.id, name: room }).id, name: room });
      for (const person of ss.staff) {
        ms.staff.push({
          id: this.core.invoke('staff.create', { settingId: setting.id, name: person, role: 'practitioner', qualificationLevel: 'level-3' }).id,
          name: person,
        });
      }
      this.m.settings.push(ms);
    });

    spec.settings.forEach((ss, i) => {
      const setting = this.m.settings[i] as MSetting;
      for (const cs of ss.children) {
        const dob = addDays(DOB_BASE, cs.dob);
        const startDate = cs.start === null ? null : addDays(dob, cs.start);
        const leaveDate = cs.leave === null ? null : addDays(startDate ?? dob, cs.leave);
        const mc: MChild = {
          id: '',
          settingId: setting.id,
          firstName: cs.firstName,
          lastName: cs.lastName,
          dob,
          sex: cs.sex,
          ethnicity: cs.ethnicity,
          eal: cs.eal,
          sendStage: cs.sendStage,
          funded2: cs.funded2,
          eypp: cs.eypp,
          roomId: this.pick(setting.rooms, cs.room)?.id ?? null,
          keyPersonId: this.pick(setting.staff, cs.key)?.id ?? null,
          startDate,
          leaveDate,
          archived: false,
        };
        mc.id = this.core.invoke('children.create', { settingId: setting.id, ...this.childInput(mc) }).id;
        this.m.children.push(mc);
        for (const sc of cs.screenings) {
          if (sc.moveBefore) this.move(mc, sc.moveBefore);
          this.addScreening(mc, sc.when, sc.chain);
        }
        if (cs.finalMove) this.move(mc, cs.finalMove);
        if (cs.archive) this.archiveChild(mc, true);
      }
    });

    for (const r of rounds.filter((x) => !x.early)) this.saveRound(null, r.startDate, r.endDate, this.nextRoundName());

    spec.settings.forEach((ss, i) => {
      if (ss.archived) {
        this.core.invoke('settings.archive', { id: (this.m.settings[i] as MSetting).id, archived: true });
        (this.m.settings[i] as MSetting).archived = true;
      }
    });
  }

  apply(mu: Mutation): void {
    const m = this.m;
    switch (mu.kind) {
      case 'moveScreening': {
        const s = this.pick(m.screenings, mu.i);
        if (!s) return;
        const c = childOf(m, s.childId);
        const date = this.dateFor(c, mu.when, s.id);
        if (!date) return;
        const o = this.outcome(c, date, mu.chain);
        const out = this.core.invoke('screenings.update', { id: s.id, instrumentId: this.instrumentId, screeningDate: date, ...o.sections });
        expect({ colour: out.colour, stoppedEarly: out.stoppedEarly }).toEqual({ colour: o.colour, stoppedEarly: o.stoppedEarly });
        Object.assign(s, {
          date,
          ageSection: o.ageSection,
          colour: o.colour,
          workingAt: o.workingAt,
          reviewDate: o.reviewDate,
          stoppedEarly: o.stoppedEarly,
        });
        return;
      }
      case 'addScreening': {
        const c = this.pick(m.children, mu.i);
        if (c) this.addScreening(c, mu.when, mu.chain);
        return;
      }
      case 'deleteScreening': {
        const s = this.pick(m.screenings, mu.i);
        if (!s) return;
        this.core.invoke('screenings.delete', { id: s.id });
        m.screenings.splice(m.screenings.indexOf(s), 1);
        return;
      }
      case 'editChild': {
        const c = this.pick(m.children, mu.i);
        if (!c) return;
        const setting = m.settings.find((s) => s.id === c.settingId) as MSetting;
        c.sex = mu.sex;
        c.ethnicity = mu.ethnicity;
        c.eal = mu.eal;
        c.sendStage = mu.sendStage;
        c.funded2 = mu.funded2;
        c.eypp = mu.eypp;
        // Never so early that the date of birth looks mistyped (more than 8 years ago).
        if (addDays(c.dob, -mu.dobEarlier) >= '2019-01-01') c.dob = addDays(c.dob, -mu.dobEarlier);
        c.roomId = this.pick(setting.rooms, mu.move.room)?.id ?? null;
        c.keyPersonId = this.pick(setting.staff, mu.move.key)?.id ?? null;
        c.startDate = mu.start === null ? null : addDays(c.dob, mu.start);
        c.leaveDate = mu.leave === null ? null : addDays(c.startDate ?? c.dob, mu.leave);
        this.updateChild(c);
        return;
      }
      case 'archiveChild': {
        const c = this.pick(m.children, mu.i);
        if (c) this.archiveChild(c, mu.archived);
        return;
      }
      case 'archiveSetting': {
        const s = this.pick(m.settings, mu.i);
        if (!s) return;
        this.core.invoke('settings.archive', { id: s.id, archived: mu.archived });
        s.archived = mu.archived;
        return;
      }
      case 'createRound':
      case 'editRound': {
        const existing = mu.kind === 'editRound' ? this.pick(m.rounds, mu.i) : null;
        if (mu.kind === 'editRound' && !existing) return;
        const named = this.pick(m.rounds, mu.sameNameAs);
        // A clash of names differing only in case is still a clash.
        const name = named ? named.name.toUpperCase() : this.nextRoundName();
        let start = addDays(BASE, mu.a);
        let end = addDays(BASE, mu.a + mu.length);
        const slot = mu.fit ? this.freeSlot(existing, mu.a) : null;
        if (slot) {
          start = addDays(slot.lo, Math.abs(mu.a) % (daysBetween(slot.lo, slot.hi) + 1));
          end = [addDays(start, Math.abs(mu.length)), slot.hi].sort()[0] as string;
        }
        this.saveRound(existing, start, end, name);
        return;
      }
      case 'deleteRound': {
        const r = this.pick(m.rounds, mu.i);
        if (!r) return;
        const countBefore = m.screenings.length;
        this.core.invoke('rounds.delete', { id: r.id });
        m.rounds.splice(m.rounds.indexOf(r), 1);
        // Deleting a round keeps its screenings.
        expect(m.screenings.length).toBe(countBefore);
        return;
      }
    }
  }
}

function expectRefused(core: Core, method: string, input: unknown, code: string) {
  const result = core.call(method, input);
  if (result.ok) throw new Error(`${method} should have been refused: ${JSON.stringify(input)}`);
  expect(result.error.code, result.error.message).toBe(code);
  return new ApiCallError(result.error);
}

// ----- Comparing the API with the model ----------------------------------------------------

function scopesOf(m: Model): CohortScope[] {
  const scopes: CohortScope[] = [{}, { localAuthority: 'Nowhere' }];
  for (const s of m.settings) scopes.push({ settingId: s.id });
  for (const la of new Set(m.settings.map((s) => s.la))) scopes.push({ localAuthority: la });
  for (const type of new Set(m.settings.map((s) => s.type))) scopes.push({ settingType: type });
  const first = m.settings[0];
  if (first) scopes.push({ localAuthority: first.la, settingType: first.type });
  return scopes;
}

const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

function expectSortedRows(g: CohortGrouping, rows: { key: string; label: string }[]): void {
  for (let i = 1; i < rows.length; i += 1) {
    const a = rows[i - 1] as { key: string; label: string };
    const b = rows[i] as { key: string; label: string };
    const order =
      g === 'ageSection'
        ? Number(a.key) - Number(b.key)
        : g === 'seasonOfBirth'
          ? ['autumn', 'spring', 'summer'].indexOf(a.key) - ['autumn', 'spring', 'summer'].indexOf(b.key)
          : a.label.localeCompare(b.label, 'en-GB');
    expect(order, `${g} rows in order: ${a.label} before ${b.label}`).toBeLessThanOrEqual(0);
  }
}

type Drill = MethodOutput<'cohort.children'>;
type DrillRow = Drill['rows'][number];

function expectDrill(core: Core, m: Model, input: MethodInput<'cohort.children'>, expected: { child: MChild; s: MScreening | null }[], what: string): void {
  const out: Drill = core.invoke('cohort.children', input);
  // last name, first name (both ignoring ASCII case, like SQLite's NOCASE), then id
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...expected].sort(
    (a, b) =>
      cmp(a.child.lastName.toLowerCase(), b.child.lastName.toLowerCase()) ||
      cmp(a.child.firstName.toLowerCase(), b.child.firstName.toLowerCase()) ||
      cmp(a.child.id, b.child.id),
  );
  const rows = sorted.map(({ child, s }): DrillRow => ({
    childId: child.id,
    firstName: child.firstName,
    lastName: child.lastName,
    settingId: child.settingId,
    settingName: m.settings.find((x) => x.id === child.settingId)?.name ?? '?',
    screeningDate: s?.date ?? null,
    ageSection: s?.ageSection ?? null,
    colour: s?.colour ?? null,
    workingAtSection: s?.workingAt ?? null,
    reviewDate: s?.reviewDate ?? null,
  }));
  expect(out, what).toEqual({ total: rows.length, rows });
}

/** Every count of every cohort method against the brute-force recount (workingAt separately). */
function checkCounts(w: World): void {
  const { core, m } = w;
  const rounds = core.invoke('rounds.list', {});
  const sortedRounds = [...m.rounds].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  expect(rounds.map((r) => ({ id: r.id, name: r.name, startDate: r.startDate, endDate: r.endDate, screeningCount: r.screeningCount }))).toEqual(
    sortedRounds.map((r) => ({ ...r, screeningCount: roundResults(m, r).size })),
  );

  for (const scope of scopesOf(m)) {
    const what = JSON.stringify(scope);
    expect(core.invoke('cohort.trend', { scope }), `trend ${what}`).toEqual(expectedTrend(m, scope));
    for (const round of m.rounds) {
      expect(core.invoke('cohort.overview', { scope, roundId: round.id }), `overview ${what} ${round.name}`).toEqual(expectedOverview(m, scope, round));
      cohortGroupings.forEach((groupBy, g) => {
        // Suppression thresholds take turns (0 shows everything), so each is met often across runs.
        const suppressBelow = [0, 2, 3][(g + m.rounds.indexOf(round)) % 3] as number;
        const out = core.invoke('cohort.breakdown', { scope, roundId: round.id, groupBy, suppressBelow });
        const exp = expectedBreakdown(m, scope, round, groupBy, suppressBelow);
        expect({ rows: byKey(out.rows), total: out.total }, `breakdown ${groupBy} ${what} ${round.name} suppress ${suppressBelow}`).toEqual({
          rows: byKey(exp.rows),
          total: exp.total,
        });
        expectSortedRows(groupBy, out.rows);
      });
      for (const other of m.rounds) {
        expect(core.invoke('cohort.transitions', { scope, fromRoundId: other.id, toRoundId: round.id }), `transitions ${what}`).toEqual(
          expectedTransitions(m, scope, other, round),
        );
      }
    }
  }

  for (const round of m.rounds) {
    const filters: [string | null, SettingType | null][] = [
      [null, null],
      ['Nowhere', null],
    ];
    for (const s of m.settings) filters.push([s.la, null], [null, s.type], [s.la, s.type]);
    for (const [localAuthority, settingType] of filters) {
      expect(core.invoke('cohort.settings', { roundId: round.id, localAuthority, settingType }), `settings ${localAuthority} ${settingType}`).toEqual(
        expectedSettings(m, round, localAuthority, settingType),
      );
    }
  }
}

/** What a reader sees side by side must be the same number. */
function checkHeadlinesAgree(w: World): void {
  const { core } = w;
  for (const round of core.invoke('rounds.list', {})) {
    const overview = core.invoke('cohort.overview', { roundId: round.id });
    const table = core.invoke('cohort.settings', { roundId: round.id });
    const sum = (pick: (r: (typeof table.rows)[number]) => number) => table.rows.reduce((t, r) => t + pick(r), 0);
    const headline = {
      onRoll: overview.childrenOnRoll,
      onRollToday: overview.childrenOnRollToday,
      screened: overview.screened,
      overdue: overview.overdue,
      incomplete: overview.incomplete,
    };
    const rowsTotal = {
      onRoll: sum((r) => r.childrenOnRoll),
      onRollToday: sum((r) => r.childrenOnRollToday),
      screened: sum((r) => r.total),
      overdue: sum((r) => r.overdue),
      incomplete: sum((r) => r.incomplete),
    };
    expect(rowsTotal, `settings table rows, ${round.name}`).toEqual(headline);
    expect(
      {
        onRoll: table.total.childrenOnRoll,
        onRollToday: table.total.childrenOnRollToday,
        screened: table.total.total,
        overdue: table.total.overdue,
        incomplete: table.total.incomplete,
      },
      `settings table total, ${round.name}`,
    ).toEqual(headline);
    for (const setting of core.invoke('settings.list', { includeArchived: true })) {
      const cohortPage = core.invoke('cohort.overview', { scope: { settingId: setting.id }, roundId: round.id });
      expect(setting.childrenOnRoll, `${setting.name}: setting overview against its cohort page`).toBe(cohortPage.childrenOnRollToday);
      // "Not yet screened this round" on the setting overview opens the children list on exactly those children.
      const notScreened = core.invoke('children.list', { settingId: setting.id, notScreenedInRound: round.id, status: 'all', limit: 1000 });
      expect(notScreened.rows.length, `${setting.name}: children not screened in ${round.name} against the count`).toBe(cohortPage.notScreened);
      expect(notScreened.total).toBe(cohortPage.notScreened);
      const screenedIds = roundResults(w.m, w.m.rounds.find((r) => r.id === round.id) as MRound);
      expect(new Set(notScreened.rows.map((c) => c.id)), `${setting.name}: who is not screened in ${round.name}`).toEqual(
        new Set(w.m.children.filter((c) => c.settingId === setting.id && onRollIn(c, round) && !screenedIds.has(c.id)).map((c) => c.id)),
      );
      const row = table.rows.find((r) => r.settingId === setting.id);
      if (row) {
        expect(
          { onRoll: row.childrenOnRoll, onRollToday: row.childrenOnRollToday, screened: row.total, overdue: row.overdue, incomplete: row.incomplete },
          `${setting.name}: settings table row against its cohort page`,
        ).toEqual({
          onRoll: cohortPage.childrenOnRoll,
          onRollToday: cohortPage.childrenOnRollToday,
          screened: cohortPage.screened,
          overdue: cohortPage.overdue,
          incomplete: cohortPage.incomplete,
        });
      }
    }
  }
}

/** The children behind the numbers, for the whole database and for one setting. */
function checkDrillDowns(w: World): void {
  const { core, m } = w;
  // Scopes narrow the drill-down with the same SQL as the counts, which checkCounts covers for every scope.
  const scopes: CohortScope[] = [{}];
  const one = m.settings[m.seq % m.settings.length];
  if (one) scopes.push(one.archived ? { settingId: one.id } : { localAuthority: one.la, settingType: one.type });
  for (const scope of scopes) {
    const ids = scopeSettings(m, scope);
    expectDrill(
      core,
      m,
      { scope, overdue: true },
      overdueChildren(m, ids).map((child) => ({ child, s: latestOverall(m, child.id) })),
      'overdue',
    );
    for (const round of m.rounds) {
      const results = resultsInScope(m, scope, round).map((s) => ({ child: childOf(m, s.childId), s }));
      const all = roundResults(m, round);
      expectDrill(
        core,
        m,
        { scope, roundId: round.id, notScreened: true },
        m.children.filter((c) => ids.has(c.settingId) && onRollIn(c, round) && !all.has(c.id)).map((child) => ({ child, s: latestOverall(m, child.id) })),
        `not screened in ${round.name}`,
      );
      expectDrill(
        core,
        m,
        { scope, roundId: round.id, overdue: true },
        overdueChildren(m, ids).map((child) => ({ child, s: latestOverall(m, child.id) })),
        'overdue ignores the round',
      );
      for (const colour of [null, ...colours]) {
        expectDrill(
          core,
          m,
          { scope, roundId: round.id, colour },
          results.filter((r) => colour === null || r.s.colour === colour),
          `${round.name} ${colour}`,
        );
      }
      for (const groupBy of cohortGroupings) {
        const keys = new Set(results.map((r) => keyOf(groupBy, r.child, r.s)));
        keys.add('no-such-key');
        for (const groupKey of keys) {
          for (const colour of [null, ...colours]) {
            expectDrill(
              core,
              m,
              { scope, roundId: round.id, groupBy, groupKey, colour },
              results.filter((r) => keyOf(groupBy, r.child, r.s) === groupKey && (colour === null || r.s.colour === colour)),
              `${groupBy}=${groupKey} ${colour}`,
            );
          }
        }
      }
      for (const sectionsBehind of [-1, 0, 1, 2, 3]) {
        expectDrill(
          core,
          m,
          { scope, roundId: round.id, sectionsBehind },
          results.filter(({ s }) => {
            if (s.workingAt === null) return sectionsBehind === -1;
            const behind = s.ageSection - s.workingAt;
            return sectionsBehind === 3 ? behind >= 3 : sectionsBehind === 0 ? behind <= 0 : behind === sectionsBehind;
          }),
          `${sectionsBehind} behind`,
        );
      }
      for (const from of m.rounds) {
        if (from === round) continue;
        const pairs = transitionPairs(m, scope, from, round);
        for (const fromColour of colours) {
          for (const colour of colours) {
            expectDrill(
              core,
              m,
              { scope, fromRoundId: from.id, fromColour, roundId: round.id, colour },
              pairs.filter((p) => p.from.colour === fromColour && p.to.colour === colour).map((p) => ({ child: p.child, s: p.to })),
              `${from.name} ${fromColour} -> ${round.name} ${colour}`,
            );
          }
        }
      }
    }
  }
}

function checkWorkingAt(w: World): void {
  for (const scope of scopesOf(w.m)) {
    for (const round of w.m.rounds) {
      const result = w.core.call('cohort.workingAt', { scope, roundId: round.id });
      expect(result, `workingAt ${JSON.stringify(scope)} ${round.name}`).toEqual({ ok: true, value: expectedWorkingAt(w.m, scope, round) });
    }
  }
}

function run(spec: WorldSpec, check: (w: World) => void, options: { mutate: boolean; checkEach?: (w: World) => void }): void {
  const w = new World();
  w.build(spec);
  check(w);
  if (!options.mutate) return;
  for (const mu of spec.mutations) {
    w.apply(mu);
    options.checkEach?.(w);
  }
  check(w);
  w.core.close();
}

// ----- Properties --------------------------------------------------------------------------

describe('cohort methods equal a brute-force recount', () => {
  it('breakdown (every grouping, with and without suppression), overview, trend, transitions, settings and rounds.list, before and after edits', () => {
    fc.assert(
      fc.property(worldArb, (spec) =>
        run(spec, checkCounts, {
          mutate: true,
          // A cheap look after every single edit, so a stale row that a later edit happens to repair is still caught.
          checkEach: (w) => {
            for (const round of w.m.rounds) {
              expect(w.core.invoke('cohort.breakdown', { roundId: round.id, groupBy: 'room' })).toMatchObject({
                total: expectedBreakdown(w.m, {}, round, 'room', 0).total,
              });
              expect(w.core.invoke('cohort.overview', { roundId: round.id })).toEqual(expectedOverview(w.m, {}, round));
            }
          },
        }),
      ),
      { numRuns: 25, plugins: [fc.interruptAfterTimeLimit(30_000)] },
    );
  }, 120_000);

  it('cohort.children returns exactly the children behind each number, before and after edits', () => {
    fc.assert(
      fc.property(worldArb, (spec) => run(spec, checkDrillDowns, { mutate: true })),
      { numRuns: 12, plugins: [fc.interruptAfterTimeLimit(30_000)] },
    );
  }, 120_000);

  it('headline figures equal the tables beside them: all-settings overview and settings table, setting overview and cohort page', () => {
    // No model here: the figures are compared with each other, as a reader compares the card with
    // the table next to it.
    fc.assert(
      fc.property(worldArb, (spec) => run(spec, checkHeadlinesAgree, { mutate: true, checkEach: checkHeadlinesAgree })),
      { numRuns: 20, plugins: [fc.interruptAfterTimeLimit(30_000)] },
    );
  }, 120_000);

  it('workingAt counts sections behind per age section, before and after edits', () => {
    // Fails today: see the hand-built autumn test in cohort.test.ts (a NULL sum when every child
    // of an age section is below all sections tried). Shrinking is cut short to keep the run quick.
    fc.assert(
      fc.property(worldArb, (spec) => run(spec, checkWorkingAt, { mutate: true })),
      { numRuns: 30, plugins: [fc.interruptAfterTimeLimit(3_000)] },
    );
  }, 120_000);

  it('workingAt read straight from the repository, with NULL read as 0, is otherwise right', () => {
    // Narrows the failure above to its one cause: with NULLs counted as 0, every row is right.
    fc.assert(
      fc.property(worldArb, (spec) =>
        run(
          spec,
          (w) => {
            for (const scope of scopesOf(w.m)) {
              for (const round of w.m.rounds) {
                const repoScope = { settingId: scope.settingId ?? null, localAuthority: scope.localAuthority ?? null, settingType: scope.settingType ?? null };
                const rows = w.core.context.repos.cohort
                  .workingAt(repoScope, round.id)
                  .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? 0])));
                expect(rows, `workingAt ${JSON.stringify(scope)} ${round.name}`).toEqual(expectedWorkingAt(w.m, scope, round));
              }
            }
          },
          { mutate: true },
        ),
      ),
      { numRuns: 25, plugins: [fc.interruptAfterTimeLimit(30_000)] },
    );
  }, 120_000);
});
