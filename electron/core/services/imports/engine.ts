import { validationError, type FieldIssue } from '../../../../shared/errors.js';
import {
  importFieldsFor,
  issueListLimit,
  maxImportFileBytes,
  previewRowLimit,
  type ImportIssue,
  type ImportKind,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportRunResult,
} from '../../../../shared/schemas/imports.js';
import { actorOf } from '../../api/audit-trail.js';
import type { CallContext } from '../../context.js';
import type { ImportsRepo } from '../../db/repos/imports.js';
import { analyseChildren, type ChildRowResult } from '../../io/import/children.js';
import { ImportFileError } from '../../io/import/errors.js';
import { suggestMapping } from '../../io/import/headers.js';
import { MappedRow, resolveMapping, type ResolvedMapping } from '../../io/import/mapping.js';
import { describeIssue, type RowReport } from '../../io/import/report.js';
import { analyseScreenings } from '../../io/import/screenings.js';
import { readTable, type RawTable } from '../../io/import/table.js';

// Preview and run, shared by the API and the command line. Reading the file is asynchronous (an
// XLSX is unzipped); everything after it happens synchronously inside one db.transaction, so the
// data read for checks and the writes are one consistent step, and any failure writes nothing.
// Previews and dry runs do the same work and then roll it back: for screenings that means each
// screening really goes through screenings.create, so a preview finds exactly what a run would.

export interface FileInput {
  fileName: string;
  base64: string;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's bytes from base64, or a clear refusal. */
export function decodeBase64(fileName: string, base64: string): Uint8Array {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !base64Pattern.test(compact)) {
    throw validationError([{ path: ['base64'], message: `${fileName} did not arrive intact (its contents are not valid base64): choose the file again` }]);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > maxImportFileBytes) {
    throw validationError([
      { path: ['base64'], message: `${fileName} is larger than ${maxImportFileBytes / 1024 / 1024} MB: export fewer rows or columns and try again` },
    ]);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads the file as a table; a file that is not a readable table is a VALIDATION error on ['file']. */
export async function loadTable(input: FileInput): Promise<RawTable> {
  const bytes = decodeBase64(input.fileName, input.base64);
  try {
    return await readTable(bytes, input.fileName);
  } catch (err) {
    if (err instanceof ImportFileError) {
      const message = err.row === null ? err.message : `${input.fileName}, row ${err.row}: ${err.message}`;
      throw validationError([{ path: ['file'], message }]);
    }
    throw err;
  }
}

/** Thrown to leave a transaction without keeping its writes, carrying the result out. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

function rolledBack<T>(ctx: CallContext, work: () => T): T {
  try {
    // Immediate even though it rolls back: the work writes, and a deferred transaction that
    // upgrades to a write after another program committed fails at once instead of waiting.
    ctx.db
      .transaction(() => {
        throw new Rollback(work());
      })
      .immediate();
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable: the transaction always rolls back');
}

interface Analysis {
  reports: RowReport[];
  children: ChildRowResult[];
  createdScreenings: number;
  skippedDuplicateRows: number;
}

interface AnalyseOptions {
  settingId: string;
  batchId: string | null;
  skipDuplicates: boolean;
}

function analyse(ctx: CallContext, repo: ImportsRepo, kind: ImportKind, table: RawTable, resolved: ResolvedMapping, o: AnalyseOptions): Analysis {
  const rows = table.rows.map((r, i) => new MappedRow(r, resolved, i));
  if (kind === 'children') {
    const children = analyseChildren(rows, {
      settingId: o.settingId,
      today: ctx.clock.today(),
      now: ctx.clock.now(),
      rooms: ctx.repos.rooms.list(o.settingId, true),
      staff: ctx.repos.staff.list(o.settingId, true),
      existing: repo.childKeys(o.settingId),
    });
    const skippedDuplicateRows = o.skipDuplicates ? children.filter((c) => c.child && c.duplicate).length : 0;
    return { reports: children, children, createdScreenings: 0, skippedDuplicateRows };
  }
  const { batchId } = o;
  const result = analyseScreenings(
    rows,
    {
      today: ctx.clock.today(),
      instrumentId: ctx.repos.instruments.getDefault().id,
      children: repo.childKeys(o.settingId),
      staff: ctx.repos.staff.list(o.settingId, true),
      existingDays: repo.screeningDays(o.settingId),
    },
    {
      skipDuplicates: o.skipDuplicates,
      create: (input) => {
        const screening = ctx.invoke('screenings.create', input);
        if (batchId) repo.tagScreening(screening.id, batchId);
        return screening;
      },
    },
  );
  const skippedDuplicateRows = o.skipDuplicates ? result.reports.filter((r) => r.duplicate && r.errors.length === 0).length : 0;
  return { reports: result.reports, children: [], createdScreenings: result.created.length, skippedDuplicateRows };
}

function counts(reports: readonly RowReport[]) {
  let withErrors = 0;
  let withWarnings = 0;
  let duplicates = 0;
  for (const r of reports) {
    if (r.errors.length > 0) withErrors++;
    else if (r.warnings.length > 0) withWarnings++;
    if (r.duplicate) duplicates++;
  }
  return { rows: reports.length, valid: reports.length - withErrors, withErrors, withWarnings, duplicates };
}

function collect(reports: readonly RowReport[], pick: (r: RowReport) => ImportIssue[], limit: number): { list: ImportIssue[]; truncated: boolean } {
  const list: ImportIssue[] = [];
  for (const r of reports) {
    for (const issue of pick(r)) {
      if (list.length >= limit) return { list, truncated: true };
      list.push(issue);
    }
  }
  return { list, truncated: false };
}

export interface PreviewRequest extends FileInput {
  kind: ImportKind;
  settingId: string;
  sourceName: string;
  mapping: Record<string, string | null> | null;
}

export async function previewImport(ctx: CallContext, input: PreviewRequest): Promise<ImportPreview> {
  const table = await loadTable(input);
  return rolledBack(ctx, () => {
    const repo = ctx.repos.imports;
    ctx.repos.settings.requireOpen(input.settingId, 'importing into it');
    const suggestion = suggestMapping(input.kind, table.columns, repo.getMapping(input.kind, input.sourceName));
    const resolved = resolveMapping(input.kind, table.columns, input.mapping ?? suggestion.mapping);
    const analysis = analyse(ctx, repo, input.kind, table, resolved, { settingId: input.settingId, batchId: null, skipDuplicates: false });
    const mappingErrors: ImportIssue[] = resolved.issues.map((i) => ({
      row: table.headerRow,
      column: null,
      field: typeof i.path[1] === 'string' ? i.path[1] : null,
      message: i.message,
    }));
    const errors = collect(analysis.reports, (r) => r.errors, Math.max(0, issueListLimit - mappingErrors.length));
    const warnings = collect(analysis.reports, (r) => r.warnings, issueListLimit);
    const rows: ImportPreviewRow[] = analysis.reports.slice(0, previewRowLimit).map((r) => ({
      rowNumber: r.rowNumber,
      status: r.errors.length > 0 ? 'error' : r.warnings.length > 0 ? 'warning' : 'ok',
      raw: r.raw,
      values: r.values,
    }));
    return {
      kind: input.kind,
      fileName: input.fileName,
      fileType: table.fileType,
      encoding: table.encoding,
      sheetName: table.sheetName,
      columns: table.columns,
      suggestedMapping: suggestion.mapping,
      rememberedMapping: suggestion.fromRemembered,
      mapping: resolved.mapping,
      mappingComplete: resolved.issues.length === 0,
      fields: importFieldsFor(input.kind).map((f) => ({ ...f })),
      rows,
      errors: [...mappingErrors, ...errors.list],
      warnings: warnings.list,
      truncated: errors.truncated || warnings.truncated,
      counts: counts(analysis.reports),
    };
  });
}

export interface RunRequest extends PreviewRequest {
  mapping: Record<string, string | null>;
  dryRun: boolean;
  skipRowsWithErrors: boolean;
  skipDuplicates: boolean;
}

/** Issues of a refused import: path ['rows', row - 1, field], so the header row is index 0. */
function refusal(fileName: string, reports: readonly RowReport[]) {
  const bad = reports.filter((r) => r.errors.length > 0);
  const { list } = collect(bad, (r) => r.errors, issueListLimit);
  const issues: FieldIssue[] = list.map((i) => ({ path: ['rows', i.row - 1, i.field ?? 'row'], message: describeIssue(i) }));
  const first = list[0];
  const rows = bad.length === 1 ? '1 row has a problem' : `${bad.length} rows have problems`;
  return validationError(issues, `${fileName}: ${rows}, so nothing was imported. ${first ? describeIssue(first) : ''}`.trim());
}

export async function runImport(ctx: CallContext, input: RunRequest): Promise<ImportRunResult> {
  const table = await loadTable(input);
  const work = (): ImportRunResult => {
    const repo = ctx.repos.imports;
    const now = ctx.clock.now();
    ctx.repos.settings.requireOpen(input.settingId, 'importing into it');
    const resolved = resolveMapping(input.kind, table.columns, input.mapping);
    if (resolved.issues.length > 0) {
      const first = resolved.issues[0];
      throw validationError(resolved.issues, `${input.fileName}: the columns are not all chosen yet. ${first?.message ?? ''}`.trim());
    }
    let batchId: string | null = input.dryRun
      ? null
      : repo.createBatch(
          {
            kind: input.kind,
            settingId: input.settingId,
            sourceName: input.sourceName,
            fileName: input.fileName,
            fileType: table.fileType,
            rowCount: table.rows.length,
            mapping: resolved.mapping,
            actorName: actorOf(ctx.session).actorName,
          },
          now,
        );
    const analysis = analyse(ctx, repo, input.kind, table, resolved, { settingId: input.settingId, batchId, skipDuplicates: input.skipDuplicates });
    const c = counts(analysis.reports);
    if (c.withErrors > 0 && !input.skipRowsWithErrors) throw refusal(input.fileName, analysis.reports);

    const toInsert = analysis.children.filter((r) => r.child && !(input.skipDuplicates && r.duplicate)).map((r) => r.child!);
    if (batchId) repo.insertChildren(input.settingId, toInsert, batchId, now);
    const created = {
      children: input.kind === 'children' ? toInsert.length : 0,
      screenings: analysis.createdScreenings,
      leavers: toInsert.filter((c) => c.archivedAt !== null).length,
    };
    const errors = collect(analysis.reports, (r) => r.errors, issueListLimit);
    const warnings = collect(analysis.reports, (r) => r.warnings, issueListLimit);
    if (batchId) {
      if (created.children + created.screenings === 0) {
        repo.deleteBatch(batchId);
        batchId = null;
      } else {
        repo.finishBatch(batchId, { children: created.children, screenings: created.screenings, skipped: c.withErrors + analysis.skippedDuplicateRows }, now);
      }
      repo.rememberMapping(input.kind, input.sourceName, resolved.mapping, now);
    }
    return {
      kind: input.kind,
      dryRun: input.dryRun,
      batchId,
      fileType: table.fileType,
      encoding: table.encoding,
      sheetName: table.sheetName,
      created,
      skipped: { withErrors: c.withErrors, duplicates: analysis.skippedDuplicateRows },
      counts: c,
      errors: errors.list,
      warnings: warnings.list,
      truncated: errors.truncated || warnings.truncated,
    };
  };
  // Immediate: the write lock from BEGIN, so the command line and the app take turns (busy_timeout).
  return input.dryRun ? rolledBack(ctx, work) : ctx.db.transaction(work).immediate();
}
