import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createApi } from '../../renderer/api.js';
import { NoticeBanner } from '../../renderer/components/NoticeBanner.js';
import { ApiProvider } from '../../renderer/lib/apiClient.js';
import { AppStateProvider } from '../../renderer/lib/appState.js';
import { SettingLayout } from '../../renderer/pages/settings/SettingLayout.js';
import { fakeTransport, type FakeHandlers, type FakeTransport } from '../support/fakeTransport.js';
import { appInfo, ids, rooms, setting, staff } from './fixtures.js';

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
  /** Who is using the app (default: Pat, staff of the setting). */
  actor?: { staffId: string | null; name: string };
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
      <AppStateProvider info={appInfo} refreshInfo={() => undefined} initialActor={options.actor ?? { staffId: ids.staffPat, name: 'Pat Testperson' }}>
        <NoticeBanner />
        <RouterProvider router={router} />
      </AppStateProvider>
    </ApiProvider>,
  );
  return { ...result, fake, router };
}

export const settingUrl = (rest: string) => `/s/${ids.setting}/${rest}`;
