import { isDeepStrictEqual } from 'node:util';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round2(percentile(sorted, 0.5)),
    p95: round2(percentile(sorted, 0.95)),
    min: round2(sorted[0] ?? NaN),
    max: round2(sorted[sorted.length - 1] ?? NaN),
  };
}

export interface PairOptions {
  warmup: number;
  iterations: number;
  /** Stop measuring a pair early once this much time has gone (but never under minIterations). */
  budgetMs: number;
  minIterations: number;
}

/**
 * Times two functions alternately (a, b, a, b...) after a warm-up, so that drift on a busy
 * machine (other processes, the page cache) falls on both sides alike.
 */
export function timePair(a: () => unknown, b: () => unknown, o: PairOptions): { a: number[]; b: number[] } {
  for (let i = 0; i < o.warmup; i++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.iterations; i++) {
    if (i >= o.minIterations && performance.now() - started > o.budgetMs) break;
    let t = performance.now();
    a();
    as.push(performance.now() - t);
    t = performance.now();
    b();
    bs.push(performance.now() - t);
  }
  return { a: as, b: bs };
}

/** The first place two plain values differ, for a loud failure message; null when equal. */
export function firstDifference(api: unknown, lower: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(api, lower)) return null;
  if (Array.isArray(api) && Array.isArray(lower)) {
    if (api.length !== lower.length) return `${path}: API has ${api.length} items, lower bound ${lower.length}`;
    for (let i = 0; i < api.length; i++) {
      const d = firstDifference(api[i], lower[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (api && lower && typeof api === 'object' && typeof lower === 'object' && !Array.isArray(api) && !Array.isArray(lower)) {
    const keys = new Set([...Object.keys(api), ...Object.keys(lower)]);
    for (const k of keys) {
      const d = firstDifference((api as Record<string, unknown>)[k], (lower as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: API ${JSON.stringify(api)?.slice(0, 300)} but lower bound ${JSON.stringify(lower)?.slice(0, 300)}`;
}
