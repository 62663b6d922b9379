// Quick-fix text in the canonical layout (docs/formatting.md): statements one per line, two spaces per
// brace level, the file's own line ending; short one-line blocks stay on one line.
import type { IToken } from "chevrotain";
import type * as A from "../core/ast";
import type { TextEdit } from "../core/findings";
import type { Linked } from "../core/link";
import * as T from "../core/tokens";
import { BLOCK_STATEMENTS, BlockKind, StatementOf } from "../core/statements";
import { columns, DEFAULT_INDENT, lineEnding, ONE_LINE_WIDTH } from "../core/canonical-layout";

const UNIT = " ".repeat(DEFAULT_INDENT);

/** A statement to insert: its lines, indented relative to the statement's own first line. */
export type Lines = string[];

type Braced = { range: A.Range; keyword: A.Range };

export class FixText {
  readonly text: string;
  readonly eol: string;
  private readonly parsed: Linked["file"]["parsed"];
  private readonly statementStarts: readonly number[];
  private startSet: Set<number> | undefined;

  constructor(linked: Linked) {
    this.text = linked.file.text;
    this.parsed = linked.file.parsed;
    this.statementStarts = this.parsed.statementStarts;
    this.eol = lineEnding(this.text);
  }

  /** Read when a fix is laid out: the server lexes the text again then (core/incremental.ts, `lexedOnDemand`). */
  private get tokens(): IToken[] {
    return this.parsed.tokens;
  }

  private get comments(): IToken[] {
    return this.parsed.comments;
  }

  /** Built when a fix is first laid out: checks take a FixText on every analysis, most never use it. */
  private get starts(): Set<number> {
    return (this.startSet ??= new Set(this.statementStarts));
  }

  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== "\n" && this.text[i - 1] !== "\r") i--;
    return i;
  }

  /** The spaces and tabs that start the line holding `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  firstOnLine(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  private sameLine(a: number, b: number): boolean {
    return !/[\r\n]/.test(this.text.slice(Math.min(a, b), Math.max(a, b)));
  }

  /** The block's `{`, the first brace after its keyword. */
  openBrace(block: Braced): number | undefined {
    for (let i = firstAtOrAfter(this.tokens, block.keyword.end); i < this.tokens.length && this.tokens[i].startOffset < block.range.end; i++) {
      if (this.tokens[i].tokenType === T.LBrace) return this.tokens[i].startOffset;
    }
    return undefined;
  }

  /** The block's closing `}`; undefined when the block was cut short. */
  closeBrace(block: Braced): number | undefined {
    const at = block.range.end - 1;
    return at >= 0 && this.text[at] === "}" ? at : undefined;
  }

  /** Offsets of the statements written directly in the block (not inside a nested block). */
  directStatements(open: number, close: number): number[] {
    const out: number[] = [];
    let depth = 0;
    for (let i = firstAtOrAfter(this.tokens, open + 1); i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.startOffset >= close) break;
      if (depth === 0 && this.starts.has(t.startOffset)) out.push(t.startOffset);
      if (t.tokenType === T.LBrace) depth++;
      else if (t.tokenType === T.RBrace) depth--;
    }
    return out;
  }

  private hasComment(from: number, to: number): boolean {
    const i = firstAtOrAfter(this.comments, from);
    return i < this.comments.length && this.comments[i].startOffset < to;
  }

  /** The indentation of statements inside the block. */
  innerIndent(block: Braced, open: number, close: number): string {
    const direct = this.directStatements(open, close);
    const last = direct[direct.length - 1];
    if (last !== undefined && this.firstOnLine(last) && !this.sameLine(open, last)) return this.indentAt(last);
    return this.indentAt(block.keyword.start) + UNIT;
  }

  /**
   * Inserts statements into a block: before the statement at `before`, else at the end. Keeps a one-line
   * block on one line while it stays short and simple, else lays the block out one statement per line.
   * `separate` puts a blank line before a new block at the end of a contract (as the samples are laid out).
   */
  insert(block: Braced, statements: Lines[], options: { before?: number; separate?: boolean } = {}): TextEdit[] | undefined {
    const open = this.openBrace(block);
    const close = this.closeBrace(block);
    if (open === undefined || close === undefined || close < open || statements.length === 0) return undefined;
    const eol = this.eol;
    const anchor = options.before ?? close;
    const multiLine = /[\r\n]/.test(this.text.slice(open, close));
    if (multiLine) {
      const indent = options.before !== undefined && this.firstOnLine(anchor) ? this.indentAt(anchor) : this.innerIndent(block, open, close);
      const body = statements.map((s) => s.map((l) => (l === "" ? "" : indent + l)).join(eol)).join(eol);
      if (this.firstOnLine(anchor)) {
        const at = this.lineStart(anchor);
        const previousLine = this.text.slice(this.lineStart(Math.max(0, at - 1)), at).trim();
        const blank = options.separate && anchor === close && previousLine !== "" && this.lineStart(Math.max(0, at - 1)) > open ? eol : "";
        return [{ start: at, end: at, text: blank + body + eol }];
      }
      // The anchor shares its line with something before it: break the line there.
      let ws = anchor;
      while (ws > open + 1 && (this.text[ws - 1] === " " || this.text[ws - 1] === "\t")) ws--;
      const after = anchor === close ? this.indentAt(block.keyword.start) : indent;
      return [{ start: ws, end: anchor, text: eol + body + eol + after }];
    }
    const direct = this.directStatements(open, close);
    const oneLiners = statements.every((s) => s.length === 1) && !this.hasComment(open, close);
    if (oneLiners) {
      const added = statements.map((s) => s[0]).join(" ");
      const lineEnd = columns(this.text.slice(this.lineStart(open), close).trimEnd()) + columns(added) + 3;
      if (lineEnd <= ONE_LINE_WIDTH) {
        if (options.before !== undefined) return [{ start: anchor, end: anchor, text: added + " " }];
        let ws = close;
        while (ws > open + 1 && /[ \t]/.test(this.text[ws - 1])) ws--;
        return [{ start: ws, end: close, text: " " + added + " " }];
      }
    }
    // Rewrite the one-line block one statement per line, the new statements in their place.
    const existing: Lines[] = direct.map((s, i) => [this.text.slice(s, direct[i + 1] ?? close).trim()]);
    const at = options.before === undefined ? existing.length : Math.max(0, direct.indexOf(anchor));
    const all = [...existing.slice(0, at), ...statements, ...existing.slice(at)];
    const outer = this.indentAt(block.keyword.start);
    const inner = outer + UNIT;
    const body = all.map((s) => s.map((l) => (l === "" ? "" : inner + l)).join(eol)).join(eol);
    return [{ start: open + 1, end: close, text: eol + body + eol + outer }];
  }

  /**
   * Where a statement goes in the canonical order of its block (core/statements.ts): before the first statement
   * written directly in the block whose keyword comes later in `order`; undefined means at the end.
   */
  anchorFor(block: Braced, order: readonly string[], keyword: string): number | undefined {
    const open = this.openBrace(block);
    const close = this.closeBrace(block);
    if (open === undefined || close === undefined) return undefined;
    const rank = order.indexOf(keyword);
    for (const s of this.directStatements(open, close)) {
      const word = /^[A-Za-z][\w-]*/.exec(this.text.slice(s, s + 40))?.[0] ?? "";
      const r = order.indexOf(word);
      if (r > rank) return s;
    }
    return undefined;
  }

  /** Inserts statements that start with `keyword` at their canonical place in a block of that kind. */
  insertInOrder<B extends BlockKind>(block: Braced, kind: B, keyword: StatementOf<B>, statements: Lines[]): TextEdit[] | undefined {
    return this.insert(block, statements, { before: this.anchorFor(block, BLOCK_STATEMENTS[kind], keyword) });
  }

  /** Inserts words right after `offset` on the same line (a field after a holder, names after a list). */
  insertAt(offset: number, text: string): TextEdit[] {
    return [{ start: offset, end: offset, text }];
  }

  replace(range: A.Range, text: string): TextEdit[] {
    return [{ start: range.start, end: range.end, text }];
  }
}

const cache = new WeakMap<Linked, FixText>();

/** The index of the first token that starts at or after `offset` (tokens are in source order). */
function firstAtOrAfter(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function fixText(linked: Linked): FixText {
  let f = cache.get(linked);
  if (!f) cache.set(linked, (f = new FixText(linked)));
  return f;
}

/** A statement of one line. */
export function line(text: string): Lines {
  return [text];
}

/** A block statement: a header line, its body lines indented one level, and the closing brace. */
export function block(header: string, body: Lines[]): Lines {
  return [`${header} {`, ...body.flatMap((s) => s.map((l) => UNIT + l)), "}"];
}

/** A string literal with the escapes of the language. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
