import { useSearchParams } from 'react-router';

/**
 * The page's filters, kept in the URL so Back, reload and a shared link reopen the same view.
 * `update` sets or clears several at once (an empty value clears); unless the change is to the
 * page number itself, paging starts again from the first page.
 */
export function useUrlParams(): [URLSearchParams, (changes: Record<string, string | null>) => void, ReturnType<typeof useSearchParams>[1]] {
  const [params, setParams] = useSearchParams();
  function update(changes: Record<string, string | null>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }
  return [params, update, setParams];
}
