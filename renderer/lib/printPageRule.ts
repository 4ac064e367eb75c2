import { formatUkDate } from './format.js';

// The @page rule of printed screens: CSS margin boxes hold only fixed text, so the rule is built
// for the title and date of the page being printed (lib/printTitle.tsx adopts it).

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
