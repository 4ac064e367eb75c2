import type { z } from 'zod';
import { accountsContract } from './accounts.js';
import { appContract } from './app.js';
import { auditContract } from './audit.js';
import { backupsContract } from './backups.js';
import { childrenContract } from './children.js';
import { cohortContract } from './cohort.js';
import { demoContract } from './demo.js';
import { encryptionContract } from './encryption.js';
import { exportContract } from './export.js';
import { checkFacts, type MethodSpec } from './facts.js';
import { importsContract } from './imports.js';
import { instrumentsContract } from './instruments.js';
import { retentionContract } from './retention.js';
import { roomsContract } from './rooms.js';
import { roundsContract } from './rounds.js';
import { screeningsContract } from './screenings.js';
import { sessionContract } from './session.js';
import { settingTargetsContract } from './settingTargets.js';
import { settingsContract } from './settings.js';
import { staffContract } from './staff.js';
import { visitsContract } from './visits.js';
import { reportsContract } from './reports.js';
import { strategiesContract } from './strategies.js';
import { targetsContract } from './targets.js';

// THE API. Every method the renderer (or the command line, or a test) may call is listed once, in
// the file of its domain, with the schema its input must pass, the shape of what it returns and
// its facts (see facts.ts). Both transports and the renderer take their types from this object,
// so a change here is a change everywhere.

/** Each domain's methods, keyed by the domain's name: the name of its file in every layer. */
export const domains = {
  app: appContract,
  demo: demoContract,
  settings: settingsContract,
  rooms: roomsContract,
  staff: staffContract,
  children: childrenContract,
  instruments: instrumentsContract,
  screenings: screeningsContract,
  rounds: roundsContract,
  cohort: cohortContract,
  session: sessionContract,
  accounts: accountsContract,
  audit: auditContract,
  export: exportContract,
  backups: backupsContract,
  retention: retentionContract,
  imports: importsContract,
  encryption: encryptionContract,
  visits: visitsContract,
  settingTargets: settingTargetsContract,
  strategies: strategiesContract,
  targets: targetsContract,
  reports: reportsContract,
} as const;
export type DomainName = keyof typeof domains;

export const contract = {
  ...appContract,
  ...demoContract,
  ...settingsContract,
  ...roomsContract,
  ...staffContract,
  ...childrenContract,
  ...instrumentsContract,
  ...screeningsContract,
  ...roundsContract,
  ...cohortContract,
  ...sessionContract,
  ...accountsContract,
  ...auditContract,
  ...exportContract,
  ...backupsContract,
  ...retentionContract,
  ...importsContract,
  ...encryptionContract,
  ...visitsContract,
  ...settingTargetsContract,
  ...strategiesContract,
  ...targetsContract,
  ...reportsContract,
} as const;
// A missing or contradictory fact stops the app at start-up, not at the first call that needs it.
checkFacts(contract);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

/** What a caller passes: defaults may be omitted. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives: defaults filled in, strings trimmed. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Methods whose work cannot be synchronous (see MethodFacts.async). */
export type AsyncMethod = { [M in MethodName]: Contract[M]['async'] extends true ? M : never }[MethodName];
export type SyncMethod = Exclude<MethodName, AsyncMethod>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A method's facts, read as the common shape (the entries' own types are narrower). */
export function factsOf(method: MethodName): MethodSpec {
  return contract[method];
}

export { permissions, type ScopeFact, type AuditFact, type MethodFacts, type MethodSpec, type Permission } from './facts.js';
