// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput, ParsedInput } from '../../shared/contract/index.js';
import { screeningOutcome } from '../../shared/domain/screening-outcome.js';
import { ScreeningFormPage } from '../../renderer/pages/screenings/ScreeningFormPage.js';
import { renderSettingPage, settingUrl } from './harness.js';
import { ids, instrument, robin, setting, today } from './fixtures.js';
import type { Me } from '../../shared/schemas/session.js';

// The screening form proposes the age section for the date and, while the result there is Red or
// Amber, asks for the section below (the drop-back), as the toolkit is administered. What is
// saved is the sections asked for, in that order, and nothing typed into a section no longer asked for.

afterEach(cleanup);

/** What the core would answer to screenings.create: enough of a screening to pass the contract. */
function created(input: ParsedInput<'screenings.create'>): MethodOutput<'screenings.create'> {
  const stamp = '2026-11-27T10:00:00.000Z';
  return {
    id: ids.screening,
    createdAt: stamp,
    updatedAt: stamp,
    childId: input.childId,
    settingId: ids.setting,
    instrumentId: input.instrumentId,
    instrumentName: instrument.name,
    screeningDate: input.screeningDate,
    ageMonths: 44,
    ageSection: 7,
    screenerId: input.screenerId,
    screenerName: null,
    parentPresent: input.parentPresent,
    concernPractitioner: input.concernPractitioner,
    concernParent: input.concernParent,
    concernDetails: input.concernDetails,
    comments: input.comments,
    action: input.action ?? 'targeted',
    sections: input.sections.map((s) => ({
      section: s.section,
      score: s.score,
      enteredColour: s.colour,
      computedColour: null,
      colour: s.colour ?? 'green',
      disagrees: false,
      itemsNotPassed: s.itemsNotPassed,
    })),
    colour: input.sections[0]?.colour ?? 'green',
    workingAtSection: 6,
    activitySection: 6,
    sectionsBehind: 1,
    referralPrompted: false,
    referralReasons: [],
    reviewDate: '2027-02-19',
    stoppedEarly: input.stoppedEarly,
    stoppedEarlyReason: input.stoppedEarlyReason,
  };
}

/**
 * The core's answer to screenings.preview, worked out by the shared rule the core applies (the
 * form itself no longer works out an outcome: it shows this one).
 */
function previewed(input: ParsedInput<'screenings.preview'>): MethodOutput<'screenings.preview'> {
  const o = screeningOutcome({
    sections: instrument.sections,
    dateOfBirth: robin.dateOfBirth,
    screeningDate: input.screeningDate,
    results: input.sections,
    concernRaised: input.concernPractitioner || input.concernParent,
    intervals: setting.reviewIntervals,
    stoppedEarly: input.stoppedEarly,
    stoppedEarlyReason: input.stoppedEarlyReason,
  });
  const ok = o.issues.length === 0;
  return {
    issues: o.issues,
    ageMonths: o.ageMonths,
    ageSection: o.ageSection,
    complete: o.complete,
    colour: ok ? o.colour : null,
    workingAtSection: ok ? o.workingAt : null,
    sectionsBehind: ok ? o.sectionsBehind : null,
    activitySection: ok ? o.activitySection : null,
    referralPrompted: ok && o.referral.prompted,
    referralReasons: ok ? o.referral.reasons : [],
    reviewDate: ok ? o.reviewDate : null,
    suggestedAction: o.suggestedAction,
  };
}

/** Someone signed in who is not on the setting's staff: a visiting SLT assistant. */
function visitor(staffId: string | null): Me {
  return {
    accountId: null,
    displayName: 'A visiting assistant',
    userName: 'visitor',
    role: 'slt-assistant',
    roleLabel: 'SLT assistant',
    staffId,
    settingIds: [],
    mustChangePassword: false,
  };
}

async function openNewScreening(staffId?: string | null) {
  const rendered = renderSettingPage({
    ...(staffId === undefined ? {} : { me: visitor(staffId) }),
    path: 'children/:childId/screenings/new',
    url: settingUrl(`children/${robin.id}/screenings/new`),
    page: <ScreeningFormPage />,
    handlers: {
      'children.get': () => robin,
      'instruments.list': () => [instrument],
      'screenings.create': created,
      'screenings.preview': previewed,
    },
  });
  await screen.findByRole('heading', { name: 'Record a screening for Robin Testchild' });
  return rendered;
}

const colourFor = (section: number) => screen.queryByRole('group', { name: `Colour for section ${section}` });

function chooseColour(section: number, colour: 'Red' | 'Amber' | 'Green') {
  const group = colourFor(section);
  if (!group) throw new Error(`Section ${section} is not on the form`);
  fireEvent.click(within(group).getByLabelText(colour));
}

describe('the screening form drop-back', () => {
  it('proposes the age section for the date and asks for nothing below it until a result is in', async () => {
    await openNewScreening();
    expect(screen.getByText(/on this date: start with/)).toHaveProperty(
      'textContent',
      'Robin is 3y 8m (44 months) on this date: start with section 7 (42–47 months).',
    );
    expect(colourFor(7)).not.toBeNull();
    expect(colourFor(6)).toBeNull();
  });

  it('asks for the section below while the result is Amber, and stops at Green', async () => {
    await openNewScreening();
    chooseColour(7, 'Amber');
    expect(colourFor(6)).not.toBeNull();
    expect(within(screen.getByRole('group', { name: /^Section 6/ })).getByText('Drop-back')).toBeTruthy();

    chooseColour(6, 'Green');
    expect(colourFor(5)).toBeNull();
  });

  it('keeps dropping back through Red and Amber, one section at a time', async () => {
    await openNewScreening();
    chooseColour(7, 'Red');
    chooseColour(6, 'Amber');
    chooseColour(5, 'Red');
    expect(colourFor(4)).not.toBeNull();
    expect(colourFor(3)).toBeNull();
  });

  it('works the colour out from the score where the section has cut-offs', async () => {
    await openNewScreening();
    const score = screen.getByLabelText('Score (items passed, out of 12)');
    fireEvent.change(score, { target: { value: '4' } });
    expect(colourFor(6)).not.toBeNull();
    expect(screen.getByText(/From the score and cut-offs/).textContent).toContain('Red');

    fireEvent.change(score, { target: { value: '9' } });
    expect(colourFor(6)).toBeNull();
  });

  it('names the person using the app as the screener when they are staff here', async () => {
    await openNewScreening();
    expect((screen.getByLabelText('Screened by') as HTMLSelectElement).value).toBe(ids.staffPat);
  });

  it('leaves the screener to be chosen when the person using the app is not staff here', async () => {
    await openNewScreening(null);
    expect((screen.getByLabelText('Screened by') as HTMLSelectElement).value).toBe('');
  });

  it('saves the sections asked for, in order, and goes back to the child', async () => {
    const { fake, router } = await openNewScreening();
    chooseColour(7, 'Amber');
    chooseColour(6, 'Green');
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));

    await screen.findByText('Screening saved for Robin Testchild');
    expect(fake.inputsTo('screenings.create')).toEqual([
      {
        childId: robin.id,
        screeningDate: today,
        instrumentId: instrument.id,
        screenerId: ids.staffPat,
        parentPresent: false,
        concernPractitioner: false,
        concernParent: false,
        concernDetails: '',
        sections: [
          { section: 7, score: null, colour: 'amber', itemsNotPassed: [] },
          { section: 6, score: null, colour: 'green', itemsNotPassed: [] },
        ],
        comments: { speechSounds: '', attention: '', stammering: '', voice: '', other: '' },
        action: null,
        stoppedEarly: false,
        stoppedEarlyReason: '',
      },
    ]);
    await waitFor(() => expect(router.state.location.pathname).toBe(settingUrl(`children/${robin.id}`)));
  });

  it('does not send a section that a Green above it no longer asks for', async () => {
    const { fake } = await openNewScreening();
    chooseColour(7, 'Amber');
    chooseColour(6, 'Red');
    chooseColour(5, 'Green');
    chooseColour(7, 'Green');
    expect(colourFor(6)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));

    await screen.findByText('Screening saved for Robin Testchild');
    expect(fake.inputsTo('screenings.create').map((input) => input.sections)).toEqual([[{ section: 7, score: null, colour: 'green', itemsNotPassed: [] }]]);
  });

  it('refuses to save without a result, naming the section, and sends nothing', async () => {
    const { fake } = await openNewScreening();
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Section 7 needs a score or a colour.' })).toBeTruthy();
    expect(fake.inputsTo('screenings.create')).toEqual([]);
  });
});

describe('a screening that stops early', () => {
  it('refuses to save Red above section 1 without going down, saying what to do, and sends nothing', async () => {
    const { fake } = await openNewScreening();
    chooseColour(7, 'Red');
    chooseColour(6, 'Amber');
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Section 5 needs a score or a colour.' })).toBeTruthy();
    expect(fake.inputsTo('screenings.create')).toEqual([]);
  });

  it('asks for a reason when marked as stopped early, then saves the sections screened with the reason', async () => {
    const { fake } = await openNewScreening();
    chooseColour(7, 'Red');
    chooseColour(6, 'Amber');
    fireEvent.click(screen.getByLabelText(/The screening stopped before a Green section/));
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Say why the screening stopped early (for example, the child was unsettled)' })).toBeTruthy();
    expect(fake.inputsTo('screenings.create')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Why did it stop early?'), { target: { value: 'Robin was unsettled' } });
    // The outcome shown is the core's (screenings.preview), asked for once typing pauses.
    expect(await screen.findByText('Incomplete:')).toBeTruthy();
    expect(fake.inputsTo('screenings.preview').at(-1)).toMatchObject({ stoppedEarly: true, stoppedEarlyReason: 'Robin was unsettled' });
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));
    await screen.findByText('Screening saved for Robin Testchild');
    expect(fake.inputsTo('screenings.create')).toMatchObject([
      {
        sections: [
          { section: 7, colour: 'red' },
          { section: 6, colour: 'amber' },
        ],
        stoppedEarly: true,
        stoppedEarlyReason: 'Robin was unsettled',
      },
    ]);
  });

  it('shows what screenings.preview finds beside its field as the form is filled in, before saving', async () => {
    const { fake } = await openNewScreening();
    chooseColour(7, 'Green');
    expect(await screen.findByText('What this screening shows')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/The screening stopped before a Green section/));
    fireEvent.change(screen.getByLabelText('Why did it stop early?'), { target: { value: 'Time ran out' } });
    expect(await screen.findByText(/did not stop early/)).toBeTruthy();
    expect(fake.inputsTo('screenings.preview').at(-1)).toMatchObject({ stoppedEarly: true, sections: [{ section: 7, colour: 'green' }] });
    expect(fake.inputsTo('screenings.create')).toEqual([]);
  });

  it('refuses "stopped early" on a screening that reached Green', async () => {
    const { fake } = await openNewScreening();
    chooseColour(7, 'Green');
    fireEvent.click(screen.getByLabelText(/The screening stopped before a Green section/));
    fireEvent.change(screen.getByLabelText('Why did it stop early?'), { target: { value: 'Time ran out' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save screening' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /did not stop early/ })).toBeTruthy();
    expect(fake.inputsTo('screenings.create')).toEqual([]);
  });
});
