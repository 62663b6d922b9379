// The relationship log's requests (docs/protocol.md): `covenant/recordEvent`, the questions of
// "Covenant: Record Event…" one at a time and then the edit; `covenant/matterCounts`, the status bar's
// open and overdue matters. Declared once; the server and the client both import them.
import { RequestType } from "vscode-jsonrpc";
import type { WorkspaceEdit } from "vscode-languageserver-protocol";

export type { WorkspaceEdit };

// The shapes of features/record-event.ts's questions (the wire may not import features/; lsp/log.ts passes
// those values as these types, so the compiler keeps them the same).
export interface RecordChoice {
  /** What goes into the answers when this is picked. */
  value: string;
  label: string;
  description?: string;
}

export interface RecordQuestion {
  key: string;
  prompt: string;
  kind: "pick" | "text";
  items?: RecordChoice[];
  /** text: the proposed value, a placeholder, whether an empty answer will do, and a pattern it must match. */
  value?: string;
  placeholder?: string;
  optional?: boolean;
  pattern?: string;
  patternMessage?: string;
}

export interface RecordEventParams {
  /** The log's document (open in the editor). */
  uri: string;
  /** The answers so far, by the questions' keys (`what`, `event`, `tier`, `text`…). */
  answers: Record<string, string>;
  /** The instant to record at (ISO); the server's clock when absent. */
  now?: string;
}

/** The next question; or the edit that inserts the line, the line itself and a sentence to show; or why not. */
export type RecordEventResult =
  | { question: RecordQuestion }
  | { edit: WorkspaceEdit; line: string; summary: string; uri: string; line0: number }
  | { error: string };

export const RecordEventRequest = new RequestType<RecordEventParams, RecordEventResult, void>("covenant/recordEvent");

export interface MatterCountsParams {
  uri: string;
}

/** `logs` 0: the file has no log (or none whose contract resolves); the status bar then shows findings only. */
export interface MatterCountsResult {
  logs: number;
  open: number;
  overdue: number;
}

export const MatterCountsRequest = new RequestType<MatterCountsParams, MatterCountsResult, void>("covenant/matterCounts");
