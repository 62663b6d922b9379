// ESC002: on one side, the same person opens and closes the ladder: nowhere left to go.
import type { Check, CheckFinding } from "../check";
import { SIDES, tierContact } from "../ladders";
import { describePerson, personOfRole } from "../people";

export const firstAndLastPointOfEscalation: Check = {
  code: "ESC002",
  defaultSeverity: "error",
  title: "First and last point of escalation",
  explanation:
    "On one side, the person who handles a disagreement at the first tier is also the person at the last " +
    "tier. Escalating is meant to bring someone new and more senior to the table; here the matter climbs the " +
    "whole ladder and lands back on the desk it started from, with nowhere left to go before the formal dispute.",
  run({ contract, today }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      const tiers = ladder.tiers;
      if (ladder.incomplete || tiers.length < 2) continue;
      const first = tiers[0];
      const last = tiers[tiers.length - 1];
      for (const side of SIDES) {
        const a = tierContact(contract, first, side);
        const b = tierContact(contract, last, side);
        if (a.kind !== "role" || b.kind !== "role") continue;
        const pa = personOfRole(a.role, today);
        const pb = personOfRole(b.role, today);
        if (!pa || pa !== pb) continue;
        out.push({
          range: b.ref.range,
          message: `on the ${side} side, ${describePerson(pb)} is the contact at both the first tier '${first.name?.text ?? ""}' and the last tier '${last.name?.text ?? ""}' of ladder '${ladder.name?.text ?? ""}': escalating leads back to the same person`,
          related: [{ range: a.ref.range, message: `${describePerson(pa)} at the first tier '${first.name?.text ?? ""}'` }],
        });
      }
    }
    return out;
  },
};
