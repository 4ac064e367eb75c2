import { Fragment, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { useApi } from '../lib/useApi.js';
import { WhenLoaded } from './WhenLoaded.js';

/** The `<domain>.get` methods, which take a record's id alone. */
type GetById = { [K in MethodName]: K extends `${string}.get` ? ({ id: string } extends MethodInput<K> ? K : never) : never }[MethodName];

interface Props<M extends GetById> {
  method: M;
  /** The route parameter holding the record's id; absent on the "new" route. */
  param: string;
  children: (existing: MethodOutput<M> | undefined) => ReactNode;
}

/**
 * A page that adds a record, or edits the one its URL names: the form waits for that record,
 * and starts afresh (keyed by the id) when the URL moves to another.
 */
export function AddOrEdit<M extends GetById>({ method, param, children }: Props<M>) {
  const id = useParams()[param];
  // M's input is exactly { id } (see GetById); TypeScript cannot see that through the generic.
  const existing = useApi(method, id ? ({ id } as MethodInput<M>) : null);
  return <WhenLoaded results={[id ? existing : null]}>{(record) => <Fragment key={id ?? 'new'}>{children(record)}</Fragment>}</WhenLoaded>;
}
