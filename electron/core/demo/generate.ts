import { addDays, addMonths } from '../../../shared/domain/dates.js';
import type { Child, EthnicityCode, Sex } from '../../../shared/schemas/children.js';
import type { SettingType } from '../../../shared/schemas/settings.js';
import type { QualificationLevel, Staff, StaffRole } from '../../../shared/schemas/staff.js';
import type { Invoke } from './on-day.js';
import { SeededRandom } from './random.js';
import { addDemoScreenings, NeedDeck, screeningRounds, toWeekday } from './screenings.js';
import { addDemoTargets } from './targets.js';
import { addDemoVisits } from './visits.js';

// Synthetic, obviously fictional data for demonstrations and for trying features out. Names are
// ordinary first names with made-up storybook surnames, settings and local authorities are
// invented, and URNs sit in a range (EY9000xx) chosen to look like test data.
// Everything goes through the API, so demo data obeys the same rules as typed-in data.

export const defaultDemoSeed = 20261127;

const demoSettings: { name: string; type: SettingType; localAuthority: string; children: number }[] = [
  { name: 'Acorn Lane Nursery (demo)', type: 'nursery', localAuthority: 'Sandford (demo)', children: 64 },
  { name: 'Little Owls Pre-school (demo)', type: 'pre-school', localAuthority: 'Sandford (demo)', children: 56 },
  { name: 'Riverside Children’s Centre (demo)', type: 'childrens-centre', localAuthority: 'Westmoor (demo)', children: 60 },
  { name: 'Hilltop School Nursery (demo)', type: 'school-nursery', localAuthority: 'Westmoor (demo)', children: 58 },
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
  ],
};
const surnames = [
  'Applewhistle',
  'Bramblecombe',
  'Buttonhook',
  'Clatterby',
  'Dandelight',
  'Fernwhistle',
  'Figglesby',
  'Gingerhop',
  'Hazelbuck',
  'Honeytrove',
  'Jumblewick',
  'Kettlebrook',
  'Lanternby',
  'Marbleford',
  'Nettlecraft',
  'Puddlefoot',
  'Quillsworth',
  'Rumbletree',
  'Snickleby',
  'Tumbleweed',
  'Wobblestone',
  'Yarrowmere',
  'Pebbleton',
  'Thimblebee',
];
const staffFirstNames = ['Alex', 'Bev', 'Carys', 'Dana', 'Elaine', 'Fatima', 'Gemma', 'Helen', 'Imogen', 'Jas', 'Kerry', 'Lou', 'Mo', 'Priya', 'Sam'];
const otherLanguages = ['Polish', 'Urdu', 'Punjabi', 'Arabic', 'Romanian', 'Bengali', 'Portuguese', 'Somali', 'Lithuanian', 'Tamil'];
const commonEthnicities: readonly EthnicityCode[] = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'MWAS',
  'MWBC',
  'APKN',
  'AIND',
  'ABAN',
  'BAFR',
  'BCRB',
  'CHNE',
  'OOTH',
  'NOBT',
];
const staffPlan: { role: StaffRole; level: QualificationLevel }[] = [
  { role: 'manager', level: 'level-6-plus' },
  { role: 'communication-champion', level: 'level-3' },
  { role: 'practitioner', level: 'level-3' },
  { role: 'practitioner', level: 'level-3' },
  { role: 'practitioner', level: 'level-2' },
  { role: 'practitioner', level: 'level-4-5' },
  { role: 'practitioner', level: 'none' },
  { role: 'slt-assistant', level: 'level-4-5' },
];

export interface DemoSummary {
  settings: number;
  rooms: number;
  staff: number;
  children: number;
  screenings: number;
  rounds: number;
  targets: number;
  settingTargets: number;
  visits: number;
  visitActions: number;
}

export interface DemoOptions {
  seed?: number;
  today: string;
  /** The API with the clock on a given day: history (targets, visits) is recorded on the day it happened. */
  invokeOn: (today: string) => Invoke;
  /** Reports each finished setting: demo generation can take a moment on a slow PC. */
  onProgress?: (done: number, total: number) => void;
}

export function generateDemo(invoke: Invoke, options: DemoOptions): DemoSummary {
  const rnd = new SeededRandom(options.seed ?? defaultDemoSeed);
  // Screenings draw from their own stream, so adding them leaves the children exactly as before.
  const screeningRnd = new SeededRandom((options.seed ?? defaultDemoSeed) ^ 0x5c4ee7);
  // Targets and visits have a stream of their own too, for the same reason.
  const historyRnd = new SeededRandom((options.seed ?? defaultDemoSeed) ^ 0x7a46e7);
  const summary: DemoSummary = {
    settings: 0,
    rooms: 0,
    staff: 0,
    children: 0,
    screenings: 0,
    rounds: 0,
    targets: 0,
    settingTargets: 0,
    visits: 0,
    visitActions: 0,
  };
  const strategyIds = new Map(invoke('strategies.list', {}).map((s) => [s.title, s.id]));
  const instrument = invoke('instruments.list', {}).find((i) => i.isDefault && !i.archivedAt);
  const rounds = screeningRounds(options.today);
  const needs = new NeedDeck(screeningRnd);
  demoSettings.forEach((plan, index) => {
    const setting = invoke('settings.create', {
      name: plan.name,
      urn: `EY9000${String(index + 1).padStart(2, '0')}`,
      type: plan.type,
      localAuthority: plan.localAuthority,
    });
    summary.settings++;
    const rooms = ['Babies', 'Toddlers', 'Pre-school'].map((name) => invoke('rooms.create', { settingId: setting.id, name }));
    summary.rooms += rooms.length;
    // Consecutive first names per setting, so no two staff in a setting share one.
    const staff = staffPlan.map((p, i) =>
      invoke('staff.create', {
        settingId: setting.id,
        name: `${staffFirstNames[(index * staffPlan.length + i) % staffFirstNames.length] ?? 'Alex'} ${rnd.pick(surnames)}`,
        role: p.role,
        qualificationLevel: p.level,
      }),
    );
    summary.staff += staff.length;
    const keyPeople = staff.filter((s) => s.role === 'practitioner' || s.role === 'communication-champion');
    const screeningPlan = instrument && {
      instrument,
      needs,
      champion: staff.find((s) => s.role === 'communication-champion'),
      practitioners: staff.filter((s) => s.role === 'practitioner'),
      today: options.today,
      rounds,
    };

    // On roll at the end, in the order made: what targets and visits are written for.
    const onRoll: Child[] = [];
    for (let i = 0; i < plan.children; i++) {
      const ageMonths = rnd.int(7, 58);
      const dateOfBirth = addDays(addMonths(options.today, -ageMonths), -rnd.int(0, 27));
      const sex: Sex = rnd.chance(0.02) ? 'not-recorded' : rnd.chance(0.5) ? 'female' : 'male';
      const eal = rnd.chance(0.2);
      const room = ageMonths < 24 ? rooms[0] : ageMonths < 36 ? rooms[1] : rooms[2];
      const startDate = addMonths(dateOfBirth, rnd.int(6, Math.max(6, ageMonths - 1)));
      const leaver = rnd.chance(0.06);
      const send = rnd.next();
      const child = invoke('children.create', {
        settingId: setting.id,
        firstName: rnd.pick(firstNames[sex === 'male' ? 'male' : 'female']),
        lastName: rnd.pick(surnames),
        dateOfBirth,
        sex,
        ethnicity: rnd.pick(commonEthnicities),
        homeLanguages: eal ? ['English', rnd.pick(otherLanguages)] : ['English'],
        eal,
        sendStage: send < 0.02 ? 'ehcp' : send < 0.1 ? 'sen-support' : 'none',
        funded2: ageMonths >= 24 && ageMonths < 36 && rnd.chance(0.3),
        eypp: ageMonths >= 36 && rnd.chance(0.15),
        roomId: room?.id ?? null,
        keyPersonId: rnd.pick(keyPeople).id,
        startDate,
        notes: '',
      });
      // Before archiving: leavers leave today, so they were on roll for every round.
      if (screeningPlan) summary.screenings += addDemoScreenings(invoke, screeningRnd, screeningPlan, child);
      if (leaver) invoke('children.archive', { id: child.id, archived: true, leaveDate: options.today });
      else onRoll.push(child);
      summary.children++;
    }
    addHistory(invoke, options, historyRnd, { index, settingId: setting.id, staff, strategyIds, children: onRoll }, summary);
    options.onProgress?.(index + 1, demoSettings.length);
  });
  // The terms the rounds fall in, as cohort tracking counts them.
  for (const start of rounds) summary.rounds += createTermRound(invoke, start) ? 1 : 0;
  return summary;
}

interface HistoryPlan {
  index: number;
  settingId: string;
  staff: readonly Staff[];
  strategyIds: ReadonlyMap<string, string>;
  children: readonly Child[];
}

/**
 * A year of one setting's targets and visits. The second setting has a strategy of its own,
 * added at the start of the year and used in its targets.
 */
function addHistory(invoke: Invoke, options: DemoOptions, rnd: SeededRandom, plan: HistoryPlan, summary: DemoSummary): void {
  const { today, invokeOn } = options;
  const own =
    plan.index === 1
      ? invokeOn(toWeekday(addMonths(today, -12)))('strategies.create', {
          settingId: plan.settingId,
          group: 'parents',
          title: 'Story sack of the week',
          description:
            'Each week one family borrows a story sack: a picture book with a few toys from the story and a card of ideas for talking about it together.',
          homeVersion: 'Share the story sack with your child and use the toys to act out the story together.',
        })
      : null;
  const champion = plan.staff.find((s) => s.role === 'communication-champion');
  const targets = addDemoTargets(
    invoke,
    { invokeOn, rnd, today, first: plan.index === 0, champion, staff: plan.staff, strategyIds: plan.strategyIds, ownStrategyId: own?.id ?? null },
    plan.children,
  );
  summary.targets += targets.targets;
  const visits = addDemoVisits({
    invokeOn,
    rnd,
    today,
    settingIndex: plan.index,
    settingId: plan.settingId,
    staff: plan.staff,
    flagged: targets.flagged,
    strategyIds: plan.strategyIds,
    ownStrategyId: own?.id ?? null,
  });
  summary.visits += visits.visits;
  summary.visitActions += visits.actions;
  summary.settingTargets += visits.settingTargets;
}

/** Autumn (September to December), Spring (January to April), Summer (May to August). */
function createTermRound(invoke: Invoke, start: string): boolean {
  const [yearText = '', monthText = ''] = start.split('-');
  const month = Number(monthText);
  const [name, from, to] = month >= 9 ? ['Autumn', '09-01', '12-31'] : month >= 5 ? ['Summer', '05-01', '08-31'] : ['Spring', '01-01', '04-30'];
  const existing = invoke('rounds.list', {}).some((r) => r.name === `${name} ${yearText}`);
  if (existing) return false;
  invoke('rounds.create', { name: `${name} ${yearText}`, startDate: `${yearText}-${from}`, endDate: `${yearText}-${to}` });
  return true;
}
