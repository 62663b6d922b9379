// `covenant simulate FILE --raised ISO ...`: the escalation simulation of simulation.md as text, JSON or Markdown.
import * as fs from "node:fs";
import { Program } from "../core/program";
import type { Linked } from "../core/link";
import { parseDurationText, simulate, SimulationInput } from "../simulate/simulate";
import type { ParsedArguments } from "./args";
import { simulationToMarkdown, simulationToText } from "../simulate/render";
import { diskHost, readText, toUri, UsageError } from "./files";
import { LineIndex } from "./positions";
import type { CliContext } from "./context";

export interface SimulateCommandOptions {
  files: string[];
  /** The arguments in order: an unquoted `--after 3 business days` shows as positionals after `--after`. */
  tokens?: ParsedArguments["tokens"];
  raised?: string;
  ladder?: string;
  service?: string;
  severity?: string;
  resolveAt?: string;
  after?: string;
  contract?: string;
  format?: string;
}

const FORMATS = ["text", "json", "markdown"];

/** Reads and links the one FILE a command takes; a missing or unreadable file is a usage error. */
export function linkOneFile(command: string, files: string[], usage: string): { file: string; linked: Linked } {
  if (files.length === 0) throw new UsageError(`${command} needs a FILE (${usage})`);
  if (files.length > 1) throw new UsageError(`${command} takes one FILE, not ${files.length} (${usage})`);
  const file = files[0];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`cannot read '${file}': no such file`);
  }
  if (!stat.isFile()) throw new UsageError(`cannot read '${file}': not a file`);
  const read = readText(file);
  if ("unreadable" in read) throw new UsageError(`cannot read '${file}': ${read.unreadable}`);
  if ("notText" in read) throw new UsageError(`cannot read '${file}': ${read.notText}`);
  const linked = new Program(diskHost).linkText(toUri(file), read.text);
  return { file, linked };
}

/** A one-line warning when the file has syntax or reference errors: the command used what is intact. */
export function warnAboutErrors(ctx: CliContext, file: string, linked: Linked): void {
  const errors = linked.builtins.filter((f) => f.severity === "error").length;
  if (errors > 0) ctx.err(`covenant: warning: '${file}' has ${errors} syntax or reference error${errors === 1 ? "" : "s"} (see covenant check); using what is intact\n`);
}

export function runSimulate(ctx: CliContext, o: SimulateCommandOptions): number {
  const usage = "covenant simulate FILE --raised ISO";
  const format = o.format ?? "text";
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${format}' for simulate (${FORMATS.join(", ")})`);
  if (o.raised === undefined) throw new UsageError(`simulate needs --raised, the moment the matter is raised (for example --raised 2025-12-23T18:10:00Z)`);
  if (o.after !== undefined) checkDuration(o.after, unquotedDuration(o));
  if (o.after !== undefined && o.resolveAt === undefined) throw new UsageError("--after needs --resolve-at TIER (the tier that resolves the matter)");
  const { file, linked } = linkOneFile("simulate", o.files, usage);
  const named = linked.contracts.flatMap((c) => (c.contract.name ? [c.contract.name.text] : []));
  if (o.contract === undefined && named.length > 1) throw new UsageError(`'${file}' holds several contracts; name one with --contract (contracts: ${named.join(", ")})`);

  const input: SimulationInput = { raised: o.raised };
  if (o.contract !== undefined) input.contract = o.contract;
  if (o.ladder !== undefined) input.ladder = o.ladder;
  if (o.service !== undefined) input.service = o.service;
  if (o.severity !== undefined) input.severity = o.severity;
  if (o.resolveAt !== undefined) input.resolveAt = o.after !== undefined ? { tier: o.resolveAt, after: o.after } : { tier: o.resolveAt };

  const outcome = simulate(linked, input);
  if ("error" in outcome) {
    const at = outcome.range ? new LineIndex(linked.file.text).position(outcome.range.start) : undefined;
    throw new UsageError(`${file}${at ? `:${at.line}:${at.column}` : ""}: ${outcome.error}`);
  }
  warnAboutErrors(ctx, file, linked);
  const r = outcome.result;
  ctx.out(format === "json" ? JSON.stringify(r, null, 2) + "\n" : format === "markdown" ? simulationToMarkdown(r) : simulationToText(r));
  if (!hasOffset(o.raised)) {
    const note = `--raised ${o.raised} has no offset: read in the contract calendar's time zone (${r.calendar.timezone}) as ${r.raised}`;
    // JSON stays one document on stdout (its "raised" carries the offset); the note goes beside it.
    if (format === "json") ctx.err(`covenant: note: ${note}\n`);
    else ctx.out(format === "markdown" ? `\n_Note: ${note}._\n` : `\nNote: ${note}.\n`);
  }
  return 0;
}

/** An ISO instant that says its offset: `Z`, `+01:00`, `-0500`, `+01` after the time. */
function hasOffset(instant: string): boolean {
  return /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(instant.trim());
}

/** The words after `--after N` that the shell split off: `--after 3 business days` without quotes. */
function unquotedDuration(o: SimulateCommandOptions): string[] {
  const tokens = o.tokens ?? [];
  const at = tokens.findIndex((t) => t.kind === "option" && t.name === "after" && !t.inlineValue);
  const words: string[] = [];
  for (const t of tokens.slice(at + 1)) {
    if (at < 0 || t.kind !== "positional" || !/^(business|minutes?|hours?|days?|weeks?|months?|years?)$/i.test(t.value)) break;
    words.push(t.value);
  }
  return words;
}

/** A duration given to --after: quoted whole, and above zero; its form is the simulator's to judge. */
function checkDuration(after: string, unquoted: string[]): void {
  if (unquoted.length > 0) {
    const whole = [after, ...unquoted].join(" ");
    throw new UsageError(`--after takes the duration as one argument: quote it, --after "${whole}" (the shell split it into ${unquoted.length + 1} words)`);
  }
  const amount = /^\s*(-?\d+)\b/.exec(after);
  // The same words with 1 as the amount read as a duration: only the amount is wrong.
  if (amount && Number(amount[1]) <= 0 && parseDurationText(after.replace(amount[1], "1"))) {
    throw new UsageError(`--after must be a positive duration, not '${after}' (for example --after "1 business day")`);
  }
}
