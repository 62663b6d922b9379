// ESC009: a ladder that hands over to no dispute step, or to one the dispute block does not have.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";
import { disputeSteps } from "../ladders";
import { didYouMean, suggest } from "../../core/spelling";

export const ladderWithoutHandover: Check = {
  code: "ESC009",
  defaultSeverity: "error",
  title: "Ladder that leads nowhere",
  explanation:
    "An escalation ladder must say which formal dispute step takes over when its last tier cannot agree " +
    "(`then mediation`). Without it, or when it names a step the dispute clause does not provide, the parties " +
    "reach the top of the ladder and find no agreed next step: the first fight is about what happens next.",
  run({ linked, contract }) {
    const c = contract.contract;
    // With no dispute block at all, DSP001 alone is reported.
    if (!c.dispute) return [];
    const out: CheckFinding[] = [];
    const first = disputeSteps(c)[0];
    for (const ladder of c.escalations) {
      if (ladder.incomplete) continue;
      const fix = fixText(linked);
      if (!ladder.then) {
        out.push({
          range: atName(ladder),
          message: `ladder '${ladder.name?.text ?? ""}' has no \`then\`: it does not say which dispute step takes over after its last tier`,
          fix: first ? fixOf(`Add \`then ${first.step}\``, () => fix.insertInOrder(ladder, "escalation", "then", [line(`then ${first.step}`)])) : undefined,
        });
      } else if (!c.dispute.incomplete && !c.dispute.steps.some((s) => s.step === ladder.then!.text)) {
        const then = ladder.then;
        // A misspelt step (`then mediaton`) is put right; otherwise the ladder hands over to the first step.
        const meant = suggest(then.text, c.dispute.steps.map((st) => st.step));
        const to = meant?.texts.length === 1 ? meant.texts[0] : first?.step;
        out.push({
          range: atName(ladder),
          message: `ladder '${ladder.name?.text ?? ""}' hands over to '${then.text}', which the dispute block does not have${didYouMean(meant)}`,
          fix: to ? fixOf(to === first?.step && meant?.texts[0] !== to ? `Hand over to ${to}` : `Change '${then.text}' to '${to}'`, () => fix.replace(then.range, to)) : undefined,
        });
      }
    }
    return out;
  },
};
