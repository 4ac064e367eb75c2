import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { startHttpHost } from '../../electron/core/host/http.js';
import { busyMessage } from '../../electron/core/db/errors.js';
import { addAccount, testPassword } from '../support/accounts.js';
import { callApi, letIn } from '../support/host.js';
import { inspect, runChild, seedDatabase, useChildScript } from './support.js';

// Two writers on one file: browser mode (the real HTTP host) saves children in a loop while a
// child process runs a 5,000-row import through the real core on the same database. Each API
// write must either succeed or be refused with the coded BUSY error (never a generic failure),
// the import must land whole, and the file must pass integrity_check with counts that add up.
// The loop is bounded in count, and stops when the import ends; nothing here is timed.

const work = useChildScript();
const importSize = 5000;

describe('two writers at once', () => {
  it('browser-mode writes and a command-line import of 5,000 rows share the file safely', { timeout: 120_000 }, async () => {
    const path = join(work.dir(), 'two-writers.sqlite');
    seedDatabase(path, 0);
    const core = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock('2026-11-27') });
    const staticDir = join(work.dir(), 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Chatterbox</title>');
    const host = await startHttpHost({ core, staticDir, port: 0 });
    // The browser tab is let in, then signs in as a manager, as a person would in the page.
    addAccount(core, { userName: 'writer', role: 'manager' });
    const page = await letIn(host, host.accessUrl, { signIn: false });
    const outcomes = { saved: 0, busy: 0 };
    try {
      const setting = core.invoke('settings.list', {})[0];
      if (!setting) throw new Error('seedDatabase makes one setting');
      expect((await callApi(host, 'session.signIn', { userName: 'writer', password: testPassword }, page)).status).toBe(200);
      let importOver = false;
      const importRun = runChild(['import', path, String(importSize)], null).finally(() => (importOver = true));
      // At least 20 writes, and on while the import runs, up to 400.
      for (let i = 0; i < 400 && (i < 20 || !importOver); i++) {
        const res = await fetch(`${host.url}api/children.create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...page },
          body: JSON.stringify({ settingId: setting.id, firstName: `Browser${i}`, lastName: 'Writer', dateOfBirth: '2023-03-01', sex: 'female' }),
        });
        const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
        if (body.ok) {
          expect(res.status).toBe(200);
          outcomes.saved++;
        } else {
          expect(res.status, JSON.stringify(body)).toBe(503);
          expect(body.error).toEqual({ code: 'BUSY', message: busyMessage });
          outcomes.busy++;
        }
      }
      const run = await importRun;
      expect(run.stderr).toBe('');
      expect(run.done).toBe(true);
    } finally {
      await host.close();
      core.close();
    }
    const after = inspect(path); // integrity_check ok, as the app opens it
    expect(after.batches).toEqual([importSize]);
    expect(after.children).toBe(importSize + outcomes.saved);
    expect(outcomes.saved + outcomes.busy).toBeGreaterThanOrEqual(20);
  });
});
