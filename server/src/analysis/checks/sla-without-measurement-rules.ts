// SLA004: a service level that does not say what is excluded or who measures it.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line, Lines } from "../edits";

export const slaWithoutMeasurementRules: Check = {
  code: "SLA004",
  defaultSeverity: "info",
  title: "Service level without exclusions or a measurer",
  explanation:
    "A service level does not list what is excluded from it (planned maintenance, the customer's own faults) " +
    "or does not say which party measures it. Both are the usual first argument when a credit is claimed: " +
    "settle them in the contract, not in the dispute.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    const supplier = contract.supplier;
    for (const service of contract.contract.services) {
      for (const sla of service.slas) {
        if (sla.incomplete || (sla.excludes.length > 0 && sla.measuredBy)) continue;
        const lines: Lines[] = [];
        if (sla.excludes.length === 0) lines.push(line('exclude "…"'));
        if (!sla.measuredBy && supplier) lines.push(line(`measured-by ${supplier.decl.name}`));
        const complete = sla.measuredBy || supplier;
        const missing = [sla.excludes.length === 0 && "no exclusions", !sla.measuredBy && "no measured-by"].filter(Boolean).join(" and ");
        out.push({
          range: atName(sla),
          message: `sla '${sla.name?.text ?? ""}' of service '${service.name?.text ?? ""}' has ${missing}`,
          fix: complete
            ? fixOf(sla.measuredBy ? "Add an exclusion" : `Add \`measured-by ${supplier!.decl.name}\``, () => fixText(linked).insertInOrder(sla, "sla", sla.excludes.length === 0 ? "exclude" : "measured-by", lines))
            : undefined,
        });
      }
    }
    return out;
  },
};
