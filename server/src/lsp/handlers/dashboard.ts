// Answers `covenant/dashboard` (server/src/wire/dashboard.ts): the logs of a file at its analysis moment, the
// same state the checks, hovers and `covenant status` read, drawn by documents/dashboard/.
import { ErrorCodes, ResponseError } from "vscode-languageserver/node";
import { buildDashboard } from "../../documents/dashboard/model";
import { dashboardBody, DASHBOARD_CSS } from "../../documents/dashboard/html";
import { logState, Moment } from "../../operations/operate";
import { DashboardParams, DashboardRequest, DashboardResult } from "../../wire/dashboard";
import type { Session } from "../session";

export function registerDashboard(session: Session): void {
  session.connection.onRequest(DashboardRequest, (raw: unknown): DashboardResult => {
    const params = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<DashboardParams>;
    if (typeof params.uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "the request needs 'uri'");
    const uri = params.uri;
    const a = session.analysed(uri);
    let linked = a?.analysis.linked;
    let moment: Moment;
    // The analysis's own moment, so that the state the checks replayed (cached per log and moment) is reused.
    if (a) moment = { now: a.analysis.now, today: a.analysis.today };
    else {
      linked = session.workspace.link(uri);
      const today = session.settings.forDocument(uri).today;
      moment = today ? { today } : { now: new Date().toISOString() };
    }
    if (!linked) throw new ResponseError(ErrorCodes.InvalidParams, `the file ${uri} cannot be read`);
    if (linked.logs.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, "this file holds no relationship log (log CONTRACT { … })");
    try {
      const file = decodeURIComponent(uri.replace(/^.*\//, ""));
      const dashboards = linked.logs.flatMap((log) => {
        const state = logState(log, moment);
        return state ? [buildDashboard(state, file)] : [];
      });
      if (dashboards.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, "the log's contract cannot be found or its calendar cannot be used: see the Problems view");
      return {
        logs: dashboards.map((d) => ({
          contract: d.status.contract,
          now: d.status.now,
          matters: d.status.matters.length,
          open: d.status.matters.filter((m) => m.state === "open").length,
          overdue: d.status.matters.filter((m) => m.overdue).length,
        })),
        body: dashboardBody(dashboards),
        css: DASHBOARD_CSS,
      };
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      session.connection.console.error(`${DashboardRequest.method} failed: ${(e as Error).stack ?? e}`);
      throw new ResponseError(ErrorCodes.InternalError, `Covenant could not draw the dashboard: ${(e as Error).message}`);
    }
  });
}
