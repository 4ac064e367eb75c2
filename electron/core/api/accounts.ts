import type { accountsContract } from '../../../shared/contract/accounts.js';
import { roleLabels } from '../../../shared/domain/roles.js';
import { AppError, validationError, type FieldIssue } from '../../../shared/errors.js';
import type { CoreContext } from '../context.js';
import type { AccountFields } from '../db/repos/accounts.js';
import { hashPassword } from '../services/accounts/passwords.js';
import { idleLockKey, idleMinutes } from './access.js';
import type { DomainHandlers } from './types.js';

// Accounts, kept by managers (the registry admits only those with accounts:manage).

/** Checks the links an account's fields make; settings count only for SLT assistants. */
function checkFields(ctx: CoreContext, f: AccountFields): AccountFields {
  const issues: FieldIssue[] = [];
  if (f.staffId) {
    const where = ctx.repos.accounts.whereIs('staff', f.staffId);
    if (!where) issues.push({ path: ['staffId'], message: 'No staff member has this id' });
  } else if (f.role === 'practitioner' || f.role === 'champion') {
    issues.push({ path: ['staffId'], message: `Choose the staff member this ${roleLabels[f.role].toLowerCase()} is` });
  }
  const settingIds = f.role === 'slt-assistant' ? f.settingIds : [];
  settingIds.forEach((id, i) => {
    if (!ctx.repos.accounts.whereIs('setting', id)) issues.push({ path: ['settingIds', i], message: 'No setting has this id' });
  });
  if (issues.length > 0) throw validationError(issues);
  return { ...f, settingIds };
}

/** Refuses a change that would leave no manager able to sign in. */
function keepAManager(ctx: CoreContext, id: string, stillManager: boolean): void {
  if (stillManager) return;
  const others = ctx.repos.accounts.list().filter((a) => a.id !== id && a.role === 'manager' && !a.disabledAt);
  const self = ctx.repos.accounts.get(id);
  if (self.role === 'manager' && !self.disabledAt && others.length === 0) {
    throw new AppError('CONFLICT', 'This is the only manager who can sign in: make another manager first.');
  }
}

export const accountsHandlers = {
  'accounts.list': (ctx) => ctx.repos.accounts.list(),
  'accounts.create': async (ctx, input) => {
    const fields = checkFields(ctx, input);
    const passwordHash = await hashPassword(input.password);
    // A new account chooses its own password at first sign-in, as after a reset.
    return ctx.db
      .transaction(() => ctx.repos.accounts.create({ ...fields, userName: input.userName, passwordHash, mustChangePassword: true }, ctx.clock.now()))
      .immediate();
  },
  'accounts.update': (ctx, input) => {
    ctx.repos.accounts.get(input.id);
    keepAManager(ctx, input.id, input.role === 'manager');
    return ctx.repos.accounts.update(input.id, checkFields(ctx, input), ctx.clock.now());
  },
  'accounts.disable': (ctx, input) => {
    const account = ctx.repos.accounts.get(input.id);
    if (input.disabled && ctx.session.account?.accountId === account.id)
      throw new AppError('CONFLICT', 'You cannot disable the account you are signed in with.');
    keepAManager(ctx, input.id, !input.disabled);
    return ctx.repos.accounts.setDisabled(input.id, input.disabled ? (account.disabledAt ?? ctx.clock.now()) : null, ctx.clock.now());
  },
  'accounts.resetPassword': async (ctx, input) => {
    ctx.repos.accounts.get(input.id);
    const passwordHash = await hashPassword(input.password);
    return ctx.db.transaction(() => ctx.repos.accounts.setPassword(input.id, passwordHash, true, ctx.clock.now())).immediate();
  },
  'accounts.getIdleLock': (ctx) => ({ minutes: idleMinutes(ctx) }),
  'accounts.setIdleLock': (ctx, input) => {
    ctx.repos.appSettings.set(idleLockKey, String(input.minutes), ctx.clock.now());
    return { minutes: input.minutes };
  },
  'accounts.setPractitionerView': (ctx, input) => {
    ctx.repos.accounts.setPractitionersSeeAll(input.settingId, input.seeAll, ctx.clock.now());
    return input;
  },
} satisfies DomainHandlers<typeof accountsContract>;
