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

/** CPU milliseconds of this process (every thread): unlike the wall clock, not inflated by a busy machine. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Warm-up: at least three runs and half a second, so that the JIT has optimised the hot code. */
function warmUp(work: () => unknown): void {
  const started = performance.now();
  for (let i = 0; i < 3 || performance.now() - started < 500; i++) work();
}

/** Runs `work` to warm up, then `runs` times; returns every run's milliseconds (wall clock). */
export function timeRuns(runs: number, work: () => unknown, cpu?: number[]): number[] {
  warmUp(work);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    work();
    out.push(performance.now() - t0);
    cpu?.push(cpuMs() - c0);
  }
  return out;
}

export async function timeRunsAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
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
