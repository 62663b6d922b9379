// The Covenant vocabulary: token types for Chevrotain, created once.
// Keywords are contextual: each keyword token is also an Identifier (token category), so that
// `tier operational` or a role named `review` parse wherever a name is expected.
import { createToken, ILexingResult, IToken, Lexer, TokenType } from "chevrotain";
import { KEYWORDS, UNIT_WORDS, Keyword, UnitWord } from "./statements";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\uFEFF\u00A0]+/, group: Lexer.SKIPPED, line_breaks: true });
export const DocComment = createToken({ name: "DocComment", pattern: /\/\/\/[^\r\n]*/, group: "comments" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
/** An unclosed block comment runs to the end of the file; it is reported as a syntax error. */
export const UnclosedBlockComment = createToken({ name: "UnclosedBlockComment", pattern: /\/\*[\s\S]*/, group: "comments", line_breaks: true });

export const StringLiteral = createToken({ name: "String", pattern: /"(?:[^"\\\r\n]|\\.)*"/ });
/** A string with no closing quote on its line; reported as a syntax error and parsed as a string. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\r\n]|\\.)*\\?/, categories: [StringLiteral] });

export const DateLiteral = createToken({ name: "Date", pattern: /\d{4}-\d{2}-\d{2}/ });
/** Periods of measured service levels (operations.md): `2026-01`, `2026-Q1`; a date wins where both match. */
export const MonthLiteral = createToken({ name: "Month", pattern: /\d{4}-\d{2}/ });
export const QuarterLiteral = createToken({ name: "Quarter", pattern: /\d{4}-Q\d/ });
export const TimeLiteral = createToken({ name: "Time", pattern: /\d{2}:\d{2}/ });
export const Percent = createToken({ name: "Percent", pattern: /\d+(?:\.\d+)?%/ });
export const Around = createToken({ name: "Around", pattern: /24x7/ });
export const NumberLiteral = createToken({ name: "Number", pattern: /\d+(?:\.\d+)?/ });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/ });
/** Units of a duration: a number followed by one of these is always a duration. */
export const Unit = createToken({ name: "Unit", pattern: Lexer.NA });

export const LBrace = createToken({ name: "LBrace", pattern: "{" });
export const RBrace = createToken({ name: "RBrace", pattern: "}" });
export const Comma = createToken({ name: "Comma", pattern: "," });
export const Dot = createToken({ name: "Dot", pattern: "." });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";" });
export const Arrow = createToken({ name: "Arrow", pattern: "->" });
export const Minus = createToken({ name: "Minus", pattern: "-" });
export const LessEqual = createToken({ name: "LessEqual", pattern: "<=" });
export const GreaterEqual = createToken({ name: "GreaterEqual", pattern: ">=" });
export const Less = createToken({ name: "Less", pattern: "<" });
export const Greater = createToken({ name: "Greater", pattern: ">" });
export const Equals = createToken({ name: "Equals", pattern: "=" });
export const Comparator = createToken({ name: "Comparator", pattern: Lexer.NA });
for (const t of [LessEqual, GreaterEqual, Less, Greater, Equals]) t.CATEGORIES = [Comparator];

export { KEYWORDS, UNIT_WORDS } from "./statements";
export type { Keyword, UnitWord } from "./statements";

function keywordToken(word: string, extraCategories: TokenType[] = []): TokenType {
  return createToken({
    name: "kw_" + word,
    pattern: word,
    longer_alt: Identifier,
    categories: [Identifier, ...extraCategories],
  });
}

export const K = {} as Record<Keyword, TokenType>;
for (const w of KEYWORDS) K[w] = keywordToken(w);
export const U = {} as Record<UnitWord, TokenType>;
for (const w of UNIT_WORDS) U[w] = keywordToken(w, [Unit]);
// `hours` and `minutes` also start statements (calendar hours, board minutes): one token serves both.
export const Hours = U.hours;
export const Minutes = U.minutes;

/** Keyword tokens, longest first, so that `days` is never read as `day` followed by `s`. */
const wordTokens = [...Object.values(K), ...Object.values(U)].sort(
  (a, b) => String(b.PATTERN).length - String(a.PATTERN).length,
);

export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  UnclosedBlockComment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  MonthLiteral,
  QuarterLiteral,
  TimeLiteral,
  Percent,
  Around,
  NumberLiteral,
  ...wordTokens,
  Identifier,
  Unit,
  LBrace,
  RBrace,
  Comma,
  Dot,
  Semicolon,
  Arrow,
  Minus,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equals,
  Comparator,
];

/** Keyword and unit tokens by spelling. */
const WORD_TYPES = new Map<string, TokenType>([
  ...KEYWORDS.map((w): [string, TokenType] => [w, K[w]]),
  ...UNIT_WORDS.map((w): [string, TokenType] => [w, U[w]]),
]);
const wordTypeSet = new Set(WORD_TYPES.values());

/**
 * Reads every word as an identifier, then looks its spelling up among the keywords: one regular
 * expression per word instead of one per keyword sharing its first letter. The tokens are the same as
 * with a pattern per keyword and `longer_alt: Identifier` (a whole word is a keyword only when it is
 * spelled exactly like one).
 */
class CovenantLexer extends Lexer {
  override tokenize(text: string, initialMode?: string): ILexingResult {
    return (initialMode === undefined ? scan(text) : undefined) ?? this.tokenizeWithChevrotain(text, initialMode);
  }

  /** Chevrotain's own lexing (every text `scan` cannot read, and the tests that compare the two). */
  tokenizeWithChevrotain(text: string, initialMode?: string): ILexingResult {
    const result = super.tokenize(text, initialMode);
    for (const t of result.tokens) {
      if (t.tokenType !== Identifier) continue;
      const keyword = WORD_TYPES.get(t.image);
      if (keyword !== undefined) {
        t.tokenType = keyword;
        t.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    }
    return result;
  }
}

// ---- the same tokens, read by hand ----
// Chevrotain's lexer tries the patterns in `allTokens` order at each offset and takes the first that
// matches; `scan` does the same with one test per first character, and makes the same token objects
// (Chevrotain's `onlyOffset` shape). A character no pattern matches there ends the fast path: Chevrotain
// then lexes the whole text, so its error recovery and messages stay its own.

const NUMBERS = /(\d{4}-\d{2}-\d{2})|(\d{4}-\d{2})|(\d{4}-Q\d)|(\d{2}:\d{2})|(\d+(?:\.\d+)?%)|(24x7)|(\d+(?:\.\d+)?)/y;
const NUMBER_TYPES = [DateLiteral, MonthLiteral, QuarterLiteral, TimeLiteral, Percent, Around, NumberLiteral];
const WORD = /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/y;
const STRING = /"(?:[^"\\\r\n]|\\.)*"/y;
const UNTERMINATED = /"(?:[^"\\\r\n]|\\.)*\\?/y;
const LINE_END = /[^\r\n]*/y;
const SINGLE = new Map<number, TokenType>([
  [0x7b, LBrace], [0x7d, RBrace], [0x2c, Comma], [0x2e, Dot], [0x3b, Semicolon], [0x3d, Equals],
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xfeff || c === 0xa0;
}

export function scan(text: string): ILexingResult | undefined {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const length = text.length;
  const token = (image: string, startOffset: number, type: TokenType): IToken =>
    ({ image, startOffset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type }) as IToken;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      continue;
    }
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      WORD.lastIndex = i;
      WORD.exec(text);
      const image = text.slice(i, WORD.lastIndex);
      tokens.push(token(image, i, WORD_TYPES.get(image) ?? Identifier));
      i = WORD.lastIndex;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) {
      NUMBERS.lastIndex = i;
      const m = NUMBERS.exec(text)!;
      let k = 1;
      while (m[k] === undefined) k++;
      tokens.push(token(m[0], i, NUMBER_TYPES[k - 1]));
      i += m[0].length;
      continue;
    }
    if (c === 0x22) {
      STRING.lastIndex = i;
      let m = STRING.exec(text);
      let type = StringLiteral;
      if (!m) {
        UNTERMINATED.lastIndex = i;
        m = UNTERMINATED.exec(text)!;
        type = UnterminatedString;
      }
      tokens.push(token(m[0], i, type));
      i += m[0].length;
      continue;
    }
    const single = SINGLE.get(c);
    if (single) {
      tokens.push(token(text[i], i, single));
      i++;
      continue;
    }
    const next = i + 1 < length ? text.charCodeAt(i + 1) : -1;
    if (c === 0x2f) {
      if (next === 0x2f) {
        LINE_END.lastIndex = i;
        LINE_END.exec(text);
        const end = LINE_END.lastIndex;
        comments.push(token(text.slice(i, end), i, text.charCodeAt(i + 2) === 0x2f ? DocComment : LineComment));
        i = end;
        continue;
      }
      if (next === 0x2a) {
        const close = text.indexOf("*/", i + 2);
        const end = close < 0 ? length : close + 2;
        comments.push(token(text.slice(i, end), i, close < 0 ? UnclosedBlockComment : BlockComment));
        i = end;
        continue;
      }
      return undefined;
    }
    if (c === 0x2d) {
      const arrow = next === 0x3e;
      tokens.push(token(arrow ? "->" : "-", i, arrow ? Arrow : Minus));
      i += arrow ? 2 : 1;
      continue;
    }
    if (c === 0x3c || c === 0x3e) {
      const equal = next === 0x3d;
      const type = c === 0x3c ? (equal ? LessEqual : Less) : equal ? GreaterEqual : Greater;
      tokens.push(token(text.slice(i, i + (equal ? 2 : 1)), i, type));
      i += equal ? 2 : 1;
      continue;
    }
    return undefined;
  }
  return { tokens, groups: { comments }, errors: [] };
}

export const covenantLexer: CovenantLexer = new CovenantLexer(
  allTokens.filter((t) => !wordTypeSet.has(t)),
  { positionTracking: "onlyOffset", ensureOptimizations: true },
);

/** True for tokens that are written as words (identifiers and keywords). */
export function isWordToken(t: TokenType): boolean {
  return t === Identifier || (t.CATEGORIES?.includes(Identifier) ?? false);
}
