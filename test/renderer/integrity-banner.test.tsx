// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IntegrityBanner } from '../../renderer/components/IntegrityBanner.js';
import { AppStateProvider, type AppInfo } from '../../renderer/lib/appState.js';
import { appInfo } from './fixtures.js';

// The background check of the database reports through app.info: a problem is a banner on every
// page; while the check runs the app asks again; nothing is shown when all is well.

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function show(integrity: AppInfo['integrity'], refreshInfo = () => undefined) {
  return render(
    <AppStateProvider info={{ ...appInfo, integrity }} refreshInfo={refreshInfo}>
      <IntegrityBanner />
    </AppStateProvider>,
  );
}

describe('the integrity banner', () => {
  it('shows the problem the background check found, with a way to the backups', () => {
    show({ state: 'problem', message: 'The database file failed its full check (row 3 missing from index).' });
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('The database has a problem');
    expect(banner.textContent).toContain('The database file failed its full check (row 3 missing from index).');
    expect(screen.getByRole('link', { name: 'Go to backups' }).getAttribute('href')).toBe('#/data');
  });

  it.each(['ok', 'checking'] as const)('shows nothing while the check is %s', (state) => {
    show({ state, message: '' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks again while the check is still running, and not once it has finished', () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const { unmount } = show({ state: 'checking', message: 'Checking the database in the background.' }, refresh);
    act(() => void vi.advanceTimersByTime(5000));
    expect(refresh).toHaveBeenCalledTimes(1);
    unmount();
    const done = vi.fn();
    show({ state: 'ok', message: 'The database passed its full check.' }, done);
    act(() => void vi.advanceTimersByTime(20_000));
    expect(done).not.toHaveBeenCalled();
  });
});
