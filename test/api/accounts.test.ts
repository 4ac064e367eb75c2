import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../shared/domain/password.js';
import { verifyPassword } from '../../electron/core/services/accounts/passwords.js';
import { waitAfter } from '../../electron/core/services/accounts/sign-in.js';
import { addAccount, movableClock, sessionFor, testPassword } from '../support/accounts.js';
import { dump, testCore } from '../support/core.js';

// Accounts: made and kept by managers, throttled sign-in, resets, and the one password rule at
// every door that sets a password.

const storedHash = (core: ReturnType<typeof testCore>, userName: string) =>
  (core.context.db.prepare('SELECT password_hash FROM accounts WHERE user_name = ?').pluck().get(userName) as string) ?? '';

describe('the password rule', () => {
  it('takes 8 characters or more, or a PIN of 6 digits or more', () => {
    expect(passwordProblem('eight ch')).toBeNull();
    expect(passwordProblem('123456')).toBeNull();
    expect(passwordProblem('seven c')).toMatch(/at least 8 characters/);
    expect(passwordProblem('12345')).toBe('A PIN must be at least 6 digits');
    expect(passwordProblem('')).toBe('Enter a password');
  });

  it('is applied at every door that sets a password, naming the field and writing nothing', async () => {
    const fresh = testCore({ signedOut: true });
    const before = dump(fresh);
    const first = await fresh.callAsync('session.createFirstManager', { displayName: 'Pat', userName: 'pat', password: 'short' });
    expect(first).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['password'] }] } });
    expect(dump(fresh)).toBe(before);

    const core = testCore();
    const kim = addAccount(core, { userName: 'kim', role: 'champion' });
    const all = () => dump(core);
    const unchanged = all();
    const doors = [
      ['accounts.create', { displayName: 'Jo', userName: 'jo', role: 'manager', password: '12345' }, 'password'],
      ['accounts.resetPassword', { id: kim.id, password: 'tiny' }, 'password'],
      ['session.changePassword', { currentPassword: testPassword, newPassword: '1234' }, 'newPassword'],
    ] as const;
    for (const [method, input, field] of doors) {
      const result = await core.callAsync(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: [field] }] } });
    }
    expect(all()).toBe(unchanged);
  });
});

describe('accounts', () => {
  it('are made by a manager with a salted scrypt hash, and the person chooses their own password at first sign-in', async () => {
    const core = testCore();
    const created = await core.invokeAsync('accounts.create', { displayName: 'Jo Birch', userName: 'jo', role: 'panel-member', password: '246810' });
    expect(created).toMatchObject({ displayName: 'Jo Birch', role: 'panel-member', mustChangePassword: true, disabledAt: null });
    expect(JSON.stringify(created)).not.toContain('246810');
    const hash = storedHash(core, 'jo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('246810', hash)).toBe(true);
    expect(await verifyPassword('246811', hash)).toBe(false);
    expect(core.invoke('audit.list', { method: 'accounts.create' }).rows[0]).toMatchObject({ actorName: 'Test Manager (Manager)', recordId: created.id });

    const session = core.openSession();
    await core.invokeAsync('session.signIn', { userName: 'jo', password: '246810' }, session);
    const refused = core.call('children.list', { settingId: created.id }, session);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/new password/) } });
    await core.invokeAsync('session.changePassword', { currentPassword: '246810', newPassword: 'my own words' }, session);
    expect(core.invoke('session.whoAmI', {}, session).mustChangePassword).toBe(false);
    expect(core.call('settings.list', {}, session).ok).toBe(true);
  });

  it('refuse a taken user name, a practitioner without a staff member, and an unknown setting, writing nothing', async () => {
    const core = testCore();
    const before = dump(core);
    expect(await core.callAsync('accounts.create', { displayName: 'Again', userName: 'TEST-MANAGER', role: 'manager', password: 'long enough' })).toMatchObject(
      {
        ok: false,
        error: { code: 'CONFLICT', issues: [{ path: ['userName'] }] },
      },
    );
    expect(await core.callAsync('accounts.create', { displayName: 'Lee', userName: 'lee', role: 'practitioner', password: 'long enough' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['staffId'] }] },
    });
    const unknown = '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b';
    expect(
      await core.callAsync('accounts.create', { displayName: 'Ash', userName: 'ash', role: 'slt-assistant', settingIds: [unknown], password: 'long enough' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['settingIds', 0] }] } });
    expect(dump(core)).toBe(before);
  });

  it('keep a manager who can sign in: the last one cannot be demoted or disabled, nor anyone disable themselves', () => {
    const core = testCore();
    const me = core.invoke('session.whoAmI', {});
    const before = dump(core);
    expect(core.call('accounts.disable', { id: me.accountId, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(core.call('accounts.update', { id: me.accountId, displayName: 'Test Manager', role: 'champion' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(dump(core)).toBe(before);
  });

  it('reset a password: the person signs in with it once, then must choose their own', async () => {
    const core = testCore();
    const kim = addAccount(core, { userName: 'kim', role: 'champion' });
    await core.invokeAsync('accounts.resetPassword', { id: kim.id, password: '135790' });
    const session = core.openSession();
    expect(await core.callAsync('session.signIn', { userName: 'kim', password: testPassword }, session)).toMatchObject({ ok: false });
    const me = await core.invokeAsync('session.signIn', { userName: 'kim', password: '135790' }, session);
    expect(me.mustChangePassword).toBe(true);
    expect(core.call('settings.list', {}, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('throttling sign-in', () => {
  it('waits 30 seconds after 5 wrong passwords, doubling up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 9, 10, 20].map(waitAfter)).toEqual([0, 0, 30, 60, 120, 480, 900, 900]);
  });

  it('pauses an account after 5 wrong passwords in a row, says how long, and refuses even the right password until then', async () => {
    const core = testCore();
    const time = movableClock();
    core.context.clock = time.clock;
    addAccount(core, { userName: 'sam', role: 'champion' });
    const session = core.openSession();
    const attempt = async (userName: string, password: string) => {
      const r = await core.callAsync('session.signIn', { userName, password }, session);
      return r.ok ? 'signed in' : r.error.message;
    };
    const wrong = 'The user name or password is not right. Check them and try again.';
    for (let i = 1; i <= 4; i++) expect(await attempt('sam', 'guess number')).toBe(wrong);
    expect(await attempt('sam', 'guess number')).toBe('Too many wrong attempts. Wait 30 seconds, then try again.');
    expect(await attempt('sam', testPassword)).toBe('Too many wrong attempts. Wait 30 seconds, then try again.');
    time.advance(20);
    expect(await attempt('sam', testPassword)).toBe('Too many wrong attempts. Wait 10 seconds, then try again.');
    time.advance(10);
    expect(await attempt('sam', 'guess number')).toBe('Too many wrong attempts. Wait 1 minute, then try again.');
    time.advance(60);
    expect(await attempt('sam', testPassword)).toBe('signed in');
    // A success clears the count: the next wrong password is the first again.
    expect(await attempt('sam', 'guess number')).toBe(wrong);

    // A user name no account has goes through the same messages and waits: nothing tells it apart.
    for (let i = 1; i <= 4; i++) expect(await attempt('nobody', 'guess number')).toBe(wrong);
    expect(await attempt('nobody', 'guess number')).toBe('Too many wrong attempts. Wait 30 seconds, then try again.');
    expect(await attempt('nobody', 'guess number')).toBe('Too many wrong attempts. Wait 30 seconds, then try again.');
  }, 120_000);

  it('counts wrong passwords at the unlock screen too', async () => {
    const core = testCore();
    const session = sessionFor(core, 'champion', { userName: 'lou' });
    core.invoke('session.lock', {}, session);
    for (let i = 1; i <= 5; i++) await core.callAsync('session.unlock', { password: 'not my password' }, session);
    expect(await core.callAsync('session.unlock', { password: testPassword }, session)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_FAILED', message: /Wait 30 seconds/ },
    });
    expect(core.invoke('session.status', {}, session).locked).toBe(true);
  });
});
