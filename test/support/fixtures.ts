import type { Core } from '../../electron/core/core.js';
import { testCore } from './core.js';

// Small worlds that several test/api files start from. All names are invented.

/** A fresh core with two settings: Acorn Lane (a nursery) and Bramble Barn (a pre-school). */
export function twoSettings() {
  const core = testCore();
  const a = core.invoke('settings.create', { name: 'Acorn Lane', urn: 'EY111111', type: 'nursery' });
  const b = core.invoke('settings.create', { name: 'Bramble Barn', urn: 'EY222222', type: 'pre-school' });
  return { core, a, b };
}

/** A fresh core with one setting, Acorn, and one staff member in it, Kim Testperson. */
export function settingWithStaff() {
  const core = testCore();
  const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const person = core.invoke('staff.create', { settingId: setting.id, name: 'Kim Testperson', role: 'communication-champion', qualificationLevel: 'level-3' });
  return { core, setting, person };
}

/** The fields children.create needs, for a valid child: Amara Applewhistle, born 2023-03-01. */
export function validChild(settingId: string) {
  return { settingId, firstName: 'Amara', lastName: 'Applewhistle', dateOfBirth: '2023-03-01', sex: 'female' as const };
}

/** Adds the valid child to a setting, in the room or with the key person given. */
export function addChild(core: Core, settingId: string, extra: { roomId?: string; keyPersonId?: string } = {}) {
  return core.invoke('children.create', { ...validChild(settingId), ...extra });
}
