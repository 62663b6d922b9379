// Scenario 4: Format Document leaves a sample in canonical layout unchanged and re-indents a mangled copy.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, copySample, eventually, workspaceUri } from "./helpers";

const CANONICAL = "northwind.covenant";
const OPTIONS: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };

/** Every line's indentation changed: removed, widened, or a tab put in front. */
const mangle = (text: string) =>
  text
    .split("\n")
    .map((line, i) => (i % 3 === 0 ? line.trimStart() : i % 3 === 1 ? `      ${line.trimStart()}` : `\t${line}`))
    .join("\n");

// VS Code answers undefined both when no formatter is registered and when the formatter changes nothing.
const formatEdits = async (uri: vscode.Uri) =>
  (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>("vscode.executeFormatDocumentProvider", uri, OPTIONS)) ?? [];

/** Formats the document as Format Document would, returns its text before and after, and reverts it. */
async function formatted(uri: vscode.Uri): Promise<{ before: string; after: string }> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  const before = document.getText();
  const edits = await formatEdits(uri);
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(uri, edits);
  const applied = edits.length === 0 || (await vscode.workspace.applyEdit(workspaceEdit));
  const after = document.getText();
  // back to the file on disk, so that later scenarios see the sample as shipped
  await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  assert.ok(applied, "the editor refused the formatting edits");
  return { before, after };
}

describe("formatting", () => {
  let canonical: string;
  let mangled: vscode.Uri;

  before(async () => {
    await activateExtension();
    canonical = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(CANONICAL))).toString("utf8");
    mangled = await copySample(CANONICAL, "mis-indented.covenant", mangle);
    await vscode.workspace.openTextDocument(mangled);
    // the language client registers its formatter once the server has started
    const edits = await eventually(() => formatEdits(mangled), (e) => e.length > 0);
    assert.ok(edits.length > 0, "no document formatter answers for Covenant");
  });

  after(async () => {
    await vscode.workspace.fs.delete(mangled);
  });

  it("re-indents a copy whose indentation was mangled back to the canonical layout", async () => {
    const { before, after } = await formatted(mangled);
    assert.notEqual(before, canonical, "the copy was not mangled");
    assert.equal(after, canonical);
  });

  it(`leaves ${CANONICAL}, already in canonical layout, unchanged`, async () => {
    const { before, after } = await formatted(workspaceUri(CANONICAL));
    assert.equal(after, before);
  });
});
