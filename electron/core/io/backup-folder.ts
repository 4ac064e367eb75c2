import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { backupFileNamePattern, type BackupInfo, type BackupKind } from '../../../shared/schemas/backups.js';

// The backups folder: where it is, what its files are called, which are listed, which rotate out.
// Backups live in a "backups" folder beside the database:
//   chatterbox-<kind>-YYYY-MM-DD-HHMMSS[-n].sqlite   (UTC time; -n when several share a second)
// kinds: auto (daily, the newest `backup_keep` kept), manual (never deleted by the app),
// before-restore (the database a restore replaced; the newest `backup_keep` kept).
// A file being written has ".partial" after its name: never listed, removed when stale.

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

/** The listing of one finished backup, for returning it to the caller that made it. */
export function backupInfoFor(folder: string, fileName: string): BackupInfo {
  const info = listBackups(folder).find((b) => b.fileName === fileName);
  if (!info) throw new Error(`The backup ${fileName} vanished from ${folder}`);
  return info;
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
export function freshBackupName(folder: string, kind: BackupKind, nowIso: string): string {
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

/**
 * Deletes the oldest backups of a kind beyond `keep`. Manual backups are never deleted, nor is the
 * newest backup of any kind that passes `isGood` (looked for newest first, so usually one check):
 * after a run of damaged before-restore copies, the last good one is what a restore needs.
 */
export function rotateBackups(folder: string, kind: BackupKind, keep: number, isGood: (backup: BackupInfo) => boolean): void {
  if (kind === 'manual') return;
  const all = listBackups(folder);
  const doomed = all.filter((b) => b.kind === kind).slice(keep);
  if (doomed.length === 0) return;
  const lastGood = all.find(isGood);
  for (const old of doomed) if (old.fileName !== lastGood?.fileName) rmSync(old.path, { force: true });
}

/** Left behind by a backup that was interrupted (a crash, the power going off) over an hour ago. */
export function removeStalePartials(folder: string): void {
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
