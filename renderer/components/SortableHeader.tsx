interface Props<K extends string> {
  label: string;
  sortKey: K;
  current: K;
  direction: 'asc' | 'desc';
  onSort: (key: K, direction: 'asc' | 'desc') => void;
}

/** A column header that sorts: a button inside the th, with aria-sort telling the current order. */
export function SortableHeader<K extends string>({ label, sortKey, current, direction, onSort }: Props<K>) {
  const active = sortKey === current;
  const next = active && direction === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      {/* On paper the column's name alone: buttons are not printed (print.css). */}
      <span className="print-only" aria-hidden="true">
        {label}
      </span>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey, next)}>
        {label}
        <span aria-hidden="true" className="sort-button__icon">
          {active ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/** A table's head where some columns sort: those with a sortKey get a SortableHeader. */
export function SortableHead<K extends string>({
  columns,
  sort,
  direction,
  onSort,
}: {
  columns: readonly { label: string; sortKey?: K }[];
  sort: K;
  direction: 'asc' | 'desc';
  onSort: (key: K, direction: 'asc' | 'desc') => void;
}) {
  return (
    <thead>
      <tr>
        {columns.map(({ label, sortKey }) =>
          sortKey === undefined ? (
            <th key={label} scope="col">
              {label}
            </th>
          ) : (
            <SortableHeader key={label} label={label} sortKey={sortKey} current={sort} direction={direction} onSort={onSort} />
          ),
        )}
      </tr>
    </thead>
  );
}
