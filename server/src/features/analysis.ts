// What every editor feature works on: one analysed document, and a read-only view of the other files.
// Plain data only; lsp/ builds these and converts the answers.
import type { Finding } from "../core/findings";
import type { Linked, LinkedContract, ParsedFile } from "../core/link";
import type { LinkedLog } from "../core/link-log";
import { logState, LogState } from "../operations/operate";

export interface DocumentAnalysis {
  uri: string;
  /** The editor's version of the text, when it came from an editor. */
  version?: number;
  text: string;
  linked: Linked;
  /** Built-in errors and governance findings, severities already configured. */
  findings: Finding[];
  /** The analysis date, `YYYY-MM-DD`. */
  today: string;
  /** A log's analysis moment (an ISO instant) when no analysis date was configured (operations.md). */
  now?: string;
}

/** The replayed state of a log at the document's analysis moment: the one the checks computed (cached per moment). */
export function logStateOf(analysis: DocumentAnalysis, log: LinkedLog): LogState | undefined {
  return logState(log, { now: analysis.now, today: analysis.today });
}

/** The log whose text holds `offset`. */
export function logAt(analysis: DocumentAnalysis, offset: number): LinkedLog | undefined {
  return analysis.linked.logs.find((l) => l.log.range.start <= offset && (offset <= l.log.range.end || l.log.incomplete));
}

/** The files a feature may look at beyond the document itself (imports, importers, the workspace). */
export interface WorkspaceView {
  /** The parsed file at `uri` (an open editor's text wins over the disk), or undefined. */
  load(uri: string): ParsedFile | undefined;
  /** The linked view of the file at `uri`, or undefined when it cannot be read. */
  link(uri: string): Linked | undefined;
  /** Every Covenant file the workspace knows: open documents and files found in its folders. */
  files(): readonly string[];
  /** The URI an import path names, relative to the importing file. */
  resolveImport(from: string, path: string): string | undefined;
}

/** The contract whose text holds `offset`; a half-typed contract runs to the next one. */
export function contractAt(analysis: DocumentAnalysis, offset: number): LinkedContract | undefined {
  let found: LinkedContract | undefined;
  for (const c of analysis.linked.contracts) {
    if (c.contract.range.start <= offset) {
      if (!found || c.contract.range.start >= found.contract.range.start) found = c;
    }
  }
  if (found && found.contract.range.end < offset && !found.contract.incomplete) {
    // Past the closing brace of a complete contract: outside any contract.
    return undefined;
  }
  return found;
}
