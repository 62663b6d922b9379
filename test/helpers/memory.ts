// An in-memory workspace for core tests: file names map to texts under file:///ws/.
import { Program } from "../../server/src/core/program";
import type { Linked } from "../../server/src/core/link";
import type { Finding } from "../../server/src/core/findings";

export const WS = "file:///ws/";

export function memoryProgram(files: Record<string, string>): Program {
  return new Program({ read: (uri) => (uri.startsWith(WS) ? files[decodeURIComponent(uri.slice(WS.length))] : undefined) });
}

/** Links `main` (default the first file) of an in-memory workspace. */
export function linkFiles(files: Record<string, string>, main = Object.keys(files)[0]): Linked {
  const linked = memoryProgram(files).link(WS + main);
  if (!linked) throw new Error(`no file ${main}`);
  return linked;
}

/** `CODE@text` for each finding, where text is the source it covers: short and readable in assertions. */
export function summarize(findings: readonly Finding[], text: string): string[] {
  return findings.map((f) => `${f.code}@${text.slice(f.range.start, f.range.end)}`);
}
