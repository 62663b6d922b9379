// ESC006: escalating to a later tier reaches a person already met at an earlier tier.
import type { PersonInfo } from "../../core/link";
import type { Check, CheckFinding } from "../check";
import { SIDES, tierContact } from "../ladders";
import { describePerson, personOfRole } from "../people";

export const repeatedEscalationContact: Check = {
  code: "ESC006",
  defaultSeverity: "warning",
  title: "Same person at two tiers",
  explanation:
    "On one side, the person at a tier is the same person as at an earlier tier of the ladder, often because " +
    "a deputy stands in for someone who has left or one person holds two roles. The escalation step then " +
    "changes nothing: the same person reviews their own decision, and the time limit of that tier is lost.",
  run({ contract, today }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      if (ladder.incomplete) continue;
      const tiers = ladder.tiers;
      for (const side of SIDES) {
        const people: (PersonInfo | undefined)[] = tiers.map((t) => {
          const c = tierContact(contract, t, side);
          return c.kind === "role" && !t.incomplete ? personOfRole(c.role, today) : undefined;
        });
        for (let j = 1; j < tiers.length; j++) {
          const p = people[j];
          if (!p) continue;
          // The first and last tier alone is ESC002's finding.
          const i = people.findIndex((q, k) => k < j && q === p && !(k === 0 && j === tiers.length - 1));
          if (i < 0) continue;
          const earlier = { range: tiers[i][side]!.range, message: `${describePerson(p)} at tier '${tiers[i].name?.text ?? ""}'` };
          // On the last tier, when the first tier has the same person, ESC002 already says who it is and why it
          // matters: this finding adds only the middle tier, and points to ESC002's finding instead of repeating it.
          const alsoFirstAndLast = j === tiers.length - 1 && people[0] === p;
          out.push({
            range: tiers[j][side]!.range,
            message: alsoFirstAndLast
              ? `on the ${side} side, this contact is also the contact at tier '${tiers[i].name?.text ?? ""}', between the first tier and the last`
              : `on the ${side} side, ${describePerson(p)} is already the contact at tier '${tiers[i].name?.text ?? ""}': escalating to tier '${tiers[j].name?.text ?? ""}' reaches the same person`,
            related: alsoFirstAndLast
              ? [earlier, { range: tiers[j][side]!.range, message: "first and last point of escalation (ESC002): who this is and why it matters" }]
              : [earlier],
          });
        }
      }
    }
    return out;
  },
};
