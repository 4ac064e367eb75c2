import { useClaimPrintTitle } from './printTitle.js';

// Printed pages name themselves: a running header with the page's title and the date printed, and
// "Page 2 of 5" in the footer, on every A4 page. CSS margin boxes can hold only fixed text, so the
// rule is built for the page being shown and adopted as a constructed style sheet (allowed by the
// app's content security policy, which refuses inline <style> elements): see lib/printTitle.tsx.

export { cssString, printPageRule } from './printPageRule.js';

/**
 * While mounted, printing this screen heads every page with `title` instead of the Shell's default
 * (the page's h1 and setting): the Shell owns the one style sheet (lib/printTitle.tsx).
 */
export function usePrintPage(title: string): void {
  useClaimPrintTitle(title);
}
