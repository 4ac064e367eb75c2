import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row, as a row header, so screen readers announce it with each cell. */
  rowHeader?: boolean;
}

export interface RowAction<T> {
  label: string | ((row: T) => string);
  onClick: (row: T) => void;
  /** Screen-reader words after the label, since a button is often heard out of its row; the row's name unless given. */
  context?: (row: T) => string;
  /** Leaves the button out on rows where it means nothing (no "Make default" on the default). */
  hidden?: (row: T) => boolean;
}

type Key<T> = (row: T, index: number) => string;
type Name<T> = (row: T) => string;

/** Rows are keyed by their id unless told otherwise; rows without one need a rowKey. */
type Keyed<T> = T extends { id: string } ? { rowKey?: Key<T> } : { rowKey: Key<T> };

/**
 * Buttons on each row, if any. Each is named for screen readers by the row's name ("Archive
 * Sunflowers") unless the row has none, when rowName must say what to call it.
 */
type WithActions<T> =
  | { actions?: undefined; rowName?: undefined }
  | ({ actions: readonly RowAction<T>[] } & (T extends { name: string } ? { rowName?: Name<T> } : { rowName: Name<T> }));

type Props<T> = Keyed<T> &
  WithActions<T> & {
    /** Undefined while loading: nothing is shown until the rows arrive. */
    rows: readonly T[] | undefined;
    columns: readonly Column<T>[];
    caption?: string;
    /** Said instead of an empty table; without it an empty table is shown. */
    empty?: ReactNode;
  };

const byId = (row: unknown) => (row as { id: string }).id;
const byName = (row: unknown) => (row as { name: string }).name;

/**
 * A table of records, with buttons on each row where there are any (Edit, Archive, Restore…):
 * rooms, staff, rounds, screening tools, backups and past imports all list their records this way.
 */
export function RecordTable<T>(props: Props<T>) {
  // With no actions (a role that only reads) there is no actions column at all.
  const { rows, columns, actions, caption, empty } = props;
  // Keyed and WithActions guarantee an id and a name wherever rowKey or rowName is left out.
  const { rowKey = byId, rowName = byName } = props as { rowKey?: Key<T>; rowName?: Name<T> };
  if (!rows) return null;
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <table className="table">
      {caption && <caption className="table-caption">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
              {c.header}
            </th>
          ))}
          {actions && actions.length > 0 && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={c.numeric ? 'numeric' : undefined}>
                  {c.cell(row)}
                </td>
              ),
            )}
            {actions && actions.length > 0 && (
              <td className="actions">
                {actions
                  .filter((a) => !a.hidden?.(row))
                  .map((a, i) => (
                    <button key={i} type="button" className="link-button" onClick={() => a.onClick(row)}>
                      {typeof a.label === 'string' ? a.label : a.label(row)}
                      <span className="visually-hidden"> {a.context ? a.context(row) : rowName(row)}</span>
                    </button>
                  ))}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
