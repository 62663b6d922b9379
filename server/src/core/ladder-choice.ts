// Which escalation ladder a matter climbs (simulation.md, Inputs): shared by the simulator and the log's linker.
import type * as A from "./ast";
import type { LinkedContract } from "./link";

export type LadderChoice = "given" | "criticality" | "severity" | "default" | "standard";

/** The ladders of a contract in the order written, each once. */
export function laddersOf(lc: LinkedContract): A.Escalation[] {
  return lc.contract.escalations.filter((e) => e.name && lc.ladders.get(e.name.text) === e);
}

/**
 * The given ladder; else the first whose `applies-to` matches the service's criticality or the severity;
 * else the dispute block's default ladder; else the first ladder without `applies-to`.
 */
export function chooseLadder(
  lc: LinkedContract, input: { ladder?: string; severity?: string }, service: A.Service | undefined,
): { ladder: A.Escalation; by: LadderChoice } | { error: string } {
  const ladders = laddersOf(lc);
  const names = ladders.map((e) => e.name!.text).join(", ");
  const contract = lc.contract.name?.text ?? "";
  if (input.ladder !== undefined) {
    const found = lc.ladders.get(input.ladder);
    if (found) return { ladder: found, by: "given" };
    return { error: ladders.length ? `contract '${contract}' has no ladder '${input.ladder}' (ladders: ${names})` : `contract '${contract}' has no escalation ladder` };
  }
  if (ladders.length === 0) return { error: `contract '${contract}' has no escalation ladder` };
  const criticality = service?.criticality?.text;
  for (const e of ladders) {
    for (const a of e.appliesTo) {
      if (a.dimension?.text === "criticality" && criticality && a.level?.text === criticality) return { ladder: e, by: "criticality" };
      if (a.dimension?.text === "severity" && input.severity && a.level?.text === input.severity) return { ladder: e, by: "severity" };
    }
  }
  const fallback = lc.contract.dispute?.ladder && lc.ladders.get(lc.contract.dispute.ladder.text);
  if (fallback) return { ladder: fallback, by: "default" };
  const standard = ladders.find((e) => e.appliesTo.length === 0);
  if (standard) return { ladder: standard, by: "standard" };
  const what = [criticality && `criticality ${criticality}`, input.severity && `severity ${input.severity}`].filter(Boolean).join(" or ");
  return { error: `no ladder of contract '${contract}' applies${what ? ` to ${what}` : ""}, and it has neither a default ladder (dispute { ladder ... }) nor a ladder without applies-to` };
}
