// Scenario 4: Format Document leaves a sample in canonical layout unchanged and re-indents a mangled copy.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, copySample, workspaceUri } from "./helpers";

const CANONICAL = "northwind.covenant";
const OPTIONS: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };

async function formatted(uri: vscode.Uri): Promise<{ before: string; after: string }> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  const before = document.getText();
  const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
    "vscode.executeFormatDocumentProvider",
    uri,
    OPTIONS,
  );
  // undefined means no formatter answered: a file left "unchanged" by nobody proves nothing
  assert.ok(Array.isArray(edits), "no document formatter is registered for Covenant");
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(uri, edits);
  const applied = await vscode.workspace.applyEdit(workspaceEdit);
  const after = document.getText();
  // back to the file on disk, so that later scenarios see the sample as shipped
  await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  assert.ok(applied, "the editor refused the formatting edits");
  return { before, after };
}

describe("formatting", () => {
  before(activateExtension);

  it(`leaves ${CANONICAL}, already in canonical layout, unchanged`, async () => {
    const { before, after } = await formatted(workspaceUri(CANONICAL));
    assert.equal(after, before);
  });

  it("re-indents a copy whose indentation was mangled back to the canonical layout", async () => {
    const canonical = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(CANONICAL))).toString("utf8");
    const mangle = (text: string) =>
      text
        .split("\n")
        .map((line, i) => (i % 3 === 0 ? line.trimStart() : i % 3 === 1 ? `      ${line.trimStart()}` : `\t${line}`))
        .join("\n");
    const uri = await copySample(CANONICAL, "mis-indented.covenant", mangle);
    const { before, after } = await formatted(uri);
    assert.notEqual(before, canonical, "the copy was not mangled");
    assert.equal(after, canonical);
  });
});
