import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refused, world } from '../support/cohort.js';

// API tests for screening rounds, on the hand-built world of test/support/cohort.ts.

describe('rounds', () => {
  it('lists rounds oldest first with the number of children screened in each (every setting, archived ones too)', () => {
    const w = world();
    const rounds = w.core.invoke('rounds.list', {});
    expect(rounds.map((r) => [r.name, r.startDate, r.endDate, r.screeningCount])).toEqual([
      ['Spring 2026', '2026-01-05', '2026-04-10', 7],
      ['Summer 2026', '2026-04-20', '2026-07-24', 1],
      ['Autumn 2026', '2026-09-01', '2026-12-18', 7],
      ['Spring 2027', '2027-01-04', '2027-04-09', 0],
    ]);
  });

  it('refuses a round that overlaps another, naming the start date, and writes nothing', () => {
    const w = world();
    const { core } = w;
    // Sharing a single day is an overlap: a screening that day would belong to both.
    for (const [startDate, endDate] of [
      ['2026-04-10', '2026-04-15'],
      ['2026-04-11', '2026-04-20'],
      ['2025-12-01', '2027-06-01'],
      ['2026-02-01', '2026-02-02'],
    ] as const) {
      const error = refused(core, 'rounds.create', { name: 'Clash', startDate, endDate }, 'VALIDATION', 'startDate');
      expect(error.message).toMatch(/overlap/);
    }
    refused(core, 'rounds.update', { id: w.rounds.summer.id, name: 'Summer 2026', startDate: '2026-04-10', endDate: '2026-07-24' }, 'VALIDATION', 'startDate');
    refused(core, 'rounds.update', { id: w.rounds.summer.id, name: 'Summer 2026', startDate: '2026-04-20', endDate: '2026-09-01' }, 'VALIDATION', 'startDate');
    // The gap between two rounds can be filled exactly.
    expect(core.invoke('rounds.create', { name: 'Easter 2026', startDate: '2026-04-11', endDate: '2026-04-19' }).screeningCount).toBe(0);
  });

  it('refuses an end before the start, naming the end date, and writes nothing', () => {
    const w = world();
    refused(w.core, 'rounds.create', { name: 'Backwards', startDate: '2025-06-10', endDate: '2025-06-09' }, 'VALIDATION', 'endDate');
    refused(w.core, 'rounds.update', { id: w.rounds.autumn.id, name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-08-31' }, 'VALIDATION', 'endDate');
    // A one-day round is fine.
    expect(w.core.invoke('rounds.create', { name: 'One day', startDate: '2025-06-10', endDate: '2025-06-10' }).startDate).toBe('2025-06-10');
  });

  it('refuses a duplicate name (ignoring case) as a conflict and writes nothing', () => {
    const w = world();
    const error = refused(w.core, 'rounds.create', { name: 'autumn 2026', startDate: '2025-01-01', endDate: '2025-02-01' }, 'CONFLICT');
    expect(error.issues?.map((i) => i.path.join('.'))).toEqual(['name']);
    refused(w.core, 'rounds.update', { id: w.rounds.summer.id, name: 'SPRING 2026', startDate: '2026-04-20', endDate: '2026-07-24' }, 'CONFLICT');
    // Renaming a round to its own name in other case is not a clash.
    expect(w.core.invoke('rounds.update', { id: w.rounds.summer.id, name: 'SUMMER 2026', startDate: '2026-04-20', endDate: '2026-07-24' }).name).toBe(
      'SUMMER 2026',
    );
  });

  it('refuses malformed rounds at the contract', () => {
    const w = world();
    refused(w.core, 'rounds.create', { name: '  ', startDate: '2025-01-01', endDate: '2025-02-01' }, 'VALIDATION', 'name');
    refused(w.core, 'rounds.create', { name: 'Bad date', startDate: '2025-02-30', endDate: '2025-03-01' }, 'VALIDATION', 'startDate');
    refused(w.core, 'rounds.create', { name: 'Bad date', startDate: '2025-02-01', endDate: '01/03/2025' }, 'VALIDATION', 'endDate');
  });

  it('unknown round ids are NOT_FOUND everywhere, and nothing is written', () => {
    const w = world();
    const missing = randomUUID();
    const { autumn } = w.rounds;
    const calls: [string, unknown][] = [
      ['rounds.update', { id: missing, name: 'Ghost', startDate: '2025-01-01', endDate: '2025-02-01' }],
      ['rounds.delete', { id: missing }],
      ['cohort.breakdown', { roundId: missing }],
      ['cohort.workingAt', { roundId: missing }],
      ['cohort.overview', { roundId: missing }],
      ['cohort.settings', { roundId: missing }],
      ['cohort.transitions', { fromRoundId: missing, toRoundId: autumn.id }],
      ['cohort.transitions', { fromRoundId: autumn.id, toRoundId: missing }],
      ['cohort.children', { roundId: missing }],
      ['cohort.children', { roundId: autumn.id, fromRoundId: missing, fromColour: 'red', colour: 'red' }],
    ];
    for (const [method, input] of calls) {
      const error = refused(w.core, method, input, 'NOT_FOUND');
      expect(error.message, method).toMatch(/round/i);
    }
  });
});
