// `covenant status` and `covenant credits` on the spec's northwind log (analysis date 2026-01-10).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { sample } from "../helpers/paths";

const LOG = sample("northwind-log.covenant");

describe("covenant status and credits", () => {
  it("writes the status JSON of operations.md: matters in the order written, firings, each SLA's latest period", () => {
    const run = runCli(["status", LOG, "--today", "2026-01-10", "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.now, "2026-01-10T00:00:00+00:00");
    assert.equal(out.logs.length, 1);
    const log = out.logs[0];
    assert.equal(log.contract, "northwind-msa");
    assert.equal(log.now, "2026-01-10T00:00:00+00:00");
    const row = (m: Record<string, unknown>) => [m.matter, m.state, m.ladder, m.tier, m.opened, m.deadline, m.overdue, m.step, (m.customer as { person?: string } | null)?.person, (m.supplier as { person?: string } | null)?.person];
    assert.deepEqual(log.matters.map(row), [
      ["laptops-late", "resolved", "standard", "management", "2025-11-13T09:30:00+00:00", null, false, null, "rpatel", "hsato"],
      ["idp-outage", "formal", "expedited", "executive", "2025-12-02T12:00:00+00:00", null, false, "expert-determination", "mokafor", "cdiaz"],
      ["sso-migration", "open", "standard", "executive", "2025-12-08T16:45:00+00:00", "2025-12-22T17:00:00+00:00", true, null, "mokafor", "cdiaz"],
      ["invoice-dispute", "open", "standard", "management", "2025-12-22T10:00:00+00:00", "2026-01-08T17:00:00+00:00", true, null, "rpatel", "hsato"],
    ]);
    assert.deepEqual(log.matters[0].customer.flags, []);
    assert.deepEqual(log.warnings.map((w: Record<string, unknown>) => [w.signal, w.at, w.due, w.state]), [
      ["missed-deadlines", "2025-11-25T00:00:00+00:00", "2025-11-27T17:00:00+00:00", "answered"],
      ["sla-breaches", "2025-12-01T00:00:00+00:00", "2025-12-03T17:00:00+00:00", "missed"],
      ["formal-tone", "2025-12-03T00:00:00+00:00", "2025-12-05T17:00:00+00:00", "missed"],
    ]);
    assert.deepEqual(log.slas, [
      { service: "eud", sla: "p2-fix", period: "2025-12", value: "97%", met: true, creditPercent: 0, capped: false, amount: null, currency: null, chronic: false },
      { service: "idp", sla: "availability", period: "2025-12", value: "99.20%", met: false, creditPercent: 15, capped: false, amount: "6000.00", currency: "GBP", chronic: false },
    ]);
  });

  it("answers warnings as pending before their deadline, with --now", () => {
    const out = JSON.parse(runCli(["status", LOG, "--now", "2025-12-04T12:00:00Z", "--format", "json"]).stdout);
    const log = out.logs[0];
    assert.equal(log.now, "2025-12-04T12:00:00+00:00");
    assert.deepEqual(log.warnings.map((w: { state: string }) => w.state), ["answered", "missed", "pending"]);
    // The log is the record as written: a deadline after now is not overdue yet.
    const sso = log.matters.find((m: { matter: string }) => m.matter === "sso-migration");
    assert.deepEqual([sso.deadline, sso.overdue], ["2025-12-22T17:00:00+00:00", false]);
  });

  it("prints text a contract manager can paste: open matters first, with time left or overdue and who is at the table", () => {
    const run = runCli(["status", LOG, "--today", "2026-01-10"]);
    assert.equal(run.code, 0);
    const text = run.stdout;
    assert.ok(text.indexOf("sso-migration") < text.indexOf("laptops-late"), "open matters come first");
    assert.match(text, /invoice-dispute — Disputed December invoice\n {4}open, tier management of the standard ladder since 2025-12-22 10:00/);
    assert.match(text, /deadline 2026-01-08 17:00 \+00:00 — overdue by 1 business day\n {4}customer: Raj Patel \(IT management\)\n {4}supplier: Hana Sato \(Account management\)\n {4}next: escalate to 'executive' now/);
    assert.match(text, /formal-tone fired 2025-12-03 00:00 \+00:00: no response by 2025-12-05 17:00 \+00:00 \(missed\)/);
    assert.match(text, /idp.availability 2025-12: 99.20% — missed, credit 15%, 6000.00 GBP/);
    assert.match(runCli(["status", LOG, "--today", "2026-01-10", "--format", "markdown"]).stdout, /^## northwind-msa: relationship status/);
  });

  it("writes the credits JSON sorted by service, SLA and period, and keeps --from/--to", () => {
    const all = JSON.parse(runCli(["credits", LOG, "--today", "2026-01-10", "--format", "json"]).stdout);
    assert.deepEqual(all.map((r: Record<string, unknown>) => [r.service, r.sla, r.period, r.value, r.met, r.creditPercent, r.amount, r.currency]), [
      ["eud", "p2-fix", "2025-09", "96%", true, 0, null, null],
      ["eud", "p2-fix", "2025-10", "95.5%", true, 0, null, null],
      ["eud", "p2-fix", "2025-11", "93.5%", false, 2, null, null],
      ["eud", "p2-fix", "2025-12", "97%", true, 0, null, null],
      ["idp", "availability", "2025-09", "99.97%", true, 0, "0.00", "GBP"],
      ["idp", "availability", "2025-10", "99.90%", false, 5, "2000.00", "GBP"],
      ["idp", "availability", "2025-12", "99.20%", false, 15, "6000.00", "GBP"],
    ]);
    const some = JSON.parse(runCli(["credits", LOG, "--from", "2025-10", "--to", "2025-11", "--format", "json"]).stdout);
    assert.deepEqual(some.map((r: { period: string }) => r.period), ["2025-10", "2025-11", "2025-10"]);
    const quarter = JSON.parse(runCli(["credits", LOG, "--from", "2025-Q4", "--format", "json"]).stdout);
    assert.equal(quarter.length, 5);
  });

  it("totals credits per service and currency in text, Markdown and CSV", () => {
    assert.match(runCli(["credits", LOG]).stdout, /Totals\n {2}eud: 1 credit \(no fee in the contract, so no amount\)\n {2}idp: 8000.00 GBP\n/);
    assert.match(runCli(["credits", LOG, "--format", "markdown"]).stdout, /- idp: 8000.00 GBP/);
    const csv = runCli(["credits", LOG, "--format", "csv"]).stdout.split("\r\n");
    assert.equal(csv[0], "service,sla,period,value,met,creditPercent,capped,amount,currency,chronic");
    assert.equal(csv[7], "idp,availability,2025-12,99.20%,false,15,false,6000.00,GBP,false");
    assert.equal(csv[8], "idp,total,,,,,,8000.00,GBP,");
  });

  it("exits 2 with one clear line for an unknown file, a file without a log, a bad period or instant", () => {
    const cases: [string[], RegExp][] = [
      [["credits", "no-such.covenant"], /cannot read 'no-such.covenant'/],
      [["credits", sample("northwind.covenant")], /holds no relationship log/],
      [["credits", LOG, "--from", "2025-13"], /--from must be a period/],
      [["status", LOG, "--now", "yesterday"], /--now must be an ISO 8601 instant/],
      [["status", LOG, "--format", "sarif"], /unknown --format 'sarif' for status \(text, json, markdown, html\)/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args);
      assert.equal(run.code, 2, args.join(" "));
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-status-"));
    fs.writeFileSync(path.join(dir, "c.covenant"), 'contract c "C" { }\n');
    // A folder without a log has an empty status (operations.md: the top-level now is then in UTC).
    const empty = runCli(["status", dir, "--now", "2026-01-10T09:00:00+01:00", "--format", "json"]);
    assert.equal(empty.code, 0);
    assert.deepEqual(JSON.parse(empty.stdout), { now: "2026-01-10T08:00:00+00:00", logs: [] });
    fs.rmSync(dir, { recursive: true });
  });

  it("--format html writes the dashboard as one self-contained page: charts inline, nothing fetched or run", () => {
    const run = runCli(["status", LOG, "--today", "2026-01-10", "--format", "html"]);
    assert.equal(run.code, 0, run.stderr);
    const page = run.stdout;
    assert.match(page, /^<!DOCTYPE html>/);
    assert.equal((page.match(/<svg /g) ?? []).length, 4, "the matter timeline, the warnings and one chart per SLA (eud.p2-fix, idp.availability)");
    for (const m of ["laptops-late", "idp-outage", "sso-migration", "invoice-dispute"]) assert.ok(page.includes(`data-matter="${m}"`), m);
    assert.match(page, /class="cv-bar cv-tier-2 cv-overdue cv-current" [^>]*data-tier="executive"/, "sso-migration's executive tier is overdue");
    assert.match(page, /class="cv-now"/);
    assert.doesNotMatch(page, /<script|<link|@import|url\(|\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i, "the page loads or runs something");
    assert.match(page, /@media \(prefers-color-scheme: dark\)/);
    assert.match(page, /@media print/);
  });

  it("--format html shows a hostile matter title and SLA label as text", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-dashboard-"));
    const hostile = "<img src=x onerror=alert(1)>";
    fs.copyFileSync(sample("northwind.covenant"), path.join(dir, "northwind.covenant"));
    fs.writeFileSync(path.join(dir, "northwind.covenant"), fs.readFileSync(sample("northwind.covenant"), "utf8").replace('"Monthly availability"', `"${hostile}"`));
    fs.writeFileSync(path.join(dir, "log.covenant"), `import "northwind.covenant"\n\nlog northwind-msa {\n  matter m "${hostile}" {\n    raised 2025-12-15 16:30\n  }\n  measure idp.availability 2025-12 99.20% "${hostile}"\n}\n`);
    const run = runCli(["status", path.join(dir, "log.covenant"), "--today", "2026-01-10", "--format", "html"]);
    fs.rmSync(dir, { recursive: true });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes("<img"), "a tag from the contract or the log reached the page");
    assert.ok(run.stdout.includes("&lt;img src=x onerror=alert(1)&gt;"), "the title is not shown as text");
    assert.ok((run.stdout.match(/&lt;img src=x onerror=alert\(1\)&gt;/g) ?? []).length >= 3, "the matter's title and the SLA's label are shown");
  });

  it("still gives the status of what could be replayed in a log with errors", () => {
    const run = runCli(["status", sample("broken-log.covenant"), "--today", "2026-01-10", "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(run.stdout).logs[0];
    assert.deepEqual(log.matters.map((m: { matter: string; state: string }) => `${m.matter}:${m.state}`), ["twice:resolved", "backwards:resolved", "twice:resolved"]);
    assert.deepEqual(log.slas.map((r: { period: string }) => r.period), ["2025-12"]);
  });
});

describe("covenant check on a log", () => {
  it("reports the log's findings at the analysis moment of --now, and the configuration turns a check off", () => {
    const codes = (args: string[]): string[] => JSON.parse(runCli(["check", LOG, "--format", "json", ...args]).stdout).map((f: { code: string }) => f.code);
    const atTen = codes(["--today", "2026-01-10"]);
    assert.ok(atTen.includes("MAT001"), "invoice-dispute is past its deadline on 10 January");
    assert.ok(!codes(["--now", "2026-01-08T16:59:00Z"]).includes("MAT001"), "a minute before the deadline it is not");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-config-"));
    const config = path.join(dir, "covenant.json");
    fs.writeFileSync(config, JSON.stringify({ rules: { MAT001: "off", SLM001: "error" }, today: "2026-01-10" }));
    const run = JSON.parse(runCli(["check", LOG, "--format", "json", "--config", config]).stdout) as { code: string; severity: string }[];
    assert.ok(!run.some((f) => f.code === "MAT001"));
    assert.ok(run.filter((f) => f.code === "SLM001").every((f) => f.severity === "error"));
    fs.rmSync(dir, { recursive: true });
  });
});
