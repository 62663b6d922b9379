// Definition, references, highlights and rename over the protocol, across files that import each other.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  DefinitionRequest, ReferencesRequest, RenameRequest, PrepareRenameRequest, Location, WorkspaceEdit, TextDocumentEdit, DocumentHighlightRequest,
} from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, FIXTURES as ALL_FIXTURES, fileUri, positionAt } from "./lsp-client";

/** A workspace of three files: an org file and two contracts that import it. */
const FIXTURES = path.join(ALL_FIXTURES, "workspace");
const read = (rel: string): string => fs.readFileSync(path.join(FIXTURES, rel), "utf8");
const MSA = read("msa.covenant");
const ORG = read("org/acme.covenant");
const msaUri = fileUri(path.join(FIXTURES, "msa.covenant"));
const orgUri = fileUri(path.join(FIXTURES, "org/acme.covenant"));
const secondUri = fileUri(path.join(FIXTURES, "second.covenant"));

/** The position of the `nth` occurrence of `needle` in `text`, plus `into` characters. */
function at(text: string, needle: string, into = 1, nth = 1): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `'${needle}' not in the fixture`);
  return positionAt(text, i + into);
}

const where = (locs: Location[]): string[] => locs.map((l) => `${path.basename(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();

describe("protocol: navigation and rename", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: FIXTURES });
    await client.open(msaUri, MSA);
    await client.waitForDiagnostics(msaUri, 1);
  });
  after(async () => client?.stop());

  it("goes from a tier's role to its declaration in the imported org file", async () => {
    const locs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "customer ops", 10) })) as Location[];
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, orgUri);
    assert.deepEqual(locs[0].range.start, at(ORG, "role ops", 5, 1));
  });

  it("goes from an import's path to the file, from `then` to the dispute step, from `forum` to the board", async () => {
    const imp = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "org/acme") })) as Location[];
    assert.equal(imp[0].uri, orgUri);
    const then = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "then mediation", 6) })) as Location[];
    assert.deepEqual(then[0].range.start, at(MSA, "mediation {", 0));
    const forum = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "forum ops-review", 8) })) as Location[];
    assert.deepEqual(forum[0].range.start, at(MSA, "board ops-review", 6));
  });

  it("finds every reference to a shared role, in the org file and in every contract that imports it", async () => {
    const locs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "customer ops", 10), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(where(locs), ["acme.covenant:8:8", "msa.covenant:26:20", "msa.covenant:39:16", "msa.covenant:60:27", "second.covenant:11:30"]);
    const without = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "customer ops", 10), context: { includeDeclaration: false } })) as Location[];
    assert.equal(without.length, 4);
  });

  it("keeps a contract's own names to that contract", async () => {
    const locs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "supplier csm", 10), context: { includeDeclaration: true } })) as Location[];
    assert.ok(locs.every((l) => l.uri === msaUri));
    assert.equal(locs.length, 5);
  });

  it("highlights the occurrences of a name in the document", async () => {
    const hs = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "board exec-board", 7) });
    assert.equal(hs!.length, 2);
  });

  it("renames a shared role in the org file and in every importer, with the open document's version", async () => {
    const prep = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "customer ops", 10) });
    assert.deepEqual(prep, { range: { start: at(MSA, "customer ops", 9), end: at(MSA, "customer ops", 12) }, placeholder: "ops" });
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "customer ops", 10), newName: "ops-lead" })) as WorkspaceEdit;
    const changes = edit.documentChanges as TextDocumentEdit[];
    const byFile = new Map(changes.map((c) => [c.textDocument.uri, c]));
    assert.deepEqual([...byFile.keys()].sort(), [msaUri, secondUri, orgUri].sort());
    assert.equal(byFile.get(msaUri)!.textDocument.version, 1, "the open document's version");
    assert.equal(byFile.get(orgUri)!.textDocument.version, null, "a file not open has no version");
    assert.equal(byFile.get(msaUri)!.edits.length, 3);
    assert.equal(byFile.get(orgUri)!.edits.length, 1);
    assert.equal(byFile.get(secondUri)!.edits.length, 1);
    assert.ok([...byFile.values()].every((c) => c.edits.every((e) => e.newText === "ops-lead")));
  });

  it("renames a party where it is named as a qualifier too", async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "party nimbus", 7), newName: "cumulus" })) as WorkspaceEdit;
    const edits = (edit.documentChanges as TextDocumentEdit[])[0].edits;
    // The declaration, two board members and `minutes by nimbus.csm`.
    assert.equal(edits.length, 4);
  });

  it("refuses a new name that is not a name, that clashes, or that would make a bare name ambiguous", async () => {
    const rename = (pos: { line: number; character: number }, newName: string): Promise<unknown> =>
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: msaUri }, position: pos, newName }).then(() => "accepted", (e: Error) => e.message);
    assert.match(String(await rename(at(MSA, "customer ops", 10), "ops lead")), /not a name/);
    assert.match(String(await rename(at(MSA, "customer ops", 10), "2ops")), /not a name/);
    assert.match(String(await rename(at(MSA, "customer ops", 10), "mgmt")), /already a role named 'mgmt' in party 'acme'/);
    assert.match(String(await rename(at(MSA, "board ops-review", 8), "exec-board")), /already a board named 'exec-board'/);
    assert.match(String(await rename(at(MSA, "tier management", 7), "executive")), /already a tier named 'executive'/);
    // Acme's `mgmt` renamed to `support` would make the service's bare `owner support` ambiguous (REF003).
    assert.match(String(await rename(at(MSA, "customer mgmt", 10), "support")), /both 'acme' and 'nimbus'/);
    // Inside a tier a bare name looks on its own side only: Nimbus's `csm` may become `ops`.
    assert.equal(await rename(at(MSA, "role csm", 6), "ops"), "accepted");
  });

  it("refuses to rename a dispute step, and offers nothing to rename on a keyword", async () => {
    const step = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "then mediation", 7) }).then(() => "accepted", (e: Error) => e.message);
    assert.match(String(step), /cannot be renamed/);
    const keyword = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: msaUri }, position: at(MSA, "meets weekly", 1) });
    assert.equal(keyword, null);
  });
});
