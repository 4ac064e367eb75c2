import { randomUUID } from 'node:crypto';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { isoFromDate } from '../../shared/domain/dates.js';
import type { Connection, Db } from './db/connection.js';
import type { KeyProtector } from './keys/key-file.js';
import type { Role } from '../../shared/domain/roles.js';
import { accountsRepo } from './db/repos/accounts.js';
import { appSettingsRepo } from './db/repos/app-settings.js';
import { auditRepo } from './db/repos/audit.js';
import { exportRepo } from './db/repos/export.js';
import { importsRepo } from './db/repos/imports.js';
import { retentionRepo } from './db/repos/retention.js';
import { childrenRepo } from './db/repos/children.js';
import { cohortRepo } from './db/repos/cohort.js';
import { instrumentsRepo } from './db/repos/instruments.js';
import { roundsRepo } from './db/repos/rounds.js';
import { screeningsRepo } from './db/repos/screenings.js';
import { roomsRepo } from './db/repos/rooms.js';
import { settingTargetsRepo } from './db/repos/settingTargets.js';
import { settingsRepo } from './db/repos/settings.js';
import { staffRepo } from './db/repos/staff.js';
import { visitsRepo } from './db/repos/visits.js';
import { strategiesRepo } from './db/repos/strategies.js';
import { targetsRepo } from './db/repos/targets.js';
import { reportsRepo } from './db/repos/reports.js';

/** Time comes from here, never from `new Date()` in a handler, so tests can fix "today". */
export interface Clock {
  /** An ISO 8601 timestamp in UTC, for created_at/updated_at. */
  now(): string;
  /** The local calendar date as 'YYYY-MM-DD', for rules like "date of birth not in the future". */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => isoFromDate(new Date()),
};

/** A clock stuck at one date: tests, and `CHATTERBOX_TODAY` for repeatable demos and e2e runs. */
export function fixedClock(today: string): Clock {
  return { now: () => `${today}T12:00:00.000Z`, today: () => today };
}

/** The one place repositories are built: handlers and services reach them through the context. */
export function createRepos(db: Db) {
  return {
    settings: settingsRepo(db),
    rooms: roomsRepo(db),
    staff: staffRepo(db),
    children: childrenRepo(db),
    instruments: instrumentsRepo(db),
    screenings: screeningsRepo(db),
    rounds: roundsRepo(db),
    cohort: cohortRepo(db),
    audit: auditRepo(db),
    imports: importsRepo(db),
    retention: retentionRepo(db),
    appSettings: appSettingsRepo(db),
    export: exportRepo(db),
    accounts: accountsRepo(db),
    visits: visitsRepo(db),
    settingTargets: settingTargetsRepo(db),
    strategies: strategiesRepo(db),
    targets: targetsRepo(db),
    reports: reportsRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;

/**
 * The desktop app's printing (Electron's printToPDF and a save dialog): browser mode and the
 * command line have none, so the core only ever asks for it through this.
 */
export interface Printer {
  /**
   * Saves the page shown in `session`'s window as a PDF, offering `suggestedFileName`: the path
   * saved to, or null when the person cancelled. A file that cannot be written throws an AppError
   * naming it (writePdfFile in services/reports/save-pdf.ts).
   */
  savePdf(session: Session, suggestedFileName: string): Promise<string | null>;
}

/** What the core shares between all its callers: the database and the clock. */
export interface CoreContext {
  /** The live database (db/connection.ts): opened, swapped on restore and closed there only. */
  readonly connection: Connection<Repos>;
  /** The connection's current database and repositories: read them afresh, a restore swaps them. */
  readonly db: Db;
  readonly repos: Repos;
  clock: Clock;
  databasePath: string;
  /** The desktop app's safeStorage: a key change wraps the new key with it too, so the next start still unlocks by itself. */
  readonly protector?: KeyProtector;
  /** The desktop app's "Save as PDF" (reports.savePdf); absent in browser mode and the command line. */
  readonly printer?: Printer;
}

/**
 * Who is signed in to a session. An account's role and settings are read afresh on every call
 * (electron/core/api/access.ts), so a manager's change or a disabled account takes effect at once.
 * The local administrator (the command line's --local-admin) has no account: whoever runs the
 * command can already read the database file.
 */
export interface SessionAccount {
  /** Null for the local administrator. */
  readonly accountId: string | null;
  displayName: string;
  userName: string;
  role: Role | 'local-admin';
  staffId: string | null;
  settingIds: string[];
  mustChangePassword: boolean;
}

/**
 * One caller: a desktop window, a browser tab, a command-line run, a test. Each has its own, so
 * two windows never share who is signed in; nothing about the caller lives on the shared core.
 */
export interface Session {
  readonly id: string;
  /** Who signed in here; null before sign-in and after sign-out. */
  account: SessionAccount | null;
  /** Locked after the idle time (or on request): only the session's own methods answer until unlocked. */
  locked: boolean;
  /** When the session last made a call other than its own bookkeeping, for the idle lock. */
  lastActiveAt: string | null;
}

export function createSession(account: SessionAccount | null = null): Session {
  return { id: randomUUID(), account, locked: false, lastActiveAt: null };
}

/** The command line's --local-admin: full permissions, named in the audit trail with the OS user. */
export function localAdministrator(osUser: string): SessionAccount {
  return {
    accountId: null,
    displayName: `Local administrator (${osUser})`,
    userName: osUser,
    role: 'local-admin',
    staffId: null,
    settingIds: [],
    mustChangePassword: false,
  };
}

/** What every handler receives: the shared core and the session of the caller it is serving. */
export interface CallContext extends CoreContext {
  readonly session: Session;
  /**
   * Calls another API method with full validation, for handlers built from other methods (demo
   * data), as the same caller. Runs inside the caller's transaction, so a failure part way undoes
   * the lot.
   */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
}
