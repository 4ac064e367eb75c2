import { formatUkDate } from '../../../../shared/domain/dates.js';
import type { InstrumentSection } from '../../../../shared/domain/screening.js';
import { reportSnapshotVersion, type ChildSummaryInput, type ChildSummarySnapshot } from '../../../../shared/schemas/reports.js';
import type { Strategy, StrategyGroup } from '../../../../shared/schemas/strategies.js';
import type { CallContext } from '../../context.js';
import { colourMeaning, colourWords, reviewProgressWords, targetStatusWords, workingAtWords } from './child-summary-words.js';

// A child's progress summary for parents and for the next setting: the screening history with
// the working-at level over time, the targets and how each went, and ideas that help at home.
// A child who has left (archived) may still have one: the summary for the next setting or school
// is written exactly then, at transition. Only a purged child is gone, and with them their
// summaries (repos/retention.ts). Dates are written as they print (27/11/2026): the snapshot is
// what the page showed.

/** At least this many ideas for home: the child's own strategies first, then the library's. */
const minimumAtHome = 4;
/** Never more than this: a page of ideas is read, two pages are not. */
const maximumAtHome = 8;
/**
 * Library groups whose "try at home" versions suit a family, in the order they are offered.
 * 'environment' is about arranging the setting's rooms, so it is not offered unless a target used it.
 */
const homeGroups: readonly StrategyGroup[] = ['routines', 'interaction', 'parents'];

export function childSummary(ctx: CallContext, input: ChildSummaryInput): ChildSummarySnapshot {
  const { repos } = ctx;
  const audience = input.audience;
  const child = repos.children.get(input.childId);
  const setting = repos.settings.get(child.settingId);
  const keyPersonName = child.keyPersonId ? repos.staff.get(child.keyPersonId).name : null;

  const sectionsOf = new Map<string, readonly InstrumentSection[]>();
  const sectionIn = (instrumentId: string, section: number | null | undefined): InstrumentSection | undefined => {
    if (section === null || section === undefined) return undefined;
    if (!sectionsOf.has(instrumentId)) sectionsOf.set(instrumentId, repos.instruments.get(instrumentId).sections);
    return sectionsOf.get(instrumentId)?.find((s) => s.section === section);
  };

  // The repository lists newest first; a history reads oldest first.
  const screenings = [...repos.screenings.listForChild(child.id)].reverse().map((s) => {
    const tried = s.sections.map((r) => r.section);
    return {
      date: formatUkDate(s.screeningDate),
      workingAt: workingAtWords({
        ageMonths: s.ageMonths,
        workingAt: sectionIn(s.instrumentId, s.workingAtSection),
        lowestTried: sectionIn(s.instrumentId, tried.length ? Math.min(...tried) : null),
        stoppedEarly: s.stoppedEarly,
      }),
      colourWord: colourWords[s.colour],
      meaning: colourMeaning(s.colour, child.firstName, audience),
    };
  });

  const targets = repos.targets.listForChild(child.id).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.createdAt.localeCompare(b.createdAt));
  const targetLines = targets.map((t) => ({
    text: t.aim,
    started: formatUkDate(t.startDate),
    status: targetStatusWords(t),
    reviews: [...repos.targets.getWithReviews(t.id).reviews].reverse().map((r) => ({
      date: formatUkDate(r.reviewDate),
      progress: reviewProgressWords(r.progress, r.status),
      note: r.note,
    })),
  }));

  return {
    version: reportSnapshotVersion,
    kind: 'child',
    audience,
    child: {
      id: child.id,
      name: `${child.firstName} ${child.lastName}`,
      dateOfBirth: formatUkDate(child.dateOfBirth),
      settingName: setting.name,
      keyPersonName,
    },
    note: input.note ?? '',
    screenings,
    targets: targetLines,
    atHome: atHome(ctx, child.settingId, targets),
  };
}

/**
 * Ideas for home: the strategies the child's targets use (the current targets' first), then the
 * library's home versions to make up a handful. A strategy's "try at home" version is written for
 * families; one without it (a setting's own) prints its description instead.
 */
function atHome(ctx: CallContext, settingId: string, targets: readonly { status: string; strategies: readonly { id: string }[] }[]) {
  const current = [...targets].sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'));
  const ownIds = [...new Set(current.flatMap((t) => t.strategies.map((s) => s.id)))];
  const chosen: Strategy[] = ctx.repos.strategies.byIds(ownIds).slice(0, maximumAtHome);
  if (chosen.length < minimumAtHome) {
    const library = ctx.repos.strategies
      .list({ settingId, search: '', group: null, includeArchived: false })
      .filter((s) => s.homeVersion !== '' && homeGroups.includes(s.group) && !ownIds.includes(s.id))
      .sort((a, b) => homeGroups.indexOf(a.group) - homeGroups.indexOf(b.group));
    chosen.push(...library.slice(0, minimumAtHome - chosen.length));
  }
  return chosen.map((s) => ({ title: s.title, text: s.homeVersion || s.description }));
}
