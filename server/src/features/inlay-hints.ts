// Inlay hints: after each tier's `within`, how long since the matter was raised when that tier runs out.
import type { Range } from "../core/ast";
import type { DocumentAnalysis } from "./analysis";
import { elapsedHint, elapsedText, ladderPath } from "./ladder";

export interface InlayHintData {
  /** Where the hint stands: just after the tier's duration. */
  offset: number;
  label: string;
  tooltip: string;
}

export function inlayHints(analysis: DocumentAnalysis, range: Range): InlayHintData[] {
  const hints: InlayHintData[] = [];
  for (const lc of analysis.linked.contracts) {
    for (const ladder of lc.contract.escalations) {
      if (ladder.range.end < range.start || ladder.range.start > range.end) continue;
      const path = ladderPath(lc, ladder, analysis.today);
      path.tiers.forEach((t, i) => {
        if (!t.within || !t.elapsed || t.elapsed.size === 0) return;
        const offset = t.within.range.end;
        if (offset < range.start || offset > range.end) return;
        hints.push({
          offset,
          label: elapsedHint(t.elapsed, path.hoursPerDay),
          tooltip: `Tier ${i + 1} of ladder '${path.name}' runs out ${elapsedText(t.elapsed)} after the matter is raised.`,
        });
      });
    }
  }
  return hints;
}
