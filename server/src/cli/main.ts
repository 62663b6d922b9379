// The `covenant` command line: the same core as the language server, for CI and terminals.
import { parseArgs, ParseArgsConfig } from "node:util";
import { CliContext } from "./context";
import { UsageError } from "./files";
import { parseDate } from "../core/values";
import { commands } from "./commands";
import { VERSION } from "./version";
import { businessCalendar } from "../simulate/calendar";

const HELP = `covenant — check IT contract governance written in the Covenant language

Usage:
${commands.map((c) => "  " + c.usage).join("\n")}

Common options:
  --format F           output format (check: text, json, sarif; simulate: text, json, markdown;
                       preview: mermaid, svg, markdown)
  --today YYYY-MM-DD   analysis date for people who have left (default: today)
  --now INSTANT        analysis moment of a relationship log (default: 00:00 of --today in the
                       contract's time zone, else the current instant)
  --config FILE        configuration file (default: covenant.json found upward from each file)
  --contract ID        the contract, where a file holds several
  --help, --version

Exit codes: 0 no error finding, 1 at least one error finding, 2 the command could not do its job.
`;

export function main(argv: string[], ctx: CliContext): number {
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
    const config: ParseArgsConfig = {
      args: argv.slice(1),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        today: { type: "string" },
        now: { type: "string" },
        config: { type: "string" },
        contract: { type: "string" },
        help: { type: "boolean", short: "h" },
        ...command.options,
      },
    };
    let parsed;
    try {
      parsed = parseArgs(config);
    } catch (e) {
      throw new UsageError(`${(e as Error).message.split("\n")[0]} (see covenant ${command.name} --help)`);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      ctx.out(`Usage: ${command.usage}\n`);
      return 0;
    }
    if (typeof values.today === "string" && !parseDate(values.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${values.today}'`);
    const utc = businessCalendar(undefined);
    if (typeof values.now === "string" && "calendar" in utc && !utc.calendar.parseInstant(values.now)) {
      throw new UsageError(`--now must be an ISO 8601 instant (2026-01-10T09:00:00Z, 2026-01-10 09:00), not '${values.now}'`);
    }
    return command.run(ctx, values, parsed.positionals);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`covenant: ${e.message}\n`);
      return 2;
    }
    ctx.err(`covenant: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  // A reader that stops early (`covenant check | head`) closes the pipe: that is not an error of ours.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    colour: !!process.stdout.isTTY && !process.env.NO_COLOR,
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
