// MAT010: an oral notice where the contract requires notices in writing.
import { fixOf, type Check, type CheckFinding } from "../check";
import { matterName, perReplay, replays } from "../matters";
import type { MatterReplay } from "../../operations/replay";

export const oralNotice: Check = {
  code: "MAT010",
  defaultSeverity: "error",
  title: "Oral notice where writing is required",
  explanation:
    "The contract's dispute block says notices are given in writing, and the log records one given orally (a call, " +
    "a word in a meeting). An oral notice may not start the contract's clocks at all; confirm it in writing and record that.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    if (state.contract.contract.dispute?.notice?.text !== "written") return out;
    for (const r of replays(state)) for (const f of perReplay(findings, r, oralNotices)) out.push(f);
    return out;
  },
};

const findings = new WeakMap<MatterReplay, CheckFinding[]>();

function oralNotices(r: MatterReplay): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const e of r.matter.events) {
    if (e.event !== "notice" || e.form?.text !== "oral") continue;
    out.push({
      range: e.form.range,
      message: `${matterName(r)}: an oral notice, but the contract requires notices in writing`,
      fix: fixOf("Record the notice as written", () => [{ start: e.form!.range.start, end: e.form!.range.end, text: "written" }]),
    });
  }
  return out;
}
