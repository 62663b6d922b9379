// The `covenant/dashboard` request (docs/protocol.md): the relationship dashboard of a file's logs, drawn by the
// server (server/src/documents/dashboard/) and shown by the client in a webview. Declared once; the server and
// the client both import it.
import { RequestType } from "vscode-jsonrpc";

export interface DashboardParams {
  /** A file that holds a relationship log. */
  uri: string;
}

export interface DashboardLog {
  /** The contract the log is kept against. */
  contract: string;
  /** The analysis moment, an ISO instant in the contract calendar's offset. */
  now: string;
  matters: number;
  open: number;
  overdue: number;
}

export interface DashboardResult {
  /** One entry per log of the file, in the order written. */
  logs: DashboardLog[];
  /** One `<section>` per log: charts as inline SVG, every string of the contract and the log escaped. */
  body: string;
  /** The style sheet of the body, themed from VS Code's CSS variables. */
  css: string;
}

/** DashboardParams → DashboardResult; a file without a log that can be replayed is an InvalidParams error in the user's words. */
export const DashboardRequest = new RequestType<DashboardParams, DashboardResult, void>("covenant/dashboard");
