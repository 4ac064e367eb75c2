import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { createCore, type CoreOptions } from '../../electron/core/core.js';
import { keyFilePathFor, unlockKeyFile } from '../../electron/core/keys/key-file.js';
import { tempDir } from '../support/core.js';

const passphrase = 'a test passphrase';

/** A core on a database the command line made, unlocked with its key file as the commands unlock it. */
function coreOn(databasePath: string, options: Partial<CoreOptions> = {}) {
  return createCore({ databasePath, localAdmin: 'tester', keys: unlockKeyFile(keyFilePathFor(databasePath), { passphrase }), ...options });
}

// The command line in-process: exit codes 0 done, 1 data errors, 2 usage.

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  return out;
}

beforeEach(() => {
  process.env.CHATTERBOX_PASSPHRASE = passphrase;
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.CHATTERBOX_PASSPHRASE;
  delete process.env.CHATTERBOX_RECOVERY_KEY;
});

describe('chatterbox', () => {
  it('prints usage with --help (0) and without a command (2)', async () => {
    const out = capture();
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('Usage: chatterbox <command>');
    expect(await main([])).toBe(2);
  });

  it('gives help per command and refuses unknown commands and options with 2', async () => {
    const out = capture();
    expect(await main(['demo', '--help'])).toBe(0);
    expect(out.join('\n')).toContain('--seed N');
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['demo', '--colour', 'red'])).toBe(2);
    expect(await main(['demo', '--seed', 'abc'])).toBe(2);
    expect(await main(['serve', '--port', '70000'])).toBe(2);
    expect(out.join('\n')).toContain('--port must be a number from 0 to 65535');
  });

  it('fills an empty database with demo data, and refuses a database that holds settings (1)', async () => {
    const out = capture();
    const db = join(tempDir(), 'demo.sqlite');
    expect(await main(['demo', '--local-admin', '--db', db])).toBe(0);
    expect(out.join('\n')).toMatch(
      /Added 4 demo settings, 12 rooms, 32 staff, \d+ children, \d+ screenings, 4 screening rounds, \d+ children's targets, \d+ whole-setting targets, \d+ visits and \d+ visit actions/,
    );
    expect(await main(['demo', '--local-admin', '--db', db])).toBe(1);
    expect(out.at(-1)).toContain('already holds settings');
    const core = coreOn(db);
    try {
      expect(core.invoke('settings.list', {})).toHaveLength(4);
    } finally {
      core.close();
    }
  });

  it('reports a damaged database with exit code 1 and a message naming the file', async () => {
    const out = capture();
    const db = join(tempDir(), 'not-a-db.sqlite');
    writeFileSync(db, 'this is not a database, just text '.repeat(200));
    expect(await main(['demo', '--local-admin', '--db', db])).toBe(1);
    expect(out.at(-1)).toContain(db);
    expect(out.at(-1)).toContain('Nothing was changed');
  });
});

describe('signing in on the command line', () => {
  it('needs --user or --local-admin, signs in with CHATTERBOX_PASSWORD, and records the account', async () => {
    const out = capture();
    const db = join(tempDir(), 'accounts.sqlite');
    expect(await main(['settings', 'add', '--db', db, '--name', 'Puddle Lane', '--urn', 'EY123456', '--type', 'nursery'])).toBe(2);
    expect(out.join('\n')).toContain('--user NAME');
    expect(await main(['demo', '--local-admin', '--db', db])).toBe(0);
    expect(out.join('\n')).toContain('Added 5 demo sign-in accounts');

    vi.stubEnv('CHATTERBOX_PASSWORD', 'not the password');
    expect(await main(['settings', 'add', '--user', 'demo-manager', '--db', db, '--name', 'Puddle Lane', '--urn', 'EY123456', '--type', 'nursery'])).toBe(1);
    expect(out.at(-1)).toBe('The user name or password is not right. Check them and try again.');
    vi.stubEnv('CHATTERBOX_PASSWORD', 'demo-panel-member-pass');
    expect(await main(['settings', 'add', '--user', 'demo-panel-member', '--db', db, '--name', 'Puddle Lane', '--urn', 'EY123456', '--type', 'nursery'])).toBe(
      1,
    );
    expect(out.at(-1)).toMatch(/^Triage panel member accounts cannot do this/);
    vi.stubEnv('CHATTERBOX_PASSWORD', 'demo-manager-pass');
    expect(await main(['settings', 'add', '--user', 'demo-manager', '--db', db, '--name', 'Puddle Lane', '--urn', 'EY123456', '--type', 'nursery'])).toBe(0);
    vi.unstubAllEnvs();

    const core = coreOn(db);
    try {
      expect(core.invoke('audit.list', { method: 'settings.create' }).rows[0]?.actorName).toMatch(/\(Manager\)$/);
    } finally {
      core.close();
    }
  }, 120_000);
});

describe('chatterbox data commands', () => {
  async function withDemo() {
    const db = join(tempDir(), 'cli.sqlite');
    capture();
    expect(await main(['demo', '--local-admin', '--db', db])).toBe(0);
    return db;
  }

  it('adds a setting, and refuses a duplicate URN with exit code 1 naming the field', async () => {
    const out = capture();
    const db = join(tempDir(), 'settings.sqlite');
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Puddle Lane', '--urn', 'EY123456', '--type', 'nursery'])).toBe(0);
    expect(out.join('\n')).toContain('Added Puddle Lane (URN EY123456)');
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Other', '--urn', 'ey123456', '--type', 'nursery'])).toBe(1);
    expect(out.at(-1)).toContain('urn: Another setting already has the URN EY123456');
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Other', '--urn', 'EY1', '--type', 'castle'])).toBe(2);
  });

  it('imports children from CSV, printing file, row and column for bad rows, all or nothing', async () => {
    const db = await withDemo();
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Surname,Forename,DOB\r\nCliwell,Ann,01/02/2023\r\nCliwell,Bo,31/02/2023\r\n');
    const out = capture();
    expect(await main(['import', 'children', bad, '--setting', 'EY900001', '--local-admin', '--db', db])).toBe(1);
    expect(out.join('\n')).toMatch(/bad\.csv, row 3, column "DOB": .*February 2023 has 28 days/);
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Surname,Forename,DOB\r\nCliwell,Ann,01/02/2023\r\nCliwell,Bo,28/02/2023\r\n');
    expect(await main(['import', 'children', good, '--setting', 'EY900001', '--local-admin', '--db', db, '--dry-run'])).toBe(0);
    expect(await main(['import', 'children', good, '--setting', 'EY900001', '--local-admin', '--db', db])).toBe(0);
    const core = coreOn(db);
    try {
      const setting = core.invoke('settings.list', {}).find((s) => s.urn === 'EY900001');
      expect(core.invoke('children.list', { settingId: setting?.id ?? '', search: 'cliwell' }).total).toBe(2);
      expect(core.invoke('audit.list', { method: 'imports.run' }).rows[0]?.actorName).toMatch(/^Local administrator \(.+\)$/);
    } finally {
      core.close();
    }
  });

  it('exports the tracker, a child and the whole database', async () => {
    const db = await withDemo();
    const dir = tempDir();
    expect(await main(['export', 'tracker', '--setting', 'EY900001', '--format', 'csv', '--out', join(dir, 't.csv'), '--local-admin', '--db', db])).toBe(0);
    const csv = readFileSync(join(dir, 't.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Last name,First name,Date of birth');
    expect(
      await main(['export', 'tracker', '--setting', 'EY900001', '--round', 'No Such Round', '--out', join(dir, 'x.csv'), '--local-admin', '--db', db]),
    ).toBe(1);
    expect(await main(['export', 'database', '--out', join(dir, 'all.json'), '--local-admin', '--db', db])).toBe(0);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as { tables: { children: { id: string }[] } };
    expect(all.tables.children.length).toBe(238);
    const childId = all.tables.children[0]?.id ?? '';
    expect(await main(['export', 'child', childId, '--out', join(dir, 'child.json'), '--local-admin', '--db', db])).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'child.json'), 'utf8')) as { child: { id: string } }).child.id).toBe(childId);
  });

  it('backs up, checks, and restores, keeping a copy of the database it replaces', async () => {
    const db = await withDemo();
    const dir = tempDir();
    const out = capture();
    const copy = join(dir, 'copy.sqlite');
    expect(await main(['backup', '--out', copy, '--local-admin', '--db', db])).toBe(0);
    expect(await main(['check', '--local-admin', '--db', copy, '--key-file', keyFilePathFor(db)])).toBe(0);
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'After backup', '--urn', 'EY777777', '--type', 'nursery'])).toBe(0);
    expect(await main(['restore', copy, '--local-admin', '--db', db])).toBe(0);
    expect(out.at(-1)).toMatch(/previous database was kept as .*before-restore/);
    const core = coreOn(db);
    try {
      expect(core.invoke('settings.list', {}).some((s) => s.name === 'After backup')).toBe(false);
    } finally {
      core.close();
    }
    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, 'not a database at all');
    expect(await main(['check', '--local-admin', '--db', damaged])).toBe(1);
  });
});
