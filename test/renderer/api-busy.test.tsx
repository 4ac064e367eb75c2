import { describe, expect, it } from 'vitest';
import { createApi, type Transport } from '../../renderer/api.js';
import type { ApiResult } from '../../shared/errors.js';
import { appInfo } from './fixtures.js';

// The renderer's answer to BUSY: a few quiet tries, then the core's message. Delays are zero
// here: the test is about how many tries and what comes out, not about time.

const busy: ApiResult<never> = {
  ok: false,
  error: { code: 'BUSY', message: 'Chatterbox is busy saving other changes (another window or the command line). Nothing was saved: try again in a moment.' },
};

function scripted(answers: ApiResult<unknown>[]): { transport: Transport; calls: () => number } {
  let calls = 0;
  const transport: Transport = async () => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls++;
    if (!answer) throw new Error('no scripted answer');
    return answer;
  };
  return { transport, calls: () => calls };
}

describe('createApi and BUSY', () => {
  it('tries again and returns the value once the database is free', async () => {
    const fake = scripted([busy, busy, { ok: true, value: appInfo }]);
    const api = createApi(fake.transport, [0, 0, 0]);
    await expect(api('app.info', {})).resolves.toEqual(appInfo);
    expect(fake.calls()).toBe(3);
  });

  it('gives up after the last try and shows the busy message', async () => {
    const fake = scripted([busy]);
    const api = createApi(fake.transport, [0, 0, 0]);
    await expect(api('app.info', {})).rejects.toMatchObject({ code: 'BUSY', message: busy.error.message });
    expect(fake.calls()).toBe(4);
  });

  it('does not repeat other refusals', async () => {
    const fake = scripted([
      { ok: false, error: { code: 'CONFLICT', message: 'Already there' } },
      { ok: true, value: appInfo },
    ]);
    const api = createApi(fake.transport, [0, 0, 0]);
    await expect(api('app.info', {})).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fake.calls()).toBe(1);
  });
});
