// The `covenant/schedule` request (docs/protocol.md): the governance schedule of a file's contract, computed by
// the server, written to disk or shown by the client. Declared once; the server and the client both import it.
import { RequestType } from "vscode-jsonrpc";

/** `preview`: the HTML body and style sheet for a webview, without the page around them. */
export type ScheduleWireFormat = "docx" | "html" | "markdown" | "preview";

export interface ScheduleParams {
  uri: string;
  /** The contract, where the file holds several. */
  contract?: string;
  format: ScheduleWireFormat;
}

export interface ScheduleResult {
  /** The contract's id, and its title. */
  contract: string;
  title: string;
  format: ScheduleWireFormat;
  /** The document for `html` and `markdown`; the `<main>` element and footer for `preview`. */
  text?: string;
  /** The .docx bytes, base64, for `docx`. */
  base64?: string;
  /** The style sheet for `preview`. */
  css?: string;
  /** The source fingerprint the document carries. */
  fingerprint: string;
}

export const ScheduleRequest = new RequestType<ScheduleParams, ScheduleResult, void>("covenant/schedule");
