// Bundles the CLI, the language server and the VS Code extension with esbuild.
// Chevrotain is ESM-only; bundling makes one CommonJS file per entry point that Node 20 and VS Code load.
import { build } from "esbuild";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
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

const entries = [
  { in: "server/src/cli/main.ts", out: "dist/cli.js", bin: true, minify: true },
  { in: "server/src/cli/check-worker.ts", out: "dist/check-worker.js", minify: true },
  { in: "server/src/lsp/main.ts", out: "dist/server.js", bin: true, minify: true },
  { in: "client/src/extension.ts", out: "dist/extension.js", external: ["vscode"] },
  { in: "server/src/documents/docx.ts", out: "dist/schedule-docx.js", minify: true },
];

await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map(async (e) => {
      await build({
        ...common,
        minify: minifyAll || e.minify === true,
        entryPoints: [e.in],
        outfile: e.out.replace(/^dist\//, outdir + "/"),
        external: e.external ?? [],
        banner: e.bin ? { js: "#!/usr/bin/env node" } : undefined,
      });
      if (e.bin) chmodSync(e.out.replace(/^dist\//, outdir + "/"), 0o755);
    }),
);

// covenant.json's schema follows the check registry (contributes.jsonValidation points at it).
const schema = await configSchemaText();
if (!existsSync("schemas/covenant.schema.json") || readFileSync("schemas/covenant.schema.json", "utf8") !== schema) writeFileSync("schemas/covenant.schema.json", schema);
