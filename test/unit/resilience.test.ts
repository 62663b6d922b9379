// language.md, Resilience: a syntax error inside a block silences the checks that read it, and one
// directly in a contract's body silences the missing-block findings. Each statement of each clean
// contract below is broken in turn (a stray word before it, its keyword misspelt so that the statement
// is lost); only built-in errors may follow.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Program } from "../../server/src/core/program";
import { isBuiltinCode } from "../../server/src/core/findings";
import { allFindings } from "../../server/src/analysis/analyse";
import { diskHost, toUri } from "../../server/src/cli/files";
import { EXAMPLES_TODAY } from "../helpers/expectations";
import { fixture, sample } from "../helpers/paths";

const CLEAN = [sample("northwind.covenant"), sample("globex-hosting.covenant"), fixture("checks", "EXP001-silent.covenant"), fixture("checks", "RAC001-silent.covenant")];

describe("resilience: a syntax error never makes a check fire", () => {
  for (const file of CLEAN) {
    it(path.basename(file), () => {
      const text = fs.readFileSync(file, "utf8");
      const uri = toUri(file);
      const program = new Program(diskHost);
      const clean = program.linkText(uri, text);
      assert.deepEqual(allFindings(clean, { today: EXAMPLES_TODAY }).map((f) => f.code), [], "the file is clean to begin with");
      const contract = clean.file.parsed.file.contracts[0];
      const starts = clean.file.parsed.statementStarts.filter((s) => s > contract.keyword.end && s < contract.range.end);
      assert.ok(starts.length > 50, "enough statements to break");
      const failures: string[] = [];
      const variants = starts.flatMap((at) => [
        { at, broken: text.slice(0, at) + "oops " + text.slice(at) },
        { at, broken: text.slice(0, at) + "x" + text.slice(at + 1) },
      ]);
      for (const { at, broken } of variants) {
        const linked = new Program(diskHost).linkText(uri, broken);
        const findings = allFindings(linked, { today: EXAMPLES_TODAY });
        assert.ok(findings.some((f) => f.code === "SYN001"), `no syntax error for a broken statement at ${at}`);
        const governance = findings.filter((f) => !isBuiltinCode(f.code));
        if (governance.length > 0) {
          const line = broken.slice(0, at).split("\n").length;
          failures.push(`line ${line} '${broken.split("\n")[line - 1].trim()}': ${governance.map((f) => `${f.code} ${f.message}`).join("; ")}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  it("a half-typed block in a contract's body silences the missing-block findings (spec: `dispte {`)", () => {
    const text = 'contract c "C" {\n  party a "A" customer { person x "X" }\n  party b "B" supplier { person y "Y" }\n  dispte {\n}\n';
    const linked = new Program({ read: () => undefined }).linkText("file:///ws/c.covenant", text);
    const codes = allFindings(linked, { today: EXAMPLES_TODAY }).map((f) => f.code);
    assert.ok(codes.includes("SYN001"), codes.join(" "));
    assert.deepEqual(codes.filter((c) => !isBuiltinCode(c)), []);
  });
});

describe("robustness: no check throws on a half-written file", () => {
  for (const file of [sample("payroll.covenant"), sample("northwind.covenant"), fixture("checks", "PPL001-silent.covenant"), fixture("checks", "DSP003-fires.covenant")]) {
    it(`every prefix of ${path.basename(file)}`, () => {
      const text = fs.readFileSync(file, "utf8");
      const uri = toUri(file);
      const program = new Program(diskHost);
      for (let end = 0; end <= text.length; end += 13) {
        const findings = allFindings(program.linkText(uri, text.slice(0, end)), { today: EXAMPLES_TODAY });
        const crashed = findings.filter((f) => f.message.startsWith("internal error"));
        assert.deepEqual(crashed.map((f) => f.message), [], `text cut at ${end}`);
      }
    });
  }
});
