// `covenant check` for people: `text` (one `file:line:column: severity CODE message` line per finding,
// which editors, terminals and CI problem matchers read) and `stylish` (ESLint's layout, grouped by file).
import type { Severity } from "../core/findings";
import { countBySeverity, LocatedFinding } from "./located";
import { paint, Paint } from "./colour";
import { printable } from "./printable";

export interface Summary {
  /** How many files were checked. */
  files: number;
  /** Findings left out of the report by `--quiet`. */
  hidden: number;
}

/** One line per finding; a blank line between files; a summary line. */
export function formatText(findings: readonly LocatedFinding[], colour: boolean, summary?: Summary): string {
  const p = paint(colour);
  const out: string[] = [];
  let previous: string | undefined;
  for (const f of findings) {
    if (previous !== undefined && f.file !== previous) out.push("");
    previous = f.file;
    out.push(`${printable(f.file)}:${f.line}:${f.column}: ${p.severity(f.severity, f.severity)} ${p.bold(f.code)} ${printable(f.message)}`);
  }
  if (findings.length > 0) out.push("");
  out.push(summaryLine(findings, p, summary));
  return out.join("\n") + "\n";
}

/** ESLint's stylish layout: the file, then `line:column  severity  message  CODE` rows in columns. */
export function formatStylish(findings: readonly LocatedFinding[], colour: boolean, summary?: Summary): string {
  const p = paint(colour);
  const out: string[] = [];
  const byFile = new Map<string, LocatedFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(p.bold(printable(file)));
    const rows = list.map((f) => ({ at: `${f.line}:${f.column}`, severity: f.severity, message: printable(f.message), code: f.code }));
    const width = { at: Math.max(...rows.map((r) => r.at.length)), severity: Math.max(...rows.map((r) => r.severity.length)), message: Math.max(...rows.map((r) => r.message.length)) };
    for (const r of rows) {
      out.push(`  ${p.dim(r.at.padEnd(width.at))}  ${p.severity(r.severity, r.severity.padEnd(width.severity))}  ${r.message.padEnd(width.message)}  ${p.dim(r.code)}`);
    }
    out.push("");
  }
  out.push(summaryLine(findings, p, summary));
  return out.join("\n") + "\n";
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `✖ 5 findings (2 errors, 3 warnings, 0 infos) in 2 of 6 files`, or `✔ no findings in 6 files`. */
export function summaryLine(findings: readonly LocatedFinding[], p: Paint, summary?: Summary): string {
  const counts = countBySeverity(findings);
  const files = summary?.files ?? new Set(findings.map((f) => f.file)).size;
  const hidden = summary && summary.hidden > 0 ? `; ${summary.hidden} warning or info finding${summary.hidden === 1 ? "" : "s"} not shown (--quiet)` : "";
  if (findings.length === 0) return `${p.bold("✔")} no findings in ${plural(files, "file")}${hidden}`;
  const worst: Severity = counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "info";
  const withFindings = new Set(findings.map((f) => f.file)).size;
  const where = summary ? ` in ${withFindings} of ${plural(files, "file")}` : ` in ${plural(withFindings, "file")}`;
  const text = `✖ ${plural(findings.length, "finding")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")})${where}${hidden}`;
  return p.severity(worst, text);
}
