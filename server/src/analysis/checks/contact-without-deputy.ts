// ESC008: an escalation contact's role has no deputy: an absence stops the ladder at that tier.
import type { Linked, LinkedContract, RoleInfo } from "../../core/link";
import type { Check, CheckFinding } from "../check";
import { fixOf } from "../check";
import { fixText, line } from "../edits";
import { SIDES, tierContact } from "../ladders";
import { describeRole, hasLeft } from "../people";

export const contactWithoutDeputy: Check = {
  code: "ESC008",
  defaultSeverity: "info",
  title: "Escalation contact without a deputy",
  explanation:
    "A role named as an escalation contact has no deputy. Holidays, illness and departures happen; when the " +
    "only person who can act at a tier is away, the tier's time limit runs out with nobody deciding, or the " +
    "matter waits. Naming a deputy keeps the ladder moving.",
  run({ linked, contract, today }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      for (const tier of ladder.tiers) {
        if (tier.incomplete) continue;
        for (const side of SIDES) {
          const c = tierContact(contract, tier, side);
          if (c.kind !== "role" || c.role.role.incomplete || c.role.role.deputy) continue;
          out.push({
            range: c.ref.range,
            message: `role ${describeRole(c.role)}, the ${side} contact at tier '${tier.name?.text ?? ""}', has no deputy`,
            fix: addDeputy(linked, contract, c.role, today),
          });
        }
      }
    }
    return out;
  },
};

/** Names as deputy the first other person of the role's party still there; only for roles in this file. */
function addDeputy(linked: Linked, lc: LinkedContract, role: RoleInfo, today: string) {
  if (role.decl.uri !== lc.uri) return undefined;
  const candidate = [...role.party.people.values()].find((p) => p !== role.holder && !p.person.incomplete && !hasLeft(p, today));
  if (!candidate) return undefined;
  return fixOf(`Make ${candidate.decl.name} the deputy of ${role.decl.name}`, () => fixText(linked).insertInOrder(role.role, "role", "deputy", [line(`deputy ${candidate.decl.name}`)]));
}
