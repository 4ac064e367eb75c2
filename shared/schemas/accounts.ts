import { z } from 'zod';
import { passwordProblem } from '../domain/password.js';
import { roles } from '../domain/roles.js';
import { idSchema, recordMetaSchema, requiredText } from './common.js';

// Sign-in accounts. Passwords pass the one shared rule (shared/domain/password.ts) whichever door
// they come through; they are never returned, and never kept except as a salted scrypt hash.

/** A new password, checked against the shared rule; `label` names the field in the message. */
export const newPasswordSchema = z.string({ message: 'Enter a password' }).superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A password being checked (sign-in, unlock): any text, bounded, the rule is not applied to old ones. */
export const givenPasswordSchema = z
  .string({ message: 'Enter your password' })
  .min(1, { message: 'Enter your password' })
  .max(200, { message: 'Enter your password' });

/** User names: letters, digits, dots, hyphens and underscores, so they are easy to type on any keyboard. */
export const userNameSchema = z
  .string({ message: 'Enter a user name' })
  .trim()
  .min(1, { message: 'Enter a user name' })
  .max(60, { message: 'The user name must be 60 characters or fewer' })
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'The user name may use letters, digits, dots, hyphens and underscores only' });

export const roleSchema = z.enum(roles, { message: 'Choose a role' });

const accountFields = {
  displayName: requiredText('the name', 100),
  role: roleSchema,
  staffId: idSchema.nullable().default(null),
  /** The settings an SLT assistant covers; ignored for other roles. */
  settingIds: z.array(idSchema).max(500).default([]),
};

export const accountInputSchema = z.object({ ...accountFields, userName: userNameSchema, password: newPasswordSchema });
export const accountUpdateSchema = z.object({ id: idSchema, ...accountFields });

export const accountSchema = recordMetaSchema.extend({
  displayName: z.string(),
  userName: z.string(),
  role: roleSchema,
  staffId: idSchema.nullable(),
  staffName: z.string().nullable(),
  settingIds: z.array(idSchema),
  mustChangePassword: z.boolean(),
  disabledAt: z.string().nullable(),
  /** Signing in is refused until then, after too many wrong passwords. */
  lockedUntil: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountDisableSchema = z.object({ id: idSchema, disabled: z.boolean() });
export const passwordResetSchema = z.object({ id: idSchema, password: newPasswordSchema });

export const idleLockSchema = z.object({
  minutes: z.number({ message: 'Enter a number of minutes' }).int({ message: 'Enter whole minutes' }).min(1, { message: 'At least 1 minute' }).max(240, {
    message: 'At most 240 minutes',
  }),
});

export const practitionerViewSchema = z.object({ settingId: idSchema, seeAll: z.boolean() });
