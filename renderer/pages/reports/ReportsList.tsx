import { useState } from 'react';
import { Link } from 'react-router';
import { reportKindLabels, type ReportListItem } from '../../../shared/schemas/reports.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { formatUkDateTime } from '../../lib/format.js';
import { sortRows, type Direction } from '../../lib/sorting.js';

type ReportSort = 'title' | 'periodLabel' | 'producedByName' | 'producedAt';
const columns = [
  { label: 'Report', sortKey: 'title' },
  { label: 'Period', sortKey: 'periodLabel' },
  { label: 'Produced by', sortKey: 'producedByName' },
  { label: 'When', sortKey: 'producedAt' },
] as const;

/** Produced reports, newest first: search, sort and export like every other list. */
export function ReportsList({ reports, href, title }: { reports: ReportListItem[]; href: (r: ReportListItem) => string; title: string }) {
  const [search, setSearch] = useState('');
  // Newest first until someone chooses another order.
  const [sort, setSort] = useState<ReportSort>('producedAt');
  const [direction, setDirection] = useState<Direction>('desc');
  const onSort = (key: ReportSort, dir: Direction) => {
    setSort(key);
    setDirection(dir);
  };
  const words = search.trim().toLocaleLowerCase('en-GB');
  const matching = reports.filter((r) => !words || `${r.title} ${r.periodLabel} ${r.producedByName}`.toLocaleLowerCase('en-GB').includes(words));
  const rows = sortRows(
    matching,
    (r) => r[sort],
    direction,
    (r) => r.title,
  );
  return (
    <>
      <div className="toolbar filters">
        <div className="field field--inline">
          <label htmlFor="report-search">Search reports</label>
          <input id="report-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <ExportButtons
          label="the list of reports"
          table={() => ({
            title,
            columns: ['Report', 'Kind', 'Period', 'Produced by', 'When'],
            rows: rows.map((r) => [r.title, reportKindLabels[r.kind], r.periodLabel, r.producedByName, formatUkDateTime(r.producedAt)]),
          })}
        />
      </div>
      {rows.length === 0 ? (
        <p>{words ? 'No reports match.' : 'No reports have been produced yet.'}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <SortableHead columns={columns} sort={sort} direction={direction} onSort={onSort} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={href(r)}>{r.title}</Link>
                </td>
                <td>{r.periodLabel}</td>
                <td>{r.producedByName}</td>
                <td>{formatUkDateTime(r.producedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
