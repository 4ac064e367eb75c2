import { narrativeMaxLength, type Narrative } from '../../../shared/schemas/reports.js';
import { TextAreaField } from '../../components/fields.js';
import type { FieldErrors } from '../../lib/forms.js';

export const narrativeOrder = ['narrative.achievements', 'narrative.priorities', 'form'] as const;

const fields = [
  ['achievements', 'Achievements', 'What went well this term: printed under “Achievements”.'],
  ['priorities', 'Priorities for next term', 'What the setting will work on next: printed under “Priorities for next term”.'],
] as const;

/** "1,234 of 4,000 characters", and how many too many once over: counted as the core counts (trimmed). */
function CharCount({ id, text }: { id: string; text: string }) {
  const n = text.trim().length;
  const over = n - narrativeMaxLength;
  return (
    <p id={id} className={`char-count${over > 0 ? ' char-count--over' : ''}`} aria-live="polite">
      {n.toLocaleString('en-GB')} of {narrativeMaxLength.toLocaleString('en-GB')} characters
      {over > 0 ? `: ${over.toLocaleString('en-GB')} too many` : ''}
    </p>
  );
}

/** The manager's two narrative sections, saved with the report. */
export function NarrativeFields({ value, onChange, errors }: { value: Narrative; onChange: (n: Narrative) => void; errors: FieldErrors }) {
  return (
    <>
      {fields.map(([key, label, hint]) => (
        <div key={key}>
          <TextAreaField
            name={`narrative.${key}`}
            label={label}
            hint={hint}
            value={value[key]}
            error={errors[`narrative.${key}`]}
            onChange={(text) => onChange({ ...value, [key]: text })}
          />
          <CharCount id={`count-${key}`} text={value[key]} />
        </div>
      ))}
    </>
  );
}
