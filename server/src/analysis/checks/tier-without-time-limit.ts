// ESC005: a tier with no `within`: the ladder can stall at that step.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";

export const tierWithoutTimeLimit: Check = {
  code: "ESC005",
  defaultSeverity: "error",
  title: "Tier without a time limit",
  explanation:
    "An escalation tier has no `within` time limit. Without a deadline, a tier that cannot agree simply keeps " +
    "talking: the matter never moves up, the other side cannot insist that it does, and a problem that should " +
    "have reached executives in weeks sits at the same desk for months.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      for (const tier of ladder.tiers) {
        if (tier.incomplete || tier.within) continue;
        out.push({
          range: atName(tier),
          message: `tier '${tier.name?.text ?? ""}' of ladder '${ladder.name?.text ?? ""}' has no time limit (within): the ladder can stall here`,
          fix: fixOf("Add `within 10 business days`", () => fixText(linked).insertInOrder(tier, "tier", "within", [line("within 10 business days")])),
        });
      }
    }
    return out;
  },
};
