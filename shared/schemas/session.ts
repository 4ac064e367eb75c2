import { z } from 'zod';
import { givenPasswordSchema, newPasswordSchema, roleSchema, userNameSchema } from './accounts.js';
import { idSchema, requiredText, storableText } from './common.js';

// The caller's own session: who signed in here, whether it is locked, and the first run.

/** First run: the first manager's account, made only while no account exists. */
export const firstManagerInputSchema = z.object({
  displayName: requiredText('your name', 100),
  userName: userNameSchema,
  password: newPasswordSchema,
});

/** The person signed in to this window, tab or command-line run. */
export const meSchema = z.object({
  /** Null for the local administrator (the command line's --local-admin), who has no account. */
  accountId: idSchema.nullable(),
  displayName: z.string(),
  userName: z.string(),
  role: z.union([roleSchema, z.literal('local-admin')]),
  roleLabel: z.string(),
  staffId: idSchema.nullable(),
  settingIds: z.array(idSchema),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionStatusSchema = z.object({
  /** No account exists yet: the app asks for the first manager's account. */
  firstRun: z.boolean(),
  me: meSchema.nullable(),
  /** Signed in, but locked after being idle (or on request): unlock with the password. */
  locked: z.boolean(),
  idleMinutes: z.number().int(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const signInInputSchema = z.object({ userName: storableText(z.string().trim().max(60), 'the user name'), password: givenPasswordSchema });
export const unlockInputSchema = z.object({ password: givenPasswordSchema });
export const passwordChangeSchema = z.object({ currentPassword: givenPasswordSchema, newPassword: newPasswordSchema });
