import { AppError } from '../../../shared/errors.js';
import { isSqliteError } from '../db/repos/rows.js';
import { previewImport, runImport } from '../services/imports/engine.js';
import type { importsContract } from '../../../shared/contract/imports.js';
import type { CallContext } from '../context.js';
import type { DomainHandlers } from './types.js';

// Importing children and past screenings from CSV and XLSX files. Preview and run read the file
// asynchronously (an XLSX is unzipped) and then do all their database work in one transaction of
// their own (see io/import/engine.ts); undo and the lists are ordinary synchronous methods.

function names(list: { firstName: string; lastName: string }[]): string {
  const shown = list.slice(0, 5).map((c) => `${c.firstName} ${c.lastName}`);
  const more = list.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

// One import (preview or run) per database at a time: each holds a whole file (up to 32 MB)
// and its parsed rows in memory, and two parallel 26 MB imports took the host to 529 MB. Keyed
// on the connection, so each database (each core) has its own turn.
const importing = new WeakSet<object>();

async function oneAtATime<T>(ctx: CallContext, work: () => Promise<T>): Promise<T> {
  const key = ctx.connection;
  if (importing.has(key)) {
    throw new AppError('BUSY', 'Chatterbox is busy: another import is running. Nothing was saved: try again when it has finished.');
  }
  importing.add(key);
  try {
    return await work();
  } finally {
    importing.delete(key);
  }
}

export const importsHandlers = {
  'imports.preview': (ctx, input) => oneAtATime(ctx, () => previewImport(ctx, input)),
  'imports.run': (ctx, input) => oneAtATime(ctx, () => runImport(ctx, input)),

  'imports.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.imports.list(input.settingId);
  },

  'imports.listSources': (ctx, input) => ctx.repos.imports.listMappings(input.kind),

  /**
   * Removes exactly what the newest not-yet-undone import of this kind created. Children who have
   * had screenings added since (by hand or by a later import) are never removed silently: the undo
   * is refused, naming them, and nothing changes.
   */
  'imports.undoLast': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    const repo = ctx.repos.imports;
    const batch = repo.lastOpen(input.settingId, input.kind);
    if (!batch) throw new AppError('NOT_FOUND', `There is no ${input.kind === 'children' ? 'children' : 'screenings'} import to undo in this setting`);
    const removed = { children: 0, screenings: 0 };
    if (input.kind === 'children') {
      const screened = repo.batchChildrenWithScreenings(batch.id);
      if (screened.length > 0) {
        const who = screened.length === 1 ? `${names(screened)} has` : `${screened.length} of the imported children have`;
        const detail = screened.length === 1 ? '' : ` (${names(screened)})`;
        throw new AppError(
          'CONFLICT',
          `The import of ${batch.fileName} cannot be undone: ${who} screenings recorded since${detail}. Delete those screenings first, or remove the children one by one. Nothing was changed.`,
        );
      }
      try {
        removed.children = repo.deleteBatchChildren(batch.id);
      } catch (err) {
        if (isSqliteError(err) && err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new AppError(
            'CONFLICT',
            `The import of ${batch.fileName} cannot be undone: records have been added to some of its children since. Nothing was changed.`,
          );
        }
        throw err;
      }
    } else {
      removed.screenings = repo.deleteBatchScreenings(batch.id);
    }
    return { batch: repo.markUndone(batch.id, ctx.clock.now()), removed };
  },
} satisfies DomainHandlers<typeof importsContract>;
