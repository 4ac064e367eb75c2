import type { ReactNode } from 'react';
import type { Colour } from '../../shared/domain/screening.js';
import { colourLabels } from '../../shared/schemas/screenings.js';

/** A Red/Amber/Green result: the word is always there, so colour is never the only signal. */
export function ColourTag({ colour, children }: { colour: Colour; children?: ReactNode }) {
  return <span className={`rag rag--${colour}`}>{children ?? colourLabels[colour]}</span>;
}
