// The `covenant.json` configuration: rule severities and the analysis date. Pure: the caller reads the file.
import { isBuiltinCode } from "../core/findings";
import { parseDate } from "../core/values";
import type { RuleSetting } from "./analyse";
import { CHECKS } from "./registry";

export interface CovenantConfig {
  rules: Record<string, RuleSetting>;
  today?: string;
}

const SETTINGS: readonly string[] = ["error", "warning", "info", "off"];

/** Parses and validates a configuration text; a problem is described in one line without the file name. */
export function parseConfig(text: string): { config: CovenantConfig } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { problem: "expected a JSON object like { \"rules\": { \"ESC008\": \"off\" } }" };
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== "rules" && key !== "today" && key !== "$schema") return { problem: `unknown setting "${key}" (known: "rules", "today")` };
  }
  const config: CovenantConfig = { rules: {} };
  if (obj.today !== undefined) {
    if (typeof obj.today !== "string" || !parseDate(obj.today)) return { problem: `"today" must be a date written YYYY-MM-DD, not ${JSON.stringify(obj.today)}` };
    config.today = obj.today;
  }
  if (obj.rules !== undefined) {
    const problem = validateRules(obj.rules, "\"rules\"");
    if (problem) return { problem };
    config.rules = obj.rules as Record<string, RuleSetting>;
  }
  return { config };
}

/** Checks a rules object (from covenant.json or the editor's `covenant.rules` setting). */
export function validateRules(rules: unknown, where: string): string | undefined {
  if (typeof rules !== "object" || rules === null || Array.isArray(rules)) return `${where} must be an object of rule codes to "error", "warning", "info" or "off"`;
  const known = new Set(CHECKS.map((c) => c.code));
  for (const [code, value] of Object.entries(rules as Record<string, unknown>)) {
    if (isBuiltinCode(code)) return `${where}: ${code} is a built-in error and cannot be changed`;
    if (!known.has(code)) return `${where}: unknown rule "${code}"`;
    if (typeof value !== "string" || !SETTINGS.includes(value)) return `${where}: ${code} must be "error", "warning", "info" or "off", not ${JSON.stringify(value)}`;
  }
  return undefined;
}
