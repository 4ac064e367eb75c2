import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract/index.js';
import { isIsoDate } from '../../shared/domain/dates.js';
import { isoDateSchema } from '../../shared/schemas/common.js';
import type { Core } from '../../electron/core/core.js';
import { failure } from '../support/api.js';
import { dump, testCore } from '../support/core.js';

// Every date a caller sends goes through isoDateSchema, and cross-field rules (date order, age
// checks) run beside it. An impossible date in one field once made such a rule throw, turning a
// plain "enter a real date" into a 500 and a Save button that did nothing. This walks every
// method's input schema for its date fields and sends each of them bad dates.

type Path = (string | number)[];

interface ZodNode {
  _zod: { def: { type: string; shape?: Record<string, ZodNode>; innerType?: ZodNode; in?: ZodNode; element?: ZodNode } };
}

/** Paths of the date fields in a schema, and of fields named like dates that skip isoDateSchema. */
function dateFields(schema: ZodNode, path: Path = [], found = { dates: [] as Path[], suspicious: [] as Path[] }) {
  if (schema === (isoDateSchema as unknown as ZodNode)) {
    found.dates.push(path);
    return found;
  }
  const def = schema._zod.def;
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) {
      const before = found.dates.length;
      dateFields(child, [...path, key], found);
      if (found.dates.length === before && /date|^(from|to)$/i.test(key)) found.suspicious.push([...path, key]);
    }
  } else if (def.innerType) dateFields(def.innerType, path, found);
  else if (def.type === 'pipe' && def.in) dateFields(def.in, path, found);
  else if (def.type === 'array' && def.element) dateFields(def.element, [...path, 0], found);
  return found;
}

const discovered = methodNames.flatMap((method) => {
  const { dates, suspicious } = dateFields(contract[method].input as unknown as ZodNode);
  return [...dates.map((path) => ({ method, path, suspicious: false })), ...suspicious.map((path) => ({ method, path, suspicious: true }))];
});
const targets = discovered.filter((t) => !t.suspicious);

/** A core with one of each record, and a valid input for every method that takes a date. */
function fixture(): { core: Core; valid: Partial<Record<MethodName, Record<string, unknown>>> } {
  const core = testCore();
  const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const child = core.invoke('children.create', {
    settingId: setting.id,
    firstName: 'Amara',
    lastName: 'Applewhistle',
    dateOfBirth: '2023-03-01',
    sex: 'female',
  });
  const instrument = core.invoke('instruments.list', {})[0]!;
  const screeningInput = { childId: child.id, instrumentId: instrument.id, screeningDate: '2026-11-20', sections: [{ section: 7, colour: 'green' as const }] };
  const screening = core.invoke('screenings.create', screeningInput);
  const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
  const visit = core.invoke('visits.record', { settingId: setting.id, heldDate: '2026-11-20', visitorName: 'Sam' });
  const action = core.invoke('visits.addAction', { visitId: visit.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-12-04' });
  const settingTarget = core.invoke('settingTargets.create', { settingId: setting.id, title: 'Visual timetables', ownerName: 'Sam', dueDate: '2026-12-31' });
  const target = core.invoke('targets.create', { childId: child.id, aim: 'Points to ask for things', startDate: '2026-11-20', reviewDate: '2026-12-18' });
  // A report's period as a date range: both dates are date fields.
  const autumn = { from: '2026-09-01', to: '2026-12-31' };
  const targetFields = { aim: 'Uses two words together', startDate: '2026-11-20', reviewDate: '2026-12-18' };
  const childFields = { firstName: 'Ben', lastName: 'Buttonhook', dateOfBirth: '2022-06-15', sex: 'male', startDate: '2023-01-09', leaveDate: '2026-07-20' };
  return {
    core,
    valid: {
      'children.create': { settingId: setting.id, ...childFields },
      'children.update': { id: child.id, ...childFields },
      'children.archive': { id: child.id, archived: true, leaveDate: '2026-07-20' },
      'screenings.create': screeningInput,
      'screenings.preview': screeningInput,
      'screenings.update': { ...screeningInput, childId: undefined, id: screening.id },
      'rounds.create': { name: 'Spring 2027', startDate: '2027-01-01', endDate: '2027-04-30' },
      'rounds.update': { id: round.id, name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' },
      'audit.list': { settingId: setting.id, from: '2026-01-01', to: '2026-12-31' },
      'visits.schedule': { settingId: setting.id, plannedDate: '2026-12-04', visitorName: 'Sam' },
      'visits.record': { settingId: setting.id, heldDate: '2026-11-20', visitorName: 'Sam', nextVisitDate: '2026-12-18' },
      'visits.addAction': { visitId: visit.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-12-04' },
      'visits.updateAction': { id: action.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-12-04' },
      'visits.setActionDone': { id: action.id, done: true, doneDate: '2026-11-27' },
      'visits.agenda': { settingId: setting.id, date: '2026-11-27' },
      // One of each part, so every date field in the agenda's save is tried.
      'visits.save': {
        settingId: setting.id,
        heldDate: '2026-11-20',
        visitorName: 'Sam',
        nextVisitDate: '2026-12-18',
        targetReviews: [{ targetId: target.id, reviewDate: '2026-11-27', reviewer: 'Kim', progress: 'some', status: 'active', nextReviewDate: '2027-01-08' }],
        settingTargetReviews: [{ settingTargetId: settingTarget.id, reviewDate: '2026-11-27', reviewer: 'Ash', note: 'Seen', status: 'in-progress' }],
        newActions: [{ description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-12-04' }],
        actionsDone: [{ id: action.id, doneDate: '2026-11-27' }],
      },
      'settingTargets.create': { settingId: setting.id, title: 'Visual timetables', ownerName: 'Sam', dueDate: '2026-12-31' },
      'settingTargets.update': { id: settingTarget.id, title: 'Visual timetables', ownerName: 'Sam', dueDate: '2026-12-31' },
      'settingTargets.review': { settingTargetId: settingTarget.id, reviewDate: '2026-11-27', reviewer: 'Ash', note: 'Seen', status: 'in-progress' },
      'targets.create': { childId: child.id, ...targetFields },
      'targets.update': { id: target.id, ...targetFields },
      'targets.list': { settingId: setting.id, reviewDueBy: '2026-12-31' },
      'targets.review': { targetId: target.id, reviewDate: '2026-11-27', reviewer: 'Kim', progress: 'some', status: 'active', nextReviewDate: '2027-01-08' },
      'targets.stop': { id: target.id, stoppedOn: '2026-11-27', reason: 'Referred on' },
      'reports.settingPreview': { settingId: setting.id, period: autumn },
      'reports.produceSetting': { settingId: setting.id, period: autumn },
      'reports.areaPreview': { period: autumn },
      'reports.produceArea': { scope: { settingIds: [setting.id] }, period: autumn },
    },
  };
}

function withValue(input: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]!] = value;
  return copy;
}

const namedBadDates: unknown[] = ['2024-02-30', '2023-13-01', '', 'tomorrow', '2024-2-3', '27/11/2026', '2023-02-29', '0000-01-01', 20240101, 0, true, {}];
const badDates = fc.oneof(
  fc.constantFrom(...namedBadDates),
  fc.string().filter((s) => !isIsoDate(s)),
  fc.integer(),
  fc.double(),
  // Shaped like a date, but the day or month may not exist.
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    .filter((s) => !isIsoDate(s)),
);

/** The call is refused with VALIDATION naming exactly the bad field's path, and nothing is written. */
function expectRefused(core: Core, method: MethodName, input: Record<string, unknown>, path: Path): void {
  const error = failure(core, method, input, (c) => dump(c));
  expect(error.code, `${method} ${path.join('.')}: ${error.message}`).toBe('VALIDATION');
  expect(error.issues?.map((i) => i.path.join('.'))).toContain(path.join('.'));
}

describe('invalid dates in every date field of every method', () => {
  it('finds the date fields, and every field named like a date is checked as one', () => {
    expect(discovered.filter((t) => t.suspicious).map((t) => `${t.method}: ${t.path.join('.')}`)).toEqual([]);
    expect(targets.map((t) => `${t.method}: ${t.path.join('.')}`)).toEqual(
      expect.arrayContaining(['children.create: dateOfBirth', 'children.create: startDate', 'rounds.update: endDate']),
    );
  });

  it('has a valid input for each method with a date field, which passes the method’s own schema', () => {
    const { valid } = fixture();
    expect(Object.keys(valid).sort()).toEqual([...new Set(targets.map((t) => t.method))].sort());
    for (const [method, input] of Object.entries(valid)) {
      const parsed = contract[method as MethodName].input.safeParse(input);
      expect(parsed.success, `${method}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it.each(namedBadDates.map((value) => [JSON.stringify(value), value] as const))('refuses %s in each field with VALIDATION naming it', (_label, value) => {
    const { core, valid } = fixture();
    for (const { method, path } of targets) expectRefused(core, method, withValue(valid[method]!, path, value), path);
  });

  it('refuses any generated bad date, in any field, beside valid dates in the others', { timeout: 120_000 }, () => {
    const { core, valid } = fixture();
    fc.assert(
      fc.property(fc.constantFrom(...targets), badDates, ({ method, path }, value) => {
        expectRefused(core, method, withValue(valid[method]!, path, value), path);
      }),
      { numRuns: 300 },
    );
  });

  it('tolerates bad dates in every date field at once, naming each of them', () => {
    const { core, valid } = fixture();
    for (const [method, input] of Object.entries(valid)) {
      const paths = targets.filter((t) => t.method === method).map((t) => t.path);
      const bad = paths.reduce((acc, path) => withValue(acc, path, '2024-02-30'), input);
      const error = failure(core, method, bad, (c) => dump(c));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.map((i) => i.path.join('.')).sort()).toEqual(paths.map((p) => p.join('.')).sort());
    }
  });
});

// Keeps the zod import honest: the walk above relies on zod 4's internal `_zod.def` layout.
export type _CheckedAgainst = z.ZodType;
