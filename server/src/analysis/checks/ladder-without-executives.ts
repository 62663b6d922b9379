// ESC004: no tier of a ladder is at executive level.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText } from "../edits";
import { freeName, tierLevel, tierLines } from "../ladders";

export const ladderWithoutExecutives: Check = {
  code: "ESC004",
  defaultSeverity: "warning",
  title: "No executive tier",
  explanation:
    "No tier of the escalation ladder is at executive level, so a disagreement leaves for mediation, " +
    "arbitration or court without the people who can make a commercial trade-off ever having tried to settle it. " +
    "Executives can give ground on one issue to win another; managers working within a budget usually cannot.",
  run({ linked, contract, today }) {
    const out: CheckFinding[] = [];
    for (const ladder of contract.contract.escalations) {
      if (ladder.incomplete) continue;
      const levels = ladder.tiers.map((t) => tierLevel(contract, t));
      if (levels.some((l) => !l.known) || levels.some((l) => l.level === "executive")) continue;
      const name = freeName("executive", (n) => ladder.tiers.some((t) => t.name?.text === n));
      const tier = tierLines(name, "executive", contract, "10 business days", today);
      const before = ladder.thenKeyword && ladder.tiers.every((t) => t.range.end <= ladder.thenKeyword!.start) ? ladder.thenKeyword.start : undefined;
      out.push({
        range: atName(ladder),
        message: `no tier of ladder '${ladder.name?.text ?? ""}' is at executive level: the matter leaves for a formal process before executives have tried to settle it`,
        fix: fixOf("Add an executive tier", () => fixText(linked).insert(ladder, [tier], { before })),
      });
    }
    return out;
  },
};
