// TRM001: no termination clause, or one without exit assistance.
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { block, fixText, line } from "../edits";

export const missingExitAssistance: Check = {
  code: "TRM001",
  defaultSeverity: "warning",
  title: "No exit assistance",
  explanation:
    "The contract has no termination clause, or it does not oblige the supplier to help with the exit. When " +
    "a relationship ends, and especially when it ends in a dispute, the customer needs its data back and the " +
    "service handed over to a new supplier; without exit assistance, the outgoing supplier holds the keys.",
  run(ctx) {
    const { linked, contract } = ctx;
    const c = contract.contract;
    const fix = fixText(linked);
    if (!c.termination) {
      if (bodyBroken(ctx)) return [];
      const termination = block("termination", [line("exit-plan due 3 months"), line("exit-assistance 6 months"), line("data-return within 30 days")]);
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' has no termination block: nothing says how the service is handed over at the end`,
        fix: fixOf("Add an exit skeleton (exit plan, exit assistance, data return)", () => fix.insert(c, [termination], { separate: true })),
      }];
    }
    const t = c.termination;
    if (t.incomplete || t.exitAssistance) return [];
    return [{
      range: t.keyword,
      message: "the termination block has no exit-assistance period",
      fix: fixOf("Add `exit-assistance 6 months`", () => fix.insertInOrder(t, "termination", "exit-assistance", [line("exit-assistance 6 months")])),
    }];
  },
};
