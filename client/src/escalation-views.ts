// The escalation webview panels: a preview of a file's ladders and a simulation. Each panel follows
// its document live: an edit to any Covenant file asks the server again (debounced), and the view is
// replaced in place so that scroll position and keyboard focus survive.
import * as path from "node:path";
import * as vscode from "vscode";
import { LatestRequest, RefreshTurn } from "./latest-request";
import { requestFailure } from "./request-errors";
import { CovenantServer } from "./language-server";
import {
  EscalationGraph,
  EscalationGraphParams,
  EscalationGraphRequest,
  SimulateParams,
  SimulateRequest,
  SimulationResult,
} from "./protocol";
import {
  LadderFocus,
  newNonce,
  page,
  previewBody,
  problemBanner,
  simulationBody,
} from "./webview-html";
import { PREVIEW_VIEW_TYPE, readViewState, SIMULATION_VIEW_TYPE, ViewState } from "./view-state";

const REFRESH_DELAY_MS = 400;

type Content =
  | { kind: "preview"; graph: EscalationGraph; focus: LadderFocus }
  | { kind: "simulation"; params: SimulateParams; result: SimulationResult };

type ViewKind = Content["kind"];

interface WebviewMessage {
  type?: string;
  contract?: string;
  ladder?: string;
}

class EscalationView implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private content: Content;
  private problem: string | undefined;
  private body = "";
  private readonly refreshes = new LatestRequest((turn) => this.refresh(turn), REFRESH_DELAY_MS);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly views: EscalationViews,
    readonly uri: vscode.Uri,
    content: Content,
    /** A panel VS Code restored after a window reload; a new one is opened beside otherwise. */
    restored?: vscode.WebviewPanel,
  ) {
    this.content = content;
    this.panel = restored ?? vscode.window.createWebviewPanel(
      `covenant.${content.kind}`,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(views.extensionUri), retainContextWhenHidden: true, enableFindWidget: true },
    );
    if (restored) {
      restored.webview.options = webviewOptions(views.extensionUri);
      restored.title = this.title();
    }
    this.body = this.render();
    setPage(this.panel, views.extensionUri, this.title(), this.body);
    const webview = this.panel.webview;
    this.disposables.push(
      webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  get kind(): ViewKind {
    return this.content.kind;
  }

  private title(): string {
    const file = path.basename(this.uri.path);
    return this.content.kind === "preview" ? `Escalation · ${file}` : `Simulation · ${this.content.result.ladder} · ${file}`;
  }

  private render(): string {
    const view =
      this.content.kind === "preview"
        ? previewBody(this.content.graph, this.content.focus)
        : simulationBody(this.content.result, this.content.params);
    return (this.problem ? problemBanner(this.problem) : "") + view;
  }

  /** Shows new content, e.g. when the command is run again for the same file. */
  show(content: Content): void {
    this.content = content;
    this.problem = undefined;
    this.panel.title = this.title();
    this.post(true);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  private post(reveal: boolean): void {
    this.body = this.render();
    void this.panel.webview.postMessage({ type: "update", body: this.body, reveal, state: this.state() });
  }

  /** What the webview saves for a window reload: enough to ask the server again. */
  private state(): ViewState {
    const uri = this.uri.toString();
    return this.content.kind === "preview"
      ? { version: 1, kind: "preview", uri, focus: this.content.focus }
      : { version: 1, kind: "simulation", uri, params: this.content.params };
  }

  scheduleRefresh(): void {
    this.refreshes.schedule();
  }

  /** Asks the server again; a newer refresh cancels an older one, and an older answer is dropped. */
  private async refresh({ token, current }: RefreshTurn): Promise<void> {
    const content = this.content;
    try {
      if (content.kind === "preview") {
        const params: EscalationGraphParams = { uri: this.uri.toString() };
        const graph = await this.views.server.request(EscalationGraphRequest, params, token);
        if (!current()) return;
        this.content = { ...content, graph };
      } else {
        const result = await this.views.server.request(SimulateRequest, content.params, token);
        if (!current()) return;
        this.content = { ...content, result };
      }
      this.problem = undefined;
    } catch (error) {
      if (!current()) return;
      const failure = requestFailure(error);
      if (failure.cancelled) return;
      this.problem = `${failure.message} The view shows the last result and updates when the file is fixed.`;
    }
    this.panel.title = this.title();
    this.post(false);
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case "ready":
        // An update posted before the page's script listened would be lost: send the latest view.
        this.post(false);
        return;
      case "copyMarkdown":
        if (this.content.kind === "simulation") {
          await vscode.env.clipboard.writeText(this.content.result.markdown ?? "");
          vscode.window.setStatusBarMessage("Covenant: simulation copied as Markdown", 3000);
        }
        return;
      case "copyMermaid":
        if (this.content.kind === "preview") {
          await vscode.env.clipboard.writeText(this.content.graph.mermaid ?? "");
          vscode.window.setStatusBarMessage("Covenant: escalation path copied as Mermaid", 3000);
        }
        return;
      case "exportSvg":
        await this.exportSvg();
        return;
      case "reveal":
        await this.views.revealLadder(this.uri, message.contract, message.ladder);
        return;
      case "simulate":
        await vscode.commands.executeCommand("covenant.simulateEscalation", this.uri, message.ladder, message.contract);
        return;
    }
  }

  private async exportSvg(): Promise<void> {
    const svg = this.content.kind === "preview" ? this.content.graph.svg : this.content.result.svg;
    if (!svg) {
      void vscode.window.showWarningMessage("Covenant: there is no diagram to export.");
      return;
    }
    const base = path.basename(this.uri.path).replace(/\.covenant$/, "");
    const name = this.content.kind === "preview" ? `${base}-escalation.svg` : `${base}-${this.content.result.ladder}.svg`;
    const defaultUri = this.uri.scheme === "file" ? vscode.Uri.joinPath(this.uri, "..", name) : undefined;
    const target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { "SVG image": ["svg"] },
      saveLabel: "Export SVG",
      title: "Export the escalation diagram",
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(svg, "utf8"));
      vscode.window.setStatusBarMessage(`Covenant: diagram saved to ${target.fsPath || target.toString()}`, 5000);
    } catch (error) {
      void vscode.window.showErrorMessage(`Covenant: could not save the diagram: ${requestFailure(error).message}`);
    }
  }

  dispose(): void {
    this.refreshes.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.views.forget(this);
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "client", "media")] };
}

function setPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, title: string, body: string): void {
  const media = vscode.Uri.joinPath(extensionUri, "client", "media");
  const webview = panel.webview;
  webview.html = page({
    title,
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, "escalation.js")).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, "escalation.css")).toString(),
    body,
  });
}

/** One preview and one simulation panel per file; reused when a command runs again. */
export class EscalationViews implements vscode.Disposable {
  private readonly views = new Set<EscalationView>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly graphs = new Map<string, EscalationGraph>();

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly server: CovenantServer,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Any Covenant file may be imported by the one a view shows, so every view follows every edit.
        if (event.document.languageId !== "covenant" || event.contentChanges.length === 0) return;
        for (const view of this.views) view.scheduleRefresh();
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.languageId !== "covenant") return;
        for (const view of this.views) view.scheduleRefresh();
      }),
    );
  }

  private find(kind: ViewKind, uri: vscode.Uri): EscalationView | undefined {
    for (const view of this.views) if (view.kind === kind && view.uri.toString() === uri.toString()) return view;
    return undefined;
  }

  showPreview(uri: vscode.Uri, graph: EscalationGraph, focus: LadderFocus): void {
    this.graphs.set(uri.toString(), graph);
    this.open(uri, { kind: "preview", graph, focus });
  }

  showSimulation(uri: vscode.Uri, params: SimulateParams, result: SimulationResult): void {
    this.open(uri, { kind: "simulation", params, result });
  }

  private open(uri: vscode.Uri, content: Content): void {
    const existing = this.find(content.kind, uri);
    if (existing) {
      existing.show(content);
      return;
    }
    this.views.add(new EscalationView(this, uri, content));
  }

  /** Brings back a panel after a window reload from the state its webview saved. */
  async restore(viewType: string, panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = readViewState(viewType, saved);
    const fail = (message: string): void => {
      panel.webview.options = webviewOptions(this.extensionUri);
      setPage(panel, this.extensionUri, panel.title, problemBanner(message));
    };
    if ("problem" in state) return fail(state.problem);
    const uri = vscode.Uri.parse(state.uri);
    try {
      // The server answers for the documents the editor has opened.
      await vscode.workspace.openTextDocument(uri);
    } catch {
      return fail(`${uri.scheme === "file" ? uri.fsPath : uri.toString()} cannot be opened any more, so this view cannot be restored.`);
    }
    try {
      if (state.kind === "preview") {
        const graph = await this.server.request(EscalationGraphRequest, { uri: state.uri });
        this.graphs.set(state.uri, graph);
        this.views.add(new EscalationView(this, uri, { kind: "preview", graph, focus: state.focus }, panel));
      } else if (state.kind === "simulation") {
        const result = await this.server.request(SimulateRequest, state.params);
        this.views.add(new EscalationView(this, uri, { kind: "simulation", params: state.params, result }, panel));
      } else fail("This view was saved by another version of Covenant and cannot be restored: run the command again.");
    } catch (error) {
      fail(`${requestFailure(error).message} Run the command again once the file is fixed.`);
    }
  }

  /** Serializers for both panel types, so that VS Code restores them after a reload. */
  registerSerializers(): vscode.Disposable[] {
    return [PREVIEW_VIEW_TYPE, SIMULATION_VIEW_TYPE].map((viewType) =>
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: (panel, state) => this.restore(viewType, panel, state),
      }),
    );
  }

  rememberGraph(uri: vscode.Uri, graph: EscalationGraph): void {
    this.graphs.set(uri.toString(), graph);
  }

  /** Selects a ladder's declaration in the editor (from the preview's "Go to ladder"). */
  async revealLadder(uri: vscode.Uri, contract: string | undefined, ladder: string | undefined): Promise<void> {
    let graph = this.graphs.get(uri.toString());
    try {
      graph = await this.server.request(EscalationGraphRequest, { uri: uri.toString() });
      this.graphs.set(uri.toString(), graph);
    } catch {
      // The last graph still knows where the ladder was.
    }
    const found = graph?.contracts
      .filter((c) => !contract || c.name === contract)
      .flatMap((c) => c.ladders)
      .find((l) => l.name === ladder);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    if (!found) return;
    const start = new vscode.Position(found.range.start.line, found.range.start.character);
    const end = new vscode.Position(found.range.end.line, found.range.end.character);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  forget(view: EscalationView): void {
    this.views.delete(view);
  }

  dispose(): void {
    for (const view of [...this.views]) view.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
