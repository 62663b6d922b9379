// The canonical layout: decides the whitespace between every two tokens or comments of a file.
// Only whitespace is ever decided here; tokens and comments are written as they are (docs/formatting.md).
import type { IToken, TokenType } from "chevrotain";
import { columns as width, lineEnding, ONE_LINE_WIDTH } from "../core/canonical-layout";
import * as T from "../core/tokens";
import { LINE_BLOCK_WORDS } from "../core/statements";

export type LayoutItemKind = "token" | "line-comment" | "block-comment";

export interface LayoutItem {
  kind: LayoutItemKind;
  /** Offsets in the original text; a line comment's trailing spaces are left out of it. */
  start: number;
  end: number;
  image: string;
  token?: IToken;
}

export interface Layout {
  items: LayoutItem[];
  /** gaps[k] is the whitespace written before items[k]; gaps[items.length] ends the file. */
  gaps: string[];
}

export interface LayoutInput {
  tokens: IToken[];
  comments: IToken[];
  statementStarts: number[];
}

type Spacing = "none" | "space" | "newline";

const TRAILING_SPACE = /[ \t\f\u00A0\uFEFF]+$/;
const LINE_BREAK = /\r\n|\r|\n/g;

/** Tokens and comments in text order; comments come from a separate lexer group. */
export function layoutItems(input: LayoutInput): LayoutItem[] {
  const items: LayoutItem[] = [];
  const { tokens, comments } = input;
  let t = 0;
  let c = 0;
  while (t < tokens.length || c < comments.length) {
    const takeComment = c < comments.length && (t >= tokens.length || comments[c].startOffset < tokens[t].startOffset);
    if (takeComment) {
      const cm = comments[c++];
      if (cm.tokenType === T.BlockComment || cm.tokenType === T.UnclosedBlockComment) {
        items.push({ kind: "block-comment", start: cm.startOffset, end: cm.startOffset + cm.image.length, image: cm.image });
      } else {
        // Trailing spaces of a `//` comment are layout, not content: they would be trailing whitespace.
        const image = cm.image.replace(TRAILING_SPACE, "");
        items.push({ kind: "line-comment", start: cm.startOffset, end: cm.startOffset + image.length, image });
      }
    } else {
      const tk = tokens[t++];
      items.push({ kind: "token", start: tk.startOffset, end: tk.startOffset + tk.image.length, image: tk.image, token: tk });
    }
  }
  return items;
}

function lineBreaks(s: string): number {
  LINE_BREAK.lastIndex = 0;
  let n = 0;
  while (LINE_BREAK.exec(s)) n++;
  return n;
}

function columnAfter(col: number, written: string): number {
  const lastBreak = Math.max(written.lastIndexOf("\n"), written.lastIndexOf("\r"));
  return lastBreak >= 0 ? width(written.slice(lastBreak + 1)) : col + width(written);
}

const NO_SPACE_BEFORE = new Set<TokenType>([T.Comma, T.Semicolon, T.Dot]);

/** Lays out a file that parsed without syntax errors. `indentUnit` is the spaces per brace level. */
export function layOut(text: string, input: LayoutInput, indentUnit: number): Layout {
  const items = layoutItems(input);
  const n = items.length;
  const gaps: string[] = new Array(n + 1);
  const bom = text.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
  if (n === 0) {
    gaps[0] = bom;
    return { items, gaps };
  }
  const eol = lineEnding(text);
  const statementStarts = new Set(input.statementStarts);

  const isToken = (k: number, type: TokenType): boolean => items[k]?.token?.tokenType === type;
  const isStatementStart = (k: number): boolean => items[k].kind === "token" && statementStarts.has(items[k].start);

  // Matching braces and the nearest token on each side of every item.
  const matching = new Map<number, number>();
  const prevToken: number[] = new Array(n);
  const nextToken: number[] = new Array(n);
  {
    const stack: number[] = [];
    let last = -1;
    for (let k = 0; k < n; k++) {
      prevToken[k] = last;
      if (items[k].kind !== "token") continue;
      if (isToken(k, T.LBrace)) stack.push(k);
      else if (isToken(k, T.RBrace) && stack.length > 0) {
        const open = stack.pop()!;
        matching.set(open, k);
        matching.set(k, open);
      }
      last = k;
    }
    let next = -1;
    for (let k = n - 1; k >= 0; k--) {
      if (items[k].kind === "token") next = k;
      nextToken[k] = next;
    }
  }

  /** Spacing between two tokens written on the same line. */
  const inLine = (t: number, k: number): "none" | "space" => {
    const before = items[t].token!.tokenType;
    const type = items[k].token!.tokenType;
    if (type === T.LBrace) return "space";
    if (NO_SPACE_BEFORE.has(type)) return "none";
    if (before === T.Dot) return "none";
    // The clock range `09:00-17:00` is written as one word.
    if (type === T.Minus || before === T.Minus) return "none";
    return "space";
  };

  const oneLine = new Map<number, boolean>();
  const open: number[] = [];

  /** Spacing between the token `t` and the token `k` that follows it, comments aside. */
  const structural = (t: number, k: number): Spacing => {
    if (isToken(k, T.RBrace)) {
      const o = matching.get(k);
      if (o === undefined) return "newline";
      if (o === k - 1) return "none";
      return oneLine.get(o) ? "space" : "newline";
    }
    if (isToken(t, T.LBrace)) return oneLine.get(t) ? "space" : "newline";
    if (isStatementStart(k)) return open.length > 0 && oneLine.get(open[open.length - 1]) ? "space" : "newline";
    return inLine(t, k);
  };

  /** Whether the token `k` continues a statement begun on an earlier line (it gets one more level). */
  const continuesStatement = (k: number): boolean => {
    const t = prevToken[k];
    if (t < 0 || isStatementStart(k)) return false;
    if (isToken(k, T.RBrace) || isToken(k, T.Semicolon)) return false;
    return !(isToken(t, T.LBrace) || isToken(t, T.RBrace) || isToken(t, T.Semicolon));
  };

  const indentOf = (k: number): number => {
    const depth = open.length;
    if (items[k].kind === "token") {
      if (isToken(k, T.RBrace)) return Math.max(0, depth - 1);
      return depth + (continuesStatement(k) ? 1 : 0);
    }
    const next = nextToken[k];
    if (next < 0 || isToken(next, T.RBrace)) return depth;
    return depth + (continuesStatement(next) ? 1 : 0);
  };

  /** A block stays on one line if written on one line, simple, comment-free and short enough. */
  const fitsOnOneLine = (o: number, col: number): boolean => {
    const c = matching.get(o);
    if (c === undefined || c < o) return false;
    if (c === o + 1) return true;
    // The block's keyword: the statement start nearest before the brace.
    let kw = o - 1;
    while (kw >= 0 && !isStatementStart(kw)) kw--;
    if (kw >= 0 && LINE_BLOCK_WORDS.has(items[kw].image)) return false;
    for (let k = o + 1; k < c; k++) {
      if (items[k].kind !== "token" || isToken(k, T.LBrace)) return false;
    }
    if (/[\r\n]/.test(text.slice(items[o].start, items[c].end))) return false;
    let w = col + 1;
    for (let k = o + 1; k <= c; k++) {
      const spaced = k === o + 1 || k === c || isStatementStart(k) || inLine(k - 1, k) === "space";
      w += (spaced ? 1 : 0) + width(items[k].image);
    }
    return w <= ONE_LINE_WIDTH;
  };

  let col = 0;
  let atBlockStart = false; // no blank line may follow a `{`
  let lineHasToken = false; // a block comment before any token on its line leads what follows it
  gaps[0] = bom;
  for (let k = 0; k < n; k++) {
    const item = items[k];
    if (k > 0) {
      const p = items[k - 1];
      const breaks = lineBreaks(text.slice(p.end, item.start));
      let spacing: Spacing;
      if (p.kind === "line-comment") spacing = "newline";
      else if (item.kind !== "token") spacing = breaks > 0 ? "newline" : "space";
      else if (p.kind === "block-comment") {
        if (breaks > 0) spacing = "newline";
        else if (!lineHasToken) spacing = isToken(k, T.RBrace) && structural(prevToken[k], k) === "newline" ? "newline" : "space";
        else spacing = structural(prevToken[k], k) === "newline" ? "newline" : "space";
      } else spacing = structural(k - 1, k);

      let gap: string;
      if (spacing === "newline") {
        const blank = breaks >= 2 && !atBlockStart && !isToken(k, T.RBrace);
        gap = (blank ? eol : "") + eol + " ".repeat(indentOf(k) * indentUnit);
        atBlockStart = false;
        lineHasToken = false;
        col = 0;
      } else gap = spacing === "space" ? " " : "";
      gaps[k] = gap;
      col = columnAfter(col, gap);
    }
    col = columnAfter(col, item.image);
    if (item.kind === "token") {
      lineHasToken = true;
      if (isToken(k, T.LBrace)) {
        const inline = fitsOnOneLine(k, col - 1);
        oneLine.set(k, inline);
        open.push(k);
        atBlockStart = !inline;
      } else if (isToken(k, T.RBrace) && open.length > 0) open.pop();
    }
  }
  gaps[n] = eol;
  return { items, gaps };
}

/** The text a layout describes. */
export function render(layout: Layout): string {
  const parts: string[] = [];
  for (let k = 0; k < layout.items.length; k++) parts.push(layout.gaps[k], layout.items[k].image);
  parts.push(layout.gaps[layout.items.length]);
  return parts.join("");
}
