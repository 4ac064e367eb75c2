import type { sessionContract } from '../../../shared/contract/session.js';
import { AppError } from '../../../shared/errors.js';
import { hashPassword, verifyPassword } from '../services/accounts/passwords.js';
import { auditSelf, checkPassword, meOf, toSessionAccount } from '../services/accounts/sign-in.js';
import type { CallContext } from '../context.js';
import { idleMinutes } from './access.js';
import type { DomainHandlers } from './types.js';

// Each caller's own session (see context.ts): signing in, locking or signing out in one window
// never changes another. The registry has already admitted the call (access.ts).

function status(ctx: CallContext) {
  const account = ctx.session.account;
  return { firstRun: ctx.repos.accounts.count() === 0, me: account ? meOf(account) : null, locked: ctx.session.locked, idleMinutes: idleMinutes(ctx) };
}

function signedIn(ctx: CallContext) {
  const account = ctx.session.account;
  if (!account) throw new AppError('SIGN_IN_REQUIRED', 'Sign in to use Chatterbox.');
  return account;
}

export const sessionHandlers = {
  'session.status': (ctx) => status(ctx),
  'session.createFirstManager': async (ctx, input) => {
    const passwordHash = await hashPassword(input.password);
    const account = ctx.db
      .transaction(() => {
        if (ctx.repos.accounts.count() > 0) throw new AppError('CONFLICT', 'Chatterbox already has accounts: sign in instead.');
        return ctx.repos.accounts.create(
          { ...input, role: 'manager', staffId: null, settingIds: [], passwordHash, mustChangePassword: false },
          ctx.clock.now(),
        );
      })
      .immediate();
    Object.assign(ctx.session, { account: toSessionAccount(account), locked: false, lastActiveAt: ctx.clock.now() });
    auditSelf(ctx, 'session.createFirstManager', account.id, 'First manager account created');
    return meOf(toSessionAccount(account));
  },
  'session.signIn': async (ctx, input) => {
    const account = await checkPassword(ctx, 'session.signIn', input.userName, input.password);
    Object.assign(ctx.session, { account: toSessionAccount(account), locked: false, lastActiveAt: ctx.clock.now() });
    auditSelf(ctx, 'session.signIn', account.id, 'Signed in');
    return meOf(toSessionAccount(account));
  },
  'session.signOut': (ctx) => {
    Object.assign(ctx.session, { account: null, locked: false, lastActiveAt: null });
    return { signedOut: true as const };
  },
  'session.whoAmI': (ctx) => meOf(signedIn(ctx)),
  'session.lock': (ctx) => {
    if (signedIn(ctx).accountId !== null) ctx.session.locked = true;
    return status(ctx);
  },
  'session.unlock': async (ctx, input) => {
    const me = signedIn(ctx);
    if (me.accountId === null) return meOf(me);
    const account = await checkPassword(ctx, 'session.unlock', me.userName, input.password);
    if (account.id !== me.accountId) throw new AppError('SIGN_IN_FAILED', 'The password is not right.');
    Object.assign(ctx.session, { account: toSessionAccount(account), locked: false, lastActiveAt: ctx.clock.now() });
    return meOf(toSessionAccount(account));
  },
  'session.changePassword': async (ctx, input) => {
    const me = signedIn(ctx);
    if (me.accountId === null) throw new AppError('FORBIDDEN', 'The local administrator has no password to change.');
    const accountId = me.accountId;
    const secret = ctx.repos.accounts.secretById(accountId);
    if (!(await verifyPassword(input.currentPassword, secret.passwordHash))) {
      throw new AppError('VALIDATION', 'Your current password is not right', [{ path: ['currentPassword'], message: 'Your current password is not right' }]);
    }
    if (await verifyPassword(input.newPassword, secret.passwordHash)) {
      throw new AppError('VALIDATION', 'Choose a password you have not used here', [
        { path: ['newPassword'], message: 'Choose a new password, not the one you have now' },
      ]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    const account = ctx.db.transaction(() => ctx.repos.accounts.setPassword(accountId, passwordHash, false, ctx.clock.now())).immediate();
    ctx.session.account = toSessionAccount(account);
    auditSelf(ctx, 'session.changePassword', accountId, 'Changed their own password');
    return meOf(ctx.session.account);
  },
} satisfies DomainHandlers<typeof sessionContract>;
