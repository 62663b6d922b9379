// `covenant check -j N`: the pool of worker threads that check files, and what each worker runs.
// The same module is both: the CLI requires it to start the pool, and each worker loads it as its script.
import * as path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { fileChecker, type CheckOptions, type FileOutcome } from "./check";

/** What a worker is started with: the check's options (without the paths) and the instant it runs at. */
export interface CheckJob {
  options: Omit<CheckOptions, "paths">;
  clock: string;
}

type ToWorker = { files: [number, string][] } | { stop: true };
type FromWorker = { outcomes: [number, FileOutcome][] };

const ROLE = "covenant-check-worker";
/** Files handed to a worker at a time: small enough that the threads finish together, large enough to keep messages rare. */
const BATCH = 4;

/**
 * Checks `files` on `threads` threads: this one and `threads - 1` workers, all taking batches from one queue;
 * the outcomes come back in the order of `files`.
 */
export function runOnWorkers(files: readonly string[], job: CheckJob, threads: number): Promise<FileOutcome[]> {
  // Beside the bundle (dist/check-worker.js) or the compiled module (out/…/cli/check-worker.js).
  const script = path.join(__dirname, "check-worker.js");
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  let next = 0;
  let pending = files.length;
  const take = (): [number, string][] => {
    const batch: [number, string][] = [];
    for (; next < files.length && batch.length < BATCH; next++) batch.push([next, files[next]]);
    return batch;
  };
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const fail = (e: Error): void => {
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const settle = (done: [number, FileOutcome][]): void => {
      for (const [index, outcome] of done) outcomes[index] = outcome;
      pending -= done.length;
      if (pending === 0) {
        for (const w of workers) void w.terminate();
        resolve(outcomes);
      }
    };
    const feed = (w: Worker): void => {
      const batch = take();
      w.postMessage(batch.length > 0 ? ({ files: batch } satisfies ToWorker) : ({ stop: true } satisfies ToWorker));
    };
    for (let i = 1; i < threads; i++) {
      const w = new Worker(script, { workerData: { role: ROLE, job } });
      workers.push(w);
      w.on("message", (m: FromWorker) => {
        settle(m.outcomes);
        if (pending > 0) feed(w);
      });
      w.on("error", fail);
      w.on("exit", (code) => {
        if (pending > 0 && code !== 0 && !failed) fail(new Error(`a check worker stopped with exit code ${code}`));
      });
      // Two batches ahead, so that a worker never waits while this thread is busy with its own batch.
      feed(w);
      feed(w);
    }
    // This thread checks batches too, yielding between them to hand out work and collect results.
    const check = fileChecker(job.options, job.clock);
    const own = (): void => {
      if (failed) return;
      const batch = take();
      if (batch.length === 0) return;
      settle(batch.map(([index, file]) => [index, check(file)]));
      if (pending > 0) setImmediate(own);
    };
    setImmediate(own);
  });
}

function serve(job: CheckJob): void {
  const port = parentPort!;
  const check = fileChecker(job.options, job.clock);
  port.on("message", (m: ToWorker) => {
    if ("stop" in m) {
      port.close();
      return;
    }
    port.postMessage({ outcomes: m.files.map(([index, file]) => [index, check(file)]) } satisfies FromWorker);
  });
}

const data = workerData as { role?: string; job?: CheckJob } | null;
if (!isMainThread && data?.role === ROLE && data.job) serve(data.job);
