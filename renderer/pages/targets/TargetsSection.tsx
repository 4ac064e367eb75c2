import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isDueForReview, progressLabels, targetStatusLabels } from '../../../shared/domain/targets.js';
import type { Child } from '../../../shared/schemas/children.js';
import type { Target } from '../../../shared/schemas/targets.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { ReviewForm, StopForm } from './ReviewForm.js';
import { TargetForm } from './TargetForm.js';

/** What is open under the list: one form at a time. */
type Open = { kind: 'add' } | { kind: 'edit' | 'review' | 'stop'; target: Target } | null;

/** The URL parameter "Set targets from this screen" opens the section with. */
export const fromScreeningParam = 'targetsFrom';

/** A child's targets on their page: the active ones with their actions, then the history. */
export function TargetsSection({ child, settingId }: { child: Child; settingId: string }) {
  const today = useToday();
  const canChange = useSession().may('targets:write') && !child.archivedAt;
  const targets = useApi('targets.listForChild', { childId: child.id });
  const [params, setParams] = useSearchParams();
  const fromScreening = params.get(fromScreeningParam);
  const suggestion = useApi('targets.suggest', fromScreening ? { screeningId: fromScreening } : null);
  const [chosen, setOpen] = useState<Open>(null);
  // Arriving from "Set targets from this screen" opens the add form with the screening's starting points.
  const arrivedToAdd = Boolean(fromScreening) && canChange;
  const open: Open = chosen ?? (arrivedToAdd ? { kind: 'add' } : null);
  useEffect(() => {
    if (arrivedToAdd) document.getElementById('targets-heading')?.scrollIntoView();
  }, [arrivedToAdd]);

  const close = () => {
    setOpen(null);
    if (fromScreening) setParams((p) => (p.delete(fromScreeningParam), p), { replace: true });
  };
  const done = () => {
    close();
    targets.reload();
  };
  const name = child.firstName;

  return (
    <section aria-labelledby="targets-heading" className="section">
      <div className="page-heading">
        <h2 id="targets-heading">Targets</h2>
        {canChange && open?.kind !== 'add' && (
          <button type="button" className="button no-print" onClick={() => setOpen({ kind: 'add' })}>
            Add a target
          </button>
        )}
      </div>
      <WhenLoaded results={[targets]} loading={null}>
        {(list) => {
          const active = list.filter((t) => t.status === 'active');
          const history = list.filter((t) => t.status !== 'active');
          return (
            <>
              {active.length === 0 && <p>{name} has no active targets.</p>}
              {active.map((t) => (
                <article key={t.id} className="panel target" aria-label={`Target: ${t.aim}`}>
                  <TargetSummary target={t} />
                  <p>
                    Review{' '}
                    {isDueForReview(t, today) ? <span className="tag tag--overdue">Due {formatUkDate(t.reviewDate)}</span> : `on ${formatUkDate(t.reviewDate)}`}
                  </p>
                  {canChange && (
                    <div className="button-row button-row--tight no-print">
                      <button type="button" className="button button--small" onClick={() => setOpen({ kind: 'review', target: t })}>
                        Review<span className="visually-hidden"> target: {t.aim}</span>
                      </button>
                      <button type="button" className="button button--secondary button--small" onClick={() => setOpen({ kind: 'edit', target: t })}>
                        Change<span className="visually-hidden"> target: {t.aim}</span>
                      </button>
                      <button type="button" className="button button--warning button--small" onClick={() => setOpen({ kind: 'stop', target: t })}>
                        Stop<span className="visually-hidden"> target: {t.aim}</span>
                      </button>
                    </div>
                  )}
                  {open && open.kind !== 'add' && open.target.id === t.id && (
                    <>
                      {open.kind === 'review' && <ReviewForm target={t} onDone={done} onCancel={close} />}
                      {open.kind === 'stop' && <StopForm target={t} onDone={done} onCancel={close} />}
                      {open.kind === 'edit' && (
                        <TargetForm childId={child.id} childName={name} settingId={settingId} existing={t} onDone={done} onCancel={close} />
                      )}
                    </>
                  )}
                  {t.reviewCount > 0 && <Reviews key={`${t.id}-${t.reviewCount}`} targetId={t.id} />}
                </article>
              ))}
              {open?.kind === 'add' && (
                <WhenLoaded results={[fromScreening ? suggestion : null]}>
                  {(s) => <TargetForm childId={child.id} childName={name} settingId={settingId} suggestion={s} onDone={done} onCancel={close} />}
                </WhenLoaded>
              )}
              {history.length > 0 && (
                <details className="target-history">
                  <summary>Earlier targets ({history.length})</summary>
                  {history.map((t) => (
                    <article key={t.id} className="panel target" aria-label={`Earlier target: ${t.aim}`}>
                      <TargetSummary target={t} />
                      {t.reviewCount > 0 && <Reviews key={`${t.id}-${t.reviewCount}`} targetId={t.id} />}
                    </article>
                  ))}
                </details>
              )}
            </>
          );
        }}
      </WhenLoaded>
    </section>
  );
}

function TargetSummary({ target: t }: { target: Target }) {
  const closed = t.status !== 'active';
  return (
    <>
      <h3>
        {t.aim}{' '}
        {closed && (
          <span className="tag tag--grey">
            {targetStatusLabels[t.status]}
            {t.closedOn ? ` ${formatUkDate(t.closedOn)}` : ''}
          </span>
        )}
      </h3>
      <dl className="summary-list summary-list--compact">
        {t.strategies.length > 0 && <Row term="Strategies" value={t.strategies.map((s) => s.title).join('; ')} />}
        {t.activities && <Row term="Activities" value={t.activities} />}
        {t.deliveredBy && <Row term="Who" value={t.deliveredBy} />}
        {t.howOften && <Row term="How often" value={t.howOften} />}
        {t.place && <Row term="Where" value={t.place} />}
        <Row term="Started" value={formatUkDate(t.startDate)} />
        {t.section !== null && <Row term="Section" value={String(t.section)} />}
        {t.stoppedReason && <Row term="Why it stopped" value={t.stoppedReason} />}
      </dl>
    </>
  );
}

/** A target's reviews, newest first. */
function Reviews({ targetId }: { targetId: string }) {
  const got = useApi('targets.get', { id: targetId });
  return (
    <WhenLoaded results={[got]} loading={null}>
      {(t) => (
        <table className="table table--compact">
          <caption>Reviews</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">By</th>
              <th scope="col">Progress</th>
              <th scope="col">Outcome</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {t.reviews.map((r) => (
              <tr key={r.id}>
                <td>{formatUkDate(r.reviewDate)}</td>
                <td>{r.reviewer}</td>
                <td>{progressLabels[r.progress]}</td>
                <td>{r.status === 'active' ? `Carries on, next review ${formatUkDate(r.nextReviewDate ?? '')}` : targetStatusLabels[r.status]}</td>
                <td>{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </WhenLoaded>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
