// DSP001: a contract with no dispute block leaves a disagreement with nowhere formal to go.
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { block, fixText, line } from "../edits";

export const missingDisputeBlock: Check = {
  code: "DSP001",
  defaultSeverity: "error",
  title: "No dispute resolution",
  explanation:
    "The contract does not say how a disagreement is settled once talking has failed: no notice, no mediator, " +
    "no arbitration or courts. When a dispute comes, the parties must first argue about how to argue, usually " +
    "in court, at the worst possible moment. Agree the route now, while everyone still gets on.",
  run(ctx) {
    const { linked, contract } = ctx;
    const c = contract.contract;
    if (c.dispute || bodyBroken(ctx)) return [];
    const dispute = block("dispute", [
      line("notice written"),
      block("mediation", [line('provider "…"'), line("start within 20 business days")]),
      block("arbitration", [line('rules "…"'), line('seat "…"')]),
    ]);
    return [{
      range: atContract(c),
      message: `contract '${c.name?.text ?? ""}' has no dispute block: say how a disagreement is settled (notice, mediation, then arbitration or courts)`,
      fix: fixOf("Add a dispute block (mediation, then arbitration)", () => fixText(linked).insert(c, [dispute], { separate: true })),
    }];
  },
};
