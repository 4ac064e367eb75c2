// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/api.js';
import { PrintButton } from '../../renderer/components/PrintButton.js';
import { ApiProvider } from '../../renderer/lib/apiClient.js';
import { defaultPrintTitle, PrintTitleProvider, usePrintPlace } from '../../renderer/lib/printTitle.js';
import { usePrintPage } from '../../renderer/lib/usePrintPage.js';
import { AppError } from '../../shared/errors.js';
import { fakeTransport, type FakeHandlers } from '../support/fakeTransport.js';

// The running header of printed screens: the Shell's default (the page's h1 and its setting) unless
// a page names itself with usePrintPage, and the print buttons: one "Print or save as PDF" in
// browser mode, "Print" and "Save as PDF" (reports.savePdf with the printed title) in the desktop app.

afterEach(() => {
  cleanup();
  delete window.chatterbox;
});

function SettingScreen({ heading, own }: { heading: string; own?: string }) {
  usePrintPlace('Acorn Lane Nursery');
  return own ? <OwnTitle heading={heading} own={own} /> : <h1>{heading}</h1>;
}

function OwnTitle({ heading, own }: { heading: string; own: string }) {
  usePrintPage(own);
  return <h1>{heading}</h1>;
}

/** A Shell in miniature: the provider around a main holding the screen and a print button. */
function Shell({ initial, handlers = {} }: { initial: { heading: string; own?: string }; handlers?: FakeHandlers }) {
  const fake = fakeTransport(handlers);
  function Screens() {
    const [screen, setScreen] = useState(initial);
    return (
      <main id="main">
        <SettingScreen {...screen} />
        <PrintButton />
        <button type="button" onClick={() => setScreen({ heading: 'Children' })}>
          Go to children
        </button>
      </main>
    );
  }
  const rendered = render(
    <ApiProvider api={createApi(fake.transport)}>
      <PrintTitleProvider main={() => document.getElementById('main')}>
        <Screens />
      </PrintTitleProvider>
    </ApiProvider>,
  );
  return { ...rendered, fake };
}

function asDesktopApp() {
  window.chatterbox = { transport: 'ipc', call: () => Promise.reject(new Error('not used: the test gives its own transport')) };
}

describe('printed titles', () => {
  it('default to the screen heading and the setting, in plain words', () => {
    expect(defaultPrintTitle('Children', 'Acorn Lane Nursery')).toBe('Children – Acorn Lane Nursery');
    expect(defaultPrintTitle('Audit trail', null)).toBe('Audit trail');
    expect(defaultPrintTitle('Visit agenda: Acorn Lane Nursery, 27/11/2026', 'Acorn Lane Nursery')).toBe('Visit agenda: Acorn Lane Nursery, 27/11/2026');
    expect(defaultPrintTitle('', null)).toBe('Chatterbox');
  });

  it('in the desktop app, Save as PDF sends the default title, then the title a page names itself, and says where it saved', async () => {
    asDesktopApp();
    const { fake } = Shell({
      initial: { heading: 'Cohort tracking' },
      handlers: { 'reports.savePdf': ({ title }) => ({ saved: true, path: `/home/pat/Documents/${title}.pdf` }) },
    });
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' })));
    expect(fake.inputsTo('reports.savePdf')).toEqual([{ title: 'Cohort tracking – Acorn Lane Nursery' }]);
    expect((await screen.findByRole('status')).textContent).toBe('Saved /home/pat/Documents/Cohort tracking – Acorn Lane Nursery.pdf');

    // After moving screens the default follows the new heading.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Go to children' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' })));
    expect(fake.inputsTo('reports.savePdf').at(-1)).toEqual({ title: 'Children – Acorn Lane Nursery' });
  });

  it('lets a page that names itself win over the default', async () => {
    asDesktopApp();
    const { fake } = Shell({
      initial: { heading: 'Progress report', own: 'Setting progress report, Autumn 2026' },
      handlers: { 'reports.savePdf': () => ({ saved: false, path: null }) },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' })));
    expect(fake.inputsTo('reports.savePdf')).toEqual([{ title: 'Setting progress report, Autumn 2026' }]);
    // Cancelled: nothing said.
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows why a PDF could not be saved, naming the file', async () => {
    asDesktopApp();
    Shell({
      initial: { heading: 'Audit trail' },
      handlers: {
        'reports.savePdf': () => {
          throw new AppError('CONFLICT', '/media/usb/Audit.pdf could not be saved: that folder is read-only or you may not save there.');
        },
      },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' })));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^\/media\/usb\/Audit\.pdf could not be saved/);
  });

  it('in browser mode offers the one "Print or save as PDF" button', () => {
    Shell({ initial: { heading: 'Children' } });
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save as PDF' })).toBeNull();
  });
});
