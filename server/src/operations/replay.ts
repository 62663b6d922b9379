// The replay of a matter (operations.md, "Replaying a matter"): which tiers opened when, their deadlines,
// the current tier, when the formal step became available, and who sat at the table on each side.
import type * as A from "../core/ast";
import type { LinkedContract } from "../core/link";
import type { LinkedMatter } from "../core/link-log";
import { Contact, contactOn } from "../simulate/contacts";
import { countable, Instant, LogClock } from "./time";

export interface TierOpening {
  /** The tier's index in the ladder. */
  index: number;
  tier: A.Tier;
  opens: Instant;
  /** due(opening, within); absent when the tier's `within` cannot be counted. */
  deadline?: Instant;
  customer?: Contact;
  supplier?: Contact;
  /** The `escalated` event that opened it (absent for the first tier). */
  by?: A.MatterEvent;
}

export interface Escalation {
  event: A.MatterEvent;
  at: Instant;
  from: TierOpening;
  to: TierOpening;
}

export interface MatterReplay {
  matter: LinkedMatter;
  ladder: A.Escalation;
  raised: Instant;
  /** Every tier opened, in order; the last is the current tier. */
  tiers: TierOpening[];
  escalations: Escalation[];
  formal?: { event: A.MatterEvent; at: Instant; step?: A.DisputeStep; stepName: string; available?: Instant };
  resolved?: { event: A.MatterEvent; at: Instant };
  state: "open" | "formal" | "resolved";
}

export function current(r: MatterReplay): TierOpening {
  return r.tiers[r.tiers.length - 1];
}

export function isLastTier(r: MatterReplay, t: TierOpening): boolean {
  return t.index === r.ladder.tiers.length - 1;
}

/** When the formal step is available: the deadline of the ladder's last tier, once that tier has opened. */
export function formalAvailable(r: MatterReplay): Instant | undefined {
  const last = r.tiers.find((t) => isLastTier(r, t));
  return last?.deadline;
}

/** Replays a linked matter; undefined when it is not replayed (no valid `raised`, no ladder, no tiers). */
export function replayMatter(lc: LinkedContract, lm: LinkedMatter, clock: LogClock): MatterReplay | undefined {
  const ladder = lm.ladder;
  // A matter or ladder cut short by a syntax error is not replayed: its checks stay silent (language.md, Resilience).
  if (!lm.replayed || !ladder || ladder.tiers.length === 0 || lm.matter.incomplete || ladder.incomplete) return undefined;
  const raisedEvent = lm.events[0];
  const raised = clock.moment(raisedEvent.moment!);
  const open = (index: number, at: Instant, by?: A.MatterEvent): TierOpening => {
    const tier = ladder.tiers[index];
    const opens = clock.clock(at);
    const date = clock.calendar.dateOfMs(opens);
    const t: TierOpening = { index, tier, opens };
    if (countable(tier.within)) t.deadline = clock.calendar.addMs(opens, tier.within);
    const customer = contactOn(lc, tier.customer, date);
    const supplier = contactOn(lc, tier.supplier, date);
    if (customer) t.customer = customer;
    if (supplier) t.supplier = supplier;
    if (by) t.by = by;
    return t;
  };
  const r: MatterReplay = { matter: lm, ladder, raised, tiers: [open(0, raised)], escalations: [], state: "open" };
  for (const e of lm.events.slice(1)) {
    // Only these three events move the replay; the others' moments are read by the checks that need them.
    if (e.event !== "escalated" && e.event !== "formal" && e.event !== "resolved") continue;
    const at = clock.moment(e.moment!);
    if (e.event === "escalated") {
      const index = lm.tierOf.get(e);
      if (index === undefined) continue;
      const from = current(r);
      const to = open(index, at, e);
      r.tiers.push(to);
      r.escalations.push({ event: e, at, from, to });
    } else if (e.event === "formal") {
      const available = formalAvailable(r);
      r.formal = { event: e, at, stepName: e.step!.text, ...(lm.stepOf.get(e) ? { step: lm.stepOf.get(e) } : {}), ...(available !== undefined ? { available } : {}) };
      if (r.state === "open") r.state = "formal";
    } else if (e.event === "resolved") {
      r.resolved = { event: e, at };
      r.state = "resolved";
    }
  }
  return r;
}

/** The business time between two moments, in the unit the tier counts (for "2 business days left"). */
export function timeLeft(clock: LogClock, from: Instant, to: Instant, unit: "day" | "hour"): number {
  const cal = clock.calendar;
  if (unit === "day") {
    const a = cal.dateOfMs(from);
    const b = cal.dateOfMs(to);
    return a <= b ? cal.businessDaysBetween(a, b) : -cal.businessDaysBetween(b, a);
  }
  // The whole working hours h for which h hours of working time from the clock's start still end before the
  // later moment (at most 10,000): those whose time is less than the working time between, plus the one
  // that ends exactly at a closing before it. One step per day, so a matter overdue for years stays cheap.
  const sign = from <= to ? 1 : -1;
  const [lo, hi] = sign > 0 ? [from, to] : [to, from];
  const HOUR = 3_600_000;
  const CAP = 10_000;
  const begin = cal.startMs(lo);
  const working = cal.workingTimeBetweenMs(begin, hi, (CAP + 1) * HOUR);
  let hours = Math.ceil(working / HOUR);
  if (hours < CAP && working % HOUR === 0 && cal.addBusinessHoursMs(begin, hours) < hi) hours++;
  return sign * Math.min(hours, CAP);
}
