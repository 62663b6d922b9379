// Code lenses above each escalation ladder: preview its path, or rehearse a dispute on it.
import type { Range } from "../core/ast";
import type { DocumentAnalysis } from "./analysis";

export const PREVIEW_COMMAND = "covenant.previewEscalation";
export const SIMULATE_COMMAND = "covenant.simulateEscalation";

export interface LensData {
  range: Range;
  title: string;
  command: string;
  /** `[uri, ladder]`, plus the contract when the file holds several. */
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
  return lenses;
}
