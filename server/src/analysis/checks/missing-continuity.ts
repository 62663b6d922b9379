// CNT001: nothing says the service goes on during a dispute.
import type { TextEdit } from "../../core/findings";
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { block, fixText, line } from "../edits";

export const missingContinuity: Check = {
  code: "CNT001",
  defaultSeverity: "error",
  title: "No continuity of service during a dispute",
  explanation:
    "The contract does not say that services continue while a dispute is being resolved. Without that " +
    "promise, a supplier in a disagreement may slow down or stop the service, and a customer may stop paying, " +
    "and the business that depends on the service becomes the hostage of the dispute.",
  run(ctx) {
    const { linked, contract } = ctx;
    const c = contract.contract;
    const fix = fixText(linked);
    if (!c.continuity) {
      if (bodyBroken(ctx)) return [];
      const continuity = block("continuity", [line("services continue"), line("undisputed-payments continue"), line("suspension forbidden")]);
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' has no continuity block: nothing says the services continue during a dispute`,
        fix: fixOf("Add a continuity block (services continue, suspension forbidden)", () => fix.insert(c, [continuity], { separate: true })),
      }];
    }
    const block_ = c.continuity;
    if (block_.incomplete || block_.services?.value?.text === "continue") return [];
    const value = block_.services?.value;
    const edits = (): TextEdit[] | undefined => (value ? fix.replace(value.range, "continue") : fix.insertInOrder(block_, "continuity", "services", [line("services continue")]));
    return [{
      range: block_.keyword,
      message: block_.services ? "the continuity block lets the supplier suspend services during a dispute: it lacks `services continue`" : "the continuity block lacks `services continue`",
      fix: fixOf("Add `services continue`", edits),
    }];
  },
};
