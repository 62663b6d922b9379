// Re-parsing after an edit (issue 13): only the innermost block the edit falls in is lexed and parsed
// again; the rest of the tree is kept, and the offsets after the edit are shifted. Whenever the reuse
// cannot be shown to give what a full parse gives, `reparse` says so (undefined) and the caller parses
// the whole text. `test/unit/incremental.test.ts` holds the two equal over random edit sequences.
//
// Why the reuse is safe when every condition below holds: the text up to the end of the block's keyword is
// unchanged (and nothing typed against it), so the tokens before the block, its keyword and the parser's
// state on reaching it are those of the last parse, and the enclosing block, which chooses a statement by
// its first word alone, chooses this block's rule again; the block
// was complete and held no syntax error, so its rule read exactly its own tokens from its keyword to its
// closing brace; the new text of the block parses with no error as one block of the same kind that ends
// at the same brace (lexed with no comment or string left open), so a full parse reads it the same way
// and resumes after it at the same tokens as before, shifted by the edit's length.
import type * as A from "./ast";
import { parseBlock, ParseOutput } from "./parser";
import type { BlockKind, NodeKind } from "./statements";
import * as T from "./tokens";
import { childBlocks, topBlocks } from "./walk";

/** The edit that turns `before` into `after`: [start, oldEnd) of `before` became [start, newEnd) of `after`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one replaced span between two texts (common prefix and suffix); undefined when they are equal. */
export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  flatten(before);
  flatten(after);
  const max = Math.min(before.length, after.length);
  let start = 0;
  for (let step = CHUNK; start + step <= max && before.slice(start, start + step) === after.slice(start, start + step); ) start += step;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd - CHUNK >= start && newEnd - CHUNK >= start && before.slice(oldEnd - CHUNK, oldEnd) === after.slice(newEnd - CHUNK, newEnd)) {
    oldEnd -= CHUNK;
    newEnd -= CHUNK;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

const CHUNK = 512;
/** Read by nobody; written so that the conversion in `flatten` has a use. */
export let flattened = 0;

/**
 * Editors build the new text by concatenation (a rope in V8), on which each `charCodeAt` walks the pieces:
 * comparing the two texts of an edit in a 5,000-line contract took 7 ms, 0.2 ms once flat. Converting a
 * string to a number flattens it in place (the result is kept so that the conversion is not optimised away).
 */
function flatten(s: string): void {
  flattened ^= Number(s) | 0;
}

/**
 * The parse of `after`, reusing `old` (the parse of `before`) outside the block the edit falls in; or
 * undefined when a full parse is needed. `old`'s tree is updated in place and becomes the new tree: the
 * caller must not use `old` (nor anything built on it) for `before` again.
 */
export function reparse(old: ParseOutput, before: string, after: string): ParseOutput | undefined {
  const change = changeBetween(before, after);
  if (!change) return old;
  const chain = enclosingBlocks(old.file, change);
  // A block recovery left incomplete around the edit may owe that to text inside the block (a brace taken
  // out and put back): the edit could then change the parse outside the block.
  if (chain.some((b) => b.incomplete)) return undefined;
  // Innermost first; the first block whose new text parses cleanly is used.
  for (let i = chain.length - 1; i >= 0; i--) {
    const block = chain[i];
    if (block.incomplete) return undefined;
    if (block.kind === "calendar" && (block as A.Calendar).topLevel) return undefined;
    if (old.syntaxErrors.some((e) => e.range.start < block.range.end && e.range.end > block.range.start)) return undefined;
    const delta = change.newEnd - change.oldEnd;
    const end = block.range.end + delta;
    const enclosing: NodeKind[] = ["document", ...chain.slice(0, i).map((b) => b.kind as NodeKind)];
    const arg = block.kind === "party" ? (block as A.Party).topLevel : undefined;
    const fresh = parseBlock(after, block.range.start, end, block.kind as BlockKind, enclosing, arg);
    const node = fresh.node;
    if (!node || fresh.unclosed || !fresh.all || fresh.syntaxErrors.length > 0 || node.incomplete || node.kind !== block.kind) continue;
    if (node.range.start !== block.range.start || node.range.end !== end) continue;
    // The enclosing block chose this block's rule by its keyword alone (every statement of a block starts
    // with its own word): the keyword must be the same token, with no character typed against it.
    if (change.start <= block.keyword.end) continue;
    return splice(after, old, chain[i - 1], block, node, fresh, delta);
  }
  return undefined;
}

/** The blocks whose range holds the edit strictly inside (keyword and closing brace untouched), outermost first. */
function enclosingBlocks(file: A.CovenantFile, change: TextChange): A.Block[] {
  const chain: A.Block[] = [];
  let level = topBlocks(file);
  for (;;) {
    const next = level.find((b) => b.range.start < change.start && change.oldEnd < b.range.end);
    if (!next) return chain;
    chain.push(next);
    level = childBlocks(next);
  }
}

function splice(text: string, old: ParseOutput, parent: A.Block | undefined, block: A.Block, node: A.Block, fresh: ReturnType<typeof parseBlock>, delta: number): ParseOutput | undefined {
  const holder = (parent ?? old.file) as unknown as Record<string, unknown>;
  let replaced = false;
  for (const key of Object.keys(holder)) {
    const v = holder[key];
    if (v === block) {
      holder[key] = node;
      replaced = true;
    } else if (Array.isArray(v)) {
      const at = v.indexOf(block);
      if (at >= 0) {
        v[at] = node;
        replaced = true;
      }
    }
  }
  if (!replaced) return undefined;
  if ("doc" in block) node.doc = block.doc;
  const from = block.range.start;
  const to = block.range.end;
  // The lists hold some objects of the tree too (a value; an import's keyword in a syntax error): what
  // the tree's walk did not move (its start is as it was) is moved here, so each range moves once.
  const syntaxErrors = old.syntaxErrors.slice();
  const later = old.repeats.slice(firstAtOrAfter(old.repeats, to, (r) => r.range.start));
  const i0 = firstAtOrAfter(old.values, from, (v) => v.range.start);
  const j0 = firstAtOrAfter(old.values, to, (v) => v.range.start);
  const held: A.Range[] = [];
  const startsBefore: number[] = [];
  const hold = (r: A.Range): void => {
    if (r.start >= to) { held.push(r); startsBefore.push(r.start); }
  };
  for (const x of syntaxErrors) hold(x.range);
  for (const x of later) hold(x.range);
  for (let k = j0; k < old.values.length; k++) hold(old.values[k].range);
  if (delta !== 0) {
    shiftTree(old.file, to, delta, node);
    for (let k = 0; k < held.length; k++) if (held[k].start === startsBefore[k]) shiftRange(held[k], to, delta);
  }
  const repeats = old.repeats.slice(0, firstAtOrAfter(old.repeats, from, (r) => r.range.start)).concat(fresh.repeats, later);
  // The old lists are changed in place, like the old tree (which is this one now): a log holds tens of
  // thousands of values and statements, and copying them was a third of an edit's splice.
  const values = old.values;
  replaceRun(values, i0, j0 - i0, fresh.values);
  const statementStarts = old.statementStarts;
  const i = firstAtOrAfter(statementStarts, from, (s) => s);
  const j = firstAtOrAfter(statementStarts, to, (s) => s);
  replaceRun(statementStarts, i, j - i, fresh.statementStarts);
  if (delta !== 0) for (let k = i + fresh.statementStarts.length; k < statementStarts.length; k++) statementStarts[k] += delta;
  return lexedOnDemand({ file: old.file, tokens: [], comments: [], syntaxErrors, repeats, values, statementStarts }, text);
}

/**
 * Makes `out.tokens` and `out.comments` lex `text` when read, and keeps what was lexed only until the next
 * garbage collection (a `WeakRef`): a document's analysis then holds its tree but no token array between
 * edits (completion, formatting, semantic tokens and quick fixes lex again, about 1 ms per 1,000 lines).
 */
export function lexedOnDemand(out: ParseOutput, text: string): ParseOutput {
  type Lexed = { tokens: ParseOutput["tokens"]; comments: ParseOutput["comments"] };
  // What the parse lexed is kept as long as something else holds it.
  let held: WeakRef<Lexed> | undefined = out.tokens.length > 0 || out.comments.length > 0 ? new WeakRef({ tokens: out.tokens, comments: out.comments }) : undefined;
  const lexed = (): Lexed => {
    let l = held?.deref();
    if (!l) {
      const r = T.covenantLexer.tokenize(text);
      l = { tokens: r.tokens, comments: r.groups.comments ?? [] };
      held = new WeakRef(l);
    }
    return l;
  };
  Object.defineProperty(out, "tokens", { get: () => lexed().tokens, enumerable: true, configurable: true });
  Object.defineProperty(out, "comments", { get: () => lexed().comments, enumerable: true, configurable: true });
  return out;
}

/** `list.splice(start, count, ...items)`, without spreading a long list into arguments (a block of a big log). */
function replaceRun<V>(list: V[], start: number, count: number, items: readonly V[]): void {
  if (items.length <= 1024) {
    list.splice(start, count, ...items);
    return;
  }
  const tail = list.slice(start + count);
  list.length = start;
  for (const x of items) list.push(x);
  for (const x of tail) list.push(x);
}

function firstAtOrAfter<V>(list: readonly V[], offset: number, at: (v: V) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shiftRange(r: A.Range, from: number, delta: number): void {
  if (r.start >= from) r.start += delta;
  if (r.end >= from) r.end += delta;
}

/**
 * Adds `delta` to every offset at or after `from` in the tree under `root`, skipping `skip` (the new block,
 * already in the new offsets) and everything whose range ends before `from`. The tree holds a few range
 * objects twice (a bare reference's range is its name's; a contract's calendar keyword may be its
 * calendar's); those are moved once. No set of visited objects: hashing every object cost more than the
 * walk itself (about 20 against 3 ms for half of a 5,000-line contract).
 */
function shiftTree(root: object, from: number, delta: number, skip: object): void {
  const stack: object[] = [root];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (o === skip) continue;
    if (Array.isArray(o)) {
      for (const v of o) if (v !== null && typeof v === "object") stack.push(v);
      continue;
    }
    const rec = o as Record<string, unknown>;
    if (typeof rec.start === "number" && typeof rec.end === "number") {
      shiftRange(rec as unknown as A.Range, from, delta);
      continue;
    }
    const range = rec.range as A.Range | undefined;
    if (range && typeof range === "object" && range.end < from) continue;
    // The one offset outside a range: where a dispute step's body starts.
    if (typeof rec.bodyStart === "number" && rec.bodyStart >= from) rec.bodyStart += delta;
    const sharedRange = (rec.name as A.Name | undefined)?.range === range;
    const sharedKeyword = rec.calendarKeyword !== undefined && (rec.calendar as A.Calendar | undefined)?.keyword === rec.calendarKeyword;
    for (const key in rec) {
      if ((key === "range" && sharedRange) || (key === "calendarKeyword" && sharedKeyword)) continue;
      const v = rec[key];
      if (v !== null && typeof v === "object") stack.push(v);
    }
  }
}
