// The escalation graph with the analysis' findings on it: a finding whose range (or a related range) falls
// on a tier's contact marks that contact, inside a tier marks the tier, and elsewhere inside a ladder's
// declaration marks the ladder. One join for the preview request (lsp/requests.ts), `covenant preview`
// (cli/preview.ts) and the ladder hover, so the three show the same marks.
import type * as A from "../core/ast";
import type { Finding, Severity } from "../core/findings";
import type { Linked } from "../core/link";
import { allRules } from "../analysis/rules";
import { escalationGraph, EscalationGraph, GraphFinding, GraphLadder, GraphTier } from "../simulate/graph";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

let titles: Map<string, string> | undefined;

function titleOf(code: string): string {
  titles ??= new Map(allRules().map((r) => [r.code, r.title]));
  return titles.get(code) ?? code;
}

function within(inner: A.Range, outer: A.Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The escalation graph of `linked` on `today`, each finding of the file placed on the ladder, tier or contact it is about. */
export function escalationGraphWithFindings(linked: Linked, today: string, findings: readonly Finding[]): EscalationGraph {
  const graph = escalationGraph(linked, today);
  markFindings(graph, findings.filter((f) => f.uri === linked.uri));
  return graph;
}

/** Places findings (of the graph's file) on the graph; every tier and ladder gets a `findings` list, empty when none. */
export function markFindings(graph: EscalationGraph, findings: readonly Finding[]): void {
  const ladders = graph.contracts.flatMap((c) => c.ladders);
  const marks = new Map<GraphLadder | GraphTier, Map<string, GraphFinding>>();
  for (const l of ladders) {
    marks.set(l, new Map());
    for (const t of l.tiers) marks.set(t, new Map());
  }
  const put = (on: GraphLadder | GraphTier, f: Finding, side?: A.Side): void => {
    const mark: GraphFinding = { code: f.code, severity: f.severity, title: titleOf(f.code), message: f.message, ...(side ? { side } : {}) };
    marks.get(on)!.set(`${side ?? ""} ${f.code} ${f.message}`, mark);
  };
  for (const f of findings) {
    for (const range of [f.range, ...(f.related ?? []).filter((r) => !r.uri || r.uri === f.uri).map((r) => r.range)]) {
      for (const l of ladders) {
        if (!within(range, l.declaration)) continue;
        const tier = l.tiers.find((t) => within(range, t.declaration));
        if (!tier) put(l, f);
        else {
          const side = (["customer", "supplier"] as const).find((s) => tier.refs[s] && within(range, tier.refs[s]!));
          put(tier, f, side);
        }
      }
    }
  }
  const order = (a: GraphFinding, b: GraphFinding): number =>
    RANK[a.severity] - RANK[b.severity] || (a.side ?? "").localeCompare(b.side ?? "") || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  for (const [on, found] of marks) on.findings = [...found.values()].sort(order);
}
