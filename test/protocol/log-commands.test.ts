// Writing a relationship log over the protocol: completion of tiers, signals, service levels, steps and
// the current moment; covenant/recordEvent and covenant/matterCounts; rename between a log and its
// contract; and a log re-checked when its CSV or evidence files change on disk. The files live in a temporary
// folder beside a copy of samples/northwind.covenant.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  CompletionList, CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, RenameRequest, TextDocumentEdit, WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { MatterCountsRequest, RecordEventRequest, RecordEventResult } from "../../server/src/wire/log";
import { ensureBuilt, fileUri, LspClient, markers, offsetAt, positionAt, ROOT } from "./lsp-client";

const CONTRACT = fs.readFileSync(path.join(ROOT, "samples/northwind.covenant"), "utf8");

const LOG = `import "northwind.covenant"

log northwind-msa {
  matter late-reports "Monthly reports late" {
    raised 2025-11-03 10:00 by northwind.ops
  }

  matter laptops "Laptops late" {
    raised 2025-11-03 10:00
    escalated 2025-11-06 10:00 to management
    resolved 2025-11-20 "Delivered"
  }

  measurements idp.availability "availability.csv"
  signal 2025-11-04 missed-deadlines "First batch missed" evidence "records/mail.eml"
}
`;

function applyWorkspaceEdit(texts: Map<string, string>, edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    const c = change as TextDocumentEdit;
    let text = texts.get(c.textDocument.uri)!;
    const edits = [...c.edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    for (const e of edits) text = text.slice(0, offsetAt(text, e.range.start)) + e.newText + text.slice(offsetAt(text, e.range.end));
    texts.set(c.textDocument.uri, text);
  }
}

describe("protocol: writing a relationship log", function () {
  this.timeout(60_000);
  let client: LspClient;
  let tmp: string;
  let logUri: string;
  let contractUri: string;
  let csv: string;

  before(async () => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-log-"));
    fs.writeFileSync(path.join(tmp, "northwind.covenant"), CONTRACT);
    csv = path.join(tmp, "availability.csv");
    fs.writeFileSync(csv, "period,value\n2025-10,99.99%\n2025-11,99.10%\n");
    fs.writeFileSync(path.join(tmp, "log.covenant"), LOG);
    logUri = fileUri(path.join(tmp, "log.covenant"));
    contractUri = fileUri(path.join(tmp, "northwind.covenant"));
    client = await LspClient.start({ root: tmp });
    await client.open(logUri, LOG);
    await client.waitForDiagnostics(logUri, 1);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function completeAt(source: string): Promise<{ labels: string[]; list: CompletionList }> {
    const { text, offsets } = markers(source);
    const uri = fileUri(path.join(tmp, "typing.covenant"));
    if (client.diagnostics.has(uri)) await client.close(uri);
    client.diagnostics.delete(uri);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offsets[0]) })) as CompletionList;
    await client.close(uri);
    return { labels: list.items.map((i) => i.label), list };
  }

  const inLog = (body: string): string => `import "northwind.covenant"\nlog northwind-msa {\n${body}\n}\n`;

  it("completes `to` with the tiers after the one the matter stands at there", async () => {
    const first = await completeAt(inLog("  matter m {\n    raised 2025-11-03 10:00\n    escalated 2025-11-10 to <|>\n  }"));
    assert.deepEqual(first.labels, ["management", "executive"]);
    const second = await completeAt(inLog("  matter m {\n    raised 2025-11-03 10:00\n    escalated 2025-11-10 to management\n    escalated 2025-11-20 to <|>\n  }"));
    assert.deepEqual(second.labels, ["executive"]);
  });

  it("completes a signal with the early-warning block's signals, a measurement with service.sla pairs, formal with the dispute steps", async () => {
    const signals = await completeAt(inLog("  signal 2025-11-04 <|>"));
    assert.deepEqual(signals.labels, ["missed-deadlines", "formal-tone", "clause-citation", "sla-breaches"]);
    const pairs = await completeAt(inLog("  measure <|>"));
    assert.deepEqual(pairs.labels, ["eud.p2-fix", "idp.availability"]);
    const slas = await completeAt(inLog("  measure idp.<|>"));
    assert.deepEqual(slas.labels, ["availability"]);
    const steps = await completeAt(inLog("  matter m {\n    raised 2025-11-03 10:00\n    formal 2025-12-01 <|>\n  }"));
    assert.deepEqual(steps.labels, ["mediation", "expert-determination", "arbitration"], "the dispute block's steps");
  });

  it("offers the current moment, in London time, where a moment is expected", async () => {
    const london = (d: Date): string => {
      const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d).map((p) => [p.type, p.value]));
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
    };
    const before = london(new Date());
    const { list } = await completeAt(inLog("  matter m {\n    raised 2025-11-03 10:00\n    note <|>\n  }"));
    const after = london(new Date());
    const now = list.items.find((i) => i.detail === "now, in Europe/London");
    assert.ok(now, JSON.stringify(list.items));
    assert.ok(now.label === before || now.label === after, `${now.label} is not ${before}`);
  });

  it("records an escalation through covenant/recordEvent, and MAT001 goes", async () => {
    const first = await client.until(logUri, (p) => p.diagnostics.some((d) => d.code === "MAT001"));
    assert.equal(first.diagnostics.filter((d) => d.code === "MAT001").length, 1);
    // Recorded now (the server's clock): the management tier's ten business days have not run out.
    const ask = (answers: Record<string, string>): Promise<RecordEventResult> => client.connection.sendRequest(RecordEventRequest, { uri: logUri, answers });
    const what = await ask({});
    assert.ok("question" in what && what.question.items!.map((i) => i.value).join() === "matter:late-reports,new-matter,signal,response,measurement", JSON.stringify(what));
    const tier = await ask({ what: "matter:late-reports", event: "escalated" });
    assert.ok("question" in tier && tier.question.items![0].value === "management", JSON.stringify(tier));
    const done = await ask({ what: "matter:late-reports", event: "escalated", tier: "management" });
    assert.ok("edit" in done, JSON.stringify(done));
    assert.match(done.line, /^escalated \d{4}-\d\d-\d\d \d\d:\d\d to management$/);
    const texts = new Map([[logUri, LOG]]);
    applyWorkspaceEdit(texts, done.edit);
    const text = texts.get(logUri)!;
    assert.equal(text.split("\n")[done.line0], `    ${done.line}`);
    assert.ok(text.includes(`by northwind.ops\n    ${done.line}\n  }`), text);
    await client.change(logUri, 2, [{ text }]);
    const after = await client.waitForDiagnostics(logUri, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === "MAT001" || d.code === "VAL001"), JSON.stringify(after.diagnostics.map((d) => d.code)));
    await client.change(logUri, 3, [{ text: LOG }]);
    await client.waitForDiagnostics(logUri, 3);
  });

  it("counts the log's open and overdue matters for the status bar", async () => {
    assert.deepEqual(await client.connection.sendRequest(MatterCountsRequest, { uri: logUri }), { logs: 1, open: 1, overdue: 1 });
    assert.deepEqual(await client.connection.sendRequest(MatterCountsRequest, { uri: fileUri(path.join(tmp, "none.covenant")) }), { logs: 0, open: 0, overdue: 0 });
  });

  it("renames a tier from the log in the contract and the log, and a board from the contract in the log", async () => {
    await client.open(contractUri, CONTRACT);
    await client.waitForDiagnostics(contractUri, 1);
    const fromLog = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: logUri }, position: positionAt(LOG, LOG.indexOf("to management") + 4), newName: "managers" })) as WorkspaceEdit;
    const texts = new Map([[logUri, LOG], [contractUri, CONTRACT]]);
    applyWorkspaceEdit(texts, fromLog);
    assert.ok(texts.get(logUri)!.includes("escalated 2025-11-06 10:00 to managers"));
    assert.ok(texts.get(contractUri)!.includes("    tier managers {"), "the tier is renamed in the contract");

    const withBoard = LOG.replace("raised 2025-11-03 10:00 by northwind.ops", "raised 2025-11-03 10:00 by northwind.ops\n    meeting 2025-11-05 14:00 at ops-review");
    await client.change(logUri, 4, [{ text: withBoard }]);
    await client.waitForDiagnostics(logUri, 4);
    const fromContract = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: contractUri }, position: positionAt(CONTRACT, CONTRACT.indexOf("board ops-review") + 7), newName: "weekly-review" })) as WorkspaceEdit;
    const again = new Map([[logUri, withBoard], [contractUri, CONTRACT]]);
    applyWorkspaceEdit(again, fromContract);
    assert.ok(again.get(logUri)!.includes("meeting 2025-11-05 14:00 at weekly-review"), again.get(logUri));
    assert.ok(again.get(contractUri)!.includes("board weekly-review"));
    await client.change(logUri, 5, [{ text: LOG }]);
    await client.waitForDiagnostics(logUri, 5);
    await client.close(contractUri);
  });

  it("checks the log again when its CSV changes on disk or an evidence file appears", async () => {
    const slm = (p: { diagnostics: { code?: string | number }[] }): number => p.diagnostics.filter((d) => d.code === "SLM001").length;
    const start = await client.until(logUri, (p) => p.diagnostics.some((d) => d.code === "MAT009"));
    assert.equal(slm(start), 1, "November's 99.10% misses 99.95%");
    fs.writeFileSync(csv, "period,value\n2025-10,99.99%\n2025-11,99.97%\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(csv), type: FileChangeType.Changed }] });
    await client.until(logUri, (p) => slm(p) === 0);

    const evidence = path.join(tmp, "records", "mail.eml");
    fs.mkdirSync(path.dirname(evidence), { recursive: true });
    fs.writeFileSync(evidence, "Subject: first batch\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(evidence), type: FileChangeType.Created }] });
    await client.until(logUri, (p) => !p.diagnostics.some((d) => d.code === "MAT009"));
  });
});
