// CNT003: a critical service has no interim arrangement for while a dispute runs.
import type { Check, CheckFinding } from "../check";
import { atName, fixOf } from "../check";
import { fixText, line } from "../edits";

export const criticalServiceWithoutInterim: Check = {
  code: "CNT003",
  defaultSeverity: "warning",
  title: "Critical service without an interim arrangement",
  explanation:
    "A critical service has no interim arrangement in the continuity clause: no step-in right, fallback or " +
    "escrow that keeps it running if the supplier cannot or will not perform while a dispute is open. " +
    "A promise that services continue is worth little for the one service the business cannot do without " +
    "unless there is a plan B.",
  run({ linked, contract }) {
    const continuity = contract.contract.continuity;
    // With no continuity block, CNT001 alone is reported.
    if (!continuity || continuity.incomplete) return [];
    const out: CheckFinding[] = [];
    for (const service of contract.contract.services) {
      if (service.incomplete || service.criticality?.text !== "critical" || !service.name) continue;
      if (continuity.interims.some((i) => i.service?.text === service.name!.text)) continue;
      const name = service.name.text;
      out.push({
        range: atName(service),
        message: `critical service '${name}' has no interim arrangement in the continuity block (step-in, fallback or escrow)`,
        fix: fixOf(`Add \`interim ${name} step-in\``, () => fixText(linked).insertInOrder(continuity, "continuity", "interim", [line(`interim ${name} step-in`)])),
      });
    }
    return out;
  },
};
