// `covenant check --format junit|gitlab|github`, each validated against what its consumer documents:
// JUnit XML against the Jenkins JUnit XSD, GitLab Code Quality against a schema written from GitLab's
// documentation, GitHub workflow commands with a parser written from GitHub's documented grammar.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { validateXML } from "xmllint-wasm";
import { main } from "../../server/src/cli/main";
import { toGithubCommands } from "../../server/src/cli/github";
import { toJunit } from "../../server/src/cli/junit";
import type { LocatedFinding } from "../../server/src/cli/located";
import { fixture, ROOT, sample } from "../helpers/paths";

function run(args: string[], cwd = ROOT): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t), colour: false, cwd });
  return { code, out, err };
}

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(ROOT, "out", "formats-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const TODAY = ["--today", "2026-01-10"];
const hostile: LocatedFinding = {
  file: "contracts/a,b:c%.covenant", line: 3, column: 5, endLine: 3, endColumn: 9, severity: "warning", code: "GOV003",
  message: "100% sure:: no\r\n::error file=x.covenant::injected, and a bell \u0007 and \u001b[31mred",
};

describe("check --format junit", () => {
  const xsd = fs.readFileSync(fixture("junit", "jenkins-junit.xsd"), "utf8");
  const validate = async (xml: string): Promise<string[]> => {
    const r = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "junit.xsd", contents: xsd }] });
    return r.errors.map((e) => e.message);
  };

  it("validates against the Jenkins JUnit XSD: one testsuite per file, one failing testcase per finding", async () => {
    const r = run(["check", "--format", "junit", ...TODAY, "samples"]);
    assert.equal(r.code, 1);
    assert.deepEqual(await validate(r.out), []);
    const json = JSON.parse(run(["check", "--format", "json", ...TODAY, "samples"]).out) as LocatedFinding[];
    const suites = [...r.out.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => ({ name: m[1], tests: Number(m[2]), failures: Number(m[3]) }));
    const files = fs.readdirSync(sample()).filter((f) => f.endsWith(".covenant")).length + fs.readdirSync(sample("org")).filter((f) => f.endsWith(".covenant")).length;
    assert.equal(suites.length, files);
    assert.equal((r.out.match(/<failure /g) ?? []).length, json.length);
    const payroll = suites.find((s) => s.name === "samples/payroll.covenant")!;
    assert.equal(payroll.failures, json.filter((f) => f.file === path.join("samples", "payroll.covenant")).length);
    // A clean file is one passing testcase, so that it shows as checked.
    const northwind = suites.find((s) => s.name === "samples/northwind.covenant")!;
    assert.deepEqual([northwind.tests, northwind.failures], [1, 0]);
    assert.match(r.out, /<testcase name="no findings" classname="samples\/northwind" time="0"\/>/);
    assert.match(r.out, /<testcase name="ESC002: on the supplier side, Vic Olsen \(vic\) is the contact at both [^"]*" classname="samples\/payroll" time="0">\n\s*<failure type="error" message="[^"]+">samples\/payroll\.covenant:74:16: error ESC002 /);
  });

  it("the XSD validation can fail (the test is not vacuous)", async () => {
    const r = run(["check", "--format", "junit", ...TODAY, sample("payroll.covenant")]);
    assert.ok((await validate(r.out.replace(/ tests="\d+"/, "").replace("<failure ", "<failed "))).length >= 2);
  });

  it("escapes XML and control characters in names, messages and paths", async () => {
    const xml = toJunit([hostile, { ...hostile, line: 9, message: `<tag attr="x"> & 'q' \ud800 lone` }], { root: ROOT, files: [hostile.file] });
    assert.deepEqual(await validate(xml), []);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml));
    assert.match(xml, /a bell \\u0007 and \\u001b\[31mred/);
    assert.match(xml, /&lt;tag attr=&quot;x&quot;&gt; &amp; 'q' \ufffd lone/);
  });

  it("repeats no testcase name within a file", () => {
    const xml = toJunit([hostile, { ...hostile, line: 9 }], { root: ROOT, files: [] });
    const names = [...xml.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(names).size, 2);
  });
});

describe("check --format gitlab", () => {
  const schema = JSON.parse(fs.readFileSync(fixture("gitlab", "code-quality-report.schema.json"), "utf8"));
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(schema);
  const errors = (data: unknown): string[] => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number; end: number } } };

  it("validates against the Code Quality fields GitLab documents, one issue per finding", () => {
    const r = run(["check", "--format", "gitlab", ...TODAY, "samples"]);
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.out) as Issue[];
    assert.deepEqual(errors(issues), []);
    const json = JSON.parse(run(["check", "--format", "json", ...TODAY, "samples"]).out) as LocatedFinding[];
    assert.equal(issues.length, json.length);
    const esc002 = issues.find((i) => i.check_name === "ESC002")!;
    assert.deepEqual(esc002.location, { path: "samples/payroll.covenant", lines: { begin: 74, end: 74 } });
    assert.equal(esc002.severity, "major");
    assert.equal(issues.find((i) => i.check_name === "GOV003")!.severity, "minor");
    assert.equal(issues.find((i) => i.check_name === "ESC008")!.severity, "info");
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, "fingerprints are unique");
  });

  it("the schema validation can fail (the test is not vacuous)", () => {
    const issues = JSON.parse(run(["check", "--format", "gitlab", ...TODAY, sample("payroll.covenant")]).out);
    issues[0].severity = "error";
    issues[1].location.path = "./" + issues[1].location.path;
    delete issues[2].fingerprint;
    assert.ok(errors(issues).length >= 3);
  });

  it("keeps fingerprints when lines move, and changes them when the finding changes", () => {
    const text = fs.readFileSync(sample("payroll.covenant"), "utf8");
    const dir = tempDir({ "p.covenant": text });
    try {
      const before = JSON.parse(run(["check", "--format", "gitlab", ...TODAY, path.join(dir, "p.covenant")], dir).out) as Issue[];
      fs.writeFileSync(path.join(dir, "p.covenant"), "\n\n// moved down\n" + text);
      const after = JSON.parse(run(["check", "--format", "gitlab", ...TODAY, path.join(dir, "p.covenant")], dir).out) as Issue[];
      assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
      assert.deepEqual(after.map((i) => i.location.lines.begin), before.map((i) => i.location.lines.begin + 3));
      fs.writeFileSync(path.join(dir, "p.covenant"), text.replace("Vic Olsen", "Vicky Olsen"));
      const renamed = JSON.parse(run(["check", "--format", "gitlab", ...TODAY, path.join(dir, "p.covenant")], dir).out) as Issue[];
      const fp = (list: Issue[]): string => list.find((i) => i.check_name === "ESC002")!.fingerprint;
      assert.notEqual(fp(renamed), fp(before));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A workflow command as GitHub documents it: `::command key=value,key=value::message`, where a property
 * value escapes `%`, CR, LF, `:` and `,` as %25, %0D, %0A, %3A, %2C and the message escapes `%`, CR, LF.
 */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${JSON.stringify(line)}`);
  const decode = (s: string, allowed: RegExp): string => {
    assert.ok(!/%(?![0-9A-F]{2})/.test(s), `a bare % in ${JSON.stringify(s)}`);
    return s.replace(/%([0-9A-F]{2})/g, (all, hex: string) => {
      assert.match(all, allowed, `unexpected escape ${all}`);
      return String.fromCharCode(parseInt(hex, 16));
    });
  };
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
    const eq = pair.indexOf("=");
    assert.ok(eq > 0, `a property without a value: ${pair}`);
    properties[pair.slice(0, eq)] = decode(pair.slice(eq + 1), /^%(25|0D|0A|3A|2C)$/);
  }
  assert.ok(!/[\r\n]/.test(m[3]), "a raw line break in the message");
  return { command: m[1], properties, message: decode(m[3], /^%(25|0D|0A)$/) };
}

describe("check --format github", () => {
  it("writes one annotation command per finding: level, file, position, code as title", () => {
    const r = run(["check", "--format", "github", ...TODAY, sample("payroll.covenant")]);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split("\n");
    const json = JSON.parse(run(["check", "--format", "json", ...TODAY, sample("payroll.covenant")]).out) as LocatedFinding[];
    assert.equal(lines.length, json.length);
    const commands = lines.map(parseWorkflowCommand);
    const esc002 = commands.find((c) => c.properties.title === "ESC002")!;
    assert.equal(esc002.command, "error");
    // `am` at columns 16-18 (exclusive): GitHub's endColumn is the last column.
    assert.deepEqual(esc002.properties, { file: "samples/payroll.covenant", line: "74", col: "16", endLine: "74", endColumn: "17", title: "ESC002" });
    assert.match(esc002.message, /^on the supplier side, Vic Olsen/);
    assert.equal(commands.find((c) => c.properties.title === "GOV003")!.command, "warning");
    assert.equal(commands.find((c) => c.properties.title === "ESC008")!.command, "notice");
  });

  it("escapes a hostile message and path so that nothing but the one annotation is read", () => {
    const out = toGithubCommands([hostile], ROOT);
    assert.equal(out.split("\n").filter(Boolean).length, 1);
    const c = parseWorkflowCommand(out.trimEnd());
    assert.equal(c.command, "warning");
    assert.equal(c.properties.file, "contracts/a,b:c%.covenant");
    assert.equal(c.message, "100% sure:: no\r\n::error file=x.covenant::injected, and a bell \\u0007 and \\u001b[31mred");
    assert.deepEqual(Object.keys(c.properties), ["file", "line", "col", "endLine", "endColumn", "title"]);
  });

  it("leaves out columns for a finding over several lines, as GitHub requires", () => {
    const c = parseWorkflowCommand(toGithubCommands([{ ...hostile, message: "m", endLine: 5 }], ROOT).trimEnd());
    assert.deepEqual(c.properties, { file: "contracts/a,b:c%.covenant", line: "3", endLine: "5", title: "GOV003" });
  });

  it("the parser can fail (the test is not vacuous)", () => {
    assert.throws(() => parseWorkflowCommand("::error file=a,b::x"));
    assert.throws(() => parseWorkflowCommand("::error file=a%3Ab::50% off"));
    assert.throws(() => parseWorkflowCommand("::error file=a::x%3A"));
  });
});
