import { createContext, useContext } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import type { SettingSummary } from '../../shared/schemas/setting.js';
import { useApi } from '../lib/useApi.js';

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

  if (setting.error) {
    return (
      <>
        <h1>Setting not found</h1>
        <p role="alert">{setting.error.message}</p>
        <Link to="/">Choose a setting</Link>
      </>
    );
  }
  if (!setting.data) return <p className="loading">Loading…</p>;
  const s = setting.data;
  return (
    <SettingContext.Provider value={{ setting: s, reloadSetting: setting.reload }}>
      <div className="setting-bar">
        <div>
          <span className="setting-bar__name">{s.name}</span>
          {s.archivedAt && <span className="tag tag--grey">Archived</span>}
        </div>
        <Link to="/" className="setting-bar__change">
          Change setting
        </Link>
      </div>
      <nav className="sub-nav" aria-label="Setting">
        <NavLink end to={`/s/${s.id}`}>
          Overview
        </NavLink>
        <NavLink to={`/s/${s.id}/children`}>Children</NavLink>
        <NavLink to={`/s/${s.id}/cohort`}>Cohort tracking</NavLink>
        <NavLink to={`/s/${s.id}/people`}>Rooms and staff</NavLink>
      </nav>
      <Outlet />
    </SettingContext.Provider>
  );
}
