// `covenant check --format junit`: JUnit XML as Jenkins, GitLab and Azure DevOps read test reports.
// One testsuite per file; one failing testcase per finding; a clean file is one passing testcase, so
// every file checked shows up and a clean run is not "no tests found".
import { ruleDocUrl, RULE_DOCS_BASE } from "../analysis/rules";
import { LocatedFinding, pathFromRoot } from "./located";
import { printable } from "./printable";

export interface JunitOptions {
  /** Paths are written relative to this folder (the repository root in CI). */
  root: string;
  /** Every file checked, findings or not. */
  files: readonly string[];
  rulesBaseUrl?: string;
}

export function toJunit(findings: readonly LocatedFinding[], options: JunitOptions): string {
  const base = options.rulesBaseUrl || RULE_DOCS_BASE;
  const byFile = new Map<string, LocatedFinding[]>(options.files.map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const suites: string[] = [];
  let tests = 0;
  for (const [file, list] of byFile) {
    const name = pathFromRoot(file, options.root);
    // Jenkins splits a classname at its last dot into package and class: the extension would be the class.
    const classname = name.replace(/\.covenant$/, "");
    const cases: string[] = [];
    const seen = new Map<string, number>();
    for (const f of list) {
      const title = `${f.code}: ${printable(f.message)}`;
      const n = (seen.get(title) ?? 0) + 1;
      seen.set(title, n);
      const body = `${name}:${f.line}:${f.column}: ${f.severity} ${f.code} ${printable(f.message)}\nSee ${ruleDocUrl(f.code, base)}`;
      cases.push(
        `    <testcase name="${attr(n === 1 ? title : `${title} (${n})`)}" classname="${attr(classname)}" time="0">\n` +
          `      <failure type="${f.severity}" message="${attr(printable(f.message))}">${text(body)}</failure>\n` +
          `    </testcase>`,
      );
    }
    if (list.length === 0) cases.push(`    <testcase name="no findings" classname="${attr(classname)}" time="0"/>`);
    tests += cases.length;
    suites.push(`  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${list.length}" errors="0" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="covenant check" tests="${tests}" failures="${findings.length}" errors="0" time="0">\n${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>\n`;
}

// XML 1.0 cannot hold these at all, even escaped; `printable` has already replaced the controls.
const NOT_XML = /\p{Cs}|[\ufffe\uffff]/gu;

function text(s: string): string {
  return s.replace(NOT_XML, "\ufffd").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}
