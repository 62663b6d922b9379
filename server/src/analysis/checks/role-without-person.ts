// PPL001: a role the governance relies on has nobody in it: no holder, or a holder who left with no deputy.
import type { Check, CheckFinding } from "../check";
import { describePerson, describeRole, governanceRoleUses, staffing } from "../people";

export const roleWithoutPerson: Check = {
  code: "PPL001",
  defaultSeverity: "error",
  title: "Role with nobody in it",
  explanation:
    "A role that the contract relies on (an escalation contact, a board member or minute-taker, the records " +
    "owner, the early-warning register keeper, a change approver) has no holder, or its holder has left and " +
    "no deputy is still there. Every process that runs through that role stops: escalations go unanswered, " +
    "boards lack a member, changes wait for an approval nobody can give.",
  run({ contract, today }) {
    const out: CheckFinding[] = [];
    for (const use of governanceRoleUses(contract.contract)) {
      if (use.block.incomplete) continue;
      const role = contract.roleOf.get(use.ref);
      if (!role) continue;
      const s = staffing(role, today);
      if (s.kind !== "vacant") continue;
      const why =
        s.why === "no holder" ? "has no holder"
        : s.why === "holder left, no deputy" ? `has nobody: its holder ${describePerson(s.holder!)} left on ${s.holder!.person.left!.text} and it has no deputy`
        : `has nobody: its holder ${describePerson(s.holder!)} and its deputy have both left`;
      out.push({ range: use.ref.range, message: `role ${describeRole(role)}, used as ${use.what}, ${why}` });
    }
    return out;
  },
};
