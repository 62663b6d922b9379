// "Covenant: Record Event…" in the real VS Code: on the sample log, whose matter invoice-dispute stands at
// the management tier past its deadline (MAT001), the command palette runs the command, its quick picks
// choose the matter, `escalated` and the executive tier, and MAT001 goes once the line is in; the status
// bar's matter count follows.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, codeOf, diagnosticsWhen, eventually, openSample, requireCommand } from "./helpers";
import { askPage, skipWithoutPage } from "./page";

const RECORD = "covenant.recordEvent";

interface QuickInput {
  visible: boolean;
  title: string;
  placeholder: string;
  value: string;
}

/** Waits for the quick pick whose placeholder matches, types a filter and takes the first row. */
async function choose(placeholder: RegExp, filter: string): Promise<void> {
  const quick = await eventually(
    () => askPage<QuickInput>("quickInput"),
    (q) => q.visible && placeholder.test(q.placeholder),
    15_000,
  );
  assert.ok(quick.visible && placeholder.test(quick.placeholder), `no quick pick asking ${placeholder}: ${JSON.stringify(quick)}`);
  await askPage("type", { text: filter });
  const rows = await eventually(
    () => askPage<string[]>("text", { selector: ".quick-input-widget .monaco-list-row" }),
    (r) => r.length > 0 && r[0].includes(filter),
  );
  assert.ok(rows[0]?.includes(filter), `the first row for "${filter}" is ${JSON.stringify(rows)}`);
  await askPage("press", { keys: "Enter" });
}

describe("Record Event", () => {
  before(activateExtension);

  it(`registers "${RECORD}"`, async () => {
    await requireCommand(RECORD);
  });

  it("records an escalation from the command palette, and the matter's MAT001 goes", async function () {
    skipWithoutPage(this);
    this.timeout(90_000);
    const editor = await openSample("northwind-log.covenant");
    const uri = editor.document.uri;
    const before = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === "MAT001"));
    assert.equal(before.filter((d) => codeOf(d) === "MAT001").length, 1, "the sample has one MAT001 (invoice-dispute)");

    let ok = false;
    try {
      await recordEscalation(editor, uri);
      ok = true;
    } finally {
      if (!ok) await askPage("screenshot", { name: "record-event-failed" }).catch(() => undefined);
      // Whatever happened, no question stays open and the sample is left as it was (a later reload must not ask to save).
      for (let i = 0; i < 3 && (await askPage<QuickInput>("quickInput")).visible; i++) await askPage("press", { keys: "Escape" });
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand("workbench.action.files.revert");
    }
  });
});

async function recordEscalation(editor: vscode.TextEditor, uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.quickOpen", ">Covenant: Record Event");
  const palette = await eventually(
    () => askPage<string[]>("text", { selector: ".quick-input-widget .monaco-list-row" }),
    (r) => r.some((row) => row.includes("Covenant: Record Event")),
  );
  assert.ok(palette.some((row) => row.includes("Covenant: Record Event")), `the palette shows ${JSON.stringify(palette)}`);
  await askPage("press", { keys: "Enter" });
  await choose(/^Record in the log of northwind-msa/, "invoice-dispute");
  await choose(/^What happened in matter 'invoice-dispute'/, "escalated");
  await choose(/^Escalate 'invoice-dispute' to/, "executive");

  // The matter's own text (idp-outage already has an escalation to executive).
  const matterText = (t: string): string => t.slice(t.indexOf("matter invoice-dispute"), t.indexOf("signal 2025-11-04"));
  const asked = Date.now();
  const matter = await eventually(() => matterText(editor.document.getText()), (t) => / to executive/.test(t), 30_000);
  const waited = Date.now() - asked;
  assert.match(matter, /\.md" \/\/ expect: MAT007\r?\n {4}escalated \d{4}-\d\d-\d\d \d\d:\d\d to executive\r?\n {2}\}/, `the line goes after the matter's last event (waited ${waited} ms):\n${matter}`);
  const after = await diagnosticsWhen(uri, (d) => !d.some((x) => codeOf(x) === "MAT001"));
  assert.deepEqual(after.filter((d) => codeOf(d) === "MAT001").map((d) => d.message), [], "MAT001 is still there");
  // The status bar counts the matters again: sso-migration is still past its deadline, invoice-dispute no longer.
  const items = await eventually(
    () => askPage<string[]>("text", { selector: ".statusbar-item" }),
    (t) => t.some((x) => x.includes("2 matters open, 1 overdue")),
  );
  assert.ok(items.some((x) => x.includes("2 matters open, 1 overdue")), `the status bar shows ${JSON.stringify(items.filter((x) => x.includes("matter")))}`);
}
