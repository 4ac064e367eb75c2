import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isoFromDate } from '../../shared/domain/dates.js';
import { printPageRule } from './printPageRule.js';

// The running header of every printed screen, owned in one place: the Shell. Each screen gets a
// default (its h1, and the setting's name inside a setting); a page that calls usePrintPage(title)
// wins while it is shown, the latest such call first. One constructed style sheet holds the @page
// rule (the content security policy refuses inline <style>), so callers never fight over order.

interface PrintTitleState {
  /** What the printed pages are headed with now. */
  title: string;
  /** A page's own title, until the returned function is called. */
  claim(title: string): () => void;
  /** The setting the screen belongs to (null outside a setting). */
  setPlace(name: string | null): void;
}

const PrintTitleContext = createContext<PrintTitleState | null>(null);

/** The header a screen gets unless it names itself: "Children – Acorn Lane Nursery". */
export function defaultPrintTitle(heading: string, place: string | null): string {
  // A heading that already names the setting ("Visit agenda: Acorn Lane, 27/11/2026") is enough.
  if (heading && place && !heading.includes(place)) return `${heading} – ${place}`;
  return heading || place || 'Chatterbox';
}

/** Constructed style sheets are a browser matter: jsdom (renderer tests) has none. */
function sheetsSupported(): boolean {
  return typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in document;
}

/** The text of the first h1 inside `main`, kept up to date as screens change. */
function useMainHeading(main: () => HTMLElement | null): string {
  const [heading, setHeading] = useState('');
  useEffect(() => {
    const element = main();
    if (!element) return;
    const read = () => setHeading(element.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    read();
    const observer = new MutationObserver(read);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main]);
  return heading;
}

export function PrintTitleProvider({ main, children }: { main: () => HTMLElement | null; children: ReactNode }) {
  const [claims, setClaims] = useState<readonly { key: object; title: string }[]>([]);
  const [place, setPlace] = useState<string | null>(null);
  const heading = useMainHeading(main);
  const title = claims.at(-1)?.title ?? defaultPrintTitle(heading, place);

  const sheet = useRef<CSSStyleSheet | null>(null);
  useEffect(() => {
    if (!sheetsSupported()) return;
    const own = new CSSStyleSheet();
    sheet.current = own;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
      sheet.current = null;
    };
  }, []);
  useEffect(() => {
    // Written again just before printing, so a window left open overnight prints today's date.
    const write = () => sheet.current?.replaceSync(printPageRule(title, isoFromDate(new Date())));
    write();
    window.addEventListener('beforeprint', write);
    return () => window.removeEventListener('beforeprint', write);
  }, [title]);

  const claim = useCallback((claimed: string) => {
    const key = {};
    setClaims((list) => [...list, { key, title: claimed }]);
    return () => setClaims((list) => list.filter((c) => c.key !== key));
  }, []);
  const value = useMemo(() => ({ title, claim, setPlace }), [title, claim]);
  return <PrintTitleContext.Provider value={value}>{children}</PrintTitleContext.Provider>;
}

/** The title printed pages are headed with now ('' outside the Shell). */
export function usePrintTitle(): string {
  return useContext(PrintTitleContext)?.title ?? '';
}

/** While mounted, printed pages name this page's title instead of the default. */
export function useClaimPrintTitle(title: string): void {
  const claim = useContext(PrintTitleContext)?.claim;
  useEffect(() => claim?.(title), [claim, title]);
}

/** While mounted, the default printed title names this setting after the screen's heading. */
export function usePrintPlace(name: string): void {
  const setPlace = useContext(PrintTitleContext)?.setPlace;
  useEffect(() => {
    setPlace?.(name);
    return () => setPlace?.(null);
  }, [setPlace, name]);
}
