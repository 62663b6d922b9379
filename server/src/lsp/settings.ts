// Rule severities for a document: `covenant.json` found upward from the file, then the editor's
// `covenant.rules` on top (cli.md). A broken configuration is reported, never thrown.
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { parseConfig, validateRules, CovenantConfig } from "../analysis/config";
import type { RuleSetting } from "../analysis/analyse";
import { uriToPath } from "./workspace";

export interface ConfigFile {
  /** The file's path and URI. */
  file: string;
  uri: string;
  config?: CovenantConfig;
  /** Why the file cannot be used, in one line. */
  problem?: string;
}

export interface EffectiveSettings {
  rules: Record<string, RuleSetting>;
  today?: string;
  /** The configuration file that applies, if any (with its problem, if broken). */
  configFile?: ConfigFile;
  /** A problem with the editor's `covenant.rules`. */
  settingsProblem?: string;
}

export class Settings {
  private editorRules: Record<string, RuleSetting> = {};
  private editorProblem: string | undefined;
  /** Per folder: the configuration file that governs it, or null for none. */
  private readonly byFolder = new Map<string, ConfigFile | null>();

  /** The editor's `covenant` section (`{ rules: {...} }`); returns a problem to report, if any. */
  setEditorSettings(section: unknown): string | undefined {
    const rules = typeof section === "object" && section !== null ? (section as { rules?: unknown }).rules : undefined;
    if (rules === undefined || rules === null) {
      this.editorRules = {};
      this.editorProblem = undefined;
      return undefined;
    }
    const problem = validateRules(rules, "covenant.rules");
    if (problem) {
      // A bad entry must not take the good ones down: keep every valid one.
      this.editorRules = validEntries(rules);
      this.editorProblem = problem;
      return problem;
    }
    this.editorRules = { ...(rules as Record<string, RuleSetting>) };
    this.editorProblem = undefined;
    return undefined;
  }

  /** A configuration file changed on disk: read them again. */
  forgetFiles(): void {
    this.byFolder.clear();
  }

  forDocument(uri: string): EffectiveSettings {
    const p = uriToPath(uri);
    const configFile = p ? this.configFor(path.dirname(p)) : undefined;
    const rules = { ...(configFile?.config?.rules ?? {}), ...this.editorRules };
    return { rules, today: configFile?.config?.today, configFile, settingsProblem: this.editorProblem };
  }

  private configFor(dir: string): ConfigFile | undefined {
    const cached = this.byFolder.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const file = path.join(dir, "covenant.json");
    let found: ConfigFile | undefined;
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") found = { file, uri: pathToFileURL(file).toString(), problem: `cannot be read (${code ?? (e as Error).message})` };
    }
    if (text !== undefined) {
      const parsed = parseConfig(text);
      found = "problem" in parsed ? { file, uri: pathToFileURL(file).toString(), problem: parsed.problem } : { file, uri: pathToFileURL(file).toString(), config: parsed.config };
    }
    if (!found) {
      const parent = path.dirname(dir);
      found = parent !== dir ? this.configFor(parent) : undefined;
    }
    this.byFolder.set(dir, found ?? null);
    return found;
  }
}

function validEntries(rules: unknown): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (typeof rules !== "object" || rules === null || Array.isArray(rules)) return out;
  for (const [code, value] of Object.entries(rules as Record<string, unknown>)) {
    if (validateRules({ [code]: value }, "covenant.rules") === undefined) out[code] = value as RuleSetting;
  }
  return out;
}
