import { useState } from 'react';
import { Link } from 'react-router';
import { isOverdue, settingTargetStatuses, settingTargetStatusLabels, type SettingTargetStatus } from '../../../shared/domain/settingTargets.js';
import type { TableExport } from '../../../shared/schemas/export.js';
import type { SettingTarget } from '../../../shared/schemas/settingTargets.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { FilterSelect } from '../../components/filters.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { sortRows, useSort } from '../../lib/sorting.js';
import { useApi } from '../../lib/useApi.js';
import { useRecordForm } from '../../lib/useRecordForm.js';
import { useSetting } from '../settings/SettingLayout.js';
import { emptyTarget, SettingTargetForm, targetValues, type TargetValues } from './SettingTargetForm.js';
import { StatusTag } from './StatusTag.js';

type TargetSort = 'title' | 'owner' | 'dueDate' | 'status' | 'lastReview';

const columns: readonly { label: string; sortKey?: TargetSort }[] = [
  { label: 'Target', sortKey: 'title' },
  { label: 'Strategies' },
  { label: 'Owner', sortKey: 'owner' },
  { label: 'Due', sortKey: 'dueDate' },
  { label: 'Status', sortKey: 'status' },
  { label: 'Last reviewed', sortKey: 'lastReview' },
];

const sortValue: Record<TargetSort, (t: SettingTarget) => string | number> = {
  title: (t) => t.title,
  owner: (t) => t.ownerName,
  dueDate: (t) => t.dueDate,
  status: (t) => settingTargetStatuses.indexOf(t.status),
  lastReview: (t) => t.lastReviewDate ?? '',
};

/** The targets on screen as a spreadsheet: the same columns, dates as 27/11/2026. */
function targetsTable(rows: readonly SettingTarget[], title: string): TableExport {
  return {
    title,
    columns: ['Target', 'Details', 'Strategies', 'Owner', 'Due', 'Status', 'Reviews', 'Last reviewed'],
    rows: rows.map((t) => [
      t.title,
      t.description,
      t.strategies.map((s) => s.title).join('; '),
      t.ownerName,
      formatUkDate(t.dueDate),
      settingTargetStatusLabels[t.status],
      t.reviewCount,
      t.lastReviewDate ? formatUkDate(t.lastReviewDate) : null,
    ]),
  };
}

/** A setting's whole-setting targets: the champion's, reviewed at each visit. */
export function SettingTargetsPage() {
  const { setting } = useSetting();
  const canChange = useSession().may('visits:write');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<SettingTargetStatus | ''>('');
  const targets = useApi('settingTargets.list', { settingId: setting.id, search, status: status === '' ? null : status });
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: true });
  // The library's own list (shared strategies and this setting's, not retired), as the form's choices.
  const strategies = useApi('strategies.list', { settingId: setting.id });
  const form = useRecordForm<SettingTarget, TargetValues>(emptyTarget);
  const { sort, direction, onSort } = useSort<TargetSort>('dueDate');
  const today = useToday();

  const rows = targets.data ? sortRows(targets.data, sortValue[sort], direction, (t) => t.title) : [];
  const title = `Whole-setting targets, ${setting.name}`;

  return (
    <>
      <h1>Whole-setting targets</h1>
      <p className="lead">The setting’s own targets on universal strategies, such as every room using a visual timetable. They are reviewed at each visit.</p>
      <div className="toolbar filters">
        <div className="field field--inline">
          <label htmlFor="target-search">Search targets</label>
          <input id="target-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <FilterSelect
          id="target-status"
          label="Status"
          value={status}
          anyLabel="Any status"
          options={settingTargetStatuses.map((s) => ({ value: s, label: settingTargetStatusLabels[s] }))}
          onChange={setStatus}
        />
        <ExportButtons label="the whole-setting targets" table={() => targetsTable(rows, title)} />
      </div>
      <WhenLoaded results={[targets]} errorClassName="error-text">
        {() =>
          rows.length === 0 ? (
            <p>{search || status ? 'No targets match.' : 'No whole-setting targets yet.'}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Whole-setting targets</caption>
              <SortableHead columns={columns} sort={sort} direction={direction} onSort={onSort} />
              <tbody>
                {rows.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link to={`/s/${setting.id}/setting-targets/${t.id}`}>{t.title}</Link>
                      {canChange && t.status !== 'stopped' && (
                        <>
                          {' '}
                          <button type="button" className="link-button actions" onClick={() => form.edit(t, targetValues(t))}>
                            Change<span className="visually-hidden"> {t.title}</span>
                          </button>
                        </>
                      )}
                    </td>
                    <td>{t.strategies.map((s) => s.title).join(', ') || '–'}</td>
                    <td>{t.ownerName}</td>
                    <td>
                      {formatUkDate(t.dueDate)} {isOverdue(t, today) && <span className="tag tag--overdue">Overdue</span>}
                    </td>
                    <td>
                      <StatusTag status={t.status} />
                    </td>
                    <td>{t.lastReviewDate ? formatUkDate(t.lastReviewDate) : 'Not yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </WhenLoaded>
      {canChange && staff.data && strategies.data && (
        <SettingTargetForm
          settingId={setting.id}
          staff={staff.data}
          strategies={strategies.data.map((c) => ({ id: c.id, title: c.title, groupName: c.group, shared: c.settingId === null }))}
          form={form}
          saved={targets.reload}
        />
      )}
    </>
  );
}
