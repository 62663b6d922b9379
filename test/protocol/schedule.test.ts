// `covenant/schedule` over the protocol, from the bundled server: the preview body, a Markdown document and a
// DOCX packed by the separately bundled renderer (dist/schedule-docx.js), and a clear error for bad parameters.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { ScheduleRequest, ScheduleResult } from "../../server/src/wire/schedule";
import { LspClient, ensureBuilt, ROOT, fileUri } from "./lsp-client";

const GLOBEX = path.join(ROOT, "samples/globex-hosting.covenant");
const uri = fileUri(GLOBEX);

describe("protocol: covenant/schedule", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: path.join(ROOT, "samples") });
    await client.open(uri, fs.readFileSync(GLOBEX, "utf8"));
  });
  after(async () => client?.stop());

  it("answers the preview body with its style sheet, and follows the open document's text", async () => {
    const r = await client.connection.sendRequest(ScheduleRequest, { uri, format: "preview" });
    assert.equal(r.contract, "globex-hosting");
    assert.match(r.text!, /^<main class="cv-schedule"/);
    assert.match(r.text!, /Alice Wong/);
    assert.match(r.css!, /--vscode-editor-foreground/);
    await client.change(uri, 2, [{ text: fs.readFileSync(GLOBEX, "utf8").replace("Nimbus Cloud Ltd", "Nimbus Cloud plc") }]);
    const after = await client.connection.sendRequest(ScheduleRequest, { uri, format: "preview" });
    assert.match(after.text!, /Nimbus Cloud plc/);
    assert.notEqual(after.fingerprint, r.fingerprint);
  });

  it("packs a DOCX in the language server, base64, with the fingerprint it reports", async () => {
    const r: ScheduleResult = await client.connection.sendRequest(ScheduleRequest, { uri, format: "docx" });
    const files = unzipSync(Buffer.from(r.base64!, "base64"));
    assert.match(strFromU8(files["word/document.xml"]), /Heading1/);
    assert.ok(strFromU8(files["docProps/custom.xml"]).includes(r.fingerprint));
    const md = await client.connection.sendRequest(ScheduleRequest, { uri, format: "markdown" });
    assert.ok(md.text!.includes(`source-sha256: ${r.fingerprint}`));
  });

  it("answers bad parameters with InvalidParams and a sentence", async () => {
    await assert.rejects(client.connection.sendRequest(ScheduleRequest, { uri, format: "pdf" as never }), (e: { code: number; message: string }) => e.code === -32602 && /'format' must be docx, html, markdown, preview/.test(e.message));
    await assert.rejects(client.connection.sendRequest(ScheduleRequest, { uri, format: "html", contract: "ghost" }), (e: { message: string }) => /no contract 'ghost'/.test(e.message));
  });
});
