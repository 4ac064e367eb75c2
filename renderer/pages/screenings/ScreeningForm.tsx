import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ageInCompletedMonths, compareIsoDates, formatAge, isIsoDate } from '../../../shared/domain/dates.js';
import { findSection, sectionForAge } from '../../../shared/domain/screening.js';
import { screeningOutcome, type ScreeningOutcome } from '../../../shared/domain/screening-outcome.js';
import type { FieldIssue } from '../../../shared/errors.js';
import type { Child } from '../../../shared/schemas/children.js';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import { screeningActionLabels, screeningInputSchema, type Screening } from '../../../shared/schemas/screenings.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { CheckboxField, DateField, optionsFrom, RadioGroup, recordOptions, SelectField, TextAreaField } from '../../components/fields.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { formatUkDate, fromUkInput } from '../../lib/format.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { useSetting } from '../settings/SettingLayout.js';
import { commentFields, draftFrom, draftToInput, emptyDraft, sectionsToShow, type Draft, type SectionDraft } from './draft.js';
import { OutcomePanel } from './OutcomePanel.js';
import { screeningToInput } from './screeningToInput.js';
import { SectionEntry } from './SectionEntry.js';
import { useSession } from '../../lib/session.js';

interface Props {
  child: Child;
  instruments: Instrument[];
  staff: Staff[];
  existing: Screening | undefined;
}

/**
 * Recording a screening (or changing one): the date gives the age section, each Red or Amber asks
 * for the section below, and the outcome is worked out as the results are typed.
 */
export function ScreeningForm({ child, instruments, staff, existing }: Props) {
  const api = useApiClient();
  const { setting } = useSetting();
  const today = useToday();
  const { notify } = useAppState();
  const { me: signedIn } = useSession();
  // A new screening is usually recorded by the person who did it: the one using the app, when they
  // are current staff of this setting (an assistant from elsewhere picks from the list).
  const me = staff.find((s) => s.id === signedIn.staffId && !s.archivedAt)?.id ?? '';
  const navigate = useNavigate();
  const defaultInstrument = instruments.find((i) => i.isDefault) ?? instruments[0];
  const { values: draft, setValues: setDraft, set, field: bind } = useFormValues<Draft>(() => draftFrom(existing, defaultInstrument?.id ?? '', today, me));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const field = <K extends keyof Draft & string>(key: K) => bind(key, errors);
  const instrument = instruments.find((i) => i.id === draft.instrumentId) ?? defaultInstrument;
  const name = `${child.firstName} ${child.lastName}`;

  const date = fromUkInput(draft.screeningDate);
  const dateUsable = date !== null && isIsoDate(date) && compareIsoDates(date, child.dateOfBirth) >= 0;
  const shown = useMemo(() => {
    if (!instrument || !dateUsable) return [];
    const ageSection = sectionForAge(instrument.sections, ageInCompletedMonths(child.dateOfBirth, date));
    return sectionsToShow(ageSection, draft, instrument);
  }, [instrument, dateUsable, date, child.dateOfBirth, draft]);

  const input = draftToInput(child.id, draft, date, shown);
  const outcome: ScreeningOutcome | null =
    instrument && dateUsable
      ? screeningOutcome({
          sections: instrument.sections,
          dateOfBirth: child.dateOfBirth,
          screeningDate: date,
          results: input.sections,
          concernRaised: draft.concernPractitioner || draft.concernParent,
          intervals: setting.reviewIntervals,
          stoppedEarly: input.stoppedEarly,
          stoppedEarlyReason: input.stoppedEarlyReason,
        })
      : null;

  const setSection = (section: number, change: Partial<SectionDraft>) =>
    setDraft((d) => ({ ...d, sections: { ...d.sections, [section]: { ...(d.sections[section] ?? emptyDraft), ...change } } }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const extra: FieldIssue[] = [];
    if (date && isIsoDate(date)) {
      if (compareIsoDates(date, child.dateOfBirth) < 0)
        extra.push({ path: ['screeningDate'], message: 'The screening date is before the child’s date of birth' });
      else if (compareIsoDates(date, today) > 0) extra.push({ path: ['screeningDate'], message: 'The screening date must be today or in the past' });
      else if (outcome && outcome.ageSection === null)
        extra.push({ path: ['screeningDate'], message: `${child.firstName} is ${outcome.ageMonths} months old on that date: outside the toolkit’s range` });
      else if (outcome) extra.push(...outcome.issues);
    }
    const checked = validate(screeningInputSchema, input, extra);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const { childId, ...fields } = checked.value;
      if (existing) {
        const before = existing;
        await api('screenings.update', { id: existing.id, ...fields });
        notify({
          message: `Screening of ${formatUkDate(fields.screeningDate)} saved`,
          undo: () => api('screenings.update', { id: before.id, ...screeningToInput(before) }),
        });
      } else {
        await api('screenings.create', { childId, ...fields });
        notify({ message: `Screening saved for ${name}` });
      }
      navigate(`/s/${setting.id}/children/${child.id}`);
    } catch (err) {
      setErrors(errorsFromFailure(err));
      setSaving(false);
    }
  }

  const order = [
    'screeningDate',
    'instrumentId',
    'screenerId',
    ...shown.flatMap((_, i) => [`sections.${i}.section`, `sections.${i}.score`, `sections.${i}.colour`, `sections.${i}.itemsNotPassed`]),
    'sections',
    'stoppedEarly',
    'stoppedEarlyReason',
    'concernDetails',
    'action',
  ];
  const ageSpec = outcome?.ageSection ? findSection(instrument?.sections ?? [], outcome.ageSection) : undefined;
  // Archived tools and staff who have left stay choosable on a screening that already names them.
  const instrumentOptions = recordOptions(instruments.filter((i) => !i.archivedAt || i.id === draft.instrumentId));
  const staffOptions = recordOptions(staff.filter((s) => !s.archivedAt || s.id === draft.screenerId));

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        <Link to={`/s/${setting.id}/children/${child.id}`}>{name}</Link>
      </p>
      <h1>{existing ? `Edit screening of ${formatUkDate(existing.screeningDate)}` : `Record a screening for ${name}`}</h1>
      <ErrorSummary errors={errors} order={order} />

      <fieldset className="fieldset">
        <legend>The screening</legend>
        <DateField label="Date of screening" {...field('screeningDate')} />
        {outcome && (
          <p className="info" aria-live="polite">
            {outcome.ageSection !== null && ageSpec ? (
              <>
                {child.firstName} is <strong>{formatAge(outcome.ageMonths)}</strong> ({outcome.ageMonths} months) on this date: start with{' '}
                <strong>section {outcome.ageSection}</strong> ({ageSpec.minMonths}–{ageSpec.maxMonths} months).
              </>
            ) : (
              <>
                {child.firstName} is {outcome.ageMonths} months old on this date: outside the toolkit’s range.
              </>
            )}
          </p>
        )}
        {instruments.length > 1 && <SelectField label="Screening tool" options={instrumentOptions} {...field('instrumentId')} />}
        <SelectField label="Screened by" options={staffOptions} {...field('screenerId')} emptyLabel="Not recorded" />
        <CheckboxField name="parentPresent" label="A parent or carer was present" checked={draft.parentPresent} onChange={set('parentPresent')} />
      </fieldset>

      {instrument &&
        shown.map((section, index) => (
          <SectionEntry
            key={section}
            section={section}
            index={index}
            spec={findSection(instrument.sections, section)}
            entered={draft.sections[section] ?? emptyDraft}
            resolved={outcome?.resolved[index]}
            last={index === shown.length - 1}
            errors={errors}
            onChange={(change) => setSection(section, change)}
          />
        ))}
      {errors.sections && <p className="error-text">{errors.sections}</p>}

      <fieldset className="fieldset">
        <legend>If the screening stopped early</legend>
        <CheckboxField
          name="stoppedEarly"
          label="The screening stopped before a Green section (for example, the child was unsettled or time ran out)"
          hint="It is kept as incomplete, and a re-screen is due in 2 weeks."
          checked={draft.stoppedEarly}
          onChange={set('stoppedEarly')}
        />
        {errors.stoppedEarly && <p className="error-text">{errors.stoppedEarly}</p>}
        {draft.stoppedEarly && <TextAreaField label="Why did it stop early?" {...field('stoppedEarlyReason')} />}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Concerns and comments</legend>
        <CheckboxField
          name="concernPractitioner"
          label="The practitioner has a specific concern"
          checked={draft.concernPractitioner}
          onChange={set('concernPractitioner')}
        />
        <CheckboxField name="concernParent" label="The parent or carer has a specific concern" checked={draft.concernParent} onChange={set('concernParent')} />
        {(draft.concernPractitioner || draft.concernParent) && <TextAreaField label="What is the concern?" {...field('concernDetails')} />}
        <details className="details">
          <summary>Comments on speech sounds, attention, stammering and voice</summary>
          {commentFields.map(([key, label]) => (
            <TextAreaField
              key={key}
              name={`comments.${key}`}
              label={label}
              value={draft.comments[key]}
              onChange={(v) => setDraft((d) => ({ ...d, comments: { ...d.comments, [key]: v } }))}
              error={errors[`comments.${key}`]}
            />
          ))}
        </details>
      </fieldset>

      {outcome && outcome.colour && outcome.issues.length === 0 && <OutcomePanel outcome={outcome} />}

      <RadioGroup
        name="action"
        legend="What happens next"
        hint={outcome?.colour ? `Suggested: ${screeningActionLabels[outcome.suggestedAction].split(':')[0]}` : undefined}
        value={draft.action || (outcome?.colour ? outcome.suggestedAction : '')}
        options={optionsFrom(screeningActionLabels)}
        onChange={set('action')}
        error={errors.action}
      />

      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {existing ? 'Save changes' : 'Save screening'}
        </button>
        <Link className="button button--secondary" to={`/s/${setting.id}/children/${child.id}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
