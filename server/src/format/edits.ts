// Formatting as edits: only whitespace between tokens and comments ever changes, so each edit is one gap.
import type { Layout } from "./layout";
import type { StatementMap } from "./statements";

/** A replacement of the original text from `start` to `end` (offsets, `end` exclusive). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** Where the whitespace before items[k] (or after the last item, k = items.length) lies in the original text. */
function gapRange(text: string, layout: Layout, k: number): OffsetRange {
  const { items } = layout;
  return {
    start: k === 0 ? 0 : items[k - 1].end,
    end: k === items.length ? text.length : items[k].start,
  };
}

/** The smallest edit that turns the gap's old whitespace into the new one, or none. */
function gapEdit(text: string, at: OffsetRange, newGap: string): TextEdit | undefined {
  const old = text.slice(at.start, at.end);
  if (old === newGap) return undefined;
  let head = 0;
  while (head < old.length && head < newGap.length && old[head] === newGap[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < newGap.length - head && old[old.length - 1 - tail] === newGap[newGap.length - 1 - tail]) tail++;
  return { start: at.start + head, end: at.end - tail, newText: newGap.slice(head, newGap.length - tail) };
}

/** Every edit of the whole document, in text order, none overlapping. */
export function documentEdits(text: string, layout: Layout): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let k = 0; k <= layout.items.length; k++) {
    const e = gapEdit(text, gapRange(text, layout, k), layout.gaps[k]);
    if (e) edits.push(e);
  }
  return edits;
}

/**
 * The edits that format the statements a range touches: every statement (with all that is nested in it)
 * that has a token or comment inside the range, plus the whitespace inside the range itself.
 */
export function rangeEdits(text: string, layout: Layout, statements: StatementMap, range: OffsetRange): TextEdit[] {
  const { items } = layout;
  const from = Math.max(0, Math.min(range.start, range.end, text.length));
  const to = Math.min(text.length, Math.max(range.start, range.end));

  // A gap belongs to a scope [start, end) when it reaches its start and begins before its end: the gap
  // before a statement (its indentation) is the statement's, the one after it is not. The range itself
  // counts with its end included.
  const scopes: OffsetRange[] = [{ start: from, end: to + 1 }];
  const chosen = new Set<number>();
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const inside = from === to ? it.start <= from && from < it.end : it.start < to && it.end > from;
    if (!inside) continue;
    const s = statements.owner[k];
    if (s >= 0 && !chosen.has(s)) {
      chosen.add(s);
      scopes.push({ start: statements.spans[s].start, end: statements.spans[s].end });
    }
  }
  const merged = mergeScopes(scopes);

  const edits: TextEdit[] = [];
  let i = 0;
  for (let k = 0; k <= items.length; k++) {
    const at = gapRange(text, layout, k);
    while (i < merged.length && merged[i].end <= at.start) i++;
    if (i === merged.length) break;
    if (at.end < merged[i].start) continue;
    const e = gapEdit(text, at, layout.gaps[k]);
    if (e) edits.push(e);
  }
  return edits;
}

function mergeScopes(scopes: OffsetRange[]): OffsetRange[] {
  const sorted = [...scopes].sort((a, b) => a.start - b.start);
  const merged: OffsetRange[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Applies edits given in text order (for tests and the command line). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
