// The path of an escalation ladder as the editor shows it: who answers at each tier, and how much time
// has passed since the matter was raised when each tier runs out (hover, inlay hints).
import type * as A from "../core/ast";
import type { LinkedContract, PersonInfo, RoleInfo } from "../core/link";
import { compareDates, parseTime } from "../core/values";

export interface Contact {
  side: A.Side;
  /** The reference as written (`ops`, `acme.ops`). */
  written: string;
  role?: RoleInfo;
  /** The person who answers today: the holder, or the deputy standing in. */
  person?: PersonInfo;
  standIn: boolean;
  unreachable: boolean;
}

export interface PathTier {
  tier: A.Tier;
  name: string;
  level?: A.Level;
  customer?: Contact;
  supplier?: Contact;
  within?: A.Duration;
  /** Time from the start of the ladder to this tier's deadline; undefined after a tier with no limit. */
  elapsed?: Elapsed;
}

/** A sum of durations, kept per unit (business days and calendar days do not add up). */
export type Elapsed = Map<string, number>;

export interface LadderPath {
  ladder: A.Escalation;
  name: string;
  tiers: PathTier[];
  /** Working hours per business day on the contract's calendar (default 09:00-17:00: 8). */
  hoursPerDay: number;
}

export function hasLeft(person: PersonInfo | undefined, today: string): boolean {
  const left = person?.person.left?.text;
  return left !== undefined && compareDates(left, today) <= 0;
}

/** Who answers for a role today: the holder, else the deputy standing in, else no one. */
export function answering(role: RoleInfo | undefined, today: string): { person?: PersonInfo; standIn: boolean } {
  if (!role) return { standIn: false };
  if (role.holder && !hasLeft(role.holder, today)) return { person: role.holder, standIn: false };
  if (role.deputy && !hasLeft(role.deputy, today)) return { person: role.deputy, standIn: !!role.holder };
  return { standIn: false };
}

function contact(lc: LinkedContract, ref: A.Ref | undefined, side: A.Side, today: string): Contact | undefined {
  if (!ref) return undefined;
  const role = lc.roleOf.get(ref);
  const who = answering(role, today);
  const written = ref.party ? `${ref.party.text}.${ref.name.text}` : ref.name.text;
  return { side, written, role, person: who.person, standIn: who.standIn, unreachable: !!role && !who.person };
}

export function unitKey(d: Pick<A.Duration, "unit" | "business">): string {
  return `${d.business ? "business " : ""}${d.unit}`;
}

export function hoursPerDay(lc: LinkedContract): number {
  const h = lc.calendar?.calendar.hours;
  const from = h?.from ? parseTime(h.from.text) : undefined;
  const to = h?.to ? parseTime(h.to.text) : undefined;
  return from !== undefined && to !== undefined && to > from ? (to - from) / 60 : 8;
}

export function ladderPath(lc: LinkedContract, ladder: A.Escalation, today: string): LadderPath {
  const tiers: PathTier[] = [];
  let elapsed: Elapsed | undefined = new Map();
  for (const t of ladder.tiers) {
    const customer = contact(lc, t.customer, "customer", today);
    const supplier = contact(lc, t.supplier, "supplier", today);
    if (elapsed && t.within && t.within.amount > 0) {
      elapsed = new Map(elapsed);
      const key = unitKey(t.within);
      elapsed.set(key, (elapsed.get(key) ?? 0) + t.within.amount);
    } else {
      elapsed = undefined;
    }
    tiers.push({ tier: t, name: t.name?.text ?? "(unnamed)", level: tierLevel(t, customer, supplier), customer, supplier, within: t.within, elapsed });
  }
  return { ladder, name: ladder.name?.text ?? "(unnamed)", tiers, hoursPerDay: hoursPerDay(lc) };
}

const LEVEL_ORDER: readonly A.Level[] = ["operational", "management", "executive"];

/** A tier's level: its own `level`, else the lowest level among the roles it names (language.md). */
export function tierLevel(t: A.Tier, customer?: Contact, supplier?: Contact): A.Level | undefined {
  const own = LEVEL_ORDER.find((l) => l === t.level?.text);
  if (own) return own;
  const levels = [customer?.role?.level, supplier?.role?.level].filter((l): l is A.Level => !!l);
  if (levels.length === 0) return undefined;
  return levels.reduce((a, b) => (LEVEL_ORDER.indexOf(a) <= LEVEL_ORDER.indexOf(b) ? a : b));
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** `→ business day 15`, `→ day 30`, `→ business hour 16 (2 business days)`, `→ 5 business days + 4 hours`. */
export function elapsedHint(elapsed: Elapsed, perDay: number): string {
  const entries = [...elapsed.entries()].filter(([, n]) => n > 0);
  if (entries.length === 1) {
    const [unit, n] = entries[0];
    if (unit === "business hour") {
      const days = n / perDay;
      if (days < 1) return `→ business hour ${n}`;
      const inDays = Number.isInteger(days) ? plural(days, "business day") : `${Math.round(days * 10) / 10} business days`;
      return `→ business hour ${n} (${inDays})`;
    }
    return `→ ${unit} ${n}`;
  }
  return "→ " + entries.map(([unit, n]) => plural(n, unit)).join(" + ");
}

/** `15 business days`, `2 business days + 4 business hours` — the time from the start to a deadline. */
export function elapsedText(elapsed: Elapsed): string {
  return [...elapsed.entries()].filter(([, n]) => n > 0).map(([unit, n]) => plural(n, unit)).join(" + ");
}

export function personLabel(p: PersonInfo | undefined): string {
  if (!p) return "";
  const name = p.person.label?.value ?? p.decl.name;
  return p.person.title ? `${name} (${p.person.title.value})` : name;
}

export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => "\\" + c);
}
