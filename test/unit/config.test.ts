// covenant.json: rule severities (error, warning, info, off), the analysis date, and clear problems.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseConfig } from "../../server/src/analysis/config";
import { allFindings } from "../../server/src/analysis/analyse";
import { main } from "../../server/src/cli/main";
import { analyseFile } from "../helpers/expectations";
import { sample } from "../helpers/paths";

function problem(text: string): string {
  const r = parseConfig(text);
  assert.ok("problem" in r, `accepted ${text}`);
  return r.problem;
}

function cli(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t), colour: false, cwd: process.cwd() });
  return { code, out, err };
}

describe("configuration", () => {
  describe("parsing covenant.json", () => {
    it("accepts severities for governance checks and an analysis date", () => {
      const r = parseConfig(`{ "$schema": "x", "rules": { "ESC008": "off", "GOV003": "error", "SLA004": "info", "DSP002": "warning" }, "today": "2026-01-01" }`);
      assert.deepEqual(r, { config: { rules: { ESC008: "off", GOV003: "error", SLA004: "info", DSP002: "warning" }, today: "2026-01-01" } });
    });

    it("refuses to change a built-in error", () => {
      for (const code of ["SYN001", "REF003", "VAL001"]) assert.match(problem(`{ "rules": { "${code}": "warning" } }`), new RegExp(`${code} is a built-in error and cannot be changed`));
    });

    it("names what is wrong: unknown rule, bad severity, bad date, unknown setting, not JSON", () => {
      assert.match(problem(`{ "rules": { "ESC999": "off" } }`), /unknown rule "ESC999"/);
      assert.match(problem(`{ "rules": { "ESC008": "silent" } }`), /ESC008 must be "error", "warning", "info" or "off", not "silent"/);
      assert.match(problem(`{ "rules": { "ESC008": 0 } }`), /not 0/);
      assert.match(problem(`{ "rules": ["ESC008"] }`), /must be an object/);
      assert.match(problem(`{ "today": "2026-02-30" }`), /"today" must be a date/);
      assert.match(problem(`{ "rule": {} }`), /unknown setting "rule"/);
      assert.match(problem(`[]`), /expected a JSON object/);
      assert.match(problem(`{ "rules": `), /not valid JSON/);
    });
  });

  describe("applying severities", () => {
    const file = sample("payroll.covenant");

    it("changes a check's severity, turns one off, and never touches built-in errors", () => {
      const before = analyseFile(file).findings;
      assert.ok(before.some((f) => f.code === "ESC008" && f.severity === "info"));
      const { findings } = analyseFile(file, { today: "2026-01-10", rules: { ESC008: "off", GOV003: "error", CNT002: "info" } });
      assert.ok(!findings.some((f) => f.code === "ESC008"));
      assert.ok(findings.filter((f) => f.code === "GOV003").length === 2 && findings.filter((f) => f.code === "GOV003").every((f) => f.severity === "error"));
      assert.ok(findings.filter((f) => f.code === "CNT002").every((f) => f.severity === "info"));
      assert.equal(findings.length, before.length - before.filter((f) => f.code === "ESC008").length);
    });

    it("keeps built-in errors as errors even if a rules object names them", () => {
      const { linked } = analyseFile(sample("broken.covenant"));
      const findings = allFindings(linked, { today: "2026-01-10", rules: { SYN001: "off", VAL001: "info" } as never });
      assert.ok(findings.some((f) => f.code === "SYN001" && f.severity === "error"));
      assert.ok(findings.filter((f) => f.code === "VAL001").every((f) => f.severity === "error"));
    });

    it("the analysis date decides who has left", () => {
      // Lou Grant leaves on 2025-09-30: before that, the procurement role is filled.
      const early = analyseFile(file, { today: "2025-09-29" }).findings;
      const late = analyseFile(file, { today: "2025-09-30" }).findings;
      assert.ok(!early.some((f) => f.code === "PPL001"));
      assert.ok(late.some((f) => f.code === "PPL001"));
    });
  });

  describe("on the command line", () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-config-"));
      fs.copyFileSync(sample("payroll.covenant"), path.join(dir, "payroll.covenant"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads severities and the date from covenant.json above the file", () => {
      fs.writeFileSync(path.join(dir, "covenant.json"), JSON.stringify({ rules: { ESC008: "off", GOV003: "error" }, today: "2025-09-29" }));
      const r = cli(["check", "--format", "json", path.join(dir, "payroll.covenant")]);
      const findings = JSON.parse(r.out) as { code: string; severity: string }[];
      assert.ok(!findings.some((f) => f.code === "ESC008"));
      assert.ok(findings.filter((f) => f.code === "GOV003").every((f) => f.severity === "error"));
      assert.ok(!findings.some((f) => f.code === "PPL001"), "on 2025-09-29 Lou Grant has not left");
      const later = JSON.parse(cli(["check", "--format", "json", "--today", "2026-01-10", path.join(dir, "payroll.covenant")]).out) as { code: string }[];
      assert.ok(later.some((f) => f.code === "PPL001"), "--today wins over the file's date");
    });

    it("an invalid --config file is a one-line error that names the file and the problem, exit 2", () => {
      const bad = path.join(dir, "strict.json");
      fs.writeFileSync(bad, JSON.stringify({ rules: { REF001: "off" } }));
      const r = cli(["check", "--config", bad, path.join(dir, "payroll.covenant")]);
      assert.equal(r.code, 2);
      assert.equal(r.out, "");
      assert.equal(r.err.trim().split("\n").length, 1);
      assert.ok(r.err.includes(bad), r.err);
      assert.match(r.err, /REF001 is a built-in error and cannot be changed/);
    });
  });
});
