import { plural } from '../../../shared/domain/words.js';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  colourKeys,
  cohortGroupings,
  type CohortGrouping,
  type CohortScope,
  type SettingsComparison as ComparisonData,
  targetFigures,
  type TargetFigure,
} from '../../../shared/schemas/cohort.js';
import type { Round } from '../../../shared/schemas/rounds.js';
import { settingTypeLabels, settingTypes, type SettingType } from '../../../shared/schemas/settings.js';
import { ColourTag } from '../../components/ColourTag.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { optionsFrom } from '../../components/fields.js';
import { FilterSelect } from '../../components/filters.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { downloadFile } from '../../lib/exportTable.js';
import { formatUkDate } from '../../lib/format.js';
import { sortRows, useSort } from '../../lib/sorting.js';
import { useApi } from '../../lib/useApi.js';
import { useSession } from '../../lib/session.js';
import { useSetting } from '../settings/SettingLayout.js';
import { CohortDashboard } from './CohortDashboard.js';
import { LaTrackerButton } from './LaTrackerButton.js';
import { pct } from './RagTable.js';
import { colourWords, groupingPhrase } from './words.js';
import { useUrlParams } from '../../lib/useUrlParams.js';
import { rollLabels } from '../../../shared/domain/roll.js';

export function SettingCohortPage() {
  const api = useApiClient();
  const { setting } = useSetting();
  const { may } = useSession();
  const [error, setError] = useState<string>();
  async function downloadTracker() {
    setError(undefined);
    try {
      downloadFile(await api('export.tracker', { settingId: setting.id, format: 'xlsx' }));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The tracker could not be made');
    }
  }
  return (
    <>
      <div className="page-heading">
        <h1>Cohort tracking</h1>
        {may('data:export') && (
          <button type="button" className="button button--secondary" onClick={downloadTracker}>
            Download tracker (Excel, a sheet per round)
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <CohortDashboard scope={{ settingId: setting.id }} base={`/s/${setting.id}/cohort`} allowSettingGroup={false} />
    </>
  );
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

/** Many settings at once (an SLT assistant's or a local authority's view). */
export function AreaCohortPage() {
  const [params, update] = useUrlParams();
  const localAuthority = params.get('la') || null;
  const settingType = oneOf<SettingType>(params.get('type'), settingTypes);
  const scope: CohortScope = { settingId: null, localAuthority, settingType };
  const settings = useApi('settings.list', {});
  // Champions and SLT assistants reach only their own settings (electron/core/api/access.ts,
  // reachOf): the core answers "every setting" for them as every one of theirs.
  const { may } = useSession();
  const authorities = [...new Set((settings.data ?? []).map((s) => s.localAuthority).filter(Boolean))].sort();

  return (
    <>
      <div className="page-heading">
        <h1>All settings dashboard</h1>
        {/* The tracker is an export of every child's record: managers only (data:export). */}
        <div className="button-row button-row--tight">
          {may('reports:produce') && (
            <Link className="button button--secondary" to="/reports">
              Area progress report
            </Link>
          )}
          {may('data:export') && <LaTrackerButton localAuthority={localAuthority} settingType={settingType} />}
        </div>
      </div>
      <div className="filters" role="group" aria-label="Which settings">
        <FilterSelect
          id="area-la"
          label="Local authority"
          value={localAuthority ?? ''}
          anyLabel="All"
          options={authorities.map((a) => ({ value: a, label: a }))}
          onChange={(v) => update({ la: v })}
        />
        <FilterSelect
          id="area-type"
          label="Type of setting"
          value={settingType ?? ''}
          anyLabel="All types"
          options={optionsFrom(settingTypeLabels)}
          onChange={(v) => update({ type: v })}
        />
      </div>
      {/* The round chosen in the dashboard's options, above, is the one the comparison shows. */}
      <CohortDashboard
        scope={scope}
        base="/cohort"
        allowSettingGroup
        top={(round) => <SettingsComparison round={round} localAuthority={localAuthority} settingType={settingType} />}
      />
    </>
  );
}

type ComparisonSort =
  'settingName' | 'localAuthority' | 'childrenOnRoll' | 'childrenOnRollToday' | 'total' | 'redPct' | 'amberPct' | 'greenPct' | 'incomplete' | 'overdue';
// Every column sorts; the colours by their share of the setting's children, not the raw count.
// The on-roll columns carry the round's name, worded as on the headline cards (rollLabels), so
// the table and the cards beside it are plainly the same figures.
const comparisonColumns = (roundName: string) =>
  (
    [
      ['Setting', 'settingName'],
      ['Local authority', 'localAuthority'],
      [capitalise(rollLabels.during(roundName)), 'childrenOnRoll'],
      [capitalise(rollLabels.today), 'childrenOnRollToday'],
      ['Screened in the round', 'total'],
      ['Red', 'redPct'],
      ['Amber', 'amberPct'],
      ['Green', 'greenPct'],
      ['Stopped early (incomplete)', 'incomplete'],
      ['Overdue', 'overdue'],
    ] as const
  ).map(([label, sortKey]) => ({ label, sortKey }));

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function SettingsComparison({ round, localAuthority, settingType }: { round: Round; localAuthority: string | null; settingType: SettingType | null }) {
  const comparison = useApi('cohort.settings', { roundId: round.id, localAuthority, settingType });
  return (
    <WhenLoaded results={[comparison]} loading={null}>
      {(data) => <ComparisonTable round={round} comparison={data} />}
    </WhenLoaded>
  );
}

function ComparisonTable({ round, comparison }: { round: Round; comparison: ComparisonData }) {
  const { sort, direction, onSort } = useSort<ComparisonSort>('settingName');
  const value = (r: ComparisonData['rows'][number]): string | number =>
    sort === 'redPct' ? pct(r.red, r.total) : sort === 'amberPct' ? pct(r.amber, r.total) : sort === 'greenPct' ? pct(r.green, r.total) : r[sort];
  const rows = sortRows(comparison.rows, value, direction, (r) => r.settingName);
  const t = comparison.total;
  return (
    <section className="panel cohort-panel" aria-labelledby="comparison-title">
      <h2 id="comparison-title">Setting by setting, {round.name}</h2>
      <table className="table">
        <caption className="table-caption">Red, Amber and Green in each setting, {round.name}</caption>
        <SortableHead columns={comparisonColumns(round.name)} sort={sort} direction={direction} onSort={onSort} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.settingId}>
              <th scope="row">
                <Link to={`/s/${r.settingId}/cohort?round=${round.id}`}>{r.settingName}</Link>
              </th>
              <td>{r.localAuthority || '–'}</td>
              <td className="numeric">{r.childrenOnRoll}</td>
              <td className="numeric">{r.childrenOnRollToday}</td>
              <td className="numeric">
                {r.total} <span className="pct">({pct(r.total, r.childrenOnRoll)}%)</span>
              </td>
              {(['red', 'amber', 'green'] as const).map((c) => (
                <td key={c} className="numeric">
                  {r[c] > 0 ? <Link to={`/s/${r.settingId}/cohort/children?round=${round.id}&colour=${c}`}>{r[c]}</Link> : 0}{' '}
                  <span className="pct">({pct(r[c], r.total)}%)</span>
                </td>
              ))}
              <td className="numeric">{r.incomplete}</td>
              <td className="numeric">{r.overdue > 0 ? <Link to={`/s/${r.settingId}/cohort/children?overdue=1`}>{r.overdue}</Link> : 0}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All {rows.length} settings</th>
            <td />
            <td className="numeric">{t.childrenOnRoll}</td>
            <td className="numeric">{t.childrenOnRollToday}</td>
            <td className="numeric">
              {t.total} <span className="pct">({pct(t.total, t.childrenOnRoll)}%)</span>
            </td>
            <td className="numeric">
              {t.red} <span className="pct">({pct(t.red, t.total)}%)</span>
            </td>
            <td className="numeric">
              {t.amber} <span className="pct">({pct(t.amber, t.total)}%)</span>
            </td>
            <td className="numeric">
              {t.green} <span className="pct">({pct(t.green, t.total)}%)</span>
            </td>
            <td className="numeric">{t.incomplete}</td>
            <td className="numeric">{t.overdue}</td>
          </tr>
        </tfoot>
      </table>
      <ExportButtons
        label="the settings table"
        table={() => ({
          title: `${round.name} by setting`,
          columns: [
            'Setting',
            'Local authority',
            'Type',
            `On roll at any time in ${round.name}`,
            'On roll today',
            'Screened',
            'Red',
            'Amber',
            'Green',
            'Stopped early (incomplete)',
            'Overdue',
          ],
          rows: [
            ...rows.map((r) => [
              r.settingName,
              r.localAuthority,
              settingTypeLabels[r.settingType],
              r.childrenOnRoll,
              r.childrenOnRollToday,
              r.total,
              r.red,
              r.amber,
              r.green,
              r.incomplete,
              r.overdue,
            ]),
            ['All settings', null, null, t.childrenOnRoll, t.childrenOnRollToday, t.total, t.red, t.amber, t.green, t.incomplete, t.overdue],
          ],
        })}
      />
    </section>
  );
}

export function SettingCohortChildrenPage() {
  return <CohortChildrenPage settingId={useSetting().setting.id} />;
}

export function AreaCohortChildrenPage() {
  return <CohortChildrenPage settingId={null} />;
}

const targetWords: Record<TargetFigure, (round: string) => string> = {
  on: (round) => `on roll in ${round} with a target active in it`,
  closed: (round) => `with a target closed by a review in ${round}`,
  met: (round) => `with a target met (closed as achieved) in ${round}`,
};

/** The children behind a number on a dashboard, described in words above the list. */
function CohortChildrenPage({ settingId }: { settingId: string | null }) {
  const [params] = useSearchParams();
  const rounds = useApi('rounds.list', {});
  const groupBy = oneOf<CohortGrouping>(params.get('group'), cohortGroupings);
  const colour = oneOf(params.get('colour'), colourKeys);
  const fromColour = oneOf(params.get('fromColour'), colourKeys);
  const behindText = params.get('behind');
  const sectionsBehind = behindText === null ? null : Number(behindText);
  const localAuthority = params.get('la') || null;
  const settingType = oneOf<SettingType>(params.get('type'), settingTypes);
  const scope: CohortScope = { settingId, localAuthority, settingType };
  const input = {
    scope,
    roundId: params.get('round'),
    groupBy,
    groupKey: groupBy ? params.get('key') : null,
    colour,
    sectionsBehind: sectionsBehind !== null && Number.isInteger(sectionsBehind) ? sectionsBehind : null,
    fromRoundId: params.get('from'),
    fromColour,
    overdue: params.get('overdue') === '1',
    notScreened: params.get('notScreened') === '1',
    targets: oneOf(params.get('targets'), targetFigures),
    limit: 1000,
  };
  const children = useApi('cohort.children', input);
  const round = rounds.data?.find((r) => r.id === input.roundId);
  const fromRound = rounds.data?.find((r) => r.id === input.fromRoundId);
  const back = settingId ? `/s/${settingId}/cohort` : '/cohort';
  const backParams = new URLSearchParams();
  if (round) backParams.set('round', round.id);
  if (localAuthority) backParams.set('la', localAuthority);
  if (settingType) backParams.set('type', settingType);

  const words: string[] = [];
  if (input.overdue) words.push('whose re-screen is overdue');
  if (input.notScreened && round) words.push(`on roll in ${round.name} but not screened`);
  if (input.targets && round) words.push(targetWords[input.targets](round.name));
  if (input.targets) {
    // The figure's own words say which round; a colour or "screened" does not apply.
  } else if (colour && !input.notScreened) words.push(`with a ${colourWords[colour]} result${round ? ` in ${round.name}` : ''}`);
  else if (round && !input.notScreened) words.push(`screened in ${round.name}`);
  if (fromRound && fromColour) words.push(`after a ${colourWords[fromColour]} result in ${fromRound.name}`);
  // The dashboard passes the group's label along with its key (a room's name, not its id).
  if (groupBy && input.groupKey !== null) words.push(`${groupingPhrase[groupBy]}: ${params.get('label') ?? input.groupKey}`);
  if (input.sectionsBehind !== null)
    words.push(
      input.sectionsBehind === -1
        ? 'below every section tried'
        : input.sectionsBehind === 0
          ? 'working in line with age'
          : `${input.sectionsBehind}${input.sectionsBehind === 3 ? ' or more' : ''} sections behind`,
    );
  const description = words.join(', ');

  return (
    <>
      <p className="breadcrumb">
        <Link to={`${back}?${backParams.toString()}`}>Back to cohort tracking</Link>
      </p>
      <h1>Children {description}</h1>
      <WhenLoaded results={[children]} loading={null}>
        {(found) => (
          <>
            <p className="result-count">
              {plural(found.total, 'child', 'children')}
              {found.total > found.rows.length ? ` (first ${found.rows.length} shown)` : ''}
            </p>
            <table className="table">
              <caption className="visually-hidden">Children {description}</caption>
              <thead>
                <tr>
                  <th scope="col">Child</th>
                  {!settingId && <th scope="col">Setting</th>}
                  <th scope="col">Screened</th>
                  <th scope="col">Result</th>
                  <th scope="col">Working at</th>
                  <th scope="col">Review due</th>
                </tr>
              </thead>
              <tbody>
                {found.rows.map((c) => (
                  <tr key={c.childId}>
                    <td>
                      <Link to={`/s/${c.settingId}/children/${c.childId}`}>
                        {c.lastName}, {c.firstName}
                      </Link>
                    </td>
                    {!settingId && <td>{c.settingName}</td>}
                    <td>{c.screeningDate ? formatUkDate(c.screeningDate) : <span className="muted">Not screened</span>}</td>
                    <td>{c.colour ? <ColourTag colour={c.colour} /> : '–'}</td>
                    <td>
                      {c.ageSection === null ? '–' : c.workingAtSection === null ? 'Below all tried' : `Section ${c.workingAtSection}`}
                      {c.ageSection !== null && <span className="muted"> (age section {c.ageSection})</span>}
                    </td>
                    <td>{c.reviewDate ? formatUkDate(c.reviewDate) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ExportButtons
              label="this list"
              table={() => ({
                title: `Children ${description}`.slice(0, 100),
                columns: ['Last name', 'First name', 'Setting', 'Screened', 'Result', 'Age section', 'Working at', 'Review due'],
                rows: found.rows.map((c) => [
                  c.lastName,
                  c.firstName,
                  c.settingName,
                  c.screeningDate ? formatUkDate(c.screeningDate) : null,
                  c.colour ? colourWords[c.colour] : null,
                  c.ageSection,
                  c.workingAtSection,
                  c.reviewDate ? formatUkDate(c.reviewDate) : null,
                ]),
              })}
            />
          </>
        )}
      </WhenLoaded>
    </>
  );
}
