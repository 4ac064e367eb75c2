import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, factsOf, isMethodName, methodNames, type MethodName } from '../../shared/contract/index.js';
import { ApiCallError } from '../../shared/errors.js';
import { fixedClock } from '../../electron/core/context.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { sessionFor, testPassword } from '../support/accounts.js';
import { failure } from '../support/api.js';
import { snapshot, tempDir, testCore, testToday } from '../support/core.js';

describe('the registry', () => {
  it('has a working handler for every method in the contract', { timeout: 120_000 }, async () => {
    const core = testCore();
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
    const importCsv = Buffer.from('First name,Last name,Date of birth\r\nDara,Dumbleby,01/02/2023\r\n').toString('base64');
    const importMapping = { firstName: 'First name', lastName: 'Last name', dateOfBirth: 'Date of birth' };
    const kim = () => core.invoke('accounts.list', {}).find((a) => a.userName === 'kim')?.id;
    // A Record over MethodName: adding a method to the contract without a case here fails to compile.
    const validInput: Record<MethodName, () => unknown> = {
      'app.info': () => ({}),
      'demo.load': () => ({}),
      'settings.list': () => ({}),
      'settings.get': () => ({ id: setting.id }),
      'settings.create': () => ({ name: 'Bramble', urn: 'EY654321', type: 'pre-school' }),
      'settings.update': () => ({ id: setting.id, name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' }),
      'settings.archive': () => ({ id: setting.id, archived: false }),
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
      'settings.updateReviewIntervals': () => ({ settingId: setting.id, amberWeeks: 10, redWeeks: 8, greenMonths: 6 }),
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
    };
    expect(Object.keys(validInput).sort()).toEqual([...methodNames].sort());
    // Deleting comes last: the cohort methods need the round; signing out after everything else.
    const last = ['screenings.delete', 'rounds.delete', 'session.signOut'] as const;
    const order = [...methodNames.filter((m) => !(last as readonly string[]).includes(m)), ...last];
    // What the facts promise: a read changes no table, and leaves no audit row unless it states
    // one (personal data leaving); a change leaves exactly one audit row.
    const auditRows = (c: Core) => (c.context.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const everyTable = (c: Core) =>
      (
        c.context.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
    for (const method of order) {
      // demo.load needs an empty database of its own; the first manager, one without accounts.
      const target = method === 'demo.load' ? testCore() : method === 'session.createFirstManager' ? testCore({ signedOut: true }) : core;
      const input = validInput[method]();
      const facts = factsOf(method);
      const rowsBefore = auditRows(target);
      const dataBefore = snapshot(target, everyTable(target));
      const result = await target.callAsync(method, input);
      expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, method).toBe('ok');
      if (facts.effect === 'read') expect(snapshot(target, everyTable(target)), `${method} is a read`).toBe(dataBefore);
      // demo.load calls other methods (each audited), a restore brings back the backup's own
      // trail, and a purge writes its own rows: the rest leave exactly what their facts say.
      if (method === 'demo.load' || method === 'backups.restore' || facts.audit.mode === 'self') continue;
      const expected = facts.audit.mode === 'none' ? 0 : 1;
      expect(auditRows(target) - rowsBefore, `audit rows written by ${method}`).toBe(expected);
    }
  });

  it('names methods <domain>.<verb>', () => {
    expect(methodNames).toEqual(Object.keys(contract));
    for (const method of methodNames) expect(method).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
  });

  it.each(['children.delete', 'settings.list ', 'Settings.List', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'settings', 'settings.'])(
    'refuses the unknown method %j with BAD_REQUEST',
    (method) => {
      const core = testCore();
      expect(isMethodName(method)).toBe(false);
      const error = failure(core, method, {});
      expect(error).toEqual({ code: 'BAD_REQUEST', message: `Unknown method: ${method}` });
    },
  );

  it('cuts a very long unknown method name short in the message', () => {
    const core = testCore();
    const error = failure(core, `x${'y'.repeat(5000)}`, {});
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message.length).toBeLessThanOrEqual('Unknown method: '.length + 60);
  });

  it('treats a missing input as {} for methods whose fields all have defaults', () => {
    const core = testCore();
    expect(core.call('settings.list', undefined)).toEqual({ ok: true, value: [] });
    expect(core.call('settings.list', null)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 7],
    ['an array', [{ includeArchived: true }]],
    ['false', false],
  ])('refuses %s as input with VALIDATION on the whole input', (_label, input) => {
    const core = testCore();
    const error = failure(core, 'settings.list', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: [], message: expect.stringMatching(/expected object/) }]);
    expect(error.message).toMatch(/expected object/);
  });

  it('ignores fields a caller has no business setting (id, archivedAt, timestamps)', () => {
    const core = testCore();
    const chosen = randomUUID();
    const result = core.call('settings.create', {
      id: chosen,
      name: 'Acorn',
      urn: 'EY123456',
      type: 'nursery',
      archivedAt: '2020-01-01T00:00:00.000Z',
      createdAt: '2000-01-01T00:00:00.000Z',
    });
    if (!result.ok) throw new Error(result.error.message);
    const setting = core.invoke('settings.list', {})[0];
    expect(setting?.id).not.toBe(chosen);
    expect(setting?.archivedAt).toBeNull();
    expect(setting?.createdAt).toBe(`${testToday}T12:00:00.000Z`);
  });

  it('makes invoke throw an ApiCallError carrying the code and issues', () => {
    const core = testCore();
    let caught: unknown;
    try {
      core.invoke('settings.create', { name: ' ', urn: 'EY123456', type: 'nursery' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApiCallError);
    const err = caught as ApiCallError;
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([{ path: ['name'], message: 'Enter the setting name' }]);
    expect(err.message).toBe('name: Enter the setting name');
  });

  it('turns a SQLite constraint failure the repositories do not expect into CONFLICT, saving nothing', () => {
    const core = testCore();
    core.context.db.exec("CREATE TRIGGER no_foxes BEFORE INSERT ON settings WHEN NEW.name LIKE '%fox%' BEGIN SELECT RAISE(ABORT, 'no foxes'); END");
    const error = failure(core, 'settings.create', { name: 'Fox Den', urn: 'EY123456', type: 'nursery' });
    expect(error).toEqual({ code: 'CONFLICT', message: 'The change breaks a rule of the stored data and was not saved' });
  });

  it('turns any other failure into INTERNAL with a generic message and reports it to the host', () => {
    const reported: { method: string; err: unknown }[] = [];
    const core = createCore({
      databasePath: join(tempDir(), 'internal.sqlite'),
      clock: fixedClock(testToday),
      checkOutputs: true,
      localAdmin: 'tester',
      onInternalError: (method, err) => reported.push({ method, err }),
    });
    try {
      const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
      core.context.db.exec('DROP TABLE children');
      const result = core.call('children.list', { settingId: setting.id });
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Chatterbox. Nothing was saved.' } });
      expect(reported).toHaveLength(1);
      expect(reported[0]?.method).toBe('children.list');
      expect(String(reported[0]?.err)).toMatch(/no such table: children/);
    } finally {
      core.close();
    }
  });

  it('runs each call in one transaction: a handler that fails part way leaves no trace', () => {
    const core = testCore();
    // Let demo.load write its settings, rooms, staff and a hundred children, then fail.
    core.context.db.exec(
      "CREATE TRIGGER stop_at_100 BEFORE INSERT ON children WHEN (SELECT count(*) FROM children) >= 100 BEGIN SELECT RAISE(ABORT, 'stop'); END",
    );
    const error = failure(core, 'demo.load', {});
    expect(error).toEqual({ code: 'INTERNAL', message: 'Something went wrong inside Chatterbox. Nothing was saved.' });
    expect(core.invoke('app.info', {}).settingCount).toBe(0);
  });

  // Was a bug: dispatch checked a handler's output (checkOutputs, on in tests) after the
  // transaction had committed, so a rejected output reported "Nothing was saved" while the write
  // had in fact been saved. Stored data the output schema refuses but SQLite accepts shows it:
  // room ids have no CHECK, so a room whose id is not a UUID (as an import from elsewhere might
  // leave) satisfies the foreign key yet breaks the contract's idSchema for roomId.
  it('rolls the write back when the output check rejects a handler’s result', () => {
    const core = testCore();
    const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    const child = core.invoke('children.create', {
      settingId: setting.id,
      firstName: 'Amara',
      lastName: 'Applewhistle',
      dateOfBirth: '2023-03-01',
      sex: 'female',
    });
    const db = core.context.db;
    const stamp = `${testToday}T12:00:00.000Z`;
    db.prepare("INSERT INTO rooms (id, setting_id, name, created_at, updated_at) VALUES ('room-1', ?, 'Imported', ?, ?)").run(setting.id, stamp, stamp);
    db.prepare("UPDATE children SET room_id = 'room-1' WHERE id = ?").run(child.id);
    const readStored = () => db.prepare('SELECT archived_at, leave_date, updated_at FROM children WHERE id = ?').get(child.id);
    const before = readStored();
    expect(before).toMatchObject({ archived_at: null, leave_date: null });

    const result = core.call('children.archive', { id: child.id, archived: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code: 'INTERNAL', message: 'Something went wrong inside Chatterbox. Nothing was saved.' });
    expect(readStored()).toEqual(before);

    // Control: without the output check the same call does write, so the rollback above was the
    // output check's doing and not some other failure in the handler.
    const unchecked = createCore({ databasePath: core.context.databasePath, clock: fixedClock(testToday), localAdmin: 'tester' });
    try {
      expect(unchecked.call('children.archive', { id: child.id, archived: true }).ok).toBe(true);
    } finally {
      unchecked.close();
    }
    expect(readStored()).toMatchObject({ archived_at: stamp, leave_date: testToday });
  });
});

describe('a session per caller', () => {
  it('keeps who is signed in apart for two callers, and records each on their own changes', () => {
    const core = testCore();
    const windowA = sessionFor(core, 'manager', { userName: 'sam' });
    const windowB = core.openSession();
    expect(core.invoke('session.status', {}, windowB).me).toBeNull();
    expect(core.invoke('session.whoAmI', {}, windowA).userName).toBe('sam');
    core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' }, windowA);
    core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'nursery' });
    expect(core.call('settings.create', { name: 'Conker', urn: 'EY111111', type: 'nursery' }, windowB)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    const rows = core.invoke('audit.list', {}).rows.map((r) => [r.actorName, r.changes.find((c) => c.field === 'name')?.after]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['sam (Manager)', 'Acorn'],
        ['Test Manager (Manager)', 'Bramble'],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('runs a handler built from other methods as the same caller (demo data)', () => {
    const core = testCore();
    const session = sessionFor(core, 'manager', { userName: 'trying' });
    core.invoke('demo.load', {}, session);
    const actors = new Set(core.invoke('audit.list', { limit: 1000 }).rows.map((r) => r.actorName));
    expect([...actors]).toEqual(['trying (Manager)']);
  }, 120_000); // Demo data is heavy work: room for a busy machine.
});
