import type { BenchCall, CallContext } from './calls.js';

// The targets-and-visits calls the benchmark times (issue 12), each beside a hand-written
// one-statement lower bound giving the same figures. A call whose answer is a whole screen (the
// visit agenda, the work lists, "My visits") is compared by what its screen counts, block by block:
// the lower bound computes those counts and nothing else, so it is a true floor.

type Row = Record<string, unknown>;
const n = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

interface MineSetting {
  settingId: string;
  lastHeldDate: string | null;
  plannedDate: string | null;
  openActions: unknown[];
}

/** "My visits" for the bench's SLT assistant (30 settings): each setting's last and next visit and its open actions. */
function myVisits(name: string, accountId: string): BenchCall {
  const shape = (rows: { settingId: string; lastHeldDate: string | null; plannedDate: string | null; openActions: number }[]) =>
    [...rows].sort((a, b) => (a.settingId < b.settingId ? -1 : a.settingId > b.settingId ? 1 : 0));
  return {
    name,
    method: 'visits.mine',
    input: { accountId },
    lowerBoundSql: `SELECT s.id AS settingId,
        (SELECT v.held_date FROM visits v WHERE v.setting_id = s.id AND v.status = 'held' ORDER BY coalesce(v.held_date, v.planned_date) DESC LIMIT 1) AS lastHeldDate,
        (SELECT v.planned_date FROM visits v WHERE v.setting_id = s.id AND v.status = 'planned' ORDER BY coalesce(v.held_date, v.planned_date) LIMIT 1) AS plannedDate,
        (SELECT count(*) FROM visit_actions a JOIN visits v ON v.id = a.visit_id WHERE v.setting_id = s.id AND a.done_date IS NULL) AS openActions
      FROM account_settings x JOIN settings s ON s.id = x.setting_id
      WHERE x.account_id = @accountId AND s.archived_at IS NULL`,
    lowerBoundParams: { accountId },
    fromApi: (value) =>
      shape(
        (value as { settings: MineSetting[] }).settings.map((s) => ({
          settingId: s.settingId,
          lastHeldDate: s.lastHeldDate,
          plannedDate: s.plannedDate,
          openActions: s.openActions.length,
        })),
      ),
    fromLowerBound: (rows: Row[]) =>
      shape(
        rows.map((r) => ({
          settingId: String(r.settingId),
          lastHeldDate: text(r.lastHeldDate),
          plannedDate: text(r.plannedDate),
          openActions: n(r.openActions),
        })),
      ),
  };
}

/** What each block of the visit agenda lists, as counts: the agenda's screen, block by block. */
const agendaBlocks = ['targetsDue', 'overdueRescreens', 'redAmberWithoutTarget', 'referralPrompts', 'openActions', 'settingTargets'] as const;

/** The visit agenda for one setting (about 170 children) on the bench's today, with no visit planned. */
function visitAgenda(name: string, settingId: string, date: string): BenchCall {
  const onRoll = `c.setting_id = @settingId AND c.archived_at IS NULL`;
  return {
    name,
    method: 'visits.agenda',
    input: { settingId, date },
    lowerBoundSql: `SELECT
        (SELECT count(*) FROM child_targets t JOIN children c ON c.id = t.child_id
          WHERE ${onRoll} AND t.status = 'active' AND t.review_date <= @date) AS targetsDue,
        (SELECT count(*) FROM children c WHERE ${onRoll} AND c.latest_review_date < @date) AS overdueRescreens,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id
          WHERE ${onRoll} AND ls.colour IN ('red', 'amber')
            AND NOT EXISTS (SELECT 1 FROM child_targets t WHERE t.child_id = c.id AND t.status = 'active')) AS redAmberWithoutTarget,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id WHERE ${onRoll} AND ls.referral_prompted = 1) AS referralPrompts,
        (SELECT count(*) FROM visit_actions a JOIN visits v ON v.id = a.visit_id WHERE v.setting_id = @settingId AND a.done_date IS NULL) AS openActions,
        (SELECT count(*) FROM setting_targets st WHERE st.setting_id = @settingId AND st.status IN ('planned', 'in-progress')) AS settingTargets`,
    lowerBoundParams: { settingId, date },
    fromApi: (value) => Object.fromEntries(agendaBlocks.map((b) => [b, ((value as Record<string, unknown[]>)[b] ?? []).length])),
    fromLowerBound: (rows: Row[]) => Object.fromEntries(agendaBlocks.map((b) => [b, n(rows[0]?.[b])])),
  };
}

/** The calls, in the order the report lists them. */
export function cycleCalls(ctx: CallContext): BenchCall[] {
  return [visitAgenda('visits.agenda.setting', ctx.settingId, ctx.today), myVisits('visits.mine.assistant30', ctx.assistantAccountId)];
}
