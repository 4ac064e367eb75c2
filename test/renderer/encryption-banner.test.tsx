// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptionBanner } from '../../renderer/components/EncryptionBanner.js';
import { AppStateProvider } from '../../renderer/lib/appState.js';
import { appInfo } from './fixtures.js';

// A database from before encryption is named as such on every page until it is encrypted.

afterEach(cleanup);

function show(encrypted: boolean) {
  return render(
    <AppStateProvider info={{ ...appInfo, encrypted }} refreshInfo={() => undefined}>
      <EncryptionBanner />
    </AppStateProvider>,
  );
}

describe('the encryption banner', () => {
  it('says in plain words that the file is not encrypted and what to ask for', () => {
    show(false);
    expect(screen.getByRole('status').textContent).toMatch(/This database file is not encrypted, so anyone who copies it can read the records/);
  });

  it('shows nothing for an encrypted database', () => {
    show(true);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
