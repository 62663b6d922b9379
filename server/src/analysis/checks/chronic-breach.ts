// SLM002: a breached period completes a chronic series: the customer may act (terminate, step in, review).
import type { Check, CheckFinding } from "../check";
import { describeMeasurement } from "../warnings";

export const chronicBreach: Check = {
  code: "SLM002",
  defaultSeverity: "error",
  title: "Chronic service-level breach",
  explanation:
    "The service level has now been missed as often as its `chronic` line allows within its window. The contract " +
    "gives the customer a remedy beyond credits — terminating, stepping in, or a formal review. Whichever side you are " +
    "on, this is the moment the relationship is decided.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const e of state.evaluations) {
      const c = e.chronic;
      if (!c) continue;
      out.push({ range: e.measurement.at, message: `${describeMeasurement(e.measurement)} completes a chronic breach (${c.count!.value} breaches within ${c.within!.text}): the customer may ${c.action?.text ?? "act"}` });
    }
    return out;
  },
};
