import type { MethodName } from '../../shared/contract/index.js';
import type { Core } from '../../electron/core/core.js';
import { existsSync } from 'node:fs';
import { createKeyFile, keyFilePathFor } from '../../electron/core/keys/key-file.js';
import { testPassword } from './accounts.js';
import { addStrategy, validSettingTarget } from './settingTargets.js';

/** The passphrase of the key file `withKeyFile` writes beside a test core's database. */
export const testKeyPassphrase = 'correct horse battery';

/** Test cores open with a fixed key and no key file: a key change needs one, for the keys the core holds now. */
export function withKeyFile(core: Core): string {
  const keyPath = keyFilePathFor(core.context.databasePath);
  const keys = core.context.connection.options.keys;
  if (!keys) throw new Error('withKeyFile needs an encrypted test core');
  if (!existsSync(keyPath)) createKeyFile(keyPath, testKeyPassphrase, undefined, keys);
  return testKeyPassphrase;
}

// One valid input for every method in the contract, over a small world of records made on the
// given core (signed in as a manager): the registry test calls each method once with these, and
// the permission test calls each with every role that may not.

/** One of each record the inputs name: a setting, room, staff member, child, screening and round. */
export function smallWorld(core: Core) {
  const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const room = core.invoke('rooms.create', { settingId: setting.id, name: 'Babies' });
  const person = core.invoke('staff.create', { settingId: setting.id, name: 'Kim', role: 'practitioner', qualificationLevel: 'level-3' });
  const child = core.invoke('children.create', {
    settingId: setting.id,
    firstName: 'Amara',
    lastName: 'Applewhistle',
    dateOfBirth: '2023-03-01',
    sex: 'female',
  });
  const instrument = core.invoke('instruments.list', {})[0]!;
  // 44 months on 2026-11-20: section 7 (42-47 months).
  const screeningInput = {
    childId: child.id,
    instrumentId: instrument.id,
    screeningDate: '2026-11-20',
    sections: [{ section: 7, colour: 'green' as const }],
  };
  const screening = core.invoke('screenings.create', screeningInput);
  const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
  return { setting, room, person, child, instrument, screeningInput, screening, round };
}

/** A children file of one row, and its column mapping, for the import methods. */
export const importCsv = Buffer.from('First name,Last name,Date of birth\r\nDara,Dumbleby,01/02/2023\r\n').toString('base64');
export const importMapping = { firstName: 'First name', lastName: 'Last name', dateOfBirth: 'Date of birth' };

export function validInputs(core: Core): Record<MethodName, () => unknown> {
  const { setting, room, person, child, instrument, screeningInput, screening, round } = smallWorld(core);
  const kim = () => core.invoke('accounts.list', {}).find((a) => a.userName === 'kim')?.id;
  // A held visit and an action agreed at it, made when first needed.
  const heldVisitInput = () => ({ settingId: setting.id, heldDate: '2026-11-20', visitorName: 'Sam Visitor', nextVisitDate: '2026-12-18' });
  let visit: { id: string } | undefined;
  const heldVisit = () => (visit ??= core.invoke('visits.record', heldVisitInput()));
  let agreed: { id: string } | undefined;
  const action = () =>
    (agreed ??= core.invoke('visits.addAction', { visitId: heldVisit().id, description: 'Share the home version', ownerName: 'Kim', dueDate: '2026-12-04' }));
  // One whole-setting target, made when a method first needs it (the other inputs stay as they were).
  let settingTarget: string | undefined;
  const wholeSettingTarget = () => (settingTarget ??= core.invoke('settingTargets.create', validSettingTarget(setting.id)).id);
  // Made on first use, after the screening and child methods have run, and found again after.
  let ownStrategyId: string | undefined;
  const ownStrategy = () =>
    (ownStrategyId ??= core.invoke('strategies.create', {
      settingId: setting.id,
      group: 'environment',
      title: 'Quiet corner',
      description: 'A quiet place to talk.',
    }).id);
  let targetId: string | undefined;
  const target = () =>
    (targetId ??= core.invoke('targets.create', { childId: child.id, aim: 'Points to ask for things', startDate: '2026-11-20', reviewDate: '2026-12-18' }).id);
  // A produced report, made when a method first needs one.
  let reportId: string | undefined;
  const report = () => (reportId ??= core.invoke('reports.produceSetting', { settingId: setting.id, period: { roundId: round.id } }).id);
  // A Record over MethodName: adding a method to the contract without a case here fails to compile.
  return {
    'app.info': () => ({}),
    'demo.load': () => ({}),
    'settings.list': () => ({}),
    'settings.get': () => ({ id: setting.id }),
    'settings.create': () => ({ name: 'Bramble', urn: 'EY654321', type: 'pre-school' }),
    'settings.update': () => ({ id: setting.id, name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' }),
    'settings.archive': () => ({ id: setting.id, archived: false }),
    'settings.workLists': () => ({ settingId: setting.id }),
    'rooms.list': () => ({ settingId: setting.id }),
    'rooms.create': () => ({ settingId: setting.id, name: 'Toddlers' }),
    'rooms.update': () => ({ id: room.id, name: 'Baby room' }),
    'rooms.archive': () => ({ id: room.id, archived: false }),
    'staff.list': () => ({ settingId: setting.id }),
    'staff.create': () => ({ settingId: setting.id, name: 'Lee', role: 'manager', qualificationLevel: 'level-6-plus' }),
    'staff.update': () => ({ id: person.id, name: 'Kim K', role: 'practitioner', qualificationLevel: 'level-3' }),
    'staff.archive': () => ({ id: person.id, archived: false }),
    'children.list': () => ({ settingId: setting.id }),
    'children.get': () => ({ id: child.id }),
    'children.create': () => ({ settingId: setting.id, firstName: 'Ben', lastName: 'Buttonhook', dateOfBirth: '2022-06-15', sex: 'male' }),
    'children.update': () => ({ id: child.id, firstName: 'Amara', lastName: 'Applewhistle', dateOfBirth: '2023-03-02', sex: 'female' }),
    'children.archive': () => ({ id: child.id, archived: false }),
    'settings.updateReviewIntervals': () => ({ settingId: setting.id, amberWeeks: 10, redWeeks: 8, greenMonths: 6, stoppedEarlyWeeks: 3 }),
    'instruments.list': () => ({}),
    'instruments.get': () => ({ id: instrument.id }),
    'instruments.copy': () => ({ fromId: instrument.id, name: 'Local version' }),
    'instruments.update': () => ({ id: instrument.id, name: instrument.name, sections: [{ section: 1, itemCount: 10, lowestGreen: 7, lowestAmber: 3 }] }),
    'instruments.setDefault': () => ({ id: instrument.id }),
    'screenings.listForChild': () => ({ childId: child.id }),
    'screenings.get': () => ({ id: screening.id }),
    'screenings.preview': () => screeningInput,
    'screenings.create': () => screeningInput,
    'screenings.update': () => ({ ...screeningInput, childId: undefined, id: screening.id }),
    'screenings.delete': () => ({ id: screening.id }),
    'rounds.list': () => ({}),
    'rounds.create': () => ({ name: 'Spring 2027', startDate: '2027-01-01', endDate: '2027-04-30' }),
    'rounds.update': () => ({ id: round.id, name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' }),
    'rounds.delete': () => ({ id: round.id }),
    'cohort.breakdown': () => ({ roundId: round.id, groupBy: 'room' }),
    'cohort.workingAt': () => ({ scope: { settingId: setting.id }, roundId: round.id }),
    'cohort.overview': () => ({ roundId: round.id }),
    'cohort.trend': () => ({}),
    'cohort.transitions': () => ({ fromRoundId: round.id, toRoundId: round.id }),
    'cohort.settings': () => ({ roundId: round.id }),
    'cohort.children': () => ({ roundId: round.id, colour: 'green' }),
    'cohort.targets': () => ({ roundId: round.id, groupBy: 'eal' }),
    'export.xlsx': () => ({ title: 'Test', columns: ['A'], rows: [[1]] }),
    'export.tracker': () => ({ settingId: setting.id, format: 'csv' }),
    'export.laTracker': () => ({}),
    'export.child': () => ({ childId: child.id }),
    'session.status': () => ({}),
    'session.createFirstManager': () => ({ displayName: 'First Manager', userName: 'first', password: 'a long password' }),
    'session.signIn': () => ({ userName: 'test-manager', password: testPassword }),
    'session.signOut': () => ({}),
    'session.whoAmI': () => ({}),
    'session.lock': () => ({}),
    'session.unlock': () => ({ password: testPassword }),
    'session.changePassword': () => ({ currentPassword: testPassword, newPassword: 'a new password' }),
    'accounts.list': () => ({}),
    'accounts.create': () => ({ displayName: 'Kim', userName: 'kim', role: 'practitioner', staffId: person.id, password: 'kims password' }),
    'accounts.update': () => ({ id: kim(), displayName: 'Kim K', role: 'champion', staffId: person.id }),
    'accounts.disable': () => ({ id: kim(), disabled: true }),
    'accounts.resetPassword': () => ({ id: kim(), password: '123456' }),
    'accounts.getIdleLock': () => ({}),
    'accounts.setIdleLock': () => ({ minutes: 15 }),
    'accounts.setPractitionerView': () => ({ settingId: setting.id, seeAll: true }),
    'audit.list': () => ({ settingId: setting.id }),
    'backups.list': () => ({}),
    'backups.getSettings': () => ({}),
    'backups.configure': () => ({ keep: 5 }),
    'backups.create': () => ({ kind: 'manual' }),
    // Restores the backup just made: the same data, so the later methods still find their records.
    'backups.restore': () => ({ fileName: core.invoke('backups.list', {})[0]?.fileName }),
    'encryption.status': () => ({}),
    'encryption.changeKey': () => ({ current: withKeyFile(core) }),
    'retention.policies': () => ({}),
    'retention.updatePolicy': () => ({ recordType: 'screening', years: 4 }),
    'retention.due': () => ({ withinDays: 30 }),
    // A leaver who left over four years ago is due under every policy above.
    'retention.purge': () => {
      const leaver = core.invoke('children.create', { settingId: setting.id, firstName: 'Cal', lastName: 'Cobble', dateOfBirth: '2019-01-10', sex: 'male' });
      core.invoke('children.archive', { id: leaver.id, archived: true, leaveDate: '2022-07-20' });
      return { childIds: [leaver.id], confirm: true };
    },
    'imports.preview': () => ({ kind: 'children', settingId: setting.id, fileName: 'children.csv', base64: importCsv }),
    'imports.run': () => ({ kind: 'children', settingId: setting.id, fileName: 'children.csv', base64: importCsv, mapping: importMapping, dryRun: false }),
    // Undoes the import just run.
    'imports.undoLast': () => ({ settingId: setting.id, kind: 'children' }),
    'imports.list': () => ({ settingId: setting.id }),
    'imports.listSources': () => ({ kind: 'children' }),
    'visits.list': () => ({ settingId: setting.id }),
    'visits.get': () => ({ id: heldVisit().id }),
    'visits.schedule': () => ({ settingId: setting.id, plannedDate: '2026-12-04', visitorName: 'Sam Visitor' }),
    'visits.record': () => ({
      ...heldVisitInput(),
      attendees: [{ staffId: person.id, name: 'Kim' }],
      childrenDiscussed: [{ childId: child.id, note: 'Talking more' }],
    }),
    'visits.cancel': () => ({ id: core.invoke('visits.schedule', { settingId: setting.id, plannedDate: '2026-12-18', visitorName: 'Sam Visitor' }).id }),
    'visits.actions': () => ({ settingId: setting.id }),
    'visits.addAction': () => ({ visitId: heldVisit().id, description: 'Visual timetable in every room', ownerStaffId: person.id, dueDate: '2026-12-11' }),
    'visits.updateAction': () => ({ id: action().id, description: 'Visual timetable in the baby room', ownerName: 'Kim', dueDate: '2026-12-18' }),
    'visits.setActionDone': () => ({ id: action().id, done: true }),
    'visits.mine': () => ({}),
    'visits.frequency': () => ({ settingId: setting.id }),
    'visits.setFrequency': () => ({ settingId: setting.id, weeks: 6 }),
    'visits.agenda': () => ({ settingId: setting.id, date: '2026-11-27', visitId: heldVisit().id }),
    'visits.save': () => ({
      ...heldVisitInput(),
      newActions: [{ description: 'Visual timetable in every room', ownerStaffId: person.id, dueDate: '2026-12-11' }],
      // An action of its own: the one the other methods share is marked done by then.
      actionsDone: [
        { id: core.invoke('visits.addAction', { visitId: heldVisit().id, description: 'Send the letter home', ownerName: 'Kim', dueDate: '2026-12-04' }).id },
      ],
    }),
    'visits.reviews': () => ({ id: heldVisit().id }),
    'settingTargets.list': () => ({ settingId: setting.id, search: 'timetable' }),
    'settingTargets.get': () => ({ id: wholeSettingTarget() }),
    'settingTargets.create': () =>
      validSettingTarget(setting.id, { ownerName: '', ownerStaffId: person.id, strategyIds: [addStrategy(core, null, 'Visual timetables')] }),
    'settingTargets.update': () => ({
      id: wholeSettingTarget(),
      title: 'Every room uses a visual timetable daily',
      ownerName: 'Sam Champion',
      dueDate: '2027-01-31',
    }),
    'settingTargets.review': () => ({
      settingTargetId: wholeSettingTarget(),
      reviewDate: '2026-11-27',
      reviewer: 'Visiting assistant',
      note: 'Two rooms of three',
      status: 'in-progress',
    }),
    'settingTargets.stop': () => ({ id: wholeSettingTarget(), reason: 'Replaced by a new target' }),
    // Only a target never reviewed can be removed: a fresh one.
    'settingTargets.remove': () => ({ id: core.invoke('settingTargets.create', validSettingTarget(setting.id)).id }),
    'strategies.list': () => ({ settingId: setting.id, search: 'wait' }),
    'strategies.create': () => ({ settingId: setting.id, group: 'routines', title: 'Tidy-up song', description: 'Sing the same song at every tidy-up.' }),
    'strategies.update': () => ({
      id: ownStrategy(),
      group: 'routines',
      title: 'Tidy-up song',
      description: 'Sing it slowly.',
      homeVersion: 'Sing it at home.',
    }),
    'strategies.archive': () => ({ id: ownStrategy(), archived: false }),
    'targets.listForChild': () => ({ childId: child.id }),
    'targets.list': () => ({ settingId: setting.id, reviewDueBy: '2026-12-31' }),
    'targets.get': () => ({ id: target() }),
    'targets.suggest': () => ({ screeningId: screening.id }),
    'targets.create': () => ({ childId: child.id, aim: 'Uses two words together', startDate: '2026-11-20', reviewDate: '2026-12-18' }),
    'targets.update': () => ({ id: target(), aim: 'Uses two words together at snack', startDate: '2026-11-20', reviewDate: '2026-12-18' }),
    'targets.review': () => ({
      targetId: target(),
      reviewDate: '2026-11-27',
      reviewer: 'Kim',
      progress: 'some',
      status: 'active',
      nextReviewDate: '2027-01-08',
    }),
    'targets.stop': () => ({ id: target(), stoppedOn: '2026-11-27', reason: 'Referred to the speech and language service' }),
    'reports.settingPreview': () => ({ settingId: setting.id, period: { roundId: round.id }, initialsOnly: true }),
    'reports.produceSetting': () => ({
      settingId: setting.id,
      period: { roundId: round.id },
      narrative: { achievements: 'Every room has a visual timetable', priorities: '' },
    }),
    'reports.areaPreview': () => ({ period: { from: '2026-09-01', to: '2026-12-31' } }),
    'reports.produceArea': () => ({ scope: { settingIds: [setting.id] }, period: { roundId: round.id } }),
    'reports.childPreview': () => ({ childId: child.id, audience: 'parents' }),
    'reports.produceChild': () => ({ childId: child.id, audience: 'next-setting', note: 'Loves the story corner' }),
    'reports.list': () => ({ settingId: setting.id }),
    'reports.get': () => ({ id: report() }),
    'reports.savePdf': () => ({ title: 'Setting progress report' }),
  };
}
