// How a simulation's instants and its choice of ladder read, in one place for every view of it: the
// CLI's text and Markdown, the webview. No runtime imports, so the extension can bundle it through wire/.

/** The ladder-choice reasons of a simulation result (`ladderChosenBy`). */
import type { LadderChoice as ChosenBy } from "../core/ladder-choice";

/** How a ladder was chosen (core/ladder-choice.ts decides). */
export type LadderChosenBy = ChosenBy;

/** An instant as the simulation writes it: local fields and the offset, `Z` or `+01:00`. */
export interface Instant {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** `Z` or `+01:00` as written. */
  offset: string;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads an ISO 8601 instant with an offset (`2025-12-23T18:10:00Z`, `2025-12-23T19:10+01:00`); undefined when it is not one. */
export function parseInstant(text: string): Instant | undefined {
  const m = INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[7].toUpperCase();
  if (offset !== "Z") {
    const [oh, om] = offset.slice(1).split(":").map(Number);
    if (oh > 14 || om > 59) return undefined;
  }
  return { year, month, day, hour, minute, second, offset };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * An instant as the simulation wrote it, in its own offset (never converted to the reader's zone):
 * `Wed 24 Dec 2025, 09:00 (+00:00)`. Text that is not an instant is shown as it is.
 */
export function readableInstant(iso: string): string {
  const i = parseInstant(iso);
  if (!i) return iso;
  const weekday = WEEKDAYS[new Date(Date.UTC(i.year, i.month - 1, i.day)).getUTCDay()];
  const time = `${String(i.hour).padStart(2, "0")}:${String(i.minute).padStart(2, "0")}`;
  const offset = i.offset === "Z" ? "UTC" : i.offset;
  return `${weekday} ${i.day} ${MONTHS[i.month - 1]} ${i.year}, ${time} (${offset})`;
}

/** What a wording of the ladder choice reads from a result; a view may hold one from another server. */
export interface LadderChoice {
  ladderChosenBy?: string;
  service?: string;
  severity?: string;
}

/** How the ladder was chosen, in words (`used for severity high`); undefined for a reason this version does not know. */
export function ladderChoiceText(r: LadderChoice & { ladderChosenBy: LadderChosenBy }): string;
export function ladderChoiceText(r: LadderChoice): string | undefined;
export function ladderChoiceText(r: LadderChoice): string | undefined {
  switch (r.ladderChosenBy) {
    case "given":
      return "as asked";
    case "criticality":
      return `used for the criticality of service ${r.service ?? "(not named)"}`;
    case "severity":
      return `used for severity ${r.severity ?? "(not named)"}`;
    case "default":
      return "the dispute block's default ladder";
    case "standard":
      return "the first standard ladder";
    default:
      return undefined;
  }
}
