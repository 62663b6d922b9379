// MAT003: an escalation jumped over tiers of the ladder.
import type { Check, CheckFinding } from "../check";
import { matterName, replays, tierName } from "../matters";

export const skippedEscalationTier: Check = {
  code: "MAT003",
  defaultSeverity: "warning",
  title: "Escalation skipped a tier",
  explanation:
    "A matter was escalated past the next tier of the ladder. The skipped people never had the chance to settle it, " +
    "and the people it reached see it without the history they would have had. Sometimes urgency justifies it; the " +
    "log should then say why.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      for (const e of r.escalations) {
        if (e.to.index === e.from.index + 1) continue;
        const skipped = r.ladder.tiers.slice(e.from.index + 1, e.to.index).map((t) => `'${t.name?.text ?? ""}'`);
        out.push({ range: e.event.to!.range, message: `${matterName(r)} went from tier ${tierName(e.from)} to ${tierName(e.to)}, skipping ${skipped.join(", ")}` });
      }
    }
    return out;
  },
};
