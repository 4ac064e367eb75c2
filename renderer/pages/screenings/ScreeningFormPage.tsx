import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ageInCompletedMonths, compareIsoDates, formatAge, isIsoDate } from '../../../shared/domain/dates.js';
import { findSection, resolveSectionColour, sectionForAge, type Colour } from '../../../shared/domain/screening.js';
import { screeningOutcome, type ScreeningOutcome } from '../../../shared/domain/screening-outcome.js';
import type { FieldIssue } from '../../../shared/errors.js';
import type { Child } from '../../../shared/schemas/children.js';
import { colourLabels, screeningActionLabels, screeningInputSchema, type Screening, type ScreeningInput } from '../../../shared/schemas/screenings.js';
import { type Instrument } from '../../../shared/schemas/instruments.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ColourTag } from '../../components/ColourTag.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { CheckboxField, DateField, optionsFrom, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { screeningToInput } from './screeningToInput.js';
import { useSetting } from '../settings/SettingLayout.js';

/** What one section's boxes hold, as typed. */
interface SectionDraft {
  score: string;
  colour: Colour | '';
  itemsNotPassed: string;
}
const emptyDraft: SectionDraft = { score: '', colour: '', itemsNotPassed: '' };

interface Draft {
  screeningDate: string;
  instrumentId: string;
  screenerId: string;
  parentPresent: boolean;
  concernPractitioner: boolean;
  concernParent: boolean;
  concernDetails: string;
  /** Keyed by section number, so changing the date (and so the age section) keeps what was typed. */
  sections: Record<number, SectionDraft>;
  comments: { speechSounds: string; attention: string; stammering: string; voice: string; other: string };
  action: ScreeningInput['action'] | '';
}

const commentFields = [
  ['speechSounds', 'Speech sounds'],
  ['attention', 'Attention and listening'],
  ['stammering', 'Stammering'],
  ['voice', 'Voice'],
  ['other', 'Other comments'],
] as const;

function draftFrom(existing: Screening | undefined, defaultInstrument: string, today: string): Draft {
  const sections: Record<number, SectionDraft> = {};
  for (const s of existing?.sections ?? []) {
    sections[s.section] = { score: s.score === null ? '' : String(s.score), colour: s.enteredColour ?? '', itemsNotPassed: s.itemsNotPassed.join(', ') };
  }
  return {
    screeningDate: toUkInput(existing?.screeningDate ?? today),
    instrumentId: existing?.instrumentId ?? defaultInstrument,
    screenerId: existing?.screenerId ?? '',
    parentPresent: existing?.parentPresent ?? false,
    concernPractitioner: existing?.concernPractitioner ?? false,
    concernParent: existing?.concernParent ?? false,
    concernDetails: existing?.concernDetails ?? '',
    sections,
    comments: existing?.comments ?? { speechSounds: '', attention: '', stammering: '', voice: '', other: '' },
    action: existing?.action ?? '',
  };
}

const parseScore = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
const parseItems = (text: string): number[] =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((t) => Number(t));

/**
 * The sections to show: the age section, then one below each Red or Amber, until a Green or
 * section 1, exactly as the toolkit is administered.
 */
function sectionsToShow(ageSection: number | null, draft: Draft, instrument: Instrument): number[] {
  if (ageSection === null) return [];
  const shown: number[] = [];
  for (let section = ageSection; section >= 1; section--) {
    shown.push(section);
    const entered = draft.sections[section] ?? emptyDraft;
    const { colour } = resolveSectionColour(findSection(instrument.sections, section), {
      section,
      score: parseScore(entered.score),
      colour: entered.colour || null,
    });
    if (colour !== 'red' && colour !== 'amber') break;
  }
  return shown;
}


export function ScreeningFormPage() {
  const { childId = '', screeningId } = useParams();
  const child = useApi('children.get', { id: childId });
  const instruments = useApi('instruments.list', {});
  const staff = useApi('staff.list', { settingId: useSetting().setting.id, includeArchived: true });
  const existing = useApi('screenings.get', screeningId ? { id: screeningId } : null);
  return (
    <WhenLoaded results={[child, instruments, staff, screeningId ? existing : null]}>
      {(c, i, s, e) => <ScreeningForm key={screeningId ?? 'new'} child={c} instruments={i} staff={s} existing={e} />}
    </WhenLoaded>
  );
}

interface FormProps {
  child: Child;
  instruments: Instrument[];
  staff: Staff[];
  existing: Screening | undefined;
}

function ScreeningForm({ child, instruments, staff, existing }: FormProps) {
  const api = useApiClient();
  const { setting } = useSetting();
  const today = useToday();
  const { notify } = useAppState();
  const navigate = useNavigate();
  const defaultInstrument = instruments.find((i) => i.isDefault) ?? instruments[0];
  const [draft, setDraft] = useState<Draft>(() => draftFrom(existing, defaultInstrument?.id ?? '', today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const instrument = instruments.find((i) => i.id === draft.instrumentId) ?? defaultInstrument;
  const name = `${child.firstName} ${child.lastName}`;

  const date = fromUkInput(draft.screeningDate);
  const dateUsable = date !== null && isIsoDate(date) && compareIsoDates(date, child.dateOfBirth) >= 0;
  const shown = useMemo(() => {
    if (!instrument || !dateUsable) return [];
    const ageSection = sectionForAge(instrument.sections, ageInCompletedMonths(child.dateOfBirth, date));
    return sectionsToShow(ageSection, draft, instrument);
  }, [instrument, dateUsable, date, child.dateOfBirth, draft]);

  const input = {
    childId: child.id,
    screeningDate: date ?? undefined,
    instrumentId: draft.instrumentId,
    screenerId: draft.screenerId || null,
    parentPresent: draft.parentPresent,
    concernPractitioner: draft.concernPractitioner,
    concernParent: draft.concernParent,
    concernDetails: draft.concernDetails,
    sections: shown.map((section) => {
      const s = draft.sections[section] ?? emptyDraft;
      return { section, score: parseScore(s.score), colour: s.colour || null, itemsNotPassed: parseItems(s.itemsNotPassed) };
    }),
    comments: draft.comments,
    action: draft.action || null,
  };
  const outcome: ScreeningOutcome | null =
    instrument && dateUsable
      ? screeningOutcome({
          sections: instrument.sections,
          dateOfBirth: child.dateOfBirth,
          screeningDate: date,
          results: input.sections,
          concernRaised: draft.concernPractitioner || draft.concernParent,
          intervals: setting.reviewIntervals,
        })
      : null;

  const setSection = (section: number, change: Partial<SectionDraft>) =>
    setDraft((d) => ({ ...d, sections: { ...d.sections, [section]: { ...(d.sections[section] ?? emptyDraft), ...change } } }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const extra: FieldIssue[] = [];
    if (date && isIsoDate(date)) {
      if (compareIsoDates(date, child.dateOfBirth) < 0) extra.push({ path: ['screeningDate'], message: 'The screening date is before the child’s date of birth' });
      else if (compareIsoDates(date, today) > 0) extra.push({ path: ['screeningDate'], message: 'The screening date must be today or in the past' });
      else if (outcome && outcome.ageSection === null) extra.push({ path: ['screeningDate'], message: `${child.firstName} is ${outcome.ageMonths} months old on that date: outside the toolkit’s range` });
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
        notify({ message: `Screening of ${formatUkDate(fields.screeningDate)} saved`, undo: () => api('screenings.update', { id: before.id, ...screeningToInput(before) }) });
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

  const order = ['screeningDate', 'instrumentId', 'screenerId', ...shown.flatMap((_, i) => [`sections.${i}.section`, `sections.${i}.score`, `sections.${i}.colour`, `sections.${i}.itemsNotPassed`]), 'sections', 'concernDetails', 'action'];
  const ageSpec = outcome?.ageSection ? findSection(instrument?.sections ?? [], outcome.ageSection) : undefined;

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        <Link to={`/s/${setting.id}/children/${child.id}`}>{name}</Link>
      </p>
      <h1>{existing ? `Edit screening of ${formatUkDate(existing.screeningDate)}` : `Record a screening for ${name}`}</h1>
      <ErrorSummary errors={errors} order={order} />

      <fieldset className="fieldset">
        <legend>The screening</legend>
        <DateField name="screeningDate" label="Date of screening" value={draft.screeningDate} onChange={(v) => setDraft((d) => ({ ...d, screeningDate: v }))} error={errors.screeningDate} />
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
        {instruments.length > 1 && (
          <SelectField
            name="instrumentId"
            label="Screening tool"
            value={draft.instrumentId}
            options={instruments.filter((i) => !i.archivedAt || i.id === draft.instrumentId).map((i) => ({ value: i.id, label: i.name }))}
            onChange={(v) => setDraft((d) => ({ ...d, instrumentId: v }))}
            error={errors.instrumentId}
          />
        )}
        <SelectField
          name="screenerId"
          label="Screened by"
          value={draft.screenerId}
          options={staff.filter((s) => !s.archivedAt || s.id === draft.screenerId).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v) => setDraft((d) => ({ ...d, screenerId: v }))}
          error={errors.screenerId}
          emptyLabel="Not recorded"
        />
        <CheckboxField name="parentPresent" label="A parent or carer was present" checked={draft.parentPresent} onChange={(v) => setDraft((d) => ({ ...d, parentPresent: v }))} />
      </fieldset>

      {instrument &&
        shown.map((section, index) => {
          const spec = findSection(instrument.sections, section);
          const entered = draft.sections[section] ?? emptyDraft;
          const resolved = outcome?.resolved[index];
          const hasCutOffs = spec?.lowestGreen !== null && spec?.lowestAmber !== null;
          return (
            <fieldset className="fieldset section-entry" key={section}>
              <legend>
                Section {section}
                {spec && (
                  <span className="muted">
                    {' '}
                    ({spec.minMonths}–{spec.maxMonths} months, {spec.itemCount} items)
                  </span>
                )}
                {index > 0 && <span className="tag">Drop-back</span>}
              </legend>
              {errors[`sections.${index}.section`] && <p className="field__error" id={`field-sections.${index}.section`}>{errors[`sections.${index}.section`]}</p>}
              <div className="section-entry__row">
                <TextField
                  name={`sections.${index}.score`}
                  label={`Score (items passed, out of ${spec?.itemCount ?? '?'})`}
                  hint={hasCutOffs ? 'The colour is worked out from the score' : 'Optional: no cut-offs are set, so choose the colour below'}
                  value={entered.score}
                  onChange={(v) => setSection(section, { score: v })}
                  error={errors[`sections.${index}.score`]}
                  width="short"
                  inputMode="numeric"
                />
                <RadioGroup
                  name={`sections.${index}.colour`}
                  legend={`Colour for section ${section}`}
                  hint={hasCutOffs ? 'Only if your score sheet says otherwise' : 'From your score sheet'}
                  value={entered.colour}
                  options={optionsFrom(colourLabels)}
                  onChange={(v) => setSection(section, { colour: v })}
                  error={errors[`sections.${index}.colour`]}
                  inline
                />
              </div>
              {resolved?.computed && (
                <p className="info">
                  From the score and cut-offs: <ColourTag colour={resolved.computed} />
                  {resolved.disagrees && (
                    <strong className="warning-text"> The colour you chose differs: the colour from the score will be used.</strong>
                  )}
                </p>
              )}
              <TextField
                name={`sections.${index}.itemsNotPassed`}
                label="Items not passed (optional)"
                hint="Item numbers, for example 2, 5, 9: they become targets"
                value={entered.itemsNotPassed}
                onChange={(v) => setSection(section, { itemsNotPassed: v })}
                error={errors[`sections.${index}.itemsNotPassed`]}
                width="medium"
              />
              {resolved?.colour && resolved.colour !== 'green' && section > 1 && index === shown.length - 1 && (
                <p className="info">Now screen section {section - 1}.</p>
              )}
            </fieldset>
          );
        })}
      {errors.sections && <p className="error-text">{errors.sections}</p>}

      <fieldset className="fieldset">
        <legend>Concerns and comments</legend>
        <CheckboxField name="concernPractitioner" label="The practitioner has a specific concern" checked={draft.concernPractitioner} onChange={(v) => setDraft((d) => ({ ...d, concernPractitioner: v }))} />
        <CheckboxField name="concernParent" label="The parent or carer has a specific concern" checked={draft.concernParent} onChange={(v) => setDraft((d) => ({ ...d, concernParent: v }))} />
        {(draft.concernPractitioner || draft.concernParent) && (
          <TextAreaField name="concernDetails" label="What is the concern?" value={draft.concernDetails} onChange={(v) => setDraft((d) => ({ ...d, concernDetails: v }))} error={errors.concernDetails} />
        )}
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
        onChange={(v) => setDraft((d) => ({ ...d, action: v }))}
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

function OutcomePanel({ outcome }: { outcome: ScreeningOutcome }) {
  return (
    <section className="panel outcome" aria-labelledby="outcome-heading" aria-live="polite">
      <h2 id="outcome-heading">What this screening shows</h2>
      <dl className="summary-list">
        <div>
          <dt>Result on the age section</dt>
          <dd>{outcome.colour && <ColourTag colour={outcome.colour} />}</dd>
        </div>
        <div>
          <dt>Working at</dt>
          <dd>
            {outcome.workingAt === null ? 'Below every section tried' : `Section ${outcome.workingAt}`}
            {outcome.sectionsBehind ? ` (${outcome.sectionsBehind} ${outcome.sectionsBehind === 1 ? 'section' : 'sections'} below age)` : outcome.sectionsBehind === 0 ? ' (in line with age)' : ''}
          </dd>
        </div>
        <div>
          <dt>Choose activities from</dt>
          <dd>{outcome.activitySection === null ? '–' : `Section ${outcome.activitySection}`}</dd>
        </div>
        <div>
          <dt>Referral</dt>
          <dd>
            {outcome.referral.prompted ? (
              <>
                <strong>Consider a referral.</strong> {outcome.referral.reasons.join(' ')}
              </>
            ) : (
              'Not prompted'
            )}
          </dd>
        </div>
        <div>
          <dt>Review screen due</dt>
          <dd>{outcome.reviewDate ? formatUkDate(outcome.reviewDate) : '–'}</dd>
        </div>
      </dl>
    </section>
  );
}
