// The status bar item: the active Covenant file's error, warning and info counts, and for a log its open
// and overdue matters (asked of the server when the file's diagnostics change); a click opens Problems.
import * as path from "node:path";
import * as vscode from "vscode";
import { MatterCountsRequest } from "../../server/src/wire/log";
import { countFindings, matterText, statusDescription, statusText } from "./finding-counts";
import type { CovenantServer } from "./language-server";

export function registerFindingStatus(context: vscode.ExtensionContext, server: CovenantServer): void {
  // On the right, with the language's other items; VS Code's workspace-wide problem count is on the left.
  const item = vscode.window.createStatusBarItem("covenant.findings", vscode.StatusBarAlignment.Right, 100);
  item.name = "Covenant Findings";
  item.command = { title: "Open Problems", command: "workbench.actions.view.problems" };

  let asked = 0;
  const lastMatters = new Map<string, string>();
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== "covenant") {
      item.hide();
      return;
    }
    const counts = countFindings(vscode.languages.getDiagnostics(document.uri).map((d) => d.severity));
    const description = statusDescription(counts, path.basename(document.uri.path));
    const show = (matters?: string): void => {
      item.text = statusText(counts) + (matters ? ` $(issues) ${matters}` : "");
      const said = `Covenant findings in ${description}${matters ? `; ${matters}` : ""}`;
      item.tooltip = `${said}. Click to open the Problems panel.`;
      item.accessibilityInformation = { label: said, role: "button" };
      item.show();
    };
    show(lastMatters.get(document.uri.toString()));
    // The server knows the log's matters; the answer that comes last for the active file wins.
    const n = ++asked;
    server.request(MatterCountsRequest, { uri: document.uri.toString() }).then(
      (m) => {
        const text = matterText(m);
        if (text) lastMatters.set(document.uri.toString(), text);
        else lastMatters.delete(document.uri.toString());
        if (n === asked && vscode.window.activeTextEditor?.document === document) show(text);
      },
      () => undefined, // no server: the findings alone
    );
  };


  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      // A file whose language changes to covenant is reopened under the new language id.
      if (d === vscode.window.activeTextEditor?.document) update();
    }),
  );
  update();
}
