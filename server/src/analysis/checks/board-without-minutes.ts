// REC002: a board whose meetings leave no minutes.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";
import { proposeRole, qualified } from "../people";

export const boardWithoutMinutes: Check = {
  code: "REC002",
  defaultSeverity: "warning",
  title: "Board without minutes",
  explanation:
    "A governance board has no `minutes by ... within ...`: nobody is charged with writing down what it " +
    "decided, or by when. Decisions that are not minuted are re-argued at the next meeting and are worth " +
    "little as evidence when a dispute comes.",
  run({ linked, contract, today }) {
    const out: CheckFinding[] = [];
    const text = linked.file.text;
    for (const board of contract.contract.governance?.boards ?? []) {
      if (board.incomplete || board.minutes) continue;
      // The first member as written, else the customer's operational role.
      const member = board.members.find((m) => contract.roleOf.has(m));
      const fallback = proposeRole(contract.customer, "operational", true, today);
      const who = member ? text.slice(member.range.start, member.range.end) : fallback && qualified(fallback);
      const minutes = `minutes by ${who} within 2 business days`;
      out.push({
        range: atName(board),
        message: `board '${board.name?.text ?? ""}' has no minutes: nobody records what it decides`,
        fix: who ? fixOf(`Add \`${minutes}\``, () => fixText(linked).insertInOrder(board, "board", "minutes", [line(minutes)])) : undefined,
      });
    }
    return out;
  },
};
