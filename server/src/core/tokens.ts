// The Covenant vocabulary: token types for Chevrotain, created once.
// Keywords are contextual: each keyword token is also an Identifier (token category), so that
// `tier operational` or a role named `review` parse wherever a name is expected.
import { createToken, ILexingResult, Lexer, TokenType } from "chevrotain";
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
  const t = createToken({ name: "kw_" + word, pattern: word, longer_alt: Identifier });
  // Categories set afterwards, as for the comparators: the parser's constructor links every token with its
  // categories in one pass, where `createToken({ categories })` rebuilt Identifier's list of matches once per
  // keyword (quadratic in the 130 keywords, about 9 ms of every start).
  t.CATEGORIES = [Identifier, ...extraCategories];
  return t;
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

/** `validate`: Chevrotain's checks of the token definitions (patterns that can never match, missing groups …).
 *  A start skips them; the test that holds the tokens to them builds a second lexer with them on. */
export function buildLexer(validate = false): Lexer {
  return new CovenantLexer(
    allTokens.filter((t) => !wordTypeSet.has(t)),
    { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: !validate },
  );
}

export const covenantLexer: Lexer = buildLexer();

/** True for tokens that are written as words (identifiers and keywords). */
export function isWordToken(t: TokenType): boolean {
  return t === Identifier || (t.CATEGORIES?.includes(Identifier) ?? false);
}
