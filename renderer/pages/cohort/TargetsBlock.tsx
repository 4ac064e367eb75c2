import { Link } from 'react-router';
import type { Round } from '../../../shared/schemas/rounds.js';
import {
  cohortGroupingLabels,
  cohortTargetGroupings,
  type CohortGrouping,
  type CohortScope,
  type CohortTargetGrouping,
  type TargetCounts,
} from '../../../shared/schemas/cohort.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApi } from '../../lib/useApi.js';
import type { DrillHref } from './CohortDashboard.js';
import { groupingPhrase } from './words.js';

const pct = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 100)}%` : '–');

/**
 * "On targets" and "targets met" for a round, by the dashboard's subgroup (sex when the chosen
 * one comes from a screening, such as age section). What each figure counts is said on screen,
 * in the words of its one definition (shared/schemas/cohort.ts), and each number opens its children.
 */
export function TargetsBlock({
  scope,
  round,
  groupBy,
  suppress,
  drill,
}: {
  scope: CohortScope;
  round: Round;
  groupBy: CohortGrouping;
  suppress: number;
  drill: DrillHref;
}) {
  const grouping: CohortTargetGrouping = (cohortTargetGroupings as readonly string[]).includes(groupBy) ? (groupBy as CohortTargetGrouping) : 'sex';
  const figures = useApi('cohort.targets', { scope, roundId: round.id, groupBy: grouping, suppressBelow: suppress });
  const link = (n: number, targets: string, key: string | null, label: string | null) =>
    n > 0 ? <Link to={drill({ round: round.id, targets, group: key === null ? null : grouping, key, label })}>{n}</Link> : n;
  const cells = (c: TargetCounts, key: string | null, label: string | null) => (
    <>
      <td className="numeric">{c.onRoll}</td>
      <td className="numeric">
        {link(c.onTargets, 'on', key, label)} <span className="pct">({pct(c.onTargets, c.onRoll)})</span>
      </td>
      <td className="numeric">{link(c.targetsClosed, 'closed', key, label)}</td>
      <td className="numeric">
        {link(c.targetsMet, 'met', key, label)} <span className="pct">({pct(c.targetsMet, c.targetsClosed)})</span>
      </td>
    </>
  );
  return (
    <section className="panel cohort-panel targets-block" aria-labelledby="targets-title">
      <h2 id="targets-title">Targets, {round.name}</h2>
      <p>
        <strong>On targets</strong>: children on roll at any time in the round who had a target active at some point in it. <strong>Targets met</strong>:
        targets closed by a review in the round as achieved, out of all closed by a review in it (partly achieved and not achieved included; stopped targets are
        not counted).
      </p>
      <WhenLoaded results={[figures]} loading={null} errorClassName="error-text">
        {(data) => (
          <>
            <table className="table">
              <caption className="table-caption">
                Children on targets and targets met by {groupingPhrase[grouping]}, {round.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{cohortGroupingLabels[grouping]}</th>
                  <th scope="col" className="numeric">
                    On roll
                  </th>
                  <th scope="col" className="numeric">
                    On targets
                  </th>
                  <th scope="col" className="numeric">
                    Targets closed
                  </th>
                  <th scope="col" className="numeric">
                    Targets met
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {r.suppressed ? (
                      <td colSpan={4} className="muted">
                        Too few children to show
                      </td>
                    ) : (
                      cells(r, r.key, r.label)
                    )}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All children</th>
                  {cells(data.total, null, null)}
                </tr>
              </tfoot>
            </table>
            <ExportButtons
              label="the targets table"
              table={() => ({
                title: `Targets, ${round.name}`,
                columns: [cohortGroupingLabels[grouping], 'On roll', 'On targets', 'Targets closed', 'Targets met'],
                rows: [...data.rows, { ...data.total, label: 'All children', suppressed: false }].map((r) =>
                  r.suppressed ? [r.label, null, null, null, null] : [r.label, r.onRoll, r.onTargets, r.targetsClosed, r.targetsMet],
                ),
              })}
            />
          </>
        )}
      </WhenLoaded>
    </section>
  );
}
