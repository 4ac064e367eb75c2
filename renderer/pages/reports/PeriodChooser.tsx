import { useState } from 'react';
import { reportPeriodSchema } from '../../../shared/schemas/reports.js';
import type { Round } from '../../../shared/schemas/rounds.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { DateField, RadioGroup, recordOptions, SelectField } from '../../components/fields.js';
import { fromUkInput } from '../../lib/format.js';
import { validate, type FieldErrors } from '../../lib/forms.js';
import { defaultRound } from '../cohort/CohortDashboard.js';

/** The period as URL parameters: `round=ID`, or `from=..&to=..` (ISO dates). */
export type PeriodParams = Record<string, string>;

/** The period a report's URL names, as the API's input (the API checks it again). */
export function periodFromParams(params: URLSearchParams): { roundId: string | null; from: string | null; to: string | null } {
  const roundId = params.get('round');
  return roundId ? { roundId, from: null, to: null } : { roundId: null, from: params.get('from'), to: params.get('to') };
}

const order = ['roundId', 'from', 'to'] as const;

/** A round (the newest with screenings first) or a range of dates; `children` are further choices (an area report's scope). */
export function PeriodChooser({ rounds, onChoose, submitLabel }: { rounds: Round[]; onChoose: (period: PeriodParams) => void; submitLabel: string }) {
  const [kind, setKind] = useState<'round' | 'dates'>(rounds.length > 0 ? 'round' : 'dates');
  const [roundId, setRoundId] = useState(defaultRound(rounds)?.id ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit() {
    const value = kind === 'round' ? { roundId: roundId || null } : { from: fromUkInput(from), to: fromUkInput(to) };
    const checked = validate(reportPeriodSchema, value);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const p = checked.value;
    onChoose(p.roundId ? { round: p.roundId } : { from: p.from ?? '', to: p.to ?? '' });
  }

  return (
    <form
      className="report-controls"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorSummary errors={errors} order={order} />
      <RadioGroup
        name="periodKind"
        legend="What should the report cover?"
        value={kind}
        inline
        options={[
          { value: 'round', label: 'A screening round' },
          { value: 'dates', label: 'A range of dates' },
        ]}
        onChange={setKind}
      />
      {kind === 'round' ? (
        <SelectField name="roundId" label="Round" value={roundId} options={recordOptions([...rounds].reverse())} onChange={setRoundId} error={errors.roundId} />
      ) : (
        <>
          <DateField name="from" label="From" value={from} onChange={setFrom} error={errors.from} />
          <DateField name="to" label="To" value={to} onChange={setTo} error={errors.to} />
        </>
      )}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}
