// The `covenant` command line: the same core as the language server, for CI and terminals.
import { CliContext } from "./context";
import { UsageError } from "./files";
import { parseDate } from "../core/values";
import { commands } from "./commands";
import { VERSION } from "./version";
import { parseCommandArguments } from "./args";
import { shouldColour } from "./colour";
import { printable } from "./printable";
import { businessCalendar } from "../simulate/calendar";

const HELP = `covenant — check IT contract governance written in the Covenant language

Usage:
${commands.map((c) => "  " + c.usage).join("\n")}

Common options:
  --format F           output format (check: text, stylish, json, sarif, junit, gitlab, github;
                       simulate: text, json, markdown; preview: mermaid, svg, markdown;
                       schedule: docx, html, markdown; status: text, json, markdown, html)
  --today YYYY-MM-DD   analysis date for people who have left (default: today)
  --now INSTANT        analysis moment of a relationship log (default: 00:00 of --today in the
                       contract's time zone, else the current instant)
  --config FILE        configuration file (default: covenant.json found upward from each file)
  --contract ID        the contract, where a file holds several
  --help, --version    (covenant COMMAND --help: the options of one command)

Exit codes: 0 no error finding, 1 at least one error finding (or more warnings than --max-warnings),
2 the command could not do its job.
`;

/** The exit code of a command that finishes at once (every command but a DOCX schedule; see mainAsync). */
export function main(argv: string[], ctx: CliContext): number {
  const code = dispatch(argv, ctx);
  if (typeof code === "number") return code;
  ctx.err(`covenant: internal error: 'covenant ${argv[0]}' finishes later; run it through mainAsync\n`);
  return 2;
}

/** The exit code of any command, including those that finish later (a DOCX schedule is packed asynchronously). */
export async function mainAsync(argv: string[], ctx: CliContext): Promise<number> {
  return dispatch(argv, ctx);
}

function dispatch(argv: string[], ctx: CliContext): number | Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
      ctx.out(HELP);
      return argv.length === 0 ? 2 : 0;
    }
    if (argv[0] === "--version" || argv[0] === "-v") {
      ctx.out(VERSION + "\n");
      return 0;
    }
    const command = commands.find((c) => c.name === argv[0]);
    if (!command) throw new UsageError(`unknown command '${argv[0]}' (commands: ${commands.map((c) => c.name).join(", ")}; see covenant --help)`);
    const parsed = parseCommandArguments(command.name, argv.slice(1), {
      format: { type: "string" },
      today: { type: "string" },
      now: { type: "string" },
      config: { type: "string" },
      contract: { type: "string" },
      help: { type: "boolean", short: "h" },
      ...command.options,
    });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      ctx.out(`Usage: ${command.usage}\n${command.help ? `\n${command.help}` : ""}`);
      return 0;
    }
    if (typeof values.today === "string" && !parseDate(values.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${values.today}'`);
    const utc = businessCalendar(undefined);
    if (typeof values.now === "string" && "calendar" in utc && !utc.calendar.parseInstant(values.now)) {
      throw new UsageError(`--now must be an ISO 8601 instant (2026-01-10T09:00:00Z, 2026-01-10 09:00), not '${values.now}'`);
    }
    const code = command.run(ctx, values, parsed.positionals, parsed.tokens);
    return typeof code === "number" ? code : code.catch((e: unknown) => failure(ctx, e));
  } catch (e) {
    return failure(ctx, e);
  }
}

function failure(ctx: CliContext, e: unknown): number {
  if (e instanceof UsageError) {
    // The message may quote an argument or a name from a file: no raw control character reaches the terminal.
    ctx.err(`covenant: ${printable(e.message)}\n`);
    return 2;
  }
  ctx.err(`covenant: internal error: ${(e as Error).stack ?? e}\n`);
  return 2;
}

if (require.main === module) {
  // A reader that stops early (`covenant check | head`) closes the pipe: that is not an error of ours.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  void mainAsync(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    colour: shouldColour(!!process.stdout.isTTY, process.env),
    cwd: process.cwd(),
    threads: true,
  }).then((code) => (process.exitCode = code));
}
