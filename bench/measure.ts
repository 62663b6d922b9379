// Small statistics and timing helpers for the benchmark.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

const gc = (globalThis as { gc?: () => void }).gc;

/** CPU milliseconds of this process (every thread): unlike the wall clock, not inflated by a busy machine. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `work` once to warm up, then `runs` times; returns every run's milliseconds (wall clock). */
export function timeRuns(runs: number, work: () => unknown, cpu?: number[]): number[] {
  work();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const c0 = cpuMs();
    const t0 = performance.now();
    work();
    out.push(performance.now() - t0);
    cpu?.push(cpuMs() - c0);
  }
  return out;
}

export async function timeRunsAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
