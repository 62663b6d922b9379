// The custom requests between the extension and the language server (docs/protocol.md).
// Plain types only: no `vscode` import, so the webview builder and the tests can use them.

export const ESCALATION_GRAPH_REQUEST = "covenant/escalationGraph";
export const SIMULATE_REQUEST = "covenant/simulate";

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One side's contact at a tier: the role, and the person who answers for it. */
export interface Contact {
  role: string;
  /** The role's display name (`Operations lead`). */
  roleLabel?: string;
  party?: string;
  person?: string;
  name?: string;
  title?: string;
  email?: string;
  /** `stand-in` (the deputy answers because the holder has left), `unreachable` (no one answers). */
  flags: string[];
  /** The holder the contact stands in for, and when the holder left. */
  standsInFor?: { person: string; name?: string; left?: string };
  /** Why the side is unreachable, in the user's words. */
  reason?: string;
}

export interface GraphTier {
  name: string;
  level?: string;
  /** The tier's own time, as written (`5 business days`). */
  within?: string;
  /** Time from the start of the ladder to this tier's deadline (`15 business days`). */
  elapsed?: string;
  forum?: string;
  customer?: Contact;
  supplier?: Contact;
}

export interface GraphLadder {
  name: string;
  label?: string;
  /** `criticality critical`, `severity high`: what the ladder is used for; empty for a standard ladder. */
  appliesTo: string[];
  /** The dispute step the ladder hands over to. */
  then?: string;
  /** That step's own time limit (`start within 20 business days`). */
  thenDeadline?: string;
  /** True for the dispute block's default ladder. */
  isDefault?: boolean;
  /** The whole `escalation` declaration. */
  range: Range;
  tiers: GraphTier[];
}

/** Optional: lets the simulation offer the contract's services by name. */
export interface GraphService {
  name: string;
  label?: string;
  criticality?: string;
}

export interface GraphContract {
  name: string;
  label?: string;
  ladders: GraphLadder[];
  services?: GraphService[];
}

export interface EscalationGraphParams {
  uri: string;
}

export interface EscalationGraph {
  contracts: GraphContract[];
  svg: string;
  mermaid: string;
}

export type Severity = "critical" | "high" | "standard" | "low";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "standard", "low"];

export interface SimulateParams {
  uri: string;
  contract?: string;
  ladder?: string;
  service?: string;
  severity?: Severity;
  /** ISO 8601 instant with an offset. */
  raised: string;
  resolveAt?: { tier: string; after?: string };
}

export interface SimulatedTier {
  tier: string;
  level?: string;
  /** The tier's `within`, as written. */
  within?: string;
  opens: string;
  deadline: string;
  customer?: Contact;
  supplier?: Contact;
  forum?: string;
  minutes?: { board: string; due: string; by?: string };
}

export interface CalendarDescription {
  timezone: string;
  workdays: string[];
  hours: string;
  holidays: string[];
  regions: string[];
}

export type EventKind = "tier-opened" | "minutes-due" | "resolved" | "formal-step";

export interface SimulationEvent {
  at: string;
  kind: EventKind | string;
  tier?: string;
  board?: string;
  step?: string | null;
  deadline?: string | null;
  /** Whether services continue at this moment. */
  services?: "continue" | "at-risk";
}

/** The output of simulation.md, plus the renderings the views show. */
export interface SimulationResult {
  contract: string;
  contractLabel?: string;
  ladder: string;
  ladderLabel?: string;
  /** How the ladder was chosen. */
  ladderChosenBy?: "given" | "criticality" | "severity" | "default" | "standard";
  service?: string;
  severity?: string;
  raised: string;
  start: string;
  tiers: SimulatedTier[];
  events: SimulationEvent[];
  outcome: "resolved" | "formal";
  resolved: { tier: string; at: string } | null;
  formal: { step: string | null; at: string; deadline: string | null; deadlineKind?: "start" | "decide" } | null;
  servicesContinue: boolean;
  businessDays: number;
  calendar?: CalendarDescription;
  /** What the simulation could not take into account (an unresolved forum, a missing formal step). */
  notes?: string[];
  markdown: string;
  svg: string;
}
