// Writes schemas/covenant.schema.json from the check registry (scripts/config-schema.ts); run by
// scripts/build.mjs. `--check` exits 1 when the file is out of date.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import { holidayData } from "./holiday-data.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "schemas/covenant.schema.json");

export async function configSchemaText() {
  // The registry is TypeScript: bundle a tiny entry in memory and run it.
  const result = await build({
    stdin: {
      contents: `import { CHECKS } from "./server/src/analysis/registry"; import { configSchemaText } from "./scripts/config-schema"; module.exports = configSchemaText(CHECKS);`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    logLevel: "warning",
    plugins: [holidayData()],
  });
  const module = { exports: {} };
  new Function("module", "exports", "require", result.outputFiles[0].text)(module, module.exports, createRequire(target));
  return module.exports;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await configSchemaText();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {
      // missing: out of date
    }
    if (current !== text) {
      console.error("schemas/covenant.schema.json is out of date: run node scripts/build-config-schema.mjs");
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
