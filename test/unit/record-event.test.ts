// "Covenant: Record Event…" on the server side (features/record-event.ts): the questions for a matter's
// state, the line in canonical layout at its place in time, and a log that checks clean afterwards; and the
// status bar's count of open and overdue matters.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Program } from "../../server/src/core/program";
import { allFindings } from "../../server/src/analysis/analyse";
import type { DocumentAnalysis } from "../../server/src/features/analysis";
import { Answers, matterCounts, RecordQuestion, recordEvent, RecordStep } from "../../server/src/features/record-event";
import { codeLenses } from "../../server/src/features/code-lens";
import { formatEdits } from "../../server/src/format/index";
import { matterText } from "../../client/src/finding-counts";
import { sample } from "../helpers/paths";

const URI = pathToFileURL(sample("record-log.covenant")).toString();

function analyse(text: string, today = "2026-01-10"): DocumentAnalysis {
  const read = (u: string): string | undefined => {
    if (u === URI) return text;
    try { return fs.readFileSync(fileURLToPath(u), "utf8"); } catch { return undefined; }
  };
  const linked = new Program({ read }).link(URI)!;
  return { uri: URI, text, linked, findings: allFindings(linked, { today }), today };
}

const LOG = `import "northwind.covenant"

log northwind-msa {
  matter invoice-dispute "Disputed December invoice" {
    raised 2025-12-15 16:30 by northwind.mgmt
    meeting 2025-12-16 11:00 at service-board evidence "records/service-board-2025-12-23.md"
    resolved 2026-03-01 12:00 "Paid"
  }

  matter late-reports "Monthly reports late" {
    raised 2026-01-05 09:00 by northwind.ops
  }

  signal 2025-11-04 missed-deadlines "First laptop batch missed"
  signal 2026-02-01 formal-tone "Letters turn formal"
  response 2026-02-02 "Early-warning review" at service-board

  measure idp.availability 2025-12 99.99%
}
`;

const NOW = "2026-01-12T09:30:00Z"; // 09:30 in London (GMT in January)

function ask(text: string, answers: Answers): RecordStep {
  return recordEvent(analyse(text), answers, NOW);
}

function question(step: RecordStep): RecordQuestion {
  assert.ok("question" in step, JSON.stringify(step));
  return step.question;
}

function applied(text: string, step: RecordStep): string {
  assert.ok("edit" in step, JSON.stringify(step));
  return text.slice(0, step.edit.start) + step.edit.text + text.slice(step.edit.end);
}

function codes(text: string, today = "2026-01-12"): string[] {
  return analyse(text, today).findings.map((f) => f.code).sort();
}

describe("record an event in a log (server side)", () => {
  it("asks what to record: the matters that are not resolved, then a new matter, a signal, a response, a measurement", () => {
    const q = question(ask(LOG, {}));
    assert.equal(q.key, "what");
    assert.match(q.prompt, /2026-01-12 09:30/);
    assert.deepEqual(q.items!.map((i) => i.value), ["matter:invoice-dispute", "matter:late-reports", "new-matter", "signal", "response", "measurement"]);
    assert.match(q.items![1].description!, /at operational/);
  });

  it("offers the events valid for the matter's state, and the tiers after the current one", () => {
    const kinds = question(ask(LOG, { what: "matter:late-reports" }));
    assert.equal(kinds.key, "event");
    const values = kinds.items!.map((i) => i.value);
    assert.ok(values.includes("escalated") && values.includes("suspended") && !values.includes("resumed") && !values.includes("raised"), values.join());
    const tiers = question(ask(LOG, { what: "matter:late-reports", event: "escalated" }));
    assert.deepEqual(tiers.items!.map((i) => i.value), ["management", "executive"]);
    assert.match(tiers.items![1].description!, /skips 1 tier/);
    const boards = question(ask(LOG, { what: "matter:late-reports", event: "meeting" }));
    assert.deepEqual(boards.items!.map((i) => i.value), ["ops-review", "service-board", "exec-board", ""]);
  });

  it("inserts the escalation at its place in time, in canonical layout, and the MAT001 it answers goes", () => {
    const before = codes(LOG, "2026-01-20");
    assert.ok(before.includes("MAT001"), before.join());
    const step = ask(LOG, { what: "matter:late-reports", event: "escalated", tier: "management" });
    const after = applied(LOG, step);
    assert.ok(after.includes("    raised 2026-01-05 09:00 by northwind.ops\n    escalated 2026-01-12 09:30 to management\n  }"), after);
    const edits = formatEdits(after);
    assert.ok("edits" in edits && edits.edits.length === 0, "the inserted line is already in canonical layout");
    const now = codes(after, "2026-01-20");
    assert.ok(!now.includes("MAT001"), now.join());
    assert.ok(!now.includes("VAL001"), now.join());
  });

  it("puts an event before later events already written (a resolution planned for March)", () => {
    const step = ask(LOG, { what: "matter:invoice-dispute", event: "note", text: 'Customer "agrees" to pay' });
    const after = applied(LOG, step);
    assert.ok(after.includes('    meeting 2025-12-16 11:00 at service-board evidence "records/service-board-2025-12-23.md"\n    note 2026-01-12 09:30 "Customer \\"agrees\\" to pay"\n    resolved 2026-03-01'), after);
    assert.ok(!codes(after).includes("VAL001"));
  });

  it("records a signal between the signals before and after it, and a response with its board", () => {
    const kinds = question(ask(LOG, { what: "signal" }));
    assert.deepEqual(kinds.items!.slice(0, 4).map((i) => i.value), ["missed-deadlines", "formal-tone", "clause-citation", "sla-breaches"]);
    const after = applied(LOG, ask(LOG, { what: "signal", signal: "clause-citation", text: "" }));
    assert.ok(after.includes('missed"\n  signal 2026-01-12 09:30 clause-citation\n  signal 2026-02-01'), after);
    const boards = question(ask(LOG, { what: "response", text: "" }));
    assert.equal(boards.items![0].value, "service-board", "the early-warning block's review board first");
    assert.ok(!codes(after).includes("VAL001"));
  });

  it("raises a new matter after the last one, and records a measurement after the same SLA's", () => {
    const bad = question(ask(LOG, { what: "new-matter" }));
    assert.ok(!new RegExp(bad.pattern!).test("two  words"));
    assert.ok("error" in ask(LOG, { what: "new-matter", name: "late-reports" }), "a name already taken is refused");
    const step = ask(LOG, { what: "new-matter", name: "helpdesk-slow", label: "Helpdesk slow", service: "eud", by: "northwind.ops" });
    const after = applied(LOG, step);
    assert.ok(after.includes('  }\n\n  matter helpdesk-slow "Helpdesk slow" {\n    service eud\n    raised 2026-01-12 09:30 by northwind.ops\n  }\n\n  signal'), after);
    const edits = formatEdits(after);
    assert.ok("edits" in edits && edits.edits.length === 0);
    const period = question(ask(LOG, { what: "measurement", sla: "idp.availability" }));
    assert.equal(period.value, "2025-12", "the last month that ended");
    const measured = applied(LOG, ask(LOG, { what: "measurement", sla: "idp.availability", period: "2026-01", value: "99.97%" }));
    assert.ok(measured.includes("  measure idp.availability 2025-12 99.99%\n  measure idp.availability 2026-01 99.97%\n}"), measured);
    assert.deepEqual(codes(measured).filter((c) => c.startsWith("VAL") || c.startsWith("REF")), []);
  });

  it("offers Record event… as a lens above each matter that is not resolved", () => {
    const lenses = codeLenses(analyse(LOG)).filter((l) => l.command === "covenant.recordEvent");
    assert.deepEqual(lenses.map((l) => l.arguments), [[URI, "late-reports"]]);
  });

  it("refuses what the matter's state does not allow", () => {
    assert.ok("error" in ask(LOG, { what: "matter:late-reports", event: "resumed" }));
    assert.ok("error" in ask(LOG, { what: "matter:late-reports", event: "escalated", tier: "operational" }));
    assert.ok("error" in recordEvent(analyse("contract x {}\n"), {}, NOW), "a file without a log");
  });

  it("counts the open and overdue matters for the status bar", () => {
    // invoice-dispute is resolved (in March, as written); late-reports' operational tier ran out on 12 January.
    assert.deepEqual(matterCounts(analyse(LOG, "2026-01-20")), { logs: 1, open: 1, overdue: 1 });
    assert.deepEqual(matterCounts(analyse(LOG, "2026-01-06")), { logs: 1, open: 1, overdue: 0 });
    assert.equal(matterText({ logs: 1, open: 2, overdue: 1 }), "2 matters open, 1 overdue");
    assert.equal(matterText({ logs: 1, open: 1, overdue: 0 }), "1 matter open");
    assert.equal(matterText({ logs: 1, open: 0, overdue: 0 }), "no matters open");
    assert.equal(matterText({ logs: 0, open: 0, overdue: 0 }), undefined);
  });
});
