// "Did you mean": the declared name or allowed word nearest to a mistyped one. One measure for the whole
// tool (names, value words, statement keywords, command-line options).
import type { Range } from "./ast";
import type { Fix } from "./findings";

/** Edits between two words: insertions, deletions, substitutions, and swaps of neighbours ("cms" → "csm"), as people mistype. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** How far a word may be from what was meant: one edit up to five letters, two from six ("calender"). */
export function allowedDistance(word: string): number {
  return Math.min(2, Math.max(1, Math.floor(word.length / 3)));
}

/** A word a mistyped one may have meant; `text` replaces the written word (a qualified name, say). */
export interface Candidate {
  word: string;
  text?: string;
}

export interface Suggestion {
  /** The replacements at the smallest distance, in the candidates' order (one when a single one stands out). */
  texts: string[];
}

/** The candidates nearest to `written`, within the allowed distance; undefined when none is near. */
export function suggest(written: string, candidates: Iterable<string | Candidate>): Suggestion | undefined {
  const limit = allowedDistance(written);
  let best = limit + 1;
  let texts: string[] = [];
  for (const c of candidates) {
    const { word, text = word } = typeof c === "string" ? { word: c } : c;
    if (word === written && text === written) continue;
    const d = editDistance(written, word);
    if (d > limit || d > best) continue;
    if (d < best) { best = d; texts = []; }
    if (!texts.includes(text)) texts.push(text);
  }
  return texts.length > 0 ? { texts } : undefined;
}

/** "; did you mean 'a'?" or "; did you mean 'a' or 'b'?" (empty without a suggestion). */
export function didYouMean(s: Suggestion | undefined): string {
  if (!s) return "";
  const quoted = s.texts.map((t) => `'${t}'`);
  return `; did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`}?`;
}

/** The quick fix of a spelling: only when exactly one replacement stands out. Not applied by "fix all on save". */
export function spellingFix(written: string, range: Range, s: Suggestion | undefined): Fix | undefined {
  if (!s || s.texts.length !== 1) return undefined;
  return { title: `Change '${written}' to '${s.texts[0]}'`, edits: [{ start: range.start, end: range.end, text: s.texts[0] }], guess: true };
}
