// Reads a command's arguments with node:util's parseArgs, and says what is wrong in Covenant's words.
import { parseArgs, ParseArgsConfig } from "node:util";
import { UsageError } from "./files";

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
    const d = c.startsWith(name) && name.length >= 2 ? 1 : distance(name, c);
    if (d <= Math.min(2, Math.max(1, Math.floor(c.length / 3))) && (!best || d < best.distance)) best = { name: c, distance: d };
  }
  return best?.name;
}

/** Edits between two names: insertions, deletions, substitutions, and swaps of neighbours ("quite"), as people mistype. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
