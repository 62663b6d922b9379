// MAT004: a matter was escalated only after its tier's deadline: the ladder stalled.
import type { Check, CheckFinding } from "../check";
import { matterName, replays, tierName } from "../matters";

export const lateEscalation: Check = {
  code: "MAT004",
  defaultSeverity: "warning",
  title: "Escalated after the tier's deadline",
  explanation:
    "A matter stayed at a tier after that tier's time was up, and was escalated late. Every day past the deadline " +
    "is a day the contract's timetable did not allow, and a pattern of late escalations is the first sign that a " +
    "ladder exists only on paper.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      for (const e of r.escalations) {
        if (e.from.deadline === undefined || !(e.at > e.from.deadline)) continue;
        out.push({ range: e.event.to!.range, message: `${matterName(r)} was escalated on ${state.clock.say(e.at)}, after the deadline of tier ${tierName(e.from)} (${state.clock.say(e.from.deadline)})` });
      }
    }
    return out;
  },
};
