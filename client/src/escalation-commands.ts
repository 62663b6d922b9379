// "Covenant: Preview Escalation Path" and "Covenant: Simulate Escalation…". Both take optional
// arguments (uri, ladder, contract) so that code lenses and the preview can call them directly.
import * as vscode from "vscode";
import { EscalationViews } from "./escalation-views";
import { findLadder, LadderChoice, orderLadders } from "./ladder-choice";
import { CovenantServer } from "./language-server";
import {
  EscalationGraph,
  EscalationGraphRequest,
  GraphContract,
  GraphLadder,
  Position,
  SEVERITIES,
  Severity,
  SimulateParams,
  SimulateRequest,
  SimulationResult,
} from "./protocol";
import { requestFailure } from "./request-errors";
import { durationProblem, GivenInputs, givenInputs, instantNow, instantProblem, normalizeDuration } from "./simulation-inputs";

const TITLE = "Simulate Escalation";

export function registerEscalationCommands(
  context: vscode.ExtensionContext,
  server: CovenantServer,
  views: EscalationViews,
): void {
  const graphOf = async (uri: vscode.Uri): Promise<EscalationGraph | undefined> => {
    try {
      const graph = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: "Covenant: reading escalation ladders" },
        () => server.request(EscalationGraphRequest, { uri: uri.toString() }),
      );
      views.rememberGraph(uri, graph);
      return graph;
    } catch (error) {
      const failure = requestFailure(error, EscalationGraphRequest.method);
      if (!failure.cancelled) void vscode.window.showErrorMessage(`Covenant: ${failure.message}`);
      return undefined;
    }
  };

  const preview = async (uriArg?: unknown, ladderArg?: unknown, contractArg?: unknown): Promise<void> => {
    const uri = await targetUri(uriArg);
    if (!uri) return;
    const graph = await graphOf(uri);
    if (!graph) return;
    const ladder = typeof ladderArg === "string" ? ladderArg : undefined;
    const contract = typeof contractArg === "string" ? contractArg : undefined;
    const underCursor = orderLadders(graph, cursorIn(uri)).find((c) => c.underCursor);
    const focus = ladder
      ? { ladder, contract }
      : underCursor
        ? { ladder: underCursor.ladder.name, contract: underCursor.contract.name }
        : {};
    views.showPreview(uri, graph, focus);
  };

  const simulate = async (uriArg?: unknown, ladderArg?: unknown, contractArg?: unknown, inputsArg?: unknown): Promise<void> => {
    const inputs = givenInputs(inputsArg);
    if ("problem" in inputs) {
      void vscode.window.showErrorMessage(`Covenant: ${inputs.problem}`);
      return;
    }
    const uri = await targetUri(uriArg);
    if (!uri) return;
    const graph = await graphOf(uri);
    if (!graph) return;
    const params = await askSimulation(uri, graph, {
      ladder: typeof ladderArg === "string" ? ladderArg : undefined,
      contract: typeof contractArg === "string" ? contractArg : undefined,
      given: inputs.given,
      run: (p) => server.request(SimulateRequest, p),
    });
    if (!params) return;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: "Covenant: simulating the escalation" },
        () => server.request(SimulateRequest, params),
      );
      views.showSimulation(uri, params, result);
    } catch (error) {
      const failure = requestFailure(error, SimulateRequest.method);
      if (!failure.cancelled) void vscode.window.showErrorMessage(`Covenant: ${failure.message}`);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand("covenant.previewEscalation", preview),
    vscode.commands.registerCommand("covenant.simulateEscalation", simulate),
  );
}

/** The file a command is about: its argument (a Uri or a URI string), else the Covenant file in view. */
async function targetUri(arg: unknown): Promise<vscode.Uri | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === "string" && arg) uri = /^[a-z][a-z0-9+.-]+:/i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  else {
    // When a webview has focus there is no active editor: fall back to a visible Covenant editor.
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    uri = editors.find((e) => e?.document.languageId === "covenant")?.document.uri;
  }
  if (!uri) {
    void vscode.window.showErrorMessage("Covenant: open a Covenant file (.covenant) first.");
    return undefined;
  }
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri!.toString())) {
    // The server answers for the documents the editor has opened.
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      void vscode.window.showErrorMessage(`Covenant: cannot open ${uri.fsPath || uri.toString()}: ${requestFailure(error).message}`);
      return undefined;
    }
  }
  return uri;
}

function cursorIn(uri: vscode.Uri): Position | undefined {
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
  const editor = editors.find((e) => e?.document.uri.toString() === uri.toString());
  if (!editor) return undefined;
  const p = editor.selection.active;
  return { line: p.line, character: p.character };
}

interface LadderItem extends vscode.QuickPickItem {
  choice?: LadderChoice;
  /** "Let the contract choose": the ladder follows from a service or severity. */
  chooser?: GraphContract;
}

interface Ask {
  ladder?: string;
  contract?: string;
  /** Answers passed with the command: no question is asked about what they answer. */
  given?: GivenInputs;
  /** Runs a simulation; used to learn which ladder the contract chooses before asking for a tier. */
  run: (params: SimulateParams) => Promise<SimulationResult>;
}

function ladderDetail(choice: LadderChoice): string {
  const parts = [choice.contract.name, `${choice.ladder.tiers.length} ${choice.ladder.tiers.length === 1 ? "tier" : "tiers"}`];
  if (choice.ladder.appliesTo.length) parts.push(`for ${choice.ladder.appliesTo.join(", ")}`);
  if (choice.ladder.then) parts.push(`then ${choice.ladder.then}`);
  if (choice.underCursor) parts.push("under the cursor");
  return parts.join(" · ");
}

/** The quick picks and input boxes; undefined when the user cancels any of them. */
async function askSimulation(uri: vscode.Uri, graph: EscalationGraph, ask: Ask): Promise<SimulateParams | undefined> {
  const choices = orderLadders(graph, cursorIn(uri));
  if (choices.length === 0) {
    void vscode.window.showInformationMessage("Covenant: this file declares no escalation ladder to simulate.");
    return undefined;
  }

  let contract: GraphContract;
  let ladder: GraphLadder | undefined;
  if (ask.ladder) {
    const found = findLadder(graph, ask.ladder, ask.contract);
    if (!found) {
      void vscode.window.showErrorMessage(`Covenant: there is no ladder named ${ask.ladder} in this file.`);
      return undefined;
    }
    ({ contract, ladder } = found);
  } else {
    const items: LadderItem[] = choices.map((choice) => ({
      label: `$(list-ordered) ${choice.ladder.name}`,
      description: choice.ladder.label,
      detail: ladderDetail(choice),
      choice,
    }));
    const contracts = graph.contracts.filter((c) => c.ladders.length > 0);
    items.push({ label: "", kind: vscode.QuickPickItemKind.Separator });
    for (const c of contracts) {
      items.push({
        label: "$(question) Let the contract choose",
        description: contracts.length > 1 ? c.name : undefined,
        detail: "The ladder the contract uses for a service or a severity, else its default ladder",
        chooser: c,
      });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: `${TITLE}: ladder`,
      placeHolder: "Which escalation ladder? (the one under the cursor comes first)",
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    if (picked.choice) ({ contract, ladder } = picked.choice);
    else contract = picked.chooser!;
  }

  let service: string | undefined;
  let severity: Severity | undefined;
  const given = ask.given;
  if (given) {
    service = given.service;
    severity = given.severity as Severity | undefined;
  } else if (!ladder) {
    const subject = await askServiceOrSeverity(contract);
    if (!subject) return undefined;
    ({ service, severity } = subject);
  }

  if (given) {
    // Everything was given: the server validates the rest (an unknown tier, a late resolution).
    return { uri: uri.toString(), contract: contract.name, ladder: ladder?.name, service, severity, raised: given.raised, resolveAt: given.resolveAt };
  }

  const raised = await vscode.window.showInputBox({
    title: `${TITLE}: when was the matter raised?`,
    prompt: "An ISO 8601 instant with a time zone, e.g. 2025-12-23T18:10:00Z or 2025-12-23T19:10:00+01:00",
    value: instantNow(),
    ignoreFocusOut: true,
    validateInput: (text) => instantProblem(text),
  });
  if (raised === undefined) return undefined;

  const params: SimulateParams = {
    uri: uri.toString(),
    contract: contract.name,
    ladder: ladder?.name,
    service,
    severity,
    raised: raised.trim(),
  };

  if (!ladder) {
    // The contract chooses the ladder: ask the server which, so that its tiers can be offered.
    try {
      const first = await ask.run(params);
      ladder = contract.ladders.find((l) => l.name === first.ladder);
    } catch (error) {
      const failure = requestFailure(error, SimulateRequest.method);
      if (!failure.cancelled) void vscode.window.showErrorMessage(`Covenant: ${failure.message}`);
      return undefined;
    }
  }

  const resolution = await askResolution(ladder);
  if (!resolution) return undefined;
  if (resolution.tier) params.resolveAt = { tier: resolution.tier, after: resolution.after };
  return params;
}

interface SubjectItem extends vscode.QuickPickItem {
  service?: string;
  severity?: Severity;
  other?: boolean;
}

async function askServiceOrSeverity(contract: GraphContract): Promise<{ service?: string; severity?: Severity } | undefined> {
  const items: SubjectItem[] = [
    { label: "$(circle-slash) Neither", detail: "Use the dispute block's default ladder, else the first standard ladder" },
    { label: "Severity", kind: vscode.QuickPickItemKind.Separator },
    ...SEVERITIES.map((s): SubjectItem => ({ label: `$(warning) severity ${s}`, severity: s })),
    { label: "Service", kind: vscode.QuickPickItemKind.Separator },
    ...(contract.services ?? []).map(
      (s): SubjectItem => ({
        label: `$(server) ${s.name}`,
        description: [s.label, s.criticality ? `criticality ${s.criticality}` : undefined].filter(Boolean).join(" · "),
        service: s.name,
      }),
    ),
    { label: "$(edit) Another service…", detail: "Type the name of a service of this contract", other: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE}: service or severity`,
    placeHolder: `Which service or severity is the matter about? ${contract.name} chooses the ladder from it`,
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.other) {
    const name = await vscode.window.showInputBox({
      title: `${TITLE}: service`,
      prompt: "The name of the service, as declared after `service`",
      validateInput: (text) =>
        /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/.test(text.trim()) ? undefined : "A service name: letters, digits, _ and single dashes",
    });
    if (name === undefined) return undefined;
    return { service: name.trim() };
  }
  return { service: picked.service, severity: picked.severity };
}

interface TierItem extends vscode.QuickPickItem {
  tier?: string;
}

async function askResolution(ladder: GraphLadder | undefined): Promise<{ tier?: string; after?: string } | undefined> {
  const contacts = (t: GraphLadder["tiers"][number]): string =>
    [t.customer, t.supplier].map((c) => c?.name ?? c?.person ?? c?.role ?? "—").join(" / ");
  const items: TierItem[] = [
    {
      label: "$(arrow-up) Not resolved",
      detail: ladder?.then ? `Climb every tier, then ${ladder.then} becomes available` : "Climb every tier of the ladder",
    },
    ...(ladder?.tiers ?? []).map(
      (t): TierItem => ({
        label: `$(check) Resolved at ${t.name}`,
        description: t.within ? `within ${t.within}` : undefined,
        detail: contacts(t),
        tier: t.name,
      }),
    ),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE}: resolution`,
    placeHolder: "Is the matter resolved at a tier? (optional)",
  });
  if (!picked) return undefined;
  if (!picked.tier) return {};
  const after = await vscode.window.showInputBox({
    title: `${TITLE}: resolved how long after ${picked.tier} opens?`,
    prompt: "A duration such as 3 business days; leave empty for the tier's deadline",
    placeHolder: "at the tier's deadline",
    validateInput: (text) => (text.trim() === "" ? undefined : durationProblem(text)),
  });
  if (after === undefined) return undefined;
  return { tier: picked.tier, after: after.trim() ? normalizeDuration(after) : undefined };
}
