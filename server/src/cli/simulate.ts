// `covenant simulate FILE --raised ISO ...`: the escalation simulation of simulation.md as text, JSON or Markdown.
import * as fs from "node:fs";
import { Program } from "../core/program";
import type { Linked } from "../core/link";
import { simulate, SimulationInput } from "../simulate/simulate";
import { simulationToMarkdown, simulationToText } from "../simulate/render";
import { diskHost, toUri, UsageError } from "./files";
import { LineIndex } from "./positions";
import type { CliContext } from "./context";

export interface SimulateCommandOptions {
  files: string[];
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
  const linked = new Program(diskHost).link(toUri(file));
  if (!linked) throw new UsageError(`cannot read '${file}'`);
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
  if (o.after !== undefined && o.resolveAt === undefined) throw new UsageError("--after needs --resolve-at TIER (the tier that resolves the matter)");
  const { file, linked } = linkOneFile("simulate", o.files, usage);

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
  return 0;
}
