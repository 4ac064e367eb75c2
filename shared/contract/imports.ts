import { z } from 'zod';
import {
  importBatchSchema,
  importListInputSchema,
  importPreviewInputSchema,
  importPreviewSchema,
  importRunInputSchema,
  importRunResultSchema,
  importSourceSchema,
  importSourcesInputSchema,
  importUndoInputSchema,
  importUndoResultSchema,
} from '../schemas/imports.js';
import { created, notAudited, removed, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'data:import' } as const;

export const importsContract = {
  /** A CSV or XLSX file read with a column mapping: rows as read, row-level errors and warnings. Writes nothing. */
  'imports.preview': {
    ...read,
    ...scoped('setting', 'settingId'),
    async: true,
    carriesFile: true,
    input: importPreviewInputSchema,
    output: importPreviewSchema,
  },
  /**
   * Imports every row in one transaction (or, as a dry run, reports what would happen); any row
   * error refuses the lot. A dry run writes nothing, so it is not audited.
   */
  'imports.run': {
    effect: 'write',
    async: true,
    carriesFile: true,
    audit: created('imports', 'settingId'),
    permission: 'data:import',
    ...scoped('setting', 'settingId'),
    input: importRunInputSchema,
    output: importRunResultSchema,
  },
  /** Removes what the newest import of a kind created, unless screenings have been added to its children since. */
  'imports.undoLast': {
    effect: 'write',
    async: false,
    audit: removed('imports', 'settingId'),
    permission: 'data:import',
    ...scoped('setting', 'settingId'),
    input: importUndoInputSchema,
    output: importUndoResultSchema,
  },
  'imports.list': { ...read, ...scoped('setting', 'settingId'), input: importListInputSchema, output: z.array(importBatchSchema) },
  /** Sources with a remembered column mapping ("Famly export"), for the mapping screen's list. */
  'imports.listSources': { ...read, input: importSourcesInputSchema, output: z.array(importSourceSchema) },
} as const satisfies Methods;
