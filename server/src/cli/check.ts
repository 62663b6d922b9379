// `covenant check [PATH...]`: analyse files and folders, print the findings in the format a person or a CI
// tool reads (text, stylish, json, sarif, junit, gitlab, github).
import * as fs from "node:fs";
import { availableParallelism } from "node:os";
import { Program } from "../core/program";
import type { Finding } from "../core/findings";
import type { Range } from "../core/ast";
import { allFindings } from "../analysis/analyse";
import { collectFiles, configLookup, diskHost, readText, toUri, UsageError } from "./files";
import { LineIndex } from "./positions";
import type { CliContext } from "./context";
import { localDate } from "../core/values";
import { byFileAndPosition, countBySeverity, locate, LocatedFinding } from "./located";
import { formatStylish, formatText, Summary } from "./text";
import { toSarif } from "./sarif";
import { toJunit } from "./junit";
import { toCodeQuality } from "./gitlab";
import { toGithubCommands } from "./github";
import { VERSION } from "./version";

export type { LocatedFinding } from "./located";

export interface CheckOptions {
  paths: string[];
  today?: string;
  /** The analysis moment of a log (`--now`). */
  now?: string;
  config?: string;
  contract?: string;
}

export interface CheckResult {
  /** Every file checked, in the order checked. */
  files: string[];
  /** The findings, sorted by file, then position. */
  findings: LocatedFinding[];
}

/** Analyses every file; returns the findings sorted by file, then position. */
export function checkFiles(options: CheckOptions): LocatedFinding[] {
  return checkPaths(options).findings;
}

export function checkPaths(options: CheckOptions): CheckResult {
  const files = collectFiles(options.paths.length > 0 ? options.paths : ["."]);
  const checker = fileChecker(options, new Date().toISOString());
  return assemble(options, files, files.map((file) => checker(file)));
}

/** What checking one file gives: its findings and its contracts' names, or why it could not be read. */
export type FileOutcome =
  | { findings: LocatedFinding[]; contracts: string[]; hasContract: boolean }
  | { usage: string }
  | { internal: string };

/**
 * Checks one file at a time with one Program (imports parsed once); `clock` is the instant the whole check
 * runs at, so that every file, on any thread, is analysed at the same moment.
 */
export function fileChecker(options: Omit<CheckOptions, "paths">, clock: string): (file: string) => FileOutcome {
  const program = new Program(diskHost);
  const configFor = configLookup(options.config);
  const started = new Date(clock);
  return (file) => {
    let uri: string | undefined;
    try {
      const read = readText(file);
      if ("unreadable" in read) return { usage: `cannot read '${file}': ${read.unreadable}` };
      if ("notText" in read) {
        // One finding instead of a syntax error for every stray byte of a binary.
        return { findings: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "SYN001", message: read.notText }], contracts: [], hasContract: false };
      }
      uri = toUri(file);
      const linked = program.linkText(uri, read.text);
      const config = configFor(file);
      const today = options.today ?? config?.config.today;
      let findings = allFindings(linked, {
        today: today ?? localDate(started),
        now: options.now ?? (today === undefined ? clock : undefined),
        rules: config?.config.rules,
      });
      const contracts: string[] = [];
      let hasContract = false;
      if (options.contract !== undefined) {
        for (const c of linked.contracts) if (c.contract.name) contracts.push(c.contract.name.text);
        const ranges = linked.contracts.map((c) => c.contract.range);
        const target = linked.contracts.find((c) => c.contract.name?.text === options.contract)?.contract.range;
        if (target) hasContract = true;
        // The named contract's findings, and those outside every contract (syntax, imports), which no contract owns.
        findings = findings.filter((f) => (target && within(f, target)) || !ranges.some((r) => within(f, r)));
      }
      const lines = new LineIndex(linked.file.text);
      return { findings: findings.map((f) => locate(file, f, lines)), contracts, hasContract };
    } catch (e) {
      if (e instanceof UsageError) return { usage: e.message };
      return { internal: (e as Error).stack ?? String(e) };
    } finally {
      // The file's parse is let go once it is checked (what it imports stays, for the next file); kept, the parses
      // of a whole portfolio stayed live to the end and every young collection copied them.
      if (uri !== undefined) program.removeOverlay(uri);
    }
  };
}

/** The result of the whole check from each file's outcome, in the order of `files`: the same on one thread or many. */
function assemble(options: CheckOptions, files: string[], outcomes: FileOutcome[]): CheckResult {
  const out: LocatedFinding[] = [];
  const contractNames = new Set<string>();
  let contractFound = false;
  for (const outcome of outcomes) {
    if ("usage" in outcome) throw new UsageError(outcome.usage);
    if ("internal" in outcome) throw new Error(outcome.internal);
    for (const name of outcome.contracts) contractNames.add(name);
    if (outcome.hasContract) contractFound = true;
    for (const f of outcome.findings) out.push(f);
  }
  if (options.contract !== undefined && !contractFound) {
    const where = files.length === 1 ? `'${files[0]}'` : `the ${files.length} files checked`;
    const names = [...contractNames].sort();
    throw new UsageError(`no contract '${options.contract}' in ${where} (${names.length ? `contracts: ${names.join(", ")}` : "it declares no contract"})`);
  }
  return { files, findings: out.sort(byFileAndPosition) };
}

/**
 * Text per thread below which a worker costs more than it saves: starting one (a thread, the bundle, the parser's
 * self-analysis, a cold JIT) costs about what checking 0.5 MB of contracts costs one warm thread.
 */
const BYTES_PER_WORKER = 768 * 1024;

/** How many threads check `files` by default: one per core, while each has enough text to be worth its start. */
function autoThreads(files: readonly string[]): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file).size;
    } catch {
      // Unreadable: its outcome says so; it weighs nothing.
    }
  }
  return Math.min(availableParallelism(), 1 + Math.floor(bytes / BYTES_PER_WORKER));
}

/** How many threads check `files` (this one included): never more than there are files. */
export function threadsFor(files: readonly string[], jobs: number | "auto"): number {
  return Math.max(1, Math.min(jobs === "auto" ? autoThreads(files) : jobs, files.length));
}

/**
 * The same result as checkPaths, with the files spread over up to `jobs` threads: this one and worker threads
 * (check-worker.ts). "auto" (no -j): as many as autoThreads says.
 */
export async function checkPathsInParallel(options: CheckOptions, jobs: number | "auto"): Promise<CheckResult> {
  const files = collectFiles(options.paths.length > 0 ? options.paths : ["."]);
  const clock = new Date().toISOString();
  const threads = threadsFor(files, jobs);
  if (threads < 2) return assemble(options, files, files.map(fileChecker(options, clock)));
  const { runOnWorkers } = require("./check-worker") as typeof import("./check-worker");
  const { paths: _paths, ...perFile } = options;
  return assemble(options, files, await runOnWorkers(files, { options: perFile, clock }, threads));
}

function within(f: Finding, range: Range): boolean {
  return f.range.start >= range.start && f.range.start < range.end;
}

export interface ReportOptions {
  format: string;
  /** Report errors only. */
  quiet?: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  colour: boolean;
}

type Formatter = (findings: LocatedFinding[], ctx: CliContext, run: { files: string[]; summary: Summary; colour: boolean }) => string;

const rulesBaseUrl = (): string | undefined => process.env.COVENANT_RULE_DOCS_URL;

/** The formats of `check --format`, by name (docs/ci.md describes each). */
export const CHECK_FORMATS: Record<string, Formatter> = {
  text: (findings, _ctx, run) => formatText(findings, run.colour, run.summary),
  stylish: (findings, _ctx, run) => formatStylish(findings, run.colour, run.summary),
  json: (findings) => JSON.stringify(findings, null, 2) + "\n",
  sarif: (findings, ctx) => JSON.stringify(toSarif(findings, { version: VERSION, root: ctx.cwd, rulesBaseUrl: rulesBaseUrl() }), null, 2) + "\n",
  junit: (findings, ctx, run) => toJunit(findings, { root: ctx.cwd, files: run.files, rulesBaseUrl: rulesBaseUrl() }),
  gitlab: (findings, ctx) => JSON.stringify(toCodeQuality(findings, ctx.cwd), null, 2) + "\n",
  github: (findings, ctx) => toGithubCommands(findings, ctx.cwd),
};

/**
 * Runs `covenant check`; with `jobs` above 1, or "auto" and enough text, the files are checked on worker threads
 * and the exit code comes later. The output is the same for any number of jobs.
 */
export function runCheck(ctx: CliContext, options: CheckOptions, report: ReportOptions | string, jobs: number | "auto" = 1): number | Promise<number> {
  const r: ReportOptions = typeof report === "string" ? { format: report, colour: ctx.colour } : report;
  const formatter = CHECK_FORMATS[r.format];
  if (!formatter) throw new UsageError(`unknown --format '${r.format}' for check (${Object.keys(CHECK_FORMATS).join(", ")})`);
  if (jobs === "auto" || jobs > 1) return checkPathsInParallel(options, jobs).then((result) => printReport(ctx, r, formatter, result));
  return printReport(ctx, r, formatter, checkPaths(options));
}

function printReport(ctx: CliContext, r: ReportOptions, formatter: Formatter, { files, findings }: CheckResult): number {
  const shown = r.quiet ? findings.filter((f) => f.severity === "error") : findings;
  ctx.out(formatter(shown, ctx, { files, summary: { files: files.length, hidden: findings.length - shown.length }, colour: r.colour }));
  const counts = countBySeverity(findings);
  const tooManyWarnings = r.maxWarnings !== undefined && counts.warning > r.maxWarnings;
  if (tooManyWarnings) ctx.err(`covenant: ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, more than --max-warnings ${r.maxWarnings} allows\n`);
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}
