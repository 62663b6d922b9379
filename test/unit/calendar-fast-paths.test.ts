// The calendar's shortcuts past luxon (simulate/calendar.ts) give luxon's own answers: the offsets a zone
// remembers per week, and the instant of a local date and time, across summer-time changes in both
// hemispheres, half-hour zones and the hours that are skipped or repeated; the next day and the weekday of
// a date are Date's; an instant's local date and clock reading, worked out by arithmetic, are luxon's; a
// calendar shared across analyses answers as a new one would.
import * as assert from "node:assert/strict";
import { DateTime, IANAZone } from "luxon";
import { addDays, businessCalendar, BusinessCalendar, isoWeekday } from "../../server/src/simulate/calendar";
import type { CalendarInfo } from "../../server/src/core/link";

const ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Africa/Casablanca", "UTC"];
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

function calendarIn(zone: string): BusinessCalendar {
  const info = { calendar: { kind: "calendar", timezone: { value: zone, range: { start: 0, end: 0 } }, workdays: [], holidayDates: [], holidayRegions: [], topLevel: true, range: { start: 0, end: 0 }, keyword: { start: 0, end: 0 } } } as unknown as CalendarInfo;
  const made = businessCalendar(info);
  assert.ok("calendar" in made, JSON.stringify(made));
  return made.calendar;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** Hours (at a two-hour step) after which the zone's offset changes. */
function changes(iana: IANAZone): number[] {
  const out: number[] = [];
  for (let t = FROM; t < TO; t += 2 * HOUR) if (iana.offset(t) !== iana.offset(t + 2 * HOUR)) out.push(t);
  return out;
}

describe("calendar fast paths", function () {
  this.timeout(120_000);
  it("a local date and time names the instant luxon names, skipped and repeated hours included", () => {
    for (const zone of ZONES) {
      const cal = calendarIn(zone);
      const iana = IANAZone.create(zone);
      // Every 30 minutes of the days around each change of offset, and a day a month.
      const days = new Set<number>();
      for (const t of changes(iana)) for (const d of [-1, 0, 1]) days.add(Math.floor(t / 86_400_000) + d);
      for (let m = 0; m < 72; m++) days.add(Math.floor(Date.UTC(2020, m, 15) / 86_400_000));
      for (const day of days) {
        const d = new Date(day * 86_400_000);
        const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        for (let ms = 0; ms <= 24 * 3_600_000; ms += 30 * 60_000) {
          const got = cal.at(date, ms);
          const day2 = ms === 24 * 3_600_000 ? new Date((day + 1) * 86_400_000) : d;
          const rest = ms === 24 * 3_600_000 ? 0 : ms;
          const want = DateTime.fromObject({ year: day2.getUTCFullYear(), month: day2.getUTCMonth() + 1, day: day2.getUTCDate(), hour: Math.floor(rest / 3_600_000), minute: (rest / 60_000) % 60 }, { zone });
          assert.equal(got.toISO(), want.toISO(), `${zone} ${date} +${ms / 60_000} min`);
          assert.equal(got.toMillis(), want.toMillis(), `${zone} ${date} +${ms / 60_000} min`);
        }
      }
    }
  });

  it("the zone's remembered offsets are Intl's, to the second of each change", () => {
    for (const zone of ZONES.filter((z) => z !== "UTC")) {
      const cal = calendarIn(zone);
      const iana = IANAZone.create(zone);
      const z = cal.at("2020-01-01", 0).zone;
      const step = 13 * HOUR + 13 * 60_000 + 17_000;
      for (let t = FROM; t < TO; t += step) assert.equal(z.offset(t), iana.offset(t), `${zone} at ${new Date(t).toISOString()}`);
      // Each change: just before and at it.
      for (const t of changes(iana)) {
        let lo = t;
        let hi = t + 2 * HOUR;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (iana.offset(mid) === iana.offset(t)) lo = mid;
          else hi = mid;
        }
        for (const x of [hi - 1000, hi - 1, hi, hi + 1]) assert.equal(z.offset(x), iana.offset(x), `${zone} at ${new Date(x).toISOString()}`);
      }
    }
  });

  it("an instant's local date and clock reading are luxon's, around every change of offset and far from today", () => {
    for (const zone of ZONES) {
      const cal = calendarIn(zone);
      const iana = IANAZone.create(zone);
      const instants: number[] = [];
      // Each change of offset: a minute either side, and every 7 minutes 13 seconds of the two days around it.
      for (const t of changes(iana)) for (let x = t - 24 * HOUR; x < t + 26 * HOUR; x += 7 * 60_000 + 13_000) instants.push(x);
      // A millisecond either side of opening and closing (09:00, 17:00 by luxon) on the days of a month.
      for (let day = 1; day <= 31; day++) {
        for (const hour of [9, 17]) {
          const t = DateTime.fromObject({ year: 2025, month: 3, day, hour }, { zone }).toMillis();
          instants.push(t - 1, t, t + 1);
        }
      }
      // Where the arithmetic hands over to luxon (years 1000 and 10000), and odd milliseconds.
      for (const y of [999, 1000, 1001, 1900, 1970, 2038, 9999]) for (const d of [0, 1, 180, 364]) instants.push(Date.UTC(y, 0, 1 + d, 11, 59, 59, 999), Date.UTC(y, 0, 1 + d) - 1, Date.UTC(y, 0, 1 + d));
      instants.push(Date.UTC(10000, 0, 1), Date.UTC(10000, 0, 2), -1, 0, 1);
      for (const t of instants) {
        const want = DateTime.fromMillis(t, { zone });
        const what = `${zone} at ${new Date(t).toISOString()}`;
        assert.equal(cal.dateOfMs(t), want.toISODate(), what);
        // Whether it is working time follows from the clock reading to the millisecond.
        const ms = ((want.hour * 60 + want.minute) * 60 + want.second) * 1000 + want.millisecond;
        const working = cal.isBusinessDay(want.toISODate()!) && ms >= cal.opens && ms < cal.closes;
        assert.equal(cal.isWorkingTime(want), working, what);
        assert.equal(cal.dateTime(t).toISO(), want.toISO(), what);
        assert.equal(cal.formatMs(t), cal.format(want), what);
        assert.equal(cal.formatMs(t + 250), cal.format(DateTime.fromMillis(t + 250, { zone })), what);
      }
    }
  });

  it("the day after a date and its weekday are Date's, over every day of four centuries", () => {
    const utc = (t: number): string => new Date(t).toISOString().slice(0, 10);
    for (let t = Date.UTC(1899, 0, 1); t < Date.UTC(2301, 0, 1); t += 86_400_000) {
      const date = utc(t);
      assert.equal(addDays(date, 1), utc(t + 86_400_000), date);
      assert.equal(isoWeekday(date), new Date(t).getUTCDay() || 7, date);
    }
    // What is not a calendar date keeps Date's reading of it (the values check reports it).
    assert.equal(addDays("2025-02-30", 1), "2025-03-03");
    assert.equal(addDays("9999-12-31", 1), "10000-01-01");
  });

  it("a calendar written the same way twice is one calendar, with the same answers", () => {
    const a = calendarIn("Europe/London");
    const before = [a.at("2025-03-30", 90 * 60_000).toISO(), a.addBusinessDays(a.at("2025-12-24", 10 * HOUR), 3).toISO()];
    const b = calendarIn("Europe/London");
    assert.equal(b, a);
    assert.deepEqual([b.at("2025-03-30", 90 * 60_000).toISO(), b.addBusinessDays(b.at("2025-12-24", 10 * HOUR), 3).toISO()], before);
    assert.notEqual(calendarIn("Europe/Paris"), a);
  });
});
