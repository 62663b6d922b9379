// MAT001: an open matter sits at a tier whose deadline has passed: it must be escalated or resolved.
import type { Check, CheckFinding } from "../check";
import { atMatter, matterName, replays, tierName } from "../matters";
import { current, isLastTier } from "../../operations/replay";

export const matterPastTierDeadline: Check = {
  code: "MAT001",
  defaultSeverity: "error",
  title: "Matter past its tier's deadline",
  explanation:
    "A matter is still open at a tier of the escalation ladder whose time is up. The contract says the people at " +
    "that tier had until the deadline to settle it; after that it belongs to the next tier. Left where it is, the " +
    "matter drifts: escalate it to the next tier now, or record that it was resolved.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      const t = current(r);
      if (r.state !== "open" || isLastTier(r, t) || t.deadline === undefined || !(t.deadline < state.now)) continue;
      const next = r.ladder.tiers[t.index + 1]?.name?.text;
      out.push({
        range: atMatter(r),
        message: `${matterName(r)} is still at tier ${tierName(t)}, whose deadline passed on ${state.clock.say(t.deadline)}: escalate it${next ? ` to '${next}'` : ""} or record its resolution`,
      });
    }
    return out;
  },
};
