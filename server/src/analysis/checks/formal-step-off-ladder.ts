// MAT005: the formal step taken is not the one the ladder hands over to.
import type { Check, CheckFinding } from "../check";
import { matterName, replays } from "../matters";

export const formalStepOffLadder: Check = {
  code: "MAT005",
  defaultSeverity: "warning",
  title: "Formal step other than the ladder's",
  explanation:
    "The matter went to a formal dispute step other than the one its escalation ladder names with `then`. The " +
    "contract chose that step for matters of this kind (expert determination for technical disputes, mediation for " +
    "the rest); starting another one invites an argument about the process before the substance.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      const then = r.ladder.then?.text;
      if (!r.formal || !then || r.formal.stepName === then) continue;
      out.push({ range: r.formal.event.step!.range, message: `${matterName(r)} went to '${r.formal.stepName}', but ladder '${r.ladder.name?.text ?? ""}' hands over to '${then}'` });
    }
    return out;
  },
};
