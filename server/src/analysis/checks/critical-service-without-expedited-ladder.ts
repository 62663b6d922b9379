// EXP001: a critical service has no expedited ladder: its outages climb at the pace of a billing query.
import type * as A from "../../core/ast";
import { LEVELS } from "../../core/ast";
import type { Check, CheckFinding } from "../check";
import { atName, bodyBroken, fixOf } from "../check";
import { block, fixText, line } from "../edits";
import { coversCriticalServices, freeName, handoverStep, tierLines } from "../ladders";

const LIMITS: Record<A.Level, string> = { operational: "2 business hours", management: "4 business hours", executive: "8 business hours" };

export const criticalServiceWithoutExpeditedLadder: Check = {
  code: "EXP001",
  defaultSeverity: "error",
  title: "Critical service without an expedited ladder",
  explanation:
    "A critical service has no expedited escalation ladder (`applies-to criticality critical`). Its problems " +
    "then climb the standard ladder, measured in days or weeks per tier, while the business is down. A critical " +
    "service needs a ladder measured in hours, so that executives hear of an outage the same day.",
  run(ctx) {
    const { linked, contract, today } = ctx;
    const c = contract.contract;
    if (c.escalations.some(coversCriticalServices)) return [];
    // A half-written ladder or contract statement might be the expedited ladder being typed.
    if (bodyBroken(ctx) || c.escalations.some((l) => l.incomplete)) return [];
    const out: CheckFinding[] = [];
    for (const service of c.services) {
      if (service.incomplete || service.criticality?.text !== "critical") continue;
      const name = freeName("expedited", (n) => contract.ladders.has(n));
      const ladder = block(`escalation ${name} "Critical service escalation"`, [
        line("applies-to criticality critical"),
        ...LEVELS.map((l) => tierLines(l, l, contract, LIMITS[l], today)),
        line(`then ${handoverStep(c)}`),
      ]);
      out.push({
        range: atName(service),
        message: `critical service '${service.name?.text ?? ""}' has no expedited escalation ladder (applies-to criticality critical)`,
        fix: fixOf("Add an expedited ladder for critical services", () => fixText(linked).insert(c, [ladder], { separate: true })),
      });
    }
    return out;
  },
};
