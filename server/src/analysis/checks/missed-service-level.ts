// SLM001: a measured service level misses its target.
import type { Check, CheckFinding } from "../check";
import { describeMeasurement } from "../warnings";

export const missedServiceLevel: Check = {
  code: "SLM001",
  defaultSeverity: "warning",
  title: "Service level missed",
  explanation:
    "A measurement in the log does not meet the service level's target. The contract's credits now apply (the " +
    "`covenant credits` statement shows the amount), and a run of misses can give the customer the right to terminate.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const e of state.evaluations) {
      if (e.met) continue;
      const metric = e.measurement.sla.metrics[0];
      const credit = e.creditPercent > 0 ? `; credit ${e.creditPercent}%${e.capped ? " (capped)" : ""}${e.amount ? ` = ${e.amount} ${e.currency}` : ""}` : "";
      out.push({ range: e.measurement.at, message: `${describeMeasurement(e.measurement)} misses the target ${metric.comparator!.text} ${metric.target!.text}${credit}` });
    }
    return out;
  },
};
