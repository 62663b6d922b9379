// `covenant evidence`: the pack of a matter of the northwind log, in temporary copies of the samples.
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { sample } from "../helpers/paths";

/** A temporary workspace: the northwind contract and log with their records, and a secret one folder up. */
function workspace(edit?: (log: string) => string): { root: string; ws: string; log: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-evidence-"));
  const ws = path.join(root, "ws");
  fs.mkdirSync(ws);
  fs.copyFileSync(sample("northwind.covenant"), path.join(ws, "northwind.covenant"));
  fs.cpSync(sample("records"), path.join(ws, "records"), { recursive: true });
  if (fs.existsSync(sample("org"))) fs.cpSync(sample("org"), path.join(ws, "org"), { recursive: true });
  const text = fs.readFileSync(sample("northwind-log.covenant"), "utf8");
  const log = path.join(ws, "northwind-log.covenant");
  fs.writeFileSync(log, edit ? edit(text) : text);
  fs.writeFileSync(path.join(root, "secret.txt"), "not for counsel\n");
  return { root, ws, log };
}

const TODAY = ["--today", "2026-01-10"];

describe("covenant evidence", () => {
  let made: string[] = [];
  const ws = (edit?: (log: string) => string) => {
    const w = workspace(edit);
    made.push(w.root);
    return w;
  };
  afterEach(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
    made = [];
  });

  it("writes the timeline of a matter: raised, each tier with its deadline met or missed, every event with its evidence", () => {
    const { log } = ws();
    const run = runCli(["evidence", log, "--matter", "laptops-late", ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    const md = run.stdout;
    const timeline = md.slice(md.indexOf("\n## 1 Timeline"), md.indexOf("\n## 2 "));
    const rows = timeline.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| When")).map((l) => l.split(" | ").slice(0, 2).join(" "));
    assert.deepEqual(rows, [
      "| Mon 3 Nov 2025 10:00 raised",
      "| Mon 3 Nov 2025 10:00 tier opened",
      "| Tue 4 Nov 2025 00:00 signal",
      "| Wed 5 Nov 2025 14:00 meeting",
      "| Thu 13 Nov 2025 09:30 escalated",
      "| Thu 13 Nov 2025 09:30 tier opened",
      "| Thu 20 Nov 2025 00:00 decision",
      "| Tue 25 Nov 2025 00:00 signal",
      "| Wed 26 Nov 2025 00:00 response",
      "| Fri 28 Nov 2025 12:00 resolved",
    ]);
    assert.match(timeline, /Tier 1\. operational opens; its time limit ends Mon 10 Nov 2025 17:00 \(missed: left Thu 13 Nov 2025 09:30\)/);
    assert.match(timeline, /Meeting at Weekly operations review; minutes 2025-11-06 \| records\/ops-review-2025-11-05\.md/);
    // Who sat at the table at each tier.
    assert.match(md, /\| 2\. management \| Thu 13 Nov 2025 09:30 \| Thu 27 Nov 2025 17:00 \| missed: left Fri 28 Nov 2025 12:00 \| Raj Patel \(IT management\) \| Hana Sato \(Account management\) \|/);
    // The schedule's clauses, with its numbers: the matter's ladder (5.1), dispute (6, notice in writing), continuity (7).
    assert.match(md, /### 5 Escalation procedure/);
    assert.match(md, /#### 5\.1 Standard escalation/);
    assert.doesNotMatch(md, /#### 5\.2 /);
    assert.match(md, /### 6 Dispute resolution\n\nNotice of a dispute must be given in writing\./);
    assert.match(md, /### 7 Continuity of services/);
    // The MAT findings inside the matter, and no others.
    const findings = md.slice(md.indexOf("\n## 4 "), md.indexOf("\n## 5 "));
    assert.deepEqual(findings.match(/MAT\d{3}/g), ["MAT004", "MAT008"]);
    // The period's early warnings and SLA breaches.
    assert.match(md, /- missed-deadlines fired Tue 25 Nov 2025 00:00: answered Wed 26 Nov 2025 00:00/);
    assert.match(md, /- eud\.p2-fix 2025-11: 93\.5% missed the target, credit 2%/);
    assert.doesNotMatch(md, /idp\.availability 2025-12/);
  });

  it("judges an open matter's tier at the analysis moment: an overdue deadline is missed", () => {
    const { log } = ws();
    const run = runCli(["evidence", log, "--matter", "invoice-dispute", ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\| 2\. management \| Mon 22 Dec 2025 10:00 \| Thu 8 Jan 2026 17:00 \| missed: still open at Sat 10 Jan 2026 00:00 \|/);
    const early = runCli(["evidence", log, "--matter", "invoice-dispute", "--now", "2026-01-05T09:00:00Z"]);
    assert.match(early.stdout, /\| Thu 8 Jan 2026 17:00 \| pending \|/);
  });

  it("copies the evidence into DIR, lists the missing file, and writes a SHA256SUMS that sha256sum -c verifies", () => {
    const { log, root } = ws();
    const out = path.join(root, "pack");
    const run = runCli(["evidence", log, "--matter", "idp-outage", ...TODAY, "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0 copied, 1 missing, 0 refused/);
    const pack = fs.readFileSync(path.join(out, "pack.md"), "utf8");
    assert.match(pack, /\| records\/expert-request-2025-12-03\.pdf \| MISSING: no such file \|/);

    const lap = path.join(root, "lap");
    assert.equal(runCli(["evidence", log, "--matter", "laptops-late", ...TODAY, "--out", lap]).code, 0);
    const sums = fs.readFileSync(path.join(lap, "SHA256SUMS"), "utf8");
    assert.deepEqual(sums.trimEnd().split("\n").map((l) => l.split("  ")[1]), [
      "evidence/records/mail-2025-11-04.eml", "evidence/records/ops-review-2025-11-05.md", "evidence/records/service-board-2025-11-26.md", "evidence/records/service-board-2025-11-28.md",
      "evidence/records/eud-p2-fix.csv", "pack.md",
    ]);
    // The CSV behind the period's SLA breach is evidence too.
    assert.match(fs.readFileSync(path.join(lap, "pack.md"), "utf8"), /\| records\/eud-p2-fix\.csv \| copied to evidence\/records\/eud-p2-fix\.csv \|.*\| SLA breach eud\.p2-fix 2025-11 \(line \d+\) \|/);
    assert.deepEqual(fs.readFileSync(path.join(lap, "evidence/records/ops-review-2025-11-05.md")), fs.readFileSync(sample("records/ops-review-2025-11-05.md")));
    const lapPack = fs.readFileSync(path.join(lap, "pack.md"), "utf8");
    const size = fs.statSync(sample("records/ops-review-2025-11-05.md")).size;
    assert.match(lapPack, new RegExp(`\\| records/ops-review-2025-11-05\\.md \\| copied to evidence/records/ops-review-2025-11-05\\.md \\| ${size} bytes \\| [0-9a-f]{64} \\|`));
    assert.equal(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: lap, encoding: "utf8" }).split("\n").filter((l) => l.endsWith(": OK")).length, 6);
    // A copy changed afterwards is caught.
    fs.appendFileSync(path.join(lap, "evidence/records/mail-2025-11-04.eml"), "tampered\n");
    const tampered = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: lap, encoding: "utf8" });
    assert.equal(tampered.status, 1);
    assert.match(tampered.stdout, /mail-2025-11-04\.eml: FAILED/);
  });

  it("refuses a path out of the workspace and a symbolic link that leads out; lists links without fetching them", () => {
    const { log, root, ws: folder } = ws((text) =>
      text.replace('resolved 2025-11-28 12:00 "All 120 laptops delivered" evidence "records/service-board-2025-11-28.md"',
        'resolved 2025-11-28 12:00 "All 120 laptops delivered" evidence "records/service-board-2025-11-28.md", "../secret.txt", "records/escape.txt", "https://example.invalid/ticket/7", "mailto:ops@example.invalid", "../../../../../../etc/passwd"'));
    fs.symlinkSync(path.join(root, "secret.txt"), path.join(folder, "records", "escape.txt"));
    const out = path.join(root, "pack");
    const run = runCli(["evidence", log, "--matter", "laptops-late", ...TODAY, "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /5 copied, 0 missing, 3 refused, 2 links listed/);
    const pack = fs.readFileSync(path.join(out, "pack.md"), "utf8");
    assert.match(pack, /\| \.\.\/secret\.txt \| REFUSED: outside the log's workspace \|/);
    assert.match(pack, /\| records\/escape\.txt \| REFUSED: a symbolic link that leads outside the log's workspace \|/);
    assert.match(pack, /\| \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd \| REFUSED: outside the log's workspace \|/);
    assert.match(pack, /\| https:\/\/example\.invalid\/ticket\/7 \| link \(listed, not fetched\) \|/);
    assert.match(pack, /\| mailto:ops@example\.invalid \| link \(listed, not fetched\) \|/);
    const copies = fs.readdirSync(path.join(out, "evidence", "records")).sort();
    assert.deepEqual(copies, ["eud-p2-fix.csv", "mail-2025-11-04.eml", "ops-review-2025-11-05.md", "service-board-2025-11-26.md", "service-board-2025-11-28.md"]);
    assert.doesNotMatch(fs.readFileSync(path.join(out, "SHA256SUMS"), "utf8"), /secret|escape|passwd/);
  });

  it("takes the folder with covenant.json above the log as its workspace", () => {
    const { log, root } = ws((text) => text.replace('evidence "records/service-board-2025-11-28.md"', 'evidence "records/service-board-2025-11-28.md", "../secret.txt"'));
    fs.writeFileSync(path.join(root, "covenant.json"), "{}\n");
    const out = path.join(root, "pack");
    assert.equal(runCli(["evidence", log, "--matter", "laptops-late", ...TODAY, "--out", out]).code, 0);
    assert.equal(fs.readFileSync(path.join(out, "evidence", "secret.txt"), "utf8"), "not for counsel\n");
    assert.match(fs.readFileSync(path.join(out, "SHA256SUMS"), "utf8"), / {2}evidence\/ws\/records\/ops-review-2025-11-05\.md\n/);
  });

  it("overwrites nothing without --force, and with it writes a fresh pack", () => {
    const { log, root } = ws();
    const out = path.join(root, "pack");
    assert.equal(runCli(["evidence", log, "--matter", "laptops-late", ...TODAY, "--out", out]).code, 0);
    const before = fs.readFileSync(path.join(out, "pack.md"), "utf8");
    fs.writeFileSync(path.join(out, "evidence", "stale.txt"), "left over\n");
    const again = runCli(["evidence", log, "--matter", "idp-outage", ...TODAY, "--out", out]);
    assert.equal(again.code, 2);
    assert.equal(again.stderr.trimEnd().split("\n").length, 1);
    assert.match(again.stderr, /already holds an evidence pack \(pack\.md, SHA256SUMS, evidence\); use --force/);
    assert.equal(fs.readFileSync(path.join(out, "pack.md"), "utf8"), before);
    const forced = runCli(["evidence", log, "--matter", "idp-outage", ...TODAY, "--out", out, "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(fs.readFileSync(path.join(out, "pack.md"), "utf8"), /# Evidence pack: Identity platform outage/);
    assert.equal(fs.existsSync(path.join(out, "evidence", "stale.txt")), false);
    execFileSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: out });
  });

  it("escapes every string of the log and contract in HTML: a matter titled with markup shows as text", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const { log, root } = ws((text) => text.replace('"Laptop refresh deliveries late"', JSON.stringify(evil)).replace('"All 120 laptops delivered"', '"<script>alert(2)</script>"'));
    const out = path.join(root, "pack");
    const run = runCli(["evidence", log, "--matter", "laptops-late", ...TODAY, "--format", "html", "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    const html = fs.readFileSync(path.join(out, "pack.html"), "utf8");
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /<h1>Evidence pack: &lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
    assert.match(html, /Resolved: &lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    // Self-contained and print-friendly: no external resource, a print style sheet.
    assert.doesNotMatch(html, /<link |src="http|href="http/);
    assert.match(html, /@media print/);
    const md = runCli(["evidence", log, "--matter", "laptops-late", ...TODAY]).stdout;
    assert.match(md, /# Evidence pack: &lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it("says what is wrong in one line: no --matter, an unknown matter, a bad format", () => {
    const { log } = ws();
    const none = runCli(["evidence", log, ...TODAY]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /evidence needs --matter ID/);
    const unknown = runCli(["evidence", log, "--matter", "nope", ...TODAY]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /the log has no matter 'nope' \(matters: laptops-late, idp-outage, sso-migration, invoice-dispute\)/);
    const format = runCli(["evidence", log, "--matter", "laptops-late", "--format", "docx"]);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown --format 'docx' for evidence \(markdown, html\)/);
    const force = runCli(["evidence", log, "--matter", "laptops-late", "--force"]);
    assert.equal(force.code, 2);
    assert.match(force.stderr, /--force goes with --out DIR/);
  });
});
