// SLA003: credits without a cap, or a critical service's credits without a chronic-breach clause.
import type { TextEdit } from "../../core/findings";
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";

export const slaRemedyGaps: Check = {
  code: "SLA003",
  defaultSeverity: "warning",
  title: "Credits without a cap or a chronic-breach clause",
  explanation:
    "A service level has credits but no cap, so the supplier's exposure is open-ended and it will resist " +
    "every claim; or it belongs to a critical service and has credits but no chronic-breach clause, so the " +
    "customer can collect small credits month after month but can never act on a service that keeps failing.",
  run({ linked, contract }) {
    const out: CheckFinding[] = [];
    for (const service of contract.contract.services) {
      const critical = service.criticality?.text === "critical";
      for (const sla of service.slas) {
        if (sla.incomplete || sla.credits.length === 0) continue;
        const noCap = !sla.cap;
        const noChronic = critical && sla.chronics.length === 0;
        if (!noCap && !noChronic) continue;
        const fix = fixText(linked);
        const cap = line("cap 20%");
        const chronic = line("chronic 3 breaches within 6 months -> terminate");
        const edits = (): TextEdit[] | undefined => noCap && noChronic
          ? fix.insertInOrder(sla, "sla", "cap", [cap, chronic])
          : noCap ? fix.insertInOrder(sla, "sla", "cap", [cap]) : fix.insertInOrder(sla, "sla", "chronic", [chronic]);
        const gaps = [noCap && "no cap", noChronic && "no chronic-breach clause for a critical service"].filter(Boolean).join(" and ");
        out.push({
          range: atName(sla),
          message: `sla '${sla.name?.text ?? ""}' of service '${service.name?.text ?? ""}' has credits but ${gaps}`,
          fix: fixOf(noCap && noChronic ? "Add `cap 20%` and a chronic-breach line" : noCap ? "Add `cap 20%`" : "Add a chronic-breach line", edits),
        });
      }
    }
    return out;
  },
};
