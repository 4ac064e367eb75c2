import type { CohortRow, RagCounts, Transition, WorkingAtRow } from '../../../shared/schemas/cohort.js';
import type { SubgroupGapRow } from '../../../shared/schemas/reports.js';
import { pct } from '../cohort/RagTable.js';
import { colourOrder, colourWords, countWithShare, formatGap } from '../cohort/words.js';

// The printed report's tables: the dashboard's numbers without its links (paper has nowhere to go),
// every colour written as a word so the page reads the same in greyscale.

/** "12 (40%)" in a numeric cell. */
function Count({ n, of }: { n: number; of: number }) {
  return (
    <td className="numeric">
      {n} <span className="pct">({pct(n, of)}%)</span>
    </td>
  );
}

/** Red, Amber and Green by a grouping (age section), with the total row. */
export function ReportRagTable({ caption, group, rows, total }: { caption: string; group: string; rows: CohortRow[]; total: RagCounts }) {
  return (
    <table className="table report-table">
      <caption className="table-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{group}</th>
          {colourOrder.map((c) => (
            <th key={c} scope="col" className="numeric">
              {colourWords[c]}
            </th>
          ))}
          <th scope="col" className="numeric">
            Children
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) =>
          r.suppressed ? (
            <WithheldRow key={r.key} label={r.label} />
          ) : (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {colourOrder.map((c) => (
                <Count key={c} n={r[c]} of={r.total} />
              ))}
              <td className="numeric">{r.total}</td>
            </tr>
          ),
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All children</th>
          {colourOrder.map((c) => (
            <Count key={c} n={total[c]} of={total.total} />
          ))}
          <td className="numeric">{total.total}</td>
        </tr>
      </tfoot>
    </table>
  );
}

const behindColumns = [
  ['In line with age', 'onTrack'],
  ['1 behind', 'oneBehind'],
  ['2 behind', 'twoBehind'],
  ['3 or more behind', 'threeOrMoreBehind'],
  ['Below all sections tried', 'belowAllTried'],
] as const;

export function WorkingAtTable({ rows, roundName }: { rows: WorkingAtRow[]; roundName: string }) {
  return (
    <table className="table report-table">
      <caption className="table-caption">How many sections below their age section children are working, {roundName}</caption>
      <thead>
        <tr>
          <th scope="col">Age section</th>
          {behindColumns.map(([label]) => (
            <th key={label} scope="col" className="numeric">
              {label}
            </th>
          ))}
          <th scope="col" className="numeric">
            Children
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ageSection}>
            <th scope="row">Section {r.ageSection}</th>
            {behindColumns.map(([label, key]) => (
              <td key={label} className="numeric">
                {r[key]}
              </td>
            ))}
            <td className="numeric">{r.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const greenShare = (r: RagCounts) => countWithShare(r.green, r.total);

/** Each group against the rest of the children screened: its share of Green and the gap in points. */
export function GapsTable({ rows }: { rows: SubgroupGapRow[] }) {
  return (
    <table className="table report-table">
      <caption className="table-caption">Green in each group against the rest of the children screened</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" className="numeric">
            Children in the group
          </th>
          <th scope="col" className="numeric">
            Green in the group
          </th>
          <th scope="col" className="numeric">
            Green in the rest
          </th>
          <th scope="col" className="numeric">
            Gap
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) =>
          g.suppressed ? (
            <WithheldRow key={g.key} label={g.label} />
          ) : (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              <td className="numeric">{g.group.total}</td>
              <td className="numeric">{greenShare(g.group)}</td>
              <td className="numeric">{greenShare(g.rest)}</td>
              <td className="numeric">{formatGap(g.greenGap)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** Colour in the earlier round (rows) against colour in the report's round (columns). */
export function TransitionTable({ progress, from, to }: { progress: Transition; from: string; to: string }) {
  return (
    <table className="table report-table matrix">
      <caption className="table-caption">
        Children screened in both {from} (rows) and {to} (columns)
      </caption>
      <thead>
        <tr>
          <th scope="col">{from}</th>
          {colourOrder.map((c) => (
            <th key={c} scope="col" className="numeric">
              {colourWords[c]} in {to}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {colourOrder.map((f) => (
          <tr key={f}>
            <th scope="row">{colourWords[f]}</th>
            {colourOrder.map((t) => (
              <td key={t} className="numeric">
                {progress.matrix[f][t]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A group too small to print: its name, and why its counts are missing (four columns follow it in both tables). */
function WithheldRow({ label }: { label: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={4} className="muted">
        Too few children: numbers withheld
      </td>
    </tr>
  );
}
