import { randomUUID } from 'node:crypto';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { isoFromDate } from '../../shared/domain/dates.js';
import type { Connection, Db } from './db/connection.js';
import type { Actor } from '../../shared/schemas/session.js';
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
import { settingsRepo } from './db/repos/settings.js';
import { staffRepo } from './db/repos/staff.js';

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
  };
}
export type Repos = ReturnType<typeof createRepos>;

/** What the core shares between all its callers: the database and the clock. */
export interface CoreContext {
  /** The live database (db/connection.ts): opened, swapped on restore and closed there only. */
  readonly connection: Connection<Repos>;
  /** The connection's current database and repositories: read them afresh, a restore swaps them. */
  readonly db: Db;
  readonly repos: Repos;
  clock: Clock;
  databasePath: string;
}

/**
 * One caller: a desktop window, a browser tab, a command-line run, a test. Each has its own, so
 * two windows never share who is making changes. Later: the signed-in person and their role.
 */
export interface Session {
  readonly id: string;
  /** Who is using the app: set by session.setActor (or the CLI's --as), written to the audit trail. */
  actor: Actor | null;
}

export function createSession(actor: Actor | null = null): Session {
  return { id: randomUUID(), actor };
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
