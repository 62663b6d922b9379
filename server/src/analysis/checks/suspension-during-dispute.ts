// MAT011: services were suspended in a matter although the contract says they continue.
import type { Check, CheckFinding } from "../check";
import { matterName, replays } from "../matters";

export const suspensionDuringDispute: Check = {
  code: "MAT011",
  defaultSeverity: "error",
  title: "Services suspended against the contract",
  explanation:
    "The log records that services were suspended during a matter, and the contract's continuity block says services " +
    "continue or forbids suspension. Suspending service to win an argument is exactly what that clause rules out; it " +
    "is a breach of its own, and it turns a disagreement into an outage.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    const c = state.contract.contract.continuity;
    const rule = c?.services?.value?.text === "continue" ? "services continue" : c?.suspension?.value?.text === "forbidden" ? "suspension forbidden" : undefined;
    if (!rule) return out;
    for (const r of replays(state)) {
      for (const e of r.matter.events) {
        if (e.event === "suspended") out.push({ range: e.keyword, message: `${matterName(r)}: services were suspended, but the contract says '${rule}'` });
      }
    }
    return out;
  },
};
