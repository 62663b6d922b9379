// Moments and periods of a log on the contract's calendar (operations.md): a MOMENT is wall-clock time in
// the calendar's zone; clock(m) is the start rule applied to m; due(m, D) is clock(m) + D.
import type * as A from "../core/ast";
import type { LinkedContract } from "../core/link";
import { Period, periodDays } from "../core/log-values";
import { parseTime } from "../core/values";
import { BusinessCalendar, businessCalendar, CalendarDuration, Instant } from "../simulate/calendar";

export type { Instant };

export class LogClock {
  constructor(readonly calendar: BusinessCalendar) {}

  /** The instant a valid moment names (a date alone is 00:00). */
  moment(m: A.Moment): Instant {
    // Worked out each time: the calendar's arithmetic is cheaper than remembering an answer per moment node.
    const minutes = m.time ? parseTime(m.time.text)! : 0;
    return this.calendar.atMs(m.date.text, minutes * 60_000);
  }

  /** Where the clock starts for something that happens at t (simulation.md's start rule). */
  clock(t: Instant): Instant {
    return this.calendar.startMs(t);
  }

  /** clock(t) + d: business units counted on the calendar, plain units on the wall clock. */
  due(t: Instant, d: CalendarDuration): Instant {
    return this.calendar.addMs(this.clock(t), d);
  }

  /** t + d on the wall clock, with no start rule (signal windows in plain units). */
  plus(t: Instant, d: CalendarDuration): Instant {
    return this.calendar.addWallClockMs(t, d.amount, d.unit);
  }

  /** t − d on the wall clock (six months before 2026-06-01 is 2025-12-01). */
  minus(t: Instant, d: CalendarDuration): Instant {
    return this.calendar.addWallClockMs(t, -d.amount, d.unit);
  }

  /** The first moment of a period. */
  start(p: Period): Instant {
    let t = this.starts.get(p);
    if (t === undefined) this.starts.set(p, (t = this.calendar.atMs(periodDays(p).first, 0)));
    return t;
  }

  /** The first moment after a period. */
  end(p: Period): Instant {
    let t = this.ends.get(p);
    if (t === undefined) this.ends.set(p, (t = this.calendar.atMs(periodDays(p).after, 0)));
    return t;
  }

  /** Periods are shared (parsePeriod reads each text once), and so are their bounds. */
  private readonly starts = new WeakMap<Period, Instant>();
  private readonly ends = new WeakMap<Period, Instant>();

  /** `Mon 10 Nov 2025 17:00`: a moment as a contract manager reads it, in the calendar's zone. */
  say(t: Instant): string {
    let text = this.said.get(t);
    if (text === undefined) {
      text = this.calendar.dateTime(t).toFormat("ccc d LLL yyyy HH:mm");
      if (this.said.size >= 100_000) this.said.clear();
      if (Number.isFinite(t)) this.said.set(t, text);
    }
    return text;
  }

  /** `say`'s answers by instant (luxon's formatting is slow, and the checks say the same deadlines often). */
  private readonly said = new Map<number, string>();

  /** `2025-12-24T09:00:00+00:00`: the instant in the calendar's zone with its offset. */
  format(t: Instant): string {
    return this.calendar.formatMs(t);
  }
}

/** The clock of a contract, or undefined when its calendar cannot be used (its own errors say why). */
export function logClock(lc: LinkedContract): LogClock | undefined {
  const cal = businessCalendar(lc.calendar);
  if (!("calendar" in cal)) return undefined;
  // One clock per calendar, as calendars are shared: the moments it read stay read while their nodes live.
  let clock = clocks.get(cal.calendar);
  if (!clock) clocks.set(cal.calendar, (clock = new LogClock(cal.calendar)));
  return clock;
}

const clocks = new WeakMap<BusinessCalendar, LogClock>();

/** A duration the calendar can count: whole, above zero, business only in days or hours. */
export function countable(d: A.Duration | undefined): d is A.Duration {
  return !!d && Number.isInteger(d.amount) && d.amount > 0 && (!d.business || d.unit === "day" || d.unit === "hour");
}

/**
 * The analysis moment (operations.md): `now` when given (an ISO instant), else 00:00 of `today` in the
 * calendar's zone, else the current instant.
 */
export function analysisMoment(clock: LogClock, options: { now?: string; today?: string }): Instant | undefined {
  if (options.now !== undefined) return clock.calendar.parseInstant(options.now)?.toMillis();
  if (options.today !== undefined) return clock.calendar.atMs(options.today, 0);
  return clock.calendar.parseInstant(new Date().toISOString())?.toMillis();
}
