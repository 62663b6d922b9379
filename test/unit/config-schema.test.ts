// covenant.json's schema (schemas/covenant.schema.json): generated from the check registry, and it accepts
// what the command line accepts.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseConfig } from "../../server/src/analysis/config";
import { CHECKS } from "../../server/src/analysis/registry";
import { configSchemaText } from "../../scripts/config-schema";
import { ROOT } from "../helpers/paths";

const schemaFile = path.join(ROOT, "schemas", "covenant.schema.json");

describe("covenant.json schema", () => {
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  // VS Code's own schema words: completion and hover texts, and the message of a failed value.
  ajv.addVocabulary(["enumDescriptions", "markdownDescription", "errorMessage", "patternErrorMessage", "doNotSuggest"]);
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it("lists exactly the registry's configurable codes, each described by its title", () => {
    const rules = schema.properties.rules.properties as Record<string, { description: string; enum: string[] }>;
    assert.deepEqual(Object.keys(rules), CHECKS.map((c) => c.code));
    for (const check of CHECKS) {
      assert.equal(rules[check.code].description, check.title);
      assert.deepEqual(rules[check.code].enum, ["error", "warning", "info", "off"]);
    }
  });

  it("is the generator's output for the current registry", () => {
    assert.equal(fs.readFileSync(schemaFile, "utf8"), configSchemaText(CHECKS));
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/build-config-schema.mjs"), "--check"], { encoding: "utf8", cwd: ROOT });
    assert.equal(run.status, 0, run.stderr);
  });

  const cases: [string, unknown][] = [
    ["a severity per code and a date", { rules: { ESC008: "off", GOV003: "error" }, today: "2026-01-01" }],
    ["a $schema link", { $schema: "./schemas/covenant.schema.json", rules: {} }],
    ["a built-in code", { rules: { SYN001: "off" } }],
    ["an unknown code", { rules: { ESC099: "off" } }],
    ["an unknown severity", { rules: { ESC008: "silent" } }],
    ["a date in another form", { today: "01/02/2026" }],
    ["an unknown setting", { rulez: {} }],
  ];
  for (const [what, config] of cases) {
    it(`agrees with the command line on ${what}`, () => {
      const cli = "config" in parseConfig(JSON.stringify(config));
      assert.equal(validate(config), cli, JSON.stringify(validate.errors));
    });
  }

  it("tells why a built-in code is refused", () => {
    const refusal = schema.properties.rules.patternProperties["^(SYN|REF|VAL)[0-9]{3}$"];
    for (const part of refusal.allOf) assert.match(part.errorMessage, /built-in errors.*cannot be changed/);
    assert.equal(refusal.doNotSuggest, true);
    for (const code of ["SYN001", "REF003", "VAL001"]) assert.equal(validate({ rules: { [code]: "warning" } }), false, code);
  });
});
