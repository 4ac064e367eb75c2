import { isMethodName } from '../../shared/contract/index.js';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { createBackup } from '../../electron/core/services/backups/create.js';

// The process that the crash tests kill. They bundle this file (and the real core it imports)
// with esbuild, because a plain `node` child cannot load TypeScript, and run:
//   node child.mjs import DB N     imports a CSV of N children (one batch, one transaction)
//   node child.mjs backup DB       makes a backup into DB's backups folder (the real createBackup)
// It prints "ready" once the database is open (the tests time their kill from then) and "done"
// when the work is over.
//
// The import uses the REAL import API: 'imports.run' (electron/core/io/import/engine.ts, which
// commits the whole file in one db.transaction) with a CSV made here. It is called untyped
// (callAsync), so a change to the import's input types cannot stop this file compiling; a
// change that makes the call fail shows up as the test's "stderr must be empty" check.
// Should 'imports.run' ever be missing, it falls back to the real 'children.create' called N
// times inside ONE db.transaction, the same all-or-nothing commit.

const [mode, databasePath, count] = process.argv.slice(2);
if (!databasePath || (mode !== 'import' && mode !== 'backup')) {
  process.stderr.write('usage: child.mjs import|backup DB [N]\n');
  process.exit(2);
}

const core = createCore({ localAdmin: 'tester', databasePath, clock: fixedClock('2026-11-27') });
process.stdout.write('ready\n');

if (mode === 'import') {
  const n = Number(count);
  const setting = core.invoke('settings.list', {})[0];
  if (!setting) throw new Error('The database needs a setting');
  // Every row of one import shares a last name, so the test can check batches are whole.
  const batch = `Batch ${Math.random().toString(36).slice(2, 8)}`;
  const note = 'Imported in one transaction by the crash test. '.repeat(3);
  if (isMethodName('imports.run')) {
    const rows = Array.from({ length: n }, (_, i) => `Imported${i},${batch},01/03/2023,${i % 2 === 0 ? 'F' : 'M'},English,${note}`);
    const csv = ['First name,Last name,Date of birth,Sex,Home languages,Notes', ...rows].join('\r\n');
    const result = await core.callAsync('imports.run', {
      kind: 'children',
      settingId: setting.id,
      fileName: 'crash-test.csv',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
      mapping: { firstName: 'First name', lastName: 'Last name', dateOfBirth: 'Date of birth', sex: 'Sex', homeLanguages: 'Home languages', notes: 'Notes' },
      dryRun: false,
    });
    if (!result.ok) throw new Error(`imports.run failed: ${JSON.stringify(result.error)}`);
  } else {
    core.context.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        core.invoke('children.create', {
          settingId: setting.id,
          firstName: `Imported${i}`,
          lastName: batch,
          dateOfBirth: '2023-03-01',
          sex: i % 2 === 0 ? 'female' : 'male',
          homeLanguages: ['English'],
          notes: note,
        });
      }
    })();
  }
} else {
  await createBackup(core.context, 'manual');
}
core.close();
process.stdout.write('done\n');
