// `covenant new --kind K --customer NAME --supplier NAME --law LAW --region CODE [-o FILE] [--force]`:
// writes a complete contract that raises no finding, with "TO DECIDE:" where a person must decide.
import * as fs from "node:fs";
import * as path from "node:path";
import { localDate } from "../core/values";
import { completeAnswers } from "../features/contract-answers";
import { CONTRACT_KINDS, newContract } from "../features/new-contract";
import type { Command } from "./command";
import type { CliContext } from "./context";
import { UsageError } from "./files";

export interface NewCommandOptions {
  kind?: string;
  customer?: string;
  supplier?: string;
  law?: string;
  region?: string;
  effective?: string;
  output?: string;
  force: boolean;
  positionals: string[];
}

const REQUIRED = ["kind", "customer", "supplier", "law", "region"] as const;

export function runNew(ctx: CliContext, o: NewCommandOptions): number {
  if (o.positionals.length > 0) throw new UsageError(`new takes no file argument ('${o.positionals[0]}'): write the contract to a file with -o FILE`);
  const missing = REQUIRED.filter((k) => o[k] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`new needs ${missing.map((k) => `--${k}`).join(", ")} (kinds: ${CONTRACT_KINDS.map((k) => k.kind).join(", ")}; see covenant new --help)`);
  }
  const result = completeAnswers({ kind: o.kind, customer: o.customer, supplier: o.supplier, law: o.law, region: o.region, effective: o.effective }, localDate());
  if ("problem" in result) throw new UsageError(result.problem);
  const text = newContract(result.answers);
  if (o.output === undefined) {
    ctx.out(text);
    return 0;
  }
  const file = path.resolve(ctx.cwd, o.output);
  try {
    // `wx` refuses an existing file in the same call that creates it: no window for a race.
    fs.writeFileSync(file, text, { flag: o.force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`'${o.output}' exists already: choose another file, or add --force to replace it`);
    throw new UsageError(`cannot write '${o.output}': ${code ?? (e as Error).message}`);
  }
  ctx.out(`wrote ${o.output}: search it for "TO DECIDE:" to find what a person must still decide\n`);
  return 0;
}

const text = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);

export const newCommand: Command = {
  name: "new",
  usage: "covenant new --kind saas|managed-services|implementation --customer NAME --supplier NAME --law LAW --region CODE [--effective YYYY-MM-DD] [-o FILE [--force]]",
  options: {
    kind: { type: "string" },
    customer: { type: "string" },
    supplier: { type: "string" },
    law: { type: "string" },
    region: { type: "string" },
    effective: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  run: (ctx, v, positionals) =>
    runNew(ctx, {
      kind: text(v.kind), customer: text(v.customer), supplier: text(v.supplier), law: text(v.law), region: text(v.region),
      effective: text(v.effective), output: text(v.output), force: v.force === true, positionals,
    }),
};
