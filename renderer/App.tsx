import { createHashRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { NoticeBanner } from './components/NoticeBanner.js';
import { AppStateProvider } from './lib/appState.js';
import { useApi } from './lib/useApi.js';
import { ChildFormPage } from './pages/ChildFormPage.js';
import { ChildPage } from './pages/ChildPage.js';
import { ChildrenPage } from './pages/ChildrenPage.js';
import { HomePage } from './pages/HomePage.js';
import { RoundsPage } from './pages/cohort/RoundsPage.js';
import { InstrumentEditPage, InstrumentsPage } from './pages/InstrumentsPage.js';
import { PeoplePage } from './pages/PeoplePage.js';
import { ScreeningFormPage } from './pages/ScreeningFormPage.js';
import { SettingFormPage } from './pages/SettingFormPage.js';
import { SettingLayout } from './pages/SettingLayout.js';
import { SettingOverviewPage } from './pages/SettingOverviewPage.js';

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

function Shell() {
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <header className="app-header">
        <a className="app-header__brand" href="#/">
          Chatterbox
        </a>
        <span className="app-header__tag">Speech, language and communication</span>
        <nav aria-label="Across settings" className="app-header__nav">
          <a href="#/cohort">All settings</a>
          <a href="#/rounds">Screening rounds</a>
          <a href="#/instruments">Screening tools</a>
        </nav>
      </header>
      <NoticeBanner />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </>
  );
}

export function App() {
  const info = useApi('app.info', {});
  if (info.error) {
    return (
      <main className="app-main">
        <h1>Chatterbox cannot start</h1>
        <p role="alert">{info.error.message}</p>
      </main>
    );
  }
  if (!info.data) return <p className="loading">Loading…</p>;
  return (
    <AppStateProvider info={info.data} refreshInfo={info.reload}>
      <RouterProvider router={router} />
    </AppStateProvider>
  );
}
