// ESC001: no escalation ladder, or a ladder of one tier: a single point of escalation.
import type * as A from "../../core/ast";
import { LEVELS } from "../../core/ast";
import type { TextEdit } from "../../core/findings";
import type { Linked, LinkedContract } from "../../core/link";
import type { Check, CheckFinding } from "../check";
import { atContract, atName, bodyBroken, fixOf } from "../check";
import { block, fixText, line, Lines } from "../edits";
import { freeName, handoverStep, levelRank, tierLevel, tierLines } from "../ladders";

const LIMITS: Record<A.Level, string> = { operational: "5 business days", management: "10 business days", executive: "10 business days" };

export const singlePointOfEscalation: Check = {
  code: "ESC001",
  defaultSeverity: "error",
  title: "Single point of escalation",
  explanation:
    "A disagreement that cannot be settled where it starts needs somewhere to go: from the people running " +
    "the service to their managers, then to executives who can trade one issue against another. With no " +
    "escalation ladder, or a ladder of a single tier, one person on each side decides everything and a " +
    "stalemate goes straight to lawyers.",
  run(ctx) {
    const { linked, contract, today } = ctx;
    const c = contract.contract;
    const fix = fixText(linked);
    if (c.escalations.length === 0) {
      if (bodyBroken(ctx)) return [];
      const name = freeName("standard", (n) => contract.ladders.has(n));
      const ladder = block(`escalation ${name} "Standard escalation"`, [
        ...LEVELS.map((l) => tierLines(l, l, contract, LIMITS[l], today)),
        line(`then ${handoverStep(c)}`),
      ]);
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' has no escalation ladder: a single point of escalation`,
        fix: fixOf("Add an escalation ladder (operational, management, executive)", () => fix.insert(c, [ladder], { separate: true })),
      }];
    }
    const out: CheckFinding[] = [];
    for (const ladder of c.escalations) {
      if (ladder.incomplete || ladder.tiers.length >= 2) continue;
      out.push({
        range: atName(ladder),
        message: `ladder '${ladder.name?.text ?? ""}' has ${ladder.tiers.length === 0 ? "no tier" : "a single tier"}: a single point of escalation`,
        fix: fixOf("Add tiers up to operational, management, executive", () => addTiers(linked, contract, ladder, today)),
      });
    }
    return out;
  },
};

function addTiers(linked: Linked, lc: LinkedContract, ladder: A.Escalation, today: string): TextEdit[] | undefined {
  const fix = fixText(linked);
  const existing = ladder.tiers[0];
  const level = existing ? tierLevel(lc, existing).level ?? "operational" : undefined;
  const taken = (n: string): boolean => ladder.tiers.some((t) => t.name?.text === n);
  const tier = (l: A.Level): Lines => tierLines(freeName(l, taken), l, lc, LIMITS[l], today);
  if (level === "executive") {
    return fix.insert(ladder, LEVELS.filter((l) => l !== "executive").map(tier), { before: existing!.keyword.start });
  }
  const add = LEVELS.filter((l) => level === undefined || levelRank(l) > levelRank(level)).map(tier);
  const afterTiers = existing ? existing.range.end : ladder.keyword.end;
  const before = ladder.thenKeyword && ladder.thenKeyword.start > afterTiers ? ladder.thenKeyword.start : undefined;
  return fix.insert(ladder, add, { before });
}
