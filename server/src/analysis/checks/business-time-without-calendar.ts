// CAL001: business days or hours are used, but the calendar does not say whose business days they are.
import type * as A from "../../core/ast";
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { BLOCK_STATEMENTS } from "../../core/statements";
import { block, fixText, line, Lines } from "../edits";

// Placeholders that validate; the fix title asks the user to put their own.
const TIMEZONE = 'timezone "Europe/London"';
const HOLIDAYS = 'holidays "GB-ENG"';

export const businessTimeWithoutCalendar: Check = {
  code: "CAL001",
  defaultSeverity: "warning",
  title: "Business time without a calendar",
  explanation:
    "The contract counts time in business days or business hours, but its calendar does not say which time " +
    "zone and which public holidays apply, or there is no calendar at all. \"Ten business days\" then means " +
    "different dates in London and in Bangalore, and a deadline can be missed or met depending on whom you ask.",
  run(ctx) {
    const { linked, contract } = ctx;
    const c = contract.contract;
    if (!usesBusinessTime(linked.file.parsed.values, c)) return [];
    const fix = fixText(linked);
    const title = "Add the calendar's time zone and public holidays (Europe/London and GB-ENG: put your own)";
    if (!c.calendar && !c.calendarRef) {
      if (bodyBroken(ctx)) return [];
      const calendar = block("calendar", [line(TIMEZONE), line("workdays mon-fri"), line("hours 09:00-17:00"), line(HOLIDAYS)]);
      const before = fix.anchorFor(c, BLOCK_STATEMENTS.contract, "calendar");
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' counts business days or hours but has no calendar: no time zone, no public holidays`,
        fix: fixOf(title, () => before === undefined ? fix.insert(c, [calendar], { separate: true }) : fix.insert(c, [[...calendar, ""]], { before })),
      }];
    }
    const info = contract.calendar;
    // An unresolved calendar name is REF001 alone.
    if (!info || info.calendar.incomplete) return [];
    const cal = info.calendar;
    const noHolidays = cal.holidayDates.length === 0 && cal.holidayRegions.length === 0;
    if (cal.timezone && !noHolidays) return [];
    const missing: Lines[] = [];
    if (!cal.timezone) missing.push(line(TIMEZONE));
    if (noHolidays) missing.push(line(HOLIDAYS));
    const what = [!cal.timezone && "no time zone", noHolidays && "no public holidays"].filter(Boolean).join(" and ");
    const range = c.calendar ? c.calendarKeyword ?? c.calendar.keyword : c.calendarRef!.range;
    return [{
      range,
      message: `the contract counts business days or hours, but its calendar${cal.name ? ` '${cal.name.text}'` : ""} has ${what}`,
      // A calendar declared in another file is fixed there.
      fix: info.uri === linked.uri ? fixOf(title, () => fix.insertInOrder(cal, "calendar", cal.timezone ? "holidays" : "timezone", missing)) : undefined,
    }];
  },
};

/** A `business` duration written in the contract's own text (imported files hold no durations). */
function usesBusinessTime(values: readonly A.CheckedValue[], c: A.Contract): boolean {
  return values.some((v) => v.kind === "duration" && v.business && v.range.start >= c.range.start && v.range.start < c.range.end);
}
