import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { visitStatusLabels, type Visit, type VisitReviews } from '../../../shared/schemas/visits.js';
import { PrintButton } from '../../components/PrintButton.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { usePrintPage } from '../../lib/usePrintPage.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { ActionForm, ActionList } from './VisitActionsSection.js';

/**
 * One visit, laid out as the A4 summary the setting keeps: print it, or save it as a PDF (the
 * browser's print dialog, or Save as PDF in the desktop app); every page is headed with the visit
 * and numbered (lib/printTitle.tsx). On screen it also offers recording, cancelling and adding
 * actions; print hides those.
 */
export function VisitSummaryPage() {
  const { visitId = '' } = useParams();
  const visit = useApi('visits.get', { id: visitId });
  // The reviews recorded on the visit's date (the agenda's save records them with the visit).
  const reviews = useApi('visits.reviews', { id: visitId });
  return (
    <WhenLoaded results={[visit, reviews]} errorClassName="error-text">
      {(v, r) => (
        <VisitSummary
          visit={v}
          reviews={v.status === 'held' ? r : undefined}
          onChange={() => {
            visit.reload();
            reviews.reload();
          }}
        />
      )}
    </WhenLoaded>
  );
}

function VisitSummary({ visit: v, onChange, reviews }: { visit: Visit; onChange: () => void; reviews?: VisitReviews }) {
  const { setting } = useSetting();
  const canChange = useSession().may('visits:write') && !setting.archivedAt;
  const [adding, setAdding] = useState(false);
  const date = v.heldDate ?? v.plannedDate ?? '';
  usePrintPage(`Visit summary – ${setting.name}${date ? `, ${formatUkDate(date)}` : ''}`);
  return (
    <article className="visit-summary">
      <div className="page-heading">
        <h1>Visit summary</h1>
        <div className="button-row">
          <PrintButton />
          {canChange && v.status !== 'cancelled' && (
            <Link className="button" to={`/s/${setting.id}/visits/${v.id}/record`}>
              {v.status === 'held' ? 'Change the record' : 'Record this visit'}
            </Link>
          )}
          {canChange && v.status === 'planned' && <CancelButton visit={v} onDone={onChange} />}
        </div>
      </div>
      <dl className="summary-list">
        <Row term="Setting">{v.settingName}</Row>
        <Row term="Date">{date ? formatUkDate(date) : '–'}</Row>
        <Row term="Status">
          {visitStatusLabels[v.status]}
          {v.status === 'planned' && ' (not yet recorded)'}
          {v.cancelledReason && `: ${v.cancelledReason}`}
        </Row>
        <Row term="Visitor">
          {v.visitorName}
          {v.visitorRole && `, ${v.visitorRole}`}
        </Row>
        <Row term="Who attended">
          {v.attendees.length === 0 ? 'Nobody recorded' : v.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ')}
        </Row>
        <Row term="Screens checked">
          {v.screensCheckedCount}
          {v.screensCheckedNote && `: ${v.screensCheckedNote}`}
        </Row>
        <Row term="Next visit">{v.nextVisitDate ? formatUkDate(v.nextVisitDate) : 'Not agreed yet'}</Row>
      </dl>

      <section className="section" aria-labelledby="summary-children">
        <h2 id="summary-children">Children discussed</h2>
        {v.childrenDiscussed.length === 0 ? (
          <p>No children recorded.</p>
        ) : (
          <ul className="visit-summary__list">
            {v.childrenDiscussed.map((c) => (
              <li key={c.childId}>
                <strong>{c.name}</strong>
                {c.note && <span className="pre-wrap">: {c.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <TextSection id="summary-coaching" title="Coaching given" text={v.coaching} />
      <TextSection id="summary-notes" title="Notes" text={v.notes} />
      <ReviewsSection reviews={reviews} />

      <section className="section" aria-labelledby="summary-actions">
        <h2 id="summary-actions">Actions agreed</h2>
        {/* Print shows a plain table; the screen shows the same actions with done boxes. */}
        <div className="print-only">
          <PrintedActions visit={v} />
        </div>
        <div className="screen-only">
          <ActionList actions={v.actions} canChange={canChange} onChange={onChange} />
          {canChange && v.status !== 'cancelled' && !adding && (
            <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
              Add an agreed action
            </button>
          )}
          {adding && (
            <ActionForm
              visitId={v.id}
              visitDate={date || null}
              onDone={() => {
                setAdding(false);
                onChange();
              }}
            />
          )}
        </div>
      </section>
      <p className="muted print-only">Printed from Chatterbox. This summary holds personal information about children: keep it as you keep their records.</p>
    </article>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="pre-wrap">{text || 'None recorded.'}</p>
    </section>
  );
}

/**
 * The target reviews recorded at the visit: child target reviews and whole-setting target reviews
 * recorded on the visit's date for its setting (visits.reviews). A visit not yet held has none,
 * so the section is left out rather than shown empty.
 */
export function ReviewsSection({ reviews }: { reviews: VisitReviews | undefined }) {
  if (!reviews) return null;
  return (
    <section className="section" aria-labelledby="summary-reviews">
      <h2 id="summary-reviews">Target reviews</h2>
      <h3>Children’s targets</h3>
      {reviews.childTargets.length === 0 ? (
        <p>No children’s targets were reviewed.</p>
      ) : (
        <ul className="visit-summary__list">
          {reviews.childTargets.map((r, i) => (
            <li key={i}>
              <strong>{r.childName}</strong>: {r.target}. Progress: {r.progress}.{r.note && ` ${sentence(r.note)}`}
              {r.nextReviewDate && ` Next review ${formatUkDate(r.nextReviewDate)}.`}
            </li>
          ))}
        </ul>
      )}
      <h3>Whole-setting targets</h3>
      {reviews.settingTargets.length === 0 ? (
        <p>No whole-setting targets were reviewed.</p>
      ) : (
        <ul className="visit-summary__list">
          {reviews.settingTargets.map((r, i) => (
            <li key={i}>
              <strong>{r.title}</strong>: {r.status}.{r.note && ` ${sentence(r.note)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A note as a sentence, so the next words on the line do not run into it. */
const sentence = (note: string) => (/[.!?]$/.test(note.trim()) ? note.trim() : `${note.trim()}.`);

function PrintedActions({ visit }: { visit: Visit }) {
  if (visit.actions.length === 0) return <p>No actions agreed.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due by</th>
          <th scope="col">Done</th>
        </tr>
      </thead>
      <tbody>
        {visit.actions.map((a) => (
          <tr key={a.id}>
            <td>{a.description}</td>
            <td>{a.owner}</td>
            <td>{formatUkDate(a.dueDate)}</td>
            <td>{a.doneDate ? `Done ${formatUkDate(a.doneDate)}` : 'Not yet'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CancelButton({ visit, onDone }: { visit: Visit; onDone: () => void }) {
  const api = useApiClient();
  const { notify } = useAppState();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setError(undefined);
          api('visits.cancel', { id: visit.id })
            .then(() => {
              notify({ message: `Visit of ${formatUkDate(visit.plannedDate ?? '')} cancelled` });
              onDone();
            })
            .catch((err: unknown) => setError(err instanceof Error ? err.message : 'The visit could not be cancelled'));
        }}
      >
        Cancel this visit
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
