// The suite's entry point in the standard VS Code form: the extension host calls run() and waits.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { afterReload, tally, tallyBeforeReload } from "./reload";

type MochaClass = typeof import("mocha");

// Mocha 12 is an ES module; require() of it gives the namespace (Node 20/22) or the class (Node 24).
function loadMocha(): MochaClass {
  const loaded = require("mocha") as MochaClass & { default?: MochaClass };
  return loaded.default ?? loaded;
}

/** Writes each result to the console and to the runner's report file. */
function makeReporter(Mocha: MochaClass) {
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
    Mocha.Runner.constants;
  const reportFile = process.env.COVENANT_E2E_REPORT;
  const write = (line: string) => {
    console.log(line);
    if (reportFile) fs.appendFileSync(reportFile, line + "\n");
  };

  return class CovenantReporter extends Mocha.reporters.Base {
    constructor(runner: import("mocha").Runner, options?: import("mocha").MochaOptions) {
      super(runner, options);
      // A run that reloaded its window (window-reload.test.ts) goes on counting from its first phase.
      const carried = tallyBeforeReload();
      let passed = carried?.passed ?? 0;
      let skipped = carried?.skipped ?? 0;
      const failures: { title: string; error?: Error }[] = (carried?.failures ?? []).map((title) => ({ title }));
      write(`Covenant e2e in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost})`);
      runner.on(EVENT_SUITE_BEGIN, (suite) => {
        if (suite.title) write(`${"  ".repeat(depth(suite))}${suite.title}`);
      });
      runner.on(EVENT_TEST_PASS, (test) => {
        passed++;
        tally.passed++;
        write(`${"  ".repeat(depth(test))}✓ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        skipped++;
        tally.skipped++;
        const reason = (test as { skipReason?: string }).skipReason;
        write(`${"  ".repeat(depth(test))}- ${test.title} (skipped${reason ? `: ${reason}` : ""})`);
      });
      runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
        failures.push({ title: test.fullTitle(), error });
        tally.failures.push(test.fullTitle());
        // the reason right away: a run cut short by the runner's timeout still shows it
        write(`${"  ".repeat(depth(test))}✗ ${test.title}`);
        write(indent(error.stack ?? String(error), depth(test) + 2));
      });
      runner.once(EVENT_RUN_END, () => {
        if (failures.length > 0) write("\nFailed:");
        failures.forEach(({ title }, i) => write(`  ${i + 1}) ${title}`));
        write("");
        write(`${passed} passed, ${failures.length} failed${skipped ? `, ${skipped} skipped` : ""}`);
      });
    }
  };
}

function depth(runnable: { parent?: { parent?: unknown; title?: string } }): number {
  let level = 0;
  for (let p = runnable.parent as { parent?: unknown; title?: string } | undefined; p; p = p.parent as typeof p) {
    if (p.title) level++;
  }
  return level;
}

/** The message whole, and the first frames of the stack that are not mocha's or VS Code's. */
function indent(text: string, level: number): string {
  let frames = 0;
  return text
    .split("\n")
    .filter((line) => !/node_modules\/mocha\/|node:internal|\/lib\/vscode\/out\/|resources\/app\/out\//.test(line))
    .filter((line) => !/^\s+at /.test(line) || ++frames <= 3)
    .map((line) => `${"  ".repeat(level)}${line}`)
    .join("\n");
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: "bdd", timeout: 30_000, color: false, reporter: makeReporter(Mocha) });
  const grep = process.env.COVENANT_E2E_GREP;
  if (afterReload()) mocha.grep(/after a window reload restores/);
  else if (grep) mocha.grep(new RegExp(grep));
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      const total = failures + (tallyBeforeReload()?.failures.length ?? 0);
      if (total > 0) reject(new Error(`${total} e2e tests failed`));
      else resolve();
    });
  });
}
