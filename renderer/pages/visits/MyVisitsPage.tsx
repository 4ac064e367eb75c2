import { useState } from 'react';
import { Link } from 'react-router';
import type { MySettingVisits } from '../../../shared/schemas/visits.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';

/**
 * "My visits": for an SLT assistant, every setting they cover, overdue first, with what is planned
 * and each setting's open actions. A manager chooses an assistant, or sees every setting.
 */
export function MyVisitsPage() {
  const { me, may } = useSession();
  const choosesAssistant = may('accounts:manage');
  const [accountId, setAccountId] = useState('');
  const accounts = useApi('accounts.list', choosesAssistant ? {} : null);
  const assistants = (accounts.data ?? []).filter((a) => a.role === 'slt-assistant' && !a.disabledAt);
  const mine = useApi('visits.mine', { accountId: accountId || null });
  const [search, setSearch] = useState('');
  return (
    <>
      <h1>{me.role === 'slt-assistant' ? 'My visits' : 'Visits across settings'}</h1>
      <div className="toolbar">
        {choosesAssistant && (
          <div className="field field--inline">
            <label htmlFor="visits-assistant">SLT assistant</label>
            <select id="visits-assistant" className="input input--medium" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">Every setting</option>
              {assistants.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field--inline">
          <label htmlFor="visits-search">Search settings</label>
          <input id="visits-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <WhenLoaded results={[mine]} errorClassName="error-text">
        {(result) => {
          const rows = result.settings.filter((s) => s.settingName.toLowerCase().includes(search.trim().toLowerCase()));
          const overdue = result.settings.filter((s) => s.overdue).length;
          return (
            <>
              <p>
                {result.settings.length === 0
                  ? 'No settings to show. An SLT assistant sees the settings a manager has given their account.'
                  : `${result.settings.length} setting${result.settings.length === 1 ? '' : 's'}, ${overdue} overdue. Today is ${formatUkDate(result.today)}.`}
              </p>
              {rows.length > 0 && <ExportButtons table={() => exportTable(rows, result.assistantName)} label="the visits" />}
              {rows.map((s) => (
                <SettingCard key={s.settingId} s={s} />
              ))}
              {result.settings.length > 0 && rows.length === 0 && <p>No settings match “{search}”.</p>}
            </>
          );
        }}
      </WhenLoaded>
    </>
  );
}

function SettingCard({ s }: { s: MySettingVisits }) {
  return (
    <section className="section visit-card" aria-labelledby={`visit-card-${s.settingId}`}>
      <h2 id={`visit-card-${s.settingId}`}>
        <Link to={`/s/${s.settingId}/visits`}>{s.settingName}</Link>
      </h2>
      <p>
        {/* The word carries the meaning; the colour only repeats it. */}
        <span className={`tag ${s.overdue ? 'tag--overdue' : ''}`}>{s.overdue ? 'Overdue' : 'On track'}</span> {s.words}.
        {s.plannedVisitId && (
          <>
            {' '}
            <Link to={`/s/${s.settingId}/visits/${s.plannedVisitId}`}>Open the planned visit</Link>
          </>
        )}
      </p>
      <p className="muted">
        Last visit: {s.lastHeldDate ? formatUkDate(s.lastHeldDate) : 'none recorded'}. Visited every {s.everyWeeks} week{s.everyWeeks === 1 ? '' : 's'}.
      </p>
      {s.openActions.length === 0 ? (
        <p>No open actions.</p>
      ) : (
        <table className="table">
          <caption>Open actions at {s.settingName}</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due by</th>
            </tr>
          </thead>
          <tbody>
            {s.openActions.map((a) => (
              <tr key={a.id}>
                <td>{a.description}</td>
                <td>{a.owner}</td>
                <td>
                  {formatUkDate(a.dueDate)}
                  {a.overdue && <span className="tag tag--overdue">Overdue</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function exportTable(rows: MySettingVisits[], assistantName: string | null) {
  return {
    title: (assistantName ? `Visits for ${assistantName}` : 'Visits across settings').slice(0, 100),
    columns: ['Setting', 'Overdue', 'Where things stand', 'Last visit', 'Due or planned', 'Open actions', 'Overdue actions'],
    rows: rows.map((s) => [
      s.settingName,
      s.overdue ? 'Yes' : 'No',
      s.words,
      s.lastHeldDate ? formatUkDate(s.lastHeldDate) : null,
      s.dueDate ? formatUkDate(s.dueDate) : null,
      s.openActions.length,
      s.openActions.filter((a) => a.overdue).length,
    ]),
  };
}
