// ESC010: the two sides of a tier are at different levels.
import type { Check, CheckFinding } from "../check";
import { atName } from "../check";
import { tierContact } from "../ladders";
import { describeRole } from "../people";

export const mismatchedTierLevels: Check = {
  code: "ESC010",
  defaultSeverity: "warning",
  title: "Sides of a tier at different levels",
  explanation:
    "At one escalation tier, the two parties send people of different seniority: an executive facing an " +
    "account manager. The junior side cannot commit to what the senior side asks, and the senior side feels " +
    "its time is wasted; the right people are not in the room, so the tier rarely settles anything.",
  run({ contract }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      for (const tier of ladder.tiers) {
        if (tier.incomplete) continue;
        const c = tierContact(contract, tier, "customer");
        const s = tierContact(contract, tier, "supplier");
        if (c.kind !== "role" || s.kind !== "role" || c.role.role.incomplete || s.role.role.incomplete) continue;
        if (!c.role.level || !s.role.level || c.role.level === s.role.level) continue;
        out.push({
          range: atName(tier),
          message: `at tier '${tier.name?.text ?? ""}', the customer's ${describeRole(c.role)} is ${c.role.level} but the supplier's ${describeRole(s.role)} is ${s.role.level}`,
        });
      }
    }
    return out;
  },
};
