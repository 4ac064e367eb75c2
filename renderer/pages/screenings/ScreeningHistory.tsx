import { useState } from 'react';
import { Link } from 'react-router';
import { reviewStatus } from '../../../shared/domain/screening.js';
import { formatAge } from '../../../shared/domain/dates.js';
import { screeningActionLabels, type Screening } from '../../../shared/schemas/screenings.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { screeningToInput } from './screeningToInput.js';
import { ColourTag } from '../../components/ColourTag.js';
import { fromScreeningParam } from '../targets/TargetsSection.js';

/** Review date with its state: overdue once passed (unless a later screen exists), due soon within two weeks. */
export function ReviewDue({ date, superseded = false }: { date: string; superseded?: boolean }) {
  const today = useToday();
  if (superseded) return <span className="muted">{formatUkDate(date)} (re-screened)</span>;
  const status = reviewStatus(date, today);
  return (
    <span>
      {formatUkDate(date)} {status === 'overdue' && <span className="tag tag--overdue">Overdue</span>}
      {status === 'due-soon' && <span className="tag tag--due">Due soon</span>}
    </span>
  );
}

interface Props {
  settingId: string;
  childId: string;
  screenings: Screening[];
  onChanged: () => void;
  /** Offer "Set targets from this screen" on each screening (people who may set targets, child on roll). */
  setTargets?: boolean;
}

/** A child's screenings, newest first, each with the sections tried and what they led to. */
export function ScreeningHistory({ settingId, childId, screenings, onChanged, setTargets = false }: Props) {
  const api = useApiClient();
  const { notify } = useAppState();
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);

  async function remove(s: Screening) {
    const deleted = await api('screenings.delete', { id: s.id });
    setConfirmingDelete(null);
    onChanged();
    notify({
      message: `Screening of ${formatUkDate(s.screeningDate)} deleted`,
      undo: () => api('screenings.create', { childId: deleted.childId, ...screeningToInput(deleted) }),
    });
  }

  if (screenings.length === 0) return <p>No screenings recorded yet.</p>;
  return (
    <ol className="timeline">
      {screenings.map((s, i) => (
        <li key={s.id} className="timeline__item">
          <h3 className="timeline__title">
            {formatUkDate(s.screeningDate)} <ColourTag colour={s.colour} />
            <span className="muted">
              {' '}
              aged {formatAge(s.ageMonths)} ({s.ageMonths} months), section {s.ageSection}
            </span>
          </h3>
          <p className="timeline__sections">
            Sections tried:{' '}
            {s.sections.map((x, j) => (
              <span key={x.section}>
                {j > 0 && <span aria-hidden="true"> → </span>}
                {j > 0 && <span className="visually-hidden">, then </span>}
                <ColourTag colour={x.colour}>
                  {x.section}: {x.colour === 'red' ? 'Red' : x.colour === 'amber' ? 'Amber' : 'Green'}
                  {x.score !== null ? ` (${x.score})` : ''}
                </ColourTag>
                {x.disagrees && <span className="tag tag--due">Entered colour differed</span>}
              </span>
            ))}
          </p>
          <dl className="facts">
            <div>
              <dt>Working at</dt>
              <dd>
                {s.workingAtSection === null ? 'below every section tried' : `section ${s.workingAtSection}`}
                {s.sectionsBehind ? `, ${s.sectionsBehind} behind age` : s.sectionsBehind === 0 ? ', in line with age' : ''}
              </dd>
            </div>
            <div>
              <dt>Activities from</dt>
              <dd>{s.activitySection === null ? '–' : `section ${s.activitySection}`}</dd>
            </div>
            <div>
              <dt>Next step</dt>
              <dd>{screeningActionLabels[s.action].split(':')[0]}</dd>
            </div>
            <div>
              <dt>Review screen</dt>
              <dd>
                <ReviewDue date={s.reviewDate} superseded={i > 0} />
              </dd>
            </div>
            {s.screenerName && (
              <div>
                <dt>Screened by</dt>
                <dd>{s.screenerName}</dd>
              </div>
            )}
          </dl>
          {s.referralPrompted && (
            <p className="referral">
              <strong>Referral prompted:</strong> {s.referralReasons.join(' ')}
            </p>
          )}
          {s.sections.some((x) => x.itemsNotPassed.length > 0) && (
            <p className="muted">
              Items not passed:{' '}
              {s.sections
                .filter((x) => x.itemsNotPassed.length > 0)
                .map((x) => `section ${x.section}: ${x.itemsNotPassed.join(', ')}`)
                .join('; ')}
            </p>
          )}
          <div className="button-row button-row--tight">
            <Link className="link-button" to={`/s/${settingId}/children/${childId}/screenings/${s.id}/edit`}>
              Edit<span className="visually-hidden"> screening of {formatUkDate(s.screeningDate)}</span>
            </Link>
            {setTargets && (
              <Link className="link-button" to={`?${fromScreeningParam}=${s.id}`}>
                Set targets from this screen<span className="visually-hidden"> of {formatUkDate(s.screeningDate)}</span>
              </Link>
            )}
            {confirmingDelete === s.id ? (
              <span className="confirm-inline" role="group" aria-label="Confirm delete">
                Delete this screening?{' '}
                <button type="button" className="button button--warning button--small" onClick={() => remove(s)}>
                  Yes, delete
                </button>{' '}
                <button type="button" className="button button--secondary button--small" onClick={() => setConfirmingDelete(null)}>
                  Keep it
                </button>
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => setConfirmingDelete(s.id)}>
                Delete<span className="visually-hidden"> screening of {formatUkDate(s.screeningDate)}</span>
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
