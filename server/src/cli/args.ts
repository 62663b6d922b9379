// Reads a command's arguments with node:util's parseArgs, and says what is wrong in Covenant's words.
import { parseArgs, ParseArgsConfig } from "node:util";
import { UsageError } from "./files";
import { editDistance } from "../core/spelling";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

export interface ParsedArguments {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The arguments in order, for hints that depend on what follows what (an unquoted duration). */
  tokens: Token[];
}

export function parseCommandArguments(command: string, args: string[], options: Options): ParsedArguments {
  const { values, positionals, tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const see = `(see covenant ${command} --help)`;
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const option = options[t.name];
    if (!option) {
      const guess = closest(t.name, Object.keys(options));
      throw new UsageError(`unknown option '${t.rawName}' for covenant ${command}${guess ? `; did you mean '--${guess}'?` : ""} ${see}`);
    }
    if (option.type === "boolean" && t.value !== undefined) throw new UsageError(`option '--${t.name}' takes no value, not '${t.value}' ${see}`);
    if (option.type === "string") {
      // parseArgs takes the next argument as the value even when it is an option ("--format --quiet").
      const missing = t.value === undefined || (!t.inlineValue && t.value.startsWith("--"));
      if (missing) throw new UsageError(`option '--${t.name}' needs a value ${see}`);
    }
  }
  return { values: values as ParsedArguments["values"], positionals, tokens };
}

/** The option a mistyped name most likely meant: at most two edits away, or a prefix of it. */
function closest(name: string, candidates: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const c of candidates) {
    if (c.length === 1) continue;
    const d = c.startsWith(name) && name.length >= 2 ? 1 : editDistance(name, c);
    if (d <= Math.min(2, Math.max(1, Math.floor(c.length / 3))) && (!best || d < best.distance)) best = { name: c, distance: d };
  }
  return best?.name;
}
