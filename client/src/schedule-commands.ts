// "Covenant: Preview Governance Schedule" (a webview following the document live) and "Covenant: Export
// Governance Schedule…" (a format, then a save dialog). The server computes the schedule; the client shows or writes it.
import * as path from "node:path";
import * as vscode from "vscode";
import { LatestRequest, RefreshTurn } from "./latest-request";
import { ScheduleParams, ScheduleRequest, ScheduleResult, ScheduleWireFormat } from "../../server/src/wire/schedule";
import type { CovenantServer } from "./language-server";
import { requestFailure } from "./request-errors";
import { scheduleProblem, schedulePage, withStyleNonce } from "./schedule-html";
import { newNonce } from "./webview-html";

const REFRESH_DELAY_MS = 400;

class SchedulePreview implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly nonce = newNonce();
  private readonly refreshes = new LatestRequest((turn) => this.refresh(turn), REFRESH_DELAY_MS);
  private lastBody = "";
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: CovenantServer, readonly uri: vscode.Uri, first: ScheduleResult, onDispose: () => void) {
    this.panel = vscode.window.createWebviewPanel("covenant.schedule", this.title(first), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true, enableFindWidget: true,
    });
    this.lastBody = first.text ?? "";
    this.panel.webview.html = schedulePage({ title: this.title(first), cspSource: this.panel.webview.cspSource, nonce: this.nonce, css: first.css ?? "", body: this.lastBody });
    this.disposables.push(
      this.panel.onDidDispose(() => { this.dispose(); onDispose(); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.languageId === "covenant") this.scheduleRefresh(); }),
    );
  }

  private title(r: ScheduleResult): string {
    return `Schedule · ${r.contract} · ${path.basename(this.uri.path)}`;
  }

  scheduleRefresh(): void {
    this.refreshes.schedule();
  }

  /** Asks the server again; a newer refresh cancels an older one, and an older answer is dropped. */
  private async refresh({ token, current }: RefreshTurn): Promise<void> {
    let body: string;
    try {
      const params: ScheduleParams = { uri: this.uri.toString(), format: "preview" };
      const r = await this.server.request(ScheduleRequest, params, token);
      if (!current()) return;
      this.lastBody = r.text ?? "";
      this.panel.title = this.title(r);
      body = this.lastBody;
    } catch (error) {
      if (!current()) return;
      const failure = requestFailure(error, ScheduleRequest.method);
      if (failure.cancelled) return;
      body = scheduleProblem(`${failure.message} The preview shows the last schedule and updates when the file is fixed.`) + this.lastBody;
    }
    void this.panel.webview.postMessage({ type: "update", body: withStyleNonce(body, this.nonce) });
  }

  dispose(): void {
    this.refreshes.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The file a command is for: the one it was given, the active Covenant editor, or the active schedule preview's. */
function covenantUri(arg: unknown, previews: ReadonlyMap<string, SchedulePreview>): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === "covenant") return editor.document.uri;
  return [...previews.values()].find((p) => p.panel.active)?.uri;
}

const EXPORTS: { label: string; description: string; format: Exclude<ScheduleWireFormat, "preview">; ext: string; filter: string }[] = [
  { label: "Word document (.docx)", description: "to attach to the agreement", format: "docx", ext: "docx", filter: "Word document" },
  { label: "HTML page (.html)", description: "self-contained, prints well", format: "html", ext: "html", filter: "HTML page" },
  { label: "Markdown (.md)", description: "for a repository", format: "markdown", ext: "md", filter: "Markdown" },
];

export function registerScheduleCommands(context: vscode.ExtensionContext, server: CovenantServer): void {
  const previews = new Map<string, SchedulePreview>();

  context.subscriptions.push(
    { dispose: () => { for (const p of previews.values()) p.panel.dispose(); } },
    vscode.commands.registerCommand("covenant.previewSchedule", async (arg?: unknown) => {
      const uri = covenantUri(arg, previews);
      if (!uri) return void vscode.window.showInformationMessage("Covenant: open a .covenant file to preview its governance schedule.");
      const open = previews.get(uri.toString());
      if (open) return open.panel.reveal(vscode.ViewColumn.Beside, true);
      try {
        const first = await server.request(ScheduleRequest, { uri: uri.toString(), format: "preview" } satisfies ScheduleParams);
        previews.set(uri.toString(), new SchedulePreview(server, uri, first, () => previews.delete(uri.toString())));
      } catch (error) {
        const f = requestFailure(error, ScheduleRequest.method);
        if (!f.cancelled) void vscode.window.showErrorMessage(`Covenant: cannot preview the schedule: ${f.message}`);
      }
    }),
    // Arguments `(uri?, format?, target?)` answer the questions in advance (a keybinding, a test): the format
    // (`docx`, `html`, `markdown`) and the file to write, a URI or its string.
    vscode.commands.registerCommand("covenant.exportSchedule", async (arg?: unknown, format?: unknown, to?: unknown) => {
      const uri = covenantUri(typeof arg === "string" && arg ? vscode.Uri.parse(arg) : arg, previews);
      if (!uri) return void vscode.window.showInformationMessage("Covenant: open a .covenant file to export its governance schedule.");
      if (format !== undefined && !EXPORTS.some((e) => e.format === format)) {
        return void vscode.window.showErrorMessage(`Covenant: cannot export the schedule as '${String(format)}' (docx, html, markdown).`);
      }
      const choice = EXPORTS.find((e) => e.format === format) ?? (await vscode.window.showQuickPick(EXPORTS, { title: "Export the governance schedule as", placeHolder: "Format" }));
      if (!choice) return;
      let result: ScheduleResult;
      try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "Covenant: writing the governance schedule…" }, () =>
          server.request(ScheduleRequest, { uri: uri.toString(), format: choice.format } satisfies ScheduleParams));
      } catch (error) {
        const f = requestFailure(error, ScheduleRequest.method);
        if (!f.cancelled) void vscode.window.showErrorMessage(`Covenant: cannot export the schedule: ${f.message}`);
        return;
      }
      const name = `${result.contract}-schedule.${choice.ext}`;
      const given = to instanceof vscode.Uri ? to : typeof to === "string" && to ? vscode.Uri.parse(to) : undefined;
      const target = given ?? await vscode.window.showSaveDialog({
        defaultUri: uri.scheme === "file" ? vscode.Uri.joinPath(uri, "..", name) : undefined,
        filters: { [choice.filter]: [choice.ext] },
        saveLabel: "Export schedule",
        title: "Export the governance schedule",
      });
      if (!target) return;
      const bytes = result.base64 !== undefined ? Buffer.from(result.base64, "base64") : Buffer.from(result.text ?? "", "utf8");
      try {
        await vscode.workspace.fs.writeFile(target, bytes);
        vscode.window.setStatusBarMessage(`Covenant: schedule saved to ${target.fsPath || target.toString()}`, 5000);
        return target.toString();
      } catch (error) {
        void vscode.window.showErrorMessage(`Covenant: could not save the schedule: ${requestFailure(error).message}`);
      }
    }),
  );
}
