import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, factsOf, isMethodName, methodNames } from '../../shared/contract/index.js';
import { ApiCallError } from '../../shared/errors.js';
import { fixedClock, type Printer } from '../../electron/core/context.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { writePdfFile } from '../../electron/core/services/reports/save-pdf.js';
import { sessionFor } from '../support/accounts.js';
import { failure } from '../support/api.js';
import { validInputs } from '../support/inputs.js';
import { snapshot, tempDir, testCore, testKeys, testToday } from '../support/core.js';

describe('the registry', () => {
  it('has a working handler for every method in the contract', { timeout: 120_000 }, async () => {
    // The desktop app's printer, so reports.savePdf saves a file as it does there (browser mode has none).
    const printer: Printer = {
      savePdf: (_session, name) =>
        Promise.resolve().then(() => {
          const path = join(tempDir(), name);
          writePdfFile(path, Buffer.from('%PDF-1.7\n%%EOF\n'));
          return path;
        }),
    };
    const core = testCore({ printer });
    // A Record over MethodName (test/support/inputs.ts): adding a method without an input fails to compile.
    const validInput = validInputs(core);
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
    for (const method of methodNames) expect(method).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
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
    const unchecked = createCore({ localAdmin: 'tester', databasePath: core.context.databasePath, clock: fixedClock(testToday), keys: testKeys });
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
