// The `$covenant` problem matcher reads `covenant check`'s text output: every finding line, with the same
// place, severity, code and message as the JSON output, and nothing else.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { ROOT, sample } from "../helpers/paths";

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

describe("the $covenant problem matcher", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === "covenant");
  const pattern = new RegExp(matcher.pattern.regexp);

  function matched(line: string): JsonFinding | undefined {
    const m = pattern.exec(line);
    if (!m) return undefined;
    const p = matcher.pattern;
    return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], code: m[p.code], message: m[p.message] };
  }

  it("is named covenant and owned by covenant, with paths relative to the workspace folder or absolute", () => {
    assert.equal(matcher.owner, "covenant");
    assert.deepEqual(matcher.fileLocation, ["autoDetect", "${workspaceFolder}"]);
  });

  for (const file of ["broken.covenant", "payroll.covenant", "handshake.covenant"]) {
    it(`reads every finding of ${file} as the JSON output states it`, () => {
      const args = ["check", "--today", "2026-01-10", path.relative(process.cwd(), sample(file))];
      // Files are separated by a blank line, which is no finding either.
      const text = runCli(args).stdout.trimEnd().split("\n").filter((line) => line !== "");
      const json = JSON.parse(runCli([...args, "--format", "json"]).stdout) as JsonFinding[];
      assert.ok(json.length > 0, `${file} has no finding to read`);
      const read = text.map(matched);
      // The last line is the summary, which is no finding.
      assert.equal(read.at(-1), undefined, text.at(-1));
      assert.deepEqual(read.slice(0, -1), json.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, code: f.code, message: f.message })));
    });
  }

  it("reads Windows paths with a drive letter, and absolute POSIX paths", () => {
    assert.deepEqual(matched("C:\\deals\\a.covenant:12:5: warning GOV003 the top is in operations"), {
      file: "C:\\deals\\a.covenant", line: 12, column: 5, severity: "warning", code: "GOV003", message: "the top is in operations",
    });
    assert.equal(matched("/srv/x.covenant:1:1: info ESC008 role 'ops' has no deputy")?.file, "/srv/x.covenant");
    assert.equal(matched("3 findings in 1 file: 1 error(s), 2 warning(s), 0 info"), undefined);
  });
});
