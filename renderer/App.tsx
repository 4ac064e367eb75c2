import { createHashRouter, Navigate, NavLink, Outlet, RouterProvider } from 'react-router';
import type { ReactNode } from 'react';
import type { Permission } from '../shared/contract/facts.js';
import type { ApiCallError } from '../shared/errors.js';
import { AccountMenu } from './components/AccountMenu.js';
import { EncryptionBanner } from './components/EncryptionBanner.js';
import { IntegrityBanner } from './components/IntegrityBanner.js';
import { NoticeBanner } from './components/NoticeBanner.js';
import { WhenLoaded } from './components/WhenLoaded.js';
import { AppStateProvider, useAppState } from './lib/appState.js';
import { PrintTitleProvider } from './lib/printTitle.js';
import { SessionGate, useSession } from './lib/session.js';
import { useApi } from './lib/useApi.js';
import { useFocusHeading } from './lib/useFocusHeading.js';
import { AccountsPage } from './pages/accounts/AccountsPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { DataPage } from './pages/backups/DataPage.js';
import { ChildFormPage } from './pages/children/ChildFormPage.js';
import { ChildPage } from './pages/children/ChildPage.js';
import { ChildrenPage } from './pages/children/ChildrenPage.js';
import { ChildSummaryPage } from './pages/reports/ChildSummaryPage.js';
import { SavedChildSummaryPage } from './pages/reports/SavedChildSummaryPage.js';
import { ImportPage } from './pages/imports/ImportPage.js';
import { InstrumentEditPage } from './pages/instruments/InstrumentEditPage.js';
import { InstrumentsPage } from './pages/instruments/InstrumentsPage.js';
import { RoundsPage } from './pages/rounds/RoundsPage.js';
import { ScreeningFormPage } from './pages/screenings/ScreeningFormPage.js';
import { SettingTargetPage } from './pages/settingTargets/SettingTargetPage.js';
import { SettingTargetsPage } from './pages/settingTargets/SettingTargetsPage.js';
import { StrategiesPage } from './pages/strategies/StrategiesPage.js';
import { HomePage } from './pages/settings/HomePage.js';
import { PeoplePage } from './pages/settings/PeoplePage.js';
import { SettingFormPage } from './pages/settings/SettingFormPage.js';
import { SettingLayout } from './pages/settings/SettingLayout.js';
import { WorkListPage } from './pages/settings/WorkListPage.js';
import { SettingOverviewPage } from './pages/settings/SettingOverviewPage.js';
import { MyVisitsPage } from './pages/visits/MyVisitsPage.js';
import { VisitAgendaPage } from './pages/visits/VisitAgendaPage.js';
import { VisitRecordPage } from './pages/visits/VisitRecordPage.js';
import { VisitSummaryPage } from './pages/visits/VisitSummaryPage.js';
import { VisitsPage } from './pages/visits/VisitsPage.js';
import { ChangePasswordForm, FirstRunPage, SignInPage, UnlockScreen } from './pages/session/SessionPages.js';

// The cohort pages carry the charting library: loaded when first opened, not at start-up.
const cohortPages = () => import('./pages/cohort/CohortPages.js');
const reportPages = () => import('./pages/reports/index.js');

/** A lazily loaded report page, behind the permission it needs. */
function reportRoute(permission: Permission, page: (m: Awaited<ReturnType<typeof reportPages>>) => ReactNode) {
  return async () => {
    const pages = await reportPages();
    return { Component: () => <Allowed permission={permission} page={page(pages)} /> };
  };
}

// Hash routing: the same URLs work from file:// in Electron and from the browser-mode host.
const router = createHashRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'settings/new', element: <Allowed permission="settings:write" page={<SettingFormPage />} /> },
      { path: 'instruments', element: <Allowed permission="instruments:write" page={<InstrumentsPage />} /> },
      { path: 'rounds', element: <Allowed permission="rounds:write" page={<RoundsPage />} /> },
      { path: 'audit', element: <Allowed permission="audit:read" page={<AuditPage />} /> },
      { path: 'data', element: <Allowed permission="data:admin" page={<DataPage />} /> },
      { path: 'accounts', element: <Allowed permission="accounts:manage" page={<AccountsPage />} /> },
      { path: 'password', element: <OwnPassword /> },
      { path: 'visits', element: <Allowed permission="visits:write" page={<MyVisitsPage />} /> },
      { path: 'cohort', lazy: async () => ({ Component: (await cohortPages()).AreaCohortPage }) },
      { path: 'cohort/children', lazy: async () => ({ Component: (await cohortPages()).AreaCohortChildrenPage }) },
      { path: 'reports', lazy: reportRoute('reports:produce', (p) => <p.AreaReportsPage />) },
      { path: 'reports/new', lazy: reportRoute('reports:produce', (p) => <p.AreaReportPreviewPage />) },
      { path: 'reports/:reportId', lazy: reportRoute('reports:child', (p) => <p.AreaSavedReportPage />) },
      { path: 'instruments/:instrumentId', element: <Allowed permission="instruments:write" page={<InstrumentEditPage />} /> },
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
          // A child's progress summaries (issue 13): write one, and open a saved one.
          { path: 'children/:childId/summary', element: <Allowed permission="reports:child" page={<ChildSummaryPage />} /> },
          { path: 'children/:childId/summaries/:reportId', element: <Allowed permission="reports:child" page={<SavedChildSummaryPage />} /> },
          { path: 'cohort', lazy: async () => ({ Component: (await cohortPages()).SettingCohortPage }) },
          { path: 'cohort/children', lazy: async () => ({ Component: (await cohortPages()).SettingCohortChildrenPage }) },
          { path: 'children/:childId/screenings/new', element: <ScreeningFormPage /> },
          { path: 'children/:childId/screenings/:screeningId/edit', element: <ScreeningFormPage /> },
          { path: 'work-lists/:list', element: <WorkListPage /> },
          { path: 'visits', element: <VisitsPage /> },
          { path: 'visits/record', element: <VisitRecordPage /> },
          { path: 'visits/agenda', element: <VisitAgendaPage /> },
          { path: 'visits/:visitId/agenda', element: <VisitAgendaPage /> },
          { path: 'visits/:visitId', element: <VisitSummaryPage /> },
          { path: 'visits/:visitId/record', element: <VisitRecordPage /> },
          { path: 'setting-targets', element: <Allowed permission="visits:read" page={<SettingTargetsPage />} /> },
          { path: 'setting-targets/:targetId', element: <Allowed permission="visits:read" page={<SettingTargetPage />} /> },
          { path: 'strategies', element: <Allowed permission="targets:read" page={<StrategiesPage />} /> },
          { path: 'reports', lazy: reportRoute('reports:child', (p) => <p.ReportsPage />) },
          { path: 'reports/new', lazy: reportRoute('reports:produce', (p) => <p.SettingReportPreviewPage />) },
          { path: 'reports/:reportId', lazy: reportRoute('reports:child', (p) => <p.SavedReportPage />) },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

const mainElement = () => document.getElementById('main');

/** A page the signed-in person's role may not use says so plainly (the core refuses its calls too). */
function Allowed({ permission, page }: { permission: Permission; page: ReactNode }) {
  const { may } = useSession();
  if (may(permission)) return <>{page}</>;
  return (
    <>
      <h1>You cannot use this page</h1>
      <p>Your account does not include this part of Chatterbox. If you need it, ask a manager.</p>
    </>
  );
}

function OwnPassword() {
  const { me, refresh } = useSession();
  return <ChangePasswordForm me={me} forced={false} done={() => void refresh()} />;
}

function Shell() {
  const { info } = useAppState();
  const { may, me } = useSession();
  useFocusHeading(mainElement);
  return (
    // Printed screens are headed with the page's title (its h1 and setting, or its own usePrintPage).
    <PrintTitleProvider main={mainElement}>
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
          {may('cohort:read') && <NavLink to="/cohort">All settings dashboard</NavLink>}
          {/* SLT assistants and managers plan visits across settings; a champion sees theirs on the setting's Visits page. */}
          {may('visits:write') && (me.role === 'slt-assistant' || may('accounts:manage')) && (
            <NavLink to="/visits">{me.role === 'slt-assistant' ? 'My visits' : 'Visits'}</NavLink>
          )}
          {/* Area reports are for those who reach many settings; a setting's own reports are on its overview. */}
          {may('reports:produce') && (me.role === 'slt-assistant' || may('accounts:manage')) && <NavLink to="/reports">Reports</NavLink>}
          {may('rounds:write') && <NavLink to="/rounds">Screening rounds</NavLink>}
          {may('instruments:write') && <NavLink to="/instruments">Screening tools</NavLink>}
          {may('audit:read') && <NavLink to="/audit">Audit trail</NavLink>}
          {may('data:admin') && <NavLink to="/data">Backups</NavLink>}
          {may('accounts:manage') && <NavLink to="/accounts">Accounts</NavLink>}
        </nav>
        <AccountMenu />
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
    </PrintTitleProvider>
  );
}

/** Once someone is signed in: the app's facts, then the pages. */
function SignedInApp() {
  const info = useApi('app.info', {});
  return (
    <WhenLoaded results={[info]} error={cannotStart}>
      {(appInfo) => (
        <AppStateProvider info={appInfo} refreshInfo={info.reload}>
          <RouterProvider router={router} />
        </AppStateProvider>
      )}
    </WhenLoaded>
  );
}

export function App() {
  return (
    <SessionGate
      screens={{
        firstRun: (done) => <FirstRunPage done={done} />,
        signIn: (done) => <SignInPage done={done} />,
        changePassword: (me, done) => <ChangePasswordForm me={me} done={done} forced />,
        unlock: (me, done, signOut) => <UnlockScreen me={me} done={done} signOut={signOut} />,
      }}
    >
      <SignedInApp />
    </SessionGate>
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
