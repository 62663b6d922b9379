// The custom requests between the extension and the language server (docs/protocol.md), declared once:
// lsp/ registers its handlers with these types and client/ sends with them. The answers are the
// simulator's own types (simulate/), with only what the wire changes: LSP ranges for offsets, and the
// renderings added. Type imports and vscode-jsonrpc only, so the extension's bundle stays small.
import { RequestType } from "vscode-jsonrpc";
import type { Range } from "vscode-languageserver-protocol";
import type { GraphContract, GraphLadder, GraphTier } from "../simulate/graph";
import type { SimulationInput, SimulationResult } from "../simulate/simulate";
import type { Severity } from "../simulate/severities";

export type { Position, Range } from "vscode-languageserver-protocol";
export type { Contact, ContactFlag } from "../simulate/contacts";
export type { GraphFinding, FindingSeverity } from "../simulate/graph";
export type { CalendarDescription } from "../simulate/calendar";
export type { SimulationEvent, TierTimeline } from "../simulate/simulate";
export type { LadderChosenBy } from "../simulate/wording";
export type { Severity } from "../simulate/severities";

// ---------------------------------------------------------------- covenant/escalationGraph

export interface EscalationGraphParams {
  /** A document URI. */
  uri: string;
}

/** A tier as the graph has it, without its offsets; `findings` are the analysis' findings on the tier and its contacts. */
export type EscalationTier = Omit<GraphTier, "range" | "declaration" | "refs">;

/** A ladder with the LSP range of its whole `escalation` declaration instead of offsets. */
export interface EscalationLadder extends Omit<GraphLadder, "range" | "declaration" | "tiers"> {
  range: Range;
  tiers: EscalationTier[];
}

export interface EscalationContract extends Omit<GraphContract, "range" | "ladders"> {
  ladders: EscalationLadder[];
}

export interface EscalationGraphResult {
  contracts: EscalationContract[];
  /** The ladder diagram(s), a standalone SVG document; empty when the file has no ladder. */
  svg: string;
  /** The same as a Mermaid flowchart; empty when the file has no ladder. */
  mermaid: string;
}

export const EscalationGraphRequest = new RequestType<EscalationGraphParams, EscalationGraphResult, void>("covenant/escalationGraph");

// ---------------------------------------------------------------- covenant/simulate

export interface SimulateParams extends Omit<SimulationInput, "severity"> {
  uri: string;
  severity?: Severity;
}

/** The simulator's result (simulation.md, Output) and the two renderings the views offer. */
export interface SimulateResult extends SimulationResult {
  /** The simulation as `covenant simulate --format markdown` writes it. */
  markdown: string;
  /** The simulated ladder as a diagram, with the contacts as they stand when the clock starts. */
  svg: string;
}

export const SimulateRequest = new RequestType<SimulateParams, SimulateResult, void>("covenant/simulate");
