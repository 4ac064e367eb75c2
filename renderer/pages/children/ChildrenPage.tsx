import { plural } from '../../../shared/domain/words.js';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { childSortKeys, sendStageLabels, sendStages, type ChildSortKey, type LatestScreening, type SendStage } from '../../../shared/schemas/children.js';
import { ColourTag } from '../../components/ColourTag.js';
import { ReviewDue } from '../screenings/ScreeningHistory.js';
import { optionsFrom, type Option } from '../../components/fields.js';
import { FilterCheckbox, FilterSelect } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useToday } from '../../lib/appState.js';
import { formatUkDate, shortAge } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { useApiClient } from '../../lib/apiClient.js';
import { allMatchingChildren, childrenTable, type ChildrenQuery } from './childrenExport.js';
import { useUrlParams } from '../../lib/useUrlParams.js';

const pageSize = 100;
const statuses = ['current', 'leavers', 'all'] as const;
type Status = (typeof statuses)[number];
type ColourFilter = 'red' | 'amber' | 'green' | 'none';

const childColumns: readonly { label: string; sortKey?: ChildSortKey }[] = [
  { label: 'Name', sortKey: 'name' },
  { label: 'Date of birth (age)', sortKey: 'dateOfBirth' },
  { label: 'Room', sortKey: 'room' },
  { label: 'Key person', sortKey: 'keyPerson' },
  { label: 'Needs' },
  { label: 'Latest screen' },
  { label: 'Working at' },
  { label: 'Review due', sortKey: 'reviewDate' },
];
const ealOptions = [
  { value: 'yes', label: 'EAL' },
  { value: 'no', label: 'Not EAL' },
] as const;
const statusOptions: readonly Option<Status>[] = [
  { value: 'current', label: 'Children on roll' },
  { value: 'leavers', label: 'Leavers' },
  { value: 'all', label: 'Everyone' },
];
const colourOptions: readonly Option<ColourFilter>[] = [
  { value: 'red', label: 'Red' },
  { value: 'amber', label: 'Amber' },
  { value: 'green', label: 'Green' },
  { value: 'none', label: 'Not screened' },
];

function LatestScreeningCells({ latest }: { latest: LatestScreening | null }) {
  if (!latest) {
    return (
      <>
        <td>
          <span className="muted">Not screened</span>
        </td>
        <td />
        <td />
      </>
    );
  }
  return (
    <>
      <td>
        <ColourTag colour={latest.colour} /> <span className="muted">{formatUkDate(latest.screeningDate)}</span>
        {latest.referralPrompted && <span className="tag tag--overdue">Referral</span>}
      </td>
      <td>
        {latest.workingAtSection === null ? 'Below all tried' : `Section ${latest.workingAtSection}`}
        <span className="muted"> (age section {latest.ageSection})</span>
      </td>
      <td>
        <ReviewDue date={latest.reviewDate} />
      </td>
    </>
  );
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The children list. Every filter lives in the URL, so Back, reload and a shared link keep the view. */
export function ChildrenPage() {
  const { setting } = useSetting();
  const api = useApiClient();
  const today = useToday();
  const [params, update, setParams] = useUrlParams();
  const search = params.get('q') ?? '';
  const roomId = params.get('room') || null;
  const keyPersonId = params.get('keyPerson') || null;
  const eal = params.get('eal') === 'yes' ? true : params.get('eal') === 'no' ? false : null;
  const sendStage: SendStage | null = oneOf<SendStage | ''>(params.get('send'), ['', ...sendStages], '') || null;
  const status = oneOf<Status>(params.get('status'), statuses, 'current');
  const sort = oneOf<ChildSortKey>(params.get('sort'), childSortKeys, 'name');
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const colour = oneOf<ColourFilter | ''>(params.get('colour'), ['', 'red', 'amber', 'green', 'none'], '') || null;
  const reviewOverdue = params.get('overdue') === '1';
  const reviewDueSoon = params.get('dueSoon') === '1';
  const referralPrompted = params.get('referral') === '1';
  const belowAge = params.get('below') === '1';
  const notScreenedInRound = params.get('notScreened') || null;

  const rooms = useApi('rooms.list', { settingId: setting.id, includeArchived: true });
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: true });
  const rounds = useApi('rounds.list', {});
  const query: ChildrenQuery = {
    settingId: setting.id,
    search,
    roomId,
    keyPersonId,
    eal,
    sendStage,
    status,
    colour,
    reviewOverdue,
    reviewDueSoon,
    referralPrompted,
    belowAge,
    notScreenedInRound,
    sort,
    direction,
  };
  const children = useApi('children.list', { ...query, limit: pageSize, offset: page * pageSize });

  // The box keeps what is typed and the URL follows a moment later: writing every keystroke to the
  // URL straight away re-renders mid-typing and can drop characters.
  // The URL only overrides the box when it changed from elsewhere (Back, "Clear filters").
  const [searchText, setSearchText] = useState(search);
  const pushed = useRef(search);
  useEffect(() => {
    if (search !== pushed.current) {
      pushed.current = search;
      setSearchText(search);
    }
  }, [search]);
  useEffect(() => {
    if (searchText === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = searchText;
      update({ q: searchText });
    }, 200);
    return () => clearTimeout(timer);
  });

  const onSort = (key: ChildSortKey, dir: 'asc' | 'desc') => update({ sort: key === 'name' ? null : key, dir: dir === 'asc' ? null : dir });
  const filtered = Boolean(
    search ||
    roomId ||
    keyPersonId ||
    eal !== null ||
    sendStage ||
    status !== 'current' ||
    colour ||
    reviewOverdue ||
    reviewDueSoon ||
    referralPrompted ||
    belowAge ||
    notScreenedInRound,
  );
  const total = children.data?.total ?? 0;

  return (
    <>
      <div className="page-heading">
        <h1>Children</h1>
        <Link className="button" to={`/s/${setting.id}/children/new`}>
          Add a child
        </Link>
      </div>
      <div role="search" className="filters" aria-label="Find children">
        <div className="field field--inline">
          <label htmlFor="child-search">Search by name</label>
          <input id="child-search" className="input input--medium" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        </div>
        <FilterSelect
          id="filter-room"
          label="Room"
          value={roomId ?? ''}
          anyLabel="All rooms"
          options={(rooms.data ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.archivedAt ? ' (archived)' : ''}` }))}
          onChange={(v) => update({ room: v })}
        />
        <FilterSelect
          id="filter-key-person"
          label="Key person"
          value={keyPersonId ?? ''}
          anyLabel="Anyone"
          options={(staff.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.archivedAt ? ' (left)' : ''}` }))}
          onChange={(v) => update({ keyPerson: v })}
        />
        <FilterSelect
          id="filter-eal"
          label="EAL"
          value={eal === null ? '' : eal ? 'yes' : 'no'}
          anyLabel="Any"
          options={ealOptions}
          onChange={(v) => update({ eal: v })}
        />
        <FilterSelect
          id="filter-send"
          label="SEND"
          value={sendStage ?? ''}
          anyLabel="Any"
          options={optionsFrom(sendStageLabels)}
          onChange={(v) => update({ send: v })}
        />
        <FilterSelect
          id="filter-status"
          label="Showing"
          value={status}
          options={statusOptions}
          onChange={(v) => update({ status: v === 'current' ? null : v })}
        />
        <FilterSelect
          id="filter-colour"
          label="Latest screen"
          value={colour ?? ''}
          anyLabel="Any"
          options={colourOptions}
          onChange={(v) => update({ colour: v })}
        />
        <FilterCheckbox id="filter-overdue" label="Re-screens overdue" checked={reviewOverdue} onChange={(on) => update({ overdue: on ? '1' : null })} />
        <FilterCheckbox
          id="filter-due-soon"
          label="Re-screens due in the next 4 weeks"
          checked={reviewDueSoon}
          onChange={(on) => update({ dueSoon: on ? '1' : null })}
        />
        <FilterSelect
          id="filter-not-screened"
          label="Not yet screened in"
          value={notScreenedInRound ?? ''}
          anyLabel="Any round"
          options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v) => update({ notScreened: v })}
        />
        <FilterCheckbox id="filter-below" label="Working below age" checked={belowAge} onChange={(on) => update({ below: on ? '1' : null })} />
        <FilterCheckbox id="filter-referral" label="Referral prompted" checked={referralPrompted} onChange={(on) => update({ referral: on ? '1' : null })} />
        {filtered && (
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </button>
        )}
      </div>

      <p className="result-count" aria-live="polite">
        {children.loading && !children.data ? 'Loading…' : `${plural(total, 'child', 'children')}${filtered ? ' match' : ''}`}
      </p>
      <WhenLoaded results={[children]} loading={null} errorClassName="error-text">
        {(found) => (
          <>
            {found.rows.length > 0 && (
              <table className="table">
                <caption className="visually-hidden">Children</caption>
                <SortableHead columns={childColumns} sort={sort} direction={direction} onSort={onSort} />
                <tbody>
                  {found.rows.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/s/${setting.id}/children/${c.id}`}>
                          {c.lastName}, {c.firstName}
                        </Link>
                        {c.archivedAt && <span className="tag tag--grey">Left {c.leaveDate ? formatUkDate(c.leaveDate) : ''}</span>}
                      </td>
                      <td>
                        {formatUkDate(c.dateOfBirth)} <span className="muted">({shortAge(c.dateOfBirth, today)})</span>
                      </td>
                      <td>{c.roomName ?? <span className="muted">None</span>}</td>
                      <td>{c.keyPersonName ?? <span className="muted">None</span>}</td>
                      <td>
                        {c.eal && <span className="tag">EAL</span>}
                        {c.sendStage !== 'none' && <span className="tag tag--purple">{sendStageLabels[c.sendStage]}</span>}
                      </td>
                      <LatestScreeningCells latest={c.latestScreening} />
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {found.rows.length === 0 && <p>{filtered ? 'No children match these filters.' : 'No children on roll yet. Use “Add a child” to add the first.'}</p>}
            <Pager page={page} total={found.total} pageSize={pageSize} onPage={(p) => update({ page: String(p) })} />
            {found.total > 0 && (
              <ExportButtons
                label={filtered ? 'the children who match' : 'the children list'}
                table={async () => childrenTable(await allMatchingChildren(api, query), `${setting.name} children ${formatUkDate(today)}`.slice(0, 100))}
              />
            )}
          </>
        )}
      </WhenLoaded>
    </>
  );
}
