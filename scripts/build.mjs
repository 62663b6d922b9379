// Bundles the CLI, the language server and the VS Code extension with esbuild.
// Chevrotain is ESM-only; bundling makes one CommonJS file per entry point that Node 20 and VS Code load.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { holidayData } from "./holiday-data.mjs";
import { configSchemaText } from "./build-config-schema.mjs";

// The CLI, the server and the check worker are always minified: smaller bundles compile faster at every start.
// The extension follows --minify (unminified stack traces while developing it).
const minifyAll = process.argv.includes("--minify") || process.env.COVENANT_MINIFY === "1";
// `--outdir DIR` writes the bundles elsewhere (the benchmark measures minified sizes without touching dist/).
const outdir = process.argv.includes("--outdir") ? process.argv[process.argv.indexOf("--outdir") + 1] : "dist";
const common = {
  define: { COVENANT_VERSION: JSON.stringify(JSON.parse(readFileSync("package.json", "utf8")).version) },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  plugins: [holidayData(), scheduleDocxApart()],
};

// The DOCX renderer (the docx package) is its own bundle, loaded by the CLI and the server only when a DOCX is asked for.
function scheduleDocxApart() {
  return {
    name: "schedule-docx-apart",
    setup(b) {
      b.onResolve({ filter: /^\.\/docx$/ }, (args) =>
        /documents[\\/]generate\.ts$/.test(args.importer) ? { path: "./schedule-docx.js", external: true } : undefined);
    },
  };
}

// `cached`: the bundle is written as NAME.bundle.js and NAME.js is a small loader that compiles it with a V8 code
// cache (NAME.bundle.cache, written below by running the bundle once), so that a start deserializes code instead of
// compiling it. `warm` is what that run does; the cache holds the functions it ran (`before`: written before it runs).
const entries = [
  { in: "server/src/cli/main.ts", out: "dist/cli.js", bin: true, minify: true, cached: true, warm: ["dist/cli.js", "check", "samples", "--today", "2026-01-10", "-j", "1"] },
  { in: "server/src/cli/check-worker.ts", out: "dist/check-worker.js", minify: true, cached: true, warm: ["-e", "require('./dist/check-worker.js').runOnWorkers(require('fs').readdirSync('samples').filter((f) => f.endsWith('.covenant')).map((f) => 'samples/' + f), { options: { today: '2026-01-10' }, clock: '2026-01-10T00:00:00Z' }, 1)"] },
  // The server changes a V8 flag when it starts, and a cache written after that would be refused at the next start:
  // its cache is written before the bundle runs (what compiling needs, not the functions a session runs).
  { in: "server/src/lsp/main.ts", out: "dist/server.js", bin: true, minify: true, cached: true, warm: ["dist/server.js", "--version"], before: true },
  { in: "client/src/extension.ts", out: "dist/extension.js", external: ["vscode"] },
  { in: "server/src/documents/docx.ts", out: "dist/schedule-docx.js", minify: true },
];

const outPath = (file) => file.replace(/^dist\//, outdir + "/");

await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map(async (e) => {
      await build({
        ...common,
        minify: minifyAll || e.minify === true,
        entryPoints: [e.in],
        outfile: outPath(e.cached ? e.out.replace(/\.js$/, ".bundle.js") : e.out),
        external: e.external ?? [],
        banner: e.bin && !e.cached ? { js: "#!/usr/bin/env node" } : undefined,
      });
      if (e.cached) writeFileSync(outPath(e.out), loader(e.out.replace(/^dist\/|\.js$/g, ""), e.bin));
      if (e.bin) chmodSync(outPath(e.out), 0o755);
    }),
);

// Node 20 has no module.enableCompileCache; this is what it does, by hand. The cache is only used by the Node
// (V8 version and flags) that wrote it: any other rejects it and the bundle is compiled as without it.
function loader(name, bin) {
  return `${bin ? "#!/usr/bin/env node\n" : ""}"use strict";
// Loads ${name}.bundle.js with the V8 code cache ${name}.bundle.cache that the build wrote (scripts/build.mjs).
const fs = require("node:fs"), path = require("node:path"), vm = require("node:vm"), { wrap } = require("node:module");
const file = path.join(__dirname, "${name}.bundle.js"), cacheFile = path.join(__dirname, "${name}.bundle.cache");
const writing = process.env.COVENANT_WRITE_CODE_CACHE;
let cachedData;
if (!writing) try { cachedData = fs.readFileSync(cacheFile); } catch { /* no cache: compile */ }
const script = new vm.Script(wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
if (writing === "before") fs.writeFileSync(cacheFile, script.createCachedData());
else if (writing) process.once("exit", () => fs.writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(exports, require, module, __filename, __dirname);
`;
}

// The code caches: each bundle run once by this Node, its cache written when it exits; then checked to load.
if (outdir === "dist" && process.env.COVENANT_CODE_CACHE !== "0") {
  for (const e of entries.filter((x) => x.cached && existsSync(x.in))) {
    const name = e.out.replace(/^dist\/|\.js$/g, "");
    const cacheFile = `dist/${name}.bundle.cache`;
    rmSync(cacheFile, { force: true });
    const run = spawnSync(process.execPath, e.warm, { env: { ...process.env, COVENANT_WRITE_CODE_CACHE: e.before ? "before" : "after" }, input: "", stdio: ["pipe", "ignore", "pipe"], encoding: "utf8" });
    const accepted = existsSync(cacheFile) && spawnSync(process.execPath, ["-e", `const vm = require("node:vm"), fs = require("node:fs"); const s = new vm.Script(require("node:module").wrap(fs.readFileSync("dist/${name}.bundle.js", "utf8")), { filename: require("node:path").resolve("dist/${name}.bundle.js"), cachedData: fs.readFileSync("${cacheFile}") }); process.exit(s.cachedDataRejected ? 1 : 0);`]).status === 0;
    if (!accepted) {
      rmSync(cacheFile, { force: true });
      console.warn(`build: no code cache for dist/${name}.js (${run.status === null ? run.signal : `exit ${run.status}`}${run.stderr ? `: ${run.stderr.trim().split("\n")[0]}` : ""})`);
    }
  }
}

// covenant.json's schema follows the check registry (contributes.jsonValidation points at it).
const schema = await configSchemaText();
if (!existsSync("schemas/covenant.schema.json") || readFileSync("schemas/covenant.schema.json", "utf8") !== schema) writeFileSync("schemas/covenant.schema.json", schema);
