import { z } from 'zod';
import {
  accountDisableSchema,
  accountInputSchema,
  accountSchema,
  accountUpdateSchema,
  idleLockSchema,
  passwordResetSchema,
  practitionerViewSchema,
} from '../schemas/accounts.js';
import { created, notAudited, scoped, updated, type Methods } from './facts.js';

// Sign-in accounts, kept by managers. Methods that hash a password are asynchronous, so a slow
// hash never holds up the other windows and tabs the core serves.
const manage = { permission: 'accounts:manage' } as const;

export const accountsContract = {
  'accounts.list': { ...manage, effect: 'read', async: false, audit: notAudited, input: z.object({}), output: z.array(accountSchema) },
  'accounts.create': { ...manage, effect: 'write', async: true, audit: created('accounts'), input: accountInputSchema, output: accountSchema },
  /** Name, role, linked staff member and (for SLT assistants) the settings covered. */
  'accounts.update': { ...manage, effect: 'write', async: false, audit: updated('accounts'), input: accountUpdateSchema, output: accountSchema },
  /** A disabled account cannot sign in, and any window it is signed in to is signed out. */
  'accounts.disable': { ...manage, effect: 'write', async: false, audit: updated('accounts'), input: accountDisableSchema, output: accountSchema },
  /** Sets a new password that the person must change at their next sign-in; also lifts a lock-out. */
  'accounts.resetPassword': { ...manage, effect: 'write', async: true, audit: updated('accounts'), input: passwordResetSchema, output: accountSchema },
  /** Minutes without use after which a window locks. */
  'accounts.getIdleLock': { ...manage, effect: 'read', async: false, audit: notAudited, input: z.object({}), output: idleLockSchema },
  'accounts.setIdleLock': { ...manage, effect: 'write', async: false, audit: updated('idle-lock'), input: idleLockSchema, output: idleLockSchema },
  /** The setting's option "practitioners see all children" (otherwise only their key children). */
  'accounts.setPractitionerView': {
    ...manage,
    ...scoped('setting', 'settingId'),
    effect: 'write',
    async: false,
    audit: updated('settings', 'settingId'),
    input: practitionerViewSchema,
    output: practitionerViewSchema,
  },
} as const satisfies Methods;
