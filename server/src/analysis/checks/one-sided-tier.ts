// ESC003: a tier with no contact for one side: that side has nobody in the room at that step.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";
import { SIDES, tierLevel } from "../ladders";
import { rolesAtLevel } from "../people";

export const oneSidedTier: Check = {
  code: "ESC003",
  defaultSeverity: "error",
  title: "Tier with one side missing",
  explanation:
    "An escalation tier names a contact for only one of the two parties. Escalation is a conversation " +
    "between counterparts; when one side has nobody named, the matter arrives at that tier and nobody on that " +
    "side knows it is theirs, so the time limit runs out while nobody is talking.",
  run({ linked, contract, today }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      for (const tier of ladder.tiers) {
        if (tier.incomplete) continue;
        const missing = SIDES.filter((s) => !tier[s]);
        if (missing.length === 0) continue;
        const level = tierLevel(contract, tier).level;
        const proposals = missing.map((side) => ({ side, role: level && contract[side] ? rolesAtLevel(contract[side]!, level, today)[0] : undefined }));
        const complete = proposals.every((p) => p.role);
        out.push({
          range: atName(tier),
          message: `tier '${tier.name?.text ?? ""}' names no ${missing.join(" and no ")} contact: ${missing.length > 1 ? "neither side has" : `the ${missing[0]} has`} nobody at this step`,
          fix: complete
            ? fixOf(`Add the ${missing.join(" and ")} ${level ?? ""} role`.replace(/  +/g, " "), () => fixText(linked).insertInOrder(tier, "tier", missing[0], proposals.map((p) => line(`${p.side} ${p.role!.decl.name}`))))
            : undefined,
        });
      }
    }
    return out;
  },
};
