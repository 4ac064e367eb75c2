// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/api.js';
import { ApiProvider } from '../../renderer/lib/apiClient.js';
import { AppStateProvider } from '../../renderer/lib/appState.js';
import { EncryptionSection, statusSentences } from '../../renderer/pages/encryption/EncryptionSection.js';
import { AppError } from '../../shared/errors.js';
import type { EncryptionStatus } from '../../shared/schemas/encryption.js';
import { fakeTransport } from '../support/fakeTransport.js';
import { appInfo } from './fixtures.js';

// The Encryption section of the Backups page: the status in plain words, and a key change that
// asks for the passphrase, refuses a wrong one beside its field, and shows the new recovery key once.

afterEach(cleanup);

const status: EncryptionStatus = {
  encrypted: true,
  keyFilePresent: true,
  passphraseSet: false,
  protectedByComputer: true,
  olderKeys: 0,
  plainOriginalWaiting: false,
};
const newRecoveryKey = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

function show() {
  let current = status;
  const fake = fakeTransport({
    'encryption.status': () => current,
    'encryption.changeKey': (input) => {
      if (input.current !== 'the right passphrase')
        throw new AppError('VALIDATION', 'That is neither the passphrase nor the recovery key of this database. Nothing was changed.', [
          { path: ['current'], message: 'This is neither the passphrase nor the recovery key: check it and try again' },
        ]);
      current = { ...status, olderKeys: 1 };
      return { recoveryKey: newRecoveryKey, olderKeys: 1 };
    },
  });
  render(
    <ApiProvider api={createApi(fake.transport)}>
      <AppStateProvider info={appInfo} refreshInfo={() => undefined}>
        <EncryptionSection />
      </AppStateProvider>
    </ApiProvider>,
  );
  return fake;
}

describe('the Encryption section', () => {
  it('words the status plainly, naming what unlocks the database and what is waiting', () => {
    expect(statusSentences(status)).toEqual([
      'The database and its backups are encrypted.',
      "It can be unlocked with the recovery key or this computer's account.",
    ]);
    expect(statusSentences({ ...status, passphraseSet: true, olderKeys: 2, plainOriginalWaiting: true }).join(' ')).toMatch(
      /the passphrase, the recovery key or this computer's account\. 2 older keys are kept .* An unencrypted copy/,
    );
    expect(statusSentences({ ...status, encrypted: false })[0]).toMatch(/^The database file is not encrypted/);
  });

  it('refuses a wrong passphrase beside its field, then shows the new recovery key once', async () => {
    const fake = show();
    expect(await screen.findByText('The database and its backups are encrypted.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change the encryption key' }));
    fireEvent.change(screen.getByLabelText('The passphrase or the recovery key'), { target: { value: 'the wrong passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change the key' }));
    expect((await screen.findAllByText(/neither the passphrase nor the recovery key/)).length).toBeGreaterThan(0);
    expect(screen.queryByText(newRecoveryKey)).toBeNull();

    fireEvent.change(screen.getByLabelText('The passphrase or the recovery key'), { target: { value: 'the right passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change the key' }));
    expect(await screen.findByText(newRecoveryKey)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Write down the new recovery key' })).toBeTruthy();
    // Without a new passphrase typed, none is sent: the core keeps the one typed.
    expect(fake.inputsTo('encryption.changeKey').at(-1)).toEqual({ current: 'the right passphrase' });
    await waitFor(() => expect(screen.getByText(/One older key is kept/)).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'I have written it down' }));
    expect(screen.queryByText(newRecoveryKey)).toBeNull();
    expect(screen.getByRole('button', { name: 'Change the encryption key' })).toBeTruthy();
  });
});
