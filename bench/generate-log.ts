// Deterministic synthetic relationship log (operations.md) of ten years beside a generated contract: issue 11's
// benchmark input. 1,000 matters with 10,000 events between them, 2,000 measurements, and the early-warning
// signals and responses of a relationship that mostly works: most matters resolved, some taken to a formal
// step, some open (a few of them overdue), now and then a missed service level and an unanswered warning.
import { parse } from "../server/src/core/parser";
import type * as A from "../server/src/core/ast";
import { Dice, generateContract, seeded } from "./generate";

export interface LogShape {
  seed: number;
  matters?: number;
  /** Events of all matters together (raised, escalated, meeting, decision, notice, note, formal, resolved). */
  events?: number;
  measurements?: number;
  /** Lines of the contract the log records. */
  contractLines?: number;
  /** The path the log imports the contract by. */
  contractPath?: string;
}

export interface GeneratedLog {
  /** The contract, with a `fee` on every service so that credits have amounts. */
  contract: string;
  contractName: string;
  log: string;
  /** What the log holds, counted while writing it. */
  counts: { matters: number; events: number; measurements: number; signals: number; responses: number; open: number; formal: number; resolved: number };
  /** The analysis date the log is written for (the day after its last entry but a few). */
  today: string;
}

/** The analysis date: the log's ten years end just before it. */
export const LOG_TODAY = "2026-01-10";
const FIRST_DAY = Date.UTC(2016, 0, 4);
const LAST_DAY = Date.UTC(2026, 0, 9);
const DAY = 86_400_000;


const pad2 = (n: number): string => String(n).padStart(2, "0");
/** A day (ms since the epoch, UTC midnight) and minutes after midnight as a MOMENT. */
function moment(day: number, minutes: number): string {
  const d = new Date(day);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
function dateOf(day: number): string {
  return moment(day, 0).slice(0, 10);
}
/** The next Monday to Friday at or after `day`. */
function weekday(day: number): number {
  let d = day;
  while (new Date(d).getUTCDay() === 0 || new Date(d).getUTCDay() === 6) d += DAY;
  return d;
}
function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

interface Ladder {
  name: string;
  tiers: string[];
  /** The tiers' `within` in calendar days a matter may safely take (business hours count as a fraction of a day). */
  safeDays: number;
  hours: boolean;
  then: string;
}

const TOPICS = ["Late deliveries", "Recurring outage", "Invoice query", "Staffing gap", "Missed report", "Change request backlog", "Security finding", "Capacity shortfall", "Licence dispute", "Exit plan gaps", "Slow restores", "Access review overdue", "Patch backlog", "Data quality", "Project slippage"];
const DECISIONS = ["Supplier adds two engineers until the backlog clears", "Credit agreed for the month", "Root-cause review within ten days", "Weekly checkpoint until resolved", "Customer accepts the revised plan", "Change freeze lifted"];
const NOTES = ["Call with the account team", "Supplier shares a recovery plan", "Customer asks for a written update", "Workaround in place", "Waiting for the vendor's patch"];

/** Adds `fee N GBP monthly` to every service of the contract (after its criticality). */
function withFees(contract: string, dice: Dice): string {
  return contract.replace(/^(\s*)criticality (\w+)\n/gm, (_m, indent: string, c: string) => `${indent}criticality ${c}\n${indent}fee ${(5 + dice.int(60)) * 1000} GBP monthly\n`);
}

export function generateLog(shape: LogShape): GeneratedLog {
  const dice = new Dice(seeded(shape.seed));
  const matterCount = shape.matters ?? 1_000;
  const eventTotal = shape.events ?? 10_000;
  const measurementTotal = shape.measurements ?? 2_000;
  const contract = withFees(generateContract({ seed: shape.seed, lines: shape.contractLines ?? 1_000 }), dice);
  const c = parse(contract).file.contracts[0];
  const contractName = c.name!.text;
  const customer = c.parties.find((p) => p.side?.text === "customer")!;
  const customerRoles = customer.roles.map((r) => `${customer.name!.text}.${r.name!.text}`);
  const boards = (c.governance?.boards ?? []).map((b) => b.name!.text);
  const ladders: Ladder[] = c.escalations.map((e: A.Escalation) => {
    const hours = e.tiers.some((t) => t.within?.unit === "hour");
    const smallest = Math.min(...e.tiers.map((t) => t.within?.amount ?? 1));
    return { name: e.name!.text, tiers: e.tiers.map((t) => t.name!.text), safeDays: hours ? 0 : Math.max(1, Math.floor(smallest / 2)), hours, then: e.then!.text };
  });
  const services = c.services.map((s) => s.name!.text);
  const steps = (c.dispute?.steps ?? []).map((s) => s.step);
  const link = (what: string, i: number): string => `https://records.example/${contractName}/${what}-${i}`;

  // ---- how many events each matter has: 10 on average, between 4 and 16, summing to eventTotal ----
  const sizes = new Array<number>(matterCount).fill(Math.floor(eventTotal / matterCount));
  for (let i = 0; i < eventTotal - sizes[0] * matterCount; i++) sizes[i % matterCount]++;
  for (let i = 0; i + 1 < matterCount; i += 2) {
    const d = dice.int(7);
    if (sizes[i] + d <= 16 && sizes[i + 1] - d >= 4) {
      sizes[i] += d;
      sizes[i + 1] -= d;
    }
  }

  const lines: string[] = [`/// Ten years of the relationship under ${contractName}: synthetic log ${shape.seed}.`, `import ${quote(shape.contractPath ?? "contract.covenant")}`, "", `log ${contractName} {`];
  const counts = { matters: 0, events: 0, measurements: 0, signals: 0, responses: 0, open: 0, formal: 0, resolved: 0 };
  const span = (LAST_DAY - 60 * DAY - FIRST_DAY) / DAY;

  for (let i = 0; i < matterCount; i++) {
    const k = sizes[i];
    // 6% stay open (half of them overdue: raised long ago and never escalated), 6% go to a formal step.
    const fate = i % 50 === 7 || i % 50 === 31 ? "open-overdue" : i % 50 === 19 ? "open-recent" : i % 50 === 43 || i % 50 === 11 || i % 50 === 23 ? "formal" : "resolved";
    // A matter raised in the last days is still within its tier's deadline: on a ladder counted in days.
    const dayLadders = ladders.filter((l) => !l.hours);
    const ladder = fate === "open-recent" && dayLadders.length > 0 ? dice.one(dayLadders) : dice.one(ladders);
    const compressed = fate === "open-recent";
    const body: string[] = [];
    const service = dice.one(services);
    body.push(`service ${service}`);
    if (dice.chance(0.3)) body.push(`severity ${dice.one(["critical", "high", "standard", "low"])}`);
    body.push(`ladder ${ladder.name}`);
    let day = compressed ? LAST_DAY - DAY : weekday(FIRST_DAY + Math.floor((i / matterCount) * span + dice.int(40)) * DAY);
    let minutes = compressed ? 9 * 60 : 9 * 60 + 15 * dice.int(24);
    const events: string[] = [];
    const at = (): string => moment(day, minutes);
    const later = (): void => {
      if (compressed) minutes += 10;
      else if (ladder.hours) {
        minutes += 20 + 10 * dice.int(4);
        if (minutes > 16 * 60 + 30) {
          day = weekday(day + DAY);
          minutes = 9 * 60 + 10 * dice.int(6);
        }
      } else if (dice.chance(0.6)) {
        day = weekday(day + DAY * (ladder.safeDays > 1 ? 1 : dice.int(2)));
        minutes = 9 * 60 + 15 * dice.int(28);
      } else {
        minutes = Math.min(17 * 60, minutes + 30);
      }
    };
    events.push(`raised ${at()} by ${dice.one(customerRoles)}`);
    let tier = 0;
    let sinceTier = 0;
    const closing = fate === "resolved" ? 1 : fate === "formal" ? (dice.chance(0.5) ? 2 : 1) : 0;
    // The middle events; a matter that goes formal first climbs to the last tier.
    const middle = k - 1 - closing;
    const escalations = fate === "formal" ? ladder.tiers.length - 1 : fate === "open-overdue" ? 0 : Math.min(ladder.tiers.length - 1, dice.int(ladder.tiers.length));
    const escalateAt = new Set<number>();
    for (let e = 0; e < escalations && e < middle; e++) escalateAt.add(Math.floor(((e + 1) * middle) / (escalations + 1)));
    for (let m = 0; m < middle; m++) {
      if (escalateAt.has(m)) {
        later();
        tier++;
        sinceTier = 0;
        events.push(`escalated ${at()} to ${ladder.tiers[tier]}`);
        continue;
      }
      // Stay well inside the tier's deadline: business days count at least as many calendar days.
      if (fate !== "open-overdue" && sinceTier >= ladder.safeDays && !ladder.hours && !compressed) minutes = Math.min(17 * 60, minutes + 15);
      else {
        const before = day;
        later();
        if (day !== before) sinceTier++;
      }
      const kind = dice.int(10);
      if (kind < 3 && boards.length > 0) {
        const minutesDay = weekday(day + DAY);
        events.push(`meeting ${at()} at ${dice.one(boards)} minutes ${dateOf(minutesDay)}${dice.chance(0.98) ? ` evidence ${quote(link("minutes", counts.events + m))}` : ""}`);
      } else if (kind < 5) {
        events.push(`decision ${at()} ${quote(dice.one(DECISIONS))}${dice.chance(0.97) ? ` evidence ${quote(link("decision", counts.events + m))}` : ""}`);
      } else if (kind < 6) {
        events.push(`notice ${at()} written ${quote("Letter to the supplier's account director")} evidence ${quote(link("notice", counts.events + m))}`);
      } else {
        events.push(`note ${at()} ${quote(dice.one(NOTES))}`);
      }
    }
    if (fate === "formal") {
      // The formal step is available at the last tier's deadline: wait well beyond it.
      day = weekday(day + 21 * DAY);
      events.push(`formal ${moment(day, 10 * 60)} ${dice.chance(0.9) ? ladder.then : dice.one(steps)} evidence ${quote(link("referral", i))}`);
      counts.formal++;
    }
    if (closing === 2 || fate === "resolved") {
      day = weekday(day + (fate === "formal" ? 40 : 1 + dice.int(3)) * DAY);
      events.push(`resolved ${moment(day, 15 * 60)} ${quote(dice.one(["Fixed and confirmed", "Agreed at the board", "Withdrawn", "Settled"]))}`);
      counts.resolved++;
    }
    if (fate.startsWith("open")) counts.open++;
    counts.matters++;
    counts.events += events.length;
    lines.push(`  matter m-${String(i + 1).padStart(4, "0")} ${quote(`${dice.one(TOPICS)} (${service})`)} {`, ...body.map((b) => "    " + b), ...events.map((e) => "    " + e), "  }");
  }
  lines.push("");

  // ---- warning signs and their responses: about one a month ----
  const kinds = (c.earlyWarning?.signals ?? []).map((s) => s.name!.text).filter((k) => k !== "sla-breaches");
  for (let day = weekday(FIRST_DAY + 10 * DAY); day < LAST_DAY - 20 * DAY; day = weekday(day + (20 + dice.int(20)) * DAY)) {
    const kind = dice.chance(0.03) ? "tone-shift" : dice.one(kinds);
    lines.push(`  signal ${moment(day, 11 * 60)} ${kind} ${quote("Seen in the weekly correspondence")} evidence ${quote(link("signal", counts.signals))}`);
    counts.signals++;
    if (dice.chance(0.9)) {
      lines.push(`  response ${moment(day, 16 * 60)} ${quote("Discussed and answered")}${boards.length > 0 ? ` at ${dice.one(boards)}` : ""} evidence ${quote(link("response", counts.responses))}`);
      counts.responses++;
    }
  }
  lines.push("");

  // ---- measurements: every monthly SLA from the month its service began, then incidents of the others ----
  const monthly: { ref: string; sla: A.Sla }[] = [];
  const incident: { ref: string; sla: A.Sla }[] = [];
  for (const s of c.services) for (const sla of s.slas) (sla.window?.text === "monthly" ? monthly : incident).push({ ref: `${s.name!.text}.${sla.name!.text}`, sla });
  const months = 120; // 2016-01 … 2025-12
  const incidentShare = Math.round(measurementTotal * 0.16);
  const perMonthly = Math.min(months, Math.floor((measurementTotal - incidentShare) / Math.max(1, monthly.length)));
  let monthlyLeft = measurementTotal - (incident.length > 0 ? incidentShare : 0);
  const breachDays = new Set<string>();
  const value = (sla: A.Sla, breach: boolean): string => {
    const t = sla.metrics[0]?.target;
    if (t?.kind === "percent") {
      const v = breach ? t.value - 0.05 - dice.int(80) / 100 : t.value + (dice.int(Math.max(1, Math.round((100 - t.value) * 100))) + (t.value < 100 ? 1 : 0)) / 100;
      return `${Math.min(100, Math.round(v * 100) / 100)}%`;
    }
    if (t?.kind === "duration") return `${breach ? t.amount + 5 + dice.int(30) : Math.max(2, t.amount - 1 - dice.int(Math.max(1, t.amount - 2)))} minutes`;
    return "1";
  };
  monthly.forEach(({ ref, sla }, n) => {
    const count = Math.min(months, n === monthly.length - 1 ? monthlyLeft : perMonthly);
    monthlyLeft -= count;
    // A few SLAs skip a month (SLM003); breaches are rare and sometimes come in runs (SLM002).
    const gap = n % 7 === 3 ? months - count + 5 + dice.int(Math.max(1, count - 10)) : -1;
    for (let j = months - count; j < months; j++) {
      if (j === gap) continue;
      const period = `${2016 + Math.floor(j / 12)}-${pad2((j % 12) + 1)}`;
      const breach = dice.chance(0.03);
      if (breach) breachDays.add(`${2016 + Math.floor((j + 1) / 12)}-${pad2(((j + 1) % 12) + 1)}-01`);
      lines.push(`  measure ${ref} ${period} ${value(sla, breach)}`);
      counts.measurements++;
    }
  });
  const incidentsLeft = measurementTotal - counts.measurements;
  incident.forEach(({ ref, sla }, n) => {
    const count = Math.floor(incidentsLeft / incident.length) + (n < incidentsLeft % incident.length ? 1 : 0);
    const days = new Set<number>();
    while (days.size < count) days.add(FIRST_DAY + dice.int((LAST_DAY - FIRST_DAY) / DAY - 30) * DAY);
    for (const d of [...days].sort((a, b) => a - b)) {
      const breach = dice.chance(0.04);
      if (breach) breachDays.add(dateOf(d));
      lines.push(`  measure ${ref} ${dateOf(d)} ${value(sla, breach)}`);
      counts.measurements++;
    }
  });
  // The service review answers most SLA-breach warnings on the day they occur.
  const reviews = [...breachDays].sort().filter(() => dice.chance(0.9));
  if (reviews.length > 0) lines.push("");
  for (const d of reviews) {
    lines.push(`  response ${d} 12:00 ${quote("Service review of the breached service level")} evidence ${quote(link("review", counts.responses))}`);
    counts.responses++;
  }
  lines.push("}");
  return { contract, contractName, log: lines.join("\n") + "\n", counts, today: LOG_TODAY };
}
