import { permissions, type Permission } from '../contract/facts.js';

// Who may do what: one table, read by the core on every call (electron/core/api/access.ts), by
// the renderer to show only what a role may use, and by the README's permission table.

export const roles = ['manager', 'champion', 'practitioner', 'slt-assistant', 'panel-member'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  manager: 'Manager',
  champion: 'Communication champion',
  practitioner: 'Practitioner',
  'slt-assistant': 'SLT assistant',
  'panel-member': 'Triage panel member',
};

/** Every signed-in person may do these, whatever their role, even while their session is locked. */
const everyone: readonly Permission[] = ['session:own', 'app:use'];

/**
 * Managers hold everything; only they delete, purge, export, restore, change retention or manage
 * accounts. Champions run screening in their setting; practitioners screen their key children;
 * SLT assistants screen and look at cohorts in the settings they cover; panel members read.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  // Every permission there is, so one added later is a manager's until given to others too.
  manager: permissions.filter((p) => p !== 'session:open'),
  champion: [
    ...everyone,
    'settings:read',
    'children:read',
    'children:write',
    'screenings:read',
    'screenings:write',
    'instruments:write',
    'cohort:read',
    'rounds:write',
    'targets:read',
    'targets:write',
    'strategies:write',
    'visits:read',
    'visits:write',
    'reports:produce',
    'reports:child',
    'data:import',
  ],
  practitioner: [
    ...everyone,
    'settings:read',
    'children:read',
    'children:write',
    'screenings:read',
    'screenings:write',
    'targets:read',
    'targets:write',
    'visits:read',
    'reports:child',
  ],
  'slt-assistant': [
    ...everyone,
    'settings:read',
    'children:read',
    'screenings:read',
    'screenings:write',
    'cohort:read',
    'targets:read',
    'targets:write',
    'strategies:write',
    'visits:read',
    'visits:write',
    'reports:produce',
    'reports:child',
  ],
  'panel-member': [...everyone, 'settings:read', 'children:read', 'screenings:read', 'cohort:read', 'targets:read'],
};

/** Whether a role holds a permission; `session:open` is everyone's, signed in or not. */
export function roleMay(role: Role, permission: Permission): boolean {
  return permission === 'session:open' || rolePermissions[role].includes(permission);
}

/** Roles whose view is limited to some settings or children (see access.ts in the core). */
export const scopedRoles: readonly Role[] = ['practitioner', 'slt-assistant'];
