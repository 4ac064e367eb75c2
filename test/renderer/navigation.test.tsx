// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useState, useEffect } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusHeading } from '../../renderer/lib/useFocusHeading.js';

afterEach(cleanup);

const main = () => document.getElementById('main');

function Shell() {
  useFocusHeading(main);
  return (
    <>
      <a href="#/">A link in the header</a>
      <main id="main">
        <Outlet />
      </main>
    </>
  );
}

/** A page whose heading only appears once its data has loaded, as most pages do. */
function SlowPage() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setLoaded(true), 20);
    return () => clearTimeout(t);
  }, []);
  return loaded ? <h1>Slow page</h1> : <p>Loading…</p>;
}

function renderApp() {
  const router = createMemoryRouter(
    [
      {
        element: <Shell />,
        children: [
          { path: '/', element: <h1>First page</h1> },
          { path: '/second', element: <h1>Second page</h1> },
          { path: '/slow', element: <SlowPage /> },
        ],
      },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('focus after navigation', () => {
  it('leaves the first page of a visit alone', () => {
    renderApp();
    expect(document.activeElement).not.toBe(screen.getByRole('heading', { name: 'First page' }));
  });

  it("moves focus to the new page's main heading", async () => {
    const router = renderApp();
    await act(() => router.navigate('/second'));
    const heading = screen.getByRole('heading', { name: 'Second page' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.tabIndex).toBe(-1);
  });

  it('waits for a heading that arrives with the data', async () => {
    const router = renderApp();
    await act(() => router.navigate('/slow'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Slow page' })));
  });

  it('does not move focus when only the filters in the query string change', async () => {
    const router = renderApp();
    await act(() => router.navigate('/second'));
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    const link = screen.getByRole('link', { name: 'A link in the header' });
    link.focus();
    await act(() => router.navigate('/second?room=1'));
    expect(document.activeElement).toBe(link);
  });
});
