// What the build scripts that write generated files share: running TypeScript sources of the project
// (bundled in memory by esbuild), and writing a file or, with `--check`, failing when it is out of date.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

/** The exports of a TypeScript entry written as `contents`, resolved from `root` and run as CommonJS. */
export async function runTypeScript(root, contents, plugins = []) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    logLevel: "warning",
    plugins,
  });
  const module = { exports: {} };
  new Function("module", "exports", "require", result.outputFiles[0].text)(module, module.exports, createRequire(path.join(root, "package.json")));
  return module.exports;
}

/** Writes `text` to `target`; with `--check` on the command line, exits 1 when the file differs instead. */
export function writeOrCheck(target, text, script) {
  if (!process.argv.includes("--check")) {
    writeFileSync(target, text);
    return;
  }
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // A missing file is out of date.
  }
  if (current !== text) {
    console.error(`${path.basename(path.dirname(target))}/${path.basename(target)} is out of date: run node ${script}`);
    process.exit(1);
  }
}
