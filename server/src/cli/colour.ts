// Whether output is coloured: only on a terminal, unless the user or the environment says otherwise.
import type { Severity } from "../core/findings";

/**
 * `--color`/`--no-color` win; then FORCE_COLOR (set and not "0"/"false") turns colour on and NO_COLOR
 * (set and not empty, no-color.org) turns it off, in Node's own order; otherwise colour on a terminal.
 */
export function shouldColour(isTTY: boolean, env: Record<string, string | undefined>, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}

export interface Paint {
  severity(s: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const SEVERITY_COLOUR: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };

export function paint(colour: boolean): Paint {
  if (!colour) return { severity: (_s, t) => t, bold: (t) => t, dim: (t) => t };
  return {
    severity: (s, t) => `${SEVERITY_COLOUR[s]}${t}\x1b[0m`,
    bold: (t) => `\x1b[1m${t}\x1b[0m`,
    dim: (t) => `\x1b[2m${t}\x1b[0m`,
  };
}
