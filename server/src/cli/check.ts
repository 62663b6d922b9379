// `covenant check [PATH...]`: analyse files and folders, print findings as text, JSON or SARIF.
import { Program } from "../core/program";
import type { Finding, Severity } from "../core/findings";
import { allFindings } from "../analysis/analyse";
import { collectFiles, configLookup, diskHost, toUri, UsageError } from "./files";
import { LineIndex } from "./positions";
import type { CliContext } from "./context";
import { localDate } from "../core/values";
import { toSarif } from "./sarif";
import { VERSION } from "./version";

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
}

export interface CheckOptions {
  paths: string[];
  today?: string;
  /** The analysis moment of a log (`--now`). */
  now?: string;
  config?: string;
  contract?: string;
}

/** Analyses every file; returns the findings sorted by file, then position. */
export function checkFiles(options: CheckOptions): LocatedFinding[] {
  const files = collectFiles(options.paths.length > 0 ? options.paths : ["."]);
  const program = new Program(diskHost);
  const out: LocatedFinding[] = [];
  const configFor = configLookup(options.config);
  for (const file of files) {
    const uri = toUri(file);
    const linked = program.link(uri);
    if (!linked) throw new UsageError(`cannot read '${file}'`);
    const config = configFor(file);
    const today = options.today ?? config?.config.today;
    const findings = allFindings(linked, {
      today: today ?? localDate(),
      now: options.now ?? (today === undefined ? new Date().toISOString() : undefined),
      rules: config?.config.rules,
    }).filter((f) => !options.contract || inContract(f, linked.contracts.find((c) => c.contract.name?.text === options.contract)?.contract.range));
    const lines = new LineIndex(linked.file.text);
    for (const f of findings) out.push(locate(file, f, lines));
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

function inContract(f: Finding, range: { start: number; end: number } | undefined): boolean {
  return range !== undefined && f.range.start >= range.start && f.range.start < range.end;
}

function locate(file: string, f: Finding, lines: LineIndex): LocatedFinding {
  const start = lines.position(f.range.start);
  const end = lines.position(Math.max(f.range.end, f.range.start));
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: f.severity, code: f.code, message: f.message };
}

const COLOURS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };

export function formatText(findings: LocatedFinding[], colour: boolean): string {
  const lines = findings.map((f) => {
    const sev = colour ? `${COLOURS[f.severity]}${f.severity}\x1b[0m` : f.severity;
    const code = colour ? `\x1b[1m${f.code}\x1b[0m` : f.code;
    return `${f.file}:${f.line}:${f.column}: ${sev} ${code} ${f.message}`;
  });
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const files = new Set(findings.map((f) => f.file)).size;
  const summary = findings.length === 0 ? "no findings" : `${findings.length} finding${findings.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info`;
  return [...lines, summary].join("\n") + "\n";
}

export function runCheck(ctx: CliContext, options: CheckOptions, format: string): number {
  const findings = checkFiles(options);
  if (format === "json") ctx.out(JSON.stringify(findings, null, 2) + "\n");
  else if (format === "text") ctx.out(formatText(findings, ctx.colour));
  else if (format === "sarif") ctx.out(JSON.stringify(toSarif(findings, { version: VERSION, root: ctx.cwd, rulesBaseUrl: process.env.COVENANT_RULE_DOCS_URL }), null, 2) + "\n");
  else throw new UsageError(`unknown --format '${format}' for check (text, json, sarif)`);
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
