import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core/core.js';
import { testNow } from './core.js';

// Records whole-setting target tests need. The strategies library's own rows and methods come with
// the targets work on another branch, so strategies are written straight into the table here.

/** A strategy in the shared library (settingId null) or a setting's own; archived if `retired`. */
export function addStrategy(core: Core, settingId: string | null, title: string, options: { retired?: boolean } = {}): string {
  const id = randomUUID();
  core.context.db
    .prepare(
      `INSERT INTO strategies (id, setting_id, group_name, title, description, home_version, archived_at, created_at, updated_at)
       VALUES (?, ?, 'environment', ?, 'Written for the tests.', NULL, ?, ?, ?)`,
    )
    .run(id, settingId, title, options.retired ? testNow : null, testNow, testNow);
  return id;
}

/** A valid settingTargets.create input for the setting, owned by a typed name, due in a month. */
export function validSettingTarget(settingId: string, extra: Record<string, unknown> = {}) {
  return { settingId, title: 'Every room uses a visual timetable', ownerName: 'Sam Champion', dueDate: '2026-12-31', ...extra };
}
