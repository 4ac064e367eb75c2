import { request } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';

// Playwright global setup: lets the test browser in to each browser-mode server once, the way a
// person does: it opens the one-time address the server printed (saved by serve.mjs), which
// answers with the access cookie, and keeps that cookie in a storage state every test starts
// from. Each page still asks for its own tab session, so tests do not share who is using the app.

export const e2eDataDir = join(process.cwd(), 'test-results', 'e2e-data');
export const storageStatePath = join(e2eDataDir, 'storage-state.json');
/** Fixed, so the access cookie's name is known; E2E_PORT moves both, for two checkouts on one machine. */
const firstPort = Number(process.env.E2E_PORT ?? 4871);
export const e2ePorts = { empty: firstPort, demo: firstPort + 1 } as const;

/** The address the server on `port` printed; the servers are up before global setup runs. */
async function printedAddress(port: number): Promise<string> {
  const file = join(e2eDataDir, String(port), 'access-url.txt');
  // Bounded by tries, not by a clock reading: serve.mjs writes the file as the server prints it.
  for (let i = 0; i < 600 && !existsSync(file); i++) await pause(100);
  if (!existsSync(file)) throw new Error(`The server on port ${port} printed no address to open (expected in ${file})`);
  return readFileSync(file, 'utf8').trim();
}

export default async function letTheBrowserIn(): Promise<void> {
  const context = await request.newContext();
  try {
    for (const port of Object.values(e2ePorts)) {
      const address = await printedAddress(port);
      const answer = await context.get(address);
      if (answer.status() !== 200) throw new Error(`Opening ${address} answered HTTP ${answer.status()}: ${await answer.text()}`);
    }
    await context.storageState({ path: storageStatePath });
  } finally {
    await context.dispose();
  }
}
