// SLA005: a critical or high service with no service level at all.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { block, fixText, line } from "../edits";

export const criticalServiceWithoutSla: Check = {
  code: "SLA005",
  defaultSeverity: "warning",
  title: "Important service without a service level",
  explanation:
    "A service marked critical or high has no service level: the contract promises nothing measurable about " +
    "the services the business depends on most. Without a target, a window and a remedy, poor service is a " +
    "matter of opinion and the customer has no lever but the relationship.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    const supplier = contract.supplier;
    for (const service of contract.contract.services) {
      const level = service.criticality?.text;
      if (service.incomplete || (level !== "critical" && level !== "high") || service.slas.length > 0) continue;
      const sla = block('sla availability "Availability"', [
        line('metric "Availability" >= 99.9%'),
        line("window monthly"),
        line('exclude "…"'),
        ...(supplier ? [line(`measured-by ${supplier.decl.name}`)] : []),
        line("credit 5% below 99.9%"),
        line("cap 20%"),
        line("chronic 3 breaches within 6 months -> terminate"),
      ]);
      out.push({
        range: atName(service),
        message: `${level} service '${service.name?.text ?? ""}' has no service level`,
        fix: fixOf("Add a service-level skeleton", () => fixText(linked).insertInOrder(service, "service", "sla", [sla])),
      });
    }
    return out;
  },
};
