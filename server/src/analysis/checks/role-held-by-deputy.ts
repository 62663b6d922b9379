// PPL002: a role's holder has left and the deputy stands in: the contract no longer names the right people.
import type { RoleInfo } from "../../core/link";
import type { Check, CheckFinding } from "../check";
import type * as A from "../../core/ast";
import { describePerson, describeRole, governanceRoleUses, staffing } from "../people";

export const roleHeldByDeputy: Check = {
  code: "PPL002",
  defaultSeverity: "warning",
  title: "Deputy standing in for someone who left",
  explanation:
    "A role the contract relies on is held by someone who has left; the deputy stands in for now. The " +
    "governance still works, but on borrowed time: the deputy carries two jobs and nobody stands behind them. " +
    "Update the contract's people and name a new holder (and deputy) before the next change of staff.",
  run({ linked, contract, today }) {
    const out: CheckFinding[] = [];
    const reported = new Set<RoleInfo>();
    const uses = governanceRoleUses(contract.contract);
    for (const use of uses) {
      if (use.block.incomplete) continue;
      const role = contract.roleOf.get(use.ref);
      if (!role || reported.has(role)) continue;
      const s = staffing(role, today);
      if (s.kind !== "deputy") continue;
      reported.add(role);
      // On the role's declaration when it is in this file, else on the first reference to it here.
      const range: A.Range = role.decl.uri === linked.uri ? role.decl.nameRange : firstReference(contract.roleOf, role) ?? use.ref.range;
      const declaredIn = role.decl.uri === linked.uri ? "" : ` (declared in ${relativeFile(linked.uri, role.decl.uri)})`;
      out.push({
        range,
        message: `role ${describeRole(role)}${declaredIn}: its holder ${describePerson(s.holder)} left on ${s.holder.person.left!.text}; deputy ${describePerson(s.person)} stands in. Update the contract's people`,
      });
    }
    return out;
  },
};

/** The imported file as the importing file would name it: `org/people.covenant`, `../shared/org.covenant`. */
export function relativeFile(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return decodeURIComponent([...a.slice(common).map(() => ".."), ...b.slice(common)].join("/"));
}

function firstReference(roleOf: Map<A.Ref, RoleInfo>, role: RoleInfo): A.Range | undefined {
  let first: A.Range | undefined;
  for (const [ref, r] of roleOf) if (r === role && (!first || ref.range.start < first.start)) first = ref.range;
  return first;
}
