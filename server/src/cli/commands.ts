// The commands of the `covenant` CLI (cli.md); each lives in its own module.
import type { Command } from "./command";
import type { CliContext } from "./context";
import { CHECK_FORMATS, runCheck } from "./check";
import { UsageError } from "./files";
import { runFormat } from "./format";
import { runSimulate } from "./simulate";
import { runPreview } from "./preview";
import { newCommand } from "./new";
import { scheduleCommand } from "./schedule";
import { runStatus } from "./status";
import { runCredits } from "./credits";
import { evidenceCommand } from "./evidence";

export type { Command } from "./command";

const str = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);

function count(option: string, v: string | boolean | undefined): number | undefined {
  if (typeof v !== "string") return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`${option} must be a whole number of 0 or more, not '${v}'`);
  return Number(v);
}

/**
 * `-j N`: how many threads check files (without it: every core, when the files are large enough to be worth a
 * thread's start); a caller that cannot wait (main(), not mainAsync) always checks in its own.
 */
function jobs(ctx: CliContext, v: string | boolean | undefined): number | "auto" {
  const n = count("--jobs", v);
  if (n === 0) throw new UsageError("--jobs must be 1 or more, not '0'");
  return ctx.threads ? n ?? "auto" : 1;
}

export const commands: Command[] = [
  {
    name: "check",
    usage: `covenant check [PATH...] [--format ${Object.keys(CHECK_FORMATS).join("|")}] [--quiet] [--max-warnings N] [--today YYYY-MM-DD] [--now INSTANT] [--config FILE] [--contract ID] [-j N]`,
    help: `PATH: a .covenant file, a folder (every *.covenant below it) or a quoted glob ("contracts/**/*.covenant"); default .
  --format F          text (default: file:line:column: severity CODE message), stylish (grouped by file),
                      json, sarif (GitHub code scanning), junit (test reports), gitlab (Code Quality),
                      github (workflow commands: annotations in GitHub Actions)
  --quiet             report errors only
  --max-warnings N    exit 1 when there are more than N warnings
  --contract ID       only that contract's findings (and those outside every contract: syntax, imports)
  --color, --no-color colour the text formats or not (default: on a terminal; NO_COLOR, FORCE_COLOR)
  -j, --jobs N        check on N threads (default: one per core, when the files are large enough to be
                      worth it; 1: in this thread); same output
Exit codes: 0 no error finding, 1 an error finding or too many warnings, 2 the command could not do its job.
`,
    options: { quiet: { type: "boolean" }, "max-warnings": { type: "string" }, color: { type: "boolean" }, "no-color": { type: "boolean" }, jobs: { type: "string", short: "j" } },
    run: (ctx, v, paths) =>
      runCheck(ctx, { paths, today: str(v.today), now: str(v.now), config: str(v.config), contract: str(v.contract) }, {
        format: str(v.format) ?? "text",
        quiet: v.quiet === true,
        maxWarnings: count("--max-warnings", v["max-warnings"]),
        colour: v["no-color"] === true ? false : v.color === true ? true : ctx.colour,
      }, jobs(ctx, v.jobs)),
  },
  {
    name: "format",
    usage: "covenant format [--check] [--indent N] PATH...",
    options: { check: { type: "boolean" }, indent: { type: "string" } },
    run: (ctx, v, paths) => runFormat(ctx, { paths, check: v.check === true, indent: str(v.indent) }),
  },
  {
    name: "simulate",
    usage: "covenant simulate FILE --raised ISO [--ladder ID] [--service ID] [--severity S] [--resolve-at TIER [--after DURATION]] [--format text|json|markdown] [--contract ID]",
    options: {
      raised: { type: "string" },
      ladder: { type: "string" },
      service: { type: "string" },
      severity: { type: "string" },
      "resolve-at": { type: "string" },
      after: { type: "string" },
    },
    help: `  --raised ISO        when the matter is raised, e.g. 2025-12-23T18:10:00Z; without an offset (Z, +01:00)
                      it is read in the contract calendar's time zone
  --ladder ID         the ladder (default: chosen by --service/--severity, else the dispute block's)
  --service ID, --severity critical|high|standard|low
  --resolve-at TIER   the tier that resolves the matter, at its deadline or --after DURATION
  --after DURATION    how long after the tier opens, quoted: --after "3 business days"
  --contract ID       the contract, where the file holds several
`,
    run: (ctx, v, files, tokens) =>
      runSimulate(ctx, {
        files, tokens, raised: str(v.raised), ladder: str(v.ladder), service: str(v.service), severity: str(v.severity),
        resolveAt: str(v["resolve-at"]), after: str(v.after), contract: str(v.contract), format: str(v.format),
      }),
  },
  {
    name: "preview",
    usage: "covenant preview FILE [--ladder ID] [--format mermaid|svg|markdown] [--contract ID] [--today YYYY-MM-DD]",
    options: { ladder: { type: "string" } },
    run: (ctx, v, files) =>
      runPreview(ctx, { files, ladder: str(v.ladder), contract: str(v.contract), format: str(v.format), today: str(v.today), config: str(v.config) }),
  },
  newCommand,
  scheduleCommand,
  { name: "status", usage: "covenant status [PATH...] [--format text|json|markdown|html] [--now INSTANT] [--today YYYY-MM-DD]", options: {}, run: (ctx, v, paths) => runStatus(ctx, paths, { now: str(v.now), today: str(v.today), config: str(v.config) }, str(v.format) ?? "text") },
  { name: "credits", usage: "covenant credits FILE [--from PERIOD] [--to PERIOD] [--format text|json|csv|markdown] [--now INSTANT]", options: { from: { type: "string" }, to: { type: "string" } }, run: (ctx, v, files) => runCredits(ctx, files, { from: str(v.from), to: str(v.to), now: str(v.now), today: str(v.today), config: str(v.config), contract: str(v.contract) }, str(v.format) ?? "text") },
  evidenceCommand,
];
