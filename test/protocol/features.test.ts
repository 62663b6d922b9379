// The editing features over the protocol: outline, workspace symbols, folding, semantic tokens, code
// actions, inlay hints, code lenses, document links, formatting, and completion while typing.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  DocumentSymbolRequest, DocumentSymbol, WorkspaceSymbolRequest, SymbolInformation, FoldingRangeRequest, SemanticTokensRequest,
  CodeActionRequest, CodeAction, InlayHintRequest, CodeLensRequest, DocumentLinkRequest, DocumentFormattingRequest,
  DocumentRangeFormattingRequest, CompletionRequest, CompletionList, TextDocumentEdit, TextEdit, SymbolKind, InitializeResult,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LspClient, ensureBuilt, FIXTURES, ROOT, fileUri, markers, positionAt } from "./lsp-client";

const WORKSPACE = path.join(FIXTURES, "workspace");
const MSA = fs.readFileSync(path.join(WORKSPACE, "msa.covenant"), "utf8");
const msaUri = fileUri(path.join(WORKSPACE, "msa.covenant"));
const SAMPLE = (name: string): string => fs.readFileSync(path.join(ROOT, "samples", name), "utf8");
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("x", "covenant", 1, text), edits);
}

describe("protocol: editing features", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: WORKSPACE });
    await client.open(msaUri, MSA);
    await client.waitForDiagnostics(msaUri, 1);
  });
  after(async () => client?.stop());

  it("outlines contract > parties > people and roles, services > SLAs, boards, ladders > tiers, dispute steps", async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: msaUri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const contract = symbols[0];
    assert.equal(contract.name, "hosting");
    assert.equal(contract.kind, SymbolKind.Namespace);
    const names = contract.children!.map((c) => c.name);
    assert.deepEqual(names, ["nimbus", "hosting", "ops-review", "exec-board", "standard", "expedited", "dispute"]);
    const nimbus = contract.children![0];
    assert.deepEqual(nimbus.children!.map((c) => `${c.name}:${c.kind}`), ["fong:13", "gray:13", "hill:13", "csm:8", "support:8", "coo:8"]);
    const standard = contract.children!.find((c) => c.name === "standard")!;
    assert.deepEqual(standard.children!.map((c) => c.name), ["operational", "management", "executive"]);
    assert.deepEqual(contract.children!.find((c) => c.name === "dispute")!.children!.map((c) => c.name), ["mediation", "arbitration"]);
    for (const s of [contract, ...contract.children!]) {
      const inside = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(inside(s.range.start, s.selectionRange.start) && inside(s.selectionRange.end, s.range.end), `${s.name}: selection inside range`);
    }
  });

  it("finds symbols across the workspace, including files never opened", async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "mokafor" })) as SymbolInformation[];
    assert.deepEqual(found.map((s) => `${s.name} in ${s.containerName} (${path.basename(s.location.uri)})`), ["mokafor in acme (acme.covenant)"]);
    const fuzzy = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "exbrd" })) as SymbolInformation[];
    assert.ok(fuzzy.some((s) => s.name === "exec-board"));
  });

  it("folds blocks and runs of comments", async () => {
    const text = '// one\n// two\n// three\ncontract c {\n  party p "P" customer {\n    person a "A"\n  }\n}\n';
    const uri = "file:///virtual/fold.covenant";
    await client.open(uri, text);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    await client.close(uri);
    assert.deepEqual(folds!.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ":" + f.kind : ""}`).sort(), ["0-2:comment", "3-6:region", "4-5:region"]);
  });

  it("marks names by what they name, and keywords as keywords even where a name could stand", async () => {
    const text = 'contract c {\n  customer review\n  party review "R" customer { person left "L" { left 2020-01-01 } role tier { holder left level operational } }\n}\n';
    const uri = "file:///virtual/tokens.covenant";
    await client.open(uri, text);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    await client.close(uri);
    const legend = (client.init as InitializeResult).capabilities.semanticTokensProvider!.legend;
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    const lines = text.split("\n");
    for (let i = 0; i < tokens!.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens!.data.slice(i, i + 5);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      const names = legend.tokenModifiers.filter((_, bit) => mods & (1 << bit));
      decoded.push(`${lines[line].slice(char, char + len)}:${legend.tokenTypes[type]}${names.length ? "+" + names.join("+") : ""}`);
    }
    for (const expected of ["contract:keyword", "c:contract+declaration", "customer:keyword", "review:party", "party:keyword", "review:party+declaration", "person:keyword", "left:person+declaration+deprecated", "left:keyword", "role:keyword", "tier:role+declaration", "holder:keyword", "left:person+deprecated", "operational:enumMember"]) {
      assert.ok(decoded.includes(expected), `${expected} missing from ${decoded.join(" ")}`);
    }
  });

  it("offers each finding's quick fix, fix-all of a kind, and source.fixAll, as versioned edits", async () => {
    const text = SAMPLE("payroll.covenant");
    const uri = "file:///virtual/fix.covenant";
    await client.open(uri, text, 3);
    const diags = (await client.waitForDiagnostics(uri, 3)).diagnostics;
    const sla001 = diags.find((d) => d.code === "SLA001")!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sla001.range, context: { diagnostics: [sla001] } })) as CodeAction[];
    const fix = actions.find((a) => a.kind === "quickfix" && a.diagnostics?.[0]?.code === "SLA001");
    assert.ok(fix, `no SLA001 fix among ${actions.map((a) => a.title).join(", ")}`);
    const change = (fix.edit!.documentChanges as TextDocumentEdit[])[0];
    assert.equal(change.textDocument.version, 3);
    const fixed = apply(text, change.edits);
    assert.ok(/window monthly/.test(fixed.slice(text.indexOf("sla uptime"))));
    // The fixed text no longer has SLA001.
    await client.change(uri, 4, [{ text: fixed }]);
    const after = (await client.waitForDiagnostics(uri, 4)).diagnostics;
    assert.ok(!after.some((d) => d.code === "SLA001"));
    assert.ok(after.some((d) => d.code === "SYN001") === false, "the fix leaves no syntax error");

    const esc008 = after.filter((d) => d.code === "ESC008");
    assert.equal(esc008.length, 2);
    const forOne = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: esc008[0].range, context: { diagnostics: [esc008[0]] } })) as CodeAction[];
    const all = forOne.find((a) => /^Fix all ESC008/.test(a.title));
    assert.ok(all, `no fix-all among ${forOne.map((a) => a.title).join(", ")}`);
    const allFixed = apply(fixed, (all.edit!.documentChanges as TextDocumentEdit[])[0].edits);
    await client.change(uri, 5, [{ text: allFixed }]);
    const afterAll = (await client.waitForDiagnostics(uri, 5)).diagnostics;
    assert.ok(!afterAll.some((d) => d.code === "ESC008"), "both ESC008 findings fixed at once");
    assert.ok(!afterAll.some((d) => d.code === "SYN001"));

    const source = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ["source.fixAll"] } })) as CodeAction[];
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, "source.fixAll.covenant");
    const everything = apply(allFixed, (source[0].edit!.documentChanges as TextDocumentEdit[])[0].edits);
    await client.change(uri, 6, [{ text: everything }]);
    const end = (await client.waitForDiagnostics(uri, 6)).diagnostics;
    assert.ok(!end.some((d) => String(d.code).startsWith("SYN") || String(d.code).startsWith("REF")), end.map((d) => d.code).join(" "));
    assert.ok(end.length < afterAll.length, `fixing all: ${afterAll.length} findings before, ${end.length} after`);
    await client.close(uri);
  });

  it("shows the time since the matter was raised after each tier's `within`", async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: msaUri }, range: whole });
    assert.deepEqual(hints!.map((h) => `${h.position.line + 1}:${h.label}`), [
      "41:→ business day 5", "47:→ business day 15", "52:→ business day 25", "60:→ business hour 4", "61:→ business hour 8 (1 business day)",
    ]);
    const line = MSA.split("\n")[40];
    assert.equal(line.slice(0, hints![0].position.character).trimStart(), "within 5 business days");
  });

  it("puts Preview path and Simulate above each ladder, with the document and the ladder as arguments", async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: msaUri } });
    assert.deepEqual(lenses!.map((l) => `${l.range.start.line + 1} ${l.command!.title} ${l.command!.command} ${JSON.stringify(l.command!.arguments)}`), [
      `37 Preview path covenant.previewEscalation ["${msaUri}","standard"]`,
      `37 Simulate covenant.simulateEscalation ["${msaUri}","standard"]`,
      `58 Preview path covenant.previewEscalation ["${msaUri}","expedited"]`,
      `58 Simulate covenant.simulateEscalation ["${msaUri}","expedited"]`,
    ]);
  });

  it("links emails to mailto: and imports to the file", async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: msaUri } });
    assert.deepEqual(links!.map((l) => l.target), [fileUri(path.join(WORKSPACE, "org/acme.covenant")), "mailto:fay@nimbus.example"]);
    const first = links![0];
    assert.equal(MSA.split("\n")[0].slice(first.range.start.character, first.range.end.character), "org/acme.covenant");
  });

  it("formats a document and a range into the canonical layout, and leaves a broken one alone", async () => {
    const { text } = markers('contract  c   {\n    kind saas\n customer a\n  party a "A" customer { person p "P" }\n}\n');
    const uri = "file:///virtual/format.covenant";
    await client.open(uri, text);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const formatted = apply(text, edits!);
    assert.equal(formatted, 'contract c {\n  kind saas\n  customer a\n  party a "A" customer { person p "P" }\n}\n');
    const ranged = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, options: { tabSize: 2, insertSpaces: true } });
    const partly = apply(text, ranged!);
    assert.ok(partly.includes("\n  customer a\n"), partly);
    assert.ok(partly.includes("\n    kind saas\n"), "lines outside the range stay as they are");
    await client.close(uri);

    const broken = "contract c {\n  kind\n";
    await client.open("file:///virtual/broken-format.covenant", broken);
    const none = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: "file:///virtual/broken-format.covenant" }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(none, []);
    await client.waitFor(() => client.messages.some((m) => /syntax error/.test(m.message)), "a warning about the syntax error");
    assert.ok(client.messages.some((m) => /syntax error/.test(m.message)), "the user is told why nothing happened");
  });

  it("completes in a half-typed ladder at the end of the file, from what was analysed before the braces went", async () => {
    const file = path.join(FIXTURES, "typing/typing.covenant");
    const { text, offsets } = markers(fs.readFileSync(file, "utf8"));
    const uri = fileUri(file);
    const closed = text.slice(0, offsets[0]) + "csm\n    }\n  }\n}\n";
    await client.open(uri, closed, 1);
    await client.waitForDiagnostics(uri, 1);
    await client.change(uri, 2, [{ text }]);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offsets[0]) })) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label), ["csm"]);
    await client.close(uri);
  });

  it("offers whole blocks as snippets filled from the contract's roles", async () => {
    const { text, offsets } = markers(MSA.replace("  dispute {", "  <|>\n  dispute {"));
    const uri = "file:///virtual/snippet.covenant";
    await client.open(uri, text.replace('import "org/acme.covenant"', `import "${fileUri(path.join(WORKSPACE, "org/acme.covenant"))}"`));
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offsets[0]) })) as CompletionList;
    const ladder = list.items.find((i) => i.label === "escalation (three tiers)")!;
    assert.equal(ladder.insertTextFormat, 2);
    const body = (ladder.textEdit as TextEdit).newText;
    assert.match(body, /tier operational \{\n {4}customer \$\{3:ops\}\n {4}supplier \$\{4:csm\}/);
    assert.match(body, /tier executive \{\n {4}customer \$\{9:exec\}\n {4}supplier \$\{10:coo\}/);
    assert.match(body, /then \$\{12:mediation\}/);
    assert.ok(!list.items.some((i) => i.label.startsWith("dispute")), "the contract has a dispute block already");
    assert.ok(list.items.some((i) => i.label === "continuity (services continue)"));
    await client.close(uri);
  });
});
