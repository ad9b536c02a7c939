/**
 * Small statistics for the benchmarks: percentiles of one run's samples, and the median and spread
 * of a figure over repeated runs.
 */

/**
 * The q-quantile (0..1) of the samples, by linear interpolation between closest ranks.
 *
 * @example percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = Float64Array.from(samples).sort();
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** A figure over repeated runs: its median and its spread (min and max). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** every run's value, in run order */
  runs: number[];
}

/** The median and min-max of one figure measured once per run. */
export function spread(runs: readonly number[]): Spread {
  return { median: percentile(runs, 0.5), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** Collects, per named figure, one value per run, then summarizes each as a Spread. */
export class Runs<K extends string> {
  private readonly values = new Map<K, number[]>();

  /** Records one run's value of a figure. */
  add(figure: K, value: number): void {
    const list = this.values.get(figure) ?? [];
    list.push(value);
    this.values.set(figure, list);
  }

  /** The figure's median and spread over the runs recorded so far. */
  get(figure: K): Spread {
    const list = this.values.get(figure);
    if (!list || list.length === 0) throw new Error(`no run recorded for ${figure}`);
    return spread(list);
  }
}

/** A duration in milliseconds as a short human figure: "812 ns", "37.4 µs", "1.25 ms", "2.1 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${sig(ms * 1000)} µs`;
  if (ms < 1000) return `${sig(ms)} ms`;
  return `${sig(ms / 1000)} s`;
}

/** A count with thousands separators and no decimals ("12,345"), or 3 significant digits below 100. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : sig(n);
}

/** Bytes as "812 B", "12.3 KB", "45.6 MB" (powers of 1024). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  if (Math.abs(n) < 1024) return `${Math.round(n)} B`;
  if (Math.abs(n) < 1024 * 1024) return `${sig(n / 1024)} KB`;
  return `${sig(n / 1024 / 1024)} MB`;
}

/** Three significant digits, without exponent notation. */
export function sig(n: number): string {
  if (n === 0) return "0";
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(n))));
  return n.toFixed(Math.min(digits, 6));
}

/** "median (min-max)" with the given formatter. */
export function formatSpread(s: Spread, format: (n: number) => string): string {
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}
