// The status bar item: the active Covenant file's error, warning and info counts; a click opens Problems.
import * as path from "node:path";
import * as vscode from "vscode";
import { countFindings, statusDescription, statusText } from "./finding-counts";

export function registerFindingStatus(context: vscode.ExtensionContext): void {
  // On the right, with the language's other items; VS Code's workspace-wide problem count is on the left.
  const item = vscode.window.createStatusBarItem("covenant.findings", vscode.StatusBarAlignment.Right, 100);
  item.name = "Covenant Findings";
  item.command = { title: "Open Problems", command: "workbench.actions.view.problems" };

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== "covenant") {
      item.hide();
      return;
    }
    const counts = countFindings(vscode.languages.getDiagnostics(document.uri).map((d) => d.severity));
    const description = statusDescription(counts, path.basename(document.uri.path));
    item.text = statusText(counts);
    item.tooltip = `Covenant findings in ${description}. Click to open the Problems panel.`;
    item.accessibilityInformation = { label: `Covenant findings in ${description}`, role: "button" };
    item.show();
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
