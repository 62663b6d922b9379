// EWL002: a fired early-warning signal got no response in time.
import type { Check, CheckFinding } from "../check";
import { describeFiring } from "../warnings";

export const unansweredEarlyWarning: Check = {
  code: "EWL002",
  defaultSeverity: "error",
  title: "Early warning not answered in time",
  explanation:
    "An early-warning signal fired and the contract's `respond within` passed without a recorded response. The " +
    "process exists so that someone acts on the warning; an unanswered one is how relationships slide into disputes " +
    "that both sides saw coming.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const f of state.firings) {
      if (f.state !== "missed") continue;
      out.push({ range: f.occurrence.range, message: `early-warning signal '${f.kind}' fired${describeFiring(state, f)} and has no response by its deadline ${state.clock.say(f.due!)}` });
    }
    return out;
  },
};
