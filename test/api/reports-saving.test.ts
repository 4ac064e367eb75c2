import { describe, expect, it } from 'vitest';
import { failure } from '../support/api.js';
import { dump } from '../support/core.js';
import { reportWorld } from '../support/reports.js';

// Producing a report writes the snapshot and one audit row in one transaction: a failure keeps
// neither, and says so in words about the report. The audit row names the report, never the
// children in it.

const everything = (core: Parameters<typeof dump>[0]) => dump(core, ['reports', 'audit_log'], { sorted: true });

describe('producing a report', () => {
  it('records who produced which report in the audit trail, by its title, without children’s names', () => {
    const w = reportWorld();
    const report = w.core.invoke('reports.produceSetting', { settingId: w.settings.acorn.id, period: { roundId: w.rounds.autumn.id } });
    const entries = w.core.invoke('audit.list', { method: 'reports.produceSetting' }).rows;
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({ recordType: 'reports', recordId: report.id, settingId: w.settings.acorn.id });
    const changes = entry.changes;
    expect(changes).toContainEqual(expect.objectContaining({ field: 'title', after: 'Setting progress report: Acorn Lane' }));
    expect(changes).toContainEqual(expect.objectContaining({ field: 'periodLabel', after: 'Autumn 2026 (01/09/2026 to 18/12/2026)' }));
    // The report lists Ava and Ben on targets: the trail, as stored, does not.
    const stored = JSON.stringify(w.core.context.db.prepare('SELECT * FROM audit_log WHERE record_id = ?').all(report.id));
    for (const name of ['Ava', 'Adams', 'Ben', 'Brown']) expect(stored).not.toContain(name);
    expect(changes.map((c) => c.field)).not.toContain('snapshot');
  });

  it('says the report could not be saved when the insert fails, keeping no report and no audit row', () => {
    const w = reportWorld();
    w.core.context.db.exec(`CREATE TEMP TRIGGER no_reports BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    for (const [method, input] of [
      ['reports.produceSetting', { settingId: w.settings.acorn.id, period: { roundId: w.rounds.autumn.id }, narrative: { achievements: 'Timetables' } }],
      ['reports.produceArea', { period: { roundId: w.rounds.autumn.id } }],
    ] as const) {
      const error = failure(w.core, method, input, everything);
      expect(error).toEqual({
        code: 'DATABASE',
        message: 'The report could not be saved, so nothing was stored. Try producing it again; if that fails too, make a backup and ask for help.',
      });
    }
    expect(w.core.context.db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);
    w.core.context.db.exec('DROP TRIGGER temp.no_reports');
    expect(w.core.invoke('reports.produceArea', { period: { roundId: w.rounds.autumn.id } }).kind).toBe('area');
  });
});
