// GOV003: the person at the top of a ladder also sits on a weekly or fortnightly board.
import type { PersonInfo } from "../../core/link";
import type { Check, CheckFinding } from "../check";
import { SIDES, tierContact } from "../ladders";
import { describePerson, personOfRole } from "../people";

const FREQUENT = new Set(["weekly", "fortnightly"]);

export const ladderTopInOperations: Check = {
  code: "GOV003",
  defaultSeverity: "warning",
  title: "Top of the ladder in day-to-day meetings",
  explanation:
    "The person at the last tier of an escalation ladder also sits on a board that meets weekly or " +
    "fortnightly. The top of the ladder should be a fresh pair of eyes; someone who is in the day-to-day " +
    "meetings has usually already taken a position on the matter escalated to them, and is too busy with " +
    "operations to step back from it.",
  run({ contract, today }) {
    const top = new Map<PersonInfo, string>();
    for (const ladder of contract.contract.escalations) {
      const last = ladder.tiers[ladder.tiers.length - 1];
      if (ladder.incomplete || !last || last.incomplete) continue;
      for (const side of SIDES) {
        const c = tierContact(contract, last, side);
        const person = c.kind === "role" ? personOfRole(c.role, today) : undefined;
        if (person && !top.has(person)) top.set(person, ladder.name?.text ?? "");
      }
    }
    const out: CheckFinding[] = [];
    for (const board of contract.contract.governance?.boards ?? []) {
      if (board.incomplete || !board.meets || !FREQUENT.has(board.meets.text)) continue;
      for (const m of board.members) {
        const role = contract.roleOf.get(m);
        const person = role && personOfRole(role, today);
        if (!person || !top.has(person)) continue;
        out.push({
          range: m.range,
          message: `${describePerson(person)}, at the top of ladder '${top.get(person)}', also sits on board '${board.name?.text ?? ""}', which meets ${board.meets.text}`,
        });
      }
    }
    return out;
  },
};
