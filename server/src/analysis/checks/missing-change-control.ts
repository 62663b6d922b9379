// CHG001: no change-control clause, or one without an assessment deadline or an approving board.
import type { Linked, LinkedContract } from "../../core/link";
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { block, fixText, line, Lines } from "../edits";
import { proposeRole, qualified } from "../people";

export const missingChangeControl: Check = {
  code: "CHG001",
  defaultSeverity: "warning",
  title: "No change control",
  explanation:
    "The contract has no change-control procedure, or it does not say who assesses a change request and by " +
    "when, or which board approves it. IT contracts change constantly; changes agreed informally are the " +
    "commonest source of disputes about scope and price.",
  run(ctx) {
    const { linked, contract, today } = ctx;
    const c = contract.contract;
    if (!c.changeControl) {
      if (bodyBroken(ctx)) return [];
      const lines = steps(contract, true, true, today);
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' has no change-control block: changes have no agreed route`,
        fix: lines ? fixOf("Add a change-control skeleton", () => fixText(linked).insert(c, [block("change-control", [line("requests written"), ...lines])], { separate: true })) : undefined,
      }];
    }
    const cc = c.changeControl;
    if (cc.incomplete) return [];
    const noAssess = !cc.assess?.within;
    const noApprove = !cc.approveAt;
    if (!noAssess && !noApprove) return [];
    const missing = [noAssess && "no `assess by ... within`", noApprove && "no `approve at`"].filter(Boolean).join(" and ");
    return [{
      range: cc.keyword,
      message: `the change-control block has ${missing}`,
      fix: fixOf("Complete the change-control block", () => complete(linked, contract, noAssess, noApprove, today)),
    }];
  },
};

/** The assessment and approval lines: the supplier's management role assesses, a monthly board approves. */
function steps(lc: LinkedContract, assess: boolean, approve: boolean, today: string): Lines[] | undefined {
  const out: Lines[] = [];
  if (assess) {
    const role = proposeRole(lc.supplier, "management", true, today);
    if (!role) return undefined;
    out.push(line(`assess by ${qualified(role)} within 10 business days`));
  }
  if (approve) {
    const boards = lc.contract.governance?.boards.filter((b) => b.name && lc.boards.get(b.name.text) === b) ?? [];
    const board = boards.find((b) => b.meets?.text === "monthly") ?? boards[0];
    if (!board) return undefined;
    out.push(line(`approve at ${board.name!.text}`));
  }
  return out;
}

function complete(linked: Linked, lc: LinkedContract, assess: boolean, approve: boolean, today: string) {
  const lines = steps(lc, assess, approve, today);
  if (!lines) return undefined;
  return fixText(linked).insertInOrder(lc.contract.changeControl!, "change-control", assess ? "assess" : "approve", lines);
}
