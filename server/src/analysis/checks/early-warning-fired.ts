// EWL001: an early-warning signal of the contract fired.
import type { Check, CheckFinding } from "../check";
import { describeFiring } from "../warnings";

export const earlyWarningFired: Check = {
  code: "EWL001",
  defaultSeverity: "warning",
  title: "Early-warning signal fired",
  explanation:
    "Signs the contract names as early warnings (missed deadlines, a formal tone, repeated service-level breaches) " +
    "have reached the threshold it sets. The contract's early-warning process now asks for a response: a review at " +
    "the named board while the problem is still a conversation, not a dispute.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const f of state.firings) {
      out.push({ range: f.occurrence.range, message: `early-warning signal '${f.kind}' fires${describeFiring(state, f)}${f.due !== undefined ? `; respond by ${state.clock.say(f.due)}` : ""}` });
    }
    return out;
  },
};
