// SLM003: a measured service level has periods with no measurement.
import type { Check, CheckFinding } from "../check";

export const missingMeasurements: Check = {
  code: "SLM003",
  defaultSeverity: "warning",
  title: "Service level not measured for a period",
  explanation:
    "A service level was measured for some periods and not for others that have ended. A missing report hides " +
    "exactly the months that matter — a breach, a credit not claimed, a chronic series that would have counted.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const g of state.gaps) {
      const m = g.before;
      const periods = g.missing.length <= 3 ? g.missing.map((p) => p.text).join(", ") : `${g.missing[0].text} to ${g.missing[g.missing.length - 1].text}`;
      out.push({ range: m.at, message: `${m.service.name?.text}.${m.sla.name?.text} has no measurement for ${periods} (after ${m.period.text}${m.row ? `, line ${m.row}` : ""})` });
    }
    return out;
  },
};
