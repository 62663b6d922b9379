// MAT002: a matter went to a formal dispute step before the ladder's last tier had its chance.
import type { Check, CheckFinding } from "../check";
import { matterName, replays } from "../matters";
import { formalAvailable } from "../../operations/replay";

export const formalStepTooEarly: Check = {
  code: "MAT002",
  defaultSeverity: "error",
  title: "Formal step taken before it was available",
  explanation:
    "The matter left the escalation ladder for a formal process (mediation, expert determination, arbitration) " +
    "before the executives at the last tier had their time to resolve it. The contract promises that chance; a " +
    "formal step taken early can be challenged, costs more, and hardens positions that a meeting might have softened.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      if (!r.formal) continue;
      const available = formalAvailable(r);
      const last = r.ladder.tiers[r.ladder.tiers.length - 1]?.name?.text ?? "";
      if (available !== undefined && !(r.formal.at < available)) continue;
      // The last tier opened but its `within` cannot be counted: ESC005 or VAL001 already say so.
      if (available === undefined && r.tiers.some((t) => t.index === r.ladder.tiers.length - 1)) continue;
      out.push({
        range: r.formal.event.step!.range,
        message: available
          ? `${matterName(r)} went to '${r.formal.stepName}' on ${state.clock.say(r.formal.at)}, before the formal step was available (${state.clock.say(available)}, the deadline of tier '${last}')`
          : `${matterName(r)} went to '${r.formal.stepName}' without reaching the ladder's last tier '${last}'`,
      });
    }
    return out;
  },
};
