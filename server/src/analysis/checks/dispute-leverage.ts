// CNT002: the contract allows suspending services or withholding payment during a dispute.
import type * as A from "../../core/ast";
import type { Check, CheckFinding } from "../check";
import { fixOf } from "../check";
import { fixText } from "../edits";

const LEVERAGE: { field: "services" | "undisputedPayments" | "suspension"; keyword: string; allows: string; forbids: string }[] = [
  { field: "services", keyword: "services", allows: "may-suspend", forbids: "continue" },
  { field: "undisputedPayments", keyword: "undisputed-payments", allows: "may-withhold", forbids: "continue" },
  { field: "suspension", keyword: "suspension", allows: "allowed", forbids: "forbidden" },
];

export const disputeLeverage: Check = {
  code: "CNT002",
  defaultSeverity: "warning",
  title: "Dispute used as leverage",
  explanation:
    "The continuity clause lets a party suspend services or withhold undisputed payments while a dispute is " +
    "open. That turns every disagreement into a threat: the supplier can switch off the service, the customer " +
    "can starve the supplier of cash, and the weaker side settles on the stronger side's terms rather than on the merits.",
  run({ linked, contract }) {
    const block: A.Continuity | undefined = contract.contract.continuity;
    if (!block || block.incomplete) return [];
    const out: CheckFinding[] = [];
    for (const l of LEVERAGE) {
      const setting = block[l.field];
      const value = setting?.value;
      if (!setting || !value || value.text !== l.allows) continue;
      out.push({
        range: setting.range,
        message: `\`${l.keyword} ${l.allows}\` lets a dispute be used as leverage`,
        fix: fixOf(`Replace with \`${l.keyword} ${l.forbids}\``, () => fixText(linked).replace(value.range, l.forbids)),
      });
    }
    return out;
  },
};
