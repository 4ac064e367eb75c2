import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.js';
import { ageInCompletedMonths } from '../../shared/domain/dates.js';
import type { ApiErrorBody } from '../../shared/errors.js';
import type { Core } from '../../electron/core/core.js';
import { anniversary } from '../../electron/core/api/retention.js';
import { leaversSql } from '../../electron/core/db/repos/retention.js';
import * as api from '../support/api.js';
import { snapshot, tempDir, testCore } from '../support/core.js';
import { actAs } from '../support/accounts.js';

// Retention: leavers become due on the anniversary of leaving (routine records, 3 years by
// default) or on their birthday at the policy's age (SEND or referral, 25 by default), whichever
// is later. The tests move "today" by opening cores with other clocks on the same file.

/** The rows of every table retention reads, changes or deletes from. */
function snapshotRetention(core: Core): string {
  return snapshot(core, ['children', 'screenings', 'screening_sections', 'round_results', 'audit_log', 'retention_policies']);
}

/** Calls through the untyped entry, asserts it failed and wrote nothing, and returns the error. */
function failure(core: Core, method: string, input: unknown): ApiErrorBody {
  return api.failure(core, method, input, snapshotRetention);
}

interface World {
  path: string;
  settingId: string;
  /** A core whose today is `today`, on the same database. */
  at(today: string): Core;
  child(input: { firstName: string; dateOfBirth: string; sendStage?: 'none' | 'sen-support' | 'ehcp'; createdOn?: string }): string;
  leave(childId: string, leaveDate: string): void;
  screen(childId: string, screeningDate: string, action: 'universal' | 'targeted' | 'referral'): void;
}

function world(): World {
  const path = join(tempDir(), 'retention.sqlite');
  const cores = new Map<string, Core>();
  const at = (today: string) => {
    let core = cores.get(today);
    if (!core) {
      core = testCore({ path, today });
      cores.set(today, core);
    }
    return core;
  };
  const base = at('2026-11-27');
  const setting = base.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const instrument = base.invoke('instruments.list', {})[0]!;
  return {
    path,
    settingId: setting.id,
    at,
    // A child is created on a day their date of birth was plausible (the app refuses very old ones).
    child: ({ firstName, dateOfBirth, sendStage = 'none', createdOn }) =>
      at(createdOn ?? '2026-11-27').invoke('children.create', {
        settingId: setting.id,
        firstName,
        lastName: 'Testchild',
        dateOfBirth,
        sex: 'female',
        sendStage,
      }).id,
    leave: (childId, leaveDate) => {
      at(leaveDate).invoke('children.archive', { id: childId, archived: true, leaveDate });
    },
    screen: (childId, screeningDate, action) => {
      const core = at(screeningDate);
      const months = ageInCompletedMonths(core.invoke('children.get', { id: childId }).dateOfBirth, screeningDate);
      const section = instrument.sections.find((s) => s.minMonths <= months && months <= s.maxMonths)!.section;
      const input: MethodInput<'screenings.create'> = { childId, instrumentId: instrument.id, screeningDate, sections: [{ section, colour: 'green' }], action };
      core.invoke('screenings.create', input);
    },
  };
}

describe('retention.policies and retention.updatePolicy', () => {
  it('start with the default policies, which are editable', () => {
    const core = testCore();
    expect(core.invoke('retention.policies', {})).toEqual([
      { recordType: 'screening', label: 'Routine screening records', rule: 'years-after-leaving', years: 3, updatedAt: '2026-01-01T00:00:00.000Z' },
      { recordType: 'send', label: 'SEND and referral records', rule: 'until-age', years: 25, updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(core.invoke('retention.updatePolicy', { recordType: 'screening', years: 6 })).toMatchObject({ years: 6, updatedAt: '2026-11-27T12:00:00.000Z' });
    expect(core.invoke('retention.updatePolicy', { recordType: 'send', years: 30 }).years).toBe(30);
    expect(core.invoke('retention.policies', {}).map((p) => p.years)).toEqual([6, 30]);
  });

  it.each([
    [{ recordType: 'screening', years: 0 }, ['years'], 'Enter at least 1 year'],
    [{ recordType: 'screening', years: 31 }, ['years'], 'Enter a number of years from 1 to 30'],
    [{ recordType: 'send', years: 17 }, ['years'], 'Enter an age from 18 to 40'],
    [{ recordType: 'send', years: 41 }, ['years'], 'Enter at most 40 years'],
    [{ recordType: 'screening', years: 2.5 }, ['years'], 'Enter a whole number of years'],
    [{ recordType: 'screening' }, ['years'], 'Enter a number of years'],
    [{ recordType: 'child', years: 3 }, ['recordType'], 'Choose a record type'],
  ])('refuses %j naming the field, changing nothing', (input, path, message) => {
    const core = testCore();
    const error = failure(core, 'retention.updatePolicy', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path, message }]);
  });
});

describe('anniversary', () => {
  it.each([
    ['2023-07-20', 3, '2026-07-20'],
    ['2024-02-29', 3, '2027-03-01'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2001-06-15', 25, '2026-06-15'],
    ['2000-12-31', 1, '2001-12-31'],
  ])('%s + %i years = %s', (from, years, expected) => {
    expect(anniversary(from, years)).toBe(expected);
  });
});

describe('retention.due', () => {
  it('lists a routine leaver from the third anniversary of leaving, not the day before', () => {
    const w = world();
    const id = w.child({ firstName: 'Ada', dateOfBirth: '2019-03-01', createdOn: '2023-01-01' });
    w.leave(id, '2023-07-20');
    expect(w.at('2026-07-19').invoke('retention.due', {}).children).toEqual([]);
    const dayBefore = w.at('2026-07-19').invoke('retention.due', { withinDays: 1 }).children;
    expect(dayBefore).toEqual([expect.objectContaining({ childId: id, dueDate: '2026-07-20', isDue: false })]);
    const onTheDay = w.at('2026-07-20').invoke('retention.due', {});
    expect(onTheDay).toEqual({
      today: '2026-07-20',
      children: [
        {
          childId: id,
          settingId: w.settingId,
          settingName: 'Acorn',
          firstName: 'Ada',
          lastName: 'Testchild',
          dateOfBirth: '2019-03-01',
          leaveDate: '2023-07-20',
          sendStage: 'none',
          hasReferral: false,
          policy: 'screening',
          dueDate: '2026-07-20',
          isDue: true,
          screenings: 0,
        },
      ],
    });
    expect(
      w
        .at('2026-07-21')
        .invoke('retention.due', {})
        .children.map((c) => c.childId),
    ).toEqual([id]);
  });

  it('keeps a SEND leaver until their 25th birthday, and a referred one too', () => {
    const w = world();
    const send = w.child({ firstName: 'Bea', dateOfBirth: '2001-06-15', sendStage: 'ehcp', createdOn: '2004-01-01' });
    w.leave(send, '2005-07-01');
    const referred = w.child({ firstName: 'Cy', dateOfBirth: '2001-06-16', createdOn: '2004-01-01' });
    w.screen(referred, '2004-03-01', 'referral');
    w.leave(referred, '2005-07-01');
    const routine = w.child({ firstName: 'Dot', dateOfBirth: '2001-06-15', createdOn: '2004-01-01' });
    w.screen(routine, '2004-03-01', 'targeted');
    w.leave(routine, '2005-07-01');

    const before = w.at('2026-06-14').invoke('retention.due', {}).children;
    expect(before.map((c) => c.firstName)).toEqual(['Dot']);
    expect(before[0]).toMatchObject({ policy: 'screening', dueDate: '2008-07-01', screenings: 1, hasReferral: false });
    const birthday = w.at('2026-06-15').invoke('retention.due', {}).children;
    expect(birthday.map((c) => [c.firstName, c.policy, c.dueDate])).toEqual([
      ['Dot', 'screening', '2008-07-01'],
      ['Bea', 'send', '2026-06-15'],
    ]);
    const next = w.at('2026-06-16').invoke('retention.due', {}).children;
    expect(next.find((c) => c.firstName === 'Cy')).toMatchObject({ policy: 'send', hasReferral: true, sendStage: 'none', dueDate: '2026-06-16' });
  });

  it('follows edited policies, and uses the later of the two dates', () => {
    const w = world();
    const id = w.child({ firstName: 'Eve', dateOfBirth: '2001-06-15', sendStage: 'sen-support', createdOn: '2004-01-01' });
    w.leave(id, '2005-07-01');
    const core = w.at('2026-11-27');
    expect(core.invoke('retention.due', {}).children.map((c) => c.dueDate)).toEqual(['2026-06-15']);
    core.invoke('retention.updatePolicy', { recordType: 'send', years: 30 });
    expect(core.invoke('retention.due', {}).children).toEqual([]);
    // Routine records kept 25 years after leaving outlast "until 30" for this child.
    core.invoke('retention.updatePolicy', { recordType: 'send', years: 18 });
    core.invoke('retention.updatePolicy', { recordType: 'screening', years: 21 });
    expect(core.invoke('retention.due', {}).children).toMatchObject([{ policy: 'screening', dueDate: '2026-07-01' }]);
  });

  it('never lists children who have not left, and filters by setting', () => {
    const w = world();
    w.child({ firstName: 'Fay', dateOfBirth: '2019-03-01', createdOn: '2020-01-01' });
    const leaver = w.child({ firstName: 'Gus', dateOfBirth: '2019-03-01', createdOn: '2020-01-01' });
    w.leave(leaver, '2021-01-01');
    const core = w.at('2026-11-27');
    const other = core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'nursery' });
    expect(core.invoke('retention.due', {}).children.map((c) => c.firstName)).toEqual(['Gus']);
    expect(core.invoke('retention.due', { settingId: w.settingId }).children).toHaveLength(1);
    expect(core.invoke('retention.due', { settingId: other.id }).children).toEqual([]);
    expect(failure(core, 'retention.due', { settingId: '6f1c2a52-9d1e-4b7a-8f2e-0a6c1d2e3f41' }).code).toBe('NOT_FOUND');
    expect(failure(core, 'retention.due', { withinDays: 400 })).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['withinDays'] }] });
  });

  it('uses the day a leaver was archived when no leave date was recorded', () => {
    const w = world();
    const id = w.child({ firstName: 'Hal', dateOfBirth: '2019-03-01', createdOn: '2020-01-01' });
    w.leave(id, '2021-01-01');
    const core = w.at('2026-11-27');
    core.context.db.prepare("UPDATE children SET leave_date = NULL, archived_at = '2022-03-04T10:00:00.000Z' WHERE id = ?").run(id);
    expect(core.invoke('retention.due', {}).children).toMatchObject([{ leaveDate: '2022-03-04', dueDate: '2025-03-04' }]);
  });
});

describe('query plans', () => {
  it('finds leavers by index, and their screenings and audit rows too', () => {
    const db = testCore().context.db;
    const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    const all = plan(leaversSql(false));
    expect(all[0]).toMatch(/^SEARCH c USING INDEX children_archived/);
    expect(all.filter((d) => d.includes('screenings_by_child_date'))).toHaveLength(2);
    expect(plan(leaversSql(true), 'x')).toContainEqual(expect.stringMatching(/SEARCH c USING INDEX children_by_setting_name \(setting_id=\?\)/));
    expect(plan("UPDATE audit_log SET summary = '' WHERE record_id = ?", 'x')).toEqual(['SEARCH audit_log USING INDEX audit_by_record (record_id=?)']);
  });
});

describe('retention.purge', () => {
  function purgeWorld() {
    const w = world();
    const due = w.child({ firstName: 'Zephyrine', dateOfBirth: '2019-02-17', createdOn: '2020-01-01' });
    w.screen(due, '2020-02-01', 'targeted');
    w.screen(due, '2020-06-01', 'universal');
    w.leave(due, '2021-01-01');
    const notYet = w.child({ firstName: 'Ivo', dateOfBirth: '2019-03-01', createdOn: '2024-01-01' });
    w.leave(notYet, '2024-06-01');
    const current = w.child({ firstName: 'Jo', dateOfBirth: '2019-03-01', createdOn: '2024-01-01' });
    const core = w.at('2026-11-27');
    core.invoke('rounds.create', { name: 'Spring 2020', startDate: '2020-01-01', endDate: '2020-04-30' });
    core.invoke('children.update', { id: due, firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '2019-02-17', sex: 'female' });
    return { w, core, due, notYet, current };
  }

  it('deletes the child and all their records in one go, and logs it without personal data', () => {
    const { core, due } = purgeWorld();
    const db = core.context.db;
    const count = (sql: string) => (db.prepare(sql).get(due) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM screenings WHERE child_id = ?')).toBe(2);
    expect(count('SELECT count(*) AS n FROM round_results WHERE child_id = ?')).toBe(1);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE record_id = ? AND summary LIKE '%Quillfeather%'")).toBeGreaterThan(0);

    actAs(core, 'Pat Manager');
    const result = core.invoke('retention.purge', { childIds: [due], confirm: true });
    expect(result.purged).toEqual([{ childId: due, screenings: 2, screeningSections: 2, targets: 0, roundResults: 1, auditRowsRedacted: expect.any(Number) }]);
    expect(result.purged[0]!.auditRowsRedacted).toBeGreaterThanOrEqual(4); // create, update, archive, two screenings
    expect(count('SELECT count(*) AS n FROM children WHERE id = ?')).toBe(0);
    expect(count('SELECT count(*) AS n FROM screenings WHERE child_id = ?')).toBe(0);
    expect(count('SELECT count(*) AS n FROM round_results WHERE child_id = ?')).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM screening_sections').get() as { n: number }).n).toBe(0);

    const logged = core.invoke('audit.list', { recordId: due, method: 'retention.purge' }).rows;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorName: 'Pat Manager (Manager)', recordType: 'child', settingId: expect.any(String), changes: [] });
    expect(logged[0]!.note).toMatch(
      /^Deleted under the retention policy: the child record, 2 screening\(s\) with 2 section\(s\), 0 target\(s\), 1 cohort row\(s\)/,
    );
    // No audit row anywhere still holds the child's details.
    const auditText = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(auditText).not.toMatch(/Quillfeather|Zephyrine|2019-02-17/);
    // And the name is gone from the database file itself (secure_delete), once checkpointed.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(core.context.databasePath).includes('Quillfeather')).toBe(false);
    expect(readFileSync(core.context.databasePath).includes('quillfeather')).toBe(false);
  });

  it('records the signed-in account and its role as the actor, ignoring any name sent in the input', () => {
    const { w, core, due } = purgeWorld();
    const other = w.child({ firstName: 'Kit', dateOfBirth: '2019-03-01', createdOn: '2020-01-01' });
    w.leave(other, '2020-06-01');
    // A caller that still sends a name of its own must not get it into the audit trail.
    core.invoke('retention.purge', { childIds: [due], confirm: true, actorName: 'DPO' } as unknown as { childIds: string[]; confirm: true });
    core.invoke('retention.purge', { childIds: [other], confirm: true });
    const actors = core
      .invoke('audit.list', { method: 'retention.purge' })
      .rows.filter((r) => r.recordType === 'child')
      .map((r) => [r.recordId, r.actorName]);
    expect(actors.sort()).toEqual(
      [
        [due, 'Test Manager (Manager)'],
        [other, 'Test Manager (Manager)'],
      ].sort(),
    );
  });

  it('refuses children who are not due, have not left or do not exist, naming them and deleting nothing', () => {
    const { core, due, notYet, current } = purgeWorld();
    const missing = '6f1c2a52-9d1e-4b7a-8f2e-0a6c1d2e3f41';
    const error = failure(core, 'retention.purge', { childIds: [due, notYet, current, missing], confirm: true });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('3 of the 4 children chosen cannot be deleted yet. Nothing was deleted.');
    expect(error.issues).toEqual([
      { path: ['childIds', 1], message: `Child ${notYet} is not due for deletion until 01/06/2027` },
      { path: ['childIds', 2], message: `Child ${current} has not left: only leavers can be deleted` },
      { path: ['childIds', 3], message: `No child has the id ${missing}` },
    ]);
  });

  it.each([
    [{ childIds: [], confirm: true }, ['childIds'], 'Choose at least one child'],
    [{ childIds: ['x'], confirm: true }, ['childIds', 0], 'Must be a record id'],
    [{ childIds: 'DUE', confirm: false }, ['confirm'], 'Confirm that these records are to be deleted'],
    [{ childIds: 'DUE' }, ['confirm'], 'Confirm that these records are to be deleted'],
    [{ childIds: 'DUE DUE', confirm: true }, ['childIds'], 'A child is listed twice'],
  ])('refuses %j naming the field, deleting nothing', (input, path, message) => {
    const { core, due } = purgeWorld();
    const ids = input.childIds === 'DUE' ? [due] : input.childIds === 'DUE DUE' ? [due, due] : input.childIds;
    const error = failure(core, 'retention.purge', { ...input, childIds: ids });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path, message });
  });

  it('is all or nothing when part of the purge fails', () => {
    const { w, core, due } = purgeWorld();
    const second = w.child({ firstName: 'Lu', dateOfBirth: '2019-03-01', createdOn: '2020-01-01' });
    w.leave(second, '2020-06-01');
    core.context.db.exec(`CREATE TRIGGER keep_lu BEFORE DELETE ON children WHEN OLD.id = '${second}' BEGIN SELECT RAISE(ABORT, 'no'); END`);
    const error = failure(core, 'retention.purge', { childIds: [due, second], confirm: true });
    expect(error.code).toBe('CONFLICT');
    expect(
      core
        .invoke('retention.due', {})
        .children.map((c) => c.childId)
        .sort(),
    ).toEqual([due, second].sort());
  });
});
