// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { CohortRow } from '../../shared/schemas/cohort.js';
import { chartPoints } from '../../renderer/pages/cohort/charts.js';
import { RagTable, ragExportColumns, ragExportRows } from '../../renderer/pages/cohort/RagTable.js';
import { countWithShare, formatGap, greenGapPoints } from '../../renderer/pages/cohort/words.js';

afterEach(cleanup);

const row = (key: string, red: number, amber: number, green: number): CohortRow => ({
  key,
  label: key,
  red,
  amber,
  green,
  total: red + amber + green,
  suppressed: false,
});

describe('counts beside shares', () => {
  it('says how many children a share is of', () => {
    expect(countWithShare(2, 2)).toBe('2 (100%)');
    expect(countWithShare(1, 3)).toBe('1 (33%)');
    expect(countWithShare(0, 0)).toBe('0 (0%)');
  });

  it('labels a chart bar of 2 children with its count, not just 100%', () => {
    const [point] = chartPoints([row('Boys', 0, 0, 2)], (r) => r.label);
    expect(point?.greenLabel).toBe('2 (100%)');
    expect(point?.Green).toBe(100);
    // Segments too narrow for a label leave it to the tooltip.
    expect(point?.redLabel).toBe('');
  });
});

describe('the gap between a group and the rest', () => {
  it('compares a group with everyone else in the table, not with the whole', () => {
    // Girls 1 of 4 Green (25%); the rest 3 of 4 (75%): 50 points behind.
    const girls = row('Girls', 2, 1, 1);
    const boys = row('Boys', 1, 0, 3);
    const all = { red: 3, amber: 1, green: 4, total: 8 };
    expect(greenGapPoints(girls, all)).toBe(-50);
    expect(greenGapPoints(boys, all)).toBe(50);
    expect(greenGapPoints(row('Everyone', 3, 1, 4), all)).toBeNull();
    expect(formatGap(-12)).toBe('−12 points');
    expect(formatGap(1)).toBe('+1 point');
    expect(formatGap(0)).toBe('0 points');
    expect(formatGap(null)).toBe('–');
  });

  it('shows the gap as a column of the subgroup table and its export', () => {
    const rows = [row('Girls', 2, 1, 1), row('Boys', 1, 0, 3)];
    const total = { red: 3, amber: 1, green: 4, total: 8 };
    const router = createMemoryRouter([
      { path: '/', element: <RagTable caption="By sex" groupHeading="Sex" rows={rows} total={total} suppressBelow={0} gap href={() => '/'} /> },
    ]);
    render(<RouterProvider router={router} />);
    expect(screen.getByRole('columnheader', { name: '% Green vs the rest' })).toBeTruthy();
    const girls = screen.getByRole('row', { name: /^Girls/ });
    expect(within(girls).getByText('−50 points')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /^Boys/ })).getByText('+50 points')).toBeTruthy();
    expect(ragExportColumns('Sex', true).at(-1)).toBe('Green % vs the rest (points)');
    expect(ragExportRows(rows, total, true).map((r) => r.at(-1))).toEqual([-50, 50, null]);
  });
});
