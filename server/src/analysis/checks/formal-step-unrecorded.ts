// MAT006: the last tier's time is up and the matter is still open: the formal step is available.
import type { Check, CheckFinding } from "../check";
import { atMatter, matterName, replays, tierName } from "../matters";
import { current, isLastTier } from "../../operations/replay";

export const formalStepUnrecorded: Check = {
  code: "MAT006",
  defaultSeverity: "warning",
  title: "Formal step available, nothing recorded",
  explanation:
    "A matter reached the last tier of its ladder and that tier's deadline has passed, yet the log records neither " +
    "a resolution nor the formal step. Either the executives settled it and the log is behind, or the matter is " +
    "waiting for someone to start mediation or arbitration. Record what happened.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      const t = current(r);
      if (r.state !== "open" || !isLastTier(r, t) || t.deadline === undefined || !(t.deadline < state.now)) continue;
      const then = r.ladder.then?.text;
      out.push({
        range: atMatter(r),
        message: `${matterName(r)} is open at the last tier ${tierName(t)}, whose deadline passed on ${state.clock.say(t.deadline)}: ${then ? `'${then}' is available` : "the formal step is available"}; record it or the resolution`,
      });
    }
    return out;
  },
};
