// The one wording of a calendar date in a schedule.
import { DateTime } from "luxon";

/** `2025-04-01` → `1 April 2025`. */
export function readableDate(date: string): string {
  const d = DateTime.fromISO(date);
  return d.isValid ? d.setLocale("en-GB").toFormat("d LLLL yyyy") : date;
}
