// Writes schemas/covenant.schema.json from the check registry (scripts/config-schema.ts); run by
// scripts/build.mjs. `--check` exits 1 when the file is out of date.
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import { holidayData } from "./holiday-data.mjs";
import { runTypeScript, writeOrCheck } from "./generated-files.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "schemas/covenant.schema.json");

export async function configSchemaText() {
  // The registry is TypeScript: bundle a tiny entry in memory and run it.
  return runTypeScript(
    root,
    `import { CHECKS } from "./server/src/analysis/registry"; import { configSchemaText } from "./scripts/config-schema"; module.exports = configSchemaText(CHECKS);`,
    [holidayData()],
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeOrCheck(target, await configSchemaText(), "scripts/build-config-schema.mjs");
}
