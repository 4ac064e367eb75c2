import type { z } from 'zod';
import { AppError, validationError } from '../../../../shared/errors.js';
import { reportSnapshotVersion, type AreaReportSnapshot, type areaReportInputSchema } from '../../../../shared/schemas/reports.js';
import type { Setting, SettingType } from '../../../../shared/schemas/settings.js';
import { callerReach, inReach } from '../../api/access.js';
import type { CallContext } from '../../context.js';
import type { Scope } from '../../db/repos/cohort.js';
import { cohortReportFigures, targetFigures, type ReportScope } from './figures.js';
import { reportPeriod } from './period.js';

// An area report: a setting report's figures across a set of settings, with a row per setting.
// The contract cannot check an area's reach (it names no one setting), so this checks every
// setting the report covers against the caller's reach before counting anything.

type AreaInput = z.output<typeof areaReportInputSchema>;

/** The kinds of setting in the plural, for a scope in words ("Northshire, pre-schools"). */
const typePlurals: Record<SettingType, string> = {
  nursery: 'nurseries',
  'pre-school': 'pre-schools',
  childminder: 'childminders',
  'school-nursery': 'school nurseries',
  'childrens-centre': 'children’s centres',
};

interface Covered {
  settings: Setting[];
  cohort: Scope;
  scopeLabel: string;
}

/** The settings the report covers: the chosen ones (each found, open and within reach), or every open one the caller reaches, narrowed. */
function coveredSettings(ctx: CallContext, scope: AreaInput['scope']): Covered {
  const reach = callerReach(ctx, ctx.session);
  if (scope.settingIds.length > 0) {
    const ids = [...new Set(scope.settingIds)];
    const missing = scope.settingIds.flatMap((id, i) => (ctx.repos.accounts.whereIs('setting', id) ? [] : [i]));
    if (missing.length > 0) {
      throw validationError(
        missing.map((i) => ({ path: ['scope', 'settingIds', i], message: 'There is no such setting: it may have been removed' })),
        'A setting chosen for the report does not exist. Nothing was done.',
      );
    }
    if (ids.some((id) => !inReach(reach, id))) throw new AppError('FORBIDDEN', 'The report includes a setting you do not work with. Nothing was done.');
    const settings = ids.map((id) => ctx.repos.settings.get(id));
    const archived = settings.find((s) => s.archivedAt);
    if (archived) throw new AppError('CONFLICT', `${archived.name} is archived, so it cannot be in an area report. Restore it or leave it out.`);
    settings.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    const label = settings.length === 1 ? (settings[0]?.name ?? '') : `${settings.length} chosen settings`;
    return { settings, cohort: { settingId: null, localAuthority: null, settingType: null, within: ids }, scopeLabel: label };
  }
  const settings = ctx.repos.settings.open(scope.localAuthority, scope.settingType).filter((s) => inReach(reach, s.id));
  const narrowed = [scope.localAuthority, scope.settingType && typePlurals[scope.settingType]].filter((p): p is string => !!p).join(', ');
  const named = narrowed.charAt(0).toUpperCase() + narrowed.slice(1);
  const every = reach.settings === 'all' ? 'Every setting' : 'Every setting you cover';
  const scopeLabel = narrowed === '' ? every : reach.settings === 'all' ? named : `${named} (the settings you cover)`;
  if (settings.length === 0) {
    const path = scope.localAuthority ? ['scope', 'localAuthority'] : scope.settingType ? ['scope', 'settingType'] : ['scope', 'settingIds'];
    throw validationError([{ path, message: `No open setting you work with matches: ${scopeLabel}` }]);
  }
  // Someone who reaches every setting asks the cohort queries for the whole area (their fast path);
  // anyone else for exactly the settings they reach.
  const cohort: Scope =
    reach.settings === 'all'
      ? { settingId: null, localAuthority: scope.localAuthority, settingType: scope.settingType, within: null }
      : { settingId: null, localAuthority: null, settingType: null, within: settings.map((s) => s.id) };
  return { settings, cohort, scopeLabel };
}

export function areaReport(ctx: CallContext, input: AreaInput): AreaReportSnapshot {
  const covered = coveredSettings(ctx, input.scope);
  const period = reportPeriod(ctx, input.period);
  const settingIds = covered.settings.map((s) => s.id);
  const scope: ReportScope = { cohort: covered.cohort, settingIds, suppressBelow: input.suppressBelow, initialsOnly: false };
  const targets = targetFigures(ctx, scope, period);
  const visits = ctx.repos.visits.heldBetween(settingIds, period.info.from, period.info.to);
  const figures = cohortReportFigures(ctx, scope, period, { targets: targets.total, visits });

  // The dashboard's settings table, for the round (or, with no round, the period's dates: on roll
  // counts over them and nothing was screened), narrowed to the settings covered.
  const window = period.round ?? { id: '', startDate: period.info.from, endDate: period.info.to };
  const chosen = new Set(settingIds);
  const narrowed = input.scope.settingIds.length === 0;
  const comparison = ctx.repos.cohort.settings(
    window,
    narrowed ? input.scope.localAuthority : null,
    narrowed ? input.scope.settingType : null,
    ctx.clock.today(),
  );
  const visitsBySetting = new Map<string, number>();
  for (const v of visits) visitsBySetting.set(v.settingId, (visitsBySetting.get(v.settingId) ?? 0) + 1);
  const settings = comparison.rows
    .filter((r) => chosen.has(r.settingId))
    .map((r) => {
      const t = targets.bySetting.get(r.settingId);
      return {
        ...r,
        screened: r.total,
        onTargets: t?.onTargets ?? 0,
        targetsMet: t?.targetsMet ?? 0,
        targetsClosed: t?.targetsClosed ?? 0,
        visitsHeld: visitsBySetting.get(r.settingId) ?? 0,
      };
    });
  return {
    version: reportSnapshotVersion,
    kind: 'area',
    scopeLabel: covered.scopeLabel,
    settingIds,
    suppressBelow: input.suppressBelow,
    figures,
    settings,
    narrative: input.narrative,
  };
}
