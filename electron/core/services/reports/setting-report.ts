import type { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import { reportSnapshotVersion, type SettingReportSnapshot, type settingReportInputSchema } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';
import { cohortReportFigures, initialsOf } from './figures.js';
import { reportPeriod } from './period.js';

// A setting's progress report for a round or a date range: what the preview shows and what
// producing it stores. The registry has already checked the caller may produce reports and
// reaches the setting.

export function settingReport(ctx: CallContext, input: z.output<typeof settingReportInputSchema>): SettingReportSnapshot {
  const setting = ctx.repos.settings.get(input.settingId);
  if (setting.archivedAt) {
    throw new AppError('CONFLICT', `${setting.name} is archived, so it has no progress report. Restore the setting first. Nothing was saved.`);
  }
  const period = reportPeriod(ctx, input.period);
  const scope = {
    cohort: { settingId: setting.id, localAuthority: null, settingType: null },
    settingIds: [setting.id],
    suppressBelow: 0,
    initialsOnly: input.initialsOnly,
  };
  const figures = cohortReportFigures(ctx, scope, period);
  // Names become initials here, before the snapshot is stored: a report produced with initials
  // only never holds a child's full name.
  const childrenOnTargets = ctx.repos.targets.childrenOnTargets(setting.id, period.info.from, period.info.to).map((c) => ({
    childId: c.childId,
    name: input.initialsOnly ? initialsOf(c.firstName, c.lastName) : `${c.firstName} ${c.lastName}`,
    active: c.active,
    closed: c.closed,
    met: c.met,
  }));
  return {
    version: reportSnapshotVersion,
    kind: 'setting',
    setting: { id: setting.id, name: setting.name, type: setting.type, localAuthority: setting.localAuthority },
    initialsOnly: input.initialsOnly,
    figures,
    childrenOnTargets,
    narrative: input.narrative,
  };
}
