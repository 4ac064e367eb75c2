import { describe, expect, it } from 'vitest';
import { dump, testCore } from '../support/core.js';
import { addAccount, movableClock, sessionFor, testPassword } from '../support/accounts.js';
import { failure } from '../support/api.js';

// Each window's own session: first run, signing in and out, locking, and who the audit trail names.

describe('first run', () => {
  it('asks for the first manager, refuses everything else until someone signs in, and only once', async () => {
    const core = testCore({ signedOut: true });
    expect(core.invoke('session.status', {})).toMatchObject({ firstRun: true, me: null, locked: false, idleMinutes: 10 });
    expect(failure(core, 'settings.list', {}, (c) => dump(c))).toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    expect(failure(core, 'settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' }, (c) => dump(c)).code).toBe('SIGN_IN_REQUIRED');

    const me = await core.invokeAsync('session.createFirstManager', { displayName: 'Pat Lee', userName: 'pat', password: 'first manager' });
    expect(me).toMatchObject({ displayName: 'Pat Lee', role: 'manager', roleLabel: 'Manager', mustChangePassword: false });
    expect(core.invoke('session.status', {})).toMatchObject({ firstRun: false, me: { userName: 'pat' } });
    core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });

    const other = core.openSession();
    const before = dump(core);
    const again = await core.callAsync('session.createFirstManager', { displayName: 'Sneaky', userName: 'sneak', password: 'second manager' }, other);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(dump(core)).toBe(before);
    expect(core.invoke('session.status', {}, other).me).toBeNull();
  });
});

describe('signing in and out', () => {
  it('signs in with the right password only, and names the account and its role in the audit trail', async () => {
    const core = testCore();
    addAccount(core, { userName: 'Robin', displayName: 'Robin Ash', role: 'champion' });
    const session = core.openSession();
    const wrong = await core.callAsync('session.signIn', { userName: 'robin', password: 'not it at all' }, session);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED', message: 'The user name or password is not right. Check them and try again.' } });
    const unknown = await core.callAsync('session.signIn', { userName: 'nobody', password: 'not it at all' }, session);
    expect(unknown).toEqual(wrong);
    // User names are compared without case.
    const me = await core.invokeAsync('session.signIn', { userName: 'ROBIN', password: testPassword }, session);
    expect(me).toMatchObject({ displayName: 'Robin Ash', role: 'champion', roleLabel: 'Communication champion' });
    expect(core.invoke('session.whoAmI', {}, session).userName).toBe('Robin');
    const rows = core.invoke('audit.list', { method: 'session.signIn' }).rows;
    expect(rows.map((r) => [r.actorName, r.note])).toEqual([
      ['Robin Ash (Communication champion)', 'Signed in'],
      ['Not signed in', 'Wrong password'],
    ]);
    core.invoke('session.signOut', {}, session);
    expect(core.call('settings.list', {}, session)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(core.call('session.whoAmI', {}, session)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
  });

  it('signs out a disabled account at its next call', () => {
    const core = testCore();
    const session = sessionFor(core, 'champion', { userName: 'leaving' });
    const account = core.invoke('accounts.list', {}).find((a) => a.userName === 'leaving')!;
    core.invoke('accounts.disable', { id: account.id, disabled: true });
    expect(core.call('settings.list', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED', message: expect.stringMatching(/disabled/) },
    });
    expect(core.invoke('session.status', {}, session).me).toBeNull();
  });
});

describe('locking', () => {
  it('locks on request and after the idle time, keeps the person signed in, and unlocks with the password', async () => {
    const core = testCore();
    const time = movableClock();
    core.context.clock = time.clock;
    const session = sessionFor(core, 'champion', { userName: 'sam' });
    core.invoke('settings.list', {}, session);
    core.invoke('session.lock', {}, session);
    expect(core.call('settings.list', {}).ok).toBe(true); // another window is not locked
    expect(core.call('settings.list', {}, session)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(core.invoke('session.status', {}, session)).toMatchObject({ locked: true, me: { userName: 'sam' } });
    // The unlock screen has no user name field, so the refusal names the password only.
    expect(await core.callAsync('session.unlock', { password: 'wrong password' }, session)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_FAILED', message: 'The password is not right. Check it and try again.' },
    });
    await core.invokeAsync('session.unlock', { password: testPassword }, session);
    core.invoke('settings.list', {}, session);

    // Idle: 9 minutes is fine, 10 more locks it (the default is 10 minutes).
    time.advance(9 * 60);
    core.invoke('settings.list', {}, session);
    time.advance(10 * 60);
    expect(core.call('settings.list', {}, session)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await core.invokeAsync('session.unlock', { password: testPassword }, session);

    // A manager (freshly signed in: the core's own session has been idle too) sets a longer time.
    const manager = sessionFor(core, 'manager');
    core.invoke('accounts.setIdleLock', { minutes: 30 }, manager);
    time.advance(20 * 60);
    core.invoke('settings.list', {}, session);
    expect(core.invoke('session.status', {}, session).idleMinutes).toBe(30);
    expect(core.call('accounts.setIdleLock', { minutes: 0 }, manager)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['minutes'] }] },
    });
  });
});
