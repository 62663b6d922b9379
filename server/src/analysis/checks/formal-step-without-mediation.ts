// DSP003: the first formal step is arbitration or litigation with nothing gentler before it.
import type * as A from "../../core/ast";
import type { TextEdit } from "../../core/findings";
import type { Check } from "../check";
import { fixOf } from "../check";
import { block, fixText, FixText, line, Lines } from "../edits";

const GENTLE: readonly A.StepKind[] = ["mediation", "adjudication", "expert-determination"];

export const formalStepWithoutMediation: Check = {
  code: "DSP003",
  defaultSeverity: "warning",
  title: "Straight to arbitration or court",
  explanation:
    "When the escalation ladder runs out, the first formal step is arbitration or litigation, with no " +
    "mediation, adjudication or expert determination before it. Those cheaper, faster steps settle most IT " +
    "disputes without ending the relationship; going straight to a tribunal or a court is slow, public or " +
    "expensive, and rarely leaves the parties able to keep working together.",
  run({ linked, contract }) {
    const dispute = contract.contract.dispute;
    if (!dispute || dispute.incomplete || dispute.steps.length === 0) return [];
    const first = firstFormalStep(contract.ladders, dispute);
    if (!first || (first.step !== "arbitration" && first.step !== "litigation")) return [];
    const before = dispute.steps.slice(0, dispute.steps.indexOf(first));
    if (before.some((s) => GENTLE.includes(s.step))) return [];
    const mediation = dispute.steps.find((s) => s.step === "mediation");
    const edits = (): TextEdit[] | undefined => {
      const fix = fixText(linked);
      return mediation ? moveBefore(fix, dispute, mediation, first) : fix.insert(dispute, [block("mediation", [line('provider "…"'), line("start within 20 business days")])], { before: first.keyword.start });
    };
    return [{
      range: first.keyword,
      message: `the first formal dispute step is ${first.step}, with no mediation, adjudication or expert determination before it`,
      fix: fixOf(mediation ? `Move the mediation step before ${first.step}` : `Add a mediation step before ${first.step}`, edits),
    }];
  },
};

/**
 * The step a matter reaches first: the one the default ladder's `then` names, else the first written.
 * Undefined when an unresolved or broken default ladder hides the answer.
 */
function firstFormalStep(ladders: Map<string, A.Escalation>, dispute: A.Dispute): A.DisputeStep | undefined {
  if (dispute.ladder) {
    const ladder = ladders.get(dispute.ladder.text);
    if (!ladder || ladder.incomplete) return undefined;
    const named = ladder.then && dispute.steps.find((s) => s.step === ladder.then!.text);
    if (named) return named;
  }
  return dispute.steps[0];
}

/** Moves an existing step (with its lines) before another step of the same block. */
function moveBefore(fix: FixText, dispute: A.Dispute, step: A.DisputeStep, target: A.DisputeStep): TextEdit[] | undefined {
  if (step.incomplete) return undefined;
  const text = fix.text;
  const indent = fix.indentAt(step.range.start);
  const lines: Lines = text.slice(step.range.start, step.range.end).split(/\r\n|\r|\n/).map((l, i) => (i > 0 && l.startsWith(indent) ? l.slice(indent.length) : l));
  const insert = fix.insert(dispute, [lines], { before: target.keyword.start });
  if (!insert) return undefined;
  let start = step.range.start;
  let end = step.range.end;
  const rest = /^[ \t]*(\r\n|\r|\n)/.exec(text.slice(end));
  if (fix.firstOnLine(start) && rest) {
    start = fix.lineStart(start);
    end += rest[0].length;
  } else if (text[end] === " ") {
    end++;
  }
  return [...insert, { start, end, text: "" }];
}
