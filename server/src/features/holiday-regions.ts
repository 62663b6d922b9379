// The holiday regions a new contract's calendar can name: every bundled country and its states or
// provinces (holiday-countries.json), each with the time zone its calendar starts with.
import { data } from "date-holidays/data";
import { HOLIDAY_COUNTRIES, regionProblem } from "../core/holidays";

export interface HolidayRegion {
  /** The code written after `holidays` (`GB-ENG`, `US-CA`, `FR`). */
  code: string;
  /** `England, United Kingdom`. */
  name: string;
  /** The IANA zone of the region, else of its country (the first one the holiday data lists). */
  timezone: string;
}

interface RegionData {
  name?: string;
  names?: Record<string, string>;
  zones?: string[];
  states?: Record<string, RegionData>;
}

function englishName(r: RegionData, fallback: string): string {
  return r.names?.en ?? r.name ?? (r.names ? Object.values(r.names)[0] : undefined) ?? fallback;
}

let cached: HolidayRegion[] | undefined;

/** Countries first (in the order of holiday-countries.json's list, sorted by name), each followed by its states. */
export function holidayRegions(): HolidayRegion[] {
  if (cached) return cached;
  const out: HolidayRegion[] = [];
  const holidays = (data as { holidays: Record<string, RegionData> }).holidays;
  const countries = HOLIDAY_COUNTRIES.filter((c) => holidays[c]).map((c) => ({ code: c, info: holidays[c], name: englishName(holidays[c], c) }));
  countries.sort((a, b) => a.name.localeCompare(b.name, "en"));
  for (const { code, info, name } of countries) {
    // A country whose data names no zone is left out: its calendar could not be given a time zone.
    const zone = info.zones?.[0];
    if (!zone) continue;
    out.push({ code, name, timezone: zone });
    for (const [state, sub] of Object.entries(info.states ?? {})) {
      out.push({ code: `${code}-${state}`, name: `${englishName(sub, state)}, ${name}`, timezone: sub.zones?.[0] ?? zone });
    }
  }
  cached = out.filter((r) => regionProblem(r.code) === undefined);
  return cached;
}

/** The region of a code as a user typed it (any case); undefined when it is not one of holidayRegions(). */
export function findHolidayRegion(code: string): HolidayRegion | undefined {
  const wanted = code.trim().toUpperCase();
  return holidayRegions().find((r) => r.code === wanted);
}
