// The server's incremental analysis (issue 13) over the protocol: documents whose analysis was let go
// still answer, and edits analysed from the last parse give the diagnostics a fresh analysis gives.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, FIXTURES, positionAt } from "./lsp-client";

const PAYROLL = fs.readFileSync(path.join(FIXTURES, "../../../samples/payroll.covenant"), "utf8");
const summary = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe("protocol: incremental analysis", function () {
  this.timeout(60_000);
  before(() => ensureBuilt());
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => client.stop());

  it("answers for a document whose analysis was let go (more documents open than analyses kept)", async () => {
    const uris = Array.from({ length: 12 }, (_, i) => `file:///virtual/many-${i}.covenant`);
    for (const uri of uris) {
      await client.open(uri, PAYROLL, 1);
      await client.waitForDiagnostics(uri, 1);
    }
    const first = await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: uris[0] } });
    const last = await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: uris[11] } });
    assert.ok(Array.isArray(first) && first.length > 0);
    assert.deepEqual(first, last);
    for (const uri of uris) await client.close(uri);
  });

  it("after typing a statement key by key and deleting a brace and putting it back, the diagnostics are those of a fresh analysis", async () => {
    const uri = "file:///virtual/typed.covenant";
    let text = PAYROLL;
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    let version = 1;
    const edit = async (offset: number, remove: number, insert: string): Promise<void> => {
      const start = positionAt(text, offset);
      const end = positionAt(text, offset + remove);
      text = text.slice(0, offset) + insert + text.slice(offset + remove);
      await client.change(uri, ++version, [{ range: { start, end }, text: insert }]);
    };
    // Type a line into the first block body, one key at a time (broken on most keys), then more text in a label.
    const at = text.indexOf("{", text.indexOf("service ")) + 1;
    for (const ch of "\n    criticality high") await edit(at + (text.length - PAYROLL.length), 0, ch);
    const quote = text.indexOf('"', at) + 1;
    for (const ch of "Typed ") await edit(quote, 0, ch);
    const brace = text.lastIndexOf("}", text.length - 2);
    await edit(brace, 1, "");
    await edit(brace, 0, "}");
    const incremental = await client.waitForDiagnostics(uri, version);
    const fresh = "file:///virtual/typed-fresh.covenant";
    await client.open(fresh, text, 1);
    const full = await client.waitForDiagnostics(fresh, 1);
    assert.deepEqual(summary(incremental.diagnostics), summary(full.diagnostics));
    await client.close(uri);
    await client.close(fresh);
  });
});
