import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { sample } from "../helpers/paths";

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-cli-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const clean = `contract c { party a customer { } party b supplier { } }\n`;

describe("covenant CLI", () => {
  describe("check", () => {
    it("prints file:line:column: severity CODE message and exits 1 on an error finding", () => {
      const r = runCli(["check", "--today", "2026-01-10", sample("broken.covenant")]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /broken\.covenant:6:13: error VAL001 2025-02-30 is not a calendar date\n/);
      assert.match(r.stdout, /broken\.covenant:32:5: error SYN001 /);
      assert.equal(r.stderr, "");
    });

    it("writes JSON sorted by file then position, with 1-based lines and exclusive end columns", () => {
      const r = runCli(["check", "--format", "json", "--today", "2026-01-10", sample("broken.covenant")]);
      const findings = JSON.parse(r.stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; code: string; severity: string; message: string }[];
      const val = findings.find((f) => f.code === "VAL001" && f.line === 6)!;
      assert.deepEqual([val.line, val.column, val.endLine, val.endColumn, val.severity], [6, 13, 6, 23, "error"]);
      const lines = findings.map((f) => f.line * 1000 + f.column);
      assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
      assert.ok(findings.every((f) => f.file === sample("broken.covenant")));
    });

    it("walks folders for .covenant files, reporting paths as found", () => {
      const dir = tempDir({ "a.covenant": clean, "sub/b.covenant": "contract {", "node_modules/x.covenant": "contract {", "notes.txt": "x" });
      const r = runCli(["check", "--format", "json", dir]);
      const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => path.relative(dir, f.file)));
      assert.ok(files.has(path.join("sub", "b.covenant")));
      assert.ok(![...files].some((f) => f.includes("node_modules")));
      assert.equal(r.code, 1);
    });

    it("exits 2 with one line on stderr for an unreadable path, a bad option or a bad date", () => {
      for (const args of [["check", "/no/such/file.covenant"], ["check", "--bogus"], ["check", "--today", "2026-02-30", "."], ["frobnicate"], ["check", "--format", "xml", sample("handshake.covenant")]]) {
        const r = runCli(args);
        assert.equal(r.code, 2, args.join(" "));
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /^covenant: /);
      }
    });

    it("reads covenant.json upward from the file and rejects an invalid one naming the file", () => {
      const dir = tempDir({ "deep/er/c.covenant": "contract c { kind saas }\n", "covenant.json": `{ "today": "2026-01-10" }` });
      assert.notEqual(runCli(["check", path.join(dir, "deep/er/c.covenant")]).code, 2);
      fs.writeFileSync(path.join(dir, "covenant.json"), `{ "rules": { "SYN001": "off" } }`);
      const r = runCli(["check", path.join(dir, "deep/er/c.covenant")]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /invalid configuration '.*covenant\.json': "rules": SYN001 is a built-in error and cannot be changed/);
      fs.writeFileSync(path.join(dir, "covenant.json"), `{ "rules": `);
      assert.match(runCli(["check", path.join(dir, "deep/er/c.covenant")]).stderr, /covenant\.json': not valid JSON/);
    });

    it("prints help and the version", () => {
      assert.match(runCli(["--help"]).stdout, /covenant check \[PATH\.\.\.\]/);
      assert.match(runCli(["--version"]).stdout, /^\d+\.\d+\.\d+/);
      assert.equal(runCli([]).code, 2);
    });
  });

  describe("format", () => {
    const messy = `contract c {\nparty a customer {   }\n      party b supplier { }\n}\n`;

    it("--check lists files that would change and writes nothing", () => {
      const dir = tempDir({ "m.covenant": messy, "ok.covenant": "contract c {\n  party a customer {}\n  party b supplier {}\n}\n" });
      const r = runCli(["format", "--check", dir]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, `would reformat ${path.join(dir, "m.covenant")}\n`);
      assert.equal(fs.readFileSync(path.join(dir, "m.covenant"), "utf8"), messy);
    });

    it("rewrites files in the canonical layout, and a second run changes nothing", () => {
      const dir = tempDir({ "m.covenant": messy });
      assert.equal(runCli(["format", dir]).code, 0);
      const once = fs.readFileSync(path.join(dir, "m.covenant"), "utf8");
      assert.equal(once, `contract c {\n  party a customer {}\n  party b supplier {}\n}\n`);
      const again = runCli(["format", "--check", dir]);
      assert.deepEqual([again.code, again.stdout], [0, ""]);
    });

    it("leaves a file with a syntax error alone and exits 2 naming its place", () => {
      const dir = tempDir({ "b.covenant": "contract c {\n  kind\n}\n" });
      const r = runCli(["format", dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /b\.covenant:3:1: error SYN001 /);
      assert.equal(fs.readFileSync(path.join(dir, "b.covenant"), "utf8"), "contract c {\n  kind\n}\n");
    });
  });
});
