// What the analyser reports. Offsets only: lines and columns are computed at the edge (lsp/, cli/).
import type { Range } from "./ast";

export type Severity = "error" | "warning" | "info";

/** A text change a quick fix makes: replace [start, end) of the finding's file with `text`. */
export interface TextEdit {
  /** The file the edit is in, when it is not the finding's file (a log's fix that edits its contract). */
  uri?: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** The title shown in the editor's quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /** A guess at what was meant (a spelling): offered one at a time, never applied by "fix all" on save. */
  guess?: boolean;
}

/** Another place a finding points to (where an unclosed block opens, the finding that already says it). */
export interface RelatedLocation {
  /** The file it is in (a URI string); the finding's own file when absent. */
  uri?: string;
  range: Range;
  message: string;
}

export interface Finding {
  /** The file the finding is in (a URI string). */
  uri: string;
  range: Range;
  code: string;
  severity: Severity;
  message: string;
  /** The quick fix the check offers, when its spec row has one. */
  fix?: Fix;
  /** Other places the message refers to (LSP relatedInformation, SARIF relatedLocations). */
  related?: RelatedLocation[];
}

export const BUILTIN_PREFIXES = ["SYN", "REF", "VAL"] as const;

export function isBuiltinCode(code: string): boolean {
  return BUILTIN_PREFIXES.some((p) => code.startsWith(p));
}

export function byPosition(a: Finding, b: Finding): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
