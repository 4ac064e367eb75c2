import { test } from 'vitest';
import { defaultCost, hashPassword, verifyPassword } from '../../electron/core/services/accounts/passwords.js';
import { stats } from './measure.js';

// How long one password check takes at the stored cost (scrypt N=2^15, r=8): the aim is 100 ms to
// 1 s on the machines Chatterbox runs on, slow for guessing, quick enough for a person signing in.
// Printed to stderr, so `npm run -s bench > bench.json` keeps stdout for the dashboard's JSON.

test('password check benchmark', async () => {
  const hash = await hashPassword('a demo password');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await verifyPassword('a demo password', hash);
    times.push(performance.now() - t);
  }
  process.stderr.write(`password check (scrypt N=${defaultCost.N}, r=${defaultCost.r}, p=${defaultCost.p}): ${JSON.stringify(stats(times))} ms\n`);
}, 120_000);
