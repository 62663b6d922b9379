import { strict as assert } from "node:assert";
import { DateTime } from "luxon";
import { linkFiles } from "../helpers/memory";
import { BusinessCalendar, businessCalendar, isKnownRegion } from "../../server/src/simulate/calendar";
import { publicHolidays, regionProblem } from "../../server/src/core/holidays";

/** The business calendar of a contract whose `calendar { ... }` block holds `items`. */
function calendar(items: string): BusinessCalendar {
  const linked = linkFiles({ "c.covenant": `contract c { party a customer { } party b supplier { } calendar { ${items} } }\n` });
  const cal = businessCalendar(linked.contracts[0].calendar);
  if ("error" in cal) throw new Error(cal.error);
  return cal.calendar;
}

function calendarError(items: string): string {
  const linked = linkFiles({ "c.covenant": `contract c { party a customer { } party b supplier { } calendar { ${items} } }\n` });
  const cal = businessCalendar(linked.contracts[0].calendar);
  return "error" in cal ? cal.error : "no error";
}

const at = (cal: BusinessCalendar, iso: string): DateTime => cal.parseInstant(iso)!;

describe("business calendar", () => {
  describe("defaults and start of the clock", () => {
    const utc = businessCalendar(undefined);
    const cal = (utc as { calendar: BusinessCalendar }).calendar;

    it("uses UTC, mon-fri and 09:00-17:00 when the contract has no calendar", () => {
      assert.deepEqual(cal.describe(), { timezone: "UTC", workdays: ["mon", "tue", "wed", "thu", "fri"], hours: "09:00-17:00", holidays: [], regions: [] });
    });

    it("starts inside working time at once, before opening at that day's opening, after closing at the next opening", () => {
      assert.equal(cal.format(cal.start(at(cal, "2026-01-07T10:30:00Z"))), "2026-01-07T10:30:00+00:00");
      assert.equal(cal.format(cal.start(at(cal, "2026-01-07T07:00:00Z"))), "2026-01-07T09:00:00+00:00");
      assert.equal(cal.format(cal.start(at(cal, "2026-01-07T17:00:00Z"))), "2026-01-08T09:00:00+00:00");
      assert.equal(cal.format(cal.start(at(cal, "2026-01-09T18:00:00Z"))), "2026-01-12T09:00:00+00:00");
      assert.equal(cal.format(cal.start(at(cal, "2026-01-10T10:00:00Z"))), "2026-01-12T09:00:00+00:00");
    });

    it("reads instants with an offset, and wall-clock time in the calendar's zone without one", () => {
      const london = calendar(`timezone "Europe/London"`);
      assert.equal(london.format(at(london, "2026-07-01T10:00:00Z")), "2026-07-01T11:00:00+01:00");
      assert.equal(london.format(at(london, "2026-07-01T10:00")), "2026-07-01T10:00:00+01:00");
      assert.equal(london.format(at(london, "2026-07-01 10:00")), "2026-07-01T10:00:00+01:00");
      for (const bad of ["yesterday", "2026-02-30T10:00Z", "10:00", "2026-W01", "2026-01-01T25:00Z", ""]) assert.equal(london.parseInstant(bad), undefined, bad);
    });
  });

  describe("business days", () => {
    it("ends at closing time on the n-th business day after the start's date, skipping weekends and listed holidays", () => {
      const cal = calendar(`timezone "Europe/London" holidays 2025-12-25, 2025-12-26, 2026-01-01`);
      const start = at(cal, "2025-12-24T09:00:00Z");
      assert.equal(cal.format(cal.addBusinessDays(start, 5)), "2026-01-05T17:00:00+00:00");
      assert.equal(cal.businessDaysBetween("2025-12-24", "2026-02-02"), 25);
    });

    it("keeps a deadline at 17:00 local across the change to summer time, with the offset changing to +01:00", () => {
      const cal = calendar(`timezone "Europe/London"`);
      // Friday 27 March 2026, GMT; clocks go forward on Sunday 29 March.
      const deadline = cal.addBusinessDays(at(cal, "2026-03-27T10:00:00Z"), 2);
      assert.equal(cal.format(deadline), "2026-03-31T17:00:00+01:00");
      assert.equal(deadline.toUTC().toISO(), "2026-03-31T16:00:00.000Z");
    });

    it("keeps a deadline at 17:00 local across the change back to winter time", () => {
      const cal = calendar(`timezone "Europe/Berlin"`);
      const deadline = cal.addBusinessDays(at(cal, "2026-10-23T10:00:00+02:00"), 1);
      assert.equal(cal.format(deadline), "2026-10-26T17:00:00+01:00");
    });

    it("takes a region's public holidays from date-holidays: Good Friday and Easter Monday in England", () => {
      const cal = calendar(`timezone "Europe/London" holidays "GB-ENG"`);
      // Thursday 2 April 2026: the next business day is Tuesday 7 April.
      assert.equal(cal.format(cal.addBusinessDays(at(cal, "2026-04-02T10:00:00+01:00"), 1)), "2026-04-07T17:00:00+01:00");
      assert.match(cal.holiday("2026-04-06")!, /Easter Monday/);
    });

    it("knows Bavarian holidays that Berlin does not have (Epiphany, 6 January)", () => {
      const bavaria = calendar(`timezone "Europe/Berlin" holidays "DE-BY"`);
      const berlin = calendar(`timezone "Europe/Berlin" holidays "DE-BE"`);
      const monday = "2026-01-05T10:00:00+01:00";
      assert.equal(bavaria.format(bavaria.addBusinessDays(at(bavaria, monday), 1)), "2026-01-07T17:00:00+01:00");
      assert.equal(berlin.format(berlin.addBusinessDays(at(berlin, monday), 1)), "2026-01-06T17:00:00+01:00");
    });

    it("adds listed dates to a region's holidays, and holidays may be written more than once", () => {
      const cal = calendar(`holidays "US" holidays 2026-07-06`);
      // 3 July 2026 is Independence Day observed (a Friday); 6 July is a listed date.
      assert.equal(cal.format(cal.addBusinessDays(at(cal, "2026-07-02T10:00:00Z"), 1)), "2026-07-07T17:00:00+00:00");
    });

    it("counts on the calendar's own workdays (sun-thu)", () => {
      const cal = calendar(`timezone "Asia/Dubai" workdays sun-thu`);
      // Thursday 8 January 2026 → the next business day is Sunday 11 January.
      assert.equal(cal.format(cal.addBusinessDays(at(cal, "2026-01-08T10:00:00+04:00"), 1)), "2026-01-11T17:00:00+04:00");
    });
  });

  describe("business hours", () => {
    const cal = (businessCalendar(undefined) as { calendar: BusinessCalendar }).calendar;

    it("carries working time over a weekend", () => {
      assert.equal(cal.format(cal.addBusinessHours(at(cal, "2026-01-09T15:00:00Z"), 4)), "2026-01-12T11:00:00+00:00");
    });

    it("may end exactly at closing time", () => {
      assert.equal(cal.format(cal.addBusinessHours(at(cal, "2026-01-09T13:00:00Z"), 4)), "2026-01-09T17:00:00+00:00");
    });

    it("counts from the next opening when the start is outside working time", () => {
      assert.equal(cal.format(cal.addBusinessHours(at(cal, "2026-01-10T12:00:00Z"), 2)), "2026-01-12T11:00:00+00:00");
      assert.equal(cal.format(cal.addBusinessHours(at(cal, "2026-01-12T06:00:00Z"), 8)), "2026-01-12T17:00:00+00:00");
    });

    it("crosses a sun-thu weekend and the calendar's own hours", () => {
      const dubai = calendar(`timezone "Asia/Dubai" workdays sun-thu hours 08:00-16:00`);
      assert.equal(dubai.format(dubai.addBusinessHours(at(dubai, "2026-01-08T15:00:00+04:00"), 4)), "2026-01-11T11:00:00+04:00");
    });

    it("skips a region's holiday and keeps local hours across summer time", () => {
      const london = calendar(`timezone "Europe/London" holidays "GB-ENG"`);
      // Thursday 2 April 2026 16:00 BST: one hour that day, then Tuesday 7 April (after Easter).
      assert.equal(london.format(london.addBusinessHours(at(london, "2026-04-02T16:00:00+01:00"), 3)), "2026-04-07T11:00:00+01:00");
      // Friday 27 March 16:00 GMT: one hour, then Monday 30 March in BST.
      assert.equal(london.format(london.addBusinessHours(at(london, "2026-03-27T16:00:00Z"), 2)), "2026-03-30T10:00:00+01:00");
    });
  });

  describe("wall-clock units", () => {
    const cal = (businessCalendar(undefined) as { calendar: BusinessCalendar }).calendar;

    it("puts 1 month after 31 January on the last day of February", () => {
      assert.equal(cal.format(cal.add(at(cal, "2025-01-31T10:00:00Z"), { amount: 1, unit: "month", business: false })), "2025-02-28T10:00:00+00:00");
      assert.equal(cal.format(cal.add(at(cal, "2024-01-31T10:00:00Z"), { amount: 1, unit: "month", business: false })), "2024-02-29T10:00:00+00:00");
    });

    it("keeps the local clock reading for days across summer time", () => {
      const london = calendar(`timezone "Europe/London"`);
      assert.equal(london.format(london.add(at(london, "2026-03-28T12:00:00Z"), { amount: 2, unit: "day", business: false })), "2026-03-30T12:00:00+01:00");
      assert.equal(london.format(london.add(at(london, "2026-03-28T12:00:00Z"), { amount: 1, unit: "week", business: false })), "2026-04-04T12:00:00+01:00");
    });
  });

  describe("region codes", () => {
    it("knows countries and states as date-holidays names them", () => {
      for (const code of ["GB-ENG", "US", "DE-BY", "CH-ZH", "gb-eng", "US-CA", "DE-BY-A"]) assert.equal(isKnownRegion(code), true, code);
      for (const code of ["XX", "GB-XYZ", "England", "", "DE-BY-ZZ", "JP"]) assert.equal(isKnownRegion(code), false, code);
    });

    it("explains an unknown code in one sentence", () => {
      assert.match(regionProblem("GB-XYZ")!, /'GB' has no region 'XYZ' \(known: .*GB-ENG/);
      assert.match(regionProblem("XX")!, /no public holidays are known for country 'XX'/);
      assert.match(regionProblem("England")!, /not a holiday region code/);
    });

    it("lists public holidays only, not observances", () => {
      const us = publicHolidays("US", 2026).map((h) => h.date);
      assert.ok(us.includes("2026-11-26"), "Thanksgiving");
      assert.ok(!us.includes("2026-02-14"), "Valentine's Day is an observance");
      assert.ok(!us.includes("2026-10-31"), "Halloween is an observance");
    });

    it("rejects a calendar with an unknown region, time zone or broken hours", () => {
      assert.match(calendarError(`holidays "XX-YY"`), /no public holidays are known for country 'XX'/);
      assert.match(calendarError(`timezone "Mars/Olympus"`), /unknown time zone 'Mars\/Olympus'/);
      assert.match(calendarError(`hours 18:00-09:00`), /end at or before they start/);
    });
  });
});
