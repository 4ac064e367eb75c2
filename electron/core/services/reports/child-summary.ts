import { AppError } from '../../../../shared/errors.js';
import type { ChildSummaryInput, ChildSummarySnapshot } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';

// Placeholder while the report is built (issue 13): replaced before the issue is resolved.
export function childSummary(_ctx: CallContext, _input: ChildSummaryInput): ChildSummarySnapshot {
  throw new AppError('CONFLICT', 'This report is not available yet.');
}
