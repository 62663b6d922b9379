// `covenant check --format sarif` validates against the SARIF 2.1.0 schema and says what GitHub code
// scanning needs: rules with descriptions and help URIs, results with physical locations.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Sarif from "sarif";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { main } from "../../server/src/cli/main";
import { allRules, RULE_DOCS_BASE } from "../../server/src/analysis/rules";
import { CHECKS } from "../../server/src/analysis/registry";
import { fixture, ROOT, sample } from "../helpers/paths";

const schema = JSON.parse(fs.readFileSync(fixture("sarif", "sarif-schema-2.1.0.json"), "utf8"));

function validator(): (data: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

function run(args: string[], cwd = ROOT): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t), colour: false, cwd });
  return { code, out, err };
}

describe("check --format sarif", () => {
  const validate = validator();
  const result = run(["check", "--format", "sarif", "--today", "2026-01-10", sample()]);
  const log = JSON.parse(result.out) as Sarif.Log;
  const driver = log.runs[0].tool.driver;

  it("validates against the SARIF 2.1.0 schema", () => {
    assert.deepEqual(validate(log), []);
  });

  it("the schema validation can fail (the test is not vacuous)", () => {
    const broken = JSON.parse(result.out);
    broken.runs[0].results[0].level = "fatal";
    delete broken.version;
    assert.ok(validate(broken).length >= 2);
  });

  it("keeps the exit code of the check: errors were found", () => {
    assert.equal(result.code, 1);
    assert.equal(result.err, "");
  });

  it("describes one run of Covenant with every rule: built-in errors and governance checks", () => {
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    assert.equal(driver.name, "Covenant");
    assert.ok(driver.version && driver.informationUri);
    const ids = (driver.rules ?? []).map((r) => r.id);
    assert.deepEqual(ids, allRules().map((r) => r.code));
    for (const code of ["SYN001", "REF001", "REF002", "REF003", "REF004", "VAL001", ...CHECKS.map((c) => c.code)]) assert.ok(ids.includes(code), code);
    const esc002 = driver.rules!.find((r) => r.id === "ESC002")!;
    assert.equal(esc002.shortDescription?.text, "First and last point of escalation");
    assert.ok(esc002.fullDescription!.text.length > 80);
    assert.equal(esc002.helpUri, `${RULE_DOCS_BASE}ESC002.md`);
    assert.equal(esc002.defaultConfiguration?.level, "error");
    assert.equal(driver.rules!.find((r) => r.id === "ESC008")!.defaultConfiguration?.level, "note");
  });

  it("places each result in its file, relative to the working directory, with 1-based lines and columns", () => {
    const results = log.runs[0].results!;
    const json = JSON.parse(run(["check", "--format", "json", "--today", "2026-01-10", sample()]).out) as { code: string; line: number; column: number; endLine: number; endColumn: number; severity: string }[];
    assert.equal(results.length, json.length);
    for (const r of results) assert.equal(driver.rules![r.ruleIndex!].id, r.ruleId);
    const esc002 = results.find((r) => r.ruleId === "ESC002")!;
    const loc = esc002.locations![0].physicalLocation!;
    assert.equal(loc.artifactLocation!.uri, "samples/payroll.covenant");
    assert.equal(loc.artifactLocation!.uriBaseId, "%SRCROOT%");
    // `      supplier am // expect: ESC002` in payroll.covenant: `am` at columns 16-18.
    assert.deepEqual(loc.region, { startLine: 74, startColumn: 16, endLine: 74, endColumn: 18 });
    assert.equal(esc002.level, "error");
    assert.equal(results.find((r) => r.ruleId === "ESC008")!.level, "note");
    assert.ok(esc002.message.text?.includes("Vic Olsen"));
  });

  it("reports configured severities and leaves out checks turned off", () => {
    const dir = fs.mkdtempSync(path.join(ROOT, "out", "sarif-"));
    try {
      fs.copyFileSync(sample("payroll.covenant"), path.join(dir, "payroll.covenant"));
      fs.writeFileSync(path.join(dir, "covenant.json"), JSON.stringify({ rules: { ESC008: "off", GOV003: "error" } }));
      const out = JSON.parse(run(["check", "--format", "sarif", "--today", "2026-01-10", dir], dir).out) as Sarif.Log;
      assert.deepEqual(validate(out), []);
      const results = out.runs[0].results!;
      assert.ok(!results.some((r) => r.ruleId === "ESC008"));
      assert.ok(results.filter((r) => r.ruleId === "GOV003").every((r) => r.level === "error"));
      assert.equal(results[0].locations![0].physicalLocation!.artifactLocation!.uri, "payroll.covenant");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("points the rules at another documentation site when COVENANT_RULE_DOCS_URL is set", () => {
    process.env.COVENANT_RULE_DOCS_URL = "https://docs.example.com/covenant/rules";
    try {
      const out = JSON.parse(run(["check", "--format", "sarif", "--today", "2026-01-10", sample("handshake.covenant")]).out) as Sarif.Log;
      assert.equal(out.runs[0].tool.driver.rules!.find((r) => r.id === "DSP001")!.helpUri, "https://docs.example.com/covenant/rules/DSP001.md");
    } finally {
      delete process.env.COVENANT_RULE_DOCS_URL;
    }
  });

  it("gives a clean file an empty result list, still valid", () => {
    const out = JSON.parse(run(["check", "--format", "sarif", "--today", "2026-01-10", sample("northwind.covenant")]).out) as Sarif.Log;
    assert.deepEqual(out.runs[0].results, []);
    assert.deepEqual(validate(out), []);
  });
});
