import { compareIsoDates } from '../../../shared/domain/dates.js';
import { plural } from '../../../shared/domain/words.js';
import { findSection, type InstrumentSection } from '../../../shared/domain/screening.js';
import { screeningOutcome, type ScreeningOutcome } from '../../../shared/domain/screening-outcome.js';
import { validationError, type FieldIssue } from '../../../shared/errors.js';
import type { Child } from '../../../shared/schemas/children.js';
import type { ParsedInput } from '../../../shared/contract/index.js';
import type { screeningsContract } from '../../../shared/contract/screenings.js';
import type { CoreContext } from '../context.js';
import type { ScreeningRecord } from '../db/repos/screenings.js';
import type { DomainHandlers } from './types.js';

type ScreeningFields = Omit<ParsedInput<'screenings.create'>, 'childId'>;

/**
 * Checks a screening against the child, the instrument and the setting, and works out its outcome:
 * the one path for preview, create, update and imports. Problems come back as issues; only the
 * date checks, which make an outcome meaningless, are thrown.
 */
function checkScreening(ctx: CoreContext, child: Child, input: ScreeningFields): { outcome: ScreeningOutcome; issues: FieldIssue[] } {
  const instrument = ctx.repos.instruments.get(input.instrumentId);
  const setting = ctx.repos.settings.get(child.settingId);
  const today = ctx.clock.today();
  const dateIssue = (message: string) => validationError([{ path: ['screeningDate'], message }]);

  if (compareIsoDates(input.screeningDate, child.dateOfBirth) < 0) throw dateIssue('The screening date is before the child’s date of birth');
  if (compareIsoDates(input.screeningDate, today) > 0) throw dateIssue('The screening date must be today or in the past');

  const outcome = screeningOutcome({
    sections: instrument.sections,
    dateOfBirth: child.dateOfBirth,
    screeningDate: input.screeningDate,
    results: input.sections.map((s) => ({ section: s.section, score: s.score, colour: s.colour })),
    concernRaised: input.concernPractitioner || input.concernParent,
    intervals: setting.reviewIntervals,
    stoppedEarly: input.stoppedEarly,
    stoppedEarlyReason: input.stoppedEarlyReason,
  });
  if (outcome.ageSection === null) {
    const min = Math.min(...instrument.sections.map((s) => s.minMonths));
    const max = Math.max(...instrument.sections.map((s) => s.maxMonths));
    throw dateIssue(`${child.firstName} is ${outcome.ageMonths} months old on that date: outside the toolkit’s range (${min} to ${max} months)`);
  }

  const issues: FieldIssue[] = [...outcome.issues];
  if (input.screenerId && !ctx.repos.staff.list(child.settingId, true).some((s) => s.id === input.screenerId)) {
    issues.push({ path: ['screenerId'], message: 'Choose a screener who works in this setting' });
  }
  input.sections.forEach((entry, index) => issues.push(...itemIssues(findSection(instrument.sections, entry.section), entry, index)));
  return { outcome, issues };
}

function buildRecord(ctx: CoreContext, child: Child, input: ScreeningFields): ScreeningRecord {
  const { outcome, issues } = checkScreening(ctx, child, input);
  if (issues.length > 0) throw validationError(issues);
  if (outcome.ageSection === null) throw new Error('checked screenings always have an age section');
  const instrument = ctx.repos.instruments.get(input.instrumentId);

  const sections = outcome.resolved.map((r, i) => {
    if (!r.colour) throw new Error('validated sections always have a colour');
    return {
      section: r.section,
      score: r.score,
      enteredColour: r.enteredColour,
      computedColour: r.computed,
      colour: r.colour,
      itemsNotPassed: [...new Set(input.sections[i]?.itemsNotPassed ?? [])].sort((a, b) => a - b),
    };
  });
  if (!outcome.colour || !outcome.reviewDate) throw new Error('validated screenings always have a colour');
  return {
    childId: child.id,
    settingId: child.settingId,
    instrumentId: instrument.id,
    screeningDate: input.screeningDate,
    ageMonths: outcome.ageMonths,
    ageSection: outcome.ageSection,
    screenerId: input.screenerId,
    parentPresent: input.parentPresent,
    concernPractitioner: input.concernPractitioner,
    concernParent: input.concernParent,
    concernDetails: input.concernDetails,
    comments: input.comments,
    action: input.action ?? outcome.suggestedAction,
    colour: outcome.colour,
    workingAtSection: outcome.workingAt,
    referralPrompted: outcome.referral.prompted,
    referralReasons: outcome.referral.reasons,
    reviewDate: outcome.reviewDate,
    stoppedEarly: input.stoppedEarly,
    stoppedEarlyReason: input.stoppedEarly ? input.stoppedEarlyReason : '',
    sections,
  };
}

/** Item numbers must exist in the section, and there cannot be more fails than the score allows. */
function itemIssues(section: InstrumentSection | undefined, entry: ScreeningFields['sections'][number], index: number): FieldIssue[] {
  if (!section) return [];
  const path = ['sections', index, 'itemsNotPassed'];
  const outside = entry.itemsNotPassed.filter((n) => n > section.itemCount);
  if (outside.length > 0) {
    return [{ path, message: `Section ${section.section} has items 1 to ${section.itemCount}: there is no item ${outside.join(', ')}` }];
  }
  const distinct = new Set(entry.itemsNotPassed).size;
  if (entry.score !== null && Number.isInteger(entry.score) && entry.score <= section.itemCount && distinct > section.itemCount - entry.score) {
    return [
      {
        path,
        message: `Section ${section.section}: a score of ${entry.score} out of ${section.itemCount} leaves ${plural(section.itemCount - entry.score, 'item')} not passed, but ${distinct} are listed`,
      },
    ];
  }
  return [];
}

export const screeningsHandlers = {
  'screenings.listForChild': (ctx, input) => {
    ctx.repos.children.get(input.childId);
    return ctx.repos.screenings.listForChild(input.childId);
  },
  'screenings.get': (ctx, input) => ctx.repos.screenings.get(input.id),
  'screenings.preview': (ctx, { childId, ...fields }) => {
    const { outcome, issues } = checkScreening(ctx, ctx.repos.children.get(childId), fields);
    const ok = issues.length === 0;
    return {
      issues,
      ageMonths: outcome.ageMonths,
      ageSection: outcome.ageSection,
      complete: outcome.complete,
      colour: ok ? outcome.colour : null,
      workingAtSection: ok ? outcome.workingAt : null,
      sectionsBehind: ok ? outcome.sectionsBehind : null,
      activitySection: ok ? outcome.activitySection : null,
      referralPrompted: ok && outcome.referral.prompted,
      referralReasons: ok ? outcome.referral.reasons : [],
      reviewDate: ok ? outcome.reviewDate : null,
      suggestedAction: outcome.suggestedAction,
    };
  },
  'screenings.create': (ctx, { childId, ...fields }) => {
    const child = ctx.repos.children.get(childId);
    ctx.repos.settings.requireOpen(child.settingId, 'adding to it');
    return ctx.repos.screenings.create(buildRecord(ctx, child, fields), ctx.clock.now());
  },
  'screenings.update': (ctx, { id, ...fields }) => {
    const current = ctx.repos.screenings.get(id);
    const child = ctx.repos.children.get(current.childId);
    return ctx.repos.screenings.update(id, buildRecord(ctx, child, fields), ctx.clock.now());
  },
  'screenings.delete': (ctx, input) => {
    const screening = ctx.repos.screenings.get(input.id);
    ctx.repos.screenings.delete(input.id);
    return screening;
  },
} satisfies DomainHandlers<typeof screeningsContract>;
