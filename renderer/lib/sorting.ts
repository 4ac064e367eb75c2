import { useState } from 'react';

export type Direction = 'asc' | 'desc';

/** Sort state kept on the page (lists whose order need not survive a reload). */
export function useSort<K extends string>(initial: K) {
  const [sort, setSort] = useState<K>(initial);
  const [direction, setDirection] = useState<Direction>('asc');
  const onSort = (key: K, dir: Direction) => {
    setSort(key);
    setDirection(dir);
  };
  return { sort, direction, onSort };
}

/** Rows in order of one value (numbers as numbers, words in British English order); ties go by name. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string | number, direction: Direction, name: (row: T) => string): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB');
    return cmp * sign || name(a).localeCompare(name(b), 'en-GB');
  });
}
