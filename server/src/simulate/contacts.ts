// Who speaks for a side at a tier on a given date: the role's holder, the deputy standing in when the
// holder has left on or before that date, or no one (unreachable). Shared by the simulation and the graph.
import type * as A from "../core/ast";
import { LEVELS } from "../core/ast";
import type { LinkedContract, PersonInfo, RoleInfo } from "../core/link";
import { parseDate } from "../core/values";

export type ContactFlag = "stand-in" | "unreachable";

export interface Contact {
  /** The role's name (`ops`), as the tier names it. */
  role: string;
  /** The role's display name (`Operations lead`). */
  roleLabel?: string;
  /** The party the role belongs to. */
  party?: string;
  /** The person to contact (`jlee`), absent when unreachable. */
  person?: string;
  name?: string;
  title?: string;
  email?: string;
  flags: ContactFlag[];
  /** The holder the contact stands in for, with the date the holder left. */
  standsInFor?: { person: string; name?: string; left?: string };
  /** Why the side is unreachable, in the user's words. */
  reason?: string;
}

/** True when the person has `left` on or before `date` (`YYYY-MM-DD`). */
export function hasLeft(p: PersonInfo, date: string): boolean {
  const left = p.person.left?.text;
  return !!left && !!parseDate(left) && left <= date;
}

/** The contact for a side of a tier (`ref` as written there) on `date`; undefined when the tier names no role for the side. */
export function contactOn(lc: LinkedContract, ref: A.Ref | undefined, date: string): Contact | undefined {
  if (!ref) return undefined;
  const role = lc.roleOf.get(ref);
  const written = ref.party ? `${ref.party.text}.${ref.name.text}` : ref.name.text;
  if (!role) return { role: ref.name.text, flags: ["unreachable"], reason: `the role '${written}' is not declared` };
  const holder = role.holder;
  if (holder && !hasLeft(holder, date)) return contact(role, holder, []);
  const deputy = role.deputy;
  if (deputy && deputy !== holder && !hasLeft(deputy, date)) {
    const out = contact(role, deputy, ["stand-in"]);
    if (holder) {
      out.standsInFor = { person: holder.decl.name };
      if (holder.person.label) out.standsInFor.name = holder.person.label.value;
      if (holder.person.left) out.standsInFor.left = holder.person.left.text;
    }
    return out;
  }
  const out = contact(role, undefined, ["unreachable"]);
  out.reason = unreachableReason(role, date);
  return out;
}

/** A contact with its fields in the order simulation.md writes them (role, person, name, …, flags). */
function contact(role: RoleInfo, p: PersonInfo | undefined, flags: ContactFlag[]): Contact {
  const c: Contact = { role: role.decl.name } as Contact;
  if (role.role.label) c.roleLabel = role.role.label.value;
  c.party = role.party.decl.name;
  if (p) {
    c.person = p.decl.name;
    if (p.person.label) c.name = p.person.label.value;
    if (p.person.title) c.title = p.person.title.value;
    if (p.person.email) c.email = p.person.email.value;
  }
  c.flags = flags;
  return c;
}

function unreachableReason(role: RoleInfo, date: string): string {
  const who = (p: PersonInfo): string => p.person.label?.value ?? p.decl.name;
  const parts: string[] = [];
  if (role.holder) parts.push(`the holder ${who(role.holder)} left on ${role.holder.person.left?.text}`);
  else parts.push("the role has no holder");
  if (role.deputy && role.deputy !== role.holder && hasLeft(role.deputy, date)) parts.push(`the deputy ${who(role.deputy)} left on ${role.deputy.person.left?.text}`);
  else if (!role.deputy) parts.push("it has no deputy");
  return parts.join(" and ");
}

/** A tier's level: its own `level`, else the lowest level among the roles it names (language.md). */
export function tierLevel(lc: LinkedContract, tier: A.Tier): A.Level | undefined {
  const own = tier.level && LEVELS.find((l) => l === tier.level!.text);
  if (own) return own;
  let lowest: A.Level | undefined;
  for (const ref of [tier.customer, tier.supplier]) {
    const level = ref && lc.roleOf.get(ref)?.level;
    if (level && (!lowest || LEVELS.indexOf(level) < LEVELS.indexOf(lowest))) lowest = level;
  }
  return lowest;
}
