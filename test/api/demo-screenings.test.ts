import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { addMonths, ageInCompletedMonths, daysBetween } from '../../shared/domain/dates.js';
import type { ChildRow } from '../../shared/schemas/children.js';
import type { Screening } from '../../shared/schemas/screenings.js';
import { testCore, testToday } from '../support/core.js';

function allChildren(core: Core, settingId: string): ChildRow[] {
  return core.invoke('children.list', { settingId, status: 'all', sort: 'dateOfBirth', limit: 1000 }).rows;
}

/** A setting's screenings by child, keyed by what identifies a demo child without its random id. */
function histories(core: Core, settingId: string): Map<string, Screening[]> {
  const result = new Map<string, Screening[]>();
  for (const child of allChildren(core, settingId)) {
    const key = `${child.dateOfBirth} ${child.firstName} ${child.lastName} ${child.startDate ?? ''}`;
    result.set(key, [...(result.get(key) ?? []), ...core.invoke('screenings.listForChild', { childId: child.id })]);
  }
  return result;
}

/** What a screening says, without ids and timestamps. */
function essentials(s: Screening) {
  return {
    screeningDate: s.screeningDate,
    ageMonths: s.ageMonths,
    colour: s.colour,
    sections: s.sections.map((x) => [x.section, x.score, x.colour, x.itemsNotPassed]),
    screenerName: s.screenerName,
    parentPresent: s.parentPresent,
    concerns: [s.concernPractitioner, s.concernParent, s.concernDetails],
    comments: s.comments,
    action: s.action,
    referralPrompted: s.referralPrompted,
    reviewDate: s.reviewDate,
  };
}

describe('demo screenings', () => {
  it('screens most children on roll, with Red, Amber and Green, overdue reviews and referral prompts in every setting', { timeout: 120_000 }, () => {
    const core = testCore();
    const summary = core.invoke('demo.load', {});
    const stored = core.context.db.prepare('SELECT count(*) AS n FROM screenings').get() as { n: number };
    expect(stored.n).toBeGreaterThan(300);
    expect(summary).toMatchObject({ screenings: stored.n });

    for (const setting of core.invoke('settings.list', {})) {
      const current = core.invoke('children.list', { settingId: setting.id, limit: 1000 }).rows;
      const screenable = current.filter((c) => ageInCompletedMonths(c.dateOfBirth, testToday) >= 6);
      const screened = screenable.filter((c) => c.latestScreening !== null);
      expect(screened.length / screenable.length, setting.name).toBeGreaterThanOrEqual(0.8);

      const colours = new Set(screened.map((c) => c.latestScreening?.colour));
      expect([...colours].sort(), setting.name).toEqual(['amber', 'green', 'red']);

      const overdue = core.invoke('children.list', { settingId: setting.id, reviewOverdue: true, limit: 1000 }).rows;
      expect(overdue.length, setting.name).toBeGreaterThan(0);
      for (const c of overdue) expect(c.latestScreening?.reviewStatus).toBe('overdue');

      const referrals = core.invoke('children.list', { settingId: setting.id, referralPrompted: true, limit: 1000 }).rows;
      expect(referrals.length, setting.name).toBeGreaterThan(0);
      for (const c of referrals) expect(c.latestScreening?.referralPrompted).toBe(true);
    }

    // Some overdue reviews are of children flagged last time, not only Greens due a routine screen.
    const overdueFlagged = core
      .invoke('settings.list', {})
      .flatMap((s) => core.invoke('children.list', { settingId: s.id, reviewOverdue: true, limit: 1000 }).rows)
      .filter((c) => c.latestScreening?.colour !== 'green');
    expect(overdueFlagged.length).toBeGreaterThan(0);
  });

  it('makes histories that follow the screening rules, with drop-backs and review screens', { timeout: 120_000 }, () => {
    const core = testCore();
    core.invoke('demo.load', {});
    const all: { child: ChildRow; screenings: Screening[] }[] = [];
    for (const setting of core.invoke('settings.list', {})) {
      const screeners = new Map(core.invoke('staff.list', { settingId: setting.id }).map((s) => [s.id, s.role]));
      for (const child of allChildren(core, setting.id)) {
        const screenings = core.invoke('screenings.listForChild', { childId: child.id });
        all.push({ child, screenings });
        for (const s of screenings) {
          expect(s.screeningDate <= testToday).toBe(true);
          expect(s.screeningDate >= (child.startDate ?? child.dateOfBirth)).toBe(true);
          expect(s.ageMonths).toBeGreaterThanOrEqual(6);
          expect(s.ageMonths).toBeLessThanOrEqual(72);
          expect(['communication-champion', 'practitioner']).toContain(screeners.get(s.screenerId ?? ''));
          expect(s.sections[0]?.section).toBe(s.ageSection);
          s.sections.forEach((x, i) => {
            if (i > 0) expect(x.section).toBe((s.sections[i - 1]?.section ?? 0) - 1);
            // Demo score bands, consistent with the colours entered (not real cut-offs).
            if (x.colour === 'green') expect(x.score).toBeGreaterThanOrEqual(10);
            if (x.colour === 'amber') expect([6, 7, 8, 9]).toContain(x.score);
            if (x.colour === 'red') expect(x.score).toBeLessThanOrEqual(5);
            if (x.colour !== 'green') expect(x.itemsNotPassed.length).toBeGreaterThan(0);
            expect(x.itemsNotPassed.length).toBeLessThanOrEqual(12 - (x.score ?? 0));
          });
          const last = s.sections[s.sections.length - 1];
          expect(last?.colour === 'green' || last?.section === 1).toBe(true);
        }
      }
    }

    const screenings = all.flatMap((a) => a.screenings);
    expect(all.filter((a) => a.screenings.length >= 3).length).toBeGreaterThan(20);
    expect(screenings.some((s) => s.sections.length >= 2)).toBe(true);
    expect(screenings.some((s) => s.sections.length >= 3)).toBe(true);
    expect(screenings.some((s) => s.concernParent)).toBe(true);
    expect(screenings.some((s) => s.concernPractitioner && s.concernDetails.length > 0)).toBe(true);
    expect(screenings.some((s) => s.parentPresent)).toBe(true);
    expect(screenings.some((s) => s.comments.speechSounds.length > 0)).toBe(true);

    // Mostly Green at the age section, some Amber, a few Red.
    const ageColours = screenings.map((s) => s.sections[0]?.colour);
    const share = (c: string) => ageColours.filter((x) => x === c).length / ageColours.length;
    expect(share('green')).toBeGreaterThan(0.65);
    expect(share('amber')).toBeGreaterThan(0.08);
    expect(share('red')).toBeGreaterThan(0.03);
    expect(share('red')).toBeLessThan(share('amber'));

    // Review screens: an Amber or Red result followed about 12 weeks later by another screen.
    const oldestFirst = (list: Screening[]) => [...list].sort((x, y) => x.screeningDate.localeCompare(y.screeningDate));
    const reviewed = all.filter(({ screenings }) =>
      oldestFirst(screenings).some((s, i, list) => {
        const next = list[i + 1];
        return s.colour !== 'green' && next !== undefined && Math.abs(daysBetween(s.screeningDate, next.screeningDate) - 84) <= 21;
      }),
    );
    expect(reviewed.length).toBeGreaterThan(5);

    // Rounds go back about a year and a third: four terms.
    const earliest = screenings.map((s) => s.screeningDate).sort()[0] ?? testToday;
    expect(earliest < addMonths(testToday, -12)).toBe(true);
    expect(earliest > addMonths(testToday, -18)).toBe(true);
  });

  it('is deterministic: two fresh databases get the same screenings', { timeout: 120_000 }, () => {
    const first = testCore();
    const second = testCore();
    first.invoke('demo.load', {});
    second.invoke('demo.load', {});
    const [a] = first.invoke('settings.list', {});
    const [b] = second.invoke('settings.list', {});
    if (!a || !b) throw new Error('the demo has settings');
    expect(b.name).toBe(a.name);

    const ha = histories(first, a.id);
    const hb = histories(second, b.id);
    const firstScreened = [...ha.entries()].find(([, list]) => list.length > 0);
    if (!firstScreened) throw new Error('the first setting has screened children');
    const [key, list] = firstScreened;
    expect(hb.get(key)?.map(essentials)).toEqual(list.map(essentials));

    const whole = (h: Map<string, Screening[]>) => [...h.entries()].map(([k, l]) => [k, l.map(essentials)]);
    expect(whole(hb)).toEqual(whole(ha));
  });
});
