import type { ReactNode } from 'react';
import type { ApiCallError } from '../../shared/errors.js';

/** Anything loaded: a useApi result, or a value that is undefined until it arrives. */
export interface Loadable<T> {
  data: T | undefined;
  error?: ApiCallError | undefined;
}

type DataOf<R> = R extends Loadable<infer D> ? D : undefined;

interface Props<R extends readonly (Loadable<unknown> | null)[]> {
  /** What the content needs, in order; null for something this view did not ask for (its data is undefined). */
  results: R;
  /** The content, given each result's data once every one has arrived. */
  children: (...data: { [K in keyof R]: DataOf<R[K]> }) => ReactNode;
  /** Shown until then: "Loading…" unless the view had nothing there before (null). */
  loading?: ReactNode;
  /** The class of the default error line (error-text where the message stands among filters). */
  errorClassName?: string;
  /** Replaces the default error line where a failure means more (the setting does not exist). */
  error?: (error: ApiCallError) => ReactNode;
}

/**
 * The one way a view waits for its data: the first error if any load failed, else "Loading…"
 * until every result is in, else the content with the data typed as present.
 */
export function WhenLoaded<const R extends readonly (Loadable<unknown> | null)[]>({ results, children, loading, errorClassName, error }: Props<R>) {
  const failed = results.find((r) => r?.error)?.error;
  if (failed)
    return error ? (
      error(failed)
    ) : (
      <p role="alert" className={errorClassName}>
        {failed.message}
      </p>
    );
  if (results.some((r) => r !== null && r.data === undefined)) return loading === undefined ? <p className="loading">Loading…</p> : loading;
  // Every result that was asked for has its data: the cast only restores the tuple's per-item types.
  return children(...(results.map((r) => r?.data) as { [K in keyof R]: DataOf<R[K]> }));
}
