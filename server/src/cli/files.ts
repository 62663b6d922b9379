// The file system side of the command line: paths to URIs, folder walking, configuration lookup.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProgramHost } from "../core/program";
import { parseConfig, CovenantConfig } from "../analysis/config";

/** A failure the user caused (bad argument, unreadable path): one line on stderr, exit 2. */
export class UsageError extends Error {}

export const diskHost: ProgramHost = {
  read(uri: string): string | undefined {
    try {
      return fs.readFileSync(fileURLToPath(uri), "utf8");
    } catch {
      return undefined;
    }
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

/** Every `.covenant` file named or found below the named folders, as the user would write its path. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`cannot read '${p}': no such file or folder`);
    }
    if (stat.isDirectory()) walk(p, out);
    else if (stat.isFile()) out.push(p);
    else throw new UsageError(`cannot read '${p}': not a file or folder`);
  }
  return [...new Set(out)];
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
