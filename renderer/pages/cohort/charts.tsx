import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CohortRow, TrendRow } from '../../../shared/schemas/cohort.js';
import { ragColours } from './RagTable.js';

const percentTick = (v: number) => `${v}%`;
const percentTicks = [0, 25, 50, 75, 100];
/** Exact shares for drawing (rounded ones can add up to 101%); tooltips round them. */
const share = (n: number, total: number) => (total === 0 ? 0 : (n / total) * 100);
const roundedPercent = (value: unknown) => `${Math.round(Number(value))}%`;
/** Legend words in dark text: amber text on white would be too faint to read. */
const legendText = (value: string) => <span style={{ color: '#0b0c0c' }}>{value}</span>;

/** One bar per group, split into Red, Amber and Green shares (suppressed groups left out). */
export function RagBarChart({ rows, title }: { rows: CohortRow[]; title: string }) {
  const data = rows
    .filter((r) => !r.suppressed && r.total > 0)
    .map((r) => ({ label: r.label, Red: share(r.red, r.total), Amber: share(r.amber, r.total), Green: share(r.green, r.total), children: r.total }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24, top: 8, bottom: 8 }} accessibilityLayer title={title}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={percentTicks} allowDataOverflow tickFormatter={percentTick} />
        <YAxis type="category" dataKey="label" width={170} />
        <Tooltip formatter={roundedPercent} />
        <Legend formatter={legendText} />
        <Bar isAnimationActive={false} dataKey="Red" stackId="rag" fill={ragColours.red} />
        <Bar isAnimationActive={false} dataKey="Amber" stackId="rag" fill={ragColours.amber} />
        <Bar isAnimationActive={false} dataKey="Green" stackId="rag" fill={ragColours.green} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Shares of Red, Amber and Green in each round, oldest first. */
export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const data = rows.map((r) => ({ name: r.name, Red: share(r.red, r.total), Amber: share(r.amber, r.total), Green: share(r.green, r.total) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis domain={[0, 100]} ticks={percentTicks} tickFormatter={percentTick} />
        <Tooltip formatter={roundedPercent} />
        <Legend formatter={legendText} />
        <Line isAnimationActive={false} type="monotone" dataKey="Red" stroke={ragColours.red} strokeWidth={3} />
        <Line isAnimationActive={false} type="monotone" dataKey="Amber" stroke={ragColours.amber} strokeWidth={3} strokeDasharray="6 3" />
        <Line isAnimationActive={false} type="monotone" dataKey="Green" stroke={ragColours.green} strokeWidth={3} strokeDasharray="2 2" />
      </LineChart>
    </ResponsiveContainer>
  );
}
