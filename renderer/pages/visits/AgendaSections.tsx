import { nextStatuses, settingTargetStatusLabels, type SettingTargetStatus } from '../../../shared/domain/settingTargets.js';
import { progressLabels, reviewOutcomeLabels } from '../../../shared/domain/targets.js';
import type { VisitAgenda } from '../../../shared/schemas/visits.js';
import { CheckboxField, DateField, optionsFrom, RadioGroup, SelectField, TextAreaField, TextField, type Option } from '../../components/fields.js';
import type { FieldErrors } from '../../lib/forms.js';
import { formatUkDate } from '../../lib/format.js';
import type { ActionDraft, AgendaValues, ReviewDraft, WholeDraft } from './agendaValues.js';

// The blocks of the visit agenda (VisitAgendaPage.tsx): each shows what is due and, where the
// visit records something about it, the boxes to record it in. Field names are the API's paths.

type Set = <K extends keyof AgendaValues>(key: K, value: AgendaValues[K]) => void;
interface BlockProps {
  agenda: VisitAgenda;
  values: AgendaValues;
  errors: FieldErrors;
  set: Set;
}

const date = (iso: string | null) => (iso ? formatUkDate(iso) : '–');

export function ChildTargetReviews({ agenda, values, errors, set }: BlockProps) {
  const placed = agenda.targetsDue.filter((t) => values.reviews[t.id]?.on).map((t) => t.id);
  const change = (id: string, patch: Partial<ReviewDraft>) => set('reviews', { ...values.reviews, [id]: { ...(values.reviews[id] as ReviewDraft), ...patch } });
  return (
    <section className="section" aria-labelledby="agenda-targets">
      <h2 id="agenda-targets">Children’s targets due for review</h2>
      {agenda.targetsDue.length === 0 && <p>No children’s targets are due for review by {date(agenda.date)}.</p>}
      {agenda.targetsDue.map((t) => {
        const r = values.reviews[t.id] as ReviewDraft;
        const i = placed.indexOf(t.id);
        const at = (f: string) => `targetReviews.${i}.${f}`;
        return (
          <div className="visit-card" key={t.id}>
            <h3>
              {t.childName}: {t.aim}
            </h3>
            <p className="muted">Review due {date(t.reviewDate)}</p>
            <div className="screen-only">
              <CheckboxField
                name={`review-${t.id}`}
                label={`Review ${t.childName}’s target at this visit`}
                checked={r.on}
                onChange={(on) => change(t.id, { on })}
              />
            </div>
            {i >= 0 && errors[at('targetId')] && <p className="field__error">{errors[at('targetId')]}</p>}
            {i >= 0 && (
              <>
                <DateField
                  label="Review date"
                  name={at('reviewDate')}
                  value={r.reviewDate}
                  error={errors[at('reviewDate')]}
                  onChange={(v) => change(t.id, { reviewDate: v })}
                />
                <RadioGroup
                  inline
                  name={at('progress')}
                  legend="Progress"
                  value={r.progress}
                  options={optionsFrom(progressLabels)}
                  error={errors[at('progress')]}
                  onChange={(progress) => change(t.id, { progress })}
                />
                <SelectField
                  name={at('status')}
                  label="What happens next"
                  value={r.status}
                  emptyLabel="Choose"
                  options={optionsFrom(reviewOutcomeLabels)}
                  error={errors[at('status')]}
                  onChange={(status) => change(t.id, { status })}
                />
                <TextAreaField name={at('note')} label="Review note" value={r.note} error={errors[at('note')]} onChange={(note) => change(t.id, { note })} />
                <DateField
                  label="Next review date"
                  name={at('nextReviewDate')}
                  value={r.nextReviewDate}
                  error={errors[at('nextReviewDate')]}
                  onChange={(v) => change(t.id, { nextReviewDate: v })}
                />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

export function SettingTargetReviews({ agenda, values, errors, set }: BlockProps) {
  const placed = agenda.settingTargets.filter((t) => values.whole[t.id]?.on).map((t) => t.id);
  const change = (id: string, patch: Partial<WholeDraft>) => set('whole', { ...values.whole, [id]: { ...(values.whole[id] as WholeDraft), ...patch } });
  return (
    <section className="section" aria-labelledby="agenda-whole">
      <h2 id="agenda-whole">Whole-setting targets</h2>
      {agenda.settingTargets.length === 0 && <p>No whole-setting targets are open.</p>}
      {agenda.settingTargets.map((t) => {
        const r = values.whole[t.id] as WholeDraft;
        const i = placed.indexOf(t.id);
        const at = (f: string) => `settingTargetReviews.${i}.${f}`;
        const statuses: Option<SettingTargetStatus>[] = nextStatuses(t.status).map((s) => ({ value: s, label: settingTargetStatusLabels[s] }));
        return (
          <div className="visit-card" key={t.id}>
            <h3>{t.title}</h3>
            <p className="muted">
              {settingTargetStatusLabels[t.status]}, due {date(t.dueDate)}, owner {t.ownerName || '–'}
            </p>
            <div className="screen-only">
              <CheckboxField name={`whole-${t.id}`} label={`Review “${t.title}” at this visit`} checked={r.on} onChange={(on) => change(t.id, { on })} />
            </div>
            {i >= 0 && errors[at('settingTargetId')] && <p className="field__error">{errors[at('settingTargetId')]}</p>}
            {i >= 0 && (
              <>
                <DateField
                  label="Review date"
                  name={at('reviewDate')}
                  value={r.reviewDate}
                  error={errors[at('reviewDate')]}
                  onChange={(v) => change(t.id, { reviewDate: v })}
                />
                <SelectField
                  name={at('status')}
                  label="Status after the review"
                  value={r.status}
                  options={statuses}
                  error={errors[at('status')]}
                  onChange={(status) => change(t.id, { status })}
                />
                <TextAreaField
                  name={at('note')}
                  label="What was agreed"
                  value={r.note}
                  error={errors[at('note')]}
                  onChange={(note) => change(t.id, { note })}
                />
                <TextAreaField
                  name={at('evidence')}
                  label="Evidence seen (optional)"
                  value={r.evidence}
                  error={errors[at('evidence')]}
                  onChange={(evidence) => change(t.id, { evidence })}
                />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** Children to talk about: three lists, each child with a "discussed" box. */
export function ChildrenToDiscuss({ agenda, values, set }: BlockProps) {
  const lists: { id: string; title: string; empty: string; rows: { childId: string; firstName: string; lastName: string; extra: string }[] }[] = [
    {
      id: 'agenda-red-amber',
      title: 'Red or Amber with no active target',
      empty: 'Every child who is Red or Amber has an active target.',
      rows: agenda.redAmberWithoutTarget.map((c) => ({ ...c, extra: `${c.colour === 'red' ? 'Red' : 'Amber'}, screened ${date(c.screeningDate)}` })),
    },
    {
      id: 'agenda-referral',
      title: 'Referral prompted at the latest screening',
      empty: 'No child’s latest screening prompted a referral.',
      rows: agenda.referralPrompts.map((c) => ({ ...c, extra: `Screened ${date(c.screeningDate)}` })),
    },
    {
      id: 'agenda-overdue',
      title: 'Re-screens overdue',
      empty: 'No re-screens are overdue.',
      rows: agenda.overdueRescreens.map((c) => ({ ...c, extra: `Re-screen was due ${date(c.reviewDate)}` })),
    },
  ];
  const toggle = (childId: string, on: boolean) =>
    set('discussed', on ? [...new Set([...values.discussed, childId])] : values.discussed.filter((x) => x !== childId));
  return (
    <>
      {lists.map((l) => (
        <section className="section" aria-labelledby={l.id} key={l.id}>
          <h2 id={l.id}>{l.title}</h2>
          {l.rows.length === 0 && <p>{l.empty}</p>}
          <ul className="plain-list">
            {l.rows.map((c) => (
              <li key={c.childId}>
                <CheckboxField
                  name={`${l.id}-${c.childId}`}
                  label={`${c.firstName} ${c.lastName} (${c.extra}): discussed at this visit`}
                  checked={values.discussed.includes(c.childId)}
                  onChange={(on) => toggle(c.childId, on)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ActionsBlock({ agenda, values, errors, set, staff }: BlockProps & { staff: readonly { id: string; name: string }[] }) {
  const change = (i: number, patch: Partial<ActionDraft>) =>
    set(
      'newActions',
      values.newActions.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    );
  return (
    <section className="section" aria-labelledby="agenda-actions">
      <h2 id="agenda-actions">Actions</h2>
      <h3>Open actions from earlier visits</h3>
      {agenda.openActions.length === 0 && <p>No open actions.</p>}
      <ul className="plain-list">
        {agenda.openActions.map((a) => (
          <li key={a.id}>
            <CheckboxField
              name={`done-${a.id}`}
              label={`${a.description} (${a.owner}, due ${date(a.dueDate)}${a.overdue ? ', overdue' : ''}): done`}
              checked={values.done.includes(a.id)}
              onChange={(on) => set('done', on ? [...values.done, a.id] : values.done.filter((x) => x !== a.id))}
            />
            {values.done.includes(a.id) && errors[`actionsDone.${values.done.indexOf(a.id)}.id`] && (
              <p className="field__error">{errors[`actionsDone.${values.done.indexOf(a.id)}.id`]}</p>
            )}
          </li>
        ))}
      </ul>
      <h3>Actions agreed at this visit</h3>
      {values.newActions.map((a, i) => (
        <fieldset className="field visit-card" key={i}>
          <legend className="field__label">Action {i + 1}</legend>
          <TextField
            name={`newActions.${i}.description`}
            label="What is to be done"
            value={a.description}
            error={errors[`newActions.${i}.description`]}
            onChange={(description) => change(i, { description })}
          />
          <div className="field-row">
            <SelectField
              name={`newActions.${i}.ownerStaffId`}
              label="Owner from the staff"
              value={a.ownerStaffId}
              emptyLabel="Someone else"
              options={staff.map((s) => ({ value: s.id, label: s.name }))}
              error={errors[`newActions.${i}.ownerStaffId`]}
              onChange={(ownerStaffId) => change(i, { ownerStaffId })}
            />
            <TextField
              name={`newActions.${i}.ownerName`}
              label="Or the owner’s name"
              width="medium"
              value={a.ownerName}
              error={errors[`newActions.${i}.ownerName`]}
              onChange={(ownerName) => change(i, { ownerName })}
            />
            <DateField
              name={`newActions.${i}.dueDate`}
              label="Due date"
              value={a.dueDate}
              error={errors[`newActions.${i}.dueDate`]}
              onChange={(dueDate) => change(i, { dueDate })}
            />
          </div>
          <button
            type="button"
            className="link-button screen-only"
            onClick={() =>
              set(
                'newActions',
                values.newActions.filter((_, j) => j !== i),
              )
            }
          >
            Remove action {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary button--small screen-only"
        onClick={() => set('newActions', [...values.newActions, { description: '', ownerStaffId: '', ownerName: '', dueDate: '' }])}
      >
        Add an action
      </button>
    </section>
  );
}

/** "12 children screened since the last visit: 2 Red, 3 Amber, 7 Green." */
function screenedSinceWords(s: VisitAgenda['screenedSinceLastVisit'], visitedBefore: boolean): string {
  const since = visitedBefore ? 'since the last visit' : 'so far';
  if (s.screened === 0) return `No children screened ${since}.`;
  const who = s.screened === 1 ? '1 child' : `${s.screened} children`;
  return `${who} screened ${since}: ${s.red} Red, ${s.amber} Amber, ${s.green} Green.`;
}

/** The setting's cohort figures for the current round, beside the date of the last visit. */
export function Headline({ agenda }: { agenda: VisitAgenda }) {
  const h = agenda.headline;
  return (
    <section className="section" aria-labelledby="agenda-headline">
      <h2 id="agenda-headline">Since the last visit</h2>
      <p>{agenda.lastHeldDate ? `The last visit was on ${date(agenda.lastHeldDate)}.` : 'This is the first visit recorded.'}</p>
      <p>{screenedSinceWords(agenda.screenedSinceLastVisit, agenda.lastHeldDate !== null)}</p>
      {h ? (
        <dl className="summary-list">
          {[
            ['Screening round', h.roundName],
            ['Children on roll today', h.figures.childrenOnRollToday],
            ['Screened in the round', h.figures.screened],
            ['Not yet screened in the round', h.figures.notScreened],
            ['Re-screens overdue', h.figures.overdue],
          ].map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No screening round has started yet.</p>
      )}
    </section>
  );
}
