// The commands of the `covenant` CLI (cli.md); each lives in its own module.
import type { ParseArgsConfig } from "node:util";
import type { CliContext } from "./context";
import { runCheck } from "./check";
import { runFormat } from "./format";
import { runSimulate } from "./simulate";
import { runPreview } from "./preview";
import { runStatus } from "./status";
import { runCredits } from "./credits";

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
    usage: "covenant check [PATH...] [--format text|json|sarif] [--today YYYY-MM-DD] [--now INSTANT] [--config FILE]",
    options: {},
    run: (ctx, v, paths) =>
      runCheck(ctx, { paths, today: str(v.today), now: str(v.now), config: str(v.config), contract: str(v.contract) }, str(v.format) ?? "text"),
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
    run: (ctx, v, files) =>
      runSimulate(ctx, {
        files, raised: str(v.raised), ladder: str(v.ladder), service: str(v.service), severity: str(v.severity),
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
  { name: "status", usage: "covenant status [PATH...] [--format text|json|markdown] [--now INSTANT] [--today YYYY-MM-DD]", options: {}, run: (ctx, v, paths) => runStatus(ctx, paths, { now: str(v.now), today: str(v.today), config: str(v.config) }, str(v.format) ?? "text") },
  { name: "credits", usage: "covenant credits FILE [--from PERIOD] [--to PERIOD] [--format text|json|csv|markdown] [--now INSTANT]", options: { from: { type: "string" }, to: { type: "string" } }, run: (ctx, v, files) => runCredits(ctx, files, { from: str(v.from), to: str(v.to), now: str(v.now), today: str(v.today), config: str(v.config), contract: str(v.contract) }, str(v.format) ?? "text") },
];
