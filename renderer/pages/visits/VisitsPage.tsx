import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { maxVisitWeeks, minVisitWeeks, visitFrequencyWords } from '../../../shared/domain/visits.js';
import { visitFrequencySchema, visitScheduleSchema, visitStatusLabels, type VisitListItem } from '../../../shared/schemas/visits.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { DateField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate, fromUkInput } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { sortRows, useSort } from '../../lib/sorting.js';
import { useApi } from '../../lib/useApi.js';
import { useRecordForm } from '../../lib/useRecordForm.js';
import { useSetting } from '../settings/SettingLayout.js';
import { VisitActionsSection } from './VisitActionsSection.js';

/** A setting's visits: how often, what is planned, the history, and the actions agreed. */
export function VisitsPage() {
  const { setting } = useSetting();
  const canChange = useSession().may('visits:write') && !setting.archivedAt;
  const visits = useApi('visits.list', { settingId: setting.id });
  return (
    <>
      <div className="page-heading">
        <h1>Visits</h1>
        {canChange && (
          <div className="button-row">
            <Link className="button" to={`/s/${setting.id}/visits/agenda`}>
              Start a visit today
            </Link>
            <Link className="button button--secondary" to={`/s/${setting.id}/visits/record`}>
              Record a visit
            </Link>
          </div>
        )}
      </div>
      <FrequencySection canChange={canChange} />
      {canChange && <ScheduleForm onDone={visits.reload} />}
      <section className="section" aria-labelledby="visit-history">
        <h2 id="visit-history">Visit history</h2>
        <WhenLoaded results={[visits]} loading={null} errorClassName="error-text">
          {(rows) => <VisitTable rows={rows} settingId={setting.id} settingName={setting.name} />}
        </WhenLoaded>
      </section>
      <VisitActionsSection canChange={canChange} />
    </>
  );
}

function FrequencySection({ canChange }: { canChange: boolean }) {
  const api = useApiClient();
  const { setting } = useSetting();
  const { notify } = useAppState();
  const frequency = useApi('visits.frequency', { settingId: setting.id });
  const form = useRecordForm<{ weeks: number }, { weeks: string }>({ weeks: '' });
  const onSubmit = (e: FormEvent) =>
    form.submit(e, visitFrequencySchema, { settingId: setting.id, weeks: Number(form.values.weeks.trim() || Number.NaN) }, async (value) => {
      const before = frequency.data?.weeks;
      await api('visits.setFrequency', value);
      notify({
        message: `Visits to ${setting.name}: ${visitFrequencyWords(value.weeks).toLowerCase()}`,
        ...(before === undefined ? {} : { undo: () => api('visits.setFrequency', { settingId: setting.id, weeks: before }) }),
      });
      frequency.reload();
    });
  const weeks = frequency.data?.weeks;
  return (
    <section className="section" aria-labelledby="visit-frequency">
      <h2 id="visit-frequency">How often</h2>
      {weeks !== undefined && (
        <p>
          {visitFrequencyWords(weeks)}.{' '}
          {canChange && !form.editing && (
            <button type="button" className="link-button" onClick={() => form.edit({ weeks }, { weeks: String(weeks) })}>
              Change how often
            </button>
          )}
        </p>
      )}
      {form.editing && (
        <InlineForm
          title="How often is this setting visited?"
          errors={form.errors}
          order={['weeks']}
          submitLabel="Save"
          onSubmit={onSubmit}
          onCancel={form.reset}
        >
          <TextField
            label="Weeks between visits"
            hint={`From ${minVisitWeeks} to ${maxVisitWeeks}: 4 is about monthly`}
            inputMode="numeric"
            width="short"
            {...form.field('weeks')}
          />
        </InlineForm>
      )}
    </section>
  );
}

function ScheduleForm({ onDone }: { onDone: () => void }) {
  const api = useApiClient();
  const { setting } = useSetting();
  const { me } = useSession();
  const { notify } = useAppState();
  const empty = { plannedDate: '', visitorName: me.displayName, visitorRole: me.roleLabel };
  const form = useRecordForm<null, typeof empty>(empty);
  const onSubmit = (e: FormEvent) => {
    const input = {
      settingId: setting.id,
      plannedDate: fromUkInput(form.values.plannedDate),
      visitorAccountId: me.role === 'slt-assistant' ? me.accountId : null,
      visitorName: form.values.visitorName,
      visitorRole: form.values.visitorRole,
    };
    return form.submit(e, visitScheduleSchema, input, async (value) => {
      const visit = await api('visits.schedule', value);
      notify({
        message: `Visit planned for ${formatUkDate(value.plannedDate)}`,
        undo: () => api('visits.cancel', { id: visit.id, reason: 'Planned by mistake' }),
      });
      onDone();
    });
  };
  return (
    <InlineForm
      title="Plan a visit"
      level={2}
      errors={form.errors}
      order={['plannedDate', 'visitorName', 'visitorRole']}
      submitLabel="Plan visit"
      onSubmit={onSubmit}
    >
      <DateField label="Date of the visit" {...form.field('plannedDate')} />
      <TextField label="Visitor" width="medium" {...form.field('visitorName')} />
      <TextField label="Visitor’s role" width="medium" {...form.field('visitorRole')} />
    </InlineForm>
  );
}

type VisitSort = 'date' | 'status' | 'visitorName' | 'openActionCount';
const columns: readonly { label: string; sortKey?: VisitSort }[] = [
  { label: 'Date', sortKey: 'date' },
  { label: 'Status', sortKey: 'status' },
  { label: 'Visitor', sortKey: 'visitorName' },
  { label: 'Attended' },
  { label: 'Children discussed' },
  { label: 'Open actions', sortKey: 'openActionCount' },
  { label: 'Next visit' },
];

function VisitTable({ rows, settingId, settingName }: { rows: VisitListItem[]; settingId: string; settingName: string }) {
  const [search, setSearch] = useState('');
  const { sort, direction, onSort } = useSort<VisitSort>('date');
  // Newest first until someone chooses another order.
  const [chosen, setChosen] = useState(false);
  const canRecord = useSession().may('visits:write');
  const text = search.trim().toLowerCase();
  const matching = rows.filter((v) => `${formatUkDate(v.date)} ${visitStatusLabels[v.status]} ${v.visitorName}`.toLowerCase().includes(text));
  const value = (v: VisitListItem) => (sort === 'status' ? visitStatusLabels[v.status] : v[sort]);
  const shown = chosen ? sortRows(matching, value, direction, (v) => v.date) : matching;
  const exportTable = () => ({
    title: `Visits to ${settingName}`.slice(0, 100),
    columns: ['Date', 'Status', 'Visitor', 'Attended', 'Children discussed', 'Actions', 'Open actions', 'Next visit'],
    rows: shown.map((v) => [
      formatUkDate(v.date),
      visitStatusLabels[v.status],
      v.visitorName,
      v.attendeeCount,
      v.childrenCount,
      v.actionCount,
      v.openActionCount,
      v.nextVisitDate ? formatUkDate(v.nextVisitDate) : null,
    ]),
  });
  if (rows.length === 0) return <p>No visits yet. Plan the first one above, or record a visit that has already happened.</p>;
  return (
    <>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor="visit-search">Search visits</label>
          <input id="visit-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <ExportButtons table={exportTable} label="the visits" />
      </div>
      <table className="table">
        <caption className="visually-hidden">Visits, newest first unless sorted</caption>
        <SortableHead
          columns={columns}
          sort={sort}
          direction={chosen ? direction : 'desc'}
          onSort={(k, d) => {
            setChosen(true);
            onSort(k, d);
          }}
        />
        <tbody>
          {shown.map((v) => (
            <tr key={v.id}>
              <td>
                <Link to={`/s/${settingId}/visits/${v.id}`}>{formatUkDate(v.date)}</Link>
              </td>
              <td>
                <span className={`tag ${v.status === 'held' ? 'tag--purple' : v.status === 'cancelled' ? 'tag--grey' : 'tag--due'}`}>
                  {visitStatusLabels[v.status]}
                </span>
                {v.status === 'planned' && canRecord && (
                  <>
                    {' '}
                    <Link className="no-print" to={`/s/${settingId}/visits/${v.id}/agenda`}>
                      Open agenda<span className="visually-hidden"> for the visit of {formatUkDate(v.date)}</span>
                    </Link>{' '}
                    <Link className="no-print" to={`/s/${settingId}/visits/${v.id}/record`}>
                      Record<span className="visually-hidden"> the visit of {formatUkDate(v.date)}</span>
                    </Link>
                  </>
                )}
              </td>
              <td>{v.visitorName}</td>
              <td className="numeric">{v.attendeeCount}</td>
              <td className="numeric">{v.childrenCount}</td>
              <td className="numeric">{v.openActionCount}</td>
              <td>{v.nextVisitDate ? formatUkDate(v.nextVisitDate) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p>No visits match “{search}”.</p>}
    </>
  );
}
