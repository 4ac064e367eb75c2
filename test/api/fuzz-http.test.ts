import { describe, expect, it } from 'vitest';
import { maxBodyBytes, type HttpHost } from '../../electron/core/host/http.js';
import type { MethodName } from '../../shared/contract/index.js';
import { errorCodes } from '../../shared/errors.js';
import { callApi, letIn, startTestHost } from '../support/host.js';
import { fieldsOf, validInputs, withValueAt } from '../support/fuzz-inputs.js';
import { hostileValues, jsonWith, pollutingJson } from '../support/hostile.js';
import { Stored } from '../support/stored.js';

// A sample of fuzz.test.ts's hostile input sent through the browser-mode host, as raw bodies the
// host must parse itself: never a 500, never a write when refused, Object.prototype untouched,
// and the host still answers afterwards. How an authorised request is made lives in one function,
// authorisedCall, and nowhere else.

/** The one place that knows how the host lets a caller in: the printed address, then a tab. */
const letInHeaders = new WeakMap<HttpHost, Record<string, string>>();
async function authorisedCall(host: HttpHost, method: string, body: string): Promise<{ status: number; json: unknown }> {
  const headers = letInHeaders.get(host) ?? (await letIn(host));
  letInHeaders.set(host, headers);
  const { status, json } = await callApi(host, method, body, headers);
  return { status, json };
}

/** A host with one page let in and signed in before anything is counted (signing in writes). */
async function start() {
  const { core, host } = await startTestHost();
  letInHeaders.set(host, await letIn(host));
  return { core, host };
}

/** Methods that read, write, take a file, make a workbook and touch files on disk. */
const sample: MethodName[] = ['children.list', 'children.create', 'screenings.create', 'audit.list', 'imports.preview', 'export.xlsx', 'backups.restore'];

/** Raw bodies no JSON.stringify would make: nesting past any parser's comfort, own __proto__ keys. */
function rawBodies(): { label: string; body: string }[] {
  const levels = Math.floor(maxBodyBytes / 2) - 10;
  return [
    { label: 'own __proto__, constructor and prototype keys', body: pollutingJson },
    { label: `${levels}-level array`, body: `${'['.repeat(levels)}${']'.repeat(levels)}` },
    { label: 'unclosed nesting', body: '{"a":'.repeat(100_000) },
    { label: 'a lone surrogate escape', body: '{"name":"\\ud800"}' },
    { label: 'a NUL escape', body: '{"name":"a\\u0000b"}' },
    { label: 'a body that is not JSON', body: "'; DROP TABLE children; --" },
    { label: 'NaN, which JSON has no word for', body: '{"limit":NaN}' },
  ];
}

describe('fuzzing through the HTTP host', () => {
  it('answers a sample of hostile requests with a coded error, writing nothing, and keeps answering', { timeout: 180_000 }, async () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const method of sample) {
      // Each method on its own database, as its valid input makes its own records.
      const { core, host } = await start();
      const base = (await validInputs(core, method))[method] ?? {};
      const stored = new Stored(core);
      const bodies = rawBodies();
      for (const h of hostileValues()) {
        // JSON has no NaN or Infinity (they arrive as null) and no lone surrogate (a stringified
        // one is escaped, which the host's parser turns back into one): all as a browser would send.
        bodies.push({ label: `the whole input is ${h.label}`, body: jsonWith(base, (_base, value) => value, h) });
        for (const field of fieldsOf(method).slice(0, 1)) {
          bodies.push({ label: `${field} is ${h.label}`, body: jsonWith(base, (b, value) => withValueAt(b, [field], value), h) });
        }
      }
      for (const { label, body } of bodies) {
        const where = `${method}: ${label}`;
        stored.start();
        const { status, json } = await authorisedCall(host, method, body);
        expect(Object.getOwnPropertyNames(Object.prototype).sort(), where).toEqual(prototypeNames);
        expect(status, where).not.toBe(500);
        const answer = json as { ok: boolean; error?: { code: string; message: string } };
        stored.check(answer, where);
        if (answer.ok) continue;
        expect(errorCodes, where).toContain(answer.error?.code);
        expect(answer.error?.code, `${where}: ${answer.error?.message}`).not.toBe('INTERNAL');
      }
    }
    const { host } = await start();
    for (const name of ['__proto__', 'constructor', 'toString', '%E0%A4%A', '..%2F..%2Fpackage.json', 'settings.list%00', 'x'.repeat(5000)]) {
      const { status, json } = await authorisedCall(host, name, '{}');
      expect([400, 404], name).toContain(status);
      expect((json as { error: { code: string } }).error.code, name).toBe('BAD_REQUEST');
    }
    const info = await authorisedCall(host, 'app.info', '{}');
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ ok: true });
  });
});
