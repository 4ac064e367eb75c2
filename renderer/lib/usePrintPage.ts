import { useEffect } from 'react';
import { formatUkDate } from './format.js';
import { isoFromDate } from '../../shared/domain/dates.js';

// Printed pages name themselves: a running header with the page's title and the date printed, and
// "Page 2 of 5" in the footer, on every A4 page. CSS margin boxes can hold only fixed text, so the
// rule is built for the page being shown and adopted as a constructed style sheet (allowed by the
// app's content security policy, which refuses inline <style> elements), and dropped on leaving.

/** Text safe inside a CSS string: backslashes, quotes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** The @page rule for a printed page titled `title`, printed on `printedOn` (an ISO date). */
export function printPageRule(title: string, printedOn: string): string {
  return `@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @top-left { content: ${cssString(title)}; font-size: 9pt; color: #333; }
  @top-right { content: ${cssString(`Printed ${formatUkDate(printedOn)}`)}; font-size: 9pt; color: #333; }
  @bottom-left { content: "Chatterbox"; font-size: 9pt; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #333; }
}`;
}

/** While mounted, printing this screen gives every page the running header and footer. */
export function usePrintPage(title: string): void {
  useEffect(() => {
    // jsdom (renderer tests) has no constructable style sheets: printing is a browser matter.
    if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype) || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(printPageRule(title, isoFromDate(new Date())));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [title]);
}
