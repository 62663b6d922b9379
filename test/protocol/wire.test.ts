// The wire types of server/src/wire/requests.ts against the real server: sent with the same request
// types the extension uses, the answers carry every field the types promise, and nothing the wire drops.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  EscalationContract, EscalationGraphRequest, EscalationGraphResult, EscalationLadder, EscalationTier, SimulateRequest, SimulateResult,
} from "../../server/src/wire/requests";
import { LspClient, ensureBuilt, ROOT, fileUri } from "./lsp-client";

/** Each field of a wire type, and whether the type lets it be absent; the compiler checks both against the type. */
type Fields<T> = { [K in keyof T]-?: undefined extends T[K] ? "optional" : "required" };

const RESULT: Fields<SimulateResult> = {
  contract: "required", contractLabel: "optional", ladder: "required", ladderLabel: "optional", ladderChosenBy: "required",
  service: "optional", severity: "optional", raised: "required", start: "required", tiers: "required", events: "required",
  outcome: "required", resolved: "required", formal: "required", servicesContinue: "required", businessDays: "required",
  calendar: "required", notes: "required", markdown: "required", svg: "required",
};
const GRAPH: Fields<EscalationGraphResult> = { contracts: "required", svg: "required", mermaid: "required" };
const CONTRACT: Fields<EscalationContract> = { name: "required", label: "optional", ladders: "required", services: "required" };
const LADDER: Fields<EscalationLadder> = {
  name: "required", label: "optional", appliesTo: "required", then: "optional", thenDeadline: "optional", isDefault: "required",
  range: "required", tiers: "required", findings: "optional",
};
const TIER: Fields<EscalationTier> = {
  name: "required", level: "optional", within: "optional", elapsed: "optional", forum: "optional", customer: "optional", supplier: "optional",
  findings: "optional",
};

/** The value has every required field of its type and no field the type lacks. */
function assertShape(value: object, fields: Record<string, "optional" | "required">, what: string): void {
  for (const [name, need] of Object.entries(fields)) if (need === "required") assert.ok(name in value, `${what} lacks '${name}'`);
  for (const name of Object.keys(value)) assert.ok(name in fields, `${what} has '${name}', which the wire type does not declare`);
}

describe("protocol: the wire types", function () {
  this.timeout(60_000);
  const file = path.join(ROOT, "samples/northwind.covenant");
  const uri = fileUri(file);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: path.join(ROOT, "samples") });
    await client.open(uri, fs.readFileSync(file, "utf8"));
  });
  after(async () => client?.stop());

  it("answers covenant/escalationGraph, sent with the wire's request type, in the wire's shape", async () => {
    assert.equal(EscalationGraphRequest.method, "covenant/escalationGraph");
    const graph = await client.connection.sendRequest(EscalationGraphRequest, { uri });
    assertShape(graph, GRAPH, "the graph");
    assert.equal(graph.contracts.length, 1);
    for (const c of graph.contracts) {
      assertShape(c, CONTRACT, `contract ${c.name}`);
      for (const l of c.ladders) {
        assertShape(l, LADDER, `ladder ${l.name}`);
        assert.deepEqual(Object.keys(l.range.start).sort(), ["character", "line"], "an LSP range, not offsets");
        for (const t of l.tiers) assertShape(t, TIER, `tier ${t.name}`);
      }
    }
  });

  it("answers covenant/simulate, sent with the wire's request type, in the wire's shape", async () => {
    assert.equal(SimulateRequest.method, "covenant/simulate");
    const result = await client.connection.sendRequest(SimulateRequest, { uri, service: "idp", raised: "2026-01-02T16:00:00Z" });
    assertShape(result, RESULT, "the simulation");
    assert.equal(result.ladderChosenBy, "criticality");
    assert.equal(result.ladder, "expedited");
    assert.match(result.markdown, /used for the criticality of service idp/);
  });
});
