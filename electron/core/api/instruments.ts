import type { instrumentsContract } from '../../../shared/contract/instruments.js';
import { findSection } from '../../../shared/domain/screening.js';
import { validateCutOffs } from '../../../shared/domain/screening-validation.js';
import { validationError, type FieldIssue } from '../../../shared/errors.js';
import type { DomainHandlers } from './types.js';

export const instrumentsHandlers = {
  'instruments.list': (ctx) => ctx.repos.instruments.list(),
  'instruments.get': (ctx, input) => ctx.repos.instruments.get(input.id),
  'instruments.copy': (ctx, input) => ctx.repos.instruments.copy(input.fromId, input.name, ctx.clock.now()),
  'instruments.update': (ctx, input) => {
    const instrument = ctx.repos.instruments.get(input.id);
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    input.sections.forEach((edit, index) => {
      if (seen.has(edit.section)) {
        issues.push({ path: ['sections', index, 'section'], message: `Section ${edit.section} appears more than once` });
        return;
      }
      seen.add(edit.section);
      const current = findSection(instrument.sections, edit.section);
      if (!current) {
        issues.push({ path: ['sections', index, 'section'], message: `Section ${edit.section} is not part of ${instrument.name}` });
        return;
      }
      for (const problem of validateCutOffs({ ...current, ...edit })) {
        issues.push({ path: ['sections', index, problem.field], message: problem.message });
      }
    });
    if (issues.length > 0) throw validationError(issues);
    return ctx.repos.instruments.update(input.id, input.name, input.sections, ctx.clock.now());
  },
  'instruments.setDefault': (ctx, input) => ctx.repos.instruments.setDefault(input.id, ctx.clock.now()),
} satisfies DomainHandlers<typeof instrumentsContract>;
