// The custom requests of docs/protocol.md over the protocol: the escalation graph and the simulation
// (simulation.md's test vector T1 on the northwind sample), and their errors.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { LspClient, ensureBuilt, ROOT, fileUri } from "./lsp-client";

const NORTHWIND = fs.readFileSync(path.join(ROOT, "samples/northwind.covenant"), "utf8");
const uri = fileUri(path.join(ROOT, "samples/northwind.covenant"));

interface Graph {
  contracts: { name: string; ladders: { name: string; appliesTo: string[]; then?: string; range: { start: { line: number } }; tiers: { name: string; elapsed?: string; customer?: { name?: string } }[] }[]; services?: { name: string }[] }[];
  svg: string;
  mermaid: string;
}

describe("protocol: covenant/escalationGraph and covenant/simulate", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: path.join(ROOT, "samples") });
    await client.open(uri, NORTHWIND);
  });
  after(async () => client?.stop());

  it("answers the graph of every ladder with LSP ranges, an SVG and a Mermaid chart", async () => {
    const g = await client.connection.sendRequest<Graph>("covenant/escalationGraph", { uri });
    assert.equal(g.contracts.length, 1);
    const c = g.contracts[0];
    assert.equal(c.name, "northwind-msa");
    assert.deepEqual(c.ladders.map((l) => l.name), ["standard", "expedited"]);
    const standard = c.ladders[0];
    assert.equal(NORTHWIND.split("\n")[standard.range.start.line].trim().split(" ")[0], "escalation");
    assert.deepEqual(standard.tiers.map((t) => t.elapsed), ["5 business days", "15 business days", "25 business days"]);
    assert.equal(standard.tiers[0].customer?.name, "Jo Lee");
    assert.deepEqual(c.ladders[1].appliesTo, ["criticality critical", "severity critical"]);
    assert.ok(c.services?.some((s) => s.name === "idp"));
    assert.match(g.svg, /^<svg[\s>]/);
    assert.match(g.mermaid, /^flowchart/);
  });

  it("puts the findings the editor shows on the tiers and contacts of the graph, and in its SVG and Mermaid", async () => {
    const payroll = fileUri(path.join(ROOT, "samples/payroll.covenant"));
    await client.open(payroll, fs.readFileSync(path.join(ROOT, "samples/payroll.covenant"), "utf8"));
    const g = await client.connection.sendRequest<{ contracts: { ladders: { findings?: { code: string }[]; tiers: Record<string, unknown>[] }[] }[]; svg: string; mermaid: string }>(
      "covenant/escalationGraph", { uri: payroll },
    );
    const ladder = g.contracts[0].ladders[0];
    assert.deepEqual(ladder.findings?.map((f) => f.code), ["ESC004"]);
    const first = ladder.tiers[0] as { findings: { code: string; severity: string; title: string; side?: string }[] };
    assert.deepEqual(first.findings.map((f) => [f.code, f.severity, f.title, f.side]), [["ESC002", "error", "First and last point of escalation", "supplier"]]);
    for (const t of ladder.tiers) assert.ok(!("refs" in t) && !("declaration" in t), "no offsets on the wire");
    assert.match(g.svg, /data-code="ESC002"/);
    assert.match(g.mermaid, /ESC002 First and last point of escalation/);
  });

  it("answers an empty graph for a file with no contract", async () => {
    const empty = "file:///virtual/empty.covenant";
    await client.open(empty, "// nothing yet\n");
    assert.deepEqual(await client.connection.sendRequest("covenant/escalationGraph", { uri: empty }), { contracts: [], svg: "", mermaid: "" });
  });

  it("runs test vector T1 of simulation.md and adds Markdown and SVG", async () => {
    const r = await client.connection.sendRequest<Record<string, unknown> & { tiers: { tier: string; deadline: string }[]; formal: { step: string; at: string; deadline: string }; markdown: string; svg: string }>(
      "covenant/simulate",
      { uri, ladder: "standard", raised: "2025-12-23T18:10:00Z" },
    );
    assert.equal(r.start, "2025-12-24T09:00:00+00:00");
    assert.deepEqual(r.tiers.map((t) => t.deadline), ["2026-01-05T17:00:00+00:00", "2026-01-19T17:00:00+00:00", "2026-02-02T17:00:00+00:00"]);
    assert.equal(r.formal.step, "mediation");
    assert.equal(r.formal.deadline, "2026-03-02T17:00:00+00:00");
    assert.equal(r.outcome, "formal");
    assert.equal(r.servicesContinue, true);
    assert.equal(r.businessDays, 25);
    assert.match(r.markdown, /Escalation simulation/);
    assert.match(r.svg, /^<svg[\s>]/);
  });

  it("resolves at a tier when asked (T2) and lets the contract choose the ladder for a critical service (T3)", async () => {
    const t2 = await client.connection.sendRequest<{ outcome: string; resolved: { tier: string; at: string } }>("covenant/simulate", { uri, ladder: "standard", raised: "2025-12-23T18:10:00Z", resolveAt: { tier: "management", after: "3 business days" } });
    assert.deepEqual([t2.outcome, t2.resolved], ["resolved", { tier: "management", at: "2026-01-08T17:00:00+00:00" }]);
    const t3 = await client.connection.sendRequest<{ ladder: string }>("covenant/simulate", { uri, service: "idp", severity: "critical", raised: "2026-01-02T16:00:00Z" });
    assert.equal(t3.ladder, "expedited");
  });

  it("answers invalid input with InvalidParams and one sentence for the user", async () => {
    const fail = (params: unknown): Promise<{ code: number; message: string }> =>
      client.connection.sendRequest("covenant/simulate", params).then(() => ({ code: 0, message: "accepted" }), (e: { code: number; message: string }) => ({ code: e.code, message: e.message }));
    const unknownLadder = await fail({ uri, ladder: "nope", raised: "2025-12-23T18:10:00Z" });
    assert.equal(unknownLadder.code, -32602);
    assert.match(unknownLadder.message, /nope/);
    assert.equal((await fail({ uri, raised: "tomorrow-ish" })).code, -32602);
    assert.equal((await fail({ uri, raised: "2025-12-23T18:10:00Z", resolveAt: { tier: "management", after: "99 business days" } })).code, -32602);
    assert.equal((await fail({ uri, raised: "2025-12-23T18:10:00Z", severity: "urgent" })).code, -32602);
    assert.match((await fail({ uri })).message, /raised/);
    assert.equal((await fail({ uri, raised: 5 })).code, -32602);
  });
});
