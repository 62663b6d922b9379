// `covenant check --format github`: GitHub Actions workflow commands, which the runner turns into
// annotations on the pull request: `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE::message`.
import type { Severity } from "../core/findings";
import { LocatedFinding, pathFromRoot } from "./located";
import { printableKeepingLineBreaks } from "./printable";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** The message of a command: `%`, CR and LF escaped as GitHub's toolkit does (escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value: the message's escapes plus `:` and `,`, which end a property (escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function toGithubCommands(findings: readonly LocatedFinding[], root: string): string {
  return findings
    .map((f) => {
      const props: [string, string | number][] = [["file", pathFromRoot(f.file, root)], ["line", f.line]];
      // GitHub takes columns only on a one-line annotation; its endColumn is the last column, inclusive.
      if (f.endLine === f.line) props.push(["col", f.column], ["endLine", f.endLine], ["endColumn", Math.max(f.column, f.endColumn - 1)]);
      else props.push(["endLine", f.endLine]);
      props.push(["title", f.code]);
      const properties = props.map(([k, v]) => `${k}=${escapeProperty(printableKeepingLineBreaks(String(v)))}`).join(",");
      return `::${COMMAND[f.severity]} ${properties}::${escapeData(printableKeepingLineBreaks(f.message))}\n`;
    })
    .join("");
}
