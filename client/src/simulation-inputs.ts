// What the user types when asking for a simulation: an instant and a duration, checked as they type.
// Pure (no `vscode` import) so that the messages are tested.
// The instant syntax the simulation writes is read in one place (simulate/wording.ts).
import { parseInstant } from "../../server/src/wire/wording";

export { parseInstant };
export type { Instant } from "../../server/src/wire/wording";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `text` is not an instant the simulation accepts, in the user's words; undefined when it is one. */
export function instantProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === "") return "Enter when the matter was raised, e.g. 2025-12-23T18:10:00Z";
  if (parseInstant(t)) return undefined;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (!date) return "Start with the date as YYYY-MM-DD, e.g. 2025-12-23T18:10:00Z";
  const [year, month, day] = [date[1], date[2], date[3]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `${date[0]} is not a calendar date`;
  const rest = t.slice(10);
  if (rest === "") return "Add the time and a time zone, e.g. T09:00:00Z or T09:00:00+01:00";
  const time = /^T(\d{2}):(\d{2})(?::(\d{2}))?/i.exec(rest);
  if (!time) return "Write the time after a T as HH:MM, e.g. 2025-12-23T18:10:00Z";
  if (Number(time[1]) > 23 || Number(time[2]) > 59 || (time[3] !== undefined && Number(time[3]) > 59)) {
    return `${time[0].slice(1)} is not a time of day`;
  }
  const zone = rest.slice(time[0].length).replace(/^\.\d+/, "");
  if (zone === "") return "Add a time zone: Z for UTC or an offset such as +01:00";
  return `"${zone}" is not a time zone: write Z or an offset such as +01:00`;
}

/** Now, to the minute, in the local offset: `2026-11-26T14:05:00+01:00`. */
export function instantNow(now: Date = new Date()): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const offsetMinutes = -now.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const offset = `${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:00${offset}`
  );
}

const DURATION = /^(\d+)\s+(business\s+)?([a-z]+)$/i;
const UNITS = ["minute", "hour", "day", "week", "month", "year"];
const BUSINESS_UNITS = ["hour", "day"];

/** Why `text` is not a duration (`3 business days`, `1 month`); undefined when it is one. */
export function durationProblem(text: string): string | undefined {
  const t = text.trim().replace(/\s+/g, " ");
  if (t === "") return "Write a whole number and a unit, e.g. 3 business days";
  if (/^\d+\.\d+/.test(t)) return "Use a whole number of units, e.g. 12 business hours rather than 1.5 business days";
  const m = DURATION.exec(t);
  if (!m) return "Write a whole number and a unit, e.g. 3 business days or 1 month";
  if (Number(m[1]) === 0) return "The duration must be at least 1";
  const unit = m[3].toLowerCase().replace(/s$/, "");
  if (!UNITS.includes(unit)) return `"${m[3]}" is not a unit: use minutes, hours, days, weeks, months or years`;
  if (m[2] && !BUSINESS_UNITS.includes(unit)) return "Only hours and days can be business units";
  return undefined;
}

/** The duration as the simulation expects it: single spaces, lower case. */
export function normalizeDuration(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Answers given with the command (from a test, a keybinding or another extension) instead of asked. */
export interface GivenInputs {
  raised: string;
  service?: string;
  severity?: string;
  resolveAt?: { tier: string; after?: string };
}

/**
 * Reads the command's optional answers argument; undefined when there is none. A malformed one is a
 * problem in the caller's words, never silently replaced by questions.
 */
export function givenInputs(arg: unknown): { given?: GivenInputs } | { problem: string } {
  if (arg === undefined || arg === null) return {};
  if (typeof arg !== "object" || Array.isArray(arg)) return { problem: "the simulation inputs must be an object like { raised: \"2025-12-23T18:10:00Z\" }" };
  const a = arg as Record<string, unknown>;
  if (typeof a.raised !== "string") return { problem: "the simulation inputs need `raised`, an ISO 8601 instant" };
  const raisedProblem = instantProblem(a.raised);
  if (raisedProblem) return { problem: raisedProblem };
  const given: GivenInputs = { raised: a.raised.trim() };
  if (a.service !== undefined) {
    if (typeof a.service !== "string") return { problem: "`service` must be a service name" };
    given.service = a.service;
  }
  if (a.severity !== undefined) {
    if (typeof a.severity !== "string") return { problem: "`severity` must be critical, high, standard or low" };
    given.severity = a.severity;
  }
  if (a.resolveAt !== undefined) {
    const r = a.resolveAt as Record<string, unknown> | null;
    if (typeof r !== "object" || r === null || typeof r.tier !== "string") return { problem: "`resolveAt` must be { tier, after? }" };
    if (r.after !== undefined) {
      if (typeof r.after !== "string") return { problem: "`resolveAt.after` must be a duration like 3 business days" };
      const afterProblem = durationProblem(r.after);
      if (afterProblem) return { problem: afterProblem };
    }
    given.resolveAt = { tier: r.tier, after: typeof r.after === "string" ? normalizeDuration(r.after) : undefined };
  }
  return { given };
}
