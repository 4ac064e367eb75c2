import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for a page's heading (its data or its code may still be loading). */
const waitMs = 5000;

/**
 * After each move to another page, focus goes to the new page's main heading, as GOV.UK does:
 * a screen reader announces where the person has arrived and Tab starts from the page, not from
 * the link they pressed on the page before. Filters that only change the query string are not a
 * move, and the first page of a visit is left alone (the browser starts at the top anyway).
 */
export function useFocusHeading(container: () => HTMLElement | null): void {
  const { pathname } = useLocation();
  // The path focus was last settled for: comparing with it (rather than a "first run" flag)
  // keeps StrictMode's repeated mount from counting as a move.
  const settled = useRef(pathname);
  useEffect(() => {
    if (settled.current === pathname) return;
    settled.current = pathname;
    const root = container();
    if (!root) return;
    const focusHeading = (): boolean => {
      const heading = root.querySelector('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    // The heading arrives with the page's data: focus it when it appears, if it does in time.
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), waitMs);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, container]);
}
