// One schedule request, as the CLI and the language server make it: the view model and its stamp from a linked
// file, then the document in the format asked for. The DOCX renderer is loaded only when a DOCX is asked for.
import type { Linked } from "../core/link";
import { sourceFingerprint, sourceTexts, FINGERPRINT_SCHEME, ScheduleStamp } from "./fingerprint";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { buildSchedule, Schedule } from "./model";

export const SCHEDULE_FORMATS = ["docx", "html", "markdown"] as const;
export type ScheduleFormatName = (typeof SCHEDULE_FORMATS)[number];

export interface ScheduleInputs {
  contract?: string;
  /** `YYYY-MM-DD`: who has left, who deputises. */
  asOf: string;
  /** `YYYY-MM-DD`: the day of generation, recorded in the document. */
  generated: string;
  /** `Covenant 0.1.0`. */
  generator: string;
  /** Reads an imported file for the fingerprint. */
  read(uri: string): string | undefined;
}

export function prepareSchedule(linked: Linked, inputs: ScheduleInputs): { schedule: Schedule; stamp: ScheduleStamp } | { error: string } {
  const schedule = buildSchedule(linked, { contract: inputs.contract, asOf: inputs.asOf });
  if ("error" in schedule) return schedule;
  const stamp: ScheduleStamp = {
    scheme: FINGERPRINT_SCHEME,
    contract: schedule.contract,
    source: sourceFingerprint(schedule.contract, sourceTexts(linked, inputs.read)),
    generated: inputs.generated,
    generator: inputs.generator,
  };
  return { schedule, stamp };
}

/** The document: text for HTML and Markdown, bytes for DOCX. */
export async function renderSchedule(schedule: Schedule, stamp: ScheduleStamp, format: ScheduleFormatName): Promise<string | Uint8Array> {
  if (format === "html") return renderHtml(schedule, stamp);
  if (format === "markdown") return renderMarkdown(schedule, stamp);
  // A separate bundle (scripts/build.mjs): the docx package would more than double the language server's size.
  const docx = require("./docx") as typeof import("./docx");
  return docx.renderDocx(schedule, stamp);
}
