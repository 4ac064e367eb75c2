import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createApi } from '../../renderer/api.js';
import { NoticeBanner } from '../../renderer/components/NoticeBanner.js';
import { ApiProvider } from '../../renderer/lib/apiClient.js';
import { AppStateProvider } from '../../renderer/lib/appState.js';
import { SignedInAs } from '../../renderer/lib/session.js';
import type { Me } from '../../shared/schemas/session.js';
import { SettingLayout } from '../../renderer/pages/settings/SettingLayout.js';
import { fakeTransport, type FakeHandlers, type FakeTransport } from '../support/fakeTransport.js';
import { appInfo, ids, rooms, setting, staff } from './fixtures.js';

const pat: Me = {
  accountId: null,
  displayName: 'Pat Testperson',
  userName: 'pat',
  role: 'manager',
  roleLabel: 'Manager',
  staffId: ids.staffPat,
  settingIds: [],
  mustChangePassword: false,
};

export interface Rendered extends RenderResult {
  fake: FakeTransport;
  router: ReturnType<typeof createMemoryRouter>;
}

/**
 * Renders one page of a setting (/s/:settingId/…) as the app does: through SettingLayout, with
 * the app state, a signed-in person and the notice banner, over a fake transport. The setting,
 * its rooms and its staff are answered unless the test says otherwise; anything else the page
 * asks for needs a handler. A page the page navigates to shows its path, so tests can see it.
 */
export function renderSettingPage(options: {
  path: string;
  url: string;
  page: ReactElement;
  handlers: FakeHandlers;
  /** Who is signed in (default: Pat, a manager who is staff of the setting). */
  me?: Me;
}): Rendered {
  const fake = fakeTransport({
    'settings.get': () => setting,
    'rooms.list': () => rooms,
    'staff.list': () => staff,
    ...options.handlers,
  });
  const router = createMemoryRouter(
    [
      {
        path: '/s/:settingId',
        element: <SettingLayout />,
        children: [
          { path: options.path, element: options.page },
          { path: '*', element: <p>Moved to another page</p> },
        ],
      },
    ],
    { initialEntries: [options.url] },
  );
  const result = render(
    <ApiProvider api={createApi(fake.transport)}>
      <SignedInAs me={options.me ?? pat}>
        <AppStateProvider info={appInfo} refreshInfo={() => undefined}>
          <NoticeBanner />
          <RouterProvider router={router} />
        </AppStateProvider>
      </SignedInAs>
    </ApiProvider>,
  );
  return { ...result, fake, router };
}

export const settingUrl = (rest: string) => `/s/${ids.setting}/${rest}`;
