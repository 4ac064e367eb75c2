import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { backupFileNamePattern, type BackupInfo, type BackupKind, type BackupSettings, type DatabaseCheck, type RestoreResult } from '../../../shared/schemas/backups.js';
import { createRepos, type CoreContext } from '../context.js';
import { latestSchemaVersion } from '../db/migrations.js';
import { openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { appSettingsRepo } from '../db/repos/app-settings.js';

// Backups and restore. Every copy is made with SQLite's online backup API (a consistent snapshot
// even while the app is writing), written under a ".partial" name, switched to a self-contained
// single file (journal_mode=DELETE, so it can be copied to a USB stick on its own), checked with
// integrity_check, flushed to disk, and only then renamed to its final name. A crash at any
// moment therefore leaves either no backup or a complete, checked one; a ".partial" file is
// never listed, and stale ones are removed by the next backup.
//
// Backups live in a "backups" folder beside the database:
//   chatterbox-<kind>-YYYY-MM-DD-HHMMSS[-n].sqlite   (UTC time; -n when several share a second)
// kinds: auto (daily, the newest `backup_keep` kept), manual (never deleted by the app),
// before-restore (the database a restore replaced; the newest `backup_keep` kept).

/** Anything holding a core context: the Core itself. */
export interface HasContext {
  readonly context: CoreContext;
}

const day = 24 * 60 * 60 * 1000;
const defaultKeep = 10;

// ---- The core's open options (the Electron build of the addon must be used for every connection)

const openOptionsByContext = new WeakMap<CoreContext, OpenOptions>();

/** Called by createCore, so backups and restores open files with the same native addon. */
export function registerOpenOptions(ctx: CoreContext, options: OpenOptions): void {
  openOptionsByContext.set(ctx, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
}

function openOptionsOf(ctx: CoreContext): OpenOptions {
  return openOptionsByContext.get(ctx) ?? {};
}

function addon(options: OpenOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

// ---- One backup or restore at a time per core (they run outside the per-call transaction)

const queues = new WeakMap<CoreContext, Promise<unknown>>();

function exclusive<T>(ctx: CoreContext, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(ctx) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(ctx, next.catch(() => undefined));
  return next;
}

// ---- Names and the folder

export function backupFolderFor(databasePath: string): string {
  if (databasePath === ':memory:') throw new AppError('DATABASE', 'A database held in memory has no backups folder');
  return join(dirname(resolve(databasePath)), 'backups');
}

interface ParsedName {
  kind: BackupKind;
  createdAt: string;
  seq: number;
}

export function parseBackupName(fileName: string): ParsedName | null {
  const m = backupFileNamePattern.exec(fileName);
  if (!m) return null;
  const [, kind, y, mo, d, h, mi, s, seq] = m;
  return { kind: kind as BackupKind, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`, seq: seq ? Number(seq) : 1 };
}

/** The finished backups in a folder, newest first. Partial files and anything else are ignored. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const found: (BackupInfo & { seq: number })[] = [];
  for (const fileName of readdirSync(folder)) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    const path = join(folder, fileName);
    let sizeBytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      sizeBytes = stat.size;
    } catch {
      continue; // Removed while we looked.
    }
    found.push({ fileName, path, createdAt: parsed.createdAt, sizeBytes, kind: parsed.kind, seq: parsed.seq });
  }
  found.sort((a, b) => (a.createdAt === b.createdAt ? b.seq - a.seq : a.createdAt < b.createdAt ? 1 : -1));
  return found.map(({ seq: _seq, ...info }) => info);
}

function stampOf(nowIso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(nowIso);
  if (!m) throw new Error(`Not an ISO timestamp: ${nowIso}`);
  return `${m[1]}-${m[2]}-${m[3]}-${m[4]}${m[5]}${m[6]}`;
}

/**
 * A name not yet used in the folder (nor by a backup in progress). Backups made in the same
 * second, of any kind, are numbered on from the highest number already there, so the numbers
 * keep their order even after rotation has removed the first of them.
 */
function freshName(folder: string, kind: BackupKind, nowIso: string): string {
  const stamp = stampOf(new Date(nowIso).toISOString());
  let highest = 0;
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const parsed = parseBackupName(name.replace(/\.partial$/, ''));
    if (parsed && stampOf(parsed.createdAt) === stamp) highest = Math.max(highest, parsed.seq);
  }
  const seq = highest + 1;
  if (seq >= 10_000) throw new AppError('CONFLICT', `Too many backups were made in the same second in ${folder}`);
  return `chatterbox-${kind}-${stamp}${seq === 1 ? '' : `-${seq}`}.sqlite`;
}

function infoFor(folder: string, fileName: string): BackupInfo {
  const info = listBackups(folder).find((b) => b.fileName === fileName);
  if (!info) throw new Error(`The backup ${fileName} vanished from ${folder}`);
  return info;
}

const sidecars = ['', '-wal', '-shm', '-journal'];

function removeFileSet(path: string): void {
  for (const suffix of sidecars) rmSync(`${path}${suffix}`, { force: true });
}

/** Left behind by a backup that was interrupted (a crash, the power going off) over an hour ago. */
function removeStalePartials(folder: string): void {
  if (!existsSync(folder)) return;
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(folder)) {
    if (!/\.partial(-wal|-shm|-journal)?$/.test(name)) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    } catch {
      // Gone already.
    }
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames itself. */
function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse; the rename itself is still atomic.
  }
}

// ---- Checking a database file

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The checks every backup, every restore candidate and `chatterbox check` go through. */
export function checkOpenDatabase(db: Db): { problems: string[]; schemaVersion: number | null } {
  const problems: string[] = [];
  let schemaVersion: number | null = null;
  try {
    const result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (result.length !== 1 || result[0] !== 'ok') {
      problems.push(`It failed SQLite's integrity check (${result.slice(0, 3).join('; ')}).`);
      return { problems, schemaVersion };
    }
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (schemaVersion === 0) {
      problems.push(tables.size > 0 ? 'It is an SQLite database from another program, not Chatterbox.' : 'It is an empty database, not a Chatterbox database.');
    } else if (schemaVersion > latestSchemaVersion) {
      problems.push(`It was written by a newer version of Chatterbox (schema ${schemaVersion}; this version knows up to ${latestSchemaVersion}). Update Chatterbox first.`);
    } else if (!tables.has('settings') || !tables.has('children')) {
      problems.push('It is not a Chatterbox database (its tables are missing).');
    } else {
      const broken = (db.pragma('foreign_key_check') as unknown[]).length;
      if (broken > 0) problems.push(`${broken} of its rows point at records that do not exist.`);
    }
  } catch (err) {
    problems.push(`It is not a Chatterbox database or is badly damaged (${describe(err)}).`);
  }
  return { problems, schemaVersion };
}

/**
 * `chatterbox check FILE`: opens the file read-only and checks it without changing it (a live
 * database may get empty -wal/-shm files beside it, which SQLite manages).
 */
export function checkDatabase(path: string, options: OpenOptions = {}): DatabaseCheck {
  const base = { path, appSchemaVersion: latestSchemaVersion };
  if (!existsSync(path) || !statSync(path).isFile()) {
    return { ...base, ok: false, sizeBytes: 0, schemaVersion: null, problems: [`There is no file at ${path}.`] };
  }
  const sizeBytes = statSync(path).size;
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...addon(options) });
  } catch (err) {
    return { ...base, ok: false, sizeBytes, schemaVersion: null, problems: [`It cannot be opened (${describe(err)}).`] };
  }
  try {
    const { problems, schemaVersion } = checkOpenDatabase(db);
    return { ...base, ok: problems.length === 0, sizeBytes, schemaVersion, problems };
  } finally {
    db.close();
  }
}

// ---- Making copies

/**
 * Copies the open database to `target` with the online backup API, through a ".partial" file
 * that is checked and flushed before it takes the final name. A copy that fails its check is
 * deleted and refused, unless `keepIfDamaged` (the safety copy before a restore: keeping what
 * is replaced matters more than its health).
 */
async function writeCheckedCopy(source: Db, target: string, options: OpenOptions, keepIfDamaged = false): Promise<DatabaseCheck> {
  const partial = `${target}.partial`;
  removeFileSet(partial);
  try {
    await source.backup(partial);
    const copy = new Database(partial, { fileMustExist: true, ...addon(options) });
    let checked: { problems: string[]; schemaVersion: number | null };
    try {
      // A single self-contained file: no -wal beside it, readable on its own, anywhere.
      copy.pragma('journal_mode = DELETE');
      checked = checkOpenDatabase(copy);
    } finally {
      copy.close();
    }
    if (checked.problems.length > 0 && !keepIfDamaged) {
      throw new AppError('DATABASE', `The backup failed its check and was not kept: ${checked.problems.join(' ')} Run "chatterbox check" on the database.`);
    }
    fsyncFile(partial);
    renameSync(partial, target);
    fsyncFolder(dirname(target));
    return {
      path: target,
      ok: checked.problems.length === 0,
      sizeBytes: statSync(target).size,
      schemaVersion: checked.schemaVersion,
      appSchemaVersion: latestSchemaVersion,
      problems: checked.problems,
    };
  } catch (err) {
    removeFileSet(partial);
    throw err;
  }
}

function keepOf(ctx: CoreContext): number {
  const n = Number(appSettingsRepo(ctx.db).get('backup_keep'));
  return Number.isInteger(n) && n >= 1 ? n : defaultKeep;
}

/** Deletes the oldest backups of a kind beyond `keep`. Manual backups are never deleted. */
function rotate(folder: string, kind: BackupKind, keep: number): void {
  if (kind === 'manual') return;
  for (const old of listBackups(folder).filter((b) => b.kind === kind).slice(keep)) rmSync(old.path, { force: true });
}

async function makeBackup(ctx: CoreContext, kind: 'auto' | 'manual', now: string): Promise<BackupInfo> {
  const folder = backupFolderFor(ctx.databasePath);
  mkdirSync(folder, { recursive: true });
  removeStalePartials(folder);
  const fileName = freshName(folder, kind, now);
  await writeCheckedCopy(ctx.db, join(folder, fileName), openOptionsOf(ctx));
  rotate(folder, kind, keepOf(ctx));
  return infoFor(folder, fileName);
}

/** A backup into the backups folder, checked, then older ones rotated out. */
export function createBackup(ctx: CoreContext, kind: 'auto' | 'manual', now: string = ctx.clock.now()): Promise<BackupInfo> {
  return exclusive(ctx, () => makeBackup(ctx, kind, now));
}

/** `chatterbox backup --out FILE`: a checked copy anywhere. Refuses to overwrite unless asked. */
export function backupTo(core: HasContext, outPath: string, options: { overwrite?: boolean } = {}): Promise<DatabaseCheck> {
  const ctx = core.context;
  return exclusive(ctx, async () => {
    const target = resolve(outPath);
    if (target === resolve(ctx.databasePath)) throw new AppError('VALIDATION', 'A backup cannot overwrite the database itself', [{ path: ['out'], message: 'Choose another file' }]);
    if (existsSync(target) && !options.overwrite) {
      throw new AppError('CONFLICT', `${target} already exists. Choose another name, or remove it first.`);
    }
    mkdirSync(dirname(target), { recursive: true });
    return writeCheckedCopy(ctx.db, target, openOptionsOf(ctx));
  });
}

function lastAutoBackupAt(folder: string): string | null {
  return listBackups(folder).find((b) => b.kind === 'auto')?.createdAt ?? null;
}

/** Due when there is no automatic backup from the last 24 hours (or the newest is "in the future": the clock moved). */
function autoBackupDue(last: string | null, now: string): boolean {
  if (!last) return true;
  const age = Date.parse(now) - Date.parse(last);
  return age >= day || age < 0;
}

export function backupSettings(ctx: CoreContext): BackupSettings {
  const keep = keepOf(ctx);
  if (ctx.databasePath === ':memory:') return { folder: '', keep, lastAutoBackupAt: null, autoBackupDue: false };
  const folder = backupFolderFor(ctx.databasePath);
  const last = lastAutoBackupAt(folder);
  return { folder, keep, lastAutoBackupAt: last, autoBackupDue: autoBackupDue(last, ctx.clock.now()) };
}

/**
 * The hosts call this at start and every hour: it makes an automatic backup when none was made
 * in the last 24 hours. Returns the new backup, or null when none was due.
 */
export async function runAutoBackupIfDue(core: HasContext, now: string = core.context.clock.now()): Promise<BackupInfo | null> {
  const ctx = core.context;
  if (ctx.databasePath === ':memory:') return null;
  // Decided inside the queue, so two ticks at once make one backup.
  return exclusive(ctx, async () => (autoBackupDue(lastAutoBackupAt(backupFolderFor(ctx.databasePath)), now) ? makeBackup(ctx, 'auto', now) : null));
}

/** Runs runAutoBackupIfDue now and then every hour; returns a function that stops it. */
export function startAutoBackups(core: HasContext, options: { everyMs?: number; onError?: (err: unknown) => void } = {}): () => void {
  const tick = () => {
    if (!core.context.db.open) return;
    runAutoBackupIfDue(core).catch((err: unknown) => options.onError?.(err));
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

// ---- Restore

interface Staged {
  path: string;
  schemaVersion: number;
}

/**
 * Copies the file to restore beside the database (with its -wal, if it has one), and checks the
 * copy: the file chosen is never opened for writing, and nothing of the live database is touched
 * until the copy has passed.
 */
function stageCandidate(candidatePath: string, databasePath: string, options: OpenOptions): Staged {
  const name = basename(candidatePath);
  if (!existsSync(candidatePath) || !statSync(candidatePath).isFile()) throw new AppError('NOT_FOUND', `There is no file at ${candidatePath}`);
  const staged = join(dirname(resolve(databasePath)), `.${basename(databasePath)}.incoming.partial`);
  removeFileSet(staged);
  try {
    copyFileSync(candidatePath, staged);
    if (existsSync(`${candidatePath}-wal`)) copyFileSync(`${candidatePath}-wal`, `${staged}-wal`);
    let checked: { problems: string[]; schemaVersion: number | null };
    try {
      const db = new Database(staged, { fileMustExist: true, ...addon(options) });
      try {
        checked = checkOpenDatabase(db);
        if (checked.problems.length === 0) db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
    } catch (err) {
      checked = { problems: [`It cannot be opened (${describe(err)}).`], schemaVersion: null };
    }
    if (checked.problems.length > 0 || checked.schemaVersion === null) {
      throw new AppError('DATABASE', `${name} cannot be restored. ${checked.problems.join(' ')} Nothing was changed.`);
    }
    fsyncFile(staged);
    return { path: staged, schemaVersion: checked.schemaVersion };
  } catch (err) {
    removeFileSet(staged);
    throw err;
  }
}

export interface RestoreOutcome {
  safetyCopy: BackupInfo;
  backupSchemaVersion: number;
}

/**
 * Replaces the core's database with a copy of `candidatePath`, in place, so every holder of this
 * core (the transports, the CLI) reads the restored data on its next call:
 * 1. the candidate is copied and checked (integrity, a Chatterbox database, not from the future);
 * 2. the live database is copied to a "before-restore" backup with the online backup API;
 * 3. the live connection is closed, the checked copy renamed over the database file (atomic),
 *    and the database reopened through openDatabase (older backups are migrated forward).
 * If the restored file cannot be opened, the safety copy is put back and reopened.
 */
export function restoreInto(ctx: CoreContext, candidatePath: string): Promise<RestoreOutcome> {
  return exclusive(ctx, async () => {
    const options = openOptionsOf(ctx);
    const databasePath = resolve(ctx.databasePath);
    if (ctx.databasePath === ':memory:') throw new AppError('DATABASE', 'A database held in memory cannot be restored into');
    const staged = stageCandidate(candidatePath, databasePath, options);
    try {
      const folder = backupFolderFor(databasePath);
      mkdirSync(folder, { recursive: true });
      const safetyName = freshName(folder, 'before-restore', ctx.clock.now());
      const safetyPath = join(folder, safetyName);
      await writeCheckedCopy(ctx.db, safetyPath, options, true);

      ctx.db.close();
      let reopened: Db | null = null;
      try {
        // After the last connection closes, SQLite removes -wal and -shm. If they remain, another
        // program (a second Chatterbox) has the file open, and swapping it would lose its writes.
        if (existsSync(`${databasePath}-shm`) || existsSync(`${databasePath}-wal`)) {
          throw new AppError('CONFLICT', 'The database is open in another program (another Chatterbox window or command?). Close it and try again. Nothing was changed.');
        }
        renameSync(staged.path, databasePath);
        fsyncFolder(dirname(databasePath));
        try {
          reopened = openDatabase(databasePath, options);
        } catch (err) {
          copyBack(safetyPath, databasePath);
          throw new AppError('DATABASE', `The restored database could not be opened (${describe(err)}). The database was put back as it was.`);
        }
      } finally {
        // Whatever happened, the core must hold an open database again.
        const db = reopened ?? openDatabase(databasePath, options);
        ctx.db = db;
        ctx.repos = createRepos(db);
      }
      rotate(folder, 'before-restore', keepOf(ctx));
      return { safetyCopy: infoFor(folder, safetyName), backupSchemaVersion: staged.schemaVersion };
    } finally {
      removeFileSet(staged.path);
    }
  });
}

function copyBack(from: string, databasePath: string): void {
  const partial = `${databasePath}.putback.partial`;
  copyFileSync(from, partial);
  fsyncFile(partial);
  removeFileSet(databasePath);
  renameSync(partial, databasePath);
  fsyncFolder(dirname(databasePath));
}

/** backups.restore: restores one of the backups in the folder, by name. */
export async function restoreBackup(ctx: CoreContext, fileName: string): Promise<RestoreResult> {
  const folder = backupFolderFor(ctx.databasePath);
  const restoredFrom = listBackups(folder).find((b) => b.fileName === fileName);
  if (!restoredFrom) throw new AppError('NOT_FOUND', `There is no backup called ${fileName}`, [{ path: ['fileName'], message: 'Choose one of the backups in the list' }]);
  const outcome = await restoreInto(ctx, restoredFrom.path);
  return { restoredFrom, ...outcome };
}

/**
 * `chatterbox restore FILE` while no core has the database open (the database may be too
 * damaged to open at all, which is when a restore is needed most). The file being replaced is
 * kept as a before-restore backup, byte for byte (with its -wal folded in when it can be).
 */
export async function restoreDatabaseFile(databasePath: string, candidatePath: string, options: OpenOptions = {}): Promise<RestoreOutcome> {
  const dbPath = resolve(databasePath);
  if (!existsSync(dbPath)) {
    throw new AppError('NOT_FOUND', `There is no database at ${dbPath} to restore into. Open Chatterbox once to create it, or copy the backup there yourself.`);
  }
  const staged = stageCandidate(candidatePath, dbPath, options);
  try {
    const folder = backupFolderFor(dbPath);
    mkdirSync(folder, { recursive: true });
    const safetyName = freshName(folder, 'before-restore', new Date().toISOString());
    const safetyPath = join(folder, safetyName);
    // The file being replaced, as it is (it may be too damaged for the backup API).
    const partial = `${safetyPath}.partial`;
    removeFileSet(partial);
    copyFileSync(dbPath, partial);
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${partial}-wal`);
    // If -shm survives our own open and close, someone else has the database open (the last
    // connection to close removes it), and swapping the file would lose their writes.
    try {
      const probe = new Database(dbPath, { fileMustExist: true, ...addon(options) });
      try {
        probe.prepare('SELECT count(*) FROM sqlite_master').get(); // a read opens (and recovers) the -wal
      } finally {
        probe.close();
      }
    } catch {
      // Too damaged to open: nobody else can be using it either.
    }
    if (existsSync(`${dbPath}-shm`)) {
      removeFileSet(partial);
      throw new AppError('CONFLICT', 'The database is open in another program (is Chatterbox running?). Close it, or restore from inside the app. Nothing was changed.');
    }
    try {
      // Fold the -wal into the copy, so the safety copy is one file like every other backup.
      const copy = new Database(partial, { fileMustExist: true, ...addon(options) });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    } catch {
      // Damaged: keep the bytes as they were.
    }
    fsyncFile(partial);
    renameSync(partial, safetyPath);
    if (existsSync(`${partial}-wal`)) renameSync(`${partial}-wal`, `${safetyPath}-wal`);
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(staged.path, dbPath);
    fsyncFolder(dirname(dbPath));
    try {
      openDatabase(dbPath, options).close();
    } catch (err) {
      copyBack(safetyPath, dbPath);
      throw new AppError('DATABASE', `The restored database could not be opened (${describe(err)}). The database was put back as it was.`);
    }
    return { safetyCopy: infoFor(folder, safetyName), backupSchemaVersion: staged.schemaVersion };
  } finally {
    removeFileSet(staged.path);
  }
}

/** For the CLI: restore into a running core, or into a database file no core has open. */
export function restoreFrom(target: HasContext | string, file: string, options: OpenOptions = {}): Promise<RestoreOutcome> {
  return typeof target === 'string' ? restoreDatabaseFile(target, file, options) : restoreInto(target.context, file);
}
