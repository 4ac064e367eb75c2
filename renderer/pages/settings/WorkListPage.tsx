import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { foldForSearch } from '../../../shared/domain/search.js';
import type { Target } from '../../../shared/schemas/targets.js';
import type { WorkLists } from '../../../shared/schemas/settings.js';
import { ColourTag } from '../../components/ColourTag.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { sortRows, useSort } from '../../lib/sorting.js';
import { useApi } from '../../lib/useApi.js';
import { ActionList } from '../visits/VisitActionsSection.js';
import { useSetting } from './SettingLayout.js';

/** The work lists that open on a page of their own (re-screens open the children list, filtered). */
export const workListNames = ['reviews-due', 'actions', 'red-amber'] as const;
export type WorkListName = (typeof workListNames)[number];

const colourLabels = { red: 'Red', amber: 'Amber' } as const;

/** Rows whose words contain what was typed, ignoring case and accents (as the other lists search). */
function useSearch<T>(rows: readonly T[], words: (row: T) => string): { search: string; setSearch: (s: string) => void; found: T[] } {
  const [search, setSearch] = useState('');
  const wanted = foldForSearch(search.trim());
  return { search, setSearch, found: wanted ? rows.filter((r) => foldForSearch(words(r)).includes(wanted)) : [...rows] };
}

function SearchField({ id, value, onChange }: { id: string; value: string; onChange: (s: string) => void }) {
  return (
    <div role="search" className="filters screen-only" aria-label="Search this list">
      <div className="field">
        <label htmlFor={id}>Search</label>
        <input id={id} className="input input--medium" type="search" value={value} onChange={(e) => onChange(e.target.value)} />
      </div>
    </div>
  );
}

const headings: Record<WorkListName, string> = {
  'reviews-due': 'Target reviews due this week',
  actions: 'Open actions from visits',
  'red-amber': 'Red or Amber children with no active target',
};

/**
 * One of the setting's work lists: the rows the overview's number counted, from the same answer
 * (settings.workLists), so the list and its number always agree.
 */
export function WorkListPage() {
  const { setting } = useSetting();
  const { list } = useParams();
  const name = workListNames.find((n) => n === list) ?? 'reviews-due';
  const lists = useApi('settings.workLists', { settingId: setting.id });
  const today = useToday();
  return (
    <article className="work-list">
      <p className="screen-only">
        <Link to={`/s/${setting.id}`}>Back to the overview</Link>
      </p>
      <h1>{headings[name]}</h1>
      <p className="print-only">
        {setting.name}, printed {formatUkDate(today)}
      </p>
      <WhenLoaded results={[lists]}>{(work) => <ListBody name={name} work={work} settingId={setting.id} reload={lists.reload} />}</WhenLoaded>
    </article>
  );
}

function ListBody({ name, work, settingId, reload }: { name: WorkListName; work: WorkLists; settingId: string; reload: () => void }) {
  const { may } = useSession();
  switch (name) {
    case 'reviews-due':
      return (
        <>
          <p>Active targets whose review date is on or before Sunday {formatUkDate(work.reviewsDueBy)}, overdue ones first.</p>
          <ReviewsDue targets={work.targetReviewsDue} settingId={settingId} />
          {work.targetReviewsDue.length > 0 && (
            <ExportButtons
              label="this list"
              table={() => ({
                title: 'Target reviews due this week',
                columns: ['Child', 'Target', 'Review due', 'Started'],
                rows: work.targetReviewsDue.map((t) => [t.childName, t.aim, formatUkDate(t.reviewDate), formatUkDate(t.startDate)]),
              })}
            />
          )}
        </>
      );
    case 'actions':
      return work.openVisitActions ? (
        <ActionList actions={work.openVisitActions} canChange={may('visits:write')} onChange={reload} />
      ) : (
        <p>Your account does not show visits.</p>
      );
    case 'red-amber':
      return (
        <>
          <p>Children on roll whose latest screening is Red or Amber and who have no active target. Red first.</p>
          <RedAmber rows={work.redAmberWithoutTarget} settingId={settingId} />
          {work.redAmberWithoutTarget.length > 0 && (
            <ExportButtons
              label="this list"
              table={() => ({
                title: 'Red or Amber with no active target',
                columns: ['First name', 'Last name', 'Latest screening', 'Screened on'],
                rows: work.redAmberWithoutTarget.map((r) => [r.firstName, r.lastName, colourLabels[r.colour], formatUkDate(r.screeningDate)]),
              })}
            />
          )}
        </>
      );
  }
}

type ReviewSort = 'child' | 'aim' | 'reviewDate' | 'startDate';

function ReviewsDue({ targets, settingId }: { targets: Target[]; settingId: string }) {
  const { search, setSearch, found } = useSearch(targets, (t) => `${t.childName} ${t.aim}`);
  const { sort, direction, onSort } = useSort<ReviewSort>('reviewDate');
  if (targets.length === 0) return <p>No target reviews are due this week.</p>;
  const value = (t: Target) => (sort === 'child' ? t.childName : sort === 'aim' ? t.aim : sort === 'reviewDate' ? t.reviewDate : t.startDate);
  const rows = sortRows(found, value, direction, (t) => t.childName);
  return (
    <>
      <SearchField id="reviews-search" value={search} onChange={setSearch} />
      <table className="table">
        <caption className="visually-hidden">Target reviews due this week</caption>
        <SortableHead
          columns={[
            { label: 'Child', sortKey: 'child' },
            { label: 'Target', sortKey: 'aim' },
            { label: 'Review due', sortKey: 'reviewDate' },
            { label: 'Started', sortKey: 'startDate' },
          ]}
          sort={sort}
          direction={direction}
          onSort={onSort}
        />
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              <td>
                <Link to={`/s/${settingId}/children/${t.childId}`}>{t.childName}</Link>
              </td>
              <td>{t.aim}</td>
              <td>{formatUkDate(t.reviewDate)}</td>
              <td>{formatUkDate(t.startDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No target in this list matches the search.</p>}
    </>
  );
}

type RedAmberRow = WorkLists['redAmberWithoutTarget'][number];
type RedAmberSort = 'child' | 'colour' | 'screeningDate';

function RedAmber({ rows: all, settingId }: { rows: RedAmberRow[]; settingId: string }) {
  const name = (r: RedAmberRow) => `${r.lastName} ${r.firstName}`;
  const { search, setSearch, found } = useSearch(all, (r) => `${r.firstName} ${r.lastName}`);
  const { sort, direction, onSort } = useSort<RedAmberSort>('colour');
  if (all.length === 0) return <p>Every Red or Amber child on roll has an active target.</p>;
  // Red before Amber when sorted by colour, as the list first arrives.
  const value = (r: RedAmberRow) => (sort === 'child' ? name(r) : sort === 'colour' ? (r.colour === 'red' ? 0 : 1) : r.screeningDate);
  const rows = sortRows(found, value, direction, name);
  return (
    <>
      <SearchField id="red-amber-search" value={search} onChange={setSearch} />
      <table className="table">
        <caption className="visually-hidden">Red or Amber children with no active target</caption>
        <SortableHead
          columns={[
            { label: 'Child', sortKey: 'child' },
            { label: 'Latest screening', sortKey: 'colour' },
            { label: 'Screened on', sortKey: 'screeningDate' },
          ]}
          sort={sort}
          direction={direction}
          onSort={onSort}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.childId}>
              <td>
                <Link to={`/s/${settingId}/children/${r.childId}`}>
                  {r.firstName} {r.lastName}
                </Link>
              </td>
              <td>
                <ColourTag colour={r.colour} />
              </td>
              <td>{formatUkDate(r.screeningDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No child in this list matches the search.</p>}
    </>
  );
}
