// Scenario 7: checks through the rendered page. The Problems panel lists payroll's findings, and a
// screenshot shows a contract with its simulation beside it (test/e2e/artifacts/, and the README's picture).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, compareWithExpectations, diagnosticsWhen, expectations, openSample } from "./helpers";
import { askPage, skipWithoutPage, type FrameText } from "./page";
import { simulateT1 } from "./t1";

describe("the window as a user sees it", () => {
  before(activateExtension);

  it("the Problems panel lists payroll's findings", async function () {
    skipWithoutPage(this);
    const document = (await openSample("payroll.covenant")).document;
    const expected = expectations(document.getText());
    const diagnostics = await diagnosticsWhen(document.uri, (ds) => compareWithExpectations(expected, ds).missing.length === 0);
    const codes = [...new Set([...expected.values()].flat())].sort();

    await vscode.commands.executeCommand("workbench.action.focusActiveEditorGroup");
    await askPage("press", { keys: "Control+Shift+M" });
    const rows = await askPage<string[]>("problemRows");
    // a file's row ("payroll.covenant 28") is followed by one row per finding, up to the next file's row
    const isFile = (row: string) => /\.covenant\s+\d+$/.test(row);
    const start = rows.findIndex((row) => isFile(row) && row.startsWith("payroll.covenant"));
    assert.ok(start >= 0, `the panel does not list payroll.covenant:\n${rows.join("\n")}`);
    const end = rows.findIndex((row, i) => i > start && isFile(row));
    const rowsOfFile = rows.slice(start + 1, end < 0 ? undefined : end);
    const shown = rowsOfFile.join("\n");
    // A finding's row ends "covenant CODE [Ln l, Col c]"; under it, its related places ("payroll.covenant [Ln
    // 66, Col 16] : Vic Olsen (vic) at the first tier 'ops'" under ESC002: the other end of the ladder).
    const payroll = rowsOfFile.filter((row) => /\bcovenant [A-Z]{3}\d{3} \[Ln \d+, Col \d+\]$/.test(row));
    assert.deepEqual(codes.filter((code) => !shown.includes(code)), [], `payroll's rows:\n${shown}`);
    assert.equal(payroll.length, diagnostics.length, `payroll's rows:\n${shown}`);
    assert.ok(rowsOfFile.some((row) => /^payroll\.covenant \[Ln \d+, Col \d+\] : .*at the first tier 'ops'$/.test(row)), `ESC002's related place is not listed:\n${shown}`);
  });

  it("a screenshot shows the contract with its simulation beside it", async function () {
    skipWithoutPage(this);
    await simulateT1();
    // the contract's ladder at the top of the editor, next to the simulation it produced
    const editor = await openSample("northwind.covenant");
    const ladderLine = editor.document.getText().split("\n").findIndex((l) => l.startsWith("  escalation standard"));
    editor.revealRange(new vscode.Range(ladderLine, 0, ladderLine + 30, 0), vscode.TextEditorRevealType.AtTop);
    editor.selection = new vscode.Selection(ladderLine, 2, ladderLine, 2);
    const frames = await askPage<FrameText[]>("frames", { expect: ["Jo Lee", "Carla Diaz"] });
    assert.ok(frames.some((f) => f.text.includes("Jo Lee")), "the simulation is not on screen");

    const shot = await askPage<{ file: string; bytes: number }>("screenshot", {
      name: "editor-with-simulation",
      readme: true,
    });
    assert.ok(shot.bytes > 20_000, `the screenshot ${shot.file} is suspiciously small (${shot.bytes} bytes)`);
  });
});
