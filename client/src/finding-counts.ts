// The status bar's summary of a file's findings. Pure: severities are the numbers of
// vscode.DiagnosticSeverity (0 error, 1 warning, 2 information, 3 hint).

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(severities: readonly number[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const s of severities) {
    if (s === 0) counts.errors++;
    else if (s === 1) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/**
 * Status bar text with codicons: `$(law) $(error) 1 $(warning) 2 $(info) 0`. The scales mark these as the
 * file's Covenant findings, apart from VS Code's own count of the workspace's problems.
 */
export function statusText(c: FindingCounts): string {
  return `$(law) $(error) ${c.errors} $(warning) ${c.warnings} $(info) ${c.infos}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n === 0 ? "no" : n} ${n === 1 ? one : many}`;
}

/** Tooltip and screen-reader text: `northwind.covenant: 1 error, 2 warnings, no infos`. */
export function statusDescription(c: FindingCounts, fileName: string): string {
  return `${fileName}: ${plural(c.errors, "error", "errors")}, ${plural(c.warnings, "warning", "warnings")}, ${plural(c.infos, "info", "infos")}`;
}

/** The matters of a log file, for the status bar: `2 matters open, 1 overdue`; undefined for a file without a log. */
export function matterText(c: { logs: number; open: number; overdue: number }): string | undefined {
  if (c.logs === 0) return undefined;
  return `${plural(c.open, "matter", "matters")} open${c.overdue > 0 ? `, ${c.overdue} overdue` : ""}`;
}
