import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { settingTypeLabels, type SettingSummary } from '../../../shared/schemas/settings.js';
import { useApiClient } from '../../lib/apiClient.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure } from '../../lib/forms.js';
import { sortRows, useSort } from '../../lib/sorting.js';
import { useApi } from '../../lib/useApi.js';
import { useSession } from '../../lib/session.js';

export function HomePage() {
  const { info } = useAppState();
  return info.settingCount === 0 ? <Welcome /> : <SettingPicker />;
}

/** First run: say what the app is for and what to do first. */
function Welcome() {
  const api = useApiClient();
  const { refreshInfo } = useAppState();
  const navigate = useNavigate();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  async function loadDemo() {
    setLoading(true);
    setError(undefined);
    try {
      await api('demo.load', {});
      refreshInfo();
      navigate('/');
    } catch (err) {
      setError(errorsFromFailure(err).form ?? 'The demo data could not be added');
      setLoading(false);
    }
  }

  return (
    <div className="welcome">
      <h1>Welcome to Chatterbox</h1>
      <p className="lead">
        Chatterbox keeps your setting’s speech, language and communication records in one place: screening results, targets and progress. Everything stays on
        this computer.
      </p>
      <h2>Getting started</h2>
      <ol className="steps">
        <li>
          <strong>Set up your setting</strong>: its name, Ofsted URN and type.
        </li>
        <li>
          <strong>Add rooms and staff</strong>, so children can have a room and a key person.
        </li>
        <li>
          <strong>Add children</strong>, then record their screening results.
        </li>
      </ol>
      <div className="button-row">
        <Link className="button" to="/settings/new">
          Set up your setting
        </Link>
        <button type="button" className="button button--secondary" onClick={loadDemo} disabled={loading}>
          {loading ? 'Adding demo data…' : 'Explore with demo data'}
        </button>
      </div>
      <p className="hint">
        Demo data is made up: four fictional settings with rooms, staff, children, their screening histories and targets, and a year of visits, marked “(demo)”.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type SettingSort = 'name' | 'type' | 'localAuthority' | 'childrenOnRoll';

const settingColumns: readonly { label: string; sortKey: SettingSort }[] = [
  { label: 'Setting', sortKey: 'name' },
  { label: 'Type', sortKey: 'type' },
  { label: 'Local authority', sortKey: 'localAuthority' },
  { label: 'Children on roll', sortKey: 'childrenOnRoll' },
];

function SettingPicker() {
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState('');
  const settings = useApi('settings.list', { includeArchived: showArchived });
  const { may } = useSession();

  return (
    <>
      <div className="page-heading">
        <h1>Choose a setting</h1>
        {/* Only managers add settings: anyone else would reach a page saying they cannot. */}
        {may('settings:write') && (
          <Link className="button" to="/settings/new">
            Add a setting
          </Link>
        )}
      </div>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor="setting-search">Search settings</label>
          <input id="setting-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="checkbox">
          <input id="show-archived" type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          <label htmlFor="show-archived">Show archived settings</label>
        </div>
      </div>
      <WhenLoaded results={[settings]} loading={null} errorClassName="error-text">
        {(all) => (
          <SettingsTable
            settings={all.filter((s) => `${s.name} ${s.urn} ${s.localAuthority}`.toLowerCase().includes(search.trim().toLowerCase()))}
            search={search}
          />
        )}
      </WhenLoaded>
    </>
  );
}

function SettingsTable({ settings, search }: { settings: SettingSummary[]; search: string }) {
  const { sort, direction, onSort } = useSort<SettingSort>('name');
  const value = (s: SettingSummary): string | number => (sort === 'childrenOnRoll' ? s.childrenOnRoll : sort === 'type' ? settingTypeLabels[s.type] : s[sort]);
  const rows = sortRows(settings, value, direction, (s) => s.name);
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">Settings, sorted by {sort}</caption>
        <SortableHead columns={settingColumns} sort={sort} direction={direction} onSort={onSort} />
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/s/${s.id}`}>{s.name}</Link>
                {s.archivedAt && <span className="tag tag--grey">Archived</span>}
                <div className="muted">URN {s.urn}</div>
              </td>
              <td>{settingTypeLabels[s.type]}</td>
              <td>{s.localAuthority || '–'}</td>
              <td className="numeric">{s.childrenOnRoll}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No settings match “{search}”.</p>}
    </>
  );
}
