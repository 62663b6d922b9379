// The escalation paths of a file's contracts as plain data: ladders, tiers, who speaks for each side on
// `today`, and the time each tier adds. The preview, the hover and the CLI draw from this.
import type * as A from "../core/ast";
import type { Severity as FindingSeverity } from "../core/findings";
import type { Linked, LinkedContract } from "../core/link";
import { describeDuration } from "../core/values";
import { Contact, contactOn, tierLevel } from "./contacts";
import { laddersOf } from "./simulate";

export type { Contact } from "./contacts";
export type { FindingSeverity };

/** A finding of the analysis that lives on a ladder, a tier or a contact (features/escalation-graph.ts puts it there). */
export interface GraphFinding {
  code: string;
  severity: FindingSeverity;
  /** The rule's title: the short reason a diagram shows (`First and last point of escalation`). */
  title: string;
  /** The finding's message in full, for a tooltip or a list. */
  message: string;
  /** On a tier: the side whose contact the finding is about; absent when it is about the tier itself. */
  side?: A.Side;
}

export interface GraphTier {
  name: string;
  /** Offsets of the tier's name. */
  range: A.Range;
  /** Offsets of the whole `tier` block. */
  declaration: A.Range;
  /** Offsets of the role written for each side, when the tier names one. */
  refs: { customer?: A.Range; supplier?: A.Range };
  level?: A.Level;
  /** The tier's `within` (`5 business days`). */
  within?: string;
  /** Time from the ladder's start to this tier's deadline (`15 business days`, `8 business hours + 2 days`). */
  elapsed?: string;
  forum?: string;
  customer?: Contact;
  supplier?: Contact;
  /** The findings on this tier and its contacts, worst first; absent when the graph was drawn without an analysis. */
  findings?: GraphFinding[];
}

export interface GraphLadder {
  name: string;
  label?: string;
  /** `criticality critical`, `severity high`: empty for a standard ladder. */
  appliesTo: string[];
  /** The formal dispute step the ladder hands over to. */
  then?: string;
  /** The step's own deadline (`start within 20 business days`), when the dispute block gives one. */
  thenDeadline?: string;
  /** True for the dispute block's default ladder. */
  isDefault: boolean;
  /** Offsets of the ladder's name. */
  range: A.Range;
  /** Offsets of the whole `escalation` declaration. */
  declaration: A.Range;
  tiers: GraphTier[];
  /** The findings on the ladder itself (outside its tiers), worst first; absent without an analysis. */
  findings?: GraphFinding[];
}

export interface GraphContract {
  name: string;
  label?: string;
  range: A.Range;
  ladders: GraphLadder[];
  /** The contract's services, so that a simulation can offer them by name. */
  services: { name: string; label?: string; criticality?: string }[];
}

export interface EscalationGraph {
  /** The date contacts are judged at (people who have left by then are replaced by their deputies). */
  today: string;
  contracts: GraphContract[];
}

/** The escalation graph of every named contract in the file; contacts as they stand on `today` (YYYY-MM-DD). */
export function escalationGraph(linked: Linked, today: string): EscalationGraph {
  const contracts: GraphContract[] = [];
  for (const lc of linked.contracts) {
    const c = lc.contract;
    if (!c.name) continue;
    const services = [...lc.services.entries()].map(([name, s]) => ({
      name,
      ...(s.label ? { label: s.label.value } : {}),
      ...(s.criticality ? { criticality: s.criticality.text } : {}),
    }));
    const gc: GraphContract = { name: c.name.text, range: c.name.range, ladders: laddersOf(lc).map((e) => ladderOf(lc, e, today)), services };
    if (c.label) gc.label = c.label.value;
    contracts.push(gc);
  }
  return { today, contracts };
}

function ladderOf(lc: LinkedContract, e: A.Escalation, today: string): GraphLadder {
  const ladder: GraphLadder = {
    name: e.name!.text,
    appliesTo: e.appliesTo.filter((a) => a.dimension && a.level).map((a) => `${a.dimension!.text} ${a.level!.text}`),
    isDefault: lc.contract.dispute?.ladder?.text === e.name!.text,
    range: e.name!.range,
    declaration: e.range,
    tiers: [],
  };
  if (e.label) ladder.label = e.label.value;
  if (e.then) {
    ladder.then = e.then.text;
    const step = lc.contract.dispute?.steps.find((s) => s.step === e.then!.text);
    if (step?.start && valid(step.start)) ladder.thenDeadline = `start within ${describeDuration(step.start)}`;
    else if (step?.decide && valid(step.decide)) ladder.thenDeadline = `decide within ${describeDuration(step.decide)}`;
  }
  // Cumulative time per unit, in the order the units first appear; unknown after a tier without a valid `within`.
  let elapsed: Map<string, A.Duration> | undefined = new Map();
  for (const t of e.tiers) {
    if (!t.name) continue;
    const refs: GraphTier["refs"] = {};
    if (t.customer) refs.customer = t.customer.range;
    if (t.supplier) refs.supplier = t.supplier.range;
    const tier: GraphTier = { name: t.name.text, range: t.name.range, declaration: t.range, refs };
    const level = tierLevel(lc, t);
    if (level) tier.level = level;
    if (t.within && valid(t.within)) {
      tier.within = describeDuration(t.within);
      if (elapsed) {
        const key = `${t.within.business}|${t.within.unit}`;
        const sum = elapsed.get(key);
        elapsed.set(key, sum ? { ...sum, amount: sum.amount + t.within.amount } : t.within);
        tier.elapsed = [...elapsed.values()].map(describeDuration).join(" + ");
      }
    } else {
      elapsed = undefined;
    }
    if (t.forum) tier.forum = t.forum.text;
    const customer = contactOn(lc, t.customer, today);
    const supplier = contactOn(lc, t.supplier, today);
    if (customer) tier.customer = customer;
    if (supplier) tier.supplier = supplier;
    ladder.tiers.push(tier);
  }
  return ladder;
}

function valid(d: A.Duration): boolean {
  return Number.isInteger(d.amount) && d.amount > 0;
}
