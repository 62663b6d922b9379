// `covenant check`: --contract, the text formats, --quiet, --max-warnings, colour, paths that hold no
// contract, files that are not text, control characters, and options reported in Covenant's words.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../server/src/cli/main";
import { shouldColour } from "../../server/src/cli/colour";
import { ROOT, sample } from "../helpers/paths";

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-check-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function run(args: string[], colour = false): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), colour, cwd: ROOT });
  return { code, stdout, stderr };
}

/** Exit 2, one line on stderr starting `covenant: `, nothing on stdout. */
function assertUsageError(args: string[], message: RegExp): void {
  const r = run(args);
  assert.equal(r.code, 2, `${args.join(" ")}\n${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, "", args.join(" "));
  assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
  assert.match(r.stderr, /^covenant: /);
  assert.match(r.stderr, message);
}

type Json = { file: string; line: number; column: number; code: string; severity: string; message: string }[];
const json = (args: string[]): Json => JSON.parse(run([...args, "--format", "json"]).stdout) as Json;

// An import that does not resolve and a stray word outside any contract; a syntax error inside beta.
const twoContracts = `import "missing.covenant"
contract alpha { party a customer { } party b supplier { } kind saas }
contract beta { party c customer { } party d supplier { } kind nonsense-kind }
stray
`;

describe("covenant check --contract", () => {
  const dir = tempDir({ "two.covenant": twoContracts });
  const file = path.join(dir, "two.covenant");

  it("is a usage error naming the file's contracts when the file has no such contract, even with errors in it", () => {
    assertUsageError(["check", file, "--contract", "gamma"], /no contract 'gamma' in '.*two\.covenant' \(contracts: alpha, beta\)/);
    assertUsageError(["check", sample("northwind.covenant"), "--contract", "northwind"], /\(contracts: northwind-msa\)/);
    assertUsageError(["check", "samples", "--contract", "nobody"], /no contract 'nobody' in the 9 files checked \(contracts: .*northwind-msa.*payroll/);
  });

  it("keeps the named contract's findings and those outside every contract (imports, syntax)", () => {
    const alpha = json(["check", file, "--contract", "alpha", "--today", "2026-01-10"]);
    const lines = (list: Json): number[] => [...new Set(list.map((f) => f.line))];
    assert.deepEqual(lines(alpha), [1, 2, 4]);
    assert.ok(alpha.some((f) => f.code === "REF004" && f.line === 1));
    assert.ok(alpha.some((f) => f.code === "SYN001" && f.line === 4));
    assert.ok(alpha.filter((f) => f.line === 2).every((f) => f.message.includes("'alpha'")));
    const beta = json(["check", file, "--contract", "beta", "--today", "2026-01-10"]);
    assert.deepEqual(lines(beta), [1, 3, 4]);
    assert.equal(run(["check", file, "--contract", "beta"]).code, 1);
  });

  it("exits 1 for an error outside every contract even when the named contract is clean", () => {
    const d = tempDir({ "n.covenant": fs.readFileSync(sample("northwind.covenant"), "utf8") + "\nstray\n" });
    const r = run(["check", path.join(d, "n.covenant"), "--contract", "northwind-msa", "--today", "2026-01-10"]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /n\.covenant:\d+:1: error SYN001 .*found 'stray'\n/);
  });
});

describe("covenant check text output", () => {
  it("keeps file:line:column: severity CODE message, a blank line between files, and a summary", () => {
    const r = run(["check", "--today", "2026-01-10", "samples"]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split("\n");
    const findings = json(["check", "--today", "2026-01-10", "samples"]);
    const rows = lines.filter((l) => /^samples\//.test(l));
    assert.equal(rows.length, findings.length);
    assert.equal(lines[lines.length - 1], `✖ ${findings.length} findings (${findings.filter((f) => f.severity === "error").length} errors, ${findings.filter((f) => f.severity === "warning").length} warnings, ${findings.filter((f) => f.severity === "info").length} infos) in 5 of 9 files`);
    const firstOfPayroll = lines.findIndex((l) => l.startsWith("samples/payroll.covenant"));
    assert.equal(lines[firstOfPayroll - 1], "");
  });

  it("says so when there is nothing to report", () => {
    const r = run(["check", "--today", "2026-01-10", sample("northwind.covenant")]);
    assert.deepEqual([r.code, r.stdout], [0, "✔ no findings in 1 file\n"]);
  });

  it("is read by the problem matcher of docs/ci.md, line by line", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "ci.md"), "utf8");
    const block = /```jsonc?\n(\{\s*"version": "2.0.0"[\s\S]*?)```/.exec(doc);
    assert.ok(block, "docs/ci.md has a tasks.json with a problem matcher");
    const matcher = JSON.parse(block[1]).tasks[0].problemMatcher;
    const pattern = matcher.pattern;
    const re = new RegExp(pattern.regexp);
    const r = run(["check", "--today", "2026-01-10", "samples"]);
    const findings = json(["check", "--today", "2026-01-10", "samples"]);
    const matched = r.stdout.split("\n").map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    assert.equal(matched.length, findings.length, "every finding line matches, and nothing else");
    matched.forEach((m, i) => {
      const f = findings[i];
      assert.deepEqual([m[pattern.file], Number(m[pattern.line]), Number(m[pattern.column]), m[pattern.severity], m[pattern.code], m[pattern.message]], [f.file, f.line, f.column, f.severity, f.code, f.message]);
    });
  });

  it("groups by file in the stylish format, with the same summary", () => {
    const r = run(["check", "--format", "stylish", "--today", "2026-01-10", sample("payroll.covenant")]);
    const lines = r.stdout.split("\n");
    assert.equal(lines[0], sample("payroll.covenant"));
    assert.match(lines.find((l) => l.includes("ESC002"))!, /^ {2}74:16 +error +on the supplier side, Vic Olsen .* ESC002$/);
    assert.match(r.stdout, /\n\n✖ \d+ findings \(\d+ errors, \d+ warnings, \d+ infos\) in 1 of 1 file\n$/);
  });

  it("colours only when asked: on a terminal, --color, FORCE_COLOR; never with --no-color or NO_COLOR", () => {
    const args = ["check", "--today", "2026-01-10", sample("payroll.covenant")];
    assert.ok(!run(args).stdout.includes("\x1b["));
    assert.match(run(args, true).stdout, /\x1b\[31merror\x1b\[0m \x1b\[1mRAC001\x1b\[0m/);
    assert.ok(!run([...args, "--no-color"], true).stdout.includes("\x1b["));
    assert.ok(run([...args, "--color"], false).stdout.includes("\x1b[33mwarning"));
    assert.ok(!run([...args, "--format", "json", "--color"], true).stdout.includes("\x1b["));
    assert.equal(shouldColour(true, {}), true);
    assert.equal(shouldColour(false, {}), false);
    assert.equal(shouldColour(true, { NO_COLOR: "1" }), false);
    assert.equal(shouldColour(true, { NO_COLOR: "" }), true);
    assert.equal(shouldColour(false, { FORCE_COLOR: "1" }), true);
    assert.equal(shouldColour(true, { FORCE_COLOR: "0" }), false);
    assert.equal(shouldColour(false, { FORCE_COLOR: "1", NO_COLOR: "1" }), true);
    assert.equal(shouldColour(true, { FORCE_COLOR: "1" }, false), false);
  });
});

describe("covenant check --quiet and --max-warnings", () => {
  const args = ["check", "--today", "2026-01-10", sample("payroll.covenant")];
  const all = json(args);

  it("--quiet reports errors only, in every format, and says how many it left out", () => {
    const quiet = json([...args, "--quiet"]);
    assert.deepEqual(quiet, all.filter((f) => f.severity === "error"));
    const text = run([...args, "--quiet"]);
    assert.ok(!/ (warning|info) [A-Z]{3}\d{3} /.test(text.stdout));
    assert.match(text.stdout, new RegExp(`; ${all.length - quiet.length} warning or info findings not shown \\(--quiet\\)\\n$`));
    assert.equal(text.code, 1);
  });

  it("--max-warnings N exits 1 with a line when there are more than N warnings", () => {
    // An error-free file whose warnings decide the exit code: northwind without its early-warning block.
    const cleanOfErrors = tempDir({ "n.covenant": fs.readFileSync(sample("northwind.covenant"), "utf8").replace(/\n {2}early-warning \{[\s\S]*?\n {2}\}\n/, "\n") });
    const file = path.join(cleanOfErrors, "n.covenant");
    const found = json(["check", "--today", "2026-01-10", file]);
    assert.ok(found.length > 0 && found.every((f) => f.severity === "warning"), JSON.stringify(found));
    const n = found.length;
    assert.equal(run(["check", "--today", "2026-01-10", file]).code, 0);
    assert.equal(run(["check", "--today", "2026-01-10", file, "--max-warnings", String(n)]).code, 0);
    const over = run(["check", "--today", "2026-01-10", file, "--max-warnings", String(n - 1)]);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, `covenant: ${n} warning${n === 1 ? "" : "s"}, more than --max-warnings ${n - 1} allows\n`);
    // --quiet hides warnings but they still count.
    assert.equal(run(["check", "--today", "2026-01-10", file, "--quiet", "--max-warnings", "0"]).code, 1);
    assertUsageError(["check", file, "--max-warnings", "many"], /--max-warnings must be a whole number of 0 or more, not 'many'/);
    assertUsageError(["check", file, "--max-warnings", "-1"], /--max-warnings/);
  });
});

describe("covenant check on inputs that are not contracts", () => {
  it("is a usage error for a folder without .covenant files, a mistyped path, or a glob that matches nothing", () => {
    const empty = tempDir({ "notes.txt": "x", "sub/readme.md": "y" });
    assertUsageError(["check", empty], /no \.covenant file in '.*' \(folders are searched for \*\.covenant below them\)/);
    assertUsageError(["check", path.join(empty, "contrats")], /cannot read '.*contrats': no such file or folder/);
    assertUsageError(["check", path.join(empty, "*.covenant")], /no \.covenant file matches '.*\*\.covenant'/);
    assertUsageError(["check", sample("northwind.covenant"), empty], /no \.covenant file in/);
  });

  it("expands a glob the shell left alone, ** included", () => {
    const d = tempDir({ "a.covenant": "contract {", "deep/er/b.covenant": "contract {", "deep/c.txt": "x", "node_modules/x.covenant": "contract {" });
    const files = (pattern: string): string[] => [...new Set(json(["check", path.join(d, pattern)]).map((f) => path.relative(d, f.file)))];
    assert.deepEqual(files("**/*.covenant"), ["a.covenant", path.join("deep", "er", "b.covenant")]);
    assert.deepEqual(files("deep/*/?.covenant"), [path.join("deep", "er", "b.covenant")]);
    assert.deepEqual(files("[ab].covenant"), ["a.covenant"]);
  });

  it("reports one finding for a binary or an image, not one per stray byte", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x80]);
    const latin1 = Buffer.from("contract caf\xe9 { }\n", "latin1");
    const d = tempDir({ "logo.covenant": png, "latin1.covenant": latin1, "ok.covenant": "contract c { kind saas }\n" });
    const found = json(["check", "--today", "2026-01-10", d]);
    const of = (name: string): Json => found.filter((f) => path.basename(f.file) === name);
    assert.deepEqual(of("logo.covenant").map((f) => [f.line, f.column, f.code, f.severity, f.message]), [[1, 1, "SYN001", "error", "not a text file: it holds NUL bytes (Covenant files are UTF-8 text)"]]);
    assert.deepEqual(of("latin1.covenant").map((f) => [f.line, f.column, f.code, f.message]), [[1, 1, "SYN001", "not a text file: it is not valid UTF-8 (Covenant files are UTF-8 text)"]]);
    assert.ok(of("ok.covenant").length > 0);
    // The same file given to simulate is a usage error, and the formatter leaves it alone.
    assertUsageError(["simulate", path.join(d, "logo.covenant"), "--raised", "2025-12-23T18:10Z"], /cannot read '.*logo\.covenant': not a text file/);
    const f = run(["format", path.join(d, "logo.covenant")]);
    assert.equal(f.code, 2);
    assert.match(f.stderr, /logo\.covenant:1:1: error SYN001 not a text file/);
  });

  it("reads a UTF-8 file with a byte-order mark as text", () => {
    const d = tempDir({ "bom.covenant": "\ufeffcontract c { kind saas }\n" });
    assert.ok(!json(["check", path.join(d, "bom.covenant")]).some((f) => f.code === "SYN001"));
  });

  it("never prints a raw control character in the text formats", () => {
    const d = tempDir({ "c.covenant": "contract c {\n  kind saas \u0007\u001b[31mred \u202e\n}\n" });
    for (const format of ["text", "stylish", "github"]) {
      const r = run(["check", "--format", format, path.join(d, "c.covenant")]);
      assert.equal(r.code, 1, format);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/.test(r.stdout), `${format}: ${JSON.stringify(r.stdout)}`);
      assert.match(r.stdout, /\\u0007\\u001b\[/, format);
    }
    // A usage error quoting an argument escapes it too.
    const r = run(["simulate", sample("northwind.covenant"), "--raised", "2025-12-23T18:10Z", "--ladder", "\u001b[2Jx"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no ladder '\\u001b\[2Jx'/);
    assert.ok(!r.stderr.includes("\u001b"));
    // The message itself writes the character out (core), so machine formats carry no raw control character either.
    const messages = json(["check", path.join(d, "c.covenant")]).map((f) => f.message);
    assert.ok(messages.some((m) => m.includes("'\\u0007\\u001b['")), messages.join("\n"));
    assert.ok(!messages.some((m) => /[\u0000-\u001f]/.test(m)));
  });
});

describe("covenant options in Covenant's words", () => {
  it("names an unknown option, suggests the one meant, and points at --help", () => {
    assertUsageError(["check", "--frmat", "json", "samples"], /^covenant: unknown option '--frmat' for covenant check; did you mean '--format'\? \(see covenant check --help\)\n$/);
    assertUsageError(["check", "--quite", "samples"], /did you mean '--quiet'\?/);
    assertUsageError(["simulate", sample("northwind.covenant"), "--rased", "x"], /unknown option '--rased' for covenant simulate; did you mean '--raised'\?/);
    assertUsageError(["check", "--zzz"], /^covenant: unknown option '--zzz' for covenant check \(see covenant check --help\)\n$/);
    assertUsageError(["check", "-x"], /unknown option '-x'/);
  });

  it("says when an option lacks its value or has one it does not take", () => {
    assertUsageError(["check", "samples", "--format"], /option '--format' needs a value/);
    assertUsageError(["check", "--format", "--quiet", "samples"], /option '--format' needs a value/);
    assertUsageError(["check", "--quiet=yes", "samples"], /option '--quiet' takes no value, not 'yes'/);
    assertUsageError(["check", "--format", "xml", "samples"], /unknown --format 'xml' for check \(text, stylish, json, sarif, junit, gitlab, github\)/);
  });

  it("lists a command's options under --help", () => {
    const r = run(["check", "--help"]);
    assert.equal(r.code, 0);
    for (const option of ["--format", "--quiet", "--max-warnings", "--contract", "--no-color", "junit", "gitlab", "github", "stylish"]) assert.ok(r.stdout.includes(option), option);
  });
});
