import { Link } from 'react-router';
import type { Round } from '../../../shared/schemas/rounds.js';
import type { SettingSummary } from '../../../shared/schemas/settings.js';
import { useToday } from '../../lib/appState.js';
import { useApi } from '../../lib/useApi.js';
import { useSession } from '../../lib/session.js';
import { defaultRound } from '../cohort/CohortDashboard.js';
import type { WorkListName } from './WorkListPage.js';

/** The round today falls in; failing that, the one the dashboards open on. */
export function currentRound(rounds: Round[], today: string): Round | undefined {
  return rounds.find((r) => r.startDate <= today && today <= r.endDate) ?? defaultRound(rounds);
}

/**
 * The work waiting in a setting, first thing on its overview (the champion's work lists): target
 * reviews due this week, re-screens overdue and due in the next 4 weeks (the children list's own
 * filters, counted by the same query), open visit actions, Red or Amber children with no active
 * target, and children not yet screened this round. Each number opens the list behind it; the
 * work lists come in one answer whose lists are what the numbers count.
 */
export function WhatIsDue({ setting }: { setting: SettingSummary }) {
  const today = useToday();
  const lists = useApi('settings.workLists', { settingId: setting.id });
  const work = lists.data;
  // Rounds and their counts are cohort figures: a practitioner (no cohort:read) sees the re-screens only.
  const { may } = useSession();
  const rounds = useApi('rounds.list', may('cohort:read') ? {} : null);
  const round = rounds.data ? currentRound(rounds.data, today) : undefined;
  const overview = useApi('cohort.overview', round ? { scope: { settingId: setting.id }, roundId: round.id } : null);
  const children = `/s/${setting.id}/children`;
  const workList = (list: WorkListName) => `/s/${setting.id}/work-lists/${list}`;

  const items = [
    { n: work?.targetReviewsDue.length, label: 'target reviews due this week', to: workList('reviews-due') },
    { n: work?.rescreensOverdue, label: 're-screens overdue', to: `${children}?overdue=1` },
    { n: work?.rescreensDueSoon, label: 're-screens due in the next 4 weeks', to: `${children}?dueSoon=1` },
    ...(work?.openVisitActions ? [{ n: work.openVisitActions.length, label: 'open actions from visits', to: workList('actions') }] : []),
    { n: work?.redAmberWithoutTarget.length, label: 'Red or Amber children with no active target', to: workList('red-amber') },
    ...(round
      ? [
          {
            n: overview.data?.notScreened,
            label: `children not yet screened in ${round.name}`,
            // Everyone on roll at any time in the round, leavers too, as the count has them.
            to: `${children}?notScreened=${round.id}&status=all`,
          },
        ]
      : []),
  ];
  const error = lists.error ?? rounds.error ?? overview.error;
  return (
    <section className="panel" aria-labelledby="what-is-due">
      <h2 id="what-is-due">What is due</h2>
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <div className="cards">
        {items.map((item) => (
          <Link key={item.label} className="card" to={item.to}>
            <span className="card__number">{item.n ?? '…'}</span>
            <span className="card__label">{item.label}</span>
          </Link>
        ))}
      </div>
      {rounds.data && !round && (
        <p>
          <Link to="/rounds">Add the terms you screen in</Link> to see who is not yet screened this round.
        </p>
      )}
    </section>
  );
}
