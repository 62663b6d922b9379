// The contract's business calendar (simulation.md, "Calendar arithmetic"): business days, working time and
// wall-clock arithmetic in the calendar's time zone, so that a summer-time change moves no deadline off 17:00.
import { DateTime, IANAZone, Info, Settings, Zone } from "luxon";
import type * as A from "../core/ast";
import type { CalendarInfo } from "../core/link";
import { daysInMonth, describeDuration, isCalendarDate, isTimeZone, parseDate, parseTime, parseWorkdays } from "../core/values";
import { publicHolidays, regionProblem } from "../core/holidays";

export { isKnownRegion, regionProblem, HOLIDAY_COUNTRIES } from "../core/holidays";

/** A duration as the calendar counts it (a contract's `5 business days`, or one typed by a user). */
export type CalendarDuration = Pick<A.Duration, "amount" | "unit" | "business">;

/** An instant as milliseconds since 1970-01-01T00:00Z (NaN: none), as the log's replay counts in. */
export type Instant = number;

/** A calculation the calendar cannot finish (no business day within ten years); reported as an input error. */
export class CalendarError extends Error {}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** How far the calendar looks for a business day before it gives up (a calendar with every day a holiday). */
const SEARCH_LIMIT_DAYS = 3660;

const WEEK_MS = 7 * DAY_MS;

/**
 * An IANA zone that asks Intl for an offset once per week of time it is used in, not once per instant: the
 * offset of each week's first moment is remembered, and in a week whose last moment has another offset the
 * change is found by bisection, to the millisecond. Luxon asks a zone for offsets two or three times per
 * DateTime it makes, and each Intl answer costs microseconds: a ten-year log made a hundred thousand of them.
 * Assumes no zone changes its offset twice within a week (none has in the time-zone database since 1970).
 */
class WeeklyOffsetZone extends IANAZone {
  /** By week number: the week's offset, or the change within it. */
  private readonly weeks = new Map<number, number | { at: number; before: number; after: number }>();

  override offset(ts: number): number {
    const week = Math.floor(ts / WEEK_MS);
    let known = this.weeks.get(week);
    if (known === undefined) {
      const first = week * WEEK_MS;
      const last = first + WEEK_MS - 1;
      const before = super.offset(first);
      const after = super.offset(last);
      // An instant Date cannot hold: let luxon give its own answer (NaN, an invalid DateTime).
      if (!Number.isFinite(before) || !Number.isFinite(after)) return super.offset(ts);
      if (before === after) known = before;
      else {
        let lo = first;
        let hi = last;
        while (hi - lo > 1) {
          const mid = lo + Math.floor((hi - lo) / 2);
          if (super.offset(mid) === before) lo = mid;
          else hi = mid;
        }
        known = { at: hi, before, after };
      }
      this.weeks.set(week, known);
    }
    return typeof known === "number" ? known : ts < known.at ? known.before : known.after;
  }
}

const zones = new Map<string, Zone | string>();

/** The zone luxon computes in: for an IANA name, one that remembers its offsets (shared by every calendar). */
function zoneFor(name: string): Zone | string {
  let z = zones.get(name);
  if (z === undefined) {
    z = Info.normalizeZone(name).type === "iana" ? new WeeklyOffsetZone(name) : name;
    zones.set(name, z);
  }
  return z;
}

export interface CalendarDescription {
  timezone: string;
  workdays: string[];
  hours: string;
  holidays: string[];
  regions: string[];
}

export class BusinessCalendar {
  private readonly holidayYears = new Map<number, Map<string, string>>();
  // Answers already given (a log asks the same days and openings thousands of times).
  private readonly businessDays = new Map<string, boolean>();
  private readonly nextBusiness = new Map<string, string>();
  private readonly moments = new Map<string, number>();
  private readonly instants = new Map<number, DateTime>();
  private readonly locals = new Map<number, { date: string; ms: number }>();
  /** `YYYY-MM-DD` by days since 1970 (the same strings again: their hashes are kept, for the maps by date). */
  private readonly dates = new Map<number, string>();
  private readonly wallClock = new Map<string, number>();
  /** The zone as luxon computes in it (`zone` is its name). */
  private readonly tz: Zone | string;
  /** The same zone as an object that answers offsets (a name such as `UTC` made into its zone). */
  private readonly offsets: Zone;

  constructor(
    readonly zone: string,
    /** ISO weekdays, 1 = Monday. */
    readonly workdays: readonly number[],
    /** Opening and closing as milliseconds after local midnight (closing may be 24:00). */
    readonly opens: number,
    readonly closes: number,
    readonly holidayDates: readonly string[],
    readonly regions: readonly string[],
  ) {
    this.tz = zoneFor(zone);
    this.offsets = typeof this.tz === "string" ? Info.normalizeZone(this.tz) : this.tz;
  }

  describe(): CalendarDescription {
    const clock = (ms: number): string => `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}`;
    return {
      timezone: this.zone,
      workdays: this.workdays.map((d) => DAY_NAMES[d - 1]),
      hours: `${clock(this.opens)}-${clock(this.closes)}`,
      holidays: [...this.holidayDates],
      regions: [...this.regions],
    };
  }

  /** The holiday's name on a local date (`YYYY-MM-DD`), or undefined when the date is no holiday. */
  holiday(date: string): string | undefined {
    const year = Number(date.slice(0, 4));
    let names = this.holidayYears.get(year);
    if (!names) {
      names = new Map();
      for (const region of this.regions) for (const h of publicHolidays(region, year)) if (!names.has(h.date)) names.set(h.date, `${h.name} (${region})`);
      for (const d of this.holidayDates) if (d.startsWith(`${year}-`)) names.set(d, "holiday");
      this.holidayYears.set(year, names);
    }
    return names.get(date);
  }

  isBusinessDay(date: string): boolean {
    let known = this.businessDays.get(date);
    if (known === undefined) {
      known = this.workdays.includes(isoWeekday(date)) && this.holiday(date) === undefined;
      remember(this.businessDays, date, known);
    }
    return known;
  }

  /** The next business day strictly after `date`. */
  nextBusinessDay(date: string): string {
    const known = this.nextBusiness.get(date);
    if (known !== undefined) return known;
    let d = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      d = addDays(d, 1);
      if (this.isBusinessDay(d)) {
        remember(this.nextBusiness, date, d);
        return d;
      }
    }
    throw new CalendarError(`the calendar has no business day in the ten years after ${date}`);
  }

  // ---- Instants as numbers ----
  // The arithmetic works on instants as milliseconds since 1970 UTC (an `Instant`): a relationship log's
  // replay asks for tens of thousands of them, and luxon builds several objects for every DateTime
  // (a Locale each). The DateTime methods further down are these, converted at the edge.

  /** The instant of the wall-clock moment `ms` after local midnight of `date` (24:00 is the next midnight). */
  atMs(date: string, ms: number): Instant {
    // Worked out each time on a four-digit date (cheaper than remembering it); luxon's answers are remembered.
    const fast = this.fastAt(date, ms);
    if (fast !== undefined) return fast;
    const key = `${date} ${ms}`;
    let t = this.moments.get(key);
    if (t === undefined) {
      const day = ms >= DAY_MS ? addDays(date, 1) : date;
      const rest = ms >= DAY_MS ? ms - DAY_MS : ms;
      const [year, month, dayOfMonth] = day.split("-").map(Number);
      t = DateTime.fromObject(
        { year, month, day: dayOfMonth, hour: Math.floor(rest / 3_600_000), minute: Math.floor(rest / 60_000) % 60, second: Math.floor(rest / 1000) % 60, millisecond: rest % 1000 },
        { zone: this.tz },
      ).toMillis();
      remember(this.moments, key, t);
    }
    return t;
  }

  /**
   * `atMs` without luxon's `fromObject`: the same local-time-to-instant rule as luxon's (its `fixOffset`,
   * starting from the offset of the current instant, which picks the instant of a repeated hour and moves a
   * skipped one forward), on a valid four-digit date; undefined otherwise.
   */
  private fastAt(date: string, ms: number): Instant | undefined {
    if (date.length !== 10 || !Number.isInteger(ms) || ms < 0 || ms >= 2 * DAY_MS) return undefined;
    if (!isCalendarDate(date)) return undefined;
    const year = digitsAt(date, 0, 4);
    if (year < 1000) return undefined;
    const local = Date.UTC(year, digitsAt(date, 5, 2) - 1, digitsAt(date, 8, 2)) + ms;
    const zone = this.tz;
    if (typeof zone === "string") return zone === "UTC" ? local : undefined;
    const o = zone.offset(Settings.now());
    let guess = local - o * 60_000;
    const o2 = zone.offset(guess);
    if (o2 !== o) {
      guess -= (o2 - o) * 60_000;
      const o3 = zone.offset(guess);
      if (o3 !== o2) guess = local - Math.min(o2, o3) * 60_000;
    }
    return guess;
  }

  /** Local date and wall-clock milliseconds after midnight of an instant. */
  private local(ts: Instant): { date: string; ms: number } {
    // Luxon's own reading of an instant (its tsToObj): the zone's offset at it, added to it.
    const local = ts + this.offsets.offset(ts) * 60_000;
    if (local >= FAST_FROM && local < FAST_UNTIL) {
      const days = Math.floor(local / DAY_MS);
      let date = this.dates.get(days);
      if (date === undefined) remember(this.dates, days, (date = civilDate(days)));
      return { date, ms: local - days * DAY_MS };
    }
    let l = this.locals.get(ts);
    if (l === undefined) {
      const z = DateTime.fromMillis(ts, { zone: this.tz });
      l = { date: z.toISODate()!, ms: ((z.hour * 60 + z.minute) * 60 + z.second) * 1000 + z.millisecond };
      // NaN (no instant) is not remembered.
      if (Number.isFinite(ts)) remember(this.locals, ts, l);
    }
    return l;
  }

  /** Where the clock starts for something that happens at `t` (see `start`). */
  startMs(t: Instant): Instant {
    const { date, ms } = this.local(t);
    if (this.isBusinessDay(date)) {
      if (ms < this.opens) return this.atMs(date, this.opens);
      if (ms < this.closes) return t;
    }
    return this.atMs(this.nextBusinessDay(date), this.opens);
  }

  /** Closing time on the n-th business day after s's date (s's own date not counted). */
  addBusinessDaysMs(s: Instant, n: number): Instant {
    let date = this.local(s).date;
    for (let i = 0; i < n; i++) date = this.nextBusinessDay(date);
    return this.atMs(date, this.closes);
  }

  /** n hours of working time counted from s (from the next opening if s is outside); may end exactly at closing. */
  addBusinessHoursMs(s: Instant, n: number): Instant {
    const first = this.local(this.startMs(s));
    let date = first.date;
    let from = first.ms;
    let remaining = n * 3_600_000;
    for (;;) {
      const available = this.closes - from;
      if (remaining <= available) return this.atMs(date, from + remaining);
      remaining -= available;
      date = this.nextBusinessDay(date);
      from = this.opens;
    }
  }

  /**
   * Working time, in milliseconds of the local clock (as `addBusinessHours` counts it), from `s` up to `to`,
   * stopping once `limit` is reached: one step per calendar day, not per hour.
   */
  workingTimeBetweenMs(s: Instant, to: Instant, limit = Infinity): number {
    if (!(s < to)) return 0;
    const a = this.local(s);
    const b = this.local(to);
    let total = 0;
    for (let date = a.date; date <= b.date && total < limit; date = addDays(date, 1)) {
      if (!this.isBusinessDay(date)) continue;
      const from = Math.max(this.opens, date === a.date ? a.ms : this.opens);
      const until = Math.min(this.closes, date === b.date ? b.ms : this.closes);
      if (until > from) total += until - from;
    }
    return Math.min(total, limit);
  }

  /** Plain wall-clock arithmetic: the local date and clock reading move, then the zone gives the instant. */
  addWallClockMs(s: Instant, amount: number, unit: A.UnitName): Instant {
    const key = `${s} ${amount} ${unit}`;
    let t = this.wallClock.get(key);
    if (t === undefined) {
      const z = this.dateTime(s);
      const shadow = DateTime.fromObject(z.toObject(), { zone: "UTC" }).plus({ [`${unit}s`]: amount });
      const { year, month, day, hour, minute, second, millisecond } = shadow.toObject();
      t = DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone: this.tz }).toMillis();
      // NaN (no instant) is not remembered.
      if (Number.isFinite(s)) remember(this.wallClock, key, t);
    }
    return t;
  }

  /** s plus a duration of the contract (business units on this calendar, the others on the wall clock). */
  addMs(s: Instant, d: CalendarDuration): Instant {
    // A hundred years of business time is far beyond any contract; counting it day by day would stall an editor.
    const tooFar = d.business && (d.unit === "day" ? d.amount > 100 * 261 : d.unit === "hour" && d.amount > 100 * 261 * 24);
    if (tooFar) throw new CalendarError(`'${describeDuration(d)}' reaches more than a hundred years ahead`);
    if (d.business && d.unit === "day") return this.addBusinessDaysMs(s, d.amount);
    if (d.business && d.unit === "hour") return this.addBusinessHoursMs(s, d.amount);
    if (d.business) throw new CalendarError(`'${describeDuration(d)}' is not a unit the calendar counts (business days or business hours)`);
    const t = this.addWallClockMs(s, d.amount, d.unit);
    if (!Number.isFinite(t) || this.yearOf(t) > this.yearOf(s) + 100) throw new CalendarError(`'${describeDuration(d)}' reaches more than a hundred years ahead`);
    return t;
  }

  /** The local year of an instant. */
  private yearOf(t: Instant): number {
    const { date } = this.local(t);
    return date?.length === 10 ? Number(date.slice(0, 4)) : this.dateTime(t).year;
  }

  /** The local date (`YYYY-MM-DD`) of an instant. */
  dateOfMs(t: Instant): string {
    return this.local(t).date;
  }

  /** `2025-12-24T09:00:00+00:00`: the instant in the calendar's zone with its offset (as `format` writes it). */
  formatMs(t: Instant): string {
    // By arithmetic where the local reading is (luxon's toFormat parses its pattern on every call: a status
    // of a thousand matters spent 30 ms in it); luxon elsewhere.
    const offset = this.offsets.offset(t);
    const local = t + offset * 60_000;
    if (!(local >= FAST_FROM && local < FAST_UNTIL)) return this.format(this.dateTime(t));
    const { date, ms } = this.local(t);
    const clock = `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}`;
    const fraction = ms % 1000 ? `.${String(ms % 1000).padStart(3, "0")}` : "";
    const hours = Math.trunc(Math.abs(offset / 60));
    const minutes = Math.trunc(Math.abs(offset % 60));
    return `${date}T${clock}${fraction}${offset >= 0 ? "+" : "-"}${pad(hours)}:${pad(minutes)}`;
  }

  /** The DateTime of an instant in the calendar's zone, made once per instant (DateTimes are immutable). */
  dateTime(ms: Instant): DateTime {
    let t = this.instants.get(ms);
    if (t === undefined) {
      t = DateTime.fromMillis(ms, { zone: this.tz });
      if (Number.isFinite(ms)) remember(this.instants, ms, t);
    }
    return t;
  }

  // ---- The same as DateTimes (the simulator and the commands that read instants typed by a user) ----

  /** The wall-clock moment `ms` after local midnight of `date` in the calendar's zone (24:00 is the next midnight). */
  at(date: string, ms: number): DateTime {
    return this.dateTime(this.atMs(date, ms));
  }

  /** Whether the moment lies in working time: a business day, from opening up to (not including) closing. */
  isWorkingTime(t: DateTime): boolean {
    const { date, ms } = this.local(t.toMillis());
    return this.isBusinessDay(date) && ms >= this.opens && ms < this.closes;
  }

  /**
   * Where the clock starts for a matter raised at `t`: then, inside working time; the day's opening on a
   * business day before opening; else the next business day's opening.
   */
  start(t: DateTime): DateTime {
    return this.dateTime(this.startMs(t.toMillis()));
  }

  /** Closing time on the n-th business day after s's date (s's own date not counted). */
  addBusinessDays(s: DateTime, n: number): DateTime {
    return this.dateTime(this.addBusinessDaysMs(s.toMillis(), n));
  }

  /** n hours of working time counted from s (from the next opening if s is outside); may end exactly at closing. */
  addBusinessHours(s: DateTime, n: number): DateTime {
    return this.dateTime(this.addBusinessHoursMs(s.toMillis(), n));
  }

  /** Working time between two moments (see `workingTimeBetweenMs`). */
  workingTimeBetween(s: DateTime, to: DateTime, limit = Infinity): number {
    return this.workingTimeBetweenMs(s.toMillis(), to.toMillis(), limit);
  }

  /** Plain wall-clock arithmetic: the local date and clock reading move, then the zone gives the instant. */
  addWallClock(s: DateTime, amount: number, unit: A.UnitName): DateTime {
    return this.dateTime(this.addWallClockMs(s.toMillis(), amount, unit));
  }

  /** s plus a duration of the contract (business units on this calendar, the others on the wall clock). */
  add(s: DateTime, d: CalendarDuration): DateTime {
    return this.dateTime(this.addMs(s.toMillis(), d));
  }

  /** Business days d with from < d <= to (local dates `YYYY-MM-DD`). */
  businessDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isBusinessDay(d)) count++;
    return count;
  }

  /** The local date of a moment. */
  dateOf(t: DateTime): string {
    return this.local(t.toMillis()).date;
  }

  /** `2025-12-24T09:00:00+00:00`: the moment in the calendar's zone with its offset. */
  format(t: DateTime): string {
    const z = t.setZone(this.tz);
    return z.toFormat(z.millisecond ? "yyyy-MM-dd'T'HH:mm:ss.SSSZZ" : "yyyy-MM-dd'T'HH:mm:ssZZ");
  }

  /**
   * An ISO 8601 instant typed by a user: `2025-12-23T18:10:00Z`, `2025-12-23T19:10+01:00`; without an offset
   * (`2025-12-23T18:10`, `2025-12-23 18:10`, `2025-12-23`) it is wall-clock time in the calendar's zone.
   */
  parseInstant(text: string): DateTime | undefined {
    const t = text.trim();
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i.test(t)) return undefined;
    if (!parseDate(t.slice(0, 10))) return undefined;
    const dt = DateTime.fromISO(t.replace(" ", "T"), { zone: this.tz, setZone: false });
    return dt.isValid ? dt.setZone(this.tz) : undefined;
  }
}

/** The default calendar of language.md: UTC, mon-fri, 09:00-17:00, no holidays. */
export const DEFAULT_CALENDAR_TEXT = "timezone UTC, workdays mon-fri, hours 09:00-17:00, no holidays";

/** The business calendar of a contract (language.md defaults for what it omits), or the problem that prevents one. */
export function businessCalendar(info: CalendarInfo | undefined): { calendar: BusinessCalendar } | { error: string } {
  const c = info?.calendar;
  const what = c?.name ? `calendar '${c.name.text}'` : "the contract's calendar";
  if (c?.incomplete) return { error: `${what} has a syntax error; fix it to simulate` };

  const zone = c?.timezone?.value ?? "UTC";
  if (!isTimeZone(zone)) return { error: `${what} names an unknown time zone '${zone}' (an IANA name such as "Europe/London")` };

  let workdays = [1, 2, 3, 4, 5];
  if (c && c.workdays.length > 0) {
    const w = parseWorkdays(c.workdays);
    if ("problem" in w) return { error: `${what}: ${w.problem}` };
    workdays = w.days;
  }

  let opens = 9 * 3_600_000;
  let closes = 17 * 3_600_000;
  if (c?.hours) {
    const from = c.hours.from && parseTime(c.hours.from.text);
    const to = c.hours.to && parseTime(c.hours.to.text);
    if (from === undefined || to === undefined) return { error: `${what} has incomplete working hours` };
    if (to <= from) return { error: `${what} has working hours that end at or before they start (${c.hours.from!.text}-${c.hours.to!.text})` };
    opens = from * 60_000;
    closes = to * 60_000;
  }

  const dates: string[] = [];
  for (const d of c?.holidayDates ?? []) {
    if (!parseDate(d.text)) return { error: `${what} lists ${d.text} as a holiday, which is not a calendar date` };
    dates.push(d.text);
  }
  const regions: string[] = [];
  for (const r of c?.holidayRegions ?? []) {
    const problem = regionProblem(r.value);
    if (problem) return { error: `${what}: ${problem}` };
    regions.push(r.value.trim().toUpperCase());
  }
  // One calendar per description, kept across analyses: its answers (a log's replay asks for thousands of
  // days and instants) then outlive the analysis of one keystroke.
  const key = JSON.stringify([zone, workdays, opens, closes, dates, regions]);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= MAX_CALENDARS) calendars.clear();
    calendar = new BusinessCalendar(zone, workdays, opens, closes, dates, regions);
    calendars.set(key, calendar);
  }
  return { calendar };
}

const calendars = new Map<string, BusinessCalendar>();

/** Forgets every calendar and what it remembered (the benchmark's cold runs). */
export function forgetCalendars(): void {
  calendars.clear();
}
/** More distinct calendars than any workspace has; beyond it the cache starts again. */
const MAX_CALENDARS = 64;
/** Answers a calendar remembers of each kind before it starts again (tens of MB at most). */
const MAX_REMEMBERED = 200_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(date: string, n: number): string {
  // The next day without a Date (the calendar steps day by day through years of a log): within the month,
  // or the first of the next one, for a valid date of a four-digit year.
  if (n === 1 && date.length === 10) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    if (y >= 1000 && y < 9999 && m >= 1 && m <= 12 && d >= 1) {
      const last = daysInMonth(y, m);
      if (d < last) return `${date.slice(0, 8)}${pad(d + 1)}`;
      if (d === last) return m < 12 ? `${date.slice(0, 5)}${pad(m + 1)}-01` : `${y + 1}-01-01`;
    }
  }
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Local readings from 1000-01-01 up to 10000-01-01 are turned into dates by arithmetic; luxon does the rest. */
const FAST_FROM = Date.UTC(1000, 0, 1);
const FAST_UNTIL = Date.UTC(10000, 0, 1);

/** The number written by `count` ASCII digits from `from` (the caller knows they are digits). */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** `YYYY-MM-DD` of a count of days since 1970-01-01 (the civil-calendar formula; four-digit years). */
function civilDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO weekday of a `YYYY-MM-DD` date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  if (date.length === 10) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    // Days since 1970-01-01 (a Thursday) by the civil-calendar formula, for a valid date of a four-digit year.
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
      return ((((days + 3) % 7) + 7) % 7) + 1;
    }
  }
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}
