// The Covenant parser: Chevrotain, embedded actions building the typed tree directly, error recovery on.
// One instance is created per process and reused (Chevrotain's performance guide).
import { EmbeddedActionsParser, IOrAlt, IToken, TokenType, IRecognitionException, IParserErrorMessageProvider, ParserMethod } from "chevrotain";
import * as T from "./tokens";
import { K, U } from "./tokens";
import type * as A from "./ast";
import { VALUES, ValueSet, BLOCK_STATEMENTS, BLOCK_KINDS, BlockKind, NodeKind, StatementOf, listWords, blockTitle, shapeOf } from "./statements";
import { attachChild, childBlocks, walkBlocks } from "./walk";
import type { Fix } from "./findings";
import { didYouMean, spellingFix, suggest } from "./spelling";
import { printable } from "./text-file";

export interface SyntaxIssue {
  range: A.Range;
  message: string;
  /** Another place the message names (where an unclosed block opens). */
  related?: { range: A.Range; message: string }[];
  /** The replacement of a mistyped word, when one stands out (the linker offers it once it re-parses clean). */
  fix?: Fix;
}

export interface ParseOutput {
  file: A.CovenantFile;
  tokens: IToken[];
  comments: IToken[];
  /** Lexing and parsing errors and words outside their closed set: all SYN001. */
  syntaxErrors: SyntaxIssue[];
  /** Statements written twice where once is allowed: VAL001 at the second keyword. */
  repeats: SyntaxIssue[];
  /** Every date, time, percentage and duration, for the value validator. */
  values: A.CheckedValue[];
  /** Offsets of the first token of every statement and declaration (for the formatter). */
  statementStarts: number[];
}

/** The token a statement word is read as: its keyword, or the unit word that also starts a statement (`hours`). */
function statementToken(word: string): TokenType {
  return (K as Record<string, TokenType>)[word] ?? (U as Record<string, TokenType>)[word];
}

/** The token types that start a statement, per block. */
const STARTS = Object.fromEntries(
  BLOCK_KINDS.map((block) => [block, new Set<TokenType>(BLOCK_STATEMENTS[block].map(statementToken))]),
) as Record<BlockKind, Set<TokenType>>;

/** An open block (or the file, for `document`) and the once-only statements already written in it. */
type Frame = { node: A.Block | A.CovenantFile; kind: NodeKind; seen?: Set<string> };

/** A statement's parsing: the node of the enclosing block, the statement's keyword token, and the first of
 *  the ten occurrence indices (Chevrotain's CONSUME2, SUBRULE3 …) that belong to this statement alone. */
type Body<N> = (node: N, keyword: IToken, i: number) => void;
/** Exactly the statements the table lists for a block: a missing or an extra one does not compile. */
type Statements<B extends BlockKind, N> = { [W in StatementOf<B>]: Body<N> };
/** The rule of a block: it gets the keyword the enclosing statement consumed, and one argument of its own. */
type BlockRule<N> = ParserMethod<[keyword: IToken | undefined, arg?: unknown], N>;

const UNIT_OF: Record<string, A.UnitName> = {
  minute: "minute", minutes: "minute", hour: "hour", hours: "hour", day: "day", days: "day",
  week: "week", weeks: "week", month: "month", months: "month", year: "year", years: "year",
};

/** The Chevrotain rule that parses each kind of block (rule names are identifiers: `early-warning` → `earlyWarning`). */
export function ruleName(kind: BlockKind): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The block each rule parses, for "expected a statement of ..." messages. */
const RULE_BLOCK = new Map<string, BlockKind>(BLOCK_KINDS.map((k) => [ruleName(k), k]));

const TOP_LEVEL = listWords(BLOCK_STATEMENTS.document);

function tokenLabel(t: TokenType): string {
  if (t === T.Identifier) return "a name";
  if (t === T.StringLiteral) return "a string";
  if (t === T.NumberLiteral) return "a number";
  if (t === T.Percent) return "a percentage";
  if (t === T.DateLiteral) return "a date (YYYY-MM-DD)";
  if (t === T.TimeLiteral) return "a time (HH:MM)";
  if (t === T.MonthLiteral) return "a month (YYYY-MM)";
  if (t === T.QuarterLiteral) return "a quarter (YYYY-Qn)";
  if (t === T.Unit) return "a unit (minutes, hours, days, weeks, months, years)";
  if (t === T.Comparator) return "a comparison (<, <=, >, >=, =)";
  if (t === T.Around) return "'24x7'";
  const p = t.PATTERN;
  if (typeof p === "string") return `'${p}'`;
  return t.name;
}

/** "a, b or c" */
function oneOf(labels: string[]): string {
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;
}

function found(t: IToken): string {
  return t.tokenType === undefined || t.image === "" ? "the end of the file" : `'${printable(t.image)}'`;
}

/** The token at which the last "expected '}'" message was built: the parser then says which block is not closed. */
let braceExpectedAt: IToken | undefined;

/** The last token type a mismatch expected, and where: the parser then suggests the word meant (`busines`). */
let mismatch: { expected: TokenType; actual: IToken; ruleName: string } | undefined;

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    mismatch = { expected, actual, ruleName };
    const block = RULE_BLOCK.get(ruleName);
    if (expected.name === "EOF") return `expected ${TOP_LEVEL}, found ${found(actual)}`;
    if (expected === T.RBrace && block && block !== "document") {
      braceExpectedAt = actual;
      return `expected a statement of ${blockTitle(block)} (${listWords(BLOCK_STATEMENTS[block])}) or '}', found ${found(actual)}`;
    }
    return `expected ${tokenLabel(expected)}, found ${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected ${TOP_LEVEL}, found ${found(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const firsts = new Set<string>();
    for (const paths of expectedPathsPerAlt) for (const path of paths) if (path[0]) firsts.add(tokenLabel(path[0]));
    return `expected ${oneOf([...firsts])}, found ${found(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firsts = new Set<string>();
    for (const path of expectedIterationPaths) if (path[0]) firsts.add(tokenLabel(path[0]));
    return `expected ${oneOf([...firsts])}, found ${found(actual[0])}`;
  },
};

/** "the sla 'availability'", "the activity \"Incident management\"", "the mediation step", "the dispute block". */
function describeBlock(node: A.Block): string {
  const n = node as A.Block & { name?: A.Name; label?: A.Str; step?: string };
  if (node.kind === "step") return `the ${n.step ?? "dispute"} step`;
  const word = node.kind === "escalation" ? "ladder" : node.kind;
  if (n.name?.text) return `the ${word} '${n.name.text}'`;
  if (n.label?.value) return `the ${word} "${n.label.value}"`;
  return `the ${word} block`;
}

/** The 1-based line of an offset, as editors and the command line number them. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The indentation (spaces and tabs) of the line holding `offset`. */
function indentationAt(text: string, offset: number): number {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0].length;
}

/** The most tokens a block's head holds between its keyword and its brace (a party's name, label and side). */
const MAX_HEAD = 3;

class CovenantParser extends EmbeddedActionsParser {
  private stack: Frame[] = [];
  private file?: A.CovenantFile;
  issues: SyntaxIssue[] = [];
  repeats: SyntaxIssue[] = [];
  values: A.CheckedValue[] = [];
  statementStarts: number[] = [];

  /** `validate`: Chevrotain's grammar validations (ambiguities, left recursion, empty alternatives). They find
   *  nothing in a grammar that passed them once and cost about 18 ms of every start, so only the test that
   *  holds the grammar to them runs them (test/unit/grammar-validations.test.ts). */
  constructor(validate = false) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, skipValidations: !validate });
    this.guardRecoveryScan();
    this.guardSaveError();
    this.performSelfAnalysis();
  }

  override reset(): void {
    super.reset();
    this.file = undefined;
    this.stack = [];
    this.issues = [];
    this.repeats = [];
    this.values = [];
    this.statementStarts = [];
    this.unclosed = new Map();
    this.spellings = new Map();
  }

  // Only braces are invented by single-token insertion: an invented name or value would have no text.
  protected override canTokenTypeBeInsertedInRecovery(t: TokenType): boolean {
    return t === T.RBrace || t === T.LBrace;
  }

  // Single-token deletion (Chevrotain passes the expected type; the token to delete is LA(1)). Braces and
  // semicolons delimit statements and blocks, so deleting one would merge two; and a keyword after the
  // deleted token starts the next statement rather than being the missing name.
  protected override canTokenTypeBeDeletedInRecovery(expected: TokenType): boolean {
    const doomed = this.LA(1).tokenType;
    if (doomed === T.RBrace || doomed === T.LBrace || doomed === T.Semicolon) return false;
    return expected !== T.Identifier || this.LA(2).tokenType === T.Identifier;
  }

  /** True while Chevrotain's in-repetition recovery scans ahead: loop gates must then only look. */
  private scanningAhead = false;

  /**
   * Recovery calls a loop's gate while it scans for a token to resume at; a gate that skipped a mistyped
   * block there could carry the scan past that token, and the scan would then loop for ever at the end of
   * the file. Chevrotain sets the recovery method on the instance, so it is wrapped here.
   */
  private guardRecoveryScan(): void {
    const self = this as unknown as { attemptInRepetitionRecovery: (...args: unknown[]) => void };
    const attempt = self.attemptInRepetitionRecovery;
    self.attemptInRepetitionRecovery = function (this: CovenantParser, ...args: unknown[]): void {
      const lookahead = args[2] as (this: CovenantParser) => boolean;
      args[2] = function (this: CovenantParser): boolean {
        const was = this.scanningAhead;
        this.scanningAhead = true;
        try {
          return lookahead.call(this);
        } finally {
          this.scanningAhead = was;
        }
      };
      attempt.apply(this, args);
    };
  }

  /** Where each "is not closed" error's block opens, for the finding's related information. */
  unclosed = new Map<IRecognitionException, NonNullable<SyntaxIssue["related"]>>();
  /** The statement a mistyped word may have meant, for the finding's quick fix. */
  spellings = new Map<IRecognitionException, Fix>();

  /**
   * A missing '}' is reported where the parser finds it missing: at the end of the file or at a keyword of
   * an enclosing block. The message then says which block is open and where it opened, rather than listing
   * the statements of that block.
   */
  private noteUnclosed(error: IRecognitionException): void {
    if (this.RECORDING_PHASE) return;
    if (error.token !== braceExpectedAt) { this.noteMisspelt(error); return; }
    const t = error.token;
    const frame = this.stack[this.stack.length - 1];
    if (!frame || frame.kind === "document") return;
    const atEnd = !t.tokenType || t.tokenType.name === "EOF" || Number.isNaN(t.startOffset);
    if (!atEnd && !this.startsEnclosingStatement(t.tokenType)) {
      // A word that is no statement of the block: the statement it may have meant (`acountable`).
      if (!T.isWordToken(t.tokenType)) return;
      const hint = suggest(t.image, BLOCK_STATEMENTS[frame.kind as BlockKind]);
      if (!hint) return;
      error.message += didYouMean(hint);
      const fix = spellingFix(t.image, this.r(t), hint);
      if (fix) this.spellings.set(error, fix);
      return;
    }
    const open = frame.node as A.Block;
    const { block, brace, outer } = this.unclosedBlock(open);
    const what = describeBlock(block);
    const line = (offset: number): number => lineOf(this.text, offset);
    const lined = brace && outer ? ` (the '}' on line ${line(brace.start)} lines up with ${describeBlock(outer)})` : "";
    error.message = `${what} opened on line ${line(block.keyword.start)} is not closed${lined}: expected '}', found ${found(t)}`;
    const related = [{ range: block.keyword, message: `${what} opens here` }];
    if (brace && outer) related.push({ range: brace, message: `this '}' closes ${what} but lines up with ${describeBlock(outer)}` });
    this.unclosed.set(error, related);
  }

  /** A word where a unit, a keyword or a party's side was expected: the one it may have meant. */
  private noteMisspelt(error: IRecognitionException): void {
    const t = error.token;
    if (!mismatch || mismatch.actual !== t || !t.tokenType || !T.isWordToken(t.tokenType)) return;
    const { expected, ruleName } = mismatch;
    const candidates: string[] =
      expected === T.Unit ? ["business", ...Object.keys(UNIT_OF)]
      : expected === T.LBrace && ruleName === "party" ? [...VALUES.side]
      : typeof expected.PATTERN === "string" && /^[a-z]/.test(expected.PATTERN) ? [expected.PATTERN]
      : [];
    const hint = suggest(t.image, candidates);
    if (!hint) return;
    error.message += didYouMean(hint);
    const fix = spellingFix(t.image, this.r(t), hint);
    if (fix) this.spellings.set(error, fix);
  }

  /** Chevrotain records every recognition error through SAVE_ERROR, set on the instance like the recovery scan. */
  private guardSaveError(): void {
    const self = this as unknown as { SAVE_ERROR: (e: IRecognitionException) => IRecognitionException };
    const save = self.SAVE_ERROR;
    self.SAVE_ERROR = function (this: CovenantParser, e: IRecognitionException): IRecognitionException {
      const saved = save.call(this, e);
      this.noteUnclosed(e);
      return saved;
    };
  }

  /**
   * The block whose '}' is missing: the open block, or a block inside it whose '}' sits at the open block's
   * indentation (the brace that closed it was meant for the block around it), and so on inwards.
   */
  private unclosedBlock(open: A.Block): { block: A.Block; brace?: A.Range; outer?: A.Block } {
    let found: { block: A.Block; brace?: A.Range; outer?: A.Block } = { block: open };
    for (;;) {
      const block = found.block;
      const last = childBlocks(block).sort((a, b) => b.range.start - a.range.start)[0];
      if (!last || last.incomplete || this.text[last.range.end - 1] !== "}") return found;
      const closing = last.range.end - 1;
      const lineStart = this.text.lastIndexOf("\n", closing) + 1;
      if (this.text.slice(lineStart, closing).trim() !== "") return found;
      if (closing - lineStart >= indentationAt(this.text, last.keyword.start)) return found;
      found = { block: last, brace: { start: closing, end: closing + 1 }, outer: block };
    }
  }

  // ---- helpers (no grammar in here) ----

  /** An issue at a mistyped word, with the replacement when one stands out. */
  private spelt(issue: SyntaxIssue, t: IToken, hint: ReturnType<typeof suggest>): SyntaxIssue {
    const fix = spellingFix(t.image, this.r(t), hint);
    return fix ? { ...issue, fix } : issue;
  }

  private defined<V>(into: V[], item: V | undefined): void {
    if (!this.RECORDING_PHASE && item !== undefined && item !== null) into.push(item);
  }

  private r(t: IToken | undefined): A.Range {
    // During Chevrotain's grammar recording, tokens are placeholders without an image.
    const start = t?.startOffset ?? 0;
    return { start, end: start + (t?.image?.length ?? 0) };
  }

  private stmt(t: IToken): IToken {
    if (!this.RECORDING_PHASE) this.statementStarts.push(t.startOffset);
    return t;
  }

  private lastEnd(fallback: number): number {
    const t = this.LA(0);
    return t && t.tokenType && !Number.isNaN(t.startOffset) ? t.startOffset + t.image.length : fallback;
  }

  private top<N>(): N {
    return this.stack[this.stack.length - 1]?.node as N;
  }

  private begin<N extends A.Block>(kind: NodeKind, node: N): N {
    this.stack.push({ node, kind });
    return node;
  }

  private end<N extends A.Block>(node: N): N {
    node.range.end = Math.max(node.range.start, this.lastEnd(node.range.end));
    this.stack.pop();
    return node;
  }

  /**
   * Recovery: the parser re-synchronised inside the block `kind`; keep what was built of its node, and of
   * the blocks inside it that were still open (each goes into its parent, as if it had been closed).
   */
  private abandon(kind: NodeKind): A.Block | undefined {
    while (this.stack.length > 0) {
      const frame = this.stack.pop()!;
      if (frame.kind === "document") { this.stack.push(frame); return undefined; }
      const node = frame.node as A.Block;
      node.incomplete = true;
      node.range.end = Math.max(node.range.start, this.lastEnd(node.range.end));
      if (frame.kind === kind) return node;
      const parent = this.stack[this.stack.length - 1];
      if (parent) attachChild(parent.node, parent.kind, node);
    }
    return undefined;
  }

  /** Recovery at the top: the input ended inside open blocks (a contract typed at the end of the file). */
  private salvage(): A.CovenantFile {
    const file = this.file ?? { imports: [], contracts: [], parties: [], calendars: [], logs: [] };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].kind !== "document") {
      const node = this.stack.pop()!.node as A.Block;
      node.incomplete = true;
      node.range.end = Math.max(node.range.start, this.lastEnd(node.range.end));
      const parent = this.stack[this.stack.length - 1];
      attachChild(parent ? parent.node : file, parent ? parent.kind : "document", node);
    }
    return file;
  }

  /** Completes a fresh node literal in place (no copy: this runs for every block of every keystroke). */
  private node<N extends object>(kw: IToken | undefined, fields: N): N & { range: A.Range; keyword: A.Range } {
    const keyword = this.r(kw);
    const node = fields as N & { range: A.Range; keyword: A.Range };
    node.keyword = keyword;
    node.range = { start: keyword.start, end: keyword.end };
    return node;
  }

  /** Sets a single-valued field once; the table's once-only rule reports a second statement (see `alternatives`). */
  private set<N extends object, F extends keyof N>(node: N, field: F, value: N[F] | undefined): void {
    if (!this.RECORDING_PHASE && node[field] === undefined && value !== undefined) node[field] = value;
  }

  private pushAll<V>(into: V[], items: V[] | undefined): void {
    if (!this.RECORDING_PHASE && Array.isArray(items)) into.push(...items);
  }

  private value<V extends A.CheckedValue>(v: V): V {
    if (!this.RECORDING_PHASE) this.values.push(v);
    return v;
  }

  private setting(k: IToken, value: A.Word): A.Setting {
    return { value, keyword: this.r(k), range: { start: k?.startOffset ?? 0, end: value?.range?.end ?? k?.startOffset ?? 0 } };
  }

  /** A statement written twice where the table allows it once: VAL001 at the second keyword. */
  private noteRepeat(kind: BlockKind, word: string, kw: IToken): void {
    if (this.RECORDING_PHASE) return;
    const frame = this.stack[this.stack.length - 1];
    const seen = (frame.seen ??= new Set());
    if (!seen.has(word)) { seen.add(word); return; }
    const shape = shapeOf(kind, word)!;
    if (kind === "contract" && shape.node) {
      (frame.node as A.Contract).repeatedBlocks.push({ kind: shape.node, keyword: this.r(kw) });
    } else if (shape.node === "step") {
      this.repeats.push({ range: this.r(kw), message: `'${kw.image}' is already a step of this dispute block` });
    } else if (kind === "escalation" && word === "then") {
      this.repeats.push({ range: this.r(kw), message: "a ladder hands over to one dispute step: 'then' may appear once" });
    } else {
      this.repeats.push({ range: this.r(kw), message: `'${kw.image}' is already given here; it may appear once` });
    }
  }

  /**
   * The alternatives of a block's statement loop, built once per rule (Chevrotain's performance guide):
   * in the table's order, each consumes its keyword, applies the once-only rule, then parses the rest.
   */
  private alternatives<B extends BlockKind, N>(kind: B, statements: Statements<B, N>): IOrAlt<void>[] {
    const bodies = statements as Record<string, Body<N>>;
    const alts: IOrAlt<void>[] = BLOCK_STATEMENTS[kind].map((word, p) => {
      const token = statementToken(word);
      const once = shapeOf(kind, word)!.once === true;
      const base = 10 + p * 10;
      const body = bodies[word];
      return {
        ALT: () => {
          const node = this.top<N>();
          const kw = this.stmt(this.consume(base, token));
          if (once) this.noteRepeat(kind, word, kw);
          body.call(this, node, kw, base + 1);
        },
      };
    });
    alts.push({ ALT: () => { this.CONSUME(T.Semicolon); } });
    return alts;
  }

  /**
   * `{ statements }` of a block. The loop goes on while a statement of this block comes next, so that an
   * unknown word ends it and Chevrotain's in-repetition recovery reports it right there. A mistyped block
   * (`dispte { ... }`) is skipped whole by the loop's gate and reported once, so its braces cannot close
   * the enclosing block early.
   */
  private body(kind: BlockKind, alts: IOrAlt<void>[], opened?: (brace: IToken) => void): void {
    const brace = this.CONSUME(T.LBrace);
    if (opened) opened(brace);
    this.many(1, {
      GATE: () => {
        if (!this.scanningAhead) this.skipMistypedBlocks(kind);
        return this.statementAhead(kind);
      },
      DEF: () => this.or(1, alts),
    });
    this.CONSUME(T.RBrace);
  }

  /**
   * One rule for every kind of block: `head` reads what stands between the keyword (consumed by the
   * enclosing block's statement) and the brace — a name, a label, a side —, then the statements.
   */
  private block<B extends BlockKind, N extends A.Block>(
    kind: B,
    make: (kw: IToken | undefined, arg: unknown) => N,
    head: ((node: N) => void) | undefined,
    statements: Statements<B, N>,
    options: { bodyOptional?: boolean; opened?: (node: N, brace: IToken) => void } = {},
  ): BlockRule<N> {
    const alts = this.alternatives(kind, statements);
    return this.RULE(ruleName(kind), (kw: IToken | undefined, arg?: unknown): N => {
      const node = this.begin(kind, make(kw, arg));
      head?.(node);
      const opened = options.opened;
      const open = (): void => this.body(kind, alts, opened && ((brace) => opened(node, brace)));
      if (options.bodyOptional) this.option(2, open);
      else open();
      return this.end(node);
    }, { recoveryValueFunc: () => this.abandon(kind) as N });
  }

  /** A block statement: its rule reads the block, which goes where the table says (`into`). */
  private child<N>(rule: BlockRule<A.Block>, arg?: unknown): Body<N> {
    return (node, kw, i) => {
      const c = this.subrule(i, rule, { ARGS: [kw, arg] }) as A.Block | undefined;
      if (!this.RECORDING_PHASE && c) attachChild(node as A.Block, this.stack[this.stack.length - 1].kind, c);
    };
  }

  private statementAhead(block: BlockKind): boolean {
    const t = this.LA(1).tokenType;
    return t === T.Semicolon || (t !== undefined && STARTS[block].has(t));
  }

  /**
   * A mistyped keyword followed, on its line, by what a block's head may hold — names, a label, a side
   * (`pary a "A" customer {`) — and a brace, where no statement of the block starts. The head must stay on
   * the keyword's line, so a mistyped statement above a real block is not taken for that block's head.
   */
  private mistypedBlockAhead(block: BlockKind): boolean {
    // Asked before every statement: decide on the first token whenever it can.
    const a = this.LA(1).tokenType;
    if (!a || STARTS[block].has(a) || !T.isWordToken(a) || this.startsEnclosingStatement(a)) return false;
    for (let k = 2; k <= MAX_HEAD + 2; k++) {
      const token = this.LA(k);
      const t = token.tokenType;
      if (t === T.LBrace) return true;
      const headToken = !!t && (T.isWordToken(t) || t === T.StringLiteral || t === T.UnterminatedString);
      if (!headToken || this.lineBreakBefore(token)) return false;
    }
    return false;
  }

  /** The text being parsed, for the one question tokens cannot answer: whether a line ends before one. */
  text = "";

  private lineBreakBefore(t: IToken): boolean {
    for (let i = t.startOffset - 1; i >= 0; i--) {
      const ch = this.text.charCodeAt(i);
      if (ch === 10 || ch === 13) return true;
      if (ch !== 32 && ch !== 9) return false;
    }
    return false;
  }

  /** A keyword of a block further out (`party b {` inside an unclosed party): the inner block is unclosed, not mistyped. */
  private startsEnclosingStatement(t: TokenType): boolean {
    for (let i = this.stack.length - 2; i >= 0; i--) {
      if (STARTS[this.stack[i].kind as BlockKind]?.has(t)) return true;
    }
    return false;
  }

  private skipMistypedBlocks(block: BlockKind): void {
    while (this.mistypedBlockAhead(block)) {
      const first = this.LA(1);
      let depth = 0;
      for (let t = first; t.tokenType && t.tokenType.name !== "EOF"; t = this.LA(1)) {
        this.SKIP_TOKEN();
        if (t.tokenType === T.LBrace) depth++;
        else if (t.tokenType === T.RBrace && --depth <= 0) break;
      }
      const hint = suggest(first.image, BLOCK_STATEMENTS[block]);
      this.issues.push(this.spelt({ range: this.r(first), message: `'${first.image}' is not a statement of ${blockTitle(block)}${didYouMean(hint)}` }, first, hint));
    }
  }

  // ---- terminals and small rules ----

  private name = this.RULE("name", (): A.Name => {
    const t = this.CONSUME(T.Identifier);
    return { text: t.image, range: this.r(t) };
  });

  private str = this.RULE("str", (): A.Str => {
    const t = this.CONSUME(T.StringLiteral);
    return { value: this.ACTION(() => this.decodeString(t)), range: this.r(t) };
  });

  private decodeString(t: IToken): string {
    const unterminated = t.tokenType === T.UnterminatedString;
    if (unterminated) this.issues.push({ range: this.r(t), message: "string has no closing '\"' on its line" });
    const body = t.image.slice(1, unterminated ? undefined : -1);
    if (!body.includes("\\")) return body;
    return body.replace(/\\(.?)/g, (whole, c: string, at: number) => {
      if (c === '"' || c === "\\") return c;
      const start = t.startOffset + 1 + at;
      this.issues.push({ range: { start, end: start + whole.length }, message: `unknown escape '${whole}' (only \\" and \\\\ are allowed)` });
      return c;
    });
  }

  private ref = this.RULE("ref", (): A.Ref => {
    const first = this.SUBRULE(this.name);
    let second: A.Name | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Dot);
      second = this.SUBRULE2(this.name);
    });
    return this.ACTION(() =>
      !first ? (undefined as unknown as A.Ref) : second ? { party: first, name: second, range: { start: first.range.start, end: second.range.end } } : { name: first, range: first.range },
    );
  });

  private refList = this.RULE("refList", (): A.Ref[] => {
    const refs: A.Ref[] = [];
    this.defined(refs, this.SUBRULE(this.ref));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.defined(refs, this.SUBRULE2(this.ref));
    });
    return refs;
  });

  private nameList = this.RULE("nameList", (): A.Name[] => {
    const names: A.Name[] = [];
    this.defined(names, this.SUBRULE(this.name));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.defined(names, this.SUBRULE2(this.name));
    });
    return names;
  });

  /** A word from a closed set; another word is a syntax error that names the allowed ones. */
  private word = this.RULE("word", (set: ValueSet): A.Word => {
    const t = this.CONSUME(T.Identifier);
    this.ACTION(() => {
      const allowed: readonly string[] = VALUES[set];
      if (allowed.includes(t.image)) return;
      const hint = suggest(t.image, allowed);
      this.issues.push(this.spelt({ range: this.r(t), message: `expected ${listWords(allowed)}, found '${t.image}'${didYouMean(hint)}` }, t, hint));
    });
    return { text: t.image, range: this.r(t) };
  });

  private duration = this.RULE("duration", (): A.Duration => {
    const n = this.CONSUME(T.NumberLiteral);
    let business = false;
    this.OPTION(() => {
      this.CONSUME(K.business);
      business = true;
    });
    const u = this.CONSUME(T.Unit);
    return this.value({
      kind: "duration", amount: Number(n.image), unit: UNIT_OF[u.image] ?? "day", business,
      text: this.ACTION(() => `${n.image}${business ? " business" : ""} ${u.image}`),
      range: { start: n.startOffset, end: u.startOffset + u.image.length },
    });
  });

  private date = this.RULE("date", (): A.DateValue => {
    const t = this.CONSUME(T.DateLiteral);
    return this.value({ kind: "date", text: t.image, range: this.r(t) });
  });

  private time = this.RULE("time", (): A.TimeValue => {
    const t = this.CONSUME(T.TimeLiteral);
    return this.value({ kind: "time", text: t.image, range: this.r(t) });
  });

  private percent = this.RULE("percent", (): A.PercentValue => {
    const t = this.CONSUME(T.Percent);
    return this.value({ kind: "percent", value: Number(t.image.slice(0, -1)), text: t.image, range: this.r(t) });
  });

  private numberValue = this.RULE("numberValue", (): A.NumberValue => {
    const t = this.CONSUME(T.NumberLiteral);
    return { kind: "number", value: Number(t.image), text: t.image, range: this.r(t) };
  });

  /** DATE [TIME] */
  private moment = this.RULE("moment", (): A.Moment => {
    const date = this.SUBRULE(this.date);
    let time: A.TimeValue | undefined;
    this.OPTION(() => (time = this.SUBRULE(this.time)));
    return this.ACTION(() => (date ? { date, time, range: { start: date.range.start, end: (time ?? date).range.end } } : (undefined as unknown as A.Moment)));
  });

  /** MONTH | QUARTER | YEAR | DATE */
  private period = this.RULE("period", (): A.PeriodValue => {
    const t = this.OR([
      { ALT: () => this.CONSUME(T.MonthLiteral) },
      { ALT: () => this.CONSUME(T.QuarterLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
    ]);
    return this.value({ kind: "period", period: this.ACTION(() => periodKind(t.tokenType)), text: t.image, range: this.r(t) });
  });

  /** `evidence "path", "https://..."` */
  private evidence = this.RULE("evidence", (): A.Evidence => {
    const k = this.CONSUME(K.evidence);
    const ev: A.Evidence = { keyword: this.r(k), items: [], range: this.r(k) };
    this.defined(ev.items, this.SUBRULE(this.str));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.defined(ev.items, this.SUBRULE2(this.str));
    });
    ev.range.end = this.lastEnd(ev.range.end);
    return ev;
  });

  /** `service.sla` */
  private slaRef = this.RULE("slaRef", (): A.SlaRef => {
    const service = this.SUBRULE(this.name);
    this.CONSUME(T.Dot);
    const sla = this.SUBRULE2(this.name);
    return this.ACTION(() => (service ? { service, sla, range: { start: service.range.start, end: (sla ?? service).range.end } } : (undefined as unknown as A.SlaRef)));
  });

  /** PERCENT | NUMBER | DURATION */
  private quantity = this.RULE("quantity", (): A.Quantity =>
    this.OR([
      { ALT: () => this.SUBRULE(this.percent) },
      { ALT: () => this.SUBRULE(this.duration) },
      { ALT: () => this.SUBRULE(this.numberValue) },
    ]),
  );

  private label = this.RULE("label", (): A.Str | undefined => {
    let s: A.Str | undefined;
    this.OPTION(() => (s = this.SUBRULE(this.str)));
    return s;
  });

  /** The name and optional label of a declaration. */
  private named = (node: { name?: A.Name; label?: A.Str }): void => {
    node.name = this.SUBRULE(this.name);
    node.label = this.SUBRULE(this.label);
  };

  /** `evidence ...` at the end of a log statement, when written (occurrence index i). */
  private optionalEvidence(i: number): A.Evidence | undefined {
    let ev: A.Evidence | undefined;
    this.option(i, () => (ev = this.subrule(i, this.evidence)));
    return ev;
  }

  // ---- blocks, the innermost first (a block's statements name the rules of the blocks inside it) ----

  private person = this.block<"person", A.Person>("person", (kw) => this.node(kw, { kind: "person" as const }), this.named, {
    title: (p, _, i) => this.set(p, "title", this.subrule(i, this.str)),
    email: (p, _, i) => this.set(p, "email", this.subrule(i, this.str)),
    left: (p, _, i) => this.set(p, "left", this.subrule(i, this.date)),
  }, { bodyOptional: true });

  private role = this.block<"role", A.Role>("role", (kw) => this.node(kw, { kind: "role" as const }), this.named, {
    holder: (r, _, i) => this.set(r, "holder", this.subrule(i, this.name)),
    deputy: (r, _, i) => this.set(r, "deputy", this.subrule(i, this.name)),
    level: (r, _, i) => this.set(r, "level", this.subrule(i, this.word, { ARGS: ["level"] })),
  });

  private party = this.block<"party", A.Party>("party", (kw, topLevel) => this.node(kw, { kind: "party" as const, people: [], roles: [], topLevel: !!topLevel }), (p) => {
    this.named(p);
    this.OPTION(() => {
      const side = this.OR([{ ALT: () => this.CONSUME(K.customer) }, { ALT: () => this.CONSUME(K.supplier) }]);
      p.side = { text: side?.image, range: this.r(side) };
    });
  }, {
    person: this.child(this.person),
    role: this.child(this.role),
  });

  private sla = this.block<"sla", A.Sla>("sla", (kw) => this.node(kw, { kind: "sla" as const, metrics: [], excludes: [], reports: [], credits: [], chronics: [] }), this.named, {
    metric: (s, k, i) => {
      const m: A.Metric = { range: this.r(k) };
      m.label = this.subrule(i, this.str);
      const op = this.consume(i, T.Comparator);
      m.comparator = { text: op.image, range: this.r(op) };
      m.target = this.subrule(i, this.quantity);
      m.range.end = this.lastEnd(m.range.end);
      s.metrics.push(m);
    },
    window: (s, _, i) => this.set(s, "window", this.subrule(i, this.word, { ARGS: ["window"] })),
    coverage: (s, _, i) => {
      const v = this.or(i, [
        { ALT: (): A.Word => { const t = this.consume(i, T.Around); return { text: t.image, range: this.r(t) }; } },
        { ALT: () => this.subrule(i, this.word, { ARGS: ["coverage"] }) },
      ]);
      this.set(s, "coverage", v);
    },
    exclude: (s, _, i) => this.defined(s.excludes, this.subrule(i, this.str)),
    "measured-by": (s, _, i) => this.set(s, "measuredBy", this.subrule(i, this.name)),
    report: (s, k, i) => {
      const rep: A.Sla["reports"][number] = { range: this.r(k) };
      rep.cadence = this.subrule(i, this.word, { ARGS: ["reportCadence"] });
      this.option(i, () => {
        this.consume(i, K.at);
        rep.at = this.subrule(i, this.name);
      });
      rep.range.end = this.lastEnd(rep.range.end);
      s.reports.push(rep);
    },
    credit: (s, k, i) => {
      const cr: A.Credit = { range: this.r(k) };
      cr.percent = this.subrule(i, this.percent);
      cr.direction = this.subrule(i, this.word, { ARGS: ["creditDirection"] });
      cr.threshold = this.subrule(i, this.quantity);
      cr.range.end = this.lastEnd(cr.range.end);
      s.credits.push(cr);
    },
    cap: (s, _, i) => this.set(s, "cap", this.subrule(i, this.percent)),
    chronic: (s, k, i) => {
      const ch: A.Chronic = { range: this.r(k) };
      ch.count = this.subrule(i, this.numberValue);
      this.subrule(i, this.word, { ARGS: ["breaches"] });
      this.consume(i, K.within);
      ch.within = this.subrule(i, this.duration);
      this.consume(i, T.Arrow);
      ch.action = this.subrule(i + 1, this.word, { ARGS: ["chronicAction"] });
      ch.range.end = this.lastEnd(ch.range.end);
      s.chronics.push(ch);
    },
  });

  private service = this.block<"service", A.Service>("service", (kw) => this.node(kw, { kind: "service" as const, slas: [] }), this.named, {
    criticality: (s, _, i) => this.set(s, "criticality", this.subrule(i, this.word, { ARGS: ["criticality"] })),
    owner: (s, _, i) => this.set(s, "owner", this.subrule(i, this.ref)),
    sla: this.child(this.sla),
    fee: (s, k, i) => {
      const fee: A.Fee = { keyword: this.r(k), range: this.r(k) };
      fee.amount = this.subrule(i, this.numberValue);
      fee.currency = this.subrule(i, this.name);
      fee.per = this.subrule(i, this.word, { ARGS: ["feePer"] });
      fee.range.end = this.lastEnd(fee.range.end);
      this.set(s, "fee", fee);
    },
  });

  private activity = this.block<"activity", A.Activity>("activity", (kw) => this.node(kw, { kind: "activity" as const, responsible: [], accountable: [], consulted: [], informed: [] }), (a) => {
    a.label = this.SUBRULE(this.str);
  }, {
    responsible: (a, _, i) => this.pushAll(a.responsible, this.subrule(i, this.refList)),
    accountable: (a, _, i) => this.pushAll(a.accountable, this.subrule(i, this.refList)),
    consulted: (a, _, i) => this.pushAll(a.consulted, this.subrule(i, this.refList)),
    informed: (a, _, i) => this.pushAll(a.informed, this.subrule(i, this.refList)),
  });

  private responsibilities = this.block<"responsibilities", A.Responsibilities>("responsibilities", (kw) => this.node(kw, { kind: "responsibilities" as const, activities: [] }), undefined, {
    activity: this.child(this.activity),
  });

  private board = this.block<"board", A.Board>("board", (kw) => this.node(kw, { kind: "board" as const, members: [] }), this.named, {
    members: (b, _, i) => this.pushAll(b.members, this.subrule(i, this.refList)),
    meets: (b, _, i) => this.set(b, "meets", this.subrule(i, this.word, { ARGS: ["meets"] })),
    minutes: (b, k, i) => {
      const m: NonNullable<A.Board["minutes"]> = { range: this.r(k), keyword: this.r(k) };
      this.consume(i, K.by);
      m.by = this.subrule(i, this.ref);
      this.consume(i, K.within);
      m.within = this.subrule(i, this.duration);
      m.range.end = this.lastEnd(m.range.end);
      this.set(b, "minutes", m);
    },
  });

  private governance = this.block<"governance", A.Governance>("governance", (kw) => this.node(kw, { kind: "governance" as const, boards: [] }), undefined, {
    board: this.child(this.board),
  });

  private tier = this.block<"tier", A.Tier>("tier", (kw) => this.node(kw, { kind: "tier" as const }), (t) => {
    t.name = this.SUBRULE(this.name);
  }, {
    customer: (t, _, i) => this.set(t, "customer", this.subrule(i, this.ref)),
    supplier: (t, _, i) => this.set(t, "supplier", this.subrule(i, this.ref)),
    within: (t, _, i) => this.set(t, "within", this.subrule(i, this.duration)),
    forum: (t, _, i) => this.set(t, "forum", this.subrule(i, this.name)),
    level: (t, _, i) => this.set(t, "level", this.subrule(i, this.word, { ARGS: ["level"] })),
  });

  private escalation = this.block<"escalation", A.Escalation>("escalation", (kw) => this.node(kw, { kind: "escalation" as const, appliesTo: [], tiers: [] }), this.named, {
    "applies-to": (e, k, i) => {
      const a: A.Escalation["appliesTo"][number] = { range: this.r(k) };
      a.dimension = this.subrule(i, this.word, { ARGS: ["appliesTo"] });
      a.level = this.subrule(i + 1, this.word, { ARGS: ["criticality"] });
      a.range.end = this.lastEnd(a.range.end);
      e.appliesTo.push(a);
    },
    tier: this.child(this.tier),
    then: (e, k, i) => {
      const step = this.subrule(i, this.name);
      this.ACTION(() => {
        if (e.then || !step) return;
        e.then = step;
        e.thenKeyword = this.r(k);
      });
    },
  });

  private step = this.block<"step", A.DisputeStep>("step", (kw) => this.node(kw, { kind: "step" as const, step: kw?.image as A.StepKind }), undefined, {
    provider: (s, _, i) => this.set(s, "provider", this.subrule(i, this.str)),
    rules: (s, _, i) => this.set(s, "rules", this.subrule(i, this.str)),
    seat: (s, _, i) => this.set(s, "seat", this.subrule(i, this.str)),
    courts: (s, _, i) => this.set(s, "courts", this.subrule(i, this.str)),
    arbitrators: (s, _, i) => this.set(s, "arbitrators", this.subrule(i, this.numberValue)),
    scope: (s, _, i) => this.set(s, "scope", this.subrule(i, this.str)),
    start: (s, _, i) => { this.consume(i, K.within); this.set(s, "start", this.subrule(i, this.duration)); },
    decide: (s, _, i) => { this.consume(i, K.within); this.set(s, "decide", this.subrule(i, this.duration)); },
  }, {
    opened: (s, brace) => { if (!Number.isNaN(brace.startOffset)) s.bodyStart = brace.startOffset + 1; },
  });

  private dispute = this.block<"dispute", A.Dispute>("dispute", (kw) => this.node(kw, { kind: "dispute" as const, steps: [] }), undefined, {
    notice: (d, _, i) => this.set(d, "notice", this.subrule(i, this.word, { ARGS: ["notice"] })),
    ladder: (d, _, i) => this.set(d, "ladder", this.subrule(i, this.name)),
    "interim-relief": (d, _, i) => this.set(d, "interimRelief", this.subrule(i, this.word, { ARGS: ["interimRelief"] })),
    mediation: this.child(this.step),
    "expert-determination": this.child(this.step),
    adjudication: this.child(this.step),
    arbitration: this.child(this.step),
    litigation: this.child(this.step),
  });

  private continuity = this.block<"continuity", A.Continuity>("continuity", (kw) => this.node(kw, { kind: "continuity" as const, interims: [] }), undefined, {
    services: (c, k, i) => this.set(c, "services", this.setting(k, this.subrule(i, this.word, { ARGS: ["services"] }))),
    "undisputed-payments": (c, k, i) => this.set(c, "undisputedPayments", this.setting(k, this.subrule(i, this.word, { ARGS: ["undisputedPayments"] }))),
    suspension: (c, k, i) => this.set(c, "suspension", this.setting(k, this.subrule(i, this.word, { ARGS: ["suspension"] }))),
    interim: (c, k, i) => {
      const it: A.Continuity["interims"][number] = { range: this.r(k) };
      it.service = this.subrule(i, this.name);
      it.arrangement = this.or(i, [
        { ALT: () => this.subrule(i, this.word, { ARGS: ["interimArrangement"] }) as A.Word | A.Str },
        { ALT: () => this.subrule(i, this.str) },
      ]);
      it.range.end = this.lastEnd(it.range.end);
      c.interims.push(it);
    },
  });

  private records = this.block<"records", A.Records>("records", (kw) => this.node(kw, { kind: "records" as const, keep: [] }), undefined, {
    keep: (r, _, i) => this.pushAll(r.keep, this.subrule(i, this.nameList)),
    form: (r, _, i) => this.set(r, "form", this.subrule(i, this.word, { ARGS: ["form"] })),
    retain: (r, _, i) => this.set(r, "retain", this.subrule(i, this.duration)),
    owner: (r, _, i) => this.set(r, "owner", this.subrule(i, this.ref)),
  });

  private earlyWarning = this.block<"early-warning", A.EarlyWarning>("early-warning", (kw) => this.node(kw, { kind: "early-warning" as const, signals: [] }), undefined, {
    register: (e, _, i) => this.set(e, "register", this.subrule(i, this.ref)),
    review: (e, _, i) => { this.consume(i, K.at); this.set(e, "reviewAt", this.subrule(i, this.name)); },
    respond: (e, _, i) => { this.consume(i, K.within); this.set(e, "respond", this.subrule(i, this.duration)); },
    signal: (e, k, i) => {
      const s: A.EarlyWarning["signals"][number] = { range: this.r(k) };
      s.name = this.subrule(i, this.name);
      this.option(i, () => {
        s.count = this.subrule(i, this.numberValue);
        this.consume(i, K.within);
        s.within = this.subrule(i, this.duration);
      });
      s.range.end = this.lastEnd(s.range.end);
      e.signals.push(s);
    },
  });

  private changeControl = this.block<"change-control", A.ChangeControl>("change-control", (kw) => this.node(kw, { kind: "change-control" as const }), undefined, {
    requests: (c, _, i) => this.set(c, "requests", this.subrule(i, this.word, { ARGS: ["requests"] })),
    assess: (c, k, i) => {
      const a: NonNullable<A.ChangeControl["assess"]> = { range: this.r(k) };
      this.consume(i, K.by);
      a.by = this.subrule(i, this.ref);
      this.consume(i, K.within);
      a.within = this.subrule(i, this.duration);
      a.range.end = this.lastEnd(a.range.end);
      this.set(c, "assess", a);
    },
    approve: (c, _, i) => { this.consume(i, K.at); this.set(c, "approveAt", this.subrule(i, this.name)); },
    emergency: (c, k, i) => {
      const em: NonNullable<A.ChangeControl["emergency"]> = { by: [], range: this.r(k) };
      this.consume(i, K.by);
      em.by = this.subrule(i, this.refList);
      this.consume(i, K.within);
      em.within = this.subrule(i, this.duration);
      em.range.end = this.lastEnd(em.range.end);
      this.set(c, "emergency", em);
    },
  });

  private keyPersonnel = this.block<"key-personnel", A.KeyPersonnel>("key-personnel", (kw) => this.node(kw, { kind: "key-personnel" as const, roles: [] }), undefined, {
    roles: (k, _, i) => this.pushAll(k.roles, this.subrule(i, this.refList)),
    "replacement-notice": (k, _, i) => this.set(k, "replacementNotice", this.subrule(i, this.duration)),
  });

  private termination = this.block<"termination", A.Termination>("termination", (kw) => this.node(kw, { kind: "termination" as const }), undefined, {
    "for-cause": (t, _, i) => { this.subrule(i, this.word, { ARGS: ["cure"] }); this.set(t, "forCause", this.subrule(i, this.duration)); },
    "for-convenience": (t, _, i) => { this.consume(i, K.notice); this.set(t, "forConvenience", this.subrule(i, this.duration)); },
    "exit-plan": (t, _, i) => { this.subrule(i, this.word, { ARGS: ["due"] }); this.set(t, "exitPlan", this.subrule(i, this.duration)); },
    "exit-assistance": (t, _, i) => this.set(t, "exitAssistance", this.subrule(i, this.duration)),
    "data-return": (t, _, i) => { this.consume(i, K.within); this.set(t, "dataReturn", this.subrule(i, this.duration)); },
  });

  /** A calendar's body; its name (top level) is read by the statement that declares it. */
  private calendar = this.block<"calendar", A.Calendar>("calendar", (kw, top) => this.node(kw, {
    kind: "calendar" as const, name: (top as { name?: A.Name } | undefined)?.name, workdays: [], holidayDates: [], holidayRegions: [], topLevel: top !== undefined,
  }), undefined, {
    timezone: (c, _, i) => this.set(c, "timezone", this.subrule(i, this.str)),
    workdays: (c, _, i) => this.pushAll(c.workdays, this.subrule(i, this.nameList)),
    hours: (c, _, i) => {
      const from = this.subrule(i, this.time);
      this.consume(i, T.Minus);
      const to = this.subrule(i + 1, this.time);
      this.ACTION(() => { if (from && to) this.set(c, "hours", { from, to, range: { start: from.range.start, end: to.range.end } }); });
    },
    holidays: (c, _, i) => {
      this.or(i, [
        {
          ALT: () => {
            this.defined(c.holidayDates, this.subrule(i, this.date));
            this.many(i, () => {
              this.consume(i, T.Comma);
              this.defined(c.holidayDates, this.subrule(i + 1, this.date));
            });
          },
        },
        { ALT: () => { this.defined(c.holidayRegions, this.subrule(i, this.str)); } },
      ]);
    },
  });

  // ---- the relationship log (operations.md) ----

  /** The moment that follows every event's keyword. */
  private event(kw: IToken, event: A.EventKind, i: number): A.MatterEvent {
    return { event, keyword: this.r(kw), range: this.r(kw), moment: this.onThisLine(`the date of the '${event}' event`, () => this.subrule(i, this.moment)) };
  }

  /**
   * What an event names after its words (`to TIER`, a step, `by ROLE`): on the event's line. A keyword of the
   * matter on the next line is the next event, not the missing name (`escalated … to` ended by a new line):
   * the name is reported missing at the end of the line and that event is read as itself.
   */
  private onThisLine<V>(what: string, parse: () => V): V | undefined {
    const next = this.LA(1);
    if (this.RECORDING_PHASE || !next.tokenType || !STARTS.matter.has(next.tokenType) || !this.lineBreakBefore(next)) return parse();
    const at = this.lastEnd(next.startOffset);
    this.issues.push({ range: { start: at, end: at }, message: `expected ${what}, found the end of the line` });
    return undefined;
  }

  /** Ends an event (its evidence, when written, is the statement's last part) and adds it to the matter. */
  private recorded(m: A.Matter, e: A.MatterEvent, i: number): void {
    e.evidence = this.optionalEvidence(i + 5);
    e.range.end = this.lastEnd(e.range.end);
    this.defined(m.events, e);
  }

  private matter = this.block<"matter", A.Matter>("matter", (kw) => this.node(kw, { kind: "matter" as const, events: [] }), this.named, {
    service: (m, _, i) => this.set(m, "service", this.subrule(i, this.name)),
    severity: (m, _, i) => this.set(m, "severity", this.subrule(i, this.word, { ARGS: ["criticality"] })),
    ladder: (m, _, i) => this.set(m, "ladder", this.subrule(i, this.name)),
    raised: (m, k, i) => {
      const e = this.event(k, "raised", i);
      this.option(i, () => {
        this.consume(i, K.by);
        e.by = this.onThisLine("the role that raised the matter", () => this.subrule(i, this.ref));
      });
      this.recorded(m, e, i);
    },
    escalated: (m, k, i) => {
      const e = this.event(k, "escalated", i);
      e.to = this.onThisLine("'to' and the tier the matter is escalated to", () => {
        this.consume(i, K.to);
        return this.onThisLine("the tier the matter is escalated to", () => this.subrule(i, this.name));
      });
      this.recorded(m, e, i);
    },
    meeting: (m, k, i) => {
      const e = this.event(k, "meeting", i);
      this.option(i, () => {
        this.consume(i, K.at);
        e.at = this.subrule(i, this.name);
      });
      this.option(i + 1, () => {
        this.consume(i, T.Minutes);
        e.minutes = this.subrule(i + 1, this.moment);
      });
      this.recorded(m, e, i);
    },
    decision: (m, k, i) => {
      const e = this.event(k, "decision", i);
      e.text = this.subrule(i, this.str);
      this.recorded(m, e, i);
    },
    notice: (m, k, i) => {
      const e = this.event(k, "notice", i);
      e.form = this.subrule(i, this.word, { ARGS: ["noticeForm"] });
      this.option(i, () => (e.text = this.subrule(i, this.str)));
      this.recorded(m, e, i);
    },
    formal: (m, k, i) => {
      const e = this.event(k, "formal", i);
      e.step = this.onThisLine("the dispute step the matter goes to", () => this.subrule(i, this.name));
      this.recorded(m, e, i);
    },
    suspended: (m, k, i) => {
      const e = this.event(k, "suspended", i);
      this.option(i, () => (e.text = this.subrule(i, this.str)));
      this.recorded(m, e, i);
    },
    resumed: (m, k, i) => this.recorded(m, this.event(k, "resumed", i), i),
    resolved: (m, k, i) => {
      const e = this.event(k, "resolved", i);
      this.option(i, () => (e.text = this.subrule(i, this.str)));
      this.recorded(m, e, i);
    },
    note: (m, k, i) => {
      const e = this.event(k, "note", i);
      e.text = this.subrule(i, this.str);
      this.recorded(m, e, i);
    },
  });

  private log = this.block<"log", A.Log>("log", (kw) => this.node(kw, { kind: "log" as const, matters: [], signals: [], responses: [], measures: [], measurementFiles: [] }), (l) => {
    l.name = this.SUBRULE(this.name);
  }, {
    matter: this.child(this.matter),
    signal: (l, k, i) => {
      const sig: A.LogSignal = { keyword: this.r(k), range: this.r(k) };
      sig.moment = this.subrule(i, this.moment);
      sig.signal = this.subrule(i, this.name);
      this.option(i, () => (sig.text = this.subrule(i, this.str)));
      sig.evidence = this.optionalEvidence(i + 1);
      sig.range.end = this.lastEnd(sig.range.end);
      this.defined(l.signals, sig);
    },
    response: (l, k, i) => {
      const res: A.LogResponse = { keyword: this.r(k), range: this.r(k) };
      res.moment = this.subrule(i, this.moment);
      this.option(i, () => (res.text = this.subrule(i, this.str)));
      this.option(i + 1, () => {
        this.consume(i, K.at);
        res.at = this.subrule(i, this.name);
      });
      res.evidence = this.optionalEvidence(i + 2);
      res.range.end = this.lastEnd(res.range.end);
      this.defined(l.responses, res);
    },
    measure: (l, k, i) => {
      const m: A.Measure = { keyword: this.r(k), range: this.r(k) };
      m.sla = this.subrule(i, this.slaRef);
      m.period = this.subrule(i, this.period);
      m.value = this.subrule(i, this.quantity);
      this.option(i, () => (m.note = this.subrule(i, this.str)));
      m.range.end = this.lastEnd(m.range.end);
      this.defined(l.measures, m);
    },
    measurements: (l, k, i) => {
      const f: A.MeasurementFile = { keyword: this.r(k), range: this.r(k) };
      f.sla = this.subrule(i, this.slaRef);
      f.path = this.subrule(i, this.str);
      f.range.end = this.lastEnd(f.range.end);
      this.defined(l.measurementFiles, f);
    },
  });

  // ---- contract ----

  private contract = this.block<"contract", A.Contract>("contract", (kw) => this.node(kw, {
    kind: "contract" as const, customers: [], suppliers: [], negotiatedBy: [], parties: [], services: [], escalations: [], repeatedBlocks: [],
  }), this.named, {
    kind: (c, _, i) => this.set(c, "contractKind", this.subrule(i, this.word, { ARGS: ["contractKind"] })),
    customer: (c, _, i) => this.defined(c.customers, this.subrule(i, this.name)),
    supplier: (c, _, i) => this.defined(c.suppliers, this.subrule(i, this.name)),
    effective: (c, _, i) => this.set(c, "effective", this.subrule(i, this.date)),
    term: (c, _, i) => this.set(c, "term", this.subrule(i, this.duration)),
    law: (c, _, i) => this.set(c, "law", this.subrule(i, this.str)),
    "negotiated-by": (c, _, i) => this.pushAll(c.negotiatedBy, this.subrule(i, this.refList)),
    calendar: (c, k, i) => {
      this.or(i, [
        {
          ALT: () => {
            const cal = this.subrule(i, this.calendar, { ARGS: [k, undefined] });
            this.ACTION(() => { if (cal && !c.calendar && !c.calendarRef) { c.calendar = cal; c.calendarKeyword = this.r(k); } });
          },
        },
        {
          ALT: () => {
            const ref = this.subrule(i, this.name);
            this.ACTION(() => { if (ref && !c.calendar && !c.calendarRef) { c.calendarRef = ref; c.calendarKeyword = this.r(k); } });
          },
        },
      ]);
    },
    party: this.child(this.party, false),
    service: this.child(this.service),
    responsibilities: this.child(this.responsibilities),
    governance: this.child(this.governance),
    escalation: this.child(this.escalation),
    dispute: this.child(this.dispute),
    continuity: this.child(this.continuity),
    records: this.child(this.records),
    "early-warning": this.child(this.earlyWarning),
    "change-control": this.child(this.changeControl),
    "key-personnel": this.child(this.keyPersonnel),
    termination: this.child(this.termination),
  });

  // ---- document ----

  private importDecl = this.RULE("importDecl", (kw: IToken | undefined): A.Import => {
    const node = this.begin("import", this.node(kw, { kind: "import" as const, path: undefined as A.Str | undefined }));
    node.path = this.SUBRULE(this.str);
    return this.end(node);
  }, { recoveryValueFunc: () => this.abandon("import") as A.Import });

  private topLevel = this.alternatives("document", {
    import: (file: A.CovenantFile, kw, i) => {
      const imp = this.subrule(i, this.importDecl, { ARGS: [kw] });
      this.ACTION(() => {
        if (!imp) return;
        if (file.contracts.length + file.parties.length + file.calendars.length + file.logs.length > 0) {
          this.issues.push({ range: imp.keyword, message: "imports come before the declarations of a file" });
        }
        file.imports.push(imp);
      });
    },
    contract: (file: A.CovenantFile, kw, i) => { const c = this.subrule(i, this.contract, { ARGS: [kw] }); if (c) file.contracts.push(c); },
    party: (file: A.CovenantFile, kw, i) => { const p = this.subrule(i, this.party, { ARGS: [kw, true] }); if (p) file.parties.push(p); },
    calendar: (file: A.CovenantFile, kw, i) => {
      const name = this.subrule(i, this.name);
      const c = this.subrule(i, this.calendar, { ARGS: [kw, { name }] });
      if (c) file.calendars.push(c);
    },
    log: (file: A.CovenantFile, kw, i) => { const l = this.subrule(i, this.log, { ARGS: [kw] }); if (l) file.logs.push(l); },
  });

  document = this.RULE("document", (): A.CovenantFile => {
    const file: A.CovenantFile = { imports: [], contracts: [], parties: [], calendars: [], logs: [] };
    this.file = file;
    this.stack.push({ node: file, kind: "document" });
    this.MANY(() => this.OR(this.topLevel));
    return file;
  }, { recoveryValueFunc: () => this.salvage() });
}

function periodKind(t: TokenType): A.PeriodValue["period"] {
  if (t === T.MonthLiteral) return "month";
  if (t === T.QuarterLiteral) return "quarter";
  if (t === T.DateLiteral) return "date";
  return "year";
}

let instance: CovenantParser | undefined;

function parser(): CovenantParser {
  return (instance ??= new CovenantParser());
}

/** Builds a second parser with Chevrotain's grammar validations on; it throws on any error they find (for the test). */
export function validateGrammar(): void {
  new CovenantParser(true);
}

/**
 * What may come next after `preceding` at the start of a block's rule, by Chevrotain's own content assist
 * (the rule starts after the keyword, which the enclosing statement consumes). For the test that holds the
 * parser and the statement table together.
 */
export function nextTokenNames(kind: BlockKind | "document", preceding: string): string[] {
  const tokens = T.covenantLexer.tokenize(preceding).tokens;
  const suggestions = parser().computeContentAssist(ruleName(kind), tokens);
  return [...new Set(suggestions.map((s) => s.nextTokenType.name))].sort();
}

/** Parses one file. Never throws: every problem is in `syntaxErrors`. */
export function parse(text: string): ParseOutput {
  const lexed = T.covenantLexer.tokenize(text);
  const syntaxErrors: SyntaxIssue[] = [];
  for (const e of lexed.errors) {
    const ch = text.slice(e.offset, e.offset + Math.max(1, e.length));
    syntaxErrors.push({ range: { start: e.offset, end: e.offset + Math.max(1, e.length) }, message: `unexpected character${e.length > 1 ? "s" : ""} '${printable(ch)}'` });
  }
  const comments = lexed.groups.comments ?? [];
  for (const c of comments) {
    if (c.tokenType === T.UnclosedBlockComment) {
      syntaxErrors.push({ range: { start: c.startOffset, end: c.startOffset + 2 }, message: "block comment has no closing '*/'" });
    }
  }
  const p = parser();
  p.reset();
  p.input = lexed.tokens;
  p.text = text;
  let file: A.CovenantFile | undefined;
  try {
    file = p.document();
  } catch (e) {
    // Chevrotain recovers from every syntax error; anything else is a bug, reported at the start.
    syntaxErrors.push({ range: { start: 0, end: 0 }, message: `internal parser error: ${(e as Error).message}` });
  }
  for (const e of p.errors) {
    const issue = recognitionIssue(e, text.length);
    const related = p.unclosed.get(e);
    if (related) issue.related = related;
    const fix = p.spellings.get(e);
    if (fix) issue.fix = fix;
    syntaxErrors.push(issue);
  }
  syntaxErrors.push(...p.issues);
  syntaxErrors.sort((a, b) => a.range.start - b.range.start);
  // Two errors at one token say the same thing twice (a bad unit, then the statement it broke).
  const firstAtEachToken = syntaxErrors.filter((e, i) => i === 0 || e.range.start !== syntaxErrors[i - 1].range.start);
  const out: ParseOutput = {
    file: file ?? { imports: [], contracts: [], parties: [], calendars: [], logs: [] },
    tokens: lexed.tokens,
    comments,
    syntaxErrors: firstAtEachToken,
    repeats: p.repeats,
    values: p.values,
    statementStarts: p.statementStarts,
  };
  p.input = [];
  p.text = "";
  annotate(out, text);
  return out;
}

/** One block parsed on its own (`parseBlock`): what `parse` would add for it to each of its lists. */
export interface BlockParse {
  node?: A.Block;
  /** Every token of the slice was read by the block's rule. */
  all: boolean;
  /** The slice's tokens left the lexer's default state: a comment or string not closed inside it. */
  unclosed: boolean;
  syntaxErrors: SyntaxIssue[];
  repeats: SyntaxIssue[];
  values: A.CheckedValue[];
  statementStarts: number[];
}

/**
 * Parses `text.slice(start, end)` as one block of `kind` (its keyword first) the way `parse` parses it
 * inside blocks of the kinds `enclosing` (the file's `document` first), with offsets into `text`. For
 * re-parsing the block an edit falls in (`core/incremental.ts`), which decides whether the result may
 * stand in for a full parse. `arg` is the rule's own argument (a party's `topLevel`).
 */
export function parseBlock(text: string, start: number, end: number, kind: BlockKind, enclosing: readonly NodeKind[], arg?: unknown): BlockParse {
  const lexed = T.covenantLexer.tokenize(text.slice(start, end));
  for (const t of lexed.tokens) t.startOffset += start;
  const comments = lexed.groups.comments ?? [];
  for (const c of comments) c.startOffset += start;
  const unclosed = comments.some((c) => c.tokenType === T.UnclosedBlockComment) || lexed.tokens.some((t) => t.tokenType === T.UnterminatedString);
  const syntaxErrors: SyntaxIssue[] = lexed.errors.map((e) => ({ range: { start: start + e.offset, end: start + e.offset + Math.max(1, e.length) }, message: "unexpected character" }));
  const p = parser();
  p.reset();
  const first = lexed.tokens[0];
  p.input = lexed.tokens.slice(1);
  p.text = text;
  const frames = (p as unknown as { stack: Frame[] }).stack;
  for (const k of enclosing) frames.push({ node: {} as A.Block, kind: k });
  let node: A.Block | undefined;
  try {
    const rule = (p as unknown as Record<string, (kw: IToken | undefined, arg?: unknown) => A.Block>)[ruleName(kind)];
    node = first ? rule.call(p, first, arg) : undefined;
  } catch (e) {
    syntaxErrors.push({ range: { start, end: start }, message: `internal parser error: ${(e as Error).message}` });
  }
  for (const e of p.errors) syntaxErrors.push(recognitionIssue(e, text.length));
  syntaxErrors.push(...p.issues);
  const out: BlockParse = {
    node, all: (p as unknown as { isAtEndOfInput(): boolean }).isAtEndOfInput(), unclosed,
    syntaxErrors, repeats: p.repeats, values: p.values, statementStarts: first ? [first.startOffset, ...p.statementStarts] : [],
  };
  p.input = [];
  p.text = "";
  if (node && syntaxErrors.length === 0) {
    const docs = comments.filter((c) => c.tokenType === T.DocComment);
    if (docs.length > 0) walkBlocks({ imports: [], contracts: [node as A.Contract], parties: [], calendars: [], logs: [] }, (n) => { if (n !== node) n.doc = docBefore(docs, n.range.start, text); });
  }
  return out;
}

/** Marks blocks that hold a syntax error, and attaches `///` comments to the declaration below them. */
function annotate(out: ParseOutput, text: string): void {
  const errors = out.syntaxErrors;
  const last = out.tokens[out.tokens.length - 1];
  const lastEnd = last ? last.startOffset + last.image.length : 0;
  const holdsError = (range: A.Range): boolean =>
    errors.some((e) => (e.range.start >= range.start && e.range.start < range.end) || (e.range.start >= lastEnd && range.end >= lastEnd));
  const docs = out.comments.filter((c) => c.tokenType === T.DocComment);
  walkBlocks(out.file, (node) => {
    if (errors.length > 0 && holdsError(node.range)) {
      node.incomplete = true;
      if (node.kind === "contract") {
        const children = childBlocks(node);
        node.bodyHasSyntaxError = errors.some(
          (e) =>
            ((e.range.start >= node.range.start && e.range.start < node.range.end) || e.range.start >= lastEnd) &&
            !children.some((ch) => (e.range.start >= ch.range.start && e.range.start < ch.range.end) || (e.range.start >= lastEnd && ch.range.end >= lastEnd)),
        );
      }
    }
    if (docs.length > 0 && node.kind !== "import") node.doc = docBefore(docs, node.range.start, text);
  });
}

function docBefore(docs: IToken[], start: number, text: string): string | undefined {
  // Binary search for the last doc comment that starts before the declaration.
  let lo = 0;
  let hi = docs.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].startOffset < start) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const lines: string[] = [];
  let end = start;
  for (let i = at; i >= 0; i--) {
    const d = docs[i];
    const between = text.slice(d.startOffset + d.image.length, end);
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(between)) break;
    lines.unshift(d.image.replace(/^\/\/\/ ?/, ""));
    end = d.startOffset;
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}

function recognitionIssue(e: IRecognitionException, length: number): SyntaxIssue {
  const t = e.token;
  if (t.tokenType === undefined || Number.isNaN(t.startOffset) || t.image === "") {
    // End of file: report at the last character so the range lies inside the document.
    const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const at = prev && !Number.isNaN(prev.startOffset) ? prev.startOffset + prev.image.length : length;
    return { range: { start: Math.max(0, Math.min(at, length) - (at >= length && length > 0 ? 1 : 0)), end: Math.min(at, length) }, message: e.message };
  }
  return { range: { start: t.startOffset, end: t.startOffset + t.image.length }, message: e.message };
}
