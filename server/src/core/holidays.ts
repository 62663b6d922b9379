// Public holidays of a region code ("GB-ENG", "US", "DE-BY", "CH-ZH") from the date-holidays data set,
// computed by date-holidays-parser and cached per region and year (building a region's rules is the slow part).
// The parser (with moment, moment-timezone and the calendar modules) is loaded when a year's holidays are first
// asked for: checking that a region code is known reads the data alone, so `covenant check` never loads it.
import type HolidaysParser from "date-holidays-parser";
import { data as allData } from "date-holidays/data";
import bundled from "./holiday-countries.json";

/** Country codes whose holidays Covenant carries (the bundle carries only these; see holiday-countries.json). */
export const HOLIDAY_COUNTRIES: readonly string[] = bundled.countries;

// The same selection in tests (full data installed) as in the bundle (data pre-filtered at build time).
const data = {
  ...allData,
  holidays: Object.fromEntries(Object.entries(allData.holidays).filter(([country]) => HOLIDAY_COUNTRIES.includes(country))),
};

export interface RegionCode {
  country: string;
  state?: string;
  region?: string;
}

type Tree = { states?: Record<string, Tree>; regions?: Record<string, Tree> };
const countries = data.holidays as unknown as Record<string, Tree>;

/** "GB-ENG" → { country: "GB", state: "ENG" }; undefined when the code is not of that shape. */
export function parseRegionCode(code: string): RegionCode | undefined {
  const parts = code.trim().toUpperCase().split("-");
  if (parts.length > 3 || parts.some((p) => !/^[A-Z0-9]+$/.test(p))) return undefined;
  if (!/^[A-Z]{2}$/.test(parts[0])) return undefined;
  return { country: parts[0], state: parts[1], region: parts[2] };
}

/** Why `code` names no region whose holidays are known, in the user's words; undefined when it is known. */
export function regionProblem(code: string): string | undefined {
  const r = parseRegionCode(code);
  const examples = `for example "GB-ENG", "US", "DE-BY", "CH-ZH"`;
  if (!r) return `'${code}' is not a holiday region code (${examples})`;
  if (!Object.hasOwn(countries, r.country)) {
    return `no public holidays are known for country '${r.country}' (known: ${HOLIDAY_COUNTRIES.join(", ")})`;
  }
  if (r.state) {
    // A country's subdivisions are its states, or its regions when it has no states (getStates).
    const states = countries[r.country].states ?? countries[r.country].regions ?? {};
    if (!Object.hasOwn(states, r.state)) {
      const known = Object.keys(states);
      return `'${r.country}' has no region '${r.state}'${known.length ? ` (known: ${known.map((s) => `${r.country}-${s}`).join(", ")})` : ""}`;
    }
    if (r.region) {
      // Only a state's regions (getRegions), not those of a country without states.
      const regions = countries[r.country].states?.[r.state]?.regions ?? {};
      if (!Object.hasOwn(regions, r.region)) return `'${r.country}-${r.state}' has no region '${r.region}'`;
    }
  }
  return undefined;
}

/** True when the region code names a country, state or region whose public holidays are known. */
export function isKnownRegion(code: string): boolean {
  return regionProblem(code) === undefined;
}

export interface PublicHoliday {
  /** `YYYY-MM-DD`, local to the region. */
  date: string;
  name: string;
}

const calendars = new Map<string, HolidaysParser | null>();
const years = new Map<string, PublicHoliday[]>();

function regionCalendar(code: string): HolidaysParser | undefined {
  const key = code.trim().toUpperCase();
  let cal = calendars.get(key);
  if (cal === undefined) {
    const r = parseRegionCode(key);
    cal = null;
    if (r && isKnownRegion(key)) {
      const { default: Parser } = require("date-holidays-parser") as { default: typeof HolidaysParser };
      cal = new Parser(data, r.country, r.state ?? "", r.region ?? "", { languages: ["en"] });
      // No time zone: holidays stay local dates, and no time-zone data is needed (none is bundled).
      cal.setTimezone(undefined as unknown as string);
    }
    calendars.set(key, cal);
  }
  return cal ?? undefined;
}

/** The public holidays of a region in a year (every day of a holiday that spans several). Empty for an unknown region. */
export function publicHolidays(code: string, year: number): PublicHoliday[] {
  const key = `${code.trim().toUpperCase()}|${year}`;
  let list = years.get(key);
  if (!list) {
    list = [];
    const cal = regionCalendar(code);
    for (const h of cal?.getHolidays(year, "en") ?? []) {
      if (h.type !== "public") continue;
      for (const date of daysOf(h)) if (date.startsWith(String(year))) list.push({ date, name: h.name });
    }
    years.set(key, list);
  }
  return list;
}

/** The local dates a holiday covers: its start date, and the following dates it still covers before its end. */
function daysOf(h: { date: string; end: Date }): string[] {
  const first = h.date.slice(0, 10);
  const out = [first];
  const [y, m, d] = first.split("-").map(Number);
  // Without a time zone the parser builds `end` from local fields, so local getters give the wall-clock end.
  const end = h.end;
  const endDate = `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`;
  const endsAtMidnight = end.getHours() === 0 && end.getMinutes() === 0;
  for (let i = 1; i < 366; i++) {
    const next = new Date(Date.UTC(y, m - 1, d + i));
    const text = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
    if (text > endDate || (text === endDate && endsAtMidnight)) break;
    out.push(text);
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
