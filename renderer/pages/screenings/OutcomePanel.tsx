import { plural } from '../../../shared/domain/words.js';
import type { ScreeningPreview } from '../../../shared/schemas/screenings.js';
import { ColourTag } from '../../components/ColourTag.js';
import { formatUkDate } from '../../lib/format.js';

/** What the results entered so far mean, as screenings.preview works it out: the same path the core takes on save and imports take. */
export function OutcomePanel({ outcome, updating }: { outcome: ScreeningPreview; updating: boolean }) {
  return (
    <section className="panel outcome" aria-labelledby="outcome-heading" aria-live="polite" aria-busy={updating}>
      <h2 id="outcome-heading">What this screening shows</h2>
      {!outcome.complete && (
        <p className="warning-text">
          <strong>Incomplete:</strong> the screening stopped before a Green section, so the working-at level is not known. Re-screen soon.
        </p>
      )}
      <dl className="summary-list">
        <div>
          <dt>Result on the age section</dt>
          <dd>{outcome.colour && <ColourTag colour={outcome.colour} />}</dd>
        </div>
        <div>
          <dt>Working at</dt>
          <dd>
            {outcome.workingAtSection === null ? 'Below every section tried' : `Section ${outcome.workingAtSection}`}
            {outcome.sectionsBehind ? ` (${plural(outcome.sectionsBehind, 'section')} below age)` : outcome.sectionsBehind === 0 ? ' (in line with age)' : ''}
          </dd>
        </div>
        <div>
          <dt>Choose activities from</dt>
          <dd>{outcome.activitySection === null ? '–' : `Section ${outcome.activitySection}`}</dd>
        </div>
        <div>
          <dt>Referral</dt>
          <dd>
            {outcome.referralPrompted ? (
              <>
                <strong>Consider a referral.</strong> {outcome.referralReasons.join(' ')}
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
