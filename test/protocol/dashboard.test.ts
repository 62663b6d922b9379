// `covenant/dashboard` over the protocol, from the bundled server: the dashboard of samples/northwind-log.covenant,
// following the open document's text, escaping what the log says, and clear errors for a file without a log.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DashboardRequest } from "../../server/src/wire/dashboard";
import { LspClient, ensureBuilt, ROOT, fileUri } from "./lsp-client";

const SAMPLES = path.join(ROOT, "samples");
const LOG = fs.readFileSync(path.join(SAMPLES, "northwind-log.covenant"), "utf8");
const logUri = fileUri(path.join(SAMPLES, "northwind-log.covenant"));
const HOSTILE = "<img src=x onerror=alert(1)>";

describe("protocol: covenant/dashboard", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: SAMPLES });
    await client.open(logUri, LOG);
    await client.waitForDiagnostics(logUri, 1);
  });
  after(async () => client?.stop());

  it("answers the log's dashboard: the matter timeline, the warnings and a chart per SLA, with its style sheet", async () => {
    const r = await client.connection.sendRequest(DashboardRequest, { uri: logUri });
    assert.equal(r.logs.length, 1);
    assert.equal(r.logs[0].contract, "northwind-msa");
    assert.equal(r.logs[0].matters, 4);
    assert.equal(r.logs[0].open, 2);
    assert.match(r.body, /^<section class="cv-dashboard"/);
    assert.equal((r.body.match(/<svg /g) ?? []).length, 4);
    assert.match(r.body, /data-sla="idp\.availability"/);
    assert.match(r.css, /--vscode-errorForeground/);
    assert.match(r.css, /--vscode-charts-blue/);
  });

  it("follows the open document's text and shows a hostile matter title as text", async () => {
    const changed = LOG.replace('matter laptops-late "Laptop refresh deliveries late"', `matter laptops-late "${HOSTILE}"`);
    await client.change(logUri, 2, [{ text: changed }]);
    const r = await client.connection.sendRequest(DashboardRequest, { uri: logUri });
    assert.ok(!r.body.includes("<img"), "a tag from the log reached the body");
    assert.ok(r.body.includes("&lt;img src=x onerror=alert(1)&gt;"));
    await client.change(logUri, 3, [{ text: LOG }]);
  });

  it("answers a file without a log, and bad parameters, with InvalidParams and a sentence", async () => {
    const contract = fileUri(path.join(SAMPLES, "northwind.covenant"));
    await assert.rejects(client.connection.sendRequest(DashboardRequest, { uri: contract }), (e: { code: number; message: string }) => e.code === -32602 && /holds no relationship log/.test(e.message));
    await assert.rejects(client.connection.sendRequest(DashboardRequest, {} as never), (e: { code: number; message: string }) => e.code === -32602 && /needs 'uri'/.test(e.message));
  });
});
