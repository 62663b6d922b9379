// The Covenant formatter: one canonical layout (docs/formatting.md). Pure: text in, text or edits out.
import { parse, ParseOutput } from "../core/parser";
import { covenantLexer } from "../core/tokens";
import type { Range } from "../core/ast";
import { DEFAULT_INDENT } from "../core/canonical-layout";
import { layOut, layoutItems, render, Layout } from "./layout";
import { documentEdits, rangeEdits, OffsetRange, TextEdit } from "./edits";
import { statementMap } from "./statements";

export type { TextEdit, OffsetRange } from "./edits";
export { applyEdits } from "./edits";
export { ONE_LINE_WIDTH } from "../core/canonical-layout";

export interface FormatOptions {
  /** Spaces per brace level; 2 unless given. */
  indent?: number;
}

/** Why the formatter left the text alone; `range` is the first syntax error, when that is the reason. */
export interface FormatRefusal {
  error: string;
  range?: Range;
}

export type FormatResult = { text: string; changed: boolean } | FormatRefusal;
export type EditsResult = { edits: TextEdit[] } | FormatRefusal;

export { DEFAULT_INDENT };
const MAX_INDENT = 16;

interface Prepared {
  parsed: ParseOutput;
  layout: Layout;
  formatted: string;
}

/** Formats a whole document. Refuses (returns `error`) when the text has syntax errors. Never throws. */
export function format(text: string, options?: FormatOptions): FormatResult {
  const p = prepare(text, options);
  if ("error" in p) return p;
  return { text: p.formatted, changed: p.formatted !== text };
}

/** The smallest whitespace edits that turn the document into its formatted form. */
export function formatEdits(text: string, options?: FormatOptions): EditsResult {
  const p = prepare(text, options);
  if ("error" in p) return p;
  return guarded(() => ({ edits: documentEdits(text, p.layout) }));
}

/** The edits that format every statement the range (offsets) touches, nested blocks included. */
export function formatRangeEdits(text: string, range: OffsetRange, options?: FormatOptions): EditsResult {
  const p = prepare(text, options);
  if ("error" in p) return p;
  return guarded(() => {
    const statements = statementMap(text, p.layout.items, p.parsed.statementStarts);
    return { edits: rangeEdits(text, p.layout, statements, range) };
  });
}

function prepare(text: string, options?: FormatOptions): Prepared | FormatRefusal {
  const indent = options?.indent ?? DEFAULT_INDENT;
  if (!Number.isInteger(indent) || indent < 0 || indent > MAX_INDENT) {
    return { error: `indent must be a whole number of spaces from 0 to ${MAX_INDENT}, not ${String(indent)}` };
  }
  return guarded(() => {
    const parsed = parse(text);
    const errors = parsed.syntaxErrors;
    if (errors.length > 0) {
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
      return { error: `not formatted: the file has a syntax error: ${errors[0].message}${more}`, range: errors[0].range };
    }
    const layout = layOut(text, parsed, indent);
    const formatted = render(layout);
    const lost = lostContent(parsed, formatted);
    if (lost) return { error: `not formatted: the formatter would have changed the file's content (${lost}); please report this file` };
    return { parsed, layout, formatted };
  });
}

/**
 * The formatter only moves whitespace; this proves it on every run by lexing the result again. A line
 * comment may lose only trailing spaces. Returns what differs, or undefined.
 */
function lostContent(before: ParseOutput, formatted: string): string | undefined {
  const after = covenantLexer.tokenize(formatted);
  if (after.errors.length > 0) return "the result does not lex";
  const a = layoutItems({ tokens: before.tokens, comments: before.comments, statementStarts: [] });
  const b = layoutItems({ tokens: after.tokens, comments: after.groups.comments ?? [], statementStarts: [] });
  if (a.length !== b.length) return `${a.length} tokens and comments became ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i].kind !== b[i].kind || a[i].image !== b[i].image) return `'${a[i].image}' became '${b[i].image}'`;
  }
  return undefined;
}

function guarded<R>(work: () => R): R | FormatRefusal {
  try {
    return work();
  } catch (e) {
    // A bug in the formatter must never cost the user their text: report it instead.
    return { error: `not formatted: internal formatter error: ${(e as Error)?.message ?? String(e)}` };
  }
}
