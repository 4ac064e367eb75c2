// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildFormPage } from '../../renderer/pages/children/ChildFormPage.js';
import { renderSettingPage, settingUrl } from './harness.js';

// An impossible date of birth beside a start date once made the date-order rule throw inside the
// form's own check, so Save did nothing at all. The form must name the field instead, and send nothing.

afterEach(cleanup);

describe('the child form with an impossible date', () => {
  it('names the date of birth and sends nothing when it is 30/02/2024 beside a start date', async () => {
    const rendered = renderSettingPage({ path: 'children/new', url: settingUrl('children/new'), page: <ChildFormPage />, handlers: {} });
    fireEvent.change(await screen.findByLabelText('First name'), { target: { value: 'Ben' } });
    fireEvent.change(screen.getByLabelText('Last name'), { target: { value: 'Buttonhook' } });
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '30/02/2024' } });
    fireEvent.change(screen.getByLabelText('Sex'), { target: { value: 'male' } });
    fireEvent.change(screen.getByLabelText('Start date (optional)'), { target: { value: '01/09/2025' } });
    fireEvent.click(screen.getByRole('button', { name: /save/i }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Enter a real date, for example 27/11/2026')).toBeTruthy();
    await waitFor(() => expect(rendered.fake.calls.map((c) => c.method)).not.toContain('children.create'));
  });
});
