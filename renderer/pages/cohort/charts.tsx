import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CohortRow, RagCounts, TrendRow } from '../../../shared/schemas/cohort.js';
import { ragColours } from './RagTable.js';
import { colourOrder, colourWords, countWithShare } from './words.js';

const percentTick = (v: number) => `${v}%`;
const percentTicks = [0, 25, 50, 75, 100];
/** Exact shares for drawing (rounded ones can add up to 101%); labels round them. */
const share = (n: number, total: number) => (total === 0 ? 0 : (n / total) * 100);
/** Legend words in dark text: amber text on white would be too faint to read. */
const legendText = (value: string) => <span style={{ color: '#0b0c0c' }}>{value}</span>;
/** Labels inside the bars: white on red and green, dark on amber (white on amber is too faint). */
const labelInk = { red: '#ffffff', amber: '#0b0c0c', green: '#ffffff' } as const;
/** Narrower segments than this leave their label to the tooltip: it would not fit. */
const minLabelledShare = 18;

interface Point {
  name: string;
  counts: RagCounts;
  [drawn: string]: string | number | RagCounts;
}

/**
 * The points of a chart: each colour's share for drawing, and its count beside it, so a bar that
 * is 100% of 2 children says "2 (100%)", not "100%".
 */
export function chartPoints<T extends RagCounts>(rows: T[], name: (r: T) => string): Point[] {
  return rows.map((r) => {
    const p: Point = { name: name(r), counts: { red: r.red, amber: r.amber, green: r.green, total: r.total } };
    for (const c of colourOrder) {
      p[colourWords[c]] = share(r[c], r.total);
      p[`${c}Label`] = share(r[c], r.total) >= minLabelledShare ? countWithShare(r[c], r.total) : '';
    }
    return p;
  });
}

/** Tooltips: "Red: 2 (100%)", from the counts, not the drawn share. */
function tooltipValue(_value: unknown, name: unknown, item: { payload?: Point }) {
  const c = colourOrder.find((k) => colourWords[k] === name);
  const counts = item.payload?.counts;
  return c && counts ? countWithShare(counts[c], counts.total) : String(_value);
}

/** One bar per group, split into Red, Amber and Green shares (suppressed groups left out). */
export function RagBarChart({ rows, title }: { rows: CohortRow[]; title: string }) {
  const data = chartPoints(
    rows.filter((r) => !r.suppressed && r.total > 0),
    (r) => r.label,
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24, top: 8, bottom: 8 }} accessibilityLayer title={title}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={percentTicks} allowDataOverflow tickFormatter={percentTick} />
        <YAxis type="category" dataKey="name" width={170} />
        <Tooltip formatter={tooltipValue} />
        {/* Without a sorter the legend would be alphabetical: Amber, Green, Red. */}
        <Legend formatter={legendText} itemSorter={null} />
        {colourOrder.map((c) => (
          <Bar key={c} isAnimationActive={false} dataKey={colourWords[c]} stackId="rag" fill={ragColours[c]}>
            <LabelList dataKey={`${c}Label`} position="center" fill={labelInk[c]} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

const lineDash = { red: undefined, amber: '6 3', green: '2 2' } as const;

/** Shares of Red, Amber and Green in each round, oldest first. */
export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const data = chartPoints(rows, (r) => r.name);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis domain={[0, 100]} ticks={percentTicks} tickFormatter={percentTick} />
        <Tooltip formatter={tooltipValue} />
        <Legend formatter={legendText} itemSorter={null} />
        {colourOrder.map((c) => (
          <Line
            key={c}
            isAnimationActive={false}
            type="monotone"
            dataKey={colourWords[c]}
            stroke={ragColours[c]}
            strokeWidth={3}
            strokeDasharray={lineDash[c]}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
