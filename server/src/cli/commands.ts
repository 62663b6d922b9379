// The commands of the `covenant` CLI (cli.md); each lives in its own module.
import type { ParseArgsConfig } from "node:util";
import type { CliContext } from "./context";
import { runCheck } from "./check";
import { runFormat } from "./format";

export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(ctx: CliContext, values: Record<string, string | boolean | undefined>, positionals: string[]): number;
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);

export const commands: Command[] = [
  {
    name: "check",
    usage: "covenant check [PATH...] [--format text|json|sarif] [--today YYYY-MM-DD] [--config FILE]",
    options: {},
    run: (ctx, v, paths) =>
      runCheck(ctx, { paths, today: str(v.today), config: str(v.config), contract: str(v.contract) }, str(v.format) ?? "text"),
  },
  {
    name: "format",
    usage: "covenant format [--check] [--indent N] PATH...",
    options: { check: { type: "boolean" }, indent: { type: "string" } },
    run: (ctx, v, paths) => runFormat(ctx, { paths, check: v.check === true, indent: str(v.indent) }),
  },
];
