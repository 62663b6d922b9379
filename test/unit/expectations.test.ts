// The samples (the spec's examples) and the check fixtures match their `// expect:` comments exactly.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyseFile, compare, covenantFiles, expectations } from "../helpers/expectations";
import { fixture, sample } from "../helpers/paths";
import { linkFiles } from "../helpers/memory";
import { allFindings } from "../../server/src/analysis/analyse";
import { CHECKS } from "../../server/src/analysis/registry";

const rel = (f: string): string => path.relative(path.resolve(__dirname, "../../.."), f);

describe("expect comments", () => {
  describe("samples (analysis date 2026-01-10)", () => {
    const files = covenantFiles(sample());
    it("include the five examples of the spec", () => {
      const names = files.map((f) => path.basename(f));
      for (const n of ["northwind.covenant", "globex-hosting.covenant", "payroll.covenant", "handshake.covenant", "broken.covenant"]) assert.ok(names.includes(n), n);
    });
    for (const file of files) {
      it(rel(file), () => {
        const { linked, findings } = analyseFile(file);
        assert.deepEqual(compare(linked, findings), []);
      });
    }
  });

  describe("check fixtures", () => {
    const files = covenantFiles(fixture("checks"));
    for (const file of files) {
      it(rel(file), () => {
        const { linked, findings } = analyseFile(file);
        assert.deepEqual(compare(linked, findings), []);
      });
    }

    for (const check of CHECKS) {
      it(`${check.code} has a fixture where it fires and one where it stays silent`, () => {
        const fires = fixture("checks", `${check.code}-fires.covenant`);
        const silent = fixture("checks", `${check.code}-silent.covenant`);
        assert.ok(fs.existsSync(fires), `missing ${rel(fires)}`);
        assert.ok(fs.existsSync(silent), `missing ${rel(silent)}`);
        const firing = analyseFile(fires);
        assert.ok(firing.findings.some((f) => f.code === check.code), `${check.code} does not fire in its fires fixture`);
        const quiet = analyseFile(silent);
        assert.ok(!quiet.findings.some((f) => f.code === check.code), `${check.code} fires in its silent fixture`);
        const expected = [...expectations(quiet.linked).byLine.values()].some((s) => s.has(check.code));
        assert.ok(!expected, `the silent fixture of ${check.code} expects it`);
      });
    }
  });

  describe("the runner itself", () => {
    const contract = `contract c "C" {\n  kind saas\n}\n`;
    it("reports a finding in a file without expect comments", () => {
      const linked = linkFiles({ "a.covenant": contract });
      const problems = compare(linked, allFindings(linked, { today: "2026-01-10" }));
      assert.ok(problems.some((p) => p.startsWith("line 1: unexpected VAL001")), problems.join("\n"));
    });
    it("reports an expected code that no finding has, and a finding on another line", () => {
      const text = `contract c "C" { // expect: VAL001 DSP001 ESC005\n  kind saas\n}\n`;
      const linked = linkFiles({ "a.covenant": text });
      const findings = allFindings(linked, { today: "2026-01-10" });
      const problems = compare(linked, findings);
      assert.ok(problems.includes("line 1: missing ESC005"), problems.join("\n"));
      const moved = findings.map((f) => (f.code === "DSP001" ? { ...f, range: { start: text.indexOf("saas"), end: text.indexOf("saas") + 4 } } : f));
      const again = compare(linked, moved);
      assert.ok(again.includes("line 1: missing DSP001 ESC005"), again.join("\n"));
      assert.ok(again.some((p) => p.startsWith("line 2: unexpected DSP001")), again.join("\n"));
    });
    it("compares only the checks a `// checks:` comment names, and built-in errors always", () => {
      const body = `contract c "C" { // expect: DSP001\n  customer a\n  supplier b\n  party a { }\n  party b { }\n}\n`;
      const all = linkFiles({ "a.covenant": body });
      assert.ok(compare(all, allFindings(all, { today: "2026-01-10" })).some((p) => p.includes("unexpected ESC001")), "without the comment, every finding counts");
      const about = linkFiles({ "a.covenant": `// checks: DSP001\n${body}` });
      assert.deepEqual(compare(about, allFindings(about, { today: "2026-01-10" })).map((p) => p.replace(/^line \d+: /, "")), []);
      const broken = linkFiles({ "a.covenant": `// checks: DSP001\n${body.replace("customer a", "customer zz")}` });
      assert.ok(compare(broken, allFindings(broken, { today: "2026-01-10" })).some((p) => p.includes("unexpected REF001")), "built-in errors are always compared");
      const outside = linkFiles({ "a.covenant": `// checks: ESC001\n${body}` });
      assert.ok(compare(outside, allFindings(outside, { today: "2026-01-10" })).some((p) => p.includes("expects DSP001, which the checks comment leaves out")));
    });
    it("reads expect comments from comments only, and rejects malformed ones", () => {
      const text = `contract c "// expect: DSP001" { // expect: dsp1\n}\n`;
      const linked = linkFiles({ "a.covenant": text });
      const { byLine, problems } = expectations(linked);
      assert.deepEqual([...byLine.get(1)!], []);
      assert.equal(problems.length, 1);
    });
  });
});
