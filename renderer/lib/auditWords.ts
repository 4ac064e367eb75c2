import type { MethodName } from '../../shared/contract/index.js';
import { isRecordIdField } from '../../shared/schemas/audit.js';
import { formatUkDate, formatUkDateTime } from './format.js';

/**
 * What each API method did, in the words the audit trail shows. Keyed by every method (the
 * type and a unit test both insist), so a new method can never reach the screen as its
 * internal name; reads are worded too, since some of them (exports) are recorded as access.
 */
export const auditWords: Record<MethodName, string> = {
  'app.info': 'Opened the app',
  'audit.list': 'Looked at the audit trail',
  'backups.list': 'Looked at the backups',
  'backups.getSettings': 'Looked at the backup settings',
  'backups.configure': 'Changed the backup settings',
  'backups.create': 'Made a backup',
  'backups.restore': 'Restored a backup',
  'encryption.status': 'Looked at how the database is encrypted',
  'encryption.changeKey': 'Changed the encryption key',
  'children.list': 'Looked at the children list',
  'children.get': "Looked at a child's record",
  'children.create': 'Added a child',
  'children.update': "Changed a child's details",
  'children.archive': 'Archived or restored a child',
  'cohort.breakdown': 'Looked at cohort tracking',
  'cohort.workingAt': 'Looked at cohort tracking',
  'cohort.overview': 'Looked at cohort tracking',
  'cohort.trend': 'Looked at cohort tracking',
  'cohort.transitions': 'Looked at cohort tracking',
  'cohort.settings': 'Looked at cohort tracking',
  'cohort.children': 'Looked at the children behind a cohort number',
  'cohort.targets': 'Looked at targets figures',
  'demo.load': 'Loaded the demonstration data',
  'export.xlsx': 'Downloaded a table as a spreadsheet',
  'export.tracker': 'Downloaded the cohort tracker',
  'export.laTracker': 'Downloaded the local authority tracker',
  'export.child': "Exported a child's records",
  'imports.preview': 'Checked a file before importing it',
  'imports.run': 'Imported children from a file',
  'imports.undoLast': 'Undid the last import',
  'imports.list': 'Looked at past imports',
  'imports.listSources': 'Looked at the import sources',
  'strategies.list': 'Looked at the strategies library',
  'strategies.create': 'Added a strategy',
  'strategies.update': 'Changed a strategy',
  'strategies.archive': 'Archived or restored a strategy',
  'targets.listForChild': "Looked at a child's targets",
  'targets.list': "Looked at a setting's targets",
  'targets.get': 'Looked at a target and its reviews',
  'targets.suggest': 'Looked at starting points for targets from a screening',
  'targets.create': 'Set a target',
  'targets.update': 'Changed a target',
  'targets.review': 'Reviewed a target',
  'targets.stop': 'Stopped a target',
  'instruments.list': 'Looked at the screening tools',
  'instruments.get': 'Looked at a screening tool',
  'instruments.copy': 'Copied a screening tool',
  'instruments.update': 'Changed a screening tool',
  'instruments.setDefault': 'Chose the default screening tool',
  'retention.policies': 'Looked at how long records are kept',
  'retention.updatePolicy': 'Changed how long records are kept',
  'retention.due': 'Looked at records due for deletion',
  'retention.purge': 'Deleted records past their keeping time',
  'rooms.list': 'Looked at the rooms',
  'rooms.create': 'Added a room',
  'rooms.update': 'Changed a room',
  'rooms.archive': 'Archived or restored a room',
  'rounds.list': 'Looked at the screening rounds',
  'rounds.create': 'Added a screening round',
  'rounds.update': 'Changed a screening round',
  'rounds.delete': 'Deleted a screening round',
  'screenings.listForChild': "Looked at a child's screenings",
  'screenings.get': 'Looked at a screening',
  'screenings.preview': 'Checked a screening before saving it',
  'screenings.create': 'Recorded a screening',
  'screenings.update': 'Changed a screening',
  'screenings.delete': 'Deleted a screening',
  'session.status': 'Checked who is signed in',
  'session.createFirstManager': 'Created the first manager account',
  'session.signIn': 'Signed in',
  'session.signOut': 'Signed out',
  'session.whoAmI': 'Checked who is signed in',
  'session.lock': 'Locked the screen',
  'session.unlock': 'Unlocked the screen',
  'session.changePassword': 'Changed their own password',
  'accounts.list': 'Looked at the accounts',
  'accounts.create': 'Added an account',
  'accounts.update': 'Changed an account',
  'accounts.disable': 'Disabled or enabled an account',
  'accounts.resetPassword': 'Reset a password',
  'accounts.getIdleLock': 'Looked at the idle lock time',
  'accounts.setIdleLock': 'Changed the idle lock time',
  'accounts.setPractitionerView': 'Changed which children practitioners see',
  'settings.list': 'Looked at the settings',
  'settings.get': 'Looked at a setting',
  'settings.workLists': "Looked at a setting's work lists",
  'settings.create': 'Added a setting',
  'settings.update': "Changed a setting's details",
  'settings.archive': 'Archived or restored a setting',
  'settings.updateReviewIntervals': "Changed a setting's re-screen intervals",
  'settingTargets.list': 'Looked at the whole-setting targets',
  'settingTargets.get': 'Looked at a whole-setting target',
  'settingTargets.create': 'Added a whole-setting target',
  'settingTargets.update': 'Changed a whole-setting target',
  'settingTargets.review': 'Reviewed a whole-setting target',
  'settingTargets.stop': 'Stopped a whole-setting target',
  'settingTargets.remove': 'Removed a whole-setting target added by mistake',
  'staff.list': 'Looked at the staff',
  'staff.create': 'Added a member of staff',
  'staff.update': 'Changed a member of staff',
  'staff.archive': 'Archived or restored a member of staff',
  'visits.list': "Looked at a setting's visits",
  'visits.get': 'Looked at a visit',
  'visits.schedule': 'Planned a visit',
  'visits.record': 'Recorded a visit',
  'visits.cancel': 'Cancelled a visit',
  'visits.actions': "Looked at a setting's visit actions",
  'visits.addAction': 'Added an action agreed at a visit',
  'visits.updateAction': 'Changed an action agreed at a visit',
  'visits.setActionDone': 'Marked an action done or not done',
  'visits.mine': 'Looked at their visits',
  'visits.frequency': 'Looked at how often a setting is visited',
  'visits.setFrequency': 'Changed how often a setting is visited',
  'visits.agenda': 'Looked at a visit agenda',
  'visits.save': 'Recorded a visit with its reviews and actions',
  'visits.reviews': 'Looked at the reviews recorded at a visit',
  'reports.settingPreview': 'Looked at a setting progress report before producing it',
  'reports.produceSetting': 'Produced a setting progress report',
  'reports.areaPreview': 'Looked at an area progress report before producing it',
  'reports.produceArea': 'Produced an area progress report',
  'reports.childPreview': 'Looked at a child’s progress summary before producing it',
  'reports.produceChild': 'Produced a child’s progress summary',
  'reports.list': 'Listed the reports produced',
  'reports.get': 'Opened a produced report',
  'reports.savePdf': 'Saved a page as a PDF file',
};

/** The words for a stored method name; a name from an older version is shown as recorded. */
export function auditWording(method: string): string {
  return (auditWords as Record<string, string | undefined>)[method] ?? method;
}

/** A changed field's name in words: dateOfBirth becomes "date of birth". */
export function fieldWords(field: string): string {
  const words = field
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A changed value as people read it: a stored date as 27/11/2026, a moment as 27/11/2026 14:05. */
export function valueWords(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatUkDate(value);
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?$/.test(value)) return formatUkDateTime(value);
  return value;
}

/**
 * One recorded change as people read it: the field in words and each value shown plainly, a
 * record id as the name of that record (from audit.list's names) and never as the id itself.
 * Null for a change no reader can use: the record's own id.
 */
export function changeWords(
  c: { field: string; before: string | null; after: string | null },
  names: Readonly<Record<string, string>>,
): { field: string; before: string | null; after: string | null } | null {
  if (!isRecordIdField(c.field))
    return { field: fieldWords(c.field), before: c.before === null ? null : valueWords(c.before), after: c.after === null ? null : valueWords(c.after) };
  if (c.field === 'id') return null;
  const name = (id: string | null) => (id === null ? null : (names[id] ?? 'a record since removed'));
  return { field: fieldWords(c.field.replace(/Id$/, '')), before: name(c.before), after: name(c.after) };
}
