import { createHashRouter, Navigate, NavLink, Outlet, RouterProvider } from 'react-router';
import { useEffect, useState } from 'react';
import type { ApiCallError } from '../shared/errors.js';
import type { Actor } from '../shared/schemas/session.js';
import { useApiClient } from './lib/apiClient.js';
import { rememberedActor } from './components/ActorPrompt.js';
import { EncryptionBanner } from './components/EncryptionBanner.js';
import { IntegrityBanner } from './components/IntegrityBanner.js';
import { NoticeBanner } from './components/NoticeBanner.js';
import { WhenLoaded, type Loadable } from './components/WhenLoaded.js';
import { AppStateProvider, useAppState } from './lib/appState.js';
import { useApi } from './lib/useApi.js';
import { useFocusHeading } from './lib/useFocusHeading.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { DataPage } from './pages/backups/DataPage.js';
import { ChildFormPage } from './pages/children/ChildFormPage.js';
import { ChildPage } from './pages/children/ChildPage.js';
import { ChildrenPage } from './pages/children/ChildrenPage.js';
import { ImportPage } from './pages/imports/ImportPage.js';
import { InstrumentEditPage } from './pages/instruments/InstrumentEditPage.js';
import { InstrumentsPage } from './pages/instruments/InstrumentsPage.js';
import { RoundsPage } from './pages/rounds/RoundsPage.js';
import { ScreeningFormPage } from './pages/screenings/ScreeningFormPage.js';
import { HomePage } from './pages/settings/HomePage.js';
import { PeoplePage } from './pages/settings/PeoplePage.js';
import { SettingFormPage } from './pages/settings/SettingFormPage.js';
import { SettingLayout } from './pages/settings/SettingLayout.js';
import { SettingOverviewPage } from './pages/settings/SettingOverviewPage.js';

// The cohort pages carry the charting library: loaded when first opened, not at start-up.
const cohortPages = () => import('./pages/cohort/CohortPages.js');

// Hash routing: the same URLs work from file:// in Electron and from the browser-mode host.
const router = createHashRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'settings/new', element: <SettingFormPage /> },
      { path: 'instruments', element: <InstrumentsPage /> },
      { path: 'rounds', element: <RoundsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'cohort', lazy: async () => ({ Component: (await cohortPages()).AreaCohortPage }) },
      { path: 'cohort/children', lazy: async () => ({ Component: (await cohortPages()).AreaCohortChildrenPage }) },
      { path: 'instruments/:instrumentId', element: <InstrumentEditPage /> },
      {
        path: 's/:settingId',
        element: <SettingLayout />,
        children: [
          { index: true, element: <SettingOverviewPage /> },
          { path: 'edit', element: <SettingFormPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'children', element: <ChildrenPage /> },
          { path: 'children/new', element: <ChildFormPage /> },
          { path: 'children/:childId', element: <ChildPage /> },
          { path: 'children/:childId/edit', element: <ChildFormPage /> },
          { path: 'cohort', lazy: async () => ({ Component: (await cohortPages()).SettingCohortPage }) },
          { path: 'cohort/children', lazy: async () => ({ Component: (await cohortPages()).SettingCohortChildrenPage }) },
          { path: 'children/:childId/screenings/new', element: <ScreeningFormPage /> },
          { path: 'children/:childId/screenings/:screeningId/edit', element: <ScreeningFormPage /> },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

const mainElement = () => document.getElementById('main');

function Shell() {
  const { info } = useAppState();
  useFocusHeading(mainElement);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <a className="app-header__brand" href="#/">
          Chatterbox
        </a>
        <span className="app-header__tag">Speech, language and communication</span>
        <nav aria-label="Across settings" className="app-header__nav">
          {/* NavLink marks the page you are on (aria-current), for sighted and screen reader users alike. */}
          <NavLink end to="/">
            Settings list
          </NavLink>
          <NavLink to="/cohort">All settings dashboard</NavLink>
          <NavLink to="/rounds">Screening rounds</NavLink>
          <NavLink to="/instruments">Screening tools</NavLink>
          <NavLink to="/audit">Audit trail</NavLink>
          <NavLink to="/data">Backups</NavLink>
        </nav>
      </header>
      {info.readOnly && (
        <div className="notice-region">
          <p className="read-only-banner" role="alert">
            This database file is read-only: you can look at records, but nothing can be saved. Ask whoever looks after this computer to make the file writable,
            then start Chatterbox again.
          </p>
        </div>
      )}
      <EncryptionBanner />
      <IntegrityBanner />
      <NoticeBanner />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </>
  );
}

/**
 * Who is using the app, at start: the core's answer if it has one, else the person chosen
 * earlier in this browser session (told to the core again: it may have restarted).
 */
function useActorAtStart(): Loadable<Actor | null> {
  const api = useApiClient();
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    (async () => {
      let known = await api('session.getActor', {}).catch(() => null);
      const remembered = rememberedActor();
      if (!known && remembered) known = await api('session.setActor', remembered).catch(() => null);
      if (live) setActor(known);
    })();
    return () => {
      live = false;
    };
  }, [api]);
  return { data: actor };
}

export function App() {
  const info = useApi('app.info', {});
  const actor = useActorAtStart();
  return (
    <WhenLoaded results={[info, actor]} error={cannotStart}>
      {(appInfo, initialActor) => (
        <AppStateProvider info={appInfo} refreshInfo={info.reload} initialActor={initialActor}>
          <RouterProvider router={router} />
        </AppStateProvider>
      )}
    </WhenLoaded>
  );
}

function cannotStart(error: ApiCallError) {
  return (
    <main className="app-main">
      <h1>Chatterbox cannot start</h1>
      <p role="alert">{error.message}</p>
    </main>
  );
}
