// The server keeps serving whatever it is sent: documents never opened, unknown methods, bad
// parameters, text that is not Covenant at all, and documents that change under a request.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  HoverRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, FoldingRangeRequest, SemanticTokensRequest, InlayHintRequest,
  CodeLensRequest, DocumentLinkRequest, ReferencesRequest, CodeActionRequest, DocumentFormattingRequest, RenameRequest,
} from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, ROOT } from "./lsp-client";

const anywhere = { line: 3, character: 4 };
const whole = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

/** Every position-based and document-based request, for one document. */
function everyRequest(client: LspClient, uri: string, position = anywhere): Promise<unknown>[] {
  const textDocument = { uri };
  const c = client.connection;
  return [
    c.sendRequest(HoverRequest.type, { textDocument, position }),
    c.sendRequest(CompletionRequest.type, { textDocument, position }),
    c.sendRequest(DefinitionRequest.type, { textDocument, position }),
    c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
    c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    c.sendRequest(FoldingRangeRequest.type, { textDocument }),
    c.sendRequest(SemanticTokensRequest.type, { textDocument }),
    c.sendRequest(InlayHintRequest.type, { textDocument, range: whole }),
    c.sendRequest(CodeLensRequest.type, { textDocument }),
    c.sendRequest(DocumentLinkRequest.type, { textDocument }),
    c.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics: [] } }),
    c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }),
  ];
}

const empty = (v: unknown): boolean => v === null || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && "data" in v && (v as { data: unknown[] }).data.length === 0) || (typeof v === "object" && v !== null && "items" in v && (v as { items: unknown[] }).items.length === 0);

describe("protocol: robustness", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start();
  });
  after(async () => client?.stop());

  it("answers requests for documents never opened with empty results", async () => {
    const answers = await Promise.all(everyRequest(client, "file:///never/opened.covenant"));
    answers.forEach((a, i) => assert.ok(empty(a), `request ${i} answered ${JSON.stringify(a)}`));
  });

  it("rejects an unknown method and keeps serving", async () => {
    await assert.rejects(client.connection.sendRequest("covenant/noSuchThing", {}), (e: { code: number }) => e.code === -32601);
    await client.open("file:///virtual/after.covenant", "contract c {}\n");
    const p = await client.waitForDiagnostics("file:///virtual/after.covenant", 1);
    assert.ok(p.diagnostics.length > 0);
  });

  it("answers malformed parameters with an error or an empty result, never by dying", async () => {
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: "file:///virtual/after.covenant" }, position: { line: -5, character: 1e9 } }).catch(() => undefined);
    await client.connection.sendRequest("covenant/escalationGraph", {}).catch(() => undefined);
    await client.connection.sendRequest("covenant/simulate", null).catch(() => undefined);
    await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: "file:///virtual/after.covenant" }, position: { line: 0, character: 9 }, newName: "" }).catch(() => undefined);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: "file:///virtual/after.covenant" } });
    assert.equal((symbols as { name: string }[])[0].name, "c");
    assert.equal(client.process.exitCode, null);
  });

  it("survives text that is not Covenant: every request on every mutilated sample answers", async () => {
    const samples = ["payroll.covenant", "northwind.covenant", "broken.covenant"].map((n) => fs.readFileSync(path.join(ROOT, "samples", n), "utf8"));
    const texts = [
      "\u0000\uFFFF\uD800 }}}{{{ \"unterminated",
      "contract",
      "contract x { tier { customer . . within -> 5 business } } } }",
      "/* never closed",
      ...samples.map((s) => s.slice(0, Math.floor(s.length / 2))),
      ...samples.map((s) => s.replace(/\{/g, "")),
      ...samples.map((s) => s.replace(/\}/g, "")),
      ...samples.map((s) => s.split(/\s+/).reverse().join(" ")),
    ];
    let n = 0;
    for (const text of texts) {
      const uri = `file:///virtual/mutant-${n++}.covenant`;
      await client.open(uri, text);
      const lines = text.split("\n");
      const positions = [{ line: 0, character: 0 }, { line: Math.floor(lines.length / 2), character: 3 }, { line: lines.length - 1, character: lines[lines.length - 1].length }];
      for (const position of positions) await Promise.all(everyRequest(client, uri, position));
      await client.waitForDiagnostics(uri, 1);
      await client.close(uri);
    }
    assert.equal(client.process.exitCode, null);
    // A feature that threw would have been logged by its guard: none may.
    assert.ok(!/uncaught|unhandled| failed: |internal error/.test(client.stderr + client.logs.join("\n")), client.logs.join("\n"));
  });

  it("answers requests that arrive while the document is being edited", async () => {
    const text = fs.readFileSync(path.join(ROOT, "samples/northwind.covenant"), "utf8");
    const uri = "file:///virtual/racing.covenant";
    await client.open(uri, text);
    const pending: Promise<unknown>[] = [];
    for (let v = 2; v < 12; v++) {
      void client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v % 2 ? "// x\n" : "" }]);
      pending.push(...everyRequest(client, uri, { line: 20 + v, character: 6 }));
    }
    await Promise.all(pending.map((p) => p.catch(() => undefined)));
    const last = await client.waitForDiagnostics(uri, 11);
    assert.equal(last.version, 11);
  });
});
