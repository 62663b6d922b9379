// `covenant check --format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality), the
// Code Climate issue subset GitLab reads: description, check_name, fingerprint, severity, location.
import type { Severity } from "../core/findings";
import { LocatedFinding, pathFromRoot } from "./located";
import { printable } from "./printable";

export type CodeQualitySeverity = "info" | "minor" | "major" | "critical" | "blocker";

/** Covenant's three severities on GitLab's five: an error is "major", as ESLint's GitLab formatters map it. */
export const CODE_QUALITY_SEVERITY: Record<Severity, CodeQualitySeverity> = { error: "major", warning: "minor", info: "info" };

export interface CodeQualityIssue {
  type: "issue";
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function toCodeQuality(findings: readonly LocatedFinding[], root: string): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const file = pathFromRoot(f.file, root);
    // Stable across edits elsewhere in the file: no line numbers, only what the finding is and where.
    const key = JSON.stringify([file, f.code, f.message]);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      type: "issue",
      description: printable(f.message),
      check_name: f.code,
      fingerprint: sha256Hash().update(`${key}#${n}`).digest("hex"),
      severity: CODE_QUALITY_SEVERITY[f.severity],
      location: { path: file, lines: { begin: f.line, end: f.endLine } },
    };
  });
}

/** node:crypto is loaded when a digest is first needed: loading it costs every start of the CLI tens of milliseconds. */
function sha256Hash(): import("node:crypto").Hash {
  return (require("node:crypto") as typeof import("node:crypto")).createHash("sha256");
}
