// Answers `covenant/schedule` (server/src/wire/schedule.ts) from the same linked model as everything else.
import { Connection, ErrorCodes, ResponseError } from "vscode-languageserver/node";
import type { Linked } from "../core/link";
import { prepareSchedule, renderSchedule } from "../documents/generate";
import { htmlBody, htmlFooter, SCHEDULE_CSS } from "../documents/html";
import { ScheduleParams, ScheduleRequest, ScheduleResult } from "../wire/schedule";
import { SERVER_VERSION } from "./capabilities";

export interface ScheduleContext {
  /** The linked file and its analysis date, open or on disk. */
  source(uri: string): { linked: Linked; today: string } | undefined;
  /** The text of a file (an imported one), as the server sees it. */
  read(uri: string): string | undefined;
  today(): string;
}

const FORMATS = ["docx", "html", "markdown", "preview"];

export function registerScheduleRequest(connection: Connection, ctx: ScheduleContext): void {
  connection.onRequest(ScheduleRequest, async (raw: ScheduleParams): Promise<ScheduleResult> => {
    const params = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<ScheduleParams>;
    if (typeof params.uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "the request needs 'uri'");
    if (typeof params.format !== "string" || !FORMATS.includes(params.format)) throw new ResponseError(ErrorCodes.InvalidParams, `'format' must be ${FORMATS.join(", ")}`);
    if (params.contract !== undefined && params.contract !== null && typeof params.contract !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "'contract' must be a string");
    const src = ctx.source(params.uri);
    if (!src) throw new ResponseError(ErrorCodes.InvalidParams, `the file ${params.uri} cannot be read`);
    const prepared = prepareSchedule(src.linked, {
      contract: params.contract ?? undefined,
      asOf: src.today,
      generated: ctx.today(),
      generator: `Covenant ${SERVER_VERSION}`,
      read: ctx.read,
    });
    if ("error" in prepared) throw new ResponseError(ErrorCodes.InvalidParams, prepared.error);
    const { schedule, stamp } = prepared;
    const base = { contract: schedule.contract, title: schedule.title, format: params.format, fingerprint: stamp.source };
    try {
      if (params.format === "preview") return { ...base, text: `${htmlBody(schedule).body}\n${htmlFooter(stamp)}`, css: SCHEDULE_CSS };
      const doc = await renderSchedule(schedule, stamp, params.format);
      return typeof doc === "string" ? { ...base, text: doc } : { ...base, base64: Buffer.from(doc).toString("base64") };
    } catch (e) {
      connection.console.error(`${ScheduleRequest.method} failed: ${(e as Error).stack ?? e}`);
      throw new ResponseError(ErrorCodes.InternalError, `Covenant could not write the schedule: ${(e as Error).message}`);
    }
  });
}
