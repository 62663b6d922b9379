// MAT008: a decision, a notice or a meeting's minutes with no evidence of the record.
import { fixOf, type Check, type CheckFinding } from "../check";
import { matterName, perReplay, replays } from "../matters";
import type { MatterReplay } from "../../operations/replay";

export const unrecordedDecision: Check = {
  code: "MAT008",
  defaultSeverity: "warning",
  title: "Decision or notice without evidence",
  explanation:
    "The log says a decision was taken, a notice was given or minutes were written, but points to no record of it. " +
    "When the relationship sours, what counts is what can be shown: link the minutes, the letter or the email with `evidence`.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) for (const f of perReplay(findings, r, unrecorded)) out.push(f);
    return out;
  },
};

const findings = new WeakMap<MatterReplay, CheckFinding[]>();

function unrecorded(r: MatterReplay): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const e of r.matter.events) {
    const needs = e.event === "decision" || e.event === "notice" || (e.event === "meeting" && !!e.minutes);
    if (!needs || e.evidence) continue;
    const what = e.event === "meeting" ? "the minutes of this meeting" : `this ${e.event}`;
    out.push({
      range: e.keyword,
      message: `${matterName(r)}: ${what} ${e.event === "meeting" ? "have" : "has"} no evidence; point to the record`,
      // The fix reads the event's range when it is asked for: the range moves with edits above it.
      fix: fixOf("Add an evidence placeholder", () => [{ start: e.range.end, end: e.range.end, text: ' evidence ""' }]),
    });
  }
  return out;
}
