import type { MethodOutput } from '../../shared/contract/index.js';
import { defaultInstrumentSections } from '../../shared/domain/screening.js';
import type { Child, ChildRow } from '../../shared/schemas/children.js';
import type { Instrument } from '../../shared/schemas/instruments.js';
import type { Room } from '../../shared/schemas/rooms.js';
import type { SettingSummary } from '../../shared/schemas/settings.js';
import type { Staff } from '../../shared/schemas/staff.js';

// Made-up records for renderer tests, typed from the schemas and checked against the contract by
// the fake transport whenever a handler returns them.

export const today = '2026-11-27';
const stamp = '2026-01-01T00:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: stamp, updatedAt: stamp });

export const ids = {
  setting: '11111111-1111-4111-8111-111111111111',
  roomSunflowers: '22222222-2222-4222-8222-222222222221',
  roomRainbows: '22222222-2222-4222-8222-222222222222',
  staffPat: '33333333-3333-4333-8333-333333333331',
  childRobin: '44444444-4444-4444-8444-444444444441',
  childSam: '44444444-4444-4444-8444-444444444442',
  instrument: '55555555-5555-4555-8555-555555555555',
  screening: '66666666-6666-4666-8666-666666666666',
};

export const appInfo: MethodOutput<'app.info'> = {
  version: '0.1.0',
  schemaVersion: 6,
  databasePath: '/tmp/test.sqlite',
  today,
  settingCount: 1,
  readOnly: false,
  encrypted: true,
  integrity: { state: 'ok', message: 'The database passed its full check.' },
};

export const setting: SettingSummary = {
  ...meta(ids.setting),
  name: 'Little Acorns',
  urn: 'EY123456',
  type: 'nursery',
  localAuthority: 'Testshire',
  archivedAt: null,
  reviewIntervals: { amberWeeks: 12, redWeeks: 12, greenMonths: 4, stoppedEarlyWeeks: 2 },
  roomCount: 2,
  staffCount: 1,
  childrenOnRoll: 2,
};

export const rooms: Room[] = [
  { ...meta(ids.roomSunflowers), settingId: ids.setting, name: 'Sunflowers', archivedAt: null, childrenOnRoll: 1 },
  { ...meta(ids.roomRainbows), settingId: ids.setting, name: 'Rainbows', archivedAt: null, childrenOnRoll: 1 },
];

export const staff: Staff[] = [
  {
    ...meta(ids.staffPat),
    settingId: ids.setting,
    name: 'Pat Testperson',
    role: 'practitioner',
    qualificationLevel: 'level-3',
    archivedAt: null,
    keyChildren: 1,
  },
];

/** 44 months old on `today`: section 7 (42–47 months) is the age section. */
export const robin: Child = {
  ...meta(ids.childRobin),
  settingId: ids.setting,
  firstName: 'Robin',
  lastName: 'Testchild',
  dateOfBirth: '2023-03-14',
  sex: 'female',
  ethnicity: 'NOBT',
  homeLanguages: ['English'],
  eal: false,
  sendStage: 'none',
  funded2: false,
  eypp: false,
  roomId: ids.roomSunflowers,
  keyPersonId: ids.staffPat,
  startDate: null,
  leaveDate: null,
  notes: '',
  archivedAt: null,
};

/** The seeded nine-section tool; section 7 has cut-offs (Green from 9, Amber from 5), the rest none. */
export const instrument: Instrument = {
  ...meta(ids.instrument),
  name: 'Early years screening (9 sections)',
  isDefault: true,
  archivedAt: null,
  screeningCount: 0,
  sections: defaultInstrumentSections.map((s) => ({ ...s, lowestGreen: s.section === 7 ? 9 : null, lowestAmber: s.section === 7 ? 5 : null })),
};

export function childRow(child: Child, extra: Partial<ChildRow> = {}): ChildRow {
  return {
    ...child,
    roomName: rooms.find((r) => r.id === child.roomId)?.name ?? null,
    keyPersonName: staff.find((s) => s.id === child.keyPersonId)?.name ?? null,
    latestScreening: null,
    ...extra,
  };
}

export const sam: Child = {
  ...robin,
  ...meta(ids.childSam),
  firstName: 'Sam',
  lastName: 'Othername',
  dateOfBirth: '2024-02-02',
  sex: 'male',
  roomId: ids.roomRainbows,
  eal: true,
};
