import { createContext, useContext } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import type { ApiCallError } from '../../../shared/errors.js';
import type { SettingSummary } from '../../../shared/schemas/settings.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { usePrintPlace } from '../../lib/printTitle.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';

interface SettingContextValue {
  setting: SettingSummary;
  reloadSetting: () => void;
}

const SettingContext = createContext<SettingContextValue | null>(null);

/** The setting every screen under /s/:settingId is scoped to. */
export function useSetting(): SettingContextValue {
  const value = useContext(SettingContext);
  if (!value) throw new Error('useSetting outside SettingLayout');
  return value;
}

export function SettingLayout() {
  const { settingId = '' } = useParams();
  const setting = useApi('settings.get', { id: settingId });
  return (
    <WhenLoaded results={[setting]} error={notFound}>
      {(s) => <SettingFrame setting={s} reloadSetting={setting.reload} />}
    </WhenLoaded>
  );
}

function notFound(error: ApiCallError) {
  return (
    <>
      <h1>Setting not found</h1>
      <p role="alert">{error.message}</p>
      <Link to="/">Choose a setting</Link>
    </>
  );
}

function SettingFrame({ setting: s, reloadSetting }: { setting: SettingSummary; reloadSetting: () => void }) {
  const { may } = useSession();
  usePrintPlace(s.name);
  return (
    <SettingContext.Provider value={{ setting: s, reloadSetting }}>
      <div className="setting-bar">
        <div>
          <span className="setting-bar__name">{s.name}</span>
          {s.archivedAt && <span className="tag tag--grey">Archived</span>}
        </div>
        <span className="setting-bar__who">
          <Link to="/" className="setting-bar__change">
            Change setting
          </Link>
        </span>
      </div>
      <nav className="sub-nav" aria-label="Setting">
        <NavLink end to={`/s/${s.id}`}>
          Overview
        </NavLink>
        <NavLink to={`/s/${s.id}/children`}>Children</NavLink>
        {may('cohort:read') && <NavLink to={`/s/${s.id}/cohort`}>Cohort tracking</NavLink>}
        {may('visits:read') && <NavLink to={`/s/${s.id}/visits`}>Visits</NavLink>}
        {may('visits:read') && <NavLink to={`/s/${s.id}/setting-targets`}>Whole-setting targets</NavLink>}
        <NavLink to={`/s/${s.id}/people`}>Rooms and staff</NavLink>
        {may('targets:read') && <NavLink to={`/s/${s.id}/strategies`}>Strategies</NavLink>}
        {may('data:import') && <NavLink to={`/s/${s.id}/import`}>Import</NavLink>}
      </nav>
      <Outlet />
    </SettingContext.Provider>
  );
}
