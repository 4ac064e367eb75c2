import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiCallError } from '../../shared/errors.js';
import type { ImportKind, ImportMapping } from '../../shared/schemas/imports.js';
import type { Core } from '../core/core.js';
import { settingWithUrn } from './core.js';

// `chatterbox import children|screenings FILE --setting URN [--dry-run]`: the same preview and run
// as the app, with the suggested (or remembered) column mapping. Errors come back one per row and
// column, for the command to print; nothing is written unless every row is clean.

export interface ImportFileOptions {
  kind: ImportKind;
  /** The setting's Ofsted URN, e.g. EY123456 (case and spaces ignored). */
  settingUrn: string;
  path: string;
  dryRun: boolean;
  /** Remembers the mapping under this name (default: "Command line"). */
  sourceName?: string;
  /** Field -> column heading, over the suggested mapping. */
  mapping?: ImportMapping;
  skipRowsWithErrors?: boolean;
  skipDuplicates?: boolean;
}

export interface ImportFileError {
  file: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportFileResult {
  ok: boolean;
  summary: string;
  errors: ImportFileError[];
  warnings: ImportFileError[];
}

export async function importFile(core: Core, o: ImportFileOptions): Promise<ImportFileResult> {
  const file = basename(o.path);
  const fail = (message: string, errors: ImportFileError[] = [{ file, row: null, column: null, message }]): ImportFileResult => ({
    ok: false,
    summary: message,
    errors,
    warnings: [],
  });
  let bytes: Buffer;
  try {
    bytes = await readFile(o.path);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    return fail(code === 'ENOENT' ? `${o.path} does not exist` : `${o.path} cannot be read (${code || 'unknown error'})`);
  }
  const setting = settingWithUrn(core, o.settingUrn);
  if (!setting) return fail(`No setting has the URN ${o.settingUrn}`);

  const base = { kind: o.kind, settingId: setting.id, fileName: file, base64: bytes.toString('base64'), sourceName: o.sourceName ?? 'Command line' };
  try {
    const suggested = await core.invokeAsync('imports.preview', { ...base, mapping: null });
    const mapping = { ...suggested.suggestedMapping, ...o.mapping };
    // The preview's errors name row and column as data, so they are reported from there.
    const preview = await core.invokeAsync('imports.preview', { ...base, mapping });
    const blocking = preview.errors;
    if (!preview.mappingComplete || (preview.counts.withErrors > 0 && !o.skipRowsWithErrors)) {
      const rows = preview.counts.withErrors === 1 ? '1 row has a problem' : `${preview.counts.withErrors} rows have problems`;
      const summary = preview.mappingComplete
        ? `${file}: ${rows}, so nothing was imported${preview.truncated ? ` (the first ${blocking.length} are listed)` : ''}`
        : `${file}: some columns could not be matched to fields: pass them with --map FIELD=COLUMN. Columns in the file: ${preview.columns.join(', ')}`;
      return {
        ok: false,
        summary,
        errors: blocking.map((e) => ({ file, row: e.row, column: e.column, message: e.message })),
        warnings: preview.warnings.map((w) => ({ file, row: w.row, column: w.column, message: w.message })),
      };
    }
    const result = await core.invokeAsync('imports.run', {
      ...base,
      mapping,
      dryRun: o.dryRun,
      skipRowsWithErrors: o.skipRowsWithErrors ?? false,
      skipDuplicates: o.skipDuplicates ?? false,
    });
    const what = o.kind === 'children' ? `${result.created.children} children` : `${result.created.screenings} screenings`;
    const verb = o.dryRun ? 'would import' : 'imported';
    const extras = [
      result.created.leavers > 0 ? `${result.created.leavers} as leavers` : '',
      result.skipped.withErrors > 0 ? `${result.skipped.withErrors} ${result.skipped.withErrors === 1 ? 'row' : 'rows'} with errors skipped` : '',
      result.skipped.duplicates > 0 ? `${result.skipped.duplicates} likely duplicates skipped` : '',
      result.counts.withWarnings > 0 ? `${result.counts.withWarnings} ${result.counts.withWarnings === 1 ? 'row' : 'rows'} with warnings` : '',
    ].filter(Boolean);
    const mapped = Object.entries(mapping)
      .map(([field, column]) => `${field} <- "${column}"`)
      .join(', ');
    return {
      ok: true,
      summary: `${file}: ${verb} ${what} into ${setting.name}${o.dryRun ? ' (dry run: nothing was saved)' : ''}${extras.length ? `; ${extras.join('; ')}` : ''}. Columns: ${mapped}`,
      errors: result.errors.map((e) => ({ file, row: e.row, column: e.column, message: e.message })),
      warnings: result.warnings.map((w) => ({ file, row: w.row, column: w.column, message: w.message })),
    };
  } catch (err) {
    if (!(err instanceof ApiCallError)) throw err;
    // Row issues have the path ['rows', row - 1, field] and read "Row 8, column "D.O.B": ...".
    const errors = err.issues.map((i) => {
      const [head, index] = i.path;
      return { file, row: head === 'rows' && typeof index === 'number' ? index + 1 : null, column: null, message: i.message };
    });
    return fail(err.message, errors.length > 0 ? errors : undefined);
  }
}
