import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { childSortKeys, sendStageLabels, sendStages, type ChildSortKey, type LatestScreening, type SendStage } from '../../../shared/schemas/children.js';
import { ColourTag } from '../../components/ColourTag.js';
import { ReviewDue } from '../screenings/ScreeningHistory.js';
import { Pager } from '../../components/Pager.js';
import { SortableHeader } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useToday } from '../../lib/appState.js';
import { formatUkDate, shortAge } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { useUrlParams } from '../../lib/useUrlParams.js';

const pageSize = 100;
const statuses = ['current', 'leavers', 'all'] as const;
type Status = (typeof statuses)[number];
type ColourFilter = 'red' | 'amber' | 'green' | 'none';

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
        <span className="muted"> (age {latest.ageSection})</span>
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
  const referralPrompted = params.get('referral') === '1';
  const belowAge = params.get('below') === '1';

  const rooms = useApi('rooms.list', { settingId: setting.id, includeArchived: true });
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: true });
  const children = useApi('children.list', {
    settingId: setting.id,
    search,
    roomId,
    keyPersonId,
    eal,
    sendStage,
    status,
    colour,
    reviewOverdue,
    referralPrompted,
    belowAge,
    sort,
    direction,
    limit: pageSize,
    offset: page * pageSize,
  });

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
  const filtered = Boolean(search || roomId || keyPersonId || eal !== null || sendStage || status !== 'current' || colour || reviewOverdue || referralPrompted || belowAge);
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
        <div className="field field--inline">
          <label htmlFor="filter-room">Room</label>
          <select id="filter-room" className="input" value={roomId ?? ''} onChange={(e) => update({ room: e.target.value })}>
            <option value="">All rooms</option>
            {rooms.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.archivedAt ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-key-person">Key person</label>
          <select id="filter-key-person" className="input" value={keyPersonId ?? ''} onChange={(e) => update({ keyPerson: e.target.value })}>
            <option value="">Anyone</option>
            {staff.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.archivedAt ? ' (left)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-eal">EAL</label>
          <select id="filter-eal" className="input" value={eal === null ? '' : eal ? 'yes' : 'no'} onChange={(e) => update({ eal: e.target.value })}>
            <option value="">Any</option>
            <option value="yes">EAL</option>
            <option value="no">Not EAL</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-send">SEND</label>
          <select id="filter-send" className="input" value={sendStage ?? ''} onChange={(e) => update({ send: e.target.value })}>
            <option value="">Any</option>
            {sendStages.map((s) => (
              <option key={s} value={s}>
                {sendStageLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-status">Showing</label>
          <select id="filter-status" className="input" value={status} onChange={(e) => update({ status: e.target.value === 'current' ? null : e.target.value })}>
            <option value="current">Children on roll</option>
            <option value="leavers">Leavers</option>
            <option value="all">Everyone</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-colour">Latest screen</label>
          <select id="filter-colour" className="input" value={colour ?? ''} onChange={(e) => update({ colour: e.target.value })}>
            <option value="">Any</option>
            <option value="red">Red</option>
            <option value="amber">Amber</option>
            <option value="green">Green</option>
            <option value="none">Not screened</option>
          </select>
        </div>
        <div className="checkbox checkbox--filter">
          <input id="filter-overdue" type="checkbox" checked={reviewOverdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : null })} />
          <label htmlFor="filter-overdue">Re-screens overdue</label>
        </div>
 <div className="checkbox checkbox--filter">
          <input id="filter-below" type="checkbox" checked={belowAge} onChange={(e) => update({ below: e.target.checked ? '1' : null })} />
          <label htmlFor="filter-below">Working below age</label>
        </div>
        <div className="checkbox checkbox--filter">
          <input id="filter-referral" type="checkbox" checked={referralPrompted} onChange={(e) => update({ referral: e.target.checked ? '1' : null })} />
          <label htmlFor="filter-referral">Referral prompted</label>
        </div>
        {filtered && (
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </button>
        )}
      </div>

      <p className="result-count" aria-live="polite">
        {children.loading && !children.data ? 'Loading…' : `${total} ${total === 1 ? 'child' : 'children'}${filtered ? ' match' : ''}`}
      </p>
      <WhenLoaded results={[children]} loading={null} errorClassName="error-text">
        {(found) => (
          <>
            {found.rows.length > 0 && (
              <table className="table">
                <caption className="visually-hidden">Children</caption>
                <thead>
                  <tr>
                    <SortableHeader label="Name" sortKey="name" current={sort} direction={direction} onSort={onSort} />
                    <SortableHeader label="Date of birth (age)" sortKey="dateOfBirth" current={sort} direction={direction} onSort={onSort} />
                    <SortableHeader label="Room" sortKey="room" current={sort} direction={direction} onSort={onSort} />
                    <SortableHeader label="Key person" sortKey="keyPerson" current={sort} direction={direction} onSort={onSort} />
                    <th scope="col">Needs</th>
                    <th scope="col">Latest screen</th>
                    <th scope="col">Working at</th>
                    <SortableHeader label="Review due" sortKey="reviewDate" current={sort} direction={direction} onSort={onSort} />
                  </tr>
                </thead>
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
            {found.rows.length === 0 && (
              <p>{filtered ? 'No children match these filters.' : 'No children on roll yet. Use “Add a child” to add the first.'}</p>
            )}
            <Pager page={page} total={found.total} pageSize={pageSize} onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </WhenLoaded>
    </>
  );
}
