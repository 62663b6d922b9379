// The facts of the canonical layout (docs/formatting.md) that both the formatter and the quick fixes
// follow, so that a fixed file is already formatted: below format/ and analysis/, which both import it.

/** A block written on one line stays on one line if its line, up to the `}`, fits in this many columns. */
export const ONE_LINE_WIDTH = 120;

/** Spaces per brace level. */
export const DEFAULT_INDENT = 2;

/** The file's own line ending: CRLF when its first line break is CRLF. */
export function lineEnding(text: string): string {
  const i = text.indexOf("\n");
  return i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
}

/** Columns as a reader counts them: one per character, not per UTF-16 code unit. */
export function columns(s: string): number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}
