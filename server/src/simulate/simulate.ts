// The escalation simulation of simulation.md: a pure function of (linked model, inputs, calendar) to a
// timeline. "A disagreement is raised now: who must talk to whom, by when, and when does the formal step open?"
import type { DateTime } from "luxon";
import type * as A from "../core/ast";
import type { Linked, LinkedContract } from "../core/link";
import { describeDuration } from "../core/values";
import { BusinessCalendar, businessCalendar, CalendarDescription, CalendarDuration, CalendarError } from "./calendar";
import { Contact, contactOn, tierLevel } from "./contacts";
import { SEVERITIES } from "./severities";
import type { LadderChosenBy } from "./wording";
import { chooseLadder, laddersOf } from "../core/ladder-choice";

export { SEVERITIES } from "./severities";
export type { Severity } from "./severities";
export type { LadderChosenBy } from "./wording";

export interface SimulationInput {
  /** The contract's name; may be omitted when the file holds one contract. */
  contract?: string;
  ladder?: string;
  service?: string;
  severity?: string;
  /** ISO 8601 instant; without an offset, wall-clock time in the calendar's zone. */
  raised: string;
  /** The tier that resolves the matter, and how long after it opens (a duration like "3 business days"; default: at its deadline). */
  resolveAt?: { tier: string; after?: string };
}

export type ServicesState = "continue" | "at-risk";

export interface TierTimeline {
  tier: string;
  level?: A.Level;
  /** The tier's `within`, as written (`5 business days`). */
  within: string;
  opens: string;
  deadline: string;
  /** Absent when the tier names no role for the side (no one answers for it: the side is unreachable). */
  customer?: Contact;
  supplier?: Contact;
  forum?: string;
  /** Minutes of the forum board, due at the tier's opening plus the board's `minutes ... within`. */
  minutes?: { board: string; due: string; by?: string };
}

export type SimulationEvent =
  | { at: string; kind: "tier-opened"; tier: string; services: ServicesState }
  | { at: string; kind: "minutes-due"; tier: string; board: string; services: ServicesState }
  | { at: string; kind: "resolved"; tier: string; services: ServicesState }
  | { at: string; kind: "formal-step"; step: string | null; deadline: string | null; services: ServicesState };

export interface SimulationResult {
  contract: string;
  contractLabel?: string;
  ladder: string;
  ladderLabel?: string;
  /** How the ladder was chosen: "given", "criticality", "severity", "default" (the dispute block's) or "standard". */
  ladderChosenBy: LadderChosenBy;
  service?: string;
  severity?: string;
  raised: string;
  start: string;
  tiers: TierTimeline[];
  events: SimulationEvent[];
  outcome: "resolved" | "formal";
  resolved: { tier: string; at: string } | null;
  formal: { step: string | null; at: string; deadline: string | null; deadlineKind?: "start" | "decide" } | null;
  servicesContinue: boolean;
  businessDays: number;
  calendar: CalendarDescription;
  /** Things the simulation could not take into account (an unresolved forum, a missing formal step…). */
  notes: string[];
}

export type SimulationOutcome = { result: SimulationResult } | { error: string; range?: A.Range };

/** "3 business days", "1 business hour", "2 weeks", "1 month": a duration typed by a user, or undefined. */
export function parseDurationText(text: string): CalendarDuration | undefined {
  const m = /^\s*(\d+)\s+(business\s+)?(minute|hour|day|week|month|year)s?\s*$/i.exec(text);
  if (!m) return undefined;
  const amount = Number(m[1]);
  const unit = m[3].toLowerCase() as A.UnitName;
  const business = !!m[2];
  if (amount <= 0 || (business && unit !== "day" && unit !== "hour")) return undefined;
  return { amount, unit, business };
}

/** The durations the calendar can count: a whole number above zero of a known unit. */
function durationProblem(d: A.Duration): string | undefined {
  if (!Number.isInteger(d.amount) || d.amount <= 0) return `'${d.text}' is not a whole number above zero`;
  if (d.business && d.unit !== "day" && d.unit !== "hour") return `'${d.text}' is not counted in business days or business hours`;
  return undefined;
}

function fail(error: string, range?: A.Range): { error: string; range?: A.Range } {
  return range ? { error, range } : { error };
}

/** Picks the contract named by the input, or the only one in the file. */
export function chooseContract(linked: Linked, name: string | undefined): LinkedContract | { error: string } {
  const named = linked.contracts.filter((c) => c.contract.name);
  if (name !== undefined) {
    const found = named.find((c) => c.contract.name!.text === name);
    if (found) return found;
    return { error: named.length ? `no contract '${name}' in this file (contracts: ${named.map((c) => c.contract.name!.text).join(", ")})` : `no contract '${name}': the file declares no contract` };
  }
  if (named.length === 1) return named[0];
  if (named.length === 0) return { error: "the file declares no contract" };
  return { error: `the file holds several contracts (${named.map((c) => c.contract.name!.text).join(", ")}); name one` };
}

export { laddersOf };

/** Runs the simulation; never throws. Input errors come back as one sentence. */
export function simulate(linked: Linked, input: SimulationInput): SimulationOutcome {
  try {
    return run(linked, input);
  } catch (e) {
    if (e instanceof CalendarError) return { error: e.message };
    return { error: `the simulation failed: ${(e as Error).message}` };
  }
}

function run(linked: Linked, input: SimulationInput): SimulationOutcome {
  const lc = chooseContract(linked, input.contract);
  if ("error" in lc) return lc;
  const c = lc.contract;
  const contractName = c.name!.text;

  if (input.severity !== undefined && !(SEVERITIES as readonly string[]).includes(input.severity)) {
    return fail(`'${input.severity}' is not a severity (${SEVERITIES.join(", ")})`);
  }
  let service: A.Service | undefined;
  if (input.service !== undefined) {
    service = lc.services.get(input.service);
    if (!service) {
      const names = [...lc.services.keys()];
      return fail(`contract '${contractName}' has no service '${input.service}'${names.length ? ` (services: ${names.join(", ")})` : ""}`);
    }
  }

  const chosen = chooseLadder(lc, input, service);
  if ("error" in chosen) return chosen;
  const ladder = chosen.ladder;
  const ladderName = ladder.name!.text;
  if (ladder.incomplete) return fail(`ladder '${ladderName}' has a syntax error; fix it to simulate`, ladder.name!.range);
  if (ladder.tiers.length === 0) return fail(`ladder '${ladderName}' has no tiers`, ladder.name!.range);
  for (const [i, t] of ladder.tiers.entries()) {
    if (!t.name) return fail(`tier ${i + 1} of ladder '${ladderName}' has no name`, t.range);
    if (!t.within) return fail(`tier '${t.name.text}' of ladder '${ladderName}' has no 'within', so its deadline is unknown`, t.name.range);
    const problem = durationProblem(t.within);
    if (problem) return fail(`tier '${t.name.text}' of ladder '${ladderName}': ${problem}`, t.within.range);
  }

  const cal = businessCalendar(lc.calendar);
  if ("error" in cal) return fail(cal.error, lc.calendar?.calendar.range);
  const calendar = cal.calendar;

  const raised = typeof input.raised === "string" ? calendar.parseInstant(input.raised) : undefined;
  if (!raised) return fail(`'${input.raised}' is not an ISO 8601 instant (for example 2025-12-23T18:10:00Z)`);

  let resolveTier: A.Tier | undefined;
  let resolveAfter: CalendarDuration | undefined;
  if (input.resolveAt) {
    resolveTier = ladder.tiers.find((t) => t.name!.text === input.resolveAt!.tier);
    if (!resolveTier) return fail(`ladder '${ladderName}' has no tier '${input.resolveAt.tier}' (tiers: ${ladder.tiers.map((t) => t.name!.text).join(", ")})`);
    if (input.resolveAt.after !== undefined) {
      resolveAfter = parseDurationText(input.resolveAt.after);
      if (!resolveAfter) return fail(`'${input.resolveAt.after}' is not a duration (for example "3 business days", "4 business hours", "2 weeks")`);
    }
  }

  const services: ServicesState = c.continuity?.services?.value?.text === "continue" ? "continue" : "at-risk";
  const notes: string[] = [];
  const tiers: TierTimeline[] = [];
  const events: { t: DateTime; e: SimulationEvent }[] = [];
  const fmt = (t: DateTime): string => calendar.format(t);
  const start = calendar.start(raised);
  let opens = start;
  let end: DateTime | undefined;
  let resolved: SimulationResult["resolved"] = null;

  for (const tier of ladder.tiers) {
    const name = tier.name!.text;
    const deadline = calendar.add(opens, tier.within!);
    const openingDate = calendar.dateOf(opens);
    const level = tierLevel(lc, tier);
    const entry: TierTimeline = {
      tier: name,
      ...(level ? { level } : {}),
      within: describeDuration(tier.within!),
      opens: fmt(opens),
      deadline: fmt(deadline),
    };
    for (const side of ["customer", "supplier"] as const) {
      const contact = contactOn(lc, tier[side], openingDate);
      if (contact) entry[side] = contact;
      else notes.push(`tier '${name}' names no ${side} role, so no one answers for the ${side} there`);
    }
    events.push({ t: opens, e: { at: fmt(opens), kind: "tier-opened", tier: name, services } });
    if (tier.forum) {
      entry.forum = tier.forum.text;
      minutesOf(lc, tier.forum.text, opens, calendar, notes, (board, due, by) => {
        entry.minutes = by ? { board, due: fmt(due), by } : { board, due: fmt(due) };
        events.push({ t: due, e: { at: fmt(due), kind: "minutes-due", tier: name, board, services } });
      });
    }
    tiers.push(entry);
    if (tier === resolveTier) {
      const at = resolveAfter ? calendar.add(opens, resolveAfter) : deadline;
      if (at.toMillis() > deadline.toMillis()) {
        return fail(`a resolution ${describeDuration(resolveAfter!)} after tier '${name}' opens (${fmt(at)}) falls after its deadline (${fmt(deadline)})`);
      }
      resolved = { tier: name, at: fmt(at) };
      events.push({ t: at, e: { at: fmt(at), kind: "resolved", tier: name, services } });
      end = at;
      break;
    }
    opens = deadline;
  }

  let formal: SimulationResult["formal"] = null;
  if (!resolved) {
    end = opens;
    const stepName = ladder.then?.text ?? null;
    formal = { step: stepName, at: fmt(end), deadline: null };
    if (!stepName) {
      notes.push(`ladder '${ladderName}' names no formal step ('then'), so nothing follows its last tier`);
    } else {
      const step = c.dispute?.steps.find((s) => s.step === stepName);
      if (!step) notes.push(`the dispute block has no '${stepName}' step, so its deadline is unknown`);
      const due = step?.start ? { d: step.start, kind: "start" as const } : step?.decide ? { d: step.decide, kind: "decide" as const } : undefined;
      if (due) {
        const problem = durationProblem(due.d);
        if (problem) notes.push(`the ${stepName} step's '${due.kind} within': ${problem}`);
        else {
          formal.deadline = fmt(calendar.add(end, due.d));
          formal.deadlineKind = due.kind;
        }
      }
    }
    events.push({ t: end, e: { at: fmt(end), kind: "formal-step", step: stepName, deadline: formal.deadline, services } });
  }

  // Stable order by time: events at the same moment keep the order in which the ladder produced them.
  const ordered = events
    .map((x, i) => ({ ...x, i }))
    .filter((x) => !resolved || x.t.toMillis() <= end!.toMillis())
    .sort((a, b) => a.t.toMillis() - b.t.toMillis() || a.i - b.i)
    .map((x) => x.e);

  const result: SimulationResult = {
    contract: contractName,
    ...(c.label ? { contractLabel: c.label.value } : {}),
    ladder: ladderName,
    ...(ladder.label ? { ladderLabel: ladder.label.value } : {}),
    ladderChosenBy: chosen.by,
    ...(input.service !== undefined ? { service: input.service } : {}),
    ...(input.severity !== undefined ? { severity: input.severity } : {}),
    raised: fmt(raised),
    start: fmt(start),
    tiers,
    events: ordered,
    outcome: resolved ? "resolved" : "formal",
    resolved,
    formal,
    servicesContinue: services === "continue",
    businessDays: calendar.businessDaysBetween(calendar.dateOf(start), calendar.dateOf(end!)),
    calendar: calendar.describe(),
    notes,
  };
  return { result };
}

function minutesOf(
  lc: LinkedContract, boardName: string, opens: DateTime, calendar: BusinessCalendar, notes: string[],
  due: (board: string, at: DateTime, by?: string) => void,
): void {
  const board = lc.boards.get(boardName);
  if (!board) {
    notes.push(`the forum '${boardName}' is not a board of this contract, so no minutes are due`);
    return;
  }
  const within = board.minutes?.within;
  if (!within) return;
  const problem = durationProblem(within);
  if (problem) {
    notes.push(`board '${boardName}' minutes: ${problem}`);
    return;
  }
  const by = board.minutes?.by;
  const role = by && lc.roleOf.get(by);
  due(boardName, calendar.add(opens, within), role ? `${role.party.decl.name}.${role.decl.name}` : undefined);
}
