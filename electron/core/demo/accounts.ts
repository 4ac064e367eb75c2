import { roleLabels, roles, type Role } from '../../../shared/domain/roles.js';
import type { Core } from '../core.js';
import { hashPassword } from '../services/accounts/passwords.js';

// One sign-in account per role for demo databases only, with the passwords listed in the README's
// demo section. Fictional, like the rest of the demo data; never made in a real database.

export const demoAccounts: readonly { userName: string; role: Role; password: string }[] = roles.map((role) => ({
  userName: `demo-${role}`,
  role,
  password: `demo-${role}-pass`,
}));

/** Adds the demo accounts, linked to the first demo setting's staff (the assistant covers two settings). */
export async function addDemoAccounts(core: Core): Promise<number> {
  const repos = core.context.repos;
  const settings = core.invoke('settings.list', {});
  const first = settings[0];
  const staff = first ? core.invoke('staff.list', { settingId: first.id }) : [];
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)));
  const now = core.context.clock.now();
  core.context.db
    .transaction(() =>
      demoAccounts.forEach((a, i) => {
        // The manager reaches every setting and is nobody's staff record, so the two names never clash.
        const linked = a.role === 'practitioner' ? staff[1] : a.role === 'champion' ? staff[0] : undefined;
        repos.accounts.create(
          {
            displayName: linked?.name ?? `Demo ${roleLabels[a.role]}`,
            userName: a.userName,
            role: a.role,
            staffId: linked?.id ?? null,
            settingIds: a.role === 'slt-assistant' ? settings.slice(0, 2).map((s) => s.id) : [],
            passwordHash: hashes[i] ?? '',
            mustChangePassword: false,
          },
          now,
        );
      }),
    )
    .immediate();
  return demoAccounts.length;
}
