// covenant/newContractChoices and covenant/newContract over the protocol: what "Covenant: New Contract…"
// offers, the contract it gets (opened in the same server: no diagnostic at all), and its errors.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { LspClient, ensureBuilt, ROOT, fileUri } from "./lsp-client";

interface Choices {
  kinds: { kind: string; title: string }[];
  regions: { code: string; name: string; timezone: string }[];
}

describe("protocol: covenant/newContractChoices and covenant/newContract", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: path.join(ROOT, "samples") });
  });
  after(async () => client?.stop());

  it("offers the three kinds and the bundled holiday regions with their time zones", async () => {
    const choices = await client.connection.sendRequest<Choices>("covenant/newContractChoices", null);
    assert.deepEqual(choices.kinds.map((k) => k.kind), ["saas", "managed-services", "implementation"]);
    assert.deepEqual(choices.regions.find((r) => r.code === "GB-ENG"), { code: "GB-ENG", name: "England, United Kingdom", timezone: "Europe/London" });
    assert.equal(choices.regions.find((r) => r.code === "US-CA")?.timezone, "America/Los_Angeles");
    assert.ok(!choices.regions.some((r) => r.code.startsWith("JP")), "a country whose holidays are not bundled is offered");
  });

  it("answers a contract that, opened in the editor, has no diagnostic", async () => {
    const result = await client.connection.sendRequest<{ text: string; contract: string; fileName: string }>("covenant/newContract", {
      kind: "implementation", customer: "Fabrikam", supplier: "Contoso Consulting GmbH", law: "Germany", region: "de-by", effective: "2027-01-04",
    });
    assert.equal(result.contract, "fabrikam-contoso-consulting-project");
    assert.equal(result.fileName, "fabrikam-contoso-consulting-project.covenant");
    assert.match(result.text, /^ {4}timezone "Europe\/Berlin"\n {4}workdays mon-fri\n {4}hours 09:00-17:00\n {4}holidays "DE-BY"$/m);
    assert.match(result.text, /^ {2}effective 2027-01-04$/m);
    const uri = fileUri(path.join(ROOT, "samples", result.fileName));
    await client.open(uri, result.text);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics.map((d) => `${d.code} ${d.message}`), []);
  });

  it("answers unusable answers with InvalidParams and one sentence for the user", async () => {
    const fail = (params: unknown): Promise<{ code: number; message: string }> =>
      client.connection.sendRequest("covenant/newContract", params).then(() => ({ code: 0, message: "accepted" }), (e: { code: number; message: string }) => ({ code: e.code, message: e.message }));
    const base = { kind: "saas", customer: "A", supplier: "B", law: "Ireland", region: "IE" };
    const region = await fail({ ...base, region: "GB-XYZ" });
    assert.equal(region.code, -32602);
    assert.match(region.message, /^Cannot write the contract: 'GB' has no region 'XYZ' \(known: GB-ALD, GB-ENG, GB-NIR, GB-SCT, GB-WLS\)\.$/);
    assert.match((await fail({ ...base, kind: "lease" })).message, /the kind must be one of saas, managed-services, implementation/);
    assert.match((await fail({ ...base, customer: "" })).message, /the customer's name is missing/);
    assert.match((await fail({ ...base, effective: "soon" })).message, /effective date/);
    assert.equal((await fail(null)).code, -32602);
  });
});
