// The two phases of a run that reloads its window (window-reload.test.ts): the first phase writes what
// it had open and its results so far into the bridge folder; the second reads them back.
import * as fs from "node:fs";
import * as path from "node:path";

export interface Tally {
  passed: number;
  skipped: number;
  failures: string[];
}

interface Reloaded {
  tabs: string[];
  tally: Tally;
}

/** The results so far of this extension host's run, kept by the reporter (suite/index.ts). */
export const tally: Tally = { passed: 0, skipped: 0, failures: [] };

function markerFile(): string | undefined {
  const folder = process.env.COVENANT_E2E_BRIDGE ?? process.env.COVENANT_E2E_REPORT_DIR;
  return folder ? path.join(folder, "window-reloaded.json") : undefined;
}

function read(): Reloaded | undefined {
  const file = markerFile();
  if (!file || !fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, "utf8")) as Reloaded;
}

/** The webview tabs open before the reload, in the run's second phase; undefined in the first. */
export function afterReload(): string[] | undefined {
  return read()?.tabs;
}

/** The first phase's results, which the second phase's summary adds to its own. */
export function tallyBeforeReload(): Tally | undefined {
  return read()?.tally;
}

/** Called just before the reload: the test that reloads counts as passed. */
export function recordReload(tabs: string[]): void {
  const file = markerFile();
  if (!file) throw new Error("no bridge folder to carry the run across the reload (COVENANT_E2E_BRIDGE)");
  const carried: Reloaded = { tabs, tally: { ...tally, passed: tally.passed + 1 } };
  fs.writeFileSync(`${file}.part`, JSON.stringify(carried));
  fs.renameSync(`${file}.part`, file);
  // The reporter never sees this test end (its extension host goes with the window): say so here.
  const line = `  ✓ reloads the window with a simulation, a preview and a dashboard open (the suite goes on in the new window)`;
  console.log(line);
  if (process.env.COVENANT_E2E_REPORT) fs.appendFileSync(process.env.COVENANT_E2E_REPORT, line + "\n");
}
