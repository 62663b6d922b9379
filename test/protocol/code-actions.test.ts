// Quick fixes for a client that resolves code actions (VS Code, Neovim): the list carries no edits, and
// `codeAction/resolve` computes the edit of the action picked, for the version it was offered on only.
// Clients without resolve support get the edits in the list (features.test.ts).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  CodeAction, CodeActionRequest, CodeActionResolveRequest, ClientCapabilities, Diagnostic, TextDocumentEdit, TextEdit,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LspClient, ensureBuilt, ROOT } from "./lsp-client";

const PAYROLL = fs.readFileSync(path.join(ROOT, "samples/payroll.covenant"), "utf8");
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** What vscode-languageclient 9 announces for code actions, and the rest of the test client's usual capabilities. */
const RESOLVING: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    hover: { contentFormat: ["markdown"] },
    publishDiagnostics: { versionSupport: true },
    codeAction: {
      dataSupport: true,
      resolveSupport: { properties: ["edit"] },
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } },
    },
  },
};

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("x", "covenant", 1, text), edits);
}

function editsOf(action: CodeAction): { version: number | null; edits: TextEdit[] } {
  const change = (action.edit!.documentChanges as TextDocumentEdit[])[0];
  return { version: change.textDocument.version, edits: change.edits };
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe("protocol: code actions resolved on demand", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ capabilities: RESOLVING });
  });
  after(async () => client?.stop());

  const actionsAt = async (uri: string, d: Diagnostic | undefined, only?: string[]): Promise<CodeAction[]> =>
    (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d?.range ?? whole, context: { diagnostics: d ? [d] : [], only } })) as CodeAction[];
  const resolve = (action: CodeAction): Promise<CodeAction> => client.connection.sendRequest(CodeActionResolveRequest.type, action);

  it("announces resolveProvider, and leaves the fix text out of the diagnostics", async () => {
    assert.deepEqual(client.init!.capabilities.codeActionProvider, { codeActionKinds: ["quickfix", "source.fixAll.covenant"], resolveProvider: true });
    const uri = "file:///virtual/lazy-diagnostics.covenant";
    await client.open(uri, PAYROLL);
    const sla001 = (await client.waitForDiagnostics(uri, 1)).diagnostics.find((d) => d.code === "SLA001")!;
    assert.deepEqual(sla001.data, { code: "SLA001" });
    await client.close(uri);
  });

  it("lists a quick fix without its edit; resolving it gives the versioned edit, and applying it removes the finding", async () => {
    const uri = "file:///virtual/resolve.covenant";
    await client.open(uri, PAYROLL, 3);
    const sla001 = (await client.waitForDiagnostics(uri, 3)).diagnostics.find((d) => d.code === "SLA001")!;
    const actions = await actionsAt(uri, sla001);
    assert.ok(actions.length > 0);
    for (const a of actions) assert.equal(a.edit, undefined, `"${a.title}" carries its edit in the list`);
    const fix = actions.find((a) => a.kind === "quickfix" && a.diagnostics?.[0]?.code === "SLA001")!;
    assert.equal(fix.title, "Add `window monthly`");
    assert.ok(fix.data, "the action carries what resolve needs");

    const resolved = await resolve(fix);
    assert.equal(resolved.title, fix.title);
    const { version, edits } = editsOf(resolved);
    assert.equal(version, 3);
    const fixed = apply(PAYROLL, edits);
    assert.ok(/window monthly/.test(fixed.slice(PAYROLL.indexOf("sla uptime"))), fixed);
    await client.change(uri, 4, [{ text: fixed }]);
    const after = (await client.waitForDiagnostics(uri, 4)).diagnostics;
    assert.ok(!codes(after).includes("SLA001"));
    assert.ok(!codes(after).some((c) => c.startsWith("SYN")), "the fix leaves no syntax error");
    await client.close(uri);
  });

  it("resolves fix-all of a kind and source.fixAll the same way", async () => {
    const uri = "file:///virtual/resolve-all.covenant";
    await client.open(uri, PAYROLL);
    const diags = (await client.waitForDiagnostics(uri, 1)).diagnostics;
    const esc008 = diags.filter((d) => d.code === "ESC008");
    assert.equal(esc008.length, 2);
    const all = (await actionsAt(uri, esc008[0])).find((a) => /^Fix all ESC008 in file \(2\)$/.test(a.title))!;
    assert.ok(all && all.edit === undefined);
    const allFixed = apply(PAYROLL, editsOf(await resolve(all)).edits);
    await client.change(uri, 2, [{ text: allFixed }]);
    const afterAll = (await client.waitForDiagnostics(uri, 2)).diagnostics;
    assert.ok(!codes(afterAll).includes("ESC008"), "both ESC008 findings fixed at once");

    const [source] = await actionsAt(uri, undefined, ["source.fixAll"]);
    assert.equal(source.kind, "source.fixAll.covenant");
    assert.equal(source.edit, undefined);
    const everything = apply(allFixed, editsOf(await resolve(source)).edits);
    await client.change(uri, 3, [{ text: everything }]);
    const end = (await client.waitForDiagnostics(uri, 3)).diagnostics;
    assert.ok(!codes(end).some((c) => c.startsWith("SYN") || c.startsWith("REF")), codes(end).join(" "));
    assert.ok(end.length < afterAll.length, `fixing all: ${afterAll.length} findings before, ${end.length} after`);
    await client.close(uri);
  });

  it("gives no edit for an action offered on an older version of the document, or on a closed one", async () => {
    const uri = "file:///virtual/stale.covenant";
    await client.open(uri, PAYROLL, 1);
    const sla001 = (await client.waitForDiagnostics(uri, 1)).diagnostics.find((d) => d.code === "SLA001")!;
    const fix = (await actionsAt(uri, sla001)).find((a) => a.diagnostics?.[0]?.code === "SLA001")!;
    // Two lines above everything: the offsets of version 1 would now land two lines too high.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// one\n// two\n" }]);
    const stale = await resolve(fix);
    assert.equal(stale.edit, undefined, `a stale resolve gave ${JSON.stringify(stale.edit)}`);
    assert.equal(stale.title, fix.title);
    assert.ok(client.logs.some((l) => /version 1/.test(l) && /not applied/.test(l)), "the log says why nothing was applied");

    // Asked again on the new version, the same fix resolves, at the shifted place.
    const now = (await client.waitForDiagnostics(uri, 2)).diagnostics.find((d) => d.code === "SLA001")!;
    const listed = (await actionsAt(uri, now)).find((a) => a.diagnostics?.[0]?.code === "SLA001")!;
    const fresh = await resolve(listed);
    const { version, edits } = editsOf(fresh);
    assert.equal(version, 2);
    assert.ok(/window monthly/.test(apply("// one\n// two\n" + PAYROLL, edits)));

    // An edit after the finding leaves its offsets as they were; the action still belongs to an older version.
    const end = { line: PAYROLL.split("\n").length + 1, character: 0 };
    await client.change(uri, 3, [{ range: { start: end, end }, text: "// three\n" }]);
    assert.equal((await resolve(listed)).edit, undefined, "an action of version 2 resolved on version 3");

    await client.close(uri);
    assert.equal((await resolve(fix)).edit, undefined, "no edit for a closed document");
  });

  it("rejects an action that is not one of the server's with InvalidParams", async () => {
    await assert.rejects(resolve({ title: "Something else", data: { whatever: true } }), (e: { code: number }) => e.code === -32602);
    await assert.rejects(resolve({ title: "No data" }), (e: { code: number }) => e.code === -32602);
  });
});
