import { addDays, addMonths, compareIsoDates, formatUkDate, parseIsoDate } from '../../../shared/domain/dates.js';
import { validationError, type FieldIssue } from '../../../shared/errors.js';
import { retentionYearLimits, type RetentionDueChild, type RetentionPolicy, type RetentionRecordType } from '../../../shared/schemas/retention.js';
import type { CoreContext } from '../context.js';
import type { LeaverRow } from '../db/repos/retention.js';
import type { retentionContract } from '../../../shared/contract/retention.js';
import { actorOf } from './audit-trail.js';
import { removeFromBackups } from '../services/backups/purges.js';
import type { DomainHandlers } from './types.js';

// Retention (UK GDPR storage limitation): which leavers' records are past their policy, and
// deleting them after a person confirms. Decisions:
// - Only leavers (archived children) are ever due. The leave date is the child's leave date, or
//   the day they were archived if none was recorded.
// - Every leaver is held by the 'screening' policy (years after leaving). A leaver with SEND
//   (SEN support or EHCP) or any screening whose action was a referral is also held by the
//   'send' policy (until a given age). The later date wins: records are kept until no policy
//   needs them, and then the child and all their records go together (no partial purge).
// - Dates are anniversaries: leaving on 20/07/2023 with 3 years makes the records due on
//   20/07/2026. A 29 February anniversary in a common year falls on 1 March (the later day:
//   deleting a day late is better than a day early).

/** The same day `years` years on; 29 February moves to 1 March in common years. */
export function anniversary(iso: string, years: number): string {
  const moved = addMonths(iso, years * 12);
  return parseIsoDate(moved).day < parseIsoDate(iso).day ? addDays(moved, 1) : moved;
}

interface Decision {
  policy: RetentionRecordType;
  dueDate: string;
  leaveDate: string;
}

function decide(row: LeaverRow, policies: Map<RetentionRecordType, RetentionPolicy>): Decision {
  // Callers pass leavers only: every leaver has archived_at, most a leave date too.
  const leaveDate = row.leave_date ?? row.archived_at?.slice(0, 10);
  if (!leaveDate) throw new Error(`Retention asked about child ${row.id}, who has not left`);
  const screening = policies.get('screening');
  const send = policies.get('send');
  let best: Decision = { policy: 'screening', dueDate: anniversary(leaveDate, screening?.years ?? 3), leaveDate };
  if (row.send_stage !== 'none' || row.has_referral === 1) {
    const sendDue = send?.rule === 'years-after-leaving' ? anniversary(leaveDate, send.years) : anniversary(row.date_of_birth, send?.years ?? 25);
    if (compareIsoDates(sendDue, best.dueDate) > 0) best = { policy: 'send', dueDate: sendDue, leaveDate };
  }
  return best;
}

function toDue(row: LeaverRow, d: Decision, today: string): RetentionDueChild {
  return {
    childId: row.id,
    settingId: row.setting_id,
    settingName: row.setting_name,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    leaveDate: d.leaveDate,
    sendStage: row.send_stage,
    hasReferral: row.has_referral === 1,
    policy: d.policy,
    dueDate: d.dueDate,
    isDue: compareIsoDates(d.dueDate, today) <= 0,
    screenings: row.screenings,
  };
}

function policyMap(ctx: CoreContext): Map<RetentionRecordType, RetentionPolicy> {
  return new Map(ctx.repos.retention.policies().map((p) => [p.recordType, p]));
}

export const retentionHandlers = {
  'retention.policies': (ctx) => ctx.repos.retention.policies(),

  'retention.updatePolicy': (ctx, input) => {
    const repo = ctx.repos.retention;
    const current = repo.policy(input.recordType);
    const limits = retentionYearLimits[current.rule];
    if (input.years < limits.min || input.years > limits.max) {
      const what = current.rule === 'until-age' ? 'an age' : 'a number of years';
      throw validationError([{ path: ['years'], message: `Enter ${what} from ${limits.min} to ${limits.max}` }]);
    }
    return repo.updatePolicy(input.recordType, input.years, ctx.clock.now());
  },

  'retention.due': (ctx, input) => {
    if (input.settingId) ctx.repos.settings.get(input.settingId);
    const today = ctx.clock.today();
    const horizon = addDays(today, input.withinDays);
    const policies = policyMap(ctx);
    const children = ctx.repos.retention
      .leavers(input.settingId)
      .map((row) => toDue(row, decide(row, policies), today))
      .filter((c) => compareIsoDates(c.dueDate, horizon) <= 0)
      .sort((a, b) => compareIsoDates(a.dueDate, b.dueDate));
    return { today, children };
  },

  'retention.purge': (ctx, input) => {
    const repo = ctx.repos.retention;
    const today = ctx.clock.today();
    const policies = policyMap(ctx);
    const found = new Map(repo.childrenByIds(input.childIds).map((r) => [r.id, r]));
    const issues: FieldIssue[] = [];
    input.childIds.forEach((id, i) => {
      const row = found.get(id);
      if (!row) issues.push({ path: ['childIds', i], message: `No child has the id ${id}` });
      else if (!row.archived_at) issues.push({ path: ['childIds', i], message: `Child ${id} has not left: only leavers can be deleted` });
      else {
        const { dueDate } = decide(row, policies);
        if (compareIsoDates(dueDate, today) > 0) {
          issues.push({ path: ['childIds', i], message: `Child ${id} is not due for deletion until ${formatUkDate(dueDate)}` });
        }
      }
    });
    if (issues.length > 0) {
      throw validationError(issues, `${issues.length} of the ${input.childIds.length} children chosen cannot be deleted yet. Nothing was deleted.`);
    }
    const actor = actorOf(ctx.session);
    const audit = { at: ctx.clock.now(), actorStaffId: actor.actorStaffId, actorName: actor.actorName };
    // One transaction (the registry's): all of these children go, or none.
    const purged = [...found.values()].map((row) => repo.purgeChild(row.id, row.setting_id, audit));
    // Then out of every backup the app keeps, still inside the transaction: if a backup cannot be
    // rewritten the purge is refused as a whole, rather than leaving the children in a backup that
    // a restore would bring back. Rewritten backups stay rewritten: these children were due.
    removeFromBackups(
      ctx,
      purged.map((p) => ({ childId: p.childId, purgedAt: audit.at })),
    );
    return { purged };
  },
} satisfies DomainHandlers<typeof retentionContract>;
