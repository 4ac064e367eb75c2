import { useState, type ReactNode } from 'react';

/**
 * A chart with a table view of the same numbers, one click apart. The table is the default:
 * it holds the links to the children behind each number and reads well with a screen reader.
 */
export function ChartOrTable({ title, chart, table, actions, id }: { title: string; chart: ReactNode; table: ReactNode; actions?: ReactNode; id: string }) {
  const [view, setView] = useState<'chart' | 'table'>('table');
  return (
    <section className="panel cohort-panel" aria-labelledby={`${id}-title`}>
      <div className="cohort-panel__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="view-toggle" role="group" aria-label={`Show ${title} as`}>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            Chart
          </button>
        </div>
      </div>
      {view === 'chart' ? <div className="chart">{chart}</div> : table}
      {actions}
    </section>
  );
}
