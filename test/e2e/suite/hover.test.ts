// Scenario 2: hovering over the role a tier names shows who holds it and who deputises.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, hoverText, openSample, positionOf } from "./helpers";

describe("hover over a tier's role", () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = (await openSample("payroll.covenant")).document;
  });

  const hoverAt = (position: vscode.Position) =>
    eventually(
      async () =>
        hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, position)),
      (text) => text.length > 0,
    );

  it("shows the customer role's holder and deputy (tier ops: it-ops)", async () => {
    const text = await hoverAt(positionOf(document, "customer it-ops", "it-ops", 2));
    assert.match(text, /Nia Shah/, `hover text:\n${text}`);
    assert.match(text, /deputy[^\n]*Kim Marsh|Kim Marsh[^\n]*deputy/i, `hover text:\n${text}`);
  });

  it("shows the supplier role's holder and deputy (tier ops: am)", async () => {
    const text = await hoverAt(positionOf(document, "supplier am", "am", 1));
    assert.match(text, /Vic Olsen/, `hover text:\n${text}`);
    assert.match(text, /deputy[^\n]*Wen Li|Wen Li[^\n]*deputy/i, `hover text:\n${text}`);
  });
});
