// What a command of the `covenant` CLI is: its name, usage, options and what it runs (commands.ts lists them).
import type { ParseArgsConfig } from "node:util";
import type { ParsedArguments } from "./args";
import type { CliContext } from "./context";

export interface Command {
  name: string;
  usage: string;
  /** What `covenant NAME --help` prints below the usage line: the command's own options. */
  help?: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(ctx: CliContext, values: Record<string, string | boolean | undefined>, positionals: string[], tokens: ParsedArguments["tokens"]): number | Promise<number>;
}

