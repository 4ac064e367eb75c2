import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, domains, factsOf, methodNames, permissions } from '../../shared/contract/index.js';
import { checkFacts } from '../../shared/contract/facts.js';

// Every method states its facts (effect, async, audit, permission) beside input and output; the
// registry, the audit trail and the transports read them. These tests prove that a missing or
// contradictory fact is caught, and that the facts agree with each other.

const requiredFacts = ['input', 'output', 'effect', 'async', 'audit', 'permission'] as const;

describe('the contract states each method’s facts', () => {
  it('passes the facts check as shipped', () => {
    expect(() => checkFacts(contract)).not.toThrow();
  });

  it.each(methodNames.flatMap((m) => requiredFacts.map((fact) => [m, fact] as const)))('fails when %s lacks its %s', (method, fact) => {
    const entry: Record<string, unknown> = { ...factsOf(method) };
    delete entry[fact];
    expect(() => checkFacts({ [method]: entry })).toThrow(new RegExp(`"${method.replace('.', '\\.')}" states its facts wrongly \\(${fact}`));
  });

  const base = { input: z.object({}), output: z.object({}), async: false, permission: 'children:read' } as const;

  it.each([
    ['a read that records a change', { ...base, effect: 'read', audit: { mode: 'change', record: 'children', action: 'update' } }],
    ['a write that is not audited', { ...base, effect: 'write', audit: { mode: 'none' } }],
    ['an unknown permission', { ...base, effect: 'read', audit: { mode: 'none' }, permission: 'children:everything' }],
    ['an unknown effect', { ...base, effect: 'delete', audit: { mode: 'none' } }],
    ['an audit fact with an unknown mode', { ...base, effect: 'write', audit: { mode: 'sometimes' } }],
    ['a change without its record type', { ...base, effect: 'write', audit: { mode: 'change', action: 'update' } }],
    ['an input that is not a schema', { ...base, input: { type: 'object' }, effect: 'read', audit: { mode: 'none' } }],
    ['a fact nobody reads', { ...base, effect: 'read', audit: { mode: 'none' }, cached: true }],
  ])('fails on %s', (_what, entry) => {
    expect(() => checkFacts({ 'children.example': entry })).toThrow(/"children\.example" states its facts wrongly/);
  });

  it('fails on a method not named <domain>.<verb>', () => {
    expect(() => checkFacts({ childrenList: { ...base, effect: 'read', audit: { mode: 'none' } } })).toThrow(/not named <domain>\.<verb>/);
  });

  it('keeps each method in the file of its domain', () => {
    for (const [domain, methods] of Object.entries(domains)) {
      for (const method of Object.keys(methods)) expect(method.split('.')[0], `${method} in shared/contract/${domain}.ts`).toBe(domain);
    }
    expect(
      Object.values(domains)
        .flatMap((d) => Object.keys(d))
        .sort(),
    ).toEqual([...methodNames].sort());
  });

  it('uses only permissions from the named set, and every permission is used', () => {
    const used = new Set(methodNames.map((m) => factsOf(m).permission));
    expect([...permissions].filter((p) => !used.has(p))).toEqual([]);
  });

  it('audits every method that writes, and names the record each change is to', () => {
    for (const method of methodNames) {
      const { effect, audit } = factsOf(method);
      if (effect === 'write') expect(audit.mode, method).not.toBe('none');
      if (audit.mode === 'change') expect(audit.record.length, method).toBeGreaterThan(0);
    }
  });
});
