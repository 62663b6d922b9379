// RAC001: an activity with nobody responsible, or without exactly one accountable role.
import type { RoleInfo } from "../../core/link";
import type { Check, CheckFinding } from "../check";

export const unclearAccountability: Check = {
  code: "RAC001",
  defaultSeverity: "error",
  title: "Unclear responsibility or accountability",
  explanation:
    "An activity in the responsibilities (RACI) table has nobody responsible for doing it, or does not have " +
    "exactly one accountable role. With two accountable roles each assumes the other decides; with none, " +
    "nobody does. When the activity fails, the first dispute is about whose fault it was.",
  run({ contract }) {
    const out: CheckFinding[] = [];
    for (const activity of contract.contract.responsibilities?.activities ?? []) {
      if (activity.incomplete) continue;
      const label = activity.label?.value ?? "";
      const range = activity.label?.range ?? activity.keyword;
      if (activity.responsible.length === 0) {
        out.push({ range, message: `activity "${label}" has nobody responsible for it` });
        continue;
      }
      const roles = new Set<RoleInfo>();
      let unresolved = 0;
      for (const ref of activity.accountable) {
        const role = contract.roleOf.get(ref);
        if (role) roles.add(role);
        else unresolved++;
      }
      if (roles.size >= 2) {
        out.push({ range, message: `activity "${label}" has ${roles.size} accountable roles (${[...roles].map((r) => r.decl.name).join(", ")}): exactly one must be accountable` });
      } else if (roles.size === 0 && unresolved === 0) {
        out.push({ range, message: `activity "${label}" has no accountable role: exactly one must be accountable` });
      }
    }
    return out;
  },
};
