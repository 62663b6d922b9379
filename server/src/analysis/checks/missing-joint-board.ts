// GOV001: no governance board where both parties meet, or a board that never says when it meets.
import type * as A from "../../core/ast";
import type { Linked, LinkedContract } from "../../core/link";
import type { Check, CheckFinding } from "../check";
import { atContract, atName, bodyBroken, fixOf } from "../check";
import { block, fixText, line, Lines } from "../edits";
import { freeName } from "../ladders";
import { proposeRole, qualified, sideOf } from "../people";

export const missingJointBoard: Check = {
  code: "GOV001",
  defaultSeverity: "warning",
  title: "No joint governance board",
  explanation:
    "Nothing in the contract brings the customer and the supplier to the same table on a regular rhythm: " +
    "there is no governance board, no board has members from both parties, or a board has no meeting cadence. " +
    "Problems then surface only when they have become disputes. A weekly operational review, a monthly service " +
    "board and a quarterly executive board catch them while they are still small.",
  run(ctx) {
    const { linked, contract, today } = ctx;
    const c = contract.contract;
    const out: CheckFinding[] = [];
    const gov = c.governance;
    const boards = gov?.boards ?? [];
    if (!gov ? !bodyBroken(ctx) : !gov.incomplete) {
      if (boards.length === 0) {
        out.push({
          range: atContract(c),
          message: `contract '${c.name?.text ?? ""}' has no governance board: the parties have no regular meeting`,
          fix: fixOf("Add weekly operational, monthly service and quarterly executive boards", () => addBoards(linked, contract, today)),
        });
      } else if (contract.customer && contract.supplier && !boards.some((b) => hasBothSides(contract, b)) && boards.every((b) => b.members.every((m) => contract.roleOf.has(m)))) {
        out.push({
          range: atContract(c),
          message: `no governance board of contract '${c.name?.text ?? ""}' has members from both ${contract.customer.decl.name} and ${contract.supplier.decl.name}`,
          fix: fixOf("Add weekly operational, monthly service and quarterly executive boards", () => addBoards(linked, contract, today)),
        });
      }
    }
    for (const b of boards) {
      if (b.incomplete || b.meets) continue;
      out.push({
        range: atName(b),
        message: `board '${b.name?.text ?? ""}' has no meeting cadence (meets)`,
        fix: fixOf("Add `meets monthly`", () => fixText(linked).insertInOrder(b, "board", "meets", [line("meets monthly")])),
      });
    }
    return out;
  },
};

function hasBothSides(lc: LinkedContract, b: A.Board): boolean {
  const sides = new Set(b.members.map((m) => lc.roleOf.get(m)).map((r) => r && sideOf(lc, r)));
  return sides.has("customer") && sides.has("supplier");
}

/** Three boards built from each party's roles of the matching level; none when a party has no role at all. */
function addBoards(linked: Linked, lc: LinkedContract, today: string) {
  const c = lc.contract;
  const taken = (n: string): boolean => lc.boards.has(n);
  const plan: { name: string; label: string; level: A.Level; meets: string; minutesLevel: A.Level; within: string }[] = [
    { name: "ops-review", label: "Weekly operations review", level: "operational", meets: "weekly", minutesLevel: "operational", within: "2 business days" },
    { name: "service-review", label: "Monthly service review", level: "management", meets: "monthly", minutesLevel: "operational", within: "3 business days" },
    { name: "exec-board", label: "Quarterly executive board", level: "executive", meets: "quarterly", minutesLevel: "management", within: "5 business days" },
  ];
  const boards: Lines[] = [];
  for (const p of plan) {
    const customer = proposeRole(lc.customer, p.level, true, today);
    const supplier = proposeRole(lc.supplier, p.level, true, today);
    const minutes = proposeRole(lc.customer, p.minutesLevel, true, today);
    if (!customer || !supplier || !minutes) return undefined;
    boards.push(block(`board ${freeName(p.name, taken)} "${p.label}"`, [
      line(`members ${qualified(customer)}, ${qualified(supplier)}`),
      line(`meets ${p.meets}`),
      line(`minutes by ${qualified(minutes)} within ${p.within}`),
    ]));
  }
  const fix = fixText(linked);
  return c.governance ? fix.insert(c.governance, boards) : fix.insert(c, [block("governance", boards)], { separate: true });
}
