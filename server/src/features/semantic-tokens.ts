// Semantic tokens: tells keywords from names (keywords are contextual, so `tier operational` has a
// name where a TextMate grammar sees a keyword), and names by what they name.
import * as T from "../core/tokens";
import type { DeclKind } from "../core/link";
import type { DocumentAnalysis } from "./analysis";
import { hasLeft } from "./ladder";
import type { PersonInfo } from "../core/link";
import { partyInfos } from "./describe";

import { TOKEN_TYPES, TOKEN_MODIFIERS, TokenTypeName } from "./token-legend";

export { TOKEN_TYPES, TOKEN_MODIFIERS };
export type { TokenTypeName };

export interface SemanticToken {
  start: number;
  length: number;
  type: TokenTypeName;
  /** Bit set over TOKEN_MODIFIERS. */
  modifiers: number;
}

/** Fields of the tree that hold a word from a closed set rather than a name. */
const WORD_KEYS = new Set([
  "contractKind", "side", "level", "criticality", "window", "coverage", "comparator", "direction", "action", "meets",
  "dimension", "notice", "interimRelief", "value", "arrangement", "form", "requests", "workdays", "cadence",
]);
const VALUE_KINDS = new Set(["duration", "date", "time", "percent", "number"]);

interface Spot {
  start: number;
  end: number;
  word: boolean;
}

/** Every name and closed-set word in the tree, found by field (the tree has no cycles). */
function collect(node: unknown, key: string, out: Spot[], ranges: { start: number; end: number }[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, key, out, ranges);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const o = node as Record<string, unknown>;
  if (typeof o.kind === "string" && VALUE_KINDS.has(o.kind)) {
    ranges.push(o.range as { start: number; end: number });
    return;
  }
  if (typeof o.text === "string" && typeof o.range === "object" && o.kind === undefined) {
    const r = o.range as { start: number; end: number };
    out.push({ start: r.start, end: r.end, word: WORD_KEYS.has(key) });
    return;
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === "range" || k === "keyword" || k === "doc") continue;
    collect(v, k, out, ranges);
  }
}

export function semanticTokens(analysis: DocumentAnalysis): SemanticToken[] {
  const linked = analysis.linked;
  const spots: Spot[] = [];
  const values: { start: number; end: number }[] = [];
  collect(linked.file.parsed.file, "", spots, values);
  const byStart = new Map<number, SemanticToken>();
  const left = new Set<PersonInfo["person"]>();
  for (const p of partyInfos(linked)) for (const person of p.people.values()) if (hasLeft(person, analysis.today)) left.add(person.person);

  for (const o of linked.occurrences) {
    const kind: DeclKind = o.decl.kind;
    let modifiers = o.isDeclaration ? 1 : 0;
    if (kind === "person" && left.has(o.decl.node as PersonInfo["person"])) modifiers |= 2;
    byStart.set(o.range.start, { start: o.range.start, length: o.range.end - o.range.start, type: kind === "matter" ? "variable" : kind, modifiers });
  }
  for (const s of spots) {
    if (byStart.has(s.start)) continue;
    byStart.set(s.start, { start: s.start, length: s.end - s.start, type: s.word ? "enumMember" : "variable", modifiers: 0 });
  }
  values.sort((a, b) => a.start - b.start);
  let v = 0;
  for (const t of linked.file.parsed.tokens) {
    if (!T.isWordToken(t.tokenType) || byStart.has(t.startOffset)) continue;
    while (v < values.length && values[v].end <= t.startOffset) v++;
    // Units inside a duration (`5 business days`) are part of a value, not keywords.
    if (v < values.length && values[v].start <= t.startOffset) continue;
    byStart.set(t.startOffset, { start: t.startOffset, length: t.image.length, type: "keyword", modifiers: 0 });
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
