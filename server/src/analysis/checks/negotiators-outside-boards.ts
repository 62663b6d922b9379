// GOV002: a person who negotiated the contract holds no role on any governance board.
import type { PersonInfo } from "../../core/link";
import { bodyBroken } from "../check";
import type { Check, CheckFinding } from "../check";
import { describePerson, hasLeft } from "../people";

export const negotiatorsOutsideBoards: Check = {
  code: "GOV002",
  defaultSeverity: "warning",
  title: "Negotiator outside the boards",
  explanation:
    "Someone who negotiated the contract does not hold a role on any governance board. The people who know " +
    "what was meant, which concessions were traded and why a clause reads as it does are then out of the room " +
    "when the boards interpret it, and the contract drifts from its intent.",
  run(ctx) {
    const { contract } = ctx;
    const c = contract.contract;
    if (c.negotiatedBy.length === 0) return [];
    if (!c.governance ? bodyBroken(ctx) : c.governance.incomplete) return [];
    const holders = new Set<PersonInfo>();
    for (const b of c.governance?.boards ?? []) {
      for (const m of b.members) {
        const role = contract.roleOf.get(m);
        // An unresolved member or holder could be the negotiator: only REF001 is reported then.
        if (!role || role.role.incomplete || (role.role.holder && !role.holder)) return [];
        if (role.holder) holders.add(role.holder);
      }
    }
    const out: CheckFinding[] = [];
    for (const ref of c.negotiatedBy) {
      const person = contract.personOf.get(ref);
      if (!person || holders.has(person)) continue;
      out.push({
        range: ref.range,
        message: hasLeft(person, ctx.today)
          ? `${describePerson(person)} negotiated the contract, has left (on ${person.person.left!.text}) and is not a member of any board: nobody who knows its intent is in the room`
          : `${describePerson(person)} negotiated the contract but is not a member of any board: the people who know its intent are out of the room`,
      });
    }
    return out;
  },
};
