import { AppError } from '../../../../shared/errors.js';
import type { SettingReportInput, SettingReportSnapshot } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';

// Placeholder while the report is built (issue 13): replaced before the issue is resolved.
export function settingReport(_ctx: CallContext, _input: SettingReportInput): SettingReportSnapshot {
  throw new AppError('CONFLICT', 'This report is not available yet.');
}
