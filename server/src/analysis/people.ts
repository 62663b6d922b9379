// Who actually fills a role at the analysis date, and where the contract relies on a role being filled.
import type * as A from "../core/ast";
import type { LinkedContract, PartyInfo, PersonInfo, RoleInfo } from "../core/link";
import { compareDates, parseDate } from "../core/values";

/** True when the person's `left` date is a real date on or before the analysis date. */
export function hasLeft(person: PersonInfo, today: string): boolean {
  const left = person.person.left?.text;
  return left !== undefined && parseDate(left) !== undefined && compareDates(left, today) <= 0;
}

/**
 * Who fills a role at the analysis date: its holder, or the deputy standing in when the holder has left.
 * `unknown` when a syntax error or an unresolved name hides the answer: checks then stay silent.
 */
export type Staffing =
  | { kind: "holder"; person: PersonInfo }
  | { kind: "deputy"; person: PersonInfo; holder: PersonInfo }
  | { kind: "vacant"; why: "no holder" | "holder left, no deputy" | "holder and deputy left"; holder?: PersonInfo }
  | { kind: "unknown" };

export function staffing(role: RoleInfo, today: string): Staffing {
  if (role.role.incomplete) return { kind: "unknown" };
  if (!role.role.holder) return { kind: "vacant", why: "no holder" };
  const holder = role.holder;
  if (!holder || holder.person.incomplete) return { kind: "unknown" };
  if (!hasLeft(holder, today)) return { kind: "holder", person: holder };
  if (!role.role.deputy) return { kind: "vacant", why: "holder left, no deputy", holder };
  const deputy = role.deputy;
  if (!deputy || deputy.person.incomplete) return { kind: "unknown" };
  if (hasLeft(deputy, today)) return { kind: "vacant", why: "holder and deputy left", holder };
  return { kind: "deputy", person: deputy, holder };
}

/** The person of a role (checks.md): holder, or the deputy standing in; undefined when vacant or unknown. */
export function personOfRole(role: RoleInfo, today: string): PersonInfo | undefined {
  const s = staffing(role, today);
  return s.kind === "holder" || s.kind === "deputy" ? s.person : undefined;
}

/** "Jo Lee (jlee)" when the person has a display name, else the name. */
export function describePerson(p: PersonInfo): string {
  return p.person.label ? `${p.person.label.value} (${p.decl.name})` : `'${p.decl.name}'`;
}

export function describeRole(r: RoleInfo): string {
  return `${r.party.decl.name}.${r.decl.name}`;
}

/** A role reference where a governance process relies on someone being there (PPL001, PPL002). */
export interface RoleUse {
  ref: A.Ref;
  /** The block the reference is written in: silent when it is incomplete. */
  block: A.Block;
  what: string;
}

/** Tier contacts, board members and minute-takers, records owner, early-warning register, change control. */
export function governanceRoleUses(c: A.Contract): RoleUse[] {
  const uses: RoleUse[] = [];
  for (const ladder of c.escalations) {
    for (const tier of ladder.tiers) {
      if (tier.customer) uses.push({ ref: tier.customer, block: tier, what: "an escalation contact" });
      if (tier.supplier) uses.push({ ref: tier.supplier, block: tier, what: "an escalation contact" });
    }
  }
  for (const board of c.governance?.boards ?? []) {
    for (const m of board.members) uses.push({ ref: m, block: board, what: "a board member" });
    if (board.minutes?.by) uses.push({ ref: board.minutes.by, block: board, what: "the board's minute-taker" });
  }
  if (c.records?.owner) uses.push({ ref: c.records.owner, block: c.records, what: "the records owner" });
  if (c.earlyWarning?.register) uses.push({ ref: c.earlyWarning.register, block: c.earlyWarning, what: "the early-warning register keeper" });
  if (c.changeControl?.assess?.by) uses.push({ ref: c.changeControl.assess.by, block: c.changeControl, what: "the change assessor" });
  for (const r of c.changeControl?.emergency?.by ?? []) uses.push({ ref: r, block: c.changeControl!, what: "an emergency change approver" });
  return uses.sort((a, b) => a.ref.range.start - b.ref.range.start);
}

/** The roles of a party at a level: those with someone in them first, then in the order declared. */
export function rolesAtLevel(party: PartyInfo, level: A.Level, today: string): RoleInfo[] {
  return staffedFirst([...party.roles.values()].filter((r) => r.level === level && !r.role.incomplete), today);
}

/** A role of the party to propose in a quick fix: one at `level`, else (when `fallback`) any role. */
export function proposeRole(party: PartyInfo | undefined, level: A.Level, fallback: boolean, today: string): RoleInfo | undefined {
  if (!party) return undefined;
  return rolesAtLevel(party, level, today)[0] ?? (fallback ? staffedFirst([...party.roles.values()].filter((r) => !r.role.incomplete), today)[0] : undefined);
}

function staffedFirst(roles: RoleInfo[], today: string): RoleInfo[] {
  return [...roles.filter((r) => personOfRole(r, today)), ...roles.filter((r) => !personOfRole(r, today))];
}

/** The side of the contract a role belongs to, if it belongs to the customer or the supplier party. */
export function sideOf(lc: LinkedContract, role: RoleInfo): A.Side | undefined {
  if (lc.customer && role.party === lc.customer) return "customer";
  if (lc.supplier && role.party === lc.supplier) return "supplier";
  return undefined;
}

/** How a quick fix writes a role so that it resolves from anywhere in the contract: `party.role`. */
export function qualified(role: RoleInfo): string {
  return `${role.party.decl.name}.${role.decl.name}`;
}
