// Code lenses above each escalation ladder: preview its path, or rehearse a dispute on it; above each
// matter of a log: where it stands at the analysis moment (a label, no command), and, unless it is
// resolved, "Record event…".
import type { Range } from "../core/ast";
import { current } from "../operations/replay";
import type { DocumentAnalysis } from "./analysis";
import { logStateOf } from "./analysis";

export const PREVIEW_COMMAND = "covenant.previewEscalation";
export const SIMULATE_COMMAND = "covenant.simulateEscalation";
export const RECORD_COMMAND = "covenant.recordEvent";

export interface LensData {
  range: Range;
  title: string;
  /** Absent for a lens that only informs. */
  command?: string;
  /** `[uri, ladder]`, plus the contract when the file holds several; `[uri, matter]` to record an event. */
  arguments: string[];
}

export function codeLenses(analysis: DocumentAnalysis): LensData[] {
  const lenses: LensData[] = [];
  const several = analysis.linked.contracts.length > 1;
  for (const lc of analysis.linked.contracts) {
    for (const ladder of lc.contract.escalations) {
      if (!ladder.name) continue;
      const args = [analysis.uri, ladder.name.text, ...(several && lc.contract.name ? [lc.contract.name.text] : [])];
      lenses.push({ range: ladder.keyword, title: "Preview path", command: PREVIEW_COMMAND, arguments: args });
      lenses.push({ range: ladder.keyword, title: "Simulate", command: SIMULATE_COMMAND, arguments: args });
    }
  }
  for (const log of analysis.linked.logs) {
    const state = logStateOf(analysis, log);
    if (!state) continue;
    for (const [lm, r] of state.replays) {
      const t = current(r);
      let title: string;
      if (r.state === "resolved") title = `resolved ${state.clock.say(r.resolved!.at)}`;
      else if (r.state === "formal") title = `formal: ${r.formal!.stepName}`;
      else if (t.deadline === undefined) title = `at ${t.tier.name?.text ?? "?"} · no time limit`;
      else title = `at ${t.tier.name?.text ?? "?"} · due ${state.clock.say(t.deadline)}${t.deadline < state.now ? " · overdue" : ""}`;
      lenses.push({ range: lm.matter.keyword, title, arguments: [] });
      if (r.state !== "resolved" && lm.matter.name) lenses.push({ range: lm.matter.keyword, title: "Record event…", command: RECORD_COMMAND, arguments: [analysis.uri, lm.matter.name.text] });
    }
  }
  return lenses.sort((a, b) => a.range.start - b.range.start);
}
