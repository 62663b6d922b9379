// Escalation ladders as the checks read them: a tier's level, its contact on each side, expedited ladders.
import type * as A from "../core/ast";
import type { LinkedContract, RoleInfo } from "../core/link";
import { LEVELS } from "../core/ast";
import { proposeRole } from "./people";

export const SIDES: readonly A.Side[] = ["customer", "supplier"];

export function levelRank(level: A.Level): number {
  return LEVELS.indexOf(level);
}

export function asLevel(word: A.Word | undefined): A.Level | undefined {
  return LEVELS.find((l) => l === word?.text);
}

/** The role named at a tier for a side: `missing` when the side is not written, `unknown` when it did not resolve. */
export type TierContact = { kind: "role"; ref: A.Ref; role: RoleInfo } | { kind: "missing" } | { kind: "unknown"; ref: A.Ref };

export function tierContact(lc: LinkedContract, tier: A.Tier, side: A.Side): TierContact {
  const ref = tier[side];
  if (!ref) return { kind: "missing" };
  const role = lc.roleOf.get(ref);
  return role ? { kind: "role", ref, role } : { kind: "unknown", ref };
}

/**
 * A tier's level (language.md): its `level` if written, else the lowest level among the roles it names.
 * `known: false` when an unresolved or broken role could change the answer.
 */
export function tierLevel(lc: LinkedContract, tier: A.Tier): { level?: A.Level; known: boolean } {
  if (tier.level) {
    const level = asLevel(tier.level);
    return { level, known: level !== undefined };
  }
  let lowest: A.Level | undefined;
  for (const side of SIDES) {
    const c = tierContact(lc, tier, side);
    if (c.kind === "unknown" || (c.kind === "role" && c.role.role.incomplete)) return { known: false };
    if (c.kind !== "role" || !c.role.level) continue;
    if (!lowest || levelRank(c.role.level) < levelRank(lowest)) lowest = c.role.level;
  }
  return { level: lowest, known: true };
}

/** A ladder used for critical services (`applies-to criticality critical`). */
export function coversCriticalServices(ladder: A.Escalation): boolean {
  return ladder.appliesTo.some((a) => a.dimension?.text === "criticality" && a.level?.text === "critical");
}

/** The steps a ladder may hand over to, in the order written (first of each kind). */
export function disputeSteps(c: A.Contract): A.DisputeStep[] {
  const seen = new Set<string>();
  return (c.dispute?.steps ?? []).filter((s) => !seen.has(s.step) && seen.add(s.step));
}

/** The dispute step a new ladder hands over to: the first written, else mediation (what DSP001 proposes). */
export function handoverStep(c: A.Contract): string {
  return disputeSteps(c)[0]?.step ?? "mediation";
}

/** The lines of a new tier for a quick fix: the roles of that level on each side, and a time limit. */
export function tierLines(name: string, level: A.Level, lc: LinkedContract, within: string, today: string): string[] {
  const lines = [`tier ${name} {`];
  const c = proposeRole(lc.customer, level, false, today);
  const s = proposeRole(lc.supplier, level, false, today);
  if (c) lines.push(`  customer ${c.decl.name}`);
  if (s) lines.push(`  supplier ${s.decl.name}`);
  // Without a role of that level on either side, the tier still says how senior it is meant to be.
  if (!c && !s) lines.push(`  level ${level}`);
  lines.push(`  within ${within}`, "}");
  return lines;
}

/** `base`, or `base-2`, `base-3`… : the first name not already taken. */
export function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}
