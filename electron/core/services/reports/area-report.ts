import { AppError } from '../../../../shared/errors.js';
import type { AreaReportInput, AreaReportSnapshot } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';

// Placeholder while the report is built (issue 13): replaced before the issue is resolved.
export function areaReport(_ctx: CallContext, _input: AreaReportInput): AreaReportSnapshot {
  throw new AppError('CONFLICT', 'This report is not available yet.');
}
