import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ageInCompletedMonths, compareIsoDates, formatAge, isIsoDate } from '../../../shared/domain/dates.js';
import { findSection, resolveSectionResults, sectionForAge } from '../../../shared/domain/screening.js';
import { plural } from '../../../shared/domain/words.js';
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
import { errorsFromFailure, issuesToFieldErrors, validate, type FieldErrors } from '../../lib/forms.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { useSetting } from '../settings/SettingLayout.js';
import { commentFields, draftFrom, draftToInput, emptyDraft, sectionsToShow, type Draft, type SectionDraft } from './draft.js';
import { OutcomePanel } from './OutcomePanel.js';
import { screeningToInput } from './screeningToInput.js';
import { SectionEntry } from './SectionEntry.js';
import { useSession } from '../../lib/session.js';
import { useScreeningPreview } from './useScreeningPreview.js';

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
  const field = <K extends keyof Draft & string>(key: K) => bind(key, fieldErrors);
  const instrument = instruments.find((i) => i.id === draft.instrumentId) ?? defaultInstrument;
  const name = `${child.firstName} ${child.lastName}`;

  const date = fromUkInput(draft.screeningDate);
  const dateUsable = date !== null && isIsoDate(date) && compareIsoDates(date, child.dateOfBirth) >= 0;
  // Where to start and which sections to show: guidance for entering, not the outcome.
  const age = dateUsable && instrument ? ageInCompletedMonths(child.dateOfBirth, date) : null;
  const ageSection = age !== null && instrument ? sectionForAge(instrument.sections, age) : null;
  const shown = instrument && age !== null ? sectionsToShow(ageSection, draft, instrument) : [];

  const input = draftToInput(child.id, draft, date, shown);
  // The colour each score gives, beside its section as it is typed.
  const resolved = instrument ? resolveSectionResults(instrument.sections, input.sections) : [];
  // The outcome comes from the core (screenings.preview), asked only once every section shown has
  // a result and the form's own checks pass, so the section being typed is never called a problem.
  const entered = input.sections.length > 0 && input.sections.every((s) => s.score !== null || s.colour !== null);
  const previewable = entered && ageSection !== null && date !== null && compareIsoDates(date, today) <= 0 ? validate(screeningInputSchema, input) : null;
  const { preview, errors: previewErrors, updating } = useScreeningPreview(previewable?.ok ? previewable.value : null);
  // The last outcome stays in view while a section is half typed or the next answer is on its way.
  const outcome = ageSection !== null ? preview : null;
  const fieldErrors: FieldErrors = { ...previewErrors, ...errors };

  const setSection = (section: number, change: Partial<SectionDraft>) =>
    setDraft((d) => ({ ...d, sections: { ...d.sections, [section]: { ...(d.sections[section] ?? emptyDraft), ...change } } }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const extra: FieldIssue[] = [];
    if (date && isIsoDate(date)) {
      if (compareIsoDates(date, child.dateOfBirth) < 0)
        extra.push({ path: ['screeningDate'], message: 'The screening date is before the child’s date of birth' });
      else if (compareIsoDates(date, today) > 0) extra.push({ path: ['screeningDate'], message: 'The screening date must be today or in the past' });
      else if (age !== null && ageSection === null)
        extra.push({ path: ['screeningDate'], message: `${child.firstName} is ${age} months old on that date: outside the toolkit’s range` });
    }
    const checked = validate(screeningInputSchema, input, extra);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      // The same check the core makes on save, through the same path as the outcome shown: a
      // screening that breaks a rule is refused here, before anything is sent to be saved.
      const problems = (await api('screenings.preview', checked.value)).issues;
      if (problems.length > 0) {
        setErrors(issuesToFieldErrors(problems));
        setSaving(false);
        return;
      }
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
  const ageSpec = ageSection ? findSection(instrument?.sections ?? [], ageSection) : undefined;
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
        {age !== null && (
          <p className="info" aria-live="polite">
            {ageSection !== null && ageSpec ? (
              <>
                {child.firstName} is <strong>{formatAge(age)}</strong> ({age} months) on this date: start with <strong>section {ageSection}</strong> (
                {ageSpec.minMonths}–{ageSpec.maxMonths} months).
              </>
            ) : (
              <>
                {child.firstName} is {age} months old on this date: outside the toolkit’s range.
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
            resolved={resolved[index]}
            last={index === shown.length - 1}
            errors={fieldErrors}
            onChange={(change) => setSection(section, change)}
          />
        ))}
      {fieldErrors.sections && <p className="error-text">{fieldErrors.sections}</p>}

      <fieldset className="fieldset">
        <legend>If the screening stopped early</legend>
        <CheckboxField
          name="stoppedEarly"
          label="The screening stopped before a Green section (for example, the child was unsettled or time ran out)"
          hint={`It is kept as incomplete, and a re-screen is due in ${plural(setting.reviewIntervals.stoppedEarlyWeeks, 'week')}.`}
          checked={draft.stoppedEarly}
          onChange={set('stoppedEarly')}
        />
        {fieldErrors.stoppedEarly && <p className="error-text">{fieldErrors.stoppedEarly}</p>}
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
              error={fieldErrors[`comments.${key}`]}
            />
          ))}
        </details>
      </fieldset>

      {outcome && outcome.colour && outcome.issues.length === 0 && <OutcomePanel outcome={outcome} updating={updating} />}

      <RadioGroup
        name="action"
        legend="What happens next"
        hint={outcome?.colour ? `Suggested: ${screeningActionLabels[outcome.suggestedAction].split(':')[0]}` : undefined}
        value={draft.action || (outcome?.colour ? outcome.suggestedAction : '')}
        options={optionsFrom(screeningActionLabels)}
        onChange={set('action')}
        error={fieldErrors.action}
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
