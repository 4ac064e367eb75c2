import { contract, type MethodName } from '../../shared/contract/index.js';
import type { Core } from '../../electron/core/core.js';
import { importCsv as csv, importMapping as mapping, smallWorld } from './inputs.js';
import { addStrategy, validSettingTarget } from './settingTargets.js';

// A valid input for each method, on a database with one of each record, as the fuzz test's
// starting points: each hostile input is one of these with one field spoilt. The table is
// Partial on purpose: a method added to the contract without an entry here is still fuzzed, from
// an empty input and its schema's fields (see fieldsOf), so the fuzz test never needs editing
// for a new method. The registry test keeps the table that must name every method.

export type ValidInputs = Partial<Record<MethodName, unknown>>;

/** Makes the records the inputs name, on a fresh core, and returns the inputs. */
export async function validInputs(core: Core, method: MethodName): Promise<ValidInputs> {
  const { setting, room, person, child, instrument, screeningInput, screening, round } = smallWorld(core);
  // Only the methods that need more than the records above get it, so most cores stay small.
  let backupFile: string | undefined;
  if (method === 'backups.restore') backupFile = (await core.invokeAsync('backups.create', { kind: 'manual' })).fileName;
  if (method === 'imports.undoLast') {
    await core.invokeAsync('imports.run', { kind: 'children', settingId: setting.id, fileName: 'children.csv', base64: csv, mapping, dryRun: false });
  }
  let leaverId: string | undefined;
  if (method === 'retention.purge') {
    const leaver = core.invoke('children.create', { settingId: setting.id, firstName: 'Cal', lastName: 'Cobble', dateOfBirth: '2019-01-10', sex: 'male' });
    core.invoke('children.archive', { id: leaver.id, archived: true, leaveDate: '2022-07-20' });
    leaverId = leaver.id;
  }
  const visit = core.invoke('visits.schedule', { settingId: setting.id, plannedDate: '2026-12-04', visitorName: 'Sam Visitor' });
  const held = core.invoke('visits.record', { settingId: setting.id, heldDate: '2026-11-20', visitorName: 'Sam Visitor' });
  const action = core.invoke('visits.addAction', { visitId: held.id, description: 'Share the home version', ownerName: 'Kim', dueDate: '2026-12-04' });
  // A whole-setting target and a shared strategy, for those methods only.
  const targets = method.startsWith('settingTargets.');
  const strategyId = targets ? addStrategy(core, null, 'Visual timetables') : undefined;
  const targetId = targets ? core.invoke('settingTargets.create', validSettingTarget(setting.id, { strategyIds: [strategyId] })).id : undefined;
  // A target and a setting's own strategy for the methods that name one.
  const needsTarget = method.startsWith('targets.') || method === 'strategies.update' || method === 'strategies.archive';
  const strategy = needsTarget
    ? core.invoke('strategies.create', { settingId: setting.id, group: 'environment', title: 'Quiet corner', description: 'A quiet place to talk.' })
    : null;
  const target = needsTarget
    ? core.invoke('targets.create', {
        childId: child.id,
        screeningId: screening.id,
        section: 7,
        aim: 'Points to ask for things',
        startDate: '2026-11-20',
        reviewDate: '2026-12-18',
        strategyIds: [strategy?.id ?? ''],
      })
    : null;
  return {
    'app.info': {},
    'settings.list': { includeArchived: true },
    'settings.get': { id: setting.id },
    'settings.create': { name: 'Bramble', urn: 'EY654321', type: 'pre-school', localAuthority: 'Kent' },
    'settings.update': { id: setting.id, name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' },
    'settings.archive': { id: setting.id, archived: false },
    'settings.workLists': { settingId: setting.id },
    'settings.updateReviewIntervals': { settingId: setting.id, amberWeeks: 10, redWeeks: 8, greenMonths: 6, stoppedEarlyWeeks: 2 },
    'rooms.list': { settingId: setting.id, includeArchived: false },
    'rooms.create': { settingId: setting.id, name: 'Toddlers' },
    'rooms.update': { id: room.id, name: 'Baby room' },
    'rooms.archive': { id: room.id, archived: false },
    'staff.list': { settingId: setting.id },
    'staff.create': { settingId: setting.id, name: 'Lee', role: 'manager', qualificationLevel: 'level-6-plus' },
    'staff.update': { id: person.id, name: 'Kim K', role: 'practitioner', qualificationLevel: 'level-3' },
    'staff.archive': { id: person.id, archived: false },
    'children.list': { settingId: setting.id, search: 'Ama', roomId: room.id, limit: 10, offset: 0 },
    'children.get': { id: child.id },
    'children.create': {
      settingId: setting.id,
      firstName: 'Ben',
      lastName: 'Buttonhook',
      dateOfBirth: '2022-06-15',
      sex: 'male',
      roomId: room.id,
      keyPersonId: person.id,
      startDate: '2023-01-09',
      notes: 'Likes trains',
    },
    'children.update': { id: child.id, firstName: 'Amara', lastName: 'Applewhistle', dateOfBirth: '2023-03-02', sex: 'female' },
    'children.archive': { id: child.id, archived: true, leaveDate: '2026-11-01' },
    'instruments.get': { id: instrument.id },
    'instruments.copy': { fromId: instrument.id, name: 'Local version' },
    'instruments.update': { id: instrument.id, name: instrument.name, sections: [{ section: 1, itemCount: 10, lowestGreen: 7, lowestAmber: 3 }] },
    'instruments.setDefault': { id: instrument.id },
    'screenings.listForChild': { childId: child.id },
    'screenings.get': { id: screening.id },
    'screenings.preview': screeningInput,
    'screenings.create': { ...screeningInput, screenerId: person.id, comments: { speechSounds: 'Clear', other: 'Chatty' } },
    'screenings.update': { ...screeningInput, childId: undefined, id: screening.id },
    'screenings.delete': { id: screening.id },
    'rounds.create': { name: 'Spring 2027', startDate: '2027-01-01', endDate: '2027-04-30' },
    'rounds.update': { id: round.id, name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' },
    'rounds.delete': { id: round.id },
    'cohort.breakdown': { roundId: round.id, groupBy: 'room', scope: { settingId: setting.id } },
    'cohort.workingAt': { scope: { settingId: setting.id }, roundId: round.id },
    'cohort.overview': { roundId: round.id },
    'cohort.trend': { scope: { settingId: setting.id } },
    'cohort.transitions': { fromRoundId: round.id, toRoundId: round.id },
    'cohort.settings': { roundId: round.id },
    'cohort.children': { roundId: round.id, colour: 'green', limit: 20 },
    'cohort.targets': { roundId: round.id, groupBy: 'room', scope: { settingId: setting.id }, suppressBelow: 2 },
    'export.xlsx': { title: 'Test', columns: ['A', 'B'], rows: [[1, 'two']] },
    'export.tracker': { settingId: setting.id, roundId: round.id, format: 'csv' },
    'export.laTracker': { roundId: round.id },
    'export.child': { childId: child.id },
    'audit.list': { settingId: setting.id, recordId: child.id, actor: 'Kim', from: '2026-01-01', to: '2026-12-31', limit: 10 },
    'backups.configure': { keep: 5 },
    'backups.create': { kind: 'manual' },
    'backups.restore': { fileName: backupFile },
    'retention.updatePolicy': { recordType: 'screening', years: 4 },
    'retention.due': { withinDays: 30 },
    'retention.purge': { childIds: [leaverId], confirm: true },
    'imports.preview': { kind: 'children', settingId: setting.id, fileName: 'children.csv', base64: csv },
    'imports.run': { kind: 'children', settingId: setting.id, fileName: 'children.csv', base64: csv, mapping, dryRun: true },
    'imports.undoLast': { settingId: setting.id, kind: 'children' },
    'imports.list': { settingId: setting.id },
    'imports.listSources': { kind: 'children' },
    'visits.list': { settingId: setting.id },
    'visits.get': { id: visit.id },
    'visits.schedule': { settingId: setting.id, plannedDate: '2026-12-04', visitorAccountId: null, visitorName: 'Sam Visitor', visitorRole: 'SLT assistant' },
    'visits.record': {
      settingId: setting.id,
      id: null,
      heldDate: '2026-11-20',
      visitorName: 'Sam Visitor',
      visitorRole: 'SLT assistant',
      attendees: [{ staffId: person.id, name: 'Kim', role: 'Practitioner' }],
      childrenDiscussed: [{ childId: child.id, note: 'Talking more' }],
      screensCheckedCount: 3,
      screensCheckedNote: 'Babies room',
      coaching: 'Modelled commenting',
      notes: 'Good visit',
      nextVisitDate: '2026-12-18',
    },
    'visits.cancel': { id: visit.id, reason: 'Setting closed' },
    'visits.actions': { settingId: setting.id, includeDone: false },
    'visits.addAction': { visitId: visit.id, description: 'Visual timetable', ownerStaffId: person.id, ownerName: '', dueDate: '2026-12-11' },
    'visits.updateAction': { id: action.id, description: 'Visual timetable', ownerStaffId: null, ownerName: 'Kim', dueDate: '2026-12-18' },
    'visits.setActionDone': { id: action.id, done: true, doneDate: '2026-11-27', doneBy: 'Kim' },
    'visits.mine': { accountId: null },
    'visits.frequency': { settingId: setting.id },
    'visits.setFrequency': { settingId: setting.id, weeks: 6 },
    'visits.agenda': { settingId: setting.id, date: '2026-11-27', visitId: visit.id },
    'visits.save': {
      settingId: setting.id,
      id: visit.id,
      heldDate: '2026-11-20',
      visitorName: 'Sam Visitor',
      targetReviews: [],
      settingTargetReviews: [],
      newActions: [{ description: 'Visual timetable', ownerStaffId: null, ownerName: 'Kim', dueDate: '2026-12-11' }],
      actionsDone: [{ id: action.id, doneDate: '2026-11-27', doneBy: 'Kim' }],
    },
    'visits.reviews': { id: held.id },
    'settingTargets.list': { settingId: setting.id, status: 'planned', search: 'room' },
    'settingTargets.get': { id: targetId },
    'settingTargets.create': validSettingTarget(setting.id, {
      ownerName: '',
      ownerStaffId: person.id,
      description: 'Pictures at child height',
      strategyIds: [strategyId],
    }),
    'settingTargets.update': { id: targetId, title: 'Every room uses a visual timetable', ownerName: 'Sam', dueDate: '2027-01-31', strategyIds: [strategyId] },
    'settingTargets.review': {
      settingTargetId: targetId,
      reviewDate: '2026-11-27',
      reviewer: 'Ash',
      note: 'Two rooms of three',
      evidence: 'Seen in Babies',
      status: 'in-progress',
    },
    'settingTargets.stop': { id: targetId, reason: 'Replaced' },
    'settingTargets.remove': { id: targetId },
    'strategies.list': { settingId: setting.id, search: 'wait', group: 'interaction', includeArchived: true },
    'strategies.create': {
      settingId: setting.id,
      group: 'routines',
      title: 'Tidy-up song',
      description: 'Sing it at every tidy-up.',
      homeVersion: 'Sing it at home.',
    },
    'strategies.update': { id: strategy?.id, group: 'routines', title: 'Tidy-up song', description: 'Sing it slowly.', homeVersion: 'Sing it at home.' },
    'strategies.archive': { id: strategy?.id, archived: true },
    'targets.listForChild': { childId: child.id },
    'targets.list': { settingId: setting.id, status: 'active', reviewDueBy: '2026-12-31', limit: 50 },
    'targets.get': { id: target?.id },
    'targets.suggest': { screeningId: screening.id },
    'targets.create': {
      childId: child.id,
      screeningId: screening.id,
      section: 7,
      aim: 'Uses two words together',
      activities: 'Snack-time choices',
      deliveredBy: 'Key person',
      howOften: 'Daily',
      place: 'Snack table',
      startDate: '2026-11-20',
      reviewDate: '2026-12-18',
      strategyIds: [strategy?.id],
    },
    'targets.update': { id: target?.id, aim: 'Uses two words at snack', startDate: '2026-11-20', reviewDate: '2026-12-18', strategyIds: [strategy?.id] },
    'targets.review': {
      targetId: target?.id,
      reviewDate: '2026-11-27',
      reviewer: 'Kim',
      progress: 'some',
      note: 'Better',
      status: 'active',
      nextReviewDate: '2027-01-08',
    },
    'targets.stop': { id: target?.id, stoppedOn: '2026-11-27', reason: 'Referred on' },
    'reports.settingPreview': {
      settingId: setting.id,
      period: { roundId: round.id, from: null, to: null },
      initialsOnly: false,
      narrative: { achievements: 'Good', priorities: 'More' },
    },
    'reports.produceSetting': {
      settingId: setting.id,
      period: { roundId: round.id },
      initialsOnly: true,
      narrative: { achievements: 'Good', priorities: 'More' },
    },
    'reports.areaPreview': {
      scope: { localAuthority: 'Northshire', settingType: 'nursery', settingIds: [setting.id] },
      period: { from: '2026-09-01', to: '2026-12-31' },
      suppressBelow: 5,
    },
    'reports.produceArea': { scope: { settingIds: [setting.id] }, period: { roundId: round.id }, narrative: { achievements: 'Good', priorities: 'More' } },
    'reports.childPreview': { childId: child.id, audience: 'parents', note: 'Hello' },
    'reports.produceChild': { childId: child.id, audience: 'next-setting', note: 'Hello' },
    'reports.list': { settingId: setting.id, childId: child.id, kind: 'child' },
    'reports.get': { id: round.id },
    'reports.savePdf': { title: 'Setting progress report' },
  };
}

/** The fields a method's input schema names, read from the schema itself. */
export function fieldsOf(method: MethodName): string[] {
  const schema: unknown = contract[method].input;
  const shape = typeof schema === 'object' && schema !== null && 'shape' in schema ? (schema as { shape: unknown }).shape : null;
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
}

export type Path = (string | number)[];

/** Every place in a value a hostile value could go: each field, and inside arrays and objects. */
export function pathsOf(value: unknown, extraFields: readonly string[] = [], depth = 3): Path[] {
  const paths: Path[] = [];
  const walk = (v: unknown, at: Path) => {
    if (at.length >= depth || typeof v !== 'object' || v === null) return;
    for (const [key, child] of Object.entries(v)) {
      if (child === undefined) continue;
      const next = [...at, Array.isArray(v) ? Number(key) : key];
      paths.push(next);
      walk(child, next);
    }
  };
  walk(value, []);
  for (const field of extraFields) if (!paths.some((p) => p.length === 1 && p[0] === field)) paths.push([field]);
  return paths;
}

export function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

/** A copy of `base` with `replacement` at `path`; the base itself is left alone. */
export function withValueAt(base: unknown, path: Path, replacement: unknown): unknown {
  return setAt(structuredClone(base ?? {}), path, replacement);
}

/** Puts `replacement` at `path` in `target` itself; a path through a plain value changes nothing. */
export function setAt(target: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  let v = target;
  for (const key of path.slice(0, -1)) {
    v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  if (typeof v !== 'object' || v === null) return target;
  // defineProperty, not assignment: a key named __proto__ must become an own property.
  Object.defineProperty(v, path[path.length - 1] as string | number, { value: replacement, enumerable: true, writable: true, configurable: true });
  return target;
}
