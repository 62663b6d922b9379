// DSP002: an arbitration without rules or seat, or litigation without courts, invites a fight about the forum.
import type { Check, CheckFinding } from "../check";
import { fixOf } from "../check";
import { fixText, line } from "../edits";

export const formalStepMissingFields: Check = {
  code: "DSP002",
  defaultSeverity: "warning",
  title: "Arbitration or litigation without its forum",
  explanation:
    "An arbitration clause that names no rules or no seat, or a litigation step that names no courts, leaves " +
    "the parties to fight over where and how the dispute is heard before they can fight about the dispute " +
    "itself. Name the arbitration rules and the seat (the city whose law governs the arbitration), or the courts.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    const dispute = contract.contract.dispute;
    if (!dispute) return out;
    for (const step of dispute.steps) {
      if (step.incomplete) continue;
      const missing: string[] = [];
      if (step.step === "arbitration") {
        if (!step.rules) missing.push("rules");
        if (!step.seat) missing.push("seat");
      } else if (step.step === "litigation" && !step.courts) {
        missing.push("courts");
      }
      if (missing.length === 0) continue;
      const fields = missing.map((f) => line(`${f} "…"`));
      out.push({
        range: step.keyword,
        message: `${step.step} has no ${missing.join(" and no ")}: name ${missing.length > 1 ? "them" : "it"} so the forum is not itself disputed`,
        fix: fixOf(`Add ${missing.join(" and ")} to the ${step.step} step`, () => fixText(linked).insert(step, fields)),
      });
    }
    return out;
  },
};
