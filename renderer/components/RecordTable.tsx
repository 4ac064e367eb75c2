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

interface Props<T> {
  /** Undefined while loading: nothing is shown until the rows arrive. */
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  columns: readonly Column<T>[];
  actions: readonly RowAction<T>[];
  /** How each row is named after an action's label for screen readers ("Archive Sunflowers"). */
  rowName: (row: T) => string;
  /** Said instead of an empty table; without it an empty table is shown. */
  empty?: ReactNode;
}

/**
 * A table of records with buttons on each row (Edit, Archive, Restore…): rooms, staff, rounds,
 * screening tools and backups all list their records this way.
 */
export function RecordTable<T>({ rows, rowKey, columns, actions, rowName, empty }: Props<T>) {
  if (!rows) return null;
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
              {c.header}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
