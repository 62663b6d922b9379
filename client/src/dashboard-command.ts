// "Covenant: Relationship Dashboard": a webview of a log's matters, warnings and service levels, drawn by the
// server (`covenant/dashboard`). It follows the documents live (an edit to any Covenant file asks again;
// the latest request wins) and comes back after a window reload (the webview saves the log's URI).
import * as path from "node:path";
import * as vscode from "vscode";
import { LatestRequest, RefreshTurn } from "./latest-request";
import { DashboardParams, DashboardRequest } from "../../server/src/wire/dashboard";
import { DASHBOARD_VIEW_TYPE, dashboardPage, dashboardProblem, readDashboard } from "./dashboard-html";
import type { CovenantServer } from "./language-server";
import { requestFailure } from "./request-errors";
import { readViewState } from "./view-state";
import { newNonce } from "./webview-html";

const REFRESH_DELAY_MS = 400;
/** A log declaration at the start of a line: `log northwind-msa {`. */
const HOLDS_LOG = /^[ \t]*log[ \t]+[\w.-]+[ \t]*\{/m;

class Dashboard implements vscode.Disposable {
  private readonly nonce = newNonce();
  private readonly refreshes = new LatestRequest((turn) => this.refresh(turn), REFRESH_DELAY_MS);
  private lastBody = "";
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: CovenantServer, readonly uri: vscode.Uri, readonly panel: vscode.WebviewPanel, first: { body: string; css: string; title: string } | { problem: string }, private readonly onDispose: () => void) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    const css = "css" in first ? first.css : "";
    if ("body" in first) this.lastBody = first.body;
    panel.title = this.title("title" in first ? first.title : "");
    panel.webview.html = dashboardPage({ title: panel.title, nonce: this.nonce, css, body: "problem" in first ? dashboardProblem(first.problem) : first.body, state: this.state() });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type?: unknown }) => { if (m?.type === "ready") this.scheduleRefresh(0); }),
    );
  }

  private state(): { version: 1; kind: "dashboard"; uri: string } {
    return { version: 1, kind: "dashboard", uri: this.uri.toString() };
  }

  private title(contracts: string): string {
    return `Dashboard · ${contracts ? `${contracts} · ` : ""}${path.basename(this.uri.path)}`;
  }

  scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    this.refreshes.schedule(delay);
  }

  /** Asks the server again; a newer refresh cancels an older one, and an older answer is dropped. */
  private async refresh({ token, current }: RefreshTurn): Promise<void> {
    let body: string;
    try {
      const params: DashboardParams = { uri: this.uri.toString() };
      const answer = readDashboard(await this.server.request(DashboardRequest, params, token));
      if (!current()) return;
      if ("problem" in answer) body = dashboardProblem(answer.problem) + this.lastBody;
      else {
        this.lastBody = answer.body;
        this.panel.title = this.title(answer.title);
        body = answer.body;
      }
    } catch (error) {
      if (!current()) return;
      const failure = requestFailure(error, DashboardRequest.method);
      if (failure.cancelled) return;
      body = dashboardProblem(`${failure.message} The dashboard shows the last picture and updates when the file is fixed.`) + this.lastBody;
    }
    void this.panel.webview.postMessage({ type: "update", body, state: this.state() });
  }

  dispose(): void {
    this.refreshes.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/** The log the command is for: its argument, the active editor when it holds a log, else one picked from the workspace's logs. */
async function logUri(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === "string" && arg) return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === "covenant" && HOLDS_LOG.test(editor.document.getText())) return editor.document.uri;
  const files = await vscode.workspace.findFiles("**/*.covenant", "**/node_modules/**", 500);
  const logs: vscode.Uri[] = [];
  for (const f of files) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.toString());
    const text = open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(f)).toString("utf8");
    if (HOLDS_LOG.test(text)) logs.push(f);
  }
  if (logs.length <= 1) return logs[0];
  const picked = await vscode.window.showQuickPick(
    logs.sort((a, b) => a.path.localeCompare(b.path)).map((uri) => ({ label: path.basename(uri.path), description: vscode.workspace.asRelativePath(uri), uri })),
    { title: "Relationship dashboard of", placeHolder: "A relationship log" },
  );
  return picked?.uri;
}

export function registerDashboardCommand(context: vscode.ExtensionContext, server: CovenantServer): void {
  const open = new Map<string, Dashboard>();
  const show = async (uri: vscode.Uri, panel?: vscode.WebviewPanel): Promise<void> => {
    let first: ReturnType<typeof readDashboard>;
    try {
      first = readDashboard(await server.request(DashboardRequest, { uri: uri.toString() } satisfies DashboardParams));
    } catch (error) {
      const f = requestFailure(error, DashboardRequest.method);
      if (!panel) {
        if (!f.cancelled) void vscode.window.showErrorMessage(`Covenant: cannot show the dashboard: ${f.message}`);
        return;
      }
      first = { problem: `${f.message} Run the command again once the file is fixed.` };
    }
    const target = panel ?? vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, "Dashboard", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true, enableFindWidget: true,
    });
    open.set(uri.toString(), new Dashboard(server, uri, target, first, () => open.delete(uri.toString())));
  };
  const refreshAll = (): void => { for (const d of open.values()) d.scheduleRefresh(); };

  context.subscriptions.push(
    { dispose: () => { for (const d of [...open.values()]) d.panel.dispose(); } },
    // The log, its contract and anything they import may change: every dashboard follows every Covenant edit.
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.languageId === "covenant" && e.contentChanges.length > 0) refreshAll(); }),
    vscode.workspace.onDidSaveTextDocument((d) => { if (d.languageId === "covenant") refreshAll(); }),
    vscode.commands.registerCommand("covenant.dashboard", async (arg?: unknown) => {
      const uri = await logUri(arg);
      if (!uri) return void vscode.window.showInformationMessage("Covenant: open a relationship log (a .covenant file with `log CONTRACT { … }`) to see its dashboard.");
      const existing = open.get(uri.toString());
      if (existing) return existing.panel.reveal(vscode.ViewColumn.Beside, true);
      await show(uri);
    }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, saved) => {
        const state = readViewState(DASHBOARD_VIEW_TYPE, saved);
        if ("problem" in state || state.kind !== "dashboard") {
          panel.webview.options = { enableScripts: false, localResourceRoots: [] };
          const nonce = newNonce();
          panel.webview.html = dashboardPage({ title: panel.title, nonce, css: "", body: dashboardProblem("problem" in state ? state.problem : "This view cannot be restored: run the command again."), state: { version: 1, kind: "dashboard", uri: "" } });
          return;
        }
        const uri = vscode.Uri.parse(state.uri);
        try {
          // The server answers for the documents the editor has opened.
          await vscode.workspace.openTextDocument(uri);
        } catch {
          const nonce = newNonce();
          panel.webview.html = dashboardPage({ title: panel.title, nonce, css: "", body: dashboardProblem(`${uri.scheme === "file" ? uri.fsPath : uri.toString()} cannot be opened any more, so this dashboard cannot be restored.`), state });
          return;
        }
        await show(uri, panel);
      },
    }),
  );
}
