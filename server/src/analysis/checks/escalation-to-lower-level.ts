// ESC007: a later tier names a less senior role than an earlier one on the same side.
import type * as A from "../../core/ast";
import type { Check, CheckFinding } from "../check";
import { levelRank, SIDES, tierContact } from "../ladders";

export const escalationToLowerLevel: Check = {
  code: "ESC007",
  defaultSeverity: "warning",
  title: "Escalation goes down, not up",
  explanation:
    "On one side, the role named at a tier is less senior than the role at an earlier tier: the matter is " +
    "escalated to someone with less authority than the person who could not settle it. Each tier should bring " +
    "someone at least as senior, or the ladder leads downhill.",
  run({ contract }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      if (ladder.incomplete) continue;
      for (const side of SIDES) {
        // The level of the nearest earlier tier where the side has a contact; null when unknown.
        let previous: { level?: A.Level; tier: string } | null | undefined;
        for (const tier of ladder.tiers) {
          if (tier.incomplete) { previous = null; continue; }
          const c = tierContact(contract, tier, side);
          if (c.kind === "missing") continue;
          if (c.kind === "unknown" || c.role.role.incomplete) { previous = null; continue; }
          const level = c.role.level;
          if (previous?.level && level && levelRank(level) < levelRank(previous.level)) {
            out.push({
              range: c.ref.range,
              message: `on the ${side} side, tier '${tier.name?.text ?? ""}' names a ${level} role after a ${previous.level} role at tier '${previous.tier}': the escalation goes down`,
            });
          }
          previous = { level, tier: tier.name?.text ?? "" };
        }
      }
    }
    return out;
  },
};
