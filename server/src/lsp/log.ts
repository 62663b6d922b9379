// Answers `covenant/recordEvent` and `covenant/matterCounts` (server/src/wire/log.ts) from the open
// document's analysis; the work is features/record-event.ts's.
import { Connection, ErrorCodes, ResponseError, TextEdit } from "vscode-languageserver/node";
import { matterCounts, recordEvent } from "../features/record-event";
import { MatterCountsRequest, MatterCountsResult, RecordEventRequest, RecordEventResult } from "../wire/log";
import { toRange } from "./convert";
import type { RequestContext } from "./requests";

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

export function registerLogRequests(connection: Connection, ctx: Pick<RequestContext, "analysed">): void {
  connection.onRequest(RecordEventRequest, (raw): RecordEventResult => {
    const params = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof params.uri !== "string") throw invalid("the request needs 'uri'");
    const answers = params.answers ?? {};
    if (typeof answers !== "object" || answers === null || Object.values(answers).some((v) => typeof v !== "string")) throw invalid("'answers' must map keys to strings");
    if (params.now !== undefined && typeof params.now !== "string") throw invalid("'now' must be an ISO instant");
    const a = ctx.analysed(params.uri);
    if (!a) throw invalid(`the document ${params.uri} is not open`);
    const step = recordEvent(a.analysis, answers as Record<string, string>, (params.now as string | undefined) ?? new Date().toISOString());
    if (!("edit" in step)) return step;
    const range = toRange(a.doc, step.edit);
    // The line the new text starts on (the edit may begin with a line break).
    const line0 = range.start.line + (step.edit.text.startsWith("\n") ? step.edit.text.match(/^\n+/)![0].length : 0);
    return {
      edit: { documentChanges: [{ textDocument: { uri: a.doc.uri, version: a.doc.version }, edits: [TextEdit.replace(range, step.edit.text)] }] },
      line: step.line, summary: step.summary, uri: a.doc.uri, line0,
    };
  });

  connection.onRequest(MatterCountsRequest, (raw): MatterCountsResult => {
    const params = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof params.uri !== "string") throw invalid("the request needs 'uri'");
    const a = ctx.analysed(params.uri);
    return a ? matterCounts(a.analysis) : { logs: 0, open: 0, overdue: 0 };
  });
}
