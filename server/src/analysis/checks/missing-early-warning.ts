// EWS001: nothing watches for the signs that a relationship is heading for a dispute.
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { block, fixText, line } from "../edits";

const SIGNALS = ["missed-deadlines", "formal-tone", "clause-citation", "sla-breaches"];

export const missingEarlyWarning: Check = {
  code: "EWS001",
  defaultSeverity: "warning",
  title: "No early-warning signals",
  explanation:
    "The contract names no early-warning signals: repeated missed deadlines, a sudden formal tone, people " +
    "citing clauses at each other, service-level breaches. Disputes rarely come out of nowhere; agreeing what " +
    "to watch for, and who looks, lets the parties act while a problem is still a conversation.",
  run(ctx) {
    const { linked, contract } = ctx;
    const c = contract.contract;
    const fix = fixText(linked);
    const signals = SIGNALS.map((s) => line(`signal ${s}`));
    if (!c.earlyWarning) {
      if (bodyBroken(ctx)) return [];
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' has no early-warning block: nothing watches for a dispute in the making`,
        fix: fixOf("Add the common early-warning signals", () => fix.insert(c, [block("early-warning", signals)], { separate: true })),
      }];
    }
    const ew = c.earlyWarning;
    if (ew.incomplete || ew.signals.length > 0) return [];
    return [{
      range: ew.keyword,
      message: "the early-warning block names no signal to watch for",
      fix: fixOf("Add the common early-warning signals", () => fix.insertInOrder(ew, "early-warning", "signal", signals)),
    }];
  },
};
