// Where each statement and declaration lies, nested blocks included: range formatting works on whole statements.
import * as T from "../core/tokens";
import type { LayoutItem } from "./layout";

export interface StatementSpan {
  /** Item indices of its first and last token; comments on the line of the last token belong to it too. */
  first: number;
  last: number;
  /** Offsets from its first token to the end of its last token or trailing comment. */
  start: number;
  end: number;
}

export interface StatementMap {
  spans: StatementSpan[];
  /** For every item, the index in `spans` of the innermost statement it belongs to, or -1. */
  owner: number[];
}

/** Statements are found from the offsets the parser records and the braces around them. */
export function statementMap(text: string, items: LayoutItem[], statementStarts: number[]): StatementMap {
  const starts = new Set(statementStarts);
  const spans: StatementSpan[] = [];
  const owner: number[] = new Array(items.length).fill(-1);
  const openSpans: { span: number; depth: number }[] = [];
  let depth = 0;
  let lastToken = -1;

  const closeFrom = (minDepth: number): void => {
    while (openSpans.length > 0 && openSpans[openSpans.length - 1].depth >= minDepth) {
      const s = spans[openSpans.pop()!.span];
      s.last = Math.max(s.first, lastToken);
      s.end = items[s.last].end;
    }
  };

  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item.kind !== "token") continue;
    const type = item.token!.tokenType;
    if (type === T.RBrace) {
      closeFrom(depth);
      depth = Math.max(0, depth - 1);
    } else if (starts.has(item.start)) {
      closeFrom(depth);
      spans.push({ first: k, last: k, start: item.start, end: item.end });
      openSpans.push({ span: spans.length - 1, depth });
    }
    owner[k] = openSpans.length > 0 ? openSpans[openSpans.length - 1].span : -1;
    if (type === T.LBrace) depth++;
    lastToken = k;
  }
  closeFrom(0);

  // A comment on the line of a token belongs with that token's statement; a comment on a line of its
  // own belongs to the statement it leads, and to none before a `}` (only its own line is then formatted).
  for (let k = items.length - 1, nextToken = -1; k >= 0; k--) {
    if (items[k].kind === "token") {
      nextToken = k;
      continue;
    }
    const trailing = k > 0 && !/[\r\n]/.test(text.slice(items[k - 1].end, items[k].start));
    if (trailing) continue;
    if (nextToken >= 0 && items[nextToken].token!.tokenType !== T.RBrace) owner[k] = owner[nextToken];
  }
  for (let k = 1; k < items.length; k++) {
    if (items[k].kind !== "token" && !/[\r\n]/.test(text.slice(items[k - 1].end, items[k].start))) owner[k] = owner[k - 1];
  }
  // Comments on the line where a statement ends are its trailing comments.
  for (const s of spans) {
    for (let k = s.last + 1; k < items.length && items[k].kind !== "token"; k++) {
      if (/[\r\n]/.test(text.slice(items[k - 1].end, items[k].start))) break;
      s.end = items[k].end;
    }
  }
  return { spans, owner };
}
