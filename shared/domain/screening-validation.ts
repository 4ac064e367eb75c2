// Checks on what an administrator or a screener entered, before anything is worked out from it:
// cut-offs that make sense for a section, and section results that follow the drop-back rules.
// Each problem names its field, so forms show it beside that field and the API returns it.

import { type InstrumentSection, type SectionResult, type ColourResolution, type ValidationIssue, findSection, resolveSectionColour } from './screening.js';

function isWholeNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

// Both cut-offs or neither: with only one, some scores would have no colour, and a half-entered
// score guide is more likely a slip than a decision.
/** A problem with one field of a section's cut-offs, so a form can show it beside that field. */
export interface CutOffProblem {
  field: 'itemCount' | 'lowestGreen' | 'lowestAmber';
  message: string;
}

export function validateCutOffs(section: InstrumentSection): CutOffProblem[] {
  const name = `Section ${section.section}`;
  const problems: CutOffProblem[] = [];
  const { itemCount, lowestGreen, lowestAmber } = section;

  if (!Number.isInteger(itemCount) || itemCount < 1) {
    problems.push({ field: 'itemCount', message: `${name}: the number of items must be a whole number of at least 1.` });
  }
  if ((lowestGreen === null) !== (lowestAmber === null)) {
    problems.push({
      field: lowestGreen === null ? 'lowestGreen' : 'lowestAmber',
      message: `${name}: enter both the Green and the Amber cut-offs, or neither.`,
    });
  }
  const cutOffs: [string, 'lowestGreen' | 'lowestAmber', number | null][] = [
    ['Green', 'lowestGreen', lowestGreen],
    ['Amber', 'lowestAmber', lowestAmber],
  ];
  for (const [label, field, value] of cutOffs) {
    if (value === null) continue;
    if (!isWholeNumber(value)) {
      problems.push({ field, message: `${name}: the ${label} cut-off must be a whole number, 0 or more.` });
    } else if (Number.isInteger(itemCount) && value > itemCount) {
      problems.push({ field, message: `${name}: the ${label} cut-off (${value}) is more than the number of items (${itemCount}).` });
    }
  }
  // Equal cut-offs would leave no score that is Amber, so Amber must be strictly lower.
  if (lowestGreen !== null && lowestAmber !== null && lowestAmber >= lowestGreen) {
    problems.push({
      field: 'lowestAmber',
      message: `${name}: the Amber cut-off (${lowestAmber}) must be lower than the Green cut-off (${lowestGreen}).`,
    });
  }
  return problems;
}

function scoreIssues(result: SectionResult, section: InstrumentSection | undefined, index: number): ValidationIssue[] {
  const { score } = result;
  if (score === null) return [];
  const path = ['sections', index, 'score'];
  const name = `Section ${result.section}`;
  if (!Number.isInteger(score)) {
    return [{ path, message: `${name}: the score must be a whole number.` }];
  }
  if (score < 0) return [{ path, message: `${name}: the score cannot be negative.` }];
  if (section !== undefined && score > section.itemCount) {
    return [
      {
        path,
        message: `${name}: the score (${score}) is more than the number of items (${section.itemCount}).`,
      },
    ];
  }
  return [];
}

// A colour must be known for every section tried, because it decides whether to drop back and
// what the child is working at. A score alone is not enough until the cut-offs are entered.
function colourIssues(result: SectionResult, resolved: ColourResolution, index: number): ValidationIssue[] {
  if (resolved.colour !== null) return [];
  const path = ['sections', index, 'colour'];
  const name = `Section ${result.section}`;
  if (result.score === null) {
    return [{ path, message: `${name} needs a score or a colour.` }];
  }
  return [
    {
      path,
      message: `${name} needs a colour: no cut-offs are set for this section yet, so the colour cannot be worked out from the score.`,
    },
  ];
}

function orderIssue(results: readonly SectionResult[], resolved: readonly ColourResolution[], ageSection: number, index: number): ValidationIssue | null {
  const current = results[index];
  if (current === undefined) return null;
  const path = ['sections', index, 'section'];
  if (index === 0) {
    return current.section === ageSection
      ? null
      : {
          path,
          message: `Screening must start at section ${ageSection}, the section for the child's age, not section ${current.section}.`,
        };
  }
  const previous = results[index - 1];
  if (previous === undefined) return null;
  if (resolved[index - 1]?.colour === 'green') {
    return {
      path,
      message: `Section ${current.section} should not have been screened: section ${previous.section} was already Green.`,
    };
  }
  const expected = previous.section - 1;
  if (current.section !== expected) {
    return {
      path,
      message:
        expected >= 1
          ? `After section ${previous.section} the next section must be section ${expected} (sections cannot be skipped), not section ${current.section}.`
          : `Section ${current.section} cannot follow section ${previous.section}: there is no section below section ${previous.section}.`,
    };
  }
  return null;
}

/**
 * Checks the sections tried, in the order they were tried (the age section first). Paths point
 * into `sections`, like zod issues, so forms can show each message next to its field.
 */
export function validateSectionResults(
  sections: readonly InstrumentSection[],
  ageSection: number | null,
  results: readonly SectionResult[],
): ValidationIssue[] {
  if (ageSection === null) {
    return [
      {
        path: ['sections'],
        message: "The child's age is outside the age range of the screening sections.",
      },
    ];
  }
  if (results.length === 0) {
    return [{ path: ['sections'], message: `Enter the result for section ${ageSection} at least.` }];
  }

  const issues: ValidationIssue[] = [];
  const resolved = results.map((r) => resolveSectionColour(findSection(sections, r.section), r));
  const seen = new Set<number>();

  results.forEach((result, index) => {
    const section = findSection(sections, result.section);
    if (section === undefined) {
      issues.push({
        path: ['sections', index, 'section'],
        message: `Section ${result.section} is not one of the screening sections.`,
      });
    } else if (seen.has(result.section)) {
      // Reported instead of an order problem: "entered twice" says what actually went wrong.
      issues.push({
        path: ['sections', index, 'section'],
        message: `Section ${result.section} has been entered more than once.`,
      });
    } else {
      const order = orderIssue(results, resolved, ageSection, index);
      if (order) issues.push(order);
    }
    seen.add(result.section);
    issues.push(...scoreIssues(result, section, index));
    // An unknown section has already been reported; asking for its colour would only add noise.
    const resolution = resolved[index];
    if (section !== undefined && resolution) issues.push(...colourIssues(result, resolution, index));
  });
  return issues;
}
