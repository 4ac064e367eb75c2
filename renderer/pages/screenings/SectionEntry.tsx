import type { ResolvedSectionResult } from '../../../shared/domain/screening.js';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import { colourLabels } from '../../../shared/schemas/screenings.js';
import { ColourTag } from '../../components/ColourTag.js';
import { optionsFrom, RadioGroup, TextField } from '../../components/fields.js';
import type { FieldErrors } from '../../lib/forms.js';
import type { SectionDraft } from './draft.js';

interface Props {
  section: number;
  /** Its place among the sections shown: 0 is the age section, the rest are drop-backs. Errors are keyed by it. */
  index: number;
  spec: Instrument['sections'][number] | undefined;
  entered: SectionDraft;
  /** The colour worked out so far, if any. */
  resolved: ResolvedSectionResult | undefined;
  /** The lowest section shown, where "Now screen section n" is said. */
  last: boolean;
  errors: FieldErrors;
  onChange: (change: Partial<SectionDraft>) => void;
}

/** One section of the toolkit: score, colour and items not passed, with what the cut-offs make of the score. */
export function SectionEntry({ section, index, spec, entered, resolved, last, errors, onChange }: Props) {
  const hasCutOffs = spec?.lowestGreen !== null && spec?.lowestAmber !== null;
  const key = (field: string) => `sections.${index}.${field}`;
  return (
    <fieldset className="fieldset section-entry">
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
      {errors[key('section')] && (
        <p className="field__error" id={`field-${key('section')}`}>
          {errors[key('section')]}
        </p>
      )}
      <div className="section-entry__row">
        <TextField
          name={key('score')}
          label={`Score (items passed, out of ${spec?.itemCount ?? '?'})`}
          hint={hasCutOffs ? 'The colour is worked out from the score' : 'Optional: no cut-offs are set, so choose the colour below'}
          value={entered.score}
          onChange={(score) => onChange({ score })}
          error={errors[key('score')]}
          width="short"
          inputMode="numeric"
        />
        <RadioGroup
          name={key('colour')}
          legend={`Colour for section ${section}`}
          hint={hasCutOffs ? 'Only if your score sheet says otherwise' : 'From your score sheet'}
          value={entered.colour}
          options={optionsFrom(colourLabels)}
          onChange={(colour) => onChange({ colour })}
          error={errors[key('colour')]}
          inline
        />
      </div>
      {resolved?.computed && (
        <p className="info">
          From the score and cut-offs: <ColourTag colour={resolved.computed} />
          {resolved.disagrees && <strong className="warning-text"> The colour you chose differs: the colour from the score will be used.</strong>}
        </p>
      )}
      <TextField
        name={key('itemsNotPassed')}
        label="Items not passed (optional)"
        hint="Item numbers, for example 2, 5, 9: they become targets"
        value={entered.itemsNotPassed}
        onChange={(itemsNotPassed) => onChange({ itemsNotPassed })}
        error={errors[key('itemsNotPassed')]}
        width="medium"
      />
      {resolved?.colour && resolved.colour !== 'green' && section > 1 && last && <p className="info">Now screen section {section - 1}.</p>}
    </fieldset>
  );
}
