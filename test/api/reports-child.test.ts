import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { ChildSummarySnapshot } from '../../shared/schemas/reports.js';
import { failure } from '../support/api.js';
import { sessionFor } from '../support/accounts.js';
import { dump } from '../support/core.js';
import { newTarget, targetWorld } from '../support/targets.js';

// A child's progress summary (reports.childPreview, reports.produceChild): plain words with no
// codes, a snapshot that stays as printed, a practitioner's reach, and bad input refused.

const reportTables = (core: Core) => dump(core, ['reports', 'audit_log']);

/** Every word the summary prints, ids left out (they never print). */
function printedText(s: ChildSummarySnapshot): string {
  const { child, ...rest } = s;
  const { id: _id, ...shown } = child;
  return JSON.stringify({ ...rest, child: shown });
}

function summaryWorld() {
  const w = targetWorld();
  const { core, child, shared } = w;
  const byTitle = (title: string) => shared.find((s) => s.title === title)!;
  const done = newTarget(core, child.id, { aim: 'Asks for a snack using two words', startDate: '2026-09-10', reviewDate: '2026-10-08' });
  core.invoke('targets.review', {
    targetId: done.id,
    reviewDate: '2026-10-08',
    reviewer: 'Kim Testperson',
    progress: 'met',
    note: 'Says "more apple" every day',
    status: 'achieved',
  });
  const current = newTarget(core, child.id, {
    aim: 'Joins in with the last word of a song',
    startDate: '2026-11-20',
    reviewDate: '2026-12-18',
    strategyIds: [byTitle('Songs and rhymes with pauses').id, byTitle('A communication-friendly room').id],
  });
  return { ...w, done, current };
}

describe('reports.childPreview: the summary in plain words', () => {
  it('writes the screening history, targets with their reviews and ideas for home, with no codes', () => {
    const { core, child, person, setting } = summaryWorld();
    const s = core.invoke('reports.childPreview', { childId: child.id, audience: 'parents', note: '  Amara loves the garden.  ' });
    expect(s).toMatchObject({
      version: 1,
      kind: 'child',
      audience: 'parents',
      child: { id: child.id, name: 'Amara Applewhistle', dateOfBirth: '01/03/2023', settingName: setting.name, keyPersonName: person.name },
      note: 'Amara loves the garden.',
    });
    // 44 months old on 20/11/2026; Green at the 36-41 month level, Amber at her age's level.
    expect(s.screenings).toEqual([
      {
        date: '20/11/2026',
        workingAt: 'Aged 3 years 8 months: understanding and talking at about the level expected at 36 to 41 months.',
        colourWord: 'Amber',
        meaning: expect.stringContaining('a little behind what we would expect for their age'),
      },
    ]);
    expect(s.targets).toEqual([
      {
        text: 'Asks for a snack using two words',
        started: '10/09/2026',
        status: 'Achieved on 08/10/2026',
        reviews: [{ date: '08/10/2026', progress: 'Target met; the target was achieved', note: 'Says "more apple" every day' }],
      },
      { text: 'Joins in with the last word of a song', started: '20/11/2026', status: 'Still being worked on; next check due 18/12/2026', reviews: [] },
    ]);
    // The current target's strategies come first (both, though one is about the room), then the
    // library's home versions make up four.
    expect(s.atHome.slice(0, 2).map((a) => a.title)).toEqual(['A communication-friendly room', 'Songs and rhymes with pauses'].sort());
    expect(s.atHome).toHaveLength(4);
    expect(s.atHome.find((a) => a.title === 'Songs and rhymes with pauses')?.text).toBe(
      'Sing a favourite song and stop before the last word to let your child finish it.',
    );
    expect(new Set(s.atHome.map((a) => a.title)).size).toBe(4);

    const text = printedText(s);
    const instrument = core.invoke('instruments.list', {})[0]!;
    expect(text).not.toMatch(/section/i);
    expect(text).not.toContain(instrument.name);
    expect(text).not.toMatch(/"(active|achieved|partly-achieved|not-achieved|stopped|red|amber|green|met|good|some|none)"/);
    expect(text).not.toMatch(/\b[A-Z]{2,}\d|\d{4}-\d{2}-\d{2}/); // no codes, no ISO dates
  });

  it('addresses the next setting about the family rather than "you"', () => {
    const { core, child } = targetWorld();
    const instrument = core.invoke('instruments.list', {})[0]!;
    core.invoke('screenings.create', {
      childId: child.id,
      instrumentId: instrument.id,
      screeningDate: '2026-11-25',
      sections: [7, 6, 5, 4, 3, 2, 1].map((section) => ({ section, colour: 'red' as const })),
    });
    const forParents = core.invoke('reports.childPreview', { childId: child.id, audience: 'parents' });
    const forSchool = core.invoke('reports.childPreview', { childId: child.id, audience: 'next-setting' });
    expect(forParents.screenings.at(-1)).toMatchObject({ colourWord: 'Red', meaning: expect.stringContaining('talk with you') });
    expect(forSchool.screenings.at(-1)).toMatchObject({ colourWord: 'Red', meaning: expect.stringContaining('talk with the family') });
    // Nothing Green: the level is described from the lowest level tried.
    expect(forSchool.screenings.at(-1)?.workingAt).toBe('Aged 3 years 8 months: not yet at the level expected at 6 to 11 months, the earliest level checked.');
  });

  it('is allowed for a child who has left: a transition summary is written exactly then', () => {
    const { core, child } = summaryWorld();
    core.invoke('children.archive', { id: child.id, archived: true, leaveDate: '2026-11-26' });
    const report = core.invoke('reports.produceChild', { childId: child.id, audience: 'next-setting', note: 'Moving to Hilltop School.' });
    expect(report).toMatchObject({ kind: 'child', childId: child.id, title: 'Progress summary: Amara Applewhistle', periodLabel: 'Up to 27/11/2026' });
  });
});

describe('reports.produceChild: the saved summary', () => {
  it('stores the snapshot, lists it for the child and shows it unchanged after the data changes', () => {
    const { core, child, setting, screening, current } = summaryWorld();
    const preview = core.invoke('reports.childPreview', { childId: child.id, audience: 'parents', note: 'Hello' });
    const report = core.invoke('reports.produceChild', { childId: child.id, audience: 'parents', note: 'Hello' });
    expect(report.snapshot).toEqual(preview);
    expect(report).toMatchObject({ kind: 'child', settingId: setting.id, childId: child.id, producedByName: 'Test Manager' });
    expect(core.invoke('reports.list', { settingId: setting.id, childId: child.id }).map((r) => r.id)).toEqual([report.id]);

    // Later: a new screening, a review, a renamed child.
    core.invoke('screenings.update', {
      id: screening.id,
      instrumentId: screening.instrumentId,
      screeningDate: '2026-11-20',
      sections: [{ section: 7, colour: 'green' }],
    });
    core.invoke('targets.review', {
      targetId: current.id,
      reviewDate: '2026-11-27',
      reviewer: 'Kim Testperson',
      progress: 'good',
      status: 'achieved',
    });
    core.invoke('children.update', { id: child.id, firstName: 'Amy', lastName: 'Applewhistle', dateOfBirth: '2023-03-01', sex: 'female' });

    expect(core.invoke('reports.get', { id: report.id }).snapshot).toEqual(preview);
    const now = core.invoke('reports.childPreview', { childId: child.id, audience: 'parents', note: 'Hello' });
    expect(now.child.name).toBe('Amy Applewhistle');
    expect(now.screenings[0]?.colourWord).toBe('Green');
    expect(now).not.toEqual(preview);
  });
});

describe('reports.childPreview and produceChild: reach and bad input', () => {
  it("lets a practitioner write summaries for their key children only, and open only those children's", () => {
    const { core, child, other, person } = summaryWorld();
    const mine = core.invoke('reports.produceChild', { childId: child.id, audience: 'parents' });
    const theirs = core.invoke('reports.produceChild', { childId: other.id, audience: 'parents' });
    const practitioner = sessionFor(core, 'practitioner', { staffId: person.id });

    expect(core.invoke('reports.childPreview', { childId: child.id, audience: 'parents' }, practitioner).child.name).toBe('Amara Applewhistle');
    expect(core.invoke('reports.get', { id: mine.id }, practitioner).id).toBe(mine.id);
    const before = reportTables(core);
    for (const [method, input] of [
      ['reports.childPreview', { childId: other.id, audience: 'parents' }],
      ['reports.produceChild', { childId: other.id, audience: 'parents' }],
      ['reports.get', { id: theirs.id }],
    ] as const) {
      const result = core.call(method, input, practitioner);
      expect(result.ok ? 'allowed' : result.error.code, method).toBe('FORBIDDEN');
    }
    expect(reportTables(core)).toBe(before);
    const made = core.invoke('reports.produceChild', { childId: child.id, audience: 'next-setting' }, practitioner);
    expect(made.producedByName).not.toBe('Test Manager');
  });

  it("lists for a practitioner only their key children's summaries: the others' names never reach them", () => {
    const { core, setting, child, other, person } = summaryWorld();
    const mine = core.invoke('reports.produceChild', { childId: child.id, audience: 'parents' });
    core.invoke('reports.produceChild', { childId: other.id, audience: 'parents' });
    const practitioner = sessionFor(core, 'practitioner', { staffId: person.id });
    expect(core.invoke('reports.list', { settingId: setting.id }, practitioner).map((r) => r.id)).toEqual([mine.id]);
    expect(core.invoke('reports.list', { settingId: setting.id, childId: other.id }, practitioner)).toEqual([]);
    // The manager sees both.
    expect(core.invoke('reports.list', { settingId: setting.id })).toHaveLength(2);
  });

  it('refuses an unknown child, saying so, and stores nothing', () => {
    const { core } = summaryWorld();
    const error = failure(core, 'reports.produceChild', { childId: '6f1c2a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', audience: 'parents' }, reportTables);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/child/i);
  });

  it('refuses a note over 4000 characters and a missing audience, naming the field, and stores nothing', () => {
    const { core, child } = summaryWorld();
    const long = failure(core, 'reports.produceChild', { childId: child.id, audience: 'parents', note: 'x'.repeat(4001) }, reportTables);
    expect(long.code).toBe('VALIDATION');
    expect(long.issues).toEqual([{ path: ['note'], message: 'Keep this to 4000 characters or fewer' }]);
    const noAudience = failure(core, 'reports.produceChild', { childId: child.id, note: 'Hi' }, reportTables);
    expect(noAudience.issues?.map((i) => [i.path.join('.'), i.message])).toEqual([['audience', 'Choose who the summary is for']]);
    // Exactly 4000 is allowed.
    expect(core.invoke('reports.produceChild', { childId: child.id, audience: 'parents', note: 'x'.repeat(4000) }).snapshot.kind).toBe('child');
  });
});

describe('retention purge and subject access', () => {
  it("deletes a purged child's summaries and their line in saved setting reports, keeping the rest as printed", () => {
    const { core, setting, other, child } = summaryWorld();
    const summary = core.invoke('reports.produceChild', { childId: other.id, audience: 'next-setting', note: 'Ben likes trains' });
    const kept = core.invoke('reports.produceChild', { childId: child.id, audience: 'parents' });
    // A saved setting report naming both children. The setting report itself is built elsewhere,
    // so its stored JSON is written here: the purge must edit one list in it and nothing else.
    const printed = {
      version: 1,
      kind: 'setting',
      setting: { id: setting.id, name: setting.name },
      figures: { targets: { active: 2 } },
      childrenOnTargets: [
        { childId: child.id, name: 'Amara Applewhistle', active: 1, closed: 1, met: 1 },
        { childId: other.id, name: 'Ben Buttonhook', active: 1, closed: 0, met: 0 },
      ],
      narrative: { achievements: 'A good term', priorities: '' },
    };
    const repo = core.context.repos.reports;
    const base = {
      settingId: setting.id,
      childId: null,
      settingIds: [setting.id],
      producedByAccountId: null,
      producedByName: 'Pat',
      producedAt: '2026-11-27T10:00:00.000Z',
    };
    // The stand-in has only the fields the purge reads and keeps; the repository stores it whole.
    const settingReport = repo.insert({
      ...base,
      kind: 'setting',
      title: 'Setting progress report: Acorn',
      periodLabel: 'Autumn',
      snapshot: printed as unknown as ChildSummarySnapshot,
    });
    const untouched = repo.insert({
      ...base,
      kind: 'setting',
      title: 'Setting progress report: Acorn',
      periodLabel: 'Summer',
      snapshot: { ...printed, childrenOnTargets: printed.childrenOnTargets.slice(0, 1) } as unknown as ChildSummarySnapshot,
    });
    const db = core.context.db;
    const stored = (id: string) => db.prepare('SELECT snapshot FROM reports WHERE id = ?').pluck().get(id) as string;
    const untouchedBefore = stored(untouched);

    core.invoke('children.archive', { id: other.id, archived: true, leaveDate: '2025-06-01' });
    core.invoke('retention.updatePolicy', { recordType: 'screening', years: 1 });
    core.invoke('retention.purge', { childIds: [other.id], confirm: true });

    expect(db.prepare('SELECT id FROM reports WHERE child_id IS NOT NULL').pluck().all()).toEqual([kept.id]);
    expect(JSON.parse(stored(settingReport))).toEqual({ ...printed, childrenOnTargets: printed.childrenOnTargets.slice(0, 1) });
    expect(stored(untouched)).toBe(untouchedBefore);
    const audit = JSON.stringify(db.prepare('SELECT summary FROM audit_log WHERE record_id = ?').all(summary.id));
    expect(audit).not.toContain('Buttonhook');
    expect(JSON.stringify(db.prepare('SELECT * FROM reports').all())).not.toMatch(/Buttonhook|Ben likes trains/);
    const note = core.invoke('audit.list', { recordId: other.id, method: 'retention.purge' }).rows[0]?.note;
    expect(note).toContain('1 progress summary(ies), 1 setting report(s) edited');
  });
});

describe('subject access export', () => {
  it("includes the child's progress summaries as they were printed", () => {
    const { core, child } = summaryWorld();
    const report = core.invoke('reports.produceChild', { childId: child.id, audience: 'parents', note: 'Loves the sandpit' });
    const file = core.invoke('export.child', { childId: child.id });
    const records = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as { progressSummaries: { id: string; snapshot: { note: string } }[] };
    expect(records.progressSummaries.map((r) => [r.id, r.snapshot.note])).toEqual([[report.id, 'Loves the sandpit']]);
  });
});
