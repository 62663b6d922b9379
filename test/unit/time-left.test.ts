// `covenant status` says how long is left, or how long overdue, in business hours: the count must equal
// stepping one working hour at a time (the old implementation, kept here as the oracle), for moments inside
// and outside working hours, across weekends, holidays and summer-time changes — and it must stay cheap for
// a matter overdue for years (it stepped hour by hour, 10,000 steps per overdue matter, before).
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { DateTime } from "luxon";
import { BusinessCalendar } from "../../server/src/simulate/calendar";
import { timeLeft } from "../../server/src/operations/replay";
import type { LogClock } from "../../server/src/operations/time";

const H = 3_600_000;
const CALENDARS = [
  new BusinessCalendar("Europe/London", [1, 2, 3, 4, 5], 9 * H, 17 * H, ["2025-12-25", "2025-12-26", "2026-01-01"], []),
  new BusinessCalendar("America/New_York", [1, 2, 3, 4, 5, 6], 8.5 * H, 18 * H, ["2026-03-09"], []),
  new BusinessCalendar("UTC", [1, 2, 3, 4, 5, 6, 7], 0, 24 * H, [], []),
];

function oracle(cal: BusinessCalendar, from: DateTime, to: DateTime): number {
  const sign = from <= to ? 1 : -1;
  const [lo, hi] = sign > 0 ? [from, to] : [to, from];
  let hours = 0;
  for (let t = cal.start(lo); t < hi && hours < 10_000; t = cal.addBusinessHours(t, 1)) hours++;
  return sign * hours;
}

const clockOf = (calendar: BusinessCalendar): LogClock => ({ calendar }) as unknown as LogClock;
const BASE = Date.UTC(2025, 11, 15);

describe("time left in business hours", function () {
  this.timeout(60_000);

  it("equals counting one working hour at a time, inside and outside hours, over weekends, holidays and summer time", () => {
    const minute = fc.integer({ min: 0, max: 130 * 24 * 60 });
    // Whole and half hours, minutes, and the exact opening and closing moments are all drawn.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: CALENDARS.length - 1 }), minute, minute, fc.boolean(), (c, a, b, snap) => {
        const cal = CALENDARS[c];
        const snapTo = (m: number): number => (snap ? Math.round(m / 30) * 30 : m);
        const from = DateTime.fromMillis(BASE + snapTo(a) * 60_000, { zone: cal.zone });
        const to = DateTime.fromMillis(BASE + snapTo(b) * 60_000, { zone: cal.zone });
        assert.equal(timeLeft(clockOf(cal), +from, +to, "hour"), oracle(cal, from, to), `${from.toISO()} → ${to.toISO()}`);
      }),
      { numRuns: 400 },
    );
  });

  it("counts at a closing time exactly as stepping does (a deadline at 17:00, now at 17:00 and in the evening)", () => {
    const cal = CALENDARS[0];
    const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: cal.zone });
    for (const [a, b] of [
      ["2025-12-22T09:00", "2025-12-22T17:00"],
      ["2025-12-22T09:00", "2025-12-22T19:00"],
      ["2025-12-22T13:00", "2025-12-23T09:00"],
      ["2025-12-24T17:00", "2025-12-29T09:00"],
      ["2025-12-22T17:00", "2025-12-22T09:00"],
    ]) assert.equal(timeLeft(clockOf(cal), +at(a), +at(b), "hour"), oracle(cal, at(a), at(b)), `${a} → ${b}`);
  });

  it("stops at 10,000 hours, as before, without stepping hour by hour", () => {
    const cal = CALENDARS[0];
    const from = DateTime.fromISO("2016-01-04T09:00", { zone: cal.zone });
    const to = DateTime.fromISO("2026-01-10T09:00", { zone: cal.zone });
    assert.equal(timeLeft(clockOf(cal), +to, +from, "hour"), -10_000);
    assert.equal(timeLeft(clockOf(cal), +from, +DateTime.fromISO("2016-01-06T12:00", { zone: cal.zone }), "hour"), 19);
  });
});
