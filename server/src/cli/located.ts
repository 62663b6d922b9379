// A finding as the command line reports it: in a file the user named, with 1-based lines and columns.
import type { Finding, Severity } from "../core/findings";
import * as path from "node:path";
import type { LineIndex } from "./positions";

/** A finding placed in a file the user named, with 1-based lines and columns (end column exclusive). */
export interface LocatedFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** Other places in the file the message refers to (where an unclosed block opens); absent when none. */
  related?: RelatedPlace[];
}

/** A related location: 1-based, end column exclusive, in the finding's file. */
export interface RelatedPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export function locate(file: string, f: Finding, lines: LineIndex): LocatedFinding {
  const start = lines.position(f.range.start);
  const end = lines.position(Math.max(f.range.end, f.range.start));
  const located: LocatedFinding = { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: f.severity, code: f.code, message: f.message };
  // Only places in this file: the line index is this file's (no finding relates to another file today).
  const related = (f.related ?? []).filter((r) => !r.uri || r.uri === f.uri).map((r): RelatedPlace => {
    const a = lines.position(r.range.start);
    const b = lines.position(Math.max(r.range.end, r.range.start));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, message: r.message };
  });
  if (related.length > 0) located.related = related;
  return located;
}

/** By file, then position: the order every output format lists findings in (cli.md). */
export function byFileAndPosition(a: LocatedFinding, b: LocatedFinding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

export function countBySeverity(findings: readonly LocatedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A file as CI tools want it: relative to the root (the repository) with `/`, or absolute when outside it. */
export function pathFromRoot(file: string, root: string): string {
  const absolute = path.resolve(root, file);
  const relative = path.relative(path.resolve(root), absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return absolute.split(path.sep).join("/");
  return relative.split(path.sep).join("/");
}
