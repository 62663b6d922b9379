// Scenario 3: the DSP001 quick fix on handshake.covenant inserts a dispute block and DSP001 goes away.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, codeOf, copySample, diagnosticsWhen } from "./helpers";

describe("quick fix DSP001 (handshake.covenant)", () => {
  let document: vscode.TextDocument;
  let dsp001: vscode.Diagnostic | undefined;

  before(async () => {
    await activateExtension();
    // a copy, so that the other scenarios still see the sample as shipped
    const uri = await copySample("handshake.covenant", "handshake-fix.covenant");
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const found = await diagnosticsWhen(uri, (ds) => ds.some((d) => codeOf(d) === "DSP001"));
    dsp001 = found.find((d) => codeOf(d) === "DSP001");
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    await vscode.workspace.fs.delete(document.uri);
  });

  it("inserts a dispute block with mediation, then arbitration, and DSP001 disappears", async () => {
    assert.ok(dsp001, "handshake.covenant shows no DSP001 finding");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      document.uri,
      dsp001.range,
      vscode.CodeActionKind.QuickFix.value,
      // the server sends quick fixes without their edits to VS Code; the lightbulb resolves the one picked, this command only those counted here
      10,
    );
    // the command's results do not carry CodeAction.diagnostics, so the fix is known by its title
    const fix = (actions ?? []).find((a) => /dispute/i.test(a.title) && !/^fix all/i.test(a.title));
    assert.ok(fix, `no quick fix for DSP001; actions offered: ${(actions ?? []).map((a) => a.title).join(", ")}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), "the editor refused the fix's edit");
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    const text = document.getText();
    const dispute = /\bdispute\s*\{[\s\S]*?\bmediation\b[\s\S]*?\barbitration\s*\{[\s\S]*?\brules\b[\s\S]*?\bseat\b/.exec(text);
    assert.ok(dispute, `no dispute block with mediation, then arbitration with rules and seat:\n${text}`);

    const after = await diagnosticsWhen(document.uri, (ds) => !ds.some((d) => codeOf(d) === "DSP001"));
    const codes = after.map(codeOf);
    assert.ok(!codes.includes("DSP001"), `DSP001 is still reported: ${codes.join(" ")}`);
    const broken = codes.filter((code) => /^(SYN|REF|VAL)/.test(code));
    assert.deepEqual(broken, [], "the inserted block is not valid Covenant");
    assert.ok(codes.includes("ESC001"), `the other findings should remain (got ${codes.join(" ")})`);
  });
});
