// `covenant format [--check] PATH...`: rewrite files in the canonical layout (docs/formatting.md).
import * as fs from "node:fs";
import { format } from "../format";
import { collectFiles, readText, UsageError } from "./files";
import { LineIndex } from "./positions";
import type { CliContext } from "./context";
import { printable } from "./printable";

export interface FormatCommandOptions {
  paths: string[];
  check: boolean;
  indent?: string;
}

export function runFormat(ctx: CliContext, options: FormatCommandOptions): number {
  if (options.paths.length === 0) throw new UsageError("format needs at least one file or folder (covenant format [--check] PATH...)");
  let indent: number | undefined;
  if (options.indent !== undefined) {
    indent = Number(options.indent);
    if (!Number.isInteger(indent) || indent < 0 || indent > 16) throw new UsageError(`--indent must be a whole number from 0 to 16, not '${options.indent}'`);
  }
  const files = collectFiles(options.paths);
  let changed = 0;
  let refused = 0;
  for (const file of files) {
    const read = readText(file);
    if ("unreadable" in read) throw new UsageError(`cannot read '${file}': ${read.unreadable}`);
    if ("notText" in read) {
      ctx.err(`${printable(file)}:1:1: error SYN001 ${read.notText}\n`);
      refused++;
      continue;
    }
    // The bytes as they are (a byte-order mark included), so that a rewrite keeps what it does not change.
    const text = fs.readFileSync(file, "utf8");
    const result = format(text, { indent });
    if ("error" in result) {
      const at = new LineIndex(text).position(result.range?.start ?? 0);
      ctx.err(`${printable(file)}:${at.line}:${at.column}: error SYN001 ${printable(result.error)}\n`);
      refused++;
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (options.check) {
      ctx.out(`would reformat ${printable(file)}\n`);
    } else {
      try {
        fs.writeFileSync(file, result.text);
      } catch (e) {
        throw new UsageError(`cannot write '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      ctx.out(`formatted ${printable(file)}\n`);
    }
  }
  if (refused > 0) return 2;
  return options.check && changed > 0 ? 1 : 0;
}
