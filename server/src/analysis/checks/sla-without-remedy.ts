// SLA002: a service level with no credit and no chronic-breach clause has no consequence when missed.
import type * as A from "../../core/ast";
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";

export const slaWithoutRemedy: Check = {
  code: "SLA002",
  defaultSeverity: "warning",
  title: "Service level without a remedy",
  explanation:
    "A service level has neither a service credit nor a chronic-breach clause. Missing the target then costs " +
    "the supplier nothing and gives the customer no right to act: the service level is a wish, not a promise. " +
    "A credit makes each miss visible in the invoice; a chronic clause deals with repeated misses.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    for (const service of contract.contract.services) {
      for (const sla of service.slas) {
        if (sla.incomplete || sla.credits.length > 0 || sla.chronics.length > 0) continue;
        const credit = `credit 5% ${creditThreshold(sla)}`;
        out.push({
          range: atName(sla),
          message: `sla '${sla.name?.text ?? ""}' of service '${service.name?.text ?? ""}' has no remedy: no credit and no chronic-breach clause`,
          fix: fixOf(`Add \`${credit}\``, () => fixText(linked).insertInOrder(sla, "sla", "credit", [line(credit)])),
        });
      }
    }
    return out;
  },
};

/** `below 99.9%` for a target to stay above, `above 30 minutes` for one to stay under. */
function creditThreshold(sla: A.Sla): string {
  const m = sla.metrics.find((x) => x.comparator && x.target);
  if (!m) return "below 99%";
  const under = m.comparator!.text === "<" || m.comparator!.text === "<=";
  return `${under ? "above" : "below"} ${m.target!.text}`;
}
