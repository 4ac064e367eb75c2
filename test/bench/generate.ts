import Database from 'better-sqlite3-multiple-ciphers';
import { addDays, addMonths, ageInCompletedMonths, daysBetween, parseIsoDate } from '../../shared/domain/dates.js';
import { foldForSearch } from '../../shared/domain/search.js';
import {
  defaultInstrumentSections,
  defaultReviewIntervals,
  nextReviewDate,
  overallColour,
  referralPrompt,
  sectionForAge,
  workingAtSection,
  type Colour,
  type SectionColour,
} from '../../shared/domain/screening.js';
import type { EthnicityCode, SendStage, Sex } from '../../shared/schemas/children.js';
import type { SettingType } from '../../shared/schemas/settings.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { refreshAllDerived } from '../../electron/core/db/repos/derived.js';
import { SeededRandom } from '../../electron/core/demo/random.js';
import { insertTargetsAndVisits, type HistoryChild, type HistoryCounts } from './generate-history.js';

// Synthetic cohort data for the dashboard benchmark, written straight into the tables with
// prepared statements in one transaction (the API would take hours for 1.5 million screenings).
// The shape follows the demo generator (electron/core/demo): settings with rooms and staff,
// children on roll for part or all of six termly rounds, most screenings Green, some Amber and
// Red with drop-backs and a review screen about 12 weeks later in the same term, and review
// dates from the default intervals. Everything comes from seeded generators, so a size always
// gives the same database.
//
// screening_sections rows are NOT written by default: no timed call reads them (every cohort
// query reads round_results, screenings.review_date and children). BENCH_SECTIONS=1 writes them.
// Then refreshAllDerived(db) fills children.latest_screening_id and round_results, timed apart.

export interface BenchSize {
  name: string;
  settings: number;
  localAuthorities: number;
  children: number;
  screenings: number;
  seed: number;
}

export interface RoundInfo {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface GeneratedData {
  path: string;
  rounds: RoundInfo[];
  localAuthorities: string[];
  /** A setting of typical size, open, for the one-setting calls. */
  sampleSettingId: string;
  /** The open setting with the most children (about 250 at LA size): the setting progress report's. */
  largestSettingId: string;
  counts: { settings: number; archivedSettings: number; rooms: number; staff: number; children: number; screenings: number; screeningSections: number };
  /** Targets, reviews and visits (generate-history.ts), and the SLT assistant covering 30 settings. */
  history: HistoryCounts;
  assistantAccountId: string;
  timings: { generateMs: number; historyMs: number; refreshAllDerivedMs: number; foreignKeyCheckMs: number | null };
}

/** Termly rounds: Spring (January to April), Summer (May to August), Autumn (September to December). */
const TERMS = [
  { name: 'Spring', from: '01-01', to: '04-30', screenFrom: '01-06' },
  { name: 'Summer', from: '05-01', to: '08-31', screenFrom: '05-01' },
  { name: 'Autumn', from: '09-01', to: '12-31', screenFrom: '09-03' },
] as const;
/** Base screens happen in the first six weeks of the term; reviews 12 weeks later, same term. */
const SCREEN_WINDOW_DAYS = 42;
const REVIEW_AFTER_DAYS = 84;
const MISS_ROUND = 0.05;

const settingWords = [
  'Acorn',
  'Bluebell',
  'Chestnut',
  'Dandelion',
  'Elm Tree',
  'Foxglove',
  'Hawthorn',
  'Ivy',
  'Juniper',
  'Kingfisher',
  'Larch',
  'Meadow',
  'Nightingale',
  'Orchard',
  'Poppy',
  'Rowan',
  'Sycamore',
  'Thistle',
  'Willow',
  'Yew',
];
const settingKinds: { type: SettingType; label: string; weight: number }[] = [
  { type: 'nursery', label: 'Day Nursery', weight: 45 },
  { type: 'pre-school', label: 'Pre-school', weight: 25 },
  { type: 'school-nursery', label: 'School Nursery', weight: 15 },
  { type: 'childminder', label: 'Childminding', weight: 8 },
  { type: 'childrens-centre', label: 'Children’s Centre', weight: 7 },
];
export const laNames = [
  'Northmoor',
  'Sandford',
  'Westmoor',
  'Eastbrook',
  'Highdale',
  'Lowfield',
  'Marshton',
  'Oakvale',
  'Ridgeway',
  'Thornbury',
  'Brackenholm',
  'Coldwater',
];
const firstNames: Record<'female' | 'male', readonly string[]> = {
  female: [
    'Amara',
    'Bea',
    'Cora',
    'Daisy',
    'Edie',
    'Freya',
    'Hana',
    'Isla',
    'Juno',
    'Keira',
    'Lila',
    'Maya',
    'Nia',
    'Orla',
    'Pia',
    'Rosa',
    'Sana',
    'Tilly',
    'Zara',
    'Ada',
    'Élodie',
    'Zoë',
  ],
  male: [
    'Alfie',
    'Ben',
    'Caleb',
    'Dev',
    'Eli',
    'Finn',
    'Gus',
    'Hari',
    'Ibrahim',
    'Jack',
    'Kai',
    'Leo',
    'Max',
    'Noah',
    'Omar',
    'Reggie',
    'Sami',
    'Theo',
    'Yusuf',
    'Zac',
    'Jérôme',
  ],
};
const surnameStarts = [
  'Apple',
  'Bramble',
  'Button',
  'Clatter',
  'Dandy',
  'Fern',
  'Figgle',
  'Ginger',
  'Hazel',
  'Honey',
  'Jumble',
  'Kettle',
  'Lantern',
  'Marble',
  'Nettle',
  'Puddle',
  'Quill',
  'Rumble',
  'Snickle',
  'Tumble',
  'Wobble',
  'Yarrow',
  'Pebble',
  'Thimble',
];
const surnameEnds = ['whistle', 'combe', 'hook', 'by', 'light', 'brook', 'foot', 'worth', 'tree', 'stone', 'mere', 'ton', 'bee', 'wick', 'field', 'dale'];
const staffFirstNames = ['Alex', 'Bev', 'Carys', 'Dana', 'Elaine', 'Fatima', 'Gemma', 'Helen', 'Imogen', 'Jas', 'Kerry', 'Lou', 'Mo', 'Priya', 'Sam'];
const staffPlan = [
  { role: 'manager', level: 'level-6-plus' },
  { role: 'communication-champion', level: 'level-3' },
  { role: 'practitioner', level: 'level-3' },
  { role: 'practitioner', level: 'level-3' },
  { role: 'practitioner', level: 'level-2' },
  { role: 'practitioner', level: 'level-4-5' },
  { role: 'practitioner', level: 'none' },
  { role: 'slt-assistant', level: 'level-4-5' },
] as const;
/** Staff who are key people and screen: the champion and the practitioners (indexes in staffPlan). */
const keyPersonIndexes = [1, 2, 3, 4, 5, 6];
const ethnicityWeights: [EthnicityCode, number][] = [
  ['WBRI', 62],
  ['WOTH', 6],
  ['WIRI', 1],
  ['WROM', 1],
  ['MWBC', 3],
  ['MWAS', 2],
  ['MWBA', 1],
  ['MOTH', 2],
  ['APKN', 5],
  ['AIND', 3],
  ['ABAN', 2],
  ['AOTH', 1],
  ['BAFR', 4],
  ['BCRB', 1],
  ['BOTH', 1],
  ['CHNE', 1],
  ['OOTH', 1],
  ['REFU', 1],
  ['NOBT', 2],
];

function weighted<T>(rnd: SeededRandom, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((t, [, w]) => t + w, 0);
  let x = rnd.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** UUID v4-shaped ids from a seeded stream: random order in the primary-key indexes, as in the app. */
class IdMaker {
  constructor(private readonly rnd: SeededRandom) {}
  next(): string {
    const w = [0, 0, 0, 0].map(() => Math.floor(this.rnd.next() * 4294967296));
    const b = (i: number) => hex[((w[i >> 2] ?? 0) >>> ((i & 3) * 8)) & 255] ?? '00';
    const v = hex[(((w[1] ?? 0) >>> 16) & 0x0f) | 0x40] ?? '40';
    const r = hex[((w[2] ?? 0) & 0x3f) | 0x80] ?? '80';
    return `${b(0)}${b(1)}${b(2)}${b(3)}-${b(4)}${b(5)}-${v}${b(7)}-${r}${b(9)}-${b(10)}${b(11)}${b(12)}${b(13)}${b(14)}${b(15)}`;
  }
}

function toWeekday(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 6 ? addDays(iso, 2) : weekday === 0 ? addDays(iso, 1) : iso;
}

/** The six termly rounds ending with the term `today` falls in. */
export function benchRounds(today: string): (Omit<RoundInfo, 'id'> & { screenFrom: string })[] {
  const { year, month } = parseIsoDate(today);
  const term = month >= 9 ? 2 : month >= 5 ? 1 : 0;
  const out: (Omit<RoundInfo, 'id'> & { screenFrom: string })[] = [];
  for (let k = 5; k >= 0; k--) {
    const index = year * 3 + term - k;
    const y = Math.floor(index / 3);
    const t = TERMS[index % 3];
    if (!t) throw new Error('term');
    out.push({ name: `${t.name} ${y}`, startDate: `${y}-${t.from}`, endDate: `${y}-${t.to}`, screenFrom: `${y}-${t.screenFrom}` });
  }
  return out;
}

interface Need {
  base: number;
  trend: number;
  step: number;
}

function needFor(rnd: SeededRandom): Need {
  const level = rnd.next();
  if (level < 0.78) return { base: -1.0 + rnd.next() * 1.05, trend: rnd.chance(0.05) ? 0.3 : 0, step: 1 };
  if (level < 0.96) {
    const t = rnd.next();
    return { base: 0.5 + rnd.next() * 0.6, trend: t < 0.55 ? -0.2 - rnd.next() * 0.2 : t < 0.88 ? 0 : 0.25, step: rnd.chance(0.25) ? 0.6 : 1 };
  }
  return { base: 1.35 + rnd.next() * 1.2, trend: rnd.chance(0.25) ? -0.3 : 0, step: rnd.chance(0.3) ? 0.7 : 1 };
}

const colourOf = (x: number): Colour => (x > 0 ? 'green' : x > -0.95 ? 'amber' : 'red');
const wobble = (rnd: SeededRandom, size: number) => (rnd.next() + rnd.next() - 1) * size;

/** Sections tried, age section first, dropping back until Green or section 1. */
function administer(ageSection: number, x: number, step: number): SectionColour[] {
  const tried: SectionColour[] = [];
  for (let section = ageSection, k = 0; section >= 1; section--, k++) {
    const colour = colourOf(x + k * step);
    tried.push({ section, colour });
    if (colour === 'green') break;
  }
  return tried;
}

interface ChildPlan {
  index: number;
  id: string;
  setting: number;
  dob: string;
  need: Need;
  firstRound: number;
  lastRound: number;
  keyPerson: number;
  leaveDate: string | null;
}

interface ScreeningEvent {
  child: number;
  date: string;
  review: boolean;
  x: number;
}

export function generateBenchDatabase(path: string, size: BenchSize, today: string, log: (message: string) => void): GeneratedData {
  // Create and migrate exactly as the app does, then reopen for the bulk load with journaling and
  // syncing off (this file is thrown away if the load fails) and a large page cache.
  openDatabase(path).close();
  const started = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');

  const rnd = new SeededRandom(size.seed);
  const ids = new IdMaker(new SeededRandom(size.seed ^ 0x1d5));
  const now = `${today}T12:00:00.000Z`;
  const withSections = process.env.BENCH_SECTIONS === '1';
  const instrumentId = (db.prepare('SELECT id FROM instruments WHERE is_default = 1').get() as { id: string }).id;

  const roundPlans = benchRounds(today);
  const rounds: RoundInfo[] = roundPlans.map((r) => ({ id: ids.next(), name: r.name, startDate: r.startDate, endDate: r.endDate }));
  const localAuthorities = laNames.slice(0, size.localAuthorities).map((n) => `${n} (bench)`);

  const counts = { settings: 0, archivedSettings: 0, rooms: 0, staff: 0, children: 0, screenings: 0, screeningSections: 0 };
  const insertSetting = db.prepare(
    `INSERT INTO settings (id, name, urn, type, local_authority, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRoom = db.prepare('INSERT INTO rooms (id, setting_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertStaff = db.prepare('INSERT INTO staff (id, setting_id, name, role, qualification_level, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertRound = db.prepare('INSERT INTO rounds (id, name, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertChild = db.prepare(
    `INSERT INTO children (id, setting_id, first_name, last_name, date_of_birth, sex, ethnicity, home_languages, eal, send_stage, funded2, eypp,
       room_id, key_person_id, start_date, leave_date, notes, search_name, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
  );
  const insertScreening = db.prepare(
    `INSERT INTO screenings (id, child_id, setting_id, instrument_id, screening_date, age_months, age_section, screener_id, room_id, key_person_id,
       parent_present, concern_practitioner, concern_parent, concern_details, action, colour, working_at_section, referral_prompted,
       referral_reasons, review_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSection = db.prepare(
    `INSERT INTO screening_sections (screening_id, position, section, score, entered_colour, computed_colour, colour, items_not_passed)
     VALUES (?, ?, ?, NULL, ?, NULL, ?, '[]')`,
  );

  let sampleSettingId = '';
  let largestSettingId = '';
  let history: ReturnType<typeof insertTargetsAndVisits> | null = null;
  let historyMs = 0;
  db.transaction(() => {
    for (const r of rounds) insertRound.run(r.id, r.name, r.startDate, r.endDate, now, now);

    // ----- Settings, rooms (Babies, Toddlers, Pre-school) and eight staff each.
    const settingIds: string[] = [];
    const roomIds: string[][] = [];
    const staffIds: string[][] = [];
    const kindWeights = settingKinds.map((k) => [k, k.weight] as const);
    for (let i = 0; i < size.settings; i++) {
      const id = ids.next();
      const kind = weighted(rnd, kindWeights);
      const la = localAuthorities[i % localAuthorities.length] ?? '';
      // About one in 75 settings has closed (archived): cohort views leave it out.
      const archived = i % 75 === 74;
      insertSetting.run(
        id,
        `${rnd.pick(settingWords)} ${kind.label} ${i + 1}`,
        `EY8${String(i + 1).padStart(5, '0')}`,
        kind.type,
        la,
        archived ? `${addDays(today, -rnd.int(30, 300))}T12:00:00.000Z` : null,
        '2024-06-01T09:00:00.000Z',
        now,
      );
      settingIds.push(id);
      counts.settings++;
      if (archived) counts.archivedSettings++;
      roomIds.push(
        ['Babies', 'Toddlers', 'Pre-school'].map((name) => {
          const roomId = ids.next();
          insertRoom.run(roomId, id, name, '2024-06-01T09:00:00.000Z', '2024-06-01T09:00:00.000Z');
          counts.rooms++;
          return roomId;
        }),
      );
      staffIds.push(
        staffPlan.map((p, k) => {
          const staffId = ids.next();
          insertStaff.run(
            staffId,
            id,
            `${staffFirstNames[(i * 8 + k) % staffFirstNames.length] ?? 'Alex'} ${rnd.pick(surnameStarts)}${rnd.pick(surnameEnds)}`,
            p.role,
            p.level,
            '2024-06-01T09:00:00.000Z',
            '2024-06-01T09:00:00.000Z',
          );
          counts.staff++;
          return staffId;
        }),
      );
    }
    // Settings vary in size (about half to one and a half times the average).
    const weights = settingIds.map(() => 0.5 + rnd.next());
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const perSetting = weights.map((w) => Math.floor((size.children * w) / weightSum));
    for (let i = 0, left = size.children - perSetting.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % perSetting.length, left--)
      perSetting[i] = (perSetting[i] ?? 0) + 1;
    const typical = perSetting.findIndex((n, i) => i % 75 !== 74 && Math.abs(n - size.children / size.settings) < size.children / size.settings / 10);
    sampleSettingId = settingIds[Math.max(0, typical)] ?? '';
    const largest = perSetting.reduce((best, n, i) => (i % 75 !== 74 && n > (perSetting[best] ?? 0) ? i : best), 0);
    largestSettingId = settingIds[largest] ?? '';

    // ----- Children: who, where, when on roll, how they are doing. Screenings come after, round by round.
    const children: ChildPlan[] = [];
    const lastRound = rounds.length - 1;
    const firstScreen = (r: number) => roundPlans[r]?.screenFrom ?? today;
    const latestScreen = (r: number) => {
      const end = addDays(firstScreen(r), SCREEN_WINDOW_DAYS + REVIEW_AFTER_DAYS + 4);
      return end < today ? end : today;
    };
    let childIndex = 0;
    perSetting.forEach((n, setting) => {
      for (let k = 0; k < n; k++) {
        // 75% on roll for all six rounds; the rest join late, leave early, or both.
        const shape = rnd.next();
        let firstRound = 0;
        let lastOnRoll = lastRound;
        if (shape >= 0.75) {
          if (shape < 0.85) firstRound = rnd.int(1, lastRound - 1);
          else if (shape < 0.95) lastOnRoll = rnd.int(1, lastRound - 1);
          else {
            firstRound = rnd.int(1, lastRound - 2);
            lastOnRoll = rnd.int(firstRound + 1, lastRound - 1);
          }
        }
        // Aged 6 to 72 completed months at every screening they could have.
        const first = firstScreen(firstRound);
        const last = latestScreen(lastOnRoll);
        const youngest = addDays(addMonths(first, -6), -1);
        const oldest = addDays(addMonths(last, -72), 1);
        const dob = addDays(oldest, rnd.int(0, daysBetween(oldest, youngest)));
        const sex: Sex = rnd.chance(0.02) ? 'not-recorded' : rnd.chance(0.5) ? 'female' : 'male';
        const ethnicity = weighted(rnd, ethnicityWeights);
        const eal = rnd.chance(ethnicity === 'WBRI' ? 0.04 : 0.55);
        const send = rnd.next();
        const sendStage: SendStage = send < 0.03 ? 'ehcp' : send < 0.12 ? 'sen-support' : 'none';
        const leaver = lastOnRoll < lastRound;
        const leaveDate = leaver ? addDays(roundPlans[lastOnRoll]?.endDate ?? today, -rnd.int(0, 10)) : null;
        const startDate = rnd.chance(0.08) ? null : addDays(first, -rnd.int(7, 200));
        const ageNow = ageInCompletedMonths(dob, leaveDate ?? today);
        const room = roomIds[setting]?.[ageNow < 24 ? 0 : ageNow < 36 ? 1 : 2] ?? null;
        const keyPerson = rnd.pick(keyPersonIndexes);
        const firstName = rnd.pick(firstNames[sex === 'male' ? 'male' : 'female']);
        const lastName = `${rnd.pick(surnameStarts)}${rnd.pick(surnameEnds)}`;
        const id = ids.next();
        const created = `${startDate ?? first}T09:00:00.000Z`;
        insertChild.run(
          id,
          settingIds[setting],
          firstName,
          lastName,
          dob,
          sex,
          ethnicity,
          eal ? '["English","Polish"]' : '["English"]',
          eal ? 1 : 0,
          sendStage,
          ageNow >= 24 && ageNow < 36 && rnd.chance(0.3) ? 1 : 0,
          rnd.chance(0.12) ? 1 : 0,
          room,
          staffIds[setting]?.[keyPerson] ?? null,
          startDate !== null && startDate < addMonths(dob, 3) ? addMonths(dob, 3) : startDate,
          leaveDate,
          foldForSearch(`${firstName} ${lastName}`),
          leaveDate ? `${leaveDate}T16:00:00.000Z` : null,
          created,
          leaveDate ? `${leaveDate}T16:00:00.000Z` : created,
        );
        counts.children++;
        children.push({ index: childIndex++, id, setting, dob, need: needFor(rnd), firstRound, lastRound: lastOnRoll, keyPerson, leaveDate });
      }
    });
    log(`  ${counts.children} children planned and inserted`);

    // ----- Screenings, one round at a time in date order (as a real database fills up).
    // A base screen for each child on roll (a few missed), and a review screen 12 weeks after an
    // Amber or Red one (or, for a few children, a Green one after a concern) when it falls before today. Reviews are chosen so that the total comes
    // to exactly size.screenings (the review candidates outnumber the reviews needed).
    const base: ScreeningEvent[][] = rounds.map(() => []);
    const candidates: ScreeningEvent[] = [];
    for (let r = 0; r <= lastRound; r++) {
      const plan = roundPlans[r];
      if (!plan) continue;
      const roundLimit = plan.endDate < today ? plan.endDate : today;
      for (const c of children) {
        if (r < c.firstRound || r > c.lastRound || rnd.chance(MISS_ROUND)) continue;
        const date = toWeekday(addDays(plan.screenFrom, rnd.int(0, SCREEN_WINDOW_DAYS - 1)));
        if (date > today) continue;
        const x = -(c.need.base + c.need.trend * r) + wobble(rnd, 0.35);
        base[r]?.push({ child: c.index, date, review: false, x });
        // Amber and Red are reviewed; a few Green children are screened again after a concern.
        if (x <= 0 || rnd.chance(0.08)) {
          const reviewDate = toWeekday(addDays(date, REVIEW_AFTER_DAYS + rnd.int(-3, 4)));
          if (reviewDate <= roundLimit && (c.leaveDate === null || reviewDate <= c.leaveDate)) {
            candidates.push({ child: c.index, date: reviewDate, review: true, x: x + 0.45 + wobble(rnd, 0.3) });
          }
        }
      }
    }
    const baseCount = base.reduce((t, b) => t + b.length, 0);
    const reviewsNeeded = size.screenings - baseCount;
    if (reviewsNeeded < 0 || reviewsNeeded > candidates.length) {
      throw new Error(`Cannot make exactly ${size.screenings} screenings: ${baseCount} base screens and ${candidates.length} possible reviews`);
    }
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [candidates[i], candidates[j]] = [candidates[j] as ScreeningEvent, candidates[i] as ScreeningEvent];
    }
    const byRound = base.map((b) => [...b]);
    const latest: HistoryChild['latest'][] = children.map(() => null);
    for (const e of candidates.slice(0, reviewsNeeded)) {
      const r = roundPlans.findIndex((p) => e.date >= p.startDate && e.date <= p.endDate);
      byRound[r]?.push(e);
    }
    log(`  ${baseCount} base screens and ${reviewsNeeded} review screens (of ${candidates.length} possible)`);

    for (const events of byRound) {
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.child - b.child));
      for (const e of events) {
        const c = children[e.child];
        if (!c) throw new Error('child');
        const ageMonths = ageInCompletedMonths(c.dob, e.date);
        const ageSection = sectionForAge(defaultInstrumentSections, ageMonths);
        if (ageSection === null) throw new Error(`Generated an age outside every section: ${ageMonths} months on ${e.date}`);
        const tried = administer(ageSection, e.x, c.need.step);
        const colour = overallColour(tried) ?? 'green';
        const concern = colour !== 'green' && rnd.chance(0.15);
        const prompt = referralPrompt({ ageSection, resolved: tried, concernRaised: concern });
        const settingId = settingIds[c.setting] ?? '';
        const roomAtScreen = roomIds[c.setting]?.[ageMonths < 24 ? 0 : ageMonths < 36 ? 1 : 2] ?? null;
        const keyPersonId = staffIds[c.setting]?.[c.keyPerson] ?? null;
        const screener = rnd.chance(0.6) ? keyPersonId : (staffIds[c.setting]?.[1] ?? null);
        const id = ids.next();
        const created = `${e.date}T${String(8 + rnd.int(0, 8)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00.000Z`;
        insertScreening.run(
          id,
          c.id,
          settingId,
          instrumentId,
          e.date,
          ageMonths,
          ageSection,
          screener,
          roomAtScreen,
          keyPersonId,
          rnd.chance(0.3) ? 1 : 0,
          concern ? 1 : 0,
          concern && rnd.chance(0.4) ? 1 : 0,
          concern ? 'Practitioner concern noted (bench).' : '',
          colour === 'green' ? 'universal' : prompt.prompted && colour === 'red' ? 'referral' : 'targeted',
          colour,
          workingAtSection(tried),
          prompt.prompted ? 1 : 0,
          JSON.stringify(prompt.reasons),
          nextReviewDate(e.date, colour, defaultReviewIntervals),
          created,
          created,
        );
        counts.screenings++;
        // Events run in date order, so the last one written is the child's latest.
        latest[e.child] = { colour, date: e.date, id };
        if (withSections) {
          tried.forEach((t, position) => insertSection.run(id, position, t.section, t.colour, t.colour));
          counts.screeningSections += tried.length;
        }
        if (counts.screenings % 250_000 === 0) log(`  ${counts.screenings} screenings`);
      }
    }

    // ----- Targets, visits and the SLT assistant (issue 12), from a stream of their own so the rows above stay as they were.
    const historyStarted = performance.now();
    history = insertTargetsAndVisits({
      db,
      rnd: new SeededRandom(size.seed ^ 0x715),
      nextId: () => ids.next(),
      today,
      settingIds,
      archived: (i) => i % 75 === 74,
      staffIds,
      children: children.map((c) => ({ id: c.id, setting: c.setting, keyPerson: c.keyPerson, leaveDate: c.leaveDate, latest: latest[c.index] ?? null })),
    });
    historyMs = performance.now() - historyStarted;
    log(`  targets and visits in ${Math.round(historyMs)} ms: ${JSON.stringify(history.counts)}`);
  })();
  if (!history) throw new Error('the history was not generated');
  const { counts: historyCounts, assistantAccountId } = history;
  const generateMs = performance.now() - started;

  // Derived data (children.latest_screening_id, round_results) as after any bulk load, on the
  // same connection: journal off and a 1 GB page cache, so it is faster than in the app.
  const derivedStarted = performance.now();
  db.transaction(() => refreshAllDerived(db))();
  const refreshAllDerivedMs = performance.now() - derivedStarted;
  log(`  refreshAllDerived in ${Math.round(refreshAllDerivedMs)} ms`);

  // The load skipped foreign-key checks for speed; check them once (LA size only, it is slow).
  let foreignKeyCheckMs: number | null = null;
  if (size.children <= 50_000) {
    const t = performance.now();
    const problems = db.pragma('foreign_key_check') as unknown[];
    foreignKeyCheckMs = performance.now() - t;
    if (problems.length > 0) throw new Error(`The generated data breaks ${problems.length} foreign keys, first: ${JSON.stringify(problems[0])}`);
  }
  db.close();
  return {
    path,
    rounds,
    localAuthorities,
    sampleSettingId,
    largestSettingId,
    counts,
    history: historyCounts,
    assistantAccountId,
    timings: { generateMs, historyMs, refreshAllDerivedMs, foreignKeyCheckMs },
  };
}
