// "Covenant: Record Event…": asks the server's questions one at a time (quick picks and input boxes), then
// applies the edit it answers with and shows the new line. The server works out the choices, the layout
// and the place in time (server/src/features/record-event.ts); nothing here knows the log's language.
import * as vscode from "vscode";
import { RecordEventRequest, RecordQuestion, WorkspaceEdit } from "../../server/src/wire/log";
import { CovenantServer, ServerNotRunning } from "./language-server";
import { requestFailure } from "./request-errors";

/** More questions than any event has: a server that keeps asking is not followed for ever. */
const MAX_QUESTIONS = 20;

export function registerRecordEventCommand(context: vscode.ExtensionContext, server: CovenantServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("covenant.recordEvent", async (uriArg?: unknown, matter?: unknown) => {
      const uri = typeof uriArg === "string" ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage("Covenant: open a relationship log to record an event in it.");
        return;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== "covenant") {
        void vscode.window.showInformationMessage("Covenant: Record Event works in a Covenant file that holds a log.");
        return;
      }
      const answers: Record<string, string> = typeof matter === "string" ? { what: `matter:${matter}` } : {};
      try {
        for (let n = 0; n < MAX_QUESTIONS; n++) {
          const step = await server.request(RecordEventRequest, { uri: document.uri.toString(), answers });
          server.output.appendLine(`Record Event: ${JSON.stringify(answers)} → ${"question" in step ? `asks '${step.question.key}'` : "edit" in step ? step.summary : step.error}`);
          if ("error" in step) {
            void vscode.window.showWarningMessage(`Covenant: ${step.error}`);
            return;
          }
          if ("question" in step) {
            const answer = await ask(step.question, n + 1);
            if (answer === undefined) return; // cancelled
            answers[step.question.key] = answer;
            continue;
          }
          const edit = await vscode.workspace.applyEdit(toWorkspaceEdit(step.edit));
          server.output.appendLine(`Record Event: ${edit ? "inserted" : "could not insert"} at line ${step.line0 + 1} of ${document.uri.toString()}`);
          if (!edit) {
            void vscode.window.showWarningMessage("Covenant: the log changed while recording; run Record Event again.");
            return;
          }
          const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
          const at = new vscode.Position(step.line0, 0);
          editor.selection = new vscode.Selection(at, document.lineAt(Math.min(step.line0, document.lineCount - 1)).range.end);
          editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
          vscode.window.setStatusBarMessage(`Covenant: ${step.summary}`, 5000);
          return;
        }
        void vscode.window.showWarningMessage("Covenant: Record Event asked too many questions; nothing was recorded.");
      } catch (error) {
        if (error instanceof ServerNotRunning) {
          void vscode.window.showErrorMessage(error.message);
          return;
        }
        const failure = requestFailure(error, RecordEventRequest.method);
        if (!failure.cancelled) void vscode.window.showErrorMessage(`Covenant: ${failure.message}`);
      }
    }),
  );
}

async function ask(q: RecordQuestion, step: number): Promise<string | undefined> {
  const title = `Record Event (${step})`;
  if (q.kind === "pick") {
    const picked = await vscode.window.showQuickPick(
      (q.items ?? []).map((i) => ({ label: i.label, description: i.description, value: i.value })),
      { title, placeHolder: q.prompt, matchOnDescription: true, ignoreFocusOut: true },
    );
    return picked?.value;
  }
  const pattern = q.pattern ? new RegExp(q.pattern) : undefined;
  return vscode.window.showInputBox({
    title,
    prompt: q.prompt,
    value: q.value,
    placeHolder: q.placeholder,
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (v.trim() === "") return q.optional ? undefined : "An answer is needed here.";
      if (pattern && !pattern.test(v.trim())) return q.patternMessage ?? "This is not in the expected form.";
      return undefined;
    },
  }).then((v) => (v === undefined ? undefined : v.trim()));
}

/** The server's WorkspaceEdit (text edits of one document) for VS Code. */
function toWorkspaceEdit(wire: WorkspaceEdit): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of wire.documentChanges ?? []) {
    if (!("edits" in change)) continue;
    const uri = vscode.Uri.parse(change.textDocument.uri);
    for (const e of change.edits) {
      edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
  }
  return edit;
}
