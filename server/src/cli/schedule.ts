// `covenant schedule FILE --format docx|html|markdown [-o OUT]`: the governance schedule of a contract, and
// `covenant schedule --verify DOC FILE`: whether a schedule was generated from the current text (docs/schedule.md).
import * as fs from "node:fs";
import * as path from "node:path";
import { localDate } from "../core/values";
import { Program } from "../core/program";
import { prepareSchedule, renderSchedule, SCHEDULE_FORMATS, ScheduleFormatName } from "../documents/generate";
import { sourceFingerprint, sourceTexts } from "../documents/fingerprint";
import { readSchedule, verdict } from "../documents/verify";
import type { Command } from "./command";
import type { CliContext } from "./context";
import { configLookup, diskHost, UsageError } from "./files";
import { linkOneFile, warnAboutErrors } from "./simulate";
import { VERSION } from "./version";

const USAGE = "covenant schedule FILE [--contract ID] [--format docx|html|markdown] [-o OUT] | covenant schedule --verify DOC FILE";

const EXTENSIONS: Record<string, ScheduleFormatName> = { ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown" };

export interface ScheduleCommandOptions {
  files: string[];
  contract?: string;
  format?: string;
  output?: string;
  verify?: string;
  today?: string;
  config?: string;
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);

export const scheduleCommand: Command = {
  name: "schedule",
  usage: USAGE,
  options: { output: { type: "string", short: "o" }, verify: { type: "string" } },
  run: (ctx, v, files) =>
    runSchedule(ctx, { files, contract: str(v.contract), format: str(v.format), output: str(v.output), verify: str(v.verify), today: str(v.today), config: str(v.config) }),
};

export function runSchedule(ctx: CliContext, o: ScheduleCommandOptions): number | Promise<number> {
  if (o.verify !== undefined) return runVerify(ctx, o.verify, o);
  const format = chooseFormat(o);
  if (format === "docx" && o.output === undefined) throw new UsageError("a DOCX schedule needs -o OUT.docx (it is not text for a terminal)");
  const { file, linked } = linkOneFile("schedule", o.files, USAGE);
  const program = new Program(diskHost);
  const prepared = prepareSchedule(linked, {
    contract: o.contract,
    asOf: o.today ?? configLookup(o.config)(file)?.config.today ?? localDate(),
    generated: localDate(),
    generator: `Covenant ${VERSION}`,
    read: (uri) => program.load(uri)?.text,
  });
  if ("error" in prepared) throw new UsageError(`${file}: ${prepared.error}`);
  warnAboutErrors(ctx, file, linked);
  return renderSchedule(prepared.schedule, prepared.stamp, format).then((doc) => {
    if (o.output === undefined) {
      ctx.out(doc as string);
      return 0;
    }
    try {
      fs.writeFileSync(o.output, doc);
    } catch (e) {
      ctx.err(`covenant: cannot write '${o.output}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    ctx.out(`wrote the governance schedule of ${prepared.stamp.contract} to ${o.output}\n`);
    return 0;
  });
}

function chooseFormat(o: ScheduleCommandOptions): ScheduleFormatName {
  if (o.format !== undefined) {
    if (!(SCHEDULE_FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`unknown --format '${o.format}' for schedule (${SCHEDULE_FORMATS.join(", ")})`);
    return o.format as ScheduleFormatName;
  }
  const byName = o.output !== undefined ? EXTENSIONS[path.extname(o.output).toLowerCase()] : undefined;
  return byName ?? "markdown";
}

/** Exit 0: matches; 1: does not match (the source changed, or the document was edited); 2: unreadable. */
function runVerify(ctx: CliContext, doc: string, o: ScheduleCommandOptions): number {
  if (o.format !== undefined || o.output !== undefined) throw new UsageError("--verify takes no --format or -o: it reads the document's own format");
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(doc);
  } catch (e) {
    throw new UsageError(`cannot read '${doc}': ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const read = readSchedule(bytes);
  if ("error" in read) throw new UsageError(`'${doc}' cannot be verified: ${read.error}`);
  const { file, linked } = linkOneFile("schedule --verify", o.files, USAGE);
  const program = new Program(diskHost);
  const contract = o.contract ?? read.contract;
  if (o.contract !== undefined && o.contract !== read.contract) throw new UsageError(`'${doc}' is the schedule of contract ${read.contract}, not ${o.contract}`);
  const current = sourceFingerprint(contract, sourceTexts(linked, (uri) => program.load(uri)?.text));
  const result = verdict(read, current);
  ctx.out(`${doc}: ${result.message}\n`);
  if (!result.matches && result.sourceChanged && !linked.contracts.some((c) => c.contract.name?.text === contract)) {
    ctx.out(`${file} no longer declares contract ${contract}\n`);
  }
  return result.matches ? 0 : 1;
}
