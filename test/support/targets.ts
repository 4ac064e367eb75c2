import type { Core } from '../../electron/core/core.js';
import { dump } from './core.js';
import { addChild, settingWithStaff } from './fixtures.js';

// A small world for the targets and strategies tests: one setting, a key person, two children
// (one of them the key person's), and a screening with items not passed.

/** Every table, asserting the target tables are among them: a refused call must leave all as they were. */
export const targetTables = (core: Core) => dump(core, ['strategies', 'child_targets', 'child_target_strategies', 'target_reviews']);

export function targetWorld() {
  const { core, setting, person } = settingWithStaff();
  const child = addChild(core, setting.id, { keyPersonId: person.id });
  const other = core.invoke('children.create', { settingId: setting.id, firstName: 'Ben', lastName: 'Buttonhook', dateOfBirth: '2023-01-15', sex: 'male' });
  const instrument = core.invoke('instruments.list', {})[0]!;
  // 44 months on 2026-11-20: section 7 is the age section; Amber there, Green at 6, so the child
  // works at section 6 and activities come from section 7, the one above.
  const screening = core.invoke('screenings.create', {
    childId: child.id,
    instrumentId: instrument.id,
    screeningDate: '2026-11-20',
    sections: [
      { section: 7, colour: 'amber', itemsNotPassed: [2, 5] },
      { section: 6, colour: 'green', itemsNotPassed: [4] },
    ],
  });
  const shared = core.invoke('strategies.list', {});
  return { core, setting, person, child, other, screening, shared };
}

export function newTarget(core: Core, childId: string, extra: Record<string, unknown> = {}) {
  return core.invoke('targets.create', { childId, aim: 'Puts two words together', startDate: '2026-11-20', reviewDate: '2026-12-18', ...extra });
}
