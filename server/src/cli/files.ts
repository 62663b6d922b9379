// The file system side of the command line: paths to URIs, folder walking, configuration lookup.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProgramHost } from "../core/program";
import { parseConfig, CovenantConfig } from "../analysis/config";
import { textOf } from "../core/text-file";

/** A failure the user caused (bad argument, unreadable path): one line on stderr, exit 2. */
export class UsageError extends Error {}

/** A file's text, or why it has none: Covenant files are UTF-8 text; a binary or an image is not. */
export type ReadText = { text: string } | { notText: string } | { unreadable: string };

export function readText(file: string): ReadText {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { unreadable: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  return textOf(bytes);
}

/** Reads files for the linker; an import of a file that is not text is an import that cannot be read. */
export const diskHost: ProgramHost = {
  read(uri: string): string | undefined {
    const read = readText(fileURLToPath(uri));
    return "text" in read ? read.text : undefined;
  },
  exists(uri: string): boolean {
    try {
      return fs.existsSync(fileURLToPath(uri));
    } catch {
      return false;
    }
  },
};

export function toUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

/**
 * Every `.covenant` file named, found below the named folders, or matched by a glob that the shell left
 * alone (`"contracts/**\/*.covenant"`), as the user would write its path. A path that yields no file is a
 * usage error, as in ESLint: a mistyped folder must not pass as "no findings".
 */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      if (isGlob(p)) {
        const matched = expandGlob(p);
        if (matched.length === 0) throw new UsageError(`no .covenant file matches '${p}'`);
        out.push(...matched);
        continue;
      }
      throw new UsageError(`cannot read '${p}': no such file or folder`);
    }
    if (stat.isDirectory()) {
      const before = out.length;
      walk(p, out);
      if (out.length === before) throw new UsageError(`no .covenant file in '${p}' (folders are searched for *.covenant below them)`);
    } else if (stat.isFile()) out.push(p);
    else throw new UsageError(`cannot read '${p}': not a file or folder`);
  }
  return [...new Set(out)];
}

const isGlob = (p: string): boolean => /[*?[]/.test(p);

/** `*`, `?` and `[...]` within a name, `**` for any depth of folders; names starting with `.` only when written. */
function expandGlob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const literal: string[] = [];
  while (parts.length > 1 && !isGlob(parts[0])) literal.push(parts.shift()!);
  const base = literal.length === 0 ? "." : literal.join("/") || "/";
  const out: string[] = [];
  const visit = (dir: string, rest: string[]): void => {
    if (rest.length === 0) return;
    const [head, ...tail] = rest;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    if (head === "**") {
      visit(dir, tail);
      for (const e of entries) if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith(".")) visit(path.join(dir, e.name), rest);
      return;
    }
    const match = globSegment(head);
    for (const e of entries) {
      if (!match.test(e.name) || (e.name.startsWith(".") && !head.startsWith("."))) continue;
      const full = literal.length === 0 && dir === "." ? e.name : path.join(dir, e.name);
      if (tail.length > 0) {
        if (e.isDirectory()) visit(full, tail);
      } else if (e.isDirectory()) walk(full, out);
      else if (e.isFile() && e.name.endsWith(".covenant")) out.push(full);
    }
  };
  visit(base, parts);
  return out;
}

function globSegment(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[" && segment.indexOf("]", i + 2) > i) {
      const end = segment.indexOf("]", i + 2);
      const body = segment.slice(i + 1, end);
      re += "[" + (body.startsWith("!") ? "^" + body.slice(1) : body).replace(/\\/g, "\\\\") + "]";
      i = end;
    } else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp("^" + re + "$");
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder '${dir}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith(".")) walk(full, out);
    } else if (e.isFile() && e.name.endsWith(".covenant")) {
      out.push(full);
    }
  }
}

type ConfigCache = Map<string, { file: string; config: CovenantConfig } | null>;

/** Configuration lookups for one run of a command (files are read once per run, never across runs). */
export function configLookup(explicit?: string): (file: string) => { file: string; config: CovenantConfig } | undefined {
  const cache: ConfigCache = new Map();
  return (file) => configFor(file, explicit, cache);
}

/** The configuration for a file: `--config` if given, else the nearest `covenant.json` above it. */
function configFor(file: string, explicit: string | undefined, configCache: ConfigCache): { file: string; config: CovenantConfig } | undefined {
  if (explicit) return loadConfig(explicit, true, configCache)!;
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const candidate = path.join(dir, "covenant.json");
    const found = loadConfig(candidate, false, configCache);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function loadConfig(file: string, required: boolean, configCache: ConfigCache): { file: string; config: CovenantConfig } | undefined {
  const key = path.resolve(file);
  const cached = configCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let text: string;
  try {
    text = fs.readFileSync(key, "utf8");
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === "ENOENT") {
      configCache.set(key, null);
      return undefined;
    }
    throw new UsageError(`cannot read configuration '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseConfig(text);
  if ("problem" in parsed) throw new UsageError(`invalid configuration '${file}': ${parsed.problem}`);
  const result = { file, config: parsed.config };
  configCache.set(key, result);
  return result;
}
