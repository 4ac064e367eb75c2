import type { z } from 'zod';
import type { areaSettingRowSchema } from '../../../shared/schemas/reports.js';
import { pct } from '../cohort/RagTable.js';
import { colourOrder, colourWords } from '../cohort/words.js';

type Row = z.infer<typeof areaSettingRowSchema>;

/** The area report's setting-by-setting table, in the order the snapshot holds (by name). */
export function AreaSettingsTable({ rows, roundName }: { rows: Row[]; roundName: string | null }) {
  if (rows.length === 0) return <p className="report-empty">No settings are covered by this report.</p>;
  return (
    <table className="table report-table report-table--compact">
      <caption className="table-caption">Each setting{roundName ? `, ${roundName}` : ''}: screening results, targets and visits</caption>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col" className="numeric">
            On roll
          </th>
          <th scope="col" className="numeric">
            Screened
          </th>
          {colourOrder.map((c) => (
            <th key={c} scope="col" className="numeric">
              {colourWords[c]}
            </th>
          ))}
          <th scope="col" className="numeric">
            On targets
          </th>
          <th scope="col" className="numeric">
            Targets met
          </th>
          <th scope="col" className="numeric">
            Visits
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.settingId}>
            <th scope="row">{r.settingName}</th>
            <td className="numeric">{r.childrenOnRoll}</td>
            <td className="numeric">{r.screened}</td>
            {colourOrder.map((c) => (
              <td key={c} className="numeric">
                {r[c]} <span className="pct">({pct(r[c], r.total)}%)</span>
              </td>
            ))}
            <td className="numeric">{r.onTargets}</td>
            <td className="numeric">
              {r.targetsMet} of {r.targetsClosed}
            </td>
            <td className="numeric">{r.visitsHeld}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
