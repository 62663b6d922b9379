import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { sample } from "../helpers/paths";

const northwind = sample("northwind.covenant");

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-sim-"));
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
}

/** Exit 2 with exactly one line on stderr, starting `covenant: `, and nothing on stdout. */
function assertUsageError(args: string[], message: RegExp): void {
  const r = runCli(args);
  assert.equal(r.code, 2, `${args.join(" ")}\n${r.stderr}`);
  assert.equal(r.stdout, "", args.join(" "));
  assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
  assert.match(r.stderr, /^covenant: /);
  assert.match(r.stderr, message);
}

describe("covenant simulate and preview", () => {
  describe("simulate", () => {
    it("writes simulation.md's JSON output (T1) and exits 0", () => {
      const r = runCli(["simulate", northwind, "--raised", "2025-12-23T18:10Z", "--ladder", "standard", "--format", "json"]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, "");
      const out = JSON.parse(r.stdout);
      assert.equal(out.start, "2025-12-24T09:00:00+00:00");
      assert.deepEqual(out.tiers.map((t: { deadline: string }) => t.deadline), ["2026-01-05T17:00:00+00:00", "2026-01-19T17:00:00+00:00", "2026-02-02T17:00:00+00:00"]);
      assert.deepEqual(out.formal, { step: "mediation", at: "2026-02-02T17:00:00+00:00", deadline: "2026-03-02T17:00:00+00:00", deadlineKind: "start" });
      assert.equal(out.businessDays, 25);
    });

    it("chooses the ladder from --service and --severity (T3) and resolves with --resolve-at/--after (T2)", () => {
      const t3 = JSON.parse(runCli(["simulate", northwind, "--raised", "2026-01-02T16:00Z", "--service", "idp", "--severity", "critical", "--format", "json"]).stdout);
      assert.equal(t3.ladder, "expedited");
      assert.equal(t3.formal.deadline, "2026-02-03T17:00:00+00:00");
      const t2 = JSON.parse(runCli(["simulate", northwind, "--raised", "2025-12-23T18:10Z", "--resolve-at", "management", "--after", "3 business days", "--format", "json"]).stdout);
      assert.deepEqual(t2.resolved, { tier: "management", at: "2026-01-08T17:00:00+00:00" });
    });

    it("prints text by default and Markdown on request", () => {
      const text = runCli(["simulate", northwind, "--raised", "2025-12-23T18:10Z"]);
      assert.equal(text.code, 0);
      assert.match(text.stdout, /^Northwind Managed Workplace MSA — ladder Standard escalation \(standard\), the dispute block's default ladder\n/);
      assert.match(text.stdout, /Formal step mediation available from Mon 2 Feb 2026, 17:00 \(\+00:00\)/);
      const md = runCli(["simulate", northwind, "--raised", "2025-12-23T18:10Z", "--format", "markdown"]);
      assert.match(md.stdout, /^### Escalation simulation: Northwind Managed Workplace MSA\n/);
      assert.match(md.stdout, /\| Tier \| Opens \| Deadline \| Customer \| Supplier \| Minutes due \|/);
    });

    it("uses a region code from an imported calendar (globex: GB-ENG, Easter 2026)", () => {
      const r = JSON.parse(runCli(["simulate", sample("globex-hosting.covenant"), "--raised", "2026-03-27T12:00Z", "--format", "json"]).stdout);
      assert.equal(r.tiers[0].deadline, "2026-04-07T17:30:00+01:00");
      assert.deepEqual(r.calendar.regions, ["GB-ENG"]);
    });

    it("exits 2 with one clear line for invalid input", () => {
      const raised = ["--raised", "2025-12-23T18:10Z"];
      assertUsageError(["simulate", northwind], /needs --raised/);
      assertUsageError(["simulate", northwind, "--raised", "next tuesday"], /'next tuesday' is not an ISO 8601 instant/);
      assertUsageError(["simulate", northwind, "--raised", "2025-02-30T10:00Z"], /is not an ISO 8601 instant/);
      assertUsageError(["simulate", northwind, ...raised, "--ladder", "fast"], /no ladder 'fast' \(ladders: standard, expedited\)/);
      assertUsageError(["simulate", northwind, ...raised, "--service", "mail"], /no service 'mail'/);
      assertUsageError(["simulate", northwind, ...raised, "--severity", "urgent"], /'urgent' is not a severity/);
      assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "board"], /no tier 'board'/);
      assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "11 business days"], /falls after its deadline/);
      assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "a while"], /'a while' is not a duration/);
      assertUsageError(["simulate", northwind, ...raised, "--after", "3 business days"], /--after needs --resolve-at/);
      assertUsageError(["simulate", northwind, ...raised, "--contract", "acme-msa"], /no contract 'acme-msa'/);
      assertUsageError(["simulate", northwind, ...raised, "--format", "sarif"], /unknown --format 'sarif' for simulate/);
      assertUsageError(["simulate", "/no/such/file.covenant", ...raised], /cannot read '\/no\/such\/file\.covenant'/);
      assertUsageError(["simulate", ...raised], /simulate needs a FILE/);
      assertUsageError(["simulate", northwind, northwind, ...raised], /takes one FILE/);
      assertUsageError(["simulate", sample("handshake.covenant"), ...raised], /has no escalation ladder/);
    });

    it("simulates an intact ladder in a file with errors elsewhere, with a warning", () => {
      const text = fs.readFileSync(northwind, "utf8").replace("criticality standard", "criticality");
      const r = runCli(["simulate", tempFile("n.covenant", text), "--raised", "2025-12-23T18:10Z", "--format", "json"]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).businessDays, 25);
      assert.match(r.stderr, /^covenant: warning: .* has \d+ syntax or reference errors? .*using what is intact\n$/);
    });

    it("exits 2 naming the place when the ladder itself is broken", () => {
      const text = fs.readFileSync(northwind, "utf8").replace("within 10 business days\n      forum service-board", "within 10 business\n      forum service-board");
      const file = tempFile("n.covenant", text);
      const line = text.slice(0, text.indexOf("escalation standard")).split("\n").length;
      assertUsageError(["simulate", file, "--raised", "2025-12-23T18:10Z"], new RegExp(`n\\.covenant:${line}:14: ladder 'standard' has a syntax error`));
    });
  });

  describe("preview", () => {
    it("draws Mermaid by default, every ladder", () => {
      const r = runCli(["preview", northwind]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith("flowchart LR\n"));
      assert.equal((r.stdout.match(/subgraph /g) ?? []).length, 2);
    });

    it("draws one ladder as SVG or Markdown", () => {
      const svg = runCli(["preview", northwind, "--ladder", "expedited", "--format", "svg"]);
      assert.equal(svg.code, 0);
      assert.ok(svg.stdout.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
      assert.ok(svg.stdout.includes('data-ladder="expedited"') && !svg.stdout.includes('data-ladder="standard"'));
      const md = runCli(["preview", northwind, "--format", "markdown", "--ladder", "standard"]);
      assert.ok(md.stdout.startsWith("```mermaid\nflowchart LR\n"));
      assert.match(md.stdout, /\| executive \| 10 business days \| 25 business days \|/);
    });

    it("judges stand-ins at --today", () => {
      const text = fs.readFileSync(northwind, "utf8").replace(`person rpatel "Raj Patel" { title "CIO" }`, `person rpatel "Raj Patel" { title "CIO" left 2026-01-01 }`);
      const file = tempFile("n.covenant", text);
      assert.doesNotMatch(runCli(["preview", file, "--today", "2025-12-31"]).stdout, /standing in/);
      assert.match(runCli(["preview", file, "--today", "2026-01-02"]).stdout, /Jo Lee \(northwind\.mgmt\), standing in for Raj Patel/);
    });

    it("exits 2 with one clear line for an unknown ladder, format or contract, or a file without ladders", () => {
      assertUsageError(["preview", northwind, "--ladder", "fast"], /no ladder 'fast' \(ladders: standard, expedited\)/);
      assertUsageError(["preview", northwind, "--format", "png"], /unknown --format 'png' for preview \(mermaid, svg, markdown\)/);
      assertUsageError(["preview", northwind, "--contract", "other"], /no contract 'other' \(contracts: northwind-msa\)/);
      assertUsageError(["preview", sample("handshake.covenant")], /no escalation ladder to draw/);
      assertUsageError(["preview"], /preview needs a FILE/);
      assertUsageError(["preview", northwind, "--today", "2026-13-01"], /--today must be a date/);
    });
  });
});
