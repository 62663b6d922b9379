// SLA001: a service level with no measurement window cannot be breached.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";

export const slaWithoutWindow: Check = {
  code: "SLA001",
  defaultSeverity: "error",
  title: "Service level without a measurement window",
  explanation:
    "A service level does not say over which period it is measured (monthly, quarterly, per incident). " +
    "99.9% availability measured over a year allows a nine-hour outage on a single day; measured monthly it " +
    "does not. Without a window, nobody can say whether the target was missed, so credits cannot be claimed.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    for (const service of contract.contract.services) {
      for (const sla of service.slas) {
        if (sla.incomplete || sla.window) continue;
        out.push({
          range: atName(sla),
          message: `sla '${sla.name?.text ?? ""}' of service '${service.name?.text ?? ""}' has no measurement window`,
          fix: fixOf("Add `window monthly`", () => fixText(linked).insertInOrder(sla, "sla", "window", [line("window monthly")])),
        });
      }
    }
    return out;
  },
};
