// MAT009: an evidence path names a file that does not exist.
import type { Check, CheckFinding } from "../check";

export const missingEvidenceFile: Check = {
  code: "MAT009",
  defaultSeverity: "warning",
  title: "Evidence file not found",
  explanation:
    "The log points to a file as evidence (minutes, a letter, an email) and the file is not where the log says. " +
    "Evidence that cannot be found is no evidence: put the file in place, or correct the path (relative to the log's file).",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const [item, exists] of state.log.evidence) {
      // Evidence of a matter counts only when the matter is replayed (a matter cut short is not).
      const matter = state.log.evidenceMatter.get(item);
      if (exists || (matter && !state.replays.has(matter))) continue;
      out.push({ range: item.range, message: `evidence '${item.value}' does not exist (paths are relative to the log's file)` });
    }
    return out;
  },
};
