import { createContext, useContext } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import type { ApiCallError } from '../../../shared/errors.js';
import type { SettingSummary } from '../../../shared/schemas/settings.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import { ActorPrompt, rememberActor } from '../../components/ActorPrompt.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useAppState } from '../../lib/appState.js';
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
  const staff = useApi('staff.list', { settingId, includeArchived: false });
  return (
    <WhenLoaded results={[setting, staff]} error={notFound}>
      {(s, people) => <SettingFrame setting={s} staff={people} reloadSetting={setting.reload} />}
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

function SettingFrame({ setting: s, staff, reloadSetting }: { setting: SettingSummary; staff: Staff[]; reloadSetting: () => void }) {
  const { actor, setActor } = useAppState();
  // Ask once per session who is making changes; someone from another setting (an assistant
  // covering several) stays chosen as they move between settings.
  if (!actor) return <ActorPrompt staff={staff} onChosen={setActor} />;
  return (
    <SettingContext.Provider value={{ setting: s, reloadSetting }}>
      <div className="setting-bar">
        <div>
          <span className="setting-bar__name">{s.name}</span>
          {s.archivedAt && <span className="tag tag--grey">Archived</span>}
        </div>
        <span className="setting-bar__who">
          Using as <strong>{actor.name}</strong>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              rememberActor(null);
              setActor(null);
            }}
          >
            Not you?
          </button>
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
        <NavLink to={`/s/${s.id}/cohort`}>Cohort tracking</NavLink>
        <NavLink to={`/s/${s.id}/people`}>Rooms and staff</NavLink>
        <NavLink to={`/s/${s.id}/import`}>Import</NavLink>
      </nav>
      <Outlet />
    </SettingContext.Provider>
  );
}
