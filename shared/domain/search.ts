/**
 * Folds text for name search: lower case, accents removed (É -> e), spacing collapsed. Stored
 * beside each name and applied to what is typed, so "elodie" and "ÉLODIE" both find Élodie.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
}
