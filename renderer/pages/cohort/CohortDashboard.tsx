import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { cohortGroupingLabels, cohortGroupings, type CohortGrouping, type CohortScope } from '../../../shared/schemas/cohort.js';
import { type Round } from '../../../shared/schemas/rounds.js';
import { ChartOrTable } from '../../components/ChartOrTable.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { optionsFrom, recordOptions } from '../../components/fields.js';
import { FilterSelect } from '../../components/filters.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApi } from '../../lib/useApi.js';
import { RagBarChart, TrendChart } from './charts.js';
import { pct, RagHead, RagTable, ragExportColumns, ragExportRows } from './RagTable.js';
import { useUrlParams } from '../../lib/useUrlParams.js';
import { groupingPhrase } from './words.js';
import { TargetsBlock } from './TargetsBlock.js';
import { rollLabels } from '../../../shared/domain/roll.js';

/** The drill-down link for a number: the same filters it was counted with. */
export type DrillHref = (filters: Record<string, string | null>) => string;

export function useDrillHref(base: string, scope: CohortScope): DrillHref {
  return (filters) => {
    const p = new URLSearchParams();
    if (scope.localAuthority) p.set('la', scope.localAuthority);
    if (scope.settingType) p.set('type', scope.settingType);
    // An empty key is a real group ("No room"), so only null leaves a filter out.
    for (const [k, v] of Object.entries(filters)) if (v !== null) p.set(k, v);
    return `${base}/children?${p.toString()}`;
  };
}

/** The round shown by default: the newest one with screenings in it. */
export function defaultRound(rounds: Round[]): Round | undefined {
  return [...rounds].reverse().find((r) => r.screeningCount > 0) ?? rounds[rounds.length - 1];
}

const suppressOptions = [
  { value: '0', label: 'Show all' },
  { value: '5', label: '5 children' },
  { value: '10', label: '10 children' },
];

function isGrouping(value: string | null): value is CohortGrouping {
  return cohortGroupings.includes(value as CohortGrouping);
}

/** Every view of one round for a scope (one setting, or many). Filters live in the URL. */
interface DashboardProps {
  scope: CohortScope;
  base: string;
  allowSettingGroup: boolean;
  /** Views of the chosen round shown first, under the options that control them. */
  top?: (round: Round) => ReactNode;
}

export function CohortDashboard(props: DashboardProps) {
  const rounds = useApi('rounds.list', {});
  return <WhenLoaded results={[rounds]}>{(list) => <RoundDashboard {...props} list={list} />}</WhenLoaded>;
}

function RoundDashboard({ scope, base, allowSettingGroup, top, list }: DashboardProps & { list: Round[] }) {
  const [params, update] = useUrlParams();
  const round = list.find((r) => r.id === params.get('round')) ?? defaultRound(list);
  const roundIndex = round ? list.indexOf(round) : -1;
  const fromRound = list.find((r) => r.id === params.get('from')) ?? (roundIndex > 0 ? list[roundIndex - 1] : undefined);
  const requested = params.get('group');
  const groupBy: CohortGrouping = isGrouping(requested) && (allowSettingGroup || requested !== 'setting') ? requested : 'sex';
  const suppress = Math.max(0, Math.min(100, Number(params.get('suppress') ?? 0) || 0));
  const drill = useDrillHref(base, scope);

  // For someone who covers some settings, the core answers "every setting" as every one of theirs.
  const totals = round ?? null;
  const roundInput = totals ? { scope, roundId: totals.id } : null;
  const overview = useApi('cohort.overview', roundInput);
  const byAge = useApi('cohort.breakdown', totals ? { scope, roundId: totals.id, groupBy: 'ageSection', suppressBelow: suppress } : null);
  const byGroup = useApi('cohort.breakdown', totals ? { scope, roundId: totals.id, groupBy, suppressBelow: suppress } : null);
  const workingAt = useApi('cohort.workingAt', roundInput);
  const trend = useApi('cohort.trend', { scope });
  const transitions = useApi('cohort.transitions', totals && fromRound ? { scope, fromRoundId: fromRound.id, toRoundId: totals.id } : null);

  if (!round) {
    return (
      <p>
        There are no screening rounds yet. <Link to="/rounds">Add the terms you screen in</Link> to see how children are doing.
      </p>
    );
  }
  const error = overview.error ?? byAge.error ?? byGroup.error ?? workingAt.error ?? trend.error ?? transitions.error;
  const roundName = round.name;

  return (
    <>
      <div className="filters" role="group" aria-label="Dashboard options">
        <FilterSelect id="cohort-round" label="Round" value={round.id} options={recordOptions(list)} onChange={(v) => update({ round: v, from: null })} />
        <FilterSelect
          id="cohort-group"
          label="Subgroup"
          value={groupBy}
          options={optionsFrom(cohortGroupingLabels).filter((g) => g.value !== 'ageSection' && (allowSettingGroup || g.value !== 'setting'))}
          onChange={(v) => update({ group: v })}
        />
        <FilterSelect
          id="cohort-suppress"
          label="Hide numbers for groups smaller than"
          value={String(suppress)}
          options={suppressOptions}
          onChange={(v) => update({ suppress: v === '0' ? null : v })}
        />
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}

      {top?.(round)}

      {overview.data && (
        <div className="cards" aria-label="Headline numbers">
          <div className="card">
            <span className="card__number">{overview.data.childrenOnRoll}</span>
            <span className="card__label">children {rollLabels.during(roundName)}</span>
          </div>
          <div className="card">
            <span className="card__number">{overview.data.childrenOnRollToday}</span>
            <span className="card__label">children {rollLabels.today}</span>
          </div>
          <Link className="card" to={drill({ round: round.id })}>
            <span className="card__number">{overview.data.screened}</span>
            <span className="card__label">
              screened in {roundName} ({pct(overview.data.screened, overview.data.childrenOnRoll)}%)
            </span>
          </Link>
          <Link className="card" to={drill({ round: round.id, notScreened: '1' })}>
            <span className="card__number">{overview.data.notScreened}</span>
            <span className="card__label">not screened in this round</span>
          </Link>
          <div className="card">
            <span className="card__number">{overview.data.incomplete}</span>
            <span className="card__label">screenings stopped early (incomplete)</span>
          </div>
          <Link className="card" to={drill({ overdue: '1' })}>
            <span className="card__number">{overview.data.overdue}</span>
            <span className="card__label">re-screens overdue today</span>
          </Link>
        </div>
      )}

      {byAge.data && (
        <ChartOrTable
          id="by-age"
          title="By age section"
          table={
            <RagTable
              caption={`Red, Amber and Green by age section, ${roundName}`}
              groupHeading="Age section"
              rows={byAge.data.rows}
              total={byAge.data.total}
              suppressBelow={suppress}
              href={(key, colour, label) => drill({ round: round.id, group: key === null ? null : 'ageSection', key, label, colour })}
            />
          }
          chart={<RagBarChart rows={byAge.data.rows} title={`Red, Amber and Green by age section, ${roundName}`} />}
          actions={
            <ExportButtons
              label="the age section table"
              table={() => ({
                title: `${roundName} by age section`,
                columns: ragExportColumns('Age section'),
                rows: ragExportRows(byAge.data?.rows ?? [], byAge.data?.total ?? { red: 0, amber: 0, green: 0, total: 0 }),
              })}
            />
          }
        />
      )}

      {byGroup.data && (
        <ChartOrTable
          id="by-group"
          title={`By ${groupingPhrase[groupBy]}`}
          table={
            <RagTable
              caption={`Red, Amber and Green by ${groupingPhrase[groupBy]}, ${roundName}, with each group's share of Green against everyone else's`}
              groupHeading={cohortGroupingLabels[groupBy]}
              rows={byGroup.data.rows}
              total={byGroup.data.total}
              suppressBelow={suppress}
              gap
              href={(key, colour, label) => drill({ round: round.id, group: key === null ? null : groupBy, key, label, colour })}
            />
          }
          chart={<RagBarChart rows={byGroup.data.rows} title={`Red, Amber and Green by ${groupingPhrase[groupBy]}, ${roundName}`} />}
          actions={
            <ExportButtons
              label={`the table by ${groupingPhrase[groupBy]}`}
              table={() => ({
                title: `${roundName} by ${groupingPhrase[groupBy]}`,
                columns: ragExportColumns(cohortGroupingLabels[groupBy], true),
                rows: ragExportRows(byGroup.data?.rows ?? [], byGroup.data?.total ?? { red: 0, amber: 0, green: 0, total: 0 }, true),
              })}
            />
          }
        />
      )}

      {round && <TargetsBlock scope={scope} round={round} groupBy={groupBy} suppress={suppress} drill={drill} />}

      {workingAt.data && (
        <section className="panel cohort-panel" aria-labelledby="working-at-title">
          <h2 id="working-at-title">Working-at level against age</h2>
          <table className="table">
            <caption className="table-caption">How many sections below their age section children are working, {roundName}</caption>
            <thead>
              <tr>
                <th scope="col">Age section</th>
                <th scope="col" className="numeric">
                  In line with age
                </th>
                <th scope="col" className="numeric">
                  1 behind
                </th>
                <th scope="col" className="numeric">
                  2 behind
                </th>
                <th scope="col" className="numeric">
                  3 or more behind
                </th>
                <th scope="col" className="numeric">
                  Below all sections tried
                </th>
                <th scope="col" className="numeric">
                  Children
                </th>
              </tr>
            </thead>
            <tbody>
              {workingAt.data.map((r) => (
                <tr key={r.ageSection}>
                  <th scope="row">Section {r.ageSection}</th>
                  {(
                    [
                      [r.onTrack, 0],
                      [r.oneBehind, 1],
                      [r.twoBehind, 2],
                      [r.threeOrMoreBehind, 3],
                      [r.belowAllTried, -1],
                    ] as const
                  ).map(([n, behind]) => (
                    <td key={behind} className="numeric">
                      {n > 0 ? (
                        <Link
                          to={drill({
                            round: round.id,
                            group: 'ageSection',
                            key: String(r.ageSection),
                            label: `Section ${r.ageSection}`,
                            behind: String(behind),
                          })}
                        >
                          {n}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  ))}
                  <td className="numeric">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ExportButtons
            label="the working-at table"
            table={() => ({
              title: `${roundName} working-at level`,
              columns: ['Age section', 'In line with age', '1 behind', '2 behind', '3 or more behind', 'Below all tried', 'Children'],
              rows: (workingAt.data ?? []).map((r) => [
                `Section ${r.ageSection}`,
                r.onTrack,
                r.oneBehind,
                r.twoBehind,
                r.threeOrMoreBehind,
                r.belowAllTried,
                r.total,
              ]),
            })}
          />
        </section>
      )}

      <section className="panel cohort-panel" aria-labelledby="progress-title">
        <h2 id="progress-title">Progress between rounds</h2>
        {list.length < 2 ? (
          <p>Progress needs two rounds.</p>
        ) : (
          <>
            <FilterSelect
              id="cohort-from"
              label={`Compare ${roundName} with`}
              width="medium"
              value={fromRound?.id ?? ''}
              options={recordOptions(list.filter((r) => r.id !== round.id))}
              onChange={(v) => update({ from: v })}
            />
            {transitions.data && fromRound && (
              <>
                <table className="table matrix">
                  <caption className="table-caption">
                    Children screened in both {fromRound.name} (rows) and {roundName} (columns)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{fromRound.name}</th>
                      <th scope="col">Red in {roundName}</th>
                      <th scope="col">Amber in {roundName}</th>
                      <th scope="col">Green in {roundName}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(['red', 'amber', 'green'] as const).map((from) => (
                      <tr key={from}>
                        <th scope="row">{from === 'red' ? 'Red' : from === 'amber' ? 'Amber' : 'Green'}</th>
                        {(['red', 'amber', 'green'] as const).map((to) => {
                          const n = transitions.data?.matrix[from][to] ?? 0;
                          return (
                            <td key={to}>{n > 0 ? <Link to={drill({ round: round.id, colour: to, from: fromRound.id, fromColour: from })}>{n}</Link> : 0}</td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>
                  Of {transitions.data.total} children screened in both: <strong>{transitions.data.improved} improved</strong> (
                  {pct(transitions.data.improved, transitions.data.total)}%), {transitions.data.same} stayed the same, {transitions.data.worse} got worse.
                </p>
                <ExportButtons
                  label="the progress table"
                  table={() => ({
                    title: `Progress ${fromRound.name} to ${roundName}`,
                    columns: [fromRound.name, `Red in ${roundName}`, `Amber in ${roundName}`, `Green in ${roundName}`],
                    rows: (['red', 'amber', 'green'] as const).map((f) => [
                      f === 'red' ? 'Red' : f === 'amber' ? 'Amber' : 'Green',
                      ...(['red', 'amber', 'green'] as const).map((t) => transitions.data?.matrix[f][t] ?? 0),
                    ]),
                  })}
                />
              </>
            )}
          </>
        )}
      </section>

      {trend.data && (
        <ChartOrTable
          id="trend"
          title="Trend over all rounds"
          table={
            <table className="table">
              <caption className="table-caption">Red, Amber and Green in each round</caption>
              <RagHead group="Round" />
              <tbody>
                {trend.data.map((r) => (
                  <tr key={r.roundId}>
                    <th scope="row">{r.name}</th>
                    {(['red', 'amber', 'green'] as const).map((c) => (
                      <td key={c} className="numeric">
                        {r[c] > 0 ? <Link to={drill({ round: r.roundId, colour: c })}>{r[c]}</Link> : 0} <span className="pct">({pct(r[c], r.total)}%)</span>
                      </td>
                    ))}
                    <td className="numeric">{r.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          chart={<TrendChart rows={trend.data} />}
          actions={
            <ExportButtons
              label="the trend table"
              table={() => ({
                title: 'Trend over rounds',
                columns: ['Round', 'Red', 'Amber', 'Green', 'Children'],
                rows: (trend.data ?? []).map((r) => [r.name, r.red, r.amber, r.green, r.total]),
              })}
            />
          }
        />
      )}
    </>
  );
}
