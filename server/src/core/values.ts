// Values of the language: dates, clock times, percentages and durations, and what makes them invalid.
import type * as A from "./ast";
import { suggest } from "./spelling";

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** `YYYY-MM-DD` as a real calendar date, else undefined (31 February, month 13). */
export function parseDate(text: string): CalendarDate | undefined {
  if (!isCalendarDate(text)) return undefined;
  return { year: digits(text, 0, 4), month: digits(text, 5, 2), day: digits(text, 8, 2) };
}

/**
 * Whether `text` is `YYYY-MM-DD` and a real calendar date: parseDate without making anything (a log's
 * linker and checks ask it of every moment, tens of thousands of times per analysis).
 */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The decimal number of `count` ASCII digits from `from`; -1 when one of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date (a log validates every moment); as Date.UTC, years 0–99 count as 1900–1999.
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month !== 2) return MONTH_DAYS[month - 1];
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** A day in the local time zone as `YYYY-MM-DD` (the default analysis date: today). */
export function localDate(d: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Compares two `YYYY-MM-DD` strings; valid dates compare as text. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `HH:MM` from 00:00 to 24:00 as minutes after midnight, else undefined. */
export function parseTime(text: string): number | undefined {
  if (text.length !== 5 || text.charCodeAt(2) !== 58) return undefined;
  const h = digits(text, 0, 2);
  const min = digits(text, 3, 2);
  if (h < 0 || min < 0 || min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/** The problem with a value, in the user's words, or undefined when it is valid. */
export function valueProblem(v: A.CheckedValue): string | undefined {
  switch (v.kind) {
    case "date":
      return isCalendarDate(v.text) ? undefined : `${v.text} is not a calendar date`;
    case "time":
      return parseTime(v.text) !== undefined ? undefined : `${v.text} is not a clock time (00:00 to 24:00)`;
    case "percent":
      return v.value <= 100 ? undefined : `${v.text} is over 100%`;
    case "period":
      if (v.period === "month" && !(Number(v.text.slice(5, 7)) >= 1 && Number(v.text.slice(5, 7)) <= 12)) return `${v.text} is not a month (01 to 12)`;
      if (v.period === "quarter" && !(Number(v.text.slice(6)) >= 1 && Number(v.text.slice(6)) <= 4)) return `${v.text} is not a quarter (Q1 to Q4)`;
      if (v.period === "year" && !/^\d{4}$/.test(v.text)) return `${v.text} is not a year (four digits)`;
      if (v.period === "date" && !isCalendarDate(v.text)) return `${v.text} is not a calendar date`;
      return undefined;
    case "duration":
      if (v.amount === 0) return `a duration must be more than zero (${v.text})`;
      if (!Number.isInteger(v.amount)) return `a duration is a whole number of ${v.business ? "business " : ""}${v.unit}s (${v.text})`;
      return undefined;
  }
}

/** Human wording of a duration, singular or plural: `1 business day`, `10 business days`. */
export function describeDuration(d: Pick<A.Duration, "amount" | "unit" | "business">): string {
  return `${d.amount} ${d.business ? "business " : ""}${d.unit}${d.amount === 1 ? "" : "s"}`;
}

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Workdays as ISO weekday numbers (1 = Monday): a list of day names or one range written as a word
 * (`mon-fri`, `sun-thu`). Returns the problem with the offending word when invalid.
 */
/** A day name put right (`fir` → `fri`) when one stands out, else undefined. */
function meantDay(word: string): string | undefined {
  if (DAY_NAMES.includes(word)) return word;
  const s = suggest(word, DAY_NAMES);
  return s?.texts.length === 1 ? s.texts[0] : undefined;
}

/** A problem with `meant`: the whole word as it was most likely meant, when a misspelt day name stands out. */
export function parseWorkdays(words: readonly A.Word[]): { days: number[] } | { problem: string; at: A.Word; meant?: string } {
  if (words.length === 1 && words[0].text.includes("-")) {
    const w = words[0];
    const [from, to, extra] = w.text.split("-");
    const a = DAY_NAMES.indexOf(from);
    const b = DAY_NAMES.indexOf(to);
    if (extra !== undefined || a < 0 || b < 0) {
      const ends = extra === undefined ? [meantDay(from), meantDay(to)] : [];
      const meant = ends.length === 2 && ends.every((d) => d) ? `${ends[0]}-${ends[1]}` : undefined;
      return { problem: `'${w.text}' is not a range of days like mon-fri${meant ? `; did you mean '${meant}'?` : ""}`, at: w, meant };
    }
    const days: number[] = [];
    for (let i = a; ; i = (i + 1) % 7) {
      days.push(i + 1);
      if (i === b) break;
    }
    return { days: days.sort((x, y) => x - y) };
  }
  const days: number[] = [];
  for (const w of words) {
    const i = DAY_NAMES.indexOf(w.text);
    if (i < 0) {
      if (w.text.includes("-")) return { problem: `a range of days like '${w.text}' must stand alone`, at: w };
      const meant = meantDay(w.text);
      return { problem: `'${w.text}' is not a day (mon, tue, wed, thu, fri, sat, sun)${meant ? `; did you mean '${meant}'?` : ""}`, at: w, meant };
    }
    if (!days.includes(i + 1)) days.push(i + 1);
  }
  return { days: days.sort((x, y) => x - y) };
}

const knownZones = new Map<string, boolean>();
let canonicalZones: Set<string> | undefined;

/** True for an IANA time-zone name that this runtime knows. */
export function isTimeZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    // The runtime's list of canonical names answers the usual spelling in a few milliseconds; the first
    // DateTimeFormat of a process costs tens (ICU loads its locale data), so it only judges the other spellings
    // (aliases such as "Asia/Calcutta", other letter cases), which it accepts or rejects as before.
    canonicalZones ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
    known = canonicalZones.has(name) || acceptedZone(name);
    knownZones.set(name, known);
  }
  return known;
}

function acceptedZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
