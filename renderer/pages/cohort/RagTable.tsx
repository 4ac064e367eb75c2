import { Link } from 'react-router';
import type { CohortRow, RagCounts } from '../../../shared/schemas/cohort.js';
import { formatGap, greenGapPoints } from './words.js';

export const ragColours = { red: '#d4351c', amber: '#f0a500', green: '#00703c' } as const;

export const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

/** Red, Amber and Green counts with percentages; every count links to the children behind it. */
export function RagTable({
  caption,
  groupHeading,
  rows,
  total,
  href,
  suppressBelow,
  gap = false,
}: {
  caption: string;
  groupHeading: string;
  rows: CohortRow[];
  total: RagCounts;
  href: (key: string | null, colour: 'red' | 'amber' | 'green' | null, label: string | null) => string;
  suppressBelow: number;
  /** Add a column comparing each group's share of Green with everyone else's. */
  gap?: boolean;
}) {
  const gapCell = (r: RagCounts | null) => gap && <td className="numeric">{r ? formatGap(greenGapPoints(r, total)) : ''}</td>;
  const columns = gap ? 6 : 5;
  const cell = (key: string | null, label: string | null, colour: 'red' | 'amber' | 'green', n: number, of: number) => (
    <td className="numeric">
      {n > 0 ? (
        <Link className="count-link" to={href(key, colour, label)}>
          {n}
        </Link>
      ) : (
        n
      )}{' '}
      <span className="pct">({pct(n, of)}%)</span>
    </td>
  );
  return (
    <table className="table">
      <caption className="table-caption">{caption}</caption>
      <RagHead group={groupHeading} gap={gap} />
      <tbody>
        {rows.map((r) =>
          r.suppressed ? (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td colSpan={columns - 1} className="muted">
                Fewer than {suppressBelow} children: numbers hidden
              </td>
            </tr>
          ) : (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {cell(r.key, r.label, 'red', r.red, r.total)}
              {cell(r.key, r.label, 'amber', r.amber, r.total)}
              {cell(r.key, r.label, 'green', r.green, r.total)}
              <td className="numeric">
                <Link className="count-link" to={href(r.key, null, r.label)}>
                  {r.total}
                </Link>
              </td>
              {gapCell(r)}
            </tr>
          ),
        )}
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns}>No screenings in this round.</td>
          </tr>
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All children</th>
          {cell(null, null, 'red', total.red, total.total)}
          {cell(null, null, 'amber', total.amber, total.total)}
          {cell(null, null, 'green', total.green, total.total)}
          <td className="numeric">
            <Link className="count-link" to={href(null, null, null)}>
              {total.total}
            </Link>
          </td>
          {gapCell(null)}
        </tr>
      </tfoot>
    </table>
  );
}

/** The head of every table of Red, Amber and Green counts: the group, the three colours, the children. */
export function RagHead({ group, gap = false }: { group: string; gap?: boolean }) {
  return (
    <thead>
      <tr>
        <th scope="col">{group}</th>
        <th scope="col" className="numeric">
          Red
        </th>
        <th scope="col" className="numeric">
          Amber
        </th>
        <th scope="col" className="numeric">
          Green
        </th>
        <th scope="col" className="numeric">
          Children
        </th>
        {gap && (
          <th scope="col" className="numeric">
            % Green vs the rest
          </th>
        )}
      </tr>
    </thead>
  );
}

/** The rows of a RagTable as an export: counts and percentages, suppressed rows left blank. */
export function ragExportRows(rows: CohortRow[], total: RagCounts, gap = false): (string | number | null)[][] {
  const line = (label: string, r: RagCounts, hidden: boolean, isTotal: boolean) => {
    const cells = hidden
      ? [label, null, null, null, null, null, null, null]
      : [label, r.red, pct(r.red, r.total), r.amber, pct(r.amber, r.total), r.green, pct(r.green, r.total), r.total];
    return gap ? [...cells, hidden || isTotal ? null : greenGapPoints(r, total)] : cells;
  };
  return [...rows.map((r) => line(r.label, r, r.suppressed, false)), line('All children', total, false, true)];
}
export const ragExportColumns = (group: string, gap = false) => [
  group,
  'Red',
  'Red %',
  'Amber',
  'Amber %',
  'Green',
  'Green %',
  'Children',
  ...(gap ? ['Green % vs the rest (points)'] : []),
];
