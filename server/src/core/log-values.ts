// Values of the relationship log (operations.md): measured periods, and values typed in a CSV cell
// "as in the language" (`2026-01`, `99.91%`, `4 hours`).
import type * as A from "./ast";
import { parseDate } from "./values";

export type PeriodKind = A.PeriodValue["period"];

/** A measured period with an ordinal that counts periods of its kind (consecutive periods differ by 1). */
export interface Period {
  readonly kind: PeriodKind;
  readonly text: string;
  readonly year: number;
  /** Month 1–12, quarter 1–4, 1 for a year; for a date, its month. */
  readonly index: number;
  /** For a date: the day of the month. */
  readonly day?: number;
  readonly ordinal: number;
}

const DAY_MS = 86_400_000;

/** `2026-01`, `2026-Q1`, `2026`, `2026-01-14` as a period, else undefined (`2025-13`, `2025-Q5`). */
export function parsePeriod(text: string): Period | undefined {
  // The same few hundred periods are read again on every analysis of a log: each is worked out once.
  let p = periods.get(text);
  if (p === undefined) {
    if (periods.size >= 10_000) periods.clear();
    periods.set(text, (p = readPeriod(text) ?? null));
  }
  return p ?? undefined;
}

/** Parsed periods by text (shared: nothing changes a Period). */
const periods = new Map<string, Period | null>();

function readPeriod(text: string): Period | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return month >= 1 && month <= 12 ? { kind: "month", text, year, index: month, ordinal: year * 12 + month - 1 } : undefined;
  }
  m = /^(\d{4})-Q(\d)$/.exec(text);
  if (m) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    return q >= 1 && q <= 4 ? { kind: "quarter", text, year, index: q, ordinal: year * 4 + q - 1 } : undefined;
  }
  if (/^\d{4}$/.test(text)) return { kind: "year", text, year: Number(text), index: 1, ordinal: Number(text) };
  const d = parseDate(text);
  if (d) return { kind: "date", text, year: d.year, index: d.month, day: d.day, ordinal: Date.UTC(d.year, d.month - 1, d.day) / DAY_MS };
  return undefined;
}

/** The period `n` periods after `p` (of the same kind). */
export function periodAfter(p: Period, n: number): Period {
  const o = p.ordinal + n;
  const pad = (x: number): string => String(x).padStart(2, "0");
  switch (p.kind) {
    case "month": return parsePeriod(`${Math.floor(o / 12)}-${pad((o % 12) + 1)}`)!;
    case "quarter": return parsePeriod(`${Math.floor(o / 4)}-Q${(o % 4) + 1}`)!;
    case "year": return parsePeriod(String(o))!;
    case "date": return parsePeriod(new Date(o * DAY_MS).toISOString().slice(0, 10))!;
  }
}

/** The first day of a period and the first day after it, as `YYYY-MM-DD` local dates. */
export function periodDays(p: Period): { first: string; after: string } {
  const pad = (x: number): string => String(x).padStart(2, "0");
  const ymd = (y: number, m: number, d = 1): string => `${y}-${pad(m)}-${pad(d)}`;
  switch (p.kind) {
    case "month": return { first: ymd(p.year, p.index), after: p.index === 12 ? ymd(p.year + 1, 1) : ymd(p.year, p.index + 1) };
    case "quarter": return { first: ymd(p.year, p.index * 3 - 2), after: p.index === 4 ? ymd(p.year + 1, 1) : ymd(p.year, p.index * 3 + 1) };
    case "year": return { first: ymd(p.year, 1), after: ymd(p.year + 1, 1) };
    case "date": return { first: p.text, after: new Date((p.ordinal + 1) * DAY_MS).toISOString().slice(0, 10) };
  }
}

/** The period kind an SLA window is measured in (per-incident: a date). */
export const WINDOW_PERIOD: Record<string, PeriodKind> = { monthly: "month", quarterly: "quarter", yearly: "year", "per-incident": "date" };

export const PERIOD_WORDS: Record<PeriodKind, string> = { month: "a month (2026-01)", quarter: "a quarter (2026-Q1)", year: "a year (2026)", date: "a date (2026-01-14)" };

const UNITS: Record<string, A.UnitName> = { minute: "minute", hour: "hour", day: "day", week: "week", month: "month", year: "year" };

/** A CSV cell read as a value of the language: `99.91%`, `12`, `4 hours`, `2 business days`; else undefined. */
export function parseQuantityText(text: string, at: A.Range): A.Quantity | undefined {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (m) return { kind: "percent", value: Number(m[1]), text: t, range: at };
  m = /^\d+(?:\.\d+)?$/.exec(t);
  if (m) return { kind: "number", value: Number(t), text: t, range: at };
  m = /^(\d+(?:\.\d+)?)\s+(business\s+)?(minute|hour|day|week|month|year)s?$/.exec(t);
  if (m) return { kind: "duration", amount: Number(m[1]), unit: UNITS[m[3]], business: !!m[2], text: t, range: at };
  return undefined;
}
