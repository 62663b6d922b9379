// "Covenant: New Contract…" with its answers given writes a contract that shows no problem, and the
// walkthrough that starts with it is listed and opens.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, codeOf, diagnosticsWhen, eventually, requireCommand, workspaceUri } from "./helpers";
import { askPage, skipWithoutPage } from "./page";
import { runWithoutQuestions } from "./t1";

const NEW_CONTRACT = "covenant.newContract";
const WALKTHROUGH = "covenant.covenant#getting-started";

describe("New Contract and the walkthrough", () => {
  before(activateExtension);

  it(`registers "${NEW_CONTRACT}"`, async () => {
    await requireCommand(NEW_CONTRACT);
  });

  it("New Contract with given answers writes a contract that shows no problems", async () => {
    const uri = workspaceUri("new-deal.covenant");
    await runWithoutQuestions(NEW_CONTRACT, {
      kind: "managed-services", customer: "Northwind Traders", supplier: "Acme Services Ltd",
      law: "England and Wales", region: "GB-ENG", uri: uri.toString(),
    });
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString("utf8");
    assert.match(text, /^contract northwind-traders-acme-services-msa "Acme Services Ltd Managed Services Agreement for Northwind Traders" \{$/m);
    assert.match(text, /"TO DECIDE: operations lead of Northwind Traders"/);
    const editor = await eventually(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === uri.toString());
    assert.ok(editor, "the new contract was not opened in an editor");

    // The server is analysing it: removing the cap of the service level brings SLA003, restoring it clears it.
    const cap = editor.document.getText().indexOf("      cap 15%\n");
    assert.ok(cap > 0, "the contract has no cap line");
    const capLine = editor.document.positionAt(cap).line;
    await editor.edit((edit) => edit.delete(editor.document.lineAt(capLine).rangeIncludingLineBreak));
    const warned = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === "SLA003"));
    assert.deepEqual(warned.map(codeOf), ["SLA003"], "deleting the cap line does not raise SLA003 alone");
    await vscode.commands.executeCommand("undo");
    const clean = await diagnosticsWhen(uri, (d) => d.length === 0);
    assert.deepEqual(clean.map((d) => `${codeOf(d)} ${d.message}`), [], "the new contract shows problems");
    assert.equal(editor.document.getText(), text);
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  it("refuses to write over an existing file when the answers name it", async () => {
    const uri = workspaceUri("northwind.covenant");
    const before = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString("utf8");
    const written = await vscode.commands.executeCommand(NEW_CONTRACT, {
      kind: "saas", customer: "A", supplier: "B", law: "Ireland", region: "IE", uri: uri.toString(),
    });
    assert.equal(written, undefined);
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString("utf8"), before);
  });

  it("the walkthrough is listed among the walkthroughs and opens with its four steps", async function () {
    skipWithoutPage(this);
    await vscode.commands.executeCommand("welcome.showAllWalkthroughs");
    const rows = await eventually(
      () => askPage<string[]>("text", { selector: ".quick-input-widget .monaco-list-row" }),
      (r) => r.some((row) => row.includes("Get started with Covenant")),
    );
    await askPage("press", { keys: "Escape" });
    assert.ok(rows.some((row) => row.includes("Get started with Covenant")), `walkthroughs listed: ${rows.join(" | ") || "none"}`);

    await vscode.commands.executeCommand("workbench.action.openWalkthrough", WALKTHROUGH, false);
    const steps = ["Create a contract", "See and fix a finding", "Simulate an escalation", "Export the governance schedule"];
    const shown = await eventually(
      () => askPage<string[]>("text", { selector: ".gettingStartedContainer" }),
      (t) => t.some((text) => steps.every((step) => text.includes(step))),
    );
    const page = shown.find((text) => text.includes("Get started with Covenant")) ?? shown.join("\n");
    for (const step of steps) assert.ok(page.includes(step), `the walkthrough does not show "${step}":\n${page}`);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });
});
