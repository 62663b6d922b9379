// The custom requests of docs/protocol.md: `covenant/escalationGraph` and `covenant/simulate`, answered
// from the simulator (server/src/simulate) over the same linked model as everything else. The request
// types are wire/requests.ts's, so the compiler holds these answers to what the extension reads.
import { Connection, ErrorCodes, ResponseError } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../core/findings";
import type { Linked } from "../core/link";
import { allFindings, RuleSetting } from "../analysis/analyse";
import type { DocumentAnalysis } from "../features/analysis";
import { escalationGraphWithFindings } from "../features/escalation-graph";
import { escalationGraph, EscalationGraph } from "../simulate/graph";
import { simulate, SEVERITIES } from "../simulate/simulate";
import { simulationToMarkdown, toMermaid, toSvg } from "../simulate/render";
import { EscalationGraphRequest, EscalationGraphResult, SimulateRequest, SimulateResult } from "../wire/requests";
import type { BuiltDocument } from "./builder";
import { toRange } from "./convert";

export interface RequestContext {
  analysed(uri: string): { doc: TextDocument; built: BuiltDocument; analysis: DocumentAnalysis } | undefined;
  docFor(uri: string): TextDocument | undefined;
  /** A file that is not open, linked from disk. */
  linkFromDisk(uri: string): Linked | undefined;
  /** The analysis date for a file: covenant.json's `today`, else today. */
  todayFor(uri: string): string;
  /** The configured severities for a file (covenant.json and the editor's settings). */
  rulesFor(uri: string): Record<string, RuleSetting>;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function stringParam(params: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) {
    if (required) throw invalid(`the request needs '${name}'`);
    return undefined;
  }
  if (typeof v !== "string") throw invalid(`'${name}' must be a string`);
  return v;
}

/** The linked file, its analysis date and its findings, for an open document or a file on disk. */
function source(ctx: RequestContext, uri: string): { linked: Linked; today: string; doc?: TextDocument; findings: () => Finding[] } | undefined {
  const a = ctx.analysed(uri);
  if (a) return { linked: a.analysis.linked, today: a.analysis.today, doc: a.doc, findings: () => a.analysis.findings };
  const linked = ctx.linkFromDisk(uri);
  if (!linked) return undefined;
  const today = ctx.todayFor(uri);
  return { linked, today, doc: ctx.docFor(uri), findings: () => allFindings(linked, { today, rules: ctx.rulesFor(uri) }) };
}

export function registerCovenantRequests(connection: Connection, ctx: RequestContext): void {
  // The params are typed on the wire, but a client may send anything: each handler reads them as unknown.
  connection.onRequest(EscalationGraphRequest, (raw: unknown): EscalationGraphResult => {
    const params = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const uri = stringParam(params, "uri", true)!;
    try {
      const src = source(ctx, uri);
      if (!src || !src.doc) return { contracts: [], svg: "", mermaid: "" };
      const graph = escalationGraphWithFindings(src.linked, src.today, src.findings());
      return graphResponse(graph, src.doc);
    } catch (e) {
      connection.console.error(`${EscalationGraphRequest.method} failed: ${(e as Error).stack ?? e}`);
      throw new ResponseError(ErrorCodes.InternalError, `Covenant could not draw the escalation graph: ${(e as Error).message}`);
    }
  });

  connection.onRequest(SimulateRequest, (raw: unknown): SimulateResult => {
    const params = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const uri = stringParam(params, "uri", true)!;
    const raised = stringParam(params, "raised", true)!;
    const severity = stringParam(params, "severity", false);
    if (severity !== undefined && !(SEVERITIES as readonly string[]).includes(severity)) throw invalid(`the severity must be ${SEVERITIES.join(", ")}, not '${severity}'`);
    let resolveAt: { tier: string; after?: string } | undefined;
    if (params.resolveAt !== undefined && params.resolveAt !== null) {
      const r = params.resolveAt as Record<string, unknown>;
      if (typeof r !== "object" || typeof r.tier !== "string") throw invalid("'resolveAt' must be { tier, after? } with the tier's name");
      if (r.after !== undefined && r.after !== null && typeof r.after !== "string") throw invalid("'resolveAt.after' must be a duration like \"3 business days\"");
      resolveAt = { tier: r.tier, ...(typeof r.after === "string" ? { after: r.after } : {}) };
    }
    const input = {
      contract: stringParam(params, "contract", false),
      ladder: stringParam(params, "ladder", false),
      service: stringParam(params, "service", false),
      severity,
      raised,
      resolveAt,
    };
    let src: ReturnType<typeof source>;
    let outcome: ReturnType<typeof simulate>;
    try {
      src = source(ctx, uri);
      if (!src) throw invalid(`the file ${uri} cannot be read`);
      outcome = simulate(src.linked, input);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`${SimulateRequest.method} failed: ${(e as Error).stack ?? e}`);
      throw new ResponseError(ErrorCodes.InternalError, `Covenant could not run the simulation: ${(e as Error).message}`);
    }
    if ("error" in outcome) throw invalid(outcome.error);
    const result = outcome.result;
    // The diagram shows the contacts as they stand when the clock starts, like the timeline.
    const graph = escalationGraph(src.linked, result.start.slice(0, 10));
    const contractGraph: EscalationGraph = { ...graph, contracts: graph.contracts.filter((c) => c.name === result.contract) };
    return { ...result, markdown: simulationToMarkdown(result), svg: toSvg(contractGraph, result.ladder) };
  });
}

/** The graph as docs/protocol.md gives it: LSP ranges for the ladders, the diagrams beside. */
function graphResponse(graph: EscalationGraph, doc: TextDocument): EscalationGraphResult {
  const contracts = graph.contracts.map((c) => ({
    name: c.name,
    ...(c.label ? { label: c.label } : {}),
    ladders: c.ladders.map((l) => ({
      name: l.name,
      ...(l.label ? { label: l.label } : {}),
      appliesTo: l.appliesTo,
      ...(l.then ? { then: l.then } : {}),
      ...(l.thenDeadline ? { thenDeadline: l.thenDeadline } : {}),
      isDefault: l.isDefault,
      range: toRange(doc, l.declaration),
      tiers: l.tiers.map(({ range: _range, declaration: _declaration, refs: _refs, ...tier }) => tier),
      ...(l.findings ? { findings: l.findings } : {}),
    })),
    services: c.services,
  }));
  const any = graph.contracts.some((c) => c.ladders.length > 0);
  return { contracts, svg: any ? toSvg(graph) : "", mermaid: any ? toMermaid(graph) : "" };
}

