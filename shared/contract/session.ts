import { z } from 'zod';
import { firstManagerInputSchema, meSchema, passwordChangeSchema, sessionStatusSchema, signInInputSchema, unlockInputSchema } from '../schemas/session.js';
import { notAudited, type Methods } from './facts.js';

// The caller's own session: each window, browser tab and command-line run has one. Signing in,
// locking and signing out change that session only; checking a password is asynchronous (a slow
// hash), and records failed attempts, so those calls are writes.
const own = { effect: 'read', async: false, audit: notAudited, permission: 'session:own' } as const;

export const sessionContract = {
  /** Before anything else: is this the first run, who is signed in here, is it locked. */
  'session.status': { effect: 'read', async: false, audit: notAudited, permission: 'session:open', input: z.object({}), output: sessionStatusSchema },
  /** First run only (no account yet): the first manager's account, signed in at once. */
  'session.createFirstManager': {
    effect: 'write',
    async: true,
    audit: { mode: 'self' },
    permission: 'session:open',
    input: firstManagerInputSchema,
    output: meSchema,
  },
  'session.signIn': { effect: 'write', async: true, audit: { mode: 'self' }, permission: 'session:open', input: signInInputSchema, output: meSchema },
  'session.signOut': { ...own, input: z.object({}), output: z.object({ signedOut: z.literal(true) }) },
  'session.whoAmI': { ...own, input: z.object({}), output: meSchema },
  /** Locks this window at once (stepping away); unlocking needs the password again. */
  'session.lock': { ...own, input: z.object({}), output: sessionStatusSchema },
  'session.unlock': { effect: 'write', async: true, audit: { mode: 'self' }, permission: 'session:own', input: unlockInputSchema, output: meSchema },
  'session.changePassword': {
    effect: 'write',
    async: true,
    audit: { mode: 'self' },
    permission: 'session:own',
    input: passwordChangeSchema,
    output: meSchema,
  },
} as const satisfies Methods;
