// Words about the things a contract names, shared by hover and completion details.
import type * as A from "../core/ast";
import type { Decl, Linked, LinkedContract, PartyInfo, PersonInfo, RoleInfo, CalendarInfo } from "../core/link";
import { describeDuration, parseWorkdays } from "../core/values";
import { answering, escapeMarkdown, hasLeft, hoursPerDay, personLabel } from "./ladder";
import { sameDecl } from "./locate";

/** Every party the file's contracts can see, each once. */
export function partyInfos(linked: Linked): PartyInfo[] {
  const out: PartyInfo[] = [];
  for (const lc of linked.contracts) {
    for (const p of lc.parties.values()) if (!out.some((q) => sameDecl(q.decl, p.decl))) out.push(p);
  }
  return out;
}

export function findParty(linked: Linked, decl: Pick<Decl, "uri" | "nameRange">): PartyInfo | undefined {
  for (const lc of linked.contracts) for (const p of lc.parties.values()) if (sameDecl(p.decl, decl)) return p;
  return undefined;
}

export function findPerson(linked: Linked, decl: Decl): PersonInfo | undefined {
  const party = decl.container && findParty(linked, decl.container);
  return party?.people.get(decl.name);
}

export function findRole(linked: Linked, decl: Decl): RoleInfo | undefined {
  const party = decl.container && findParty(linked, decl.container);
  return party?.roles.get(decl.name);
}

/** The contract a declaration belongs to (services, boards, ladders, tiers, slas, steps, local parties). */
export function ownerContract(linked: Linked, decl: Decl): LinkedContract | undefined {
  for (let d: Decl | undefined = decl; d; d = d.container) {
    if (d.kind === "contract") return linked.contracts.find((c) => c.contract === d!.node);
  }
  return undefined;
}

const md = escapeMarkdown;

function docLines(node: { doc?: string }): string[] {
  return node.doc ? ["", node.doc] : [];
}

export function describePerson(p: A.Person, partyName: string | undefined, info: PersonInfo | undefined, today: string): string {
  const name = p.label?.value ?? p.name?.text ?? "";
  const lines = [`**${md(name)}** · person \`${p.name?.text ?? ""}\`${partyName ? ` of ${md(partyName)}` : ""}`];
  const facts: string[] = [];
  if (p.title) facts.push(md(p.title.value));
  if (p.email) facts.push(`[${md(p.email.value)}](mailto:${encodeURI(p.email.value)})`);
  if (facts.length > 0) lines.push("", facts.join(" · "));
  if (p.left) lines.push("", p.left.text <= today ? `**Has left** (on ${p.left.text}).` : `Leaves on ${p.left.text}.`);
  if (info) {
    const holds = [...info.party.roles.values()].filter((r) => r.holder === info).map((r) => `\`${r.decl.name}\``);
    const deputises = [...info.party.roles.values()].filter((r) => r.deputy === info).map((r) => `\`${r.decl.name}\``);
    const parts: string[] = [];
    if (holds.length > 0) parts.push(`holds ${holds.join(", ")}`);
    if (deputises.length > 0) parts.push(`deputy for ${deputises.join(", ")}`);
    if (parts.length > 0) lines.push("", parts.join("; ") + ".");
  }
  return [...lines, ...docLines(p)].join("\n");
}

function personLine(who: string, p: PersonInfo | undefined, written: A.Name | undefined, today: string): string | undefined {
  if (!written) return undefined;
  if (!p) return `${who}: \`${written.text}\` *(no such person)*`;
  const left = hasLeft(p, today) ? ` — **has left** (${p.person.left!.text})` : "";
  return `${who}: ${md(personLabel(p))}${left}`;
}

export function describeRole(r: A.Role, partyName: string | undefined, info: RoleInfo | undefined, today: string): string {
  const name = r.label?.value ?? r.name?.text ?? "";
  const level = r.level ? ` — ${r.level.text} level` : "";
  const lines = [`**${md(name)}** · role \`${r.name?.text ?? ""}\`${partyName ? ` of ${md(partyName)}` : ""}${level}`, ""];
  const holder = personLine("Holder", info?.holder, r.holder, today);
  const deputy = personLine("Deputy", info?.deputy, r.deputy, today);
  // Two trailing spaces: a Markdown line break between holder and deputy.
  lines.push((holder ?? "Holder: **none**") + "  ", deputy ?? "Deputy: none");
  if (info) {
    const who = answering(info, today);
    if (!who.person) lines.push("", "**No one answers for this role today.**");
    else if (who.standIn) lines.push("", `Today ${md(personLabel(who.person))} stands in for the holder.`);
  }
  return [...lines, ...docLines(r)].join("\n");
}

export function describeParty(p: A.Party, info: PartyInfo | undefined, sides: string[]): string {
  const name = p.label?.value ?? p.name?.text ?? "";
  const lines = [`**${md(name)}** · party \`${p.name?.text ?? ""}\`${sides.length > 0 ? ` — ${sides.join(", ")}` : ""}`];
  lines.push("", `${p.people.length} ${p.people.length === 1 ? "person" : "people"}, ${p.roles.length} role${p.roles.length === 1 ? "" : "s"}${p.topLevel ? " · shared (top level)" : ""}`);
  const roles = info ? [...info.roles.values()] : [];
  if (roles.length > 0) {
    lines.push("");
    for (const r of roles.slice(0, 12)) {
      lines.push(`- \`${r.decl.name}\` ${md(r.role.label?.value ?? "")}${r.level ? ` (${r.level})` : ""}${r.holder ? `: ${md(personLabel(r.holder))}` : ""}`);
    }
    if (roles.length > 12) lines.push(`- … and ${roles.length - 12} more`);
  }
  return [...lines, ...docLines(p)].join("\n");
}

export function describeCalendar(cal: A.Calendar | undefined): string {
  if (!cal) return "the default calendar: mon–fri, 09:00–17:00 UTC, no holidays";
  const days = cal.workdays.length > 0 ? cal.workdays.map((w) => w.text).join(", ") : "mon-fri";
  const hours = cal.hours?.from && cal.hours.to ? `${cal.hours.from.text}–${cal.hours.to.text}` : "09:00–17:00";
  const zone = cal.timezone?.value ?? "UTC";
  const holidays = [...cal.holidayRegions.map((r) => `public holidays of ${r.value}`), ...(cal.holidayDates.length > 0 ? [cal.holidayDates.map((d) => d.text).join(", ")] : [])];
  return `${days}, ${hours} ${zone}${holidays.length > 0 ? `; holidays: ${holidays.join("; ")}` : "; no holidays"}`;
}

function workdaysPerWeek(cal: A.Calendar | undefined): number {
  if (!cal || cal.workdays.length === 0) return 5;
  const w = parseWorkdays(cal.workdays);
  return "days" in w ? w.days.length : 5;
}

/** A duration in business terms: what it counts, on which calendar, and what it comes to. */
export function describeDurationValue(d: A.Duration, lc: LinkedContract | undefined): string {
  const head = `**${describeDuration(d)}**`;
  const cal = lc?.calendar?.calendar;
  if (d.business && d.unit === "day") {
    const perWeek = workdaysPerWeek(cal);
    const weeks = d.amount / perWeek;
    const about = weeks >= 1 ? ` — about ${Number.isInteger(weeks) ? weeks : Math.round(weeks * 10) / 10} working week${weeks === 1 ? "" : "s"}` : "";
    return `${head}${about}\n\nCounted in business days on ${describeCalendar(cal)}. The deadline is closing time on the ${ordinal(d.amount)} business day after the clock starts (that day not counted).`;
  }
  if (d.business && d.unit === "hour") {
    const perDay = lc ? hoursPerDay(lc) : 8;
    const days = d.amount / perDay;
    const about = `${Number.isInteger(days) ? days : Math.round(days * 10) / 10} business day${days === 1 ? "" : "s"} of ${perDay} working hours`;
    return `${head} — ${about}\n\nWorking time only, on ${describeCalendar(cal)}: the clock stops outside working hours, at weekends and on holidays.`;
  }
  if (d.business) {
    return `${head}\n\nCounted on ${describeCalendar(cal)}.`;
  }
  const equivalents: Record<string, string | undefined> = {
    minute: d.amount >= 60 ? `${round(d.amount / 60)} hours` : undefined,
    hour: d.amount >= 24 ? `${round(d.amount / 24)} days` : undefined,
    day: d.amount >= 7 ? `about ${round(d.amount / 7)} weeks` : undefined,
    week: `${d.amount * 7} days`,
    month: d.amount >= 12 ? `${round(d.amount / 12)} years` : undefined,
    year: `${d.amount * 12} months`,
  };
  const eq = equivalents[d.unit];
  return `${head}${eq ? ` — ${eq}` : ""}\n\nCalendar time: weekends and holidays count (only \`business\` units skip them).`;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${s}`;
}

export function describeCalendarDecl(info: CalendarInfo | undefined, cal: A.Calendar): string {
  return [`**Calendar${cal.name ? ` \`${cal.name.text}\`` : ""}**`, "", describeCalendar(info?.calendar ?? cal), ...docLines(cal)].join("\n");
}
