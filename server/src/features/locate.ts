// Finding what stands at an offset: a name that refers to a declaration, a finding, a token.
import type { IToken } from "chevrotain";
import type { Range } from "../core/ast";
import type { Decl, Linked, Occurrence } from "../core/link";
import type { Finding } from "../core/findings";

/** A declaration's identity across separate links: the file and where its name stands. */
export function declKey(d: Pick<Decl, "uri" | "nameRange">): string {
  return `${d.uri}#${d.nameRange.start}`;
}

/** True when the cursor at `offset` touches `range` (inside it, or just after its last character). */
export function touches(range: Range, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** The name at `offset` that refers to a declaration (or is one); a name under the cursor wins over one just before it. */
export function occurrenceAt(linked: Linked, offset: number): Occurrence | undefined {
  let after: Occurrence | undefined;
  for (const o of linked.occurrences) {
    if (o.range.start <= offset && offset < o.range.end) return o;
    if (o.range.end === offset) after = o;
  }
  return after;
}

/** Findings whose range holds `offset`. */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((f) => f.range.start <= offset && (offset < f.range.end || (f.range.start === f.range.end && offset === f.range.start)));
}

/** Index of the last token that starts before `offset`, or -1 (binary search over the token stream). */
export function tokenIndexBefore(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** The token that holds `offset` (or ends exactly there), or undefined. */
export function tokenAt(tokens: readonly IToken[], offset: number): IToken | undefined {
  const i = tokenIndexBefore(tokens, offset + 1);
  const t = i >= 0 ? tokens[i] : undefined;
  return t && offset <= tokenEnd(t) ? t : undefined;
}

/** Every declaration of the linked file set that has this identity (a decl object is per link). */
export function sameDecl(a: Pick<Decl, "uri" | "nameRange">, b: Pick<Decl, "uri" | "nameRange">): boolean {
  return a.uri === b.uri && a.nameRange.start === b.nameRange.start;
}
