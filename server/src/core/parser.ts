// The Covenant parser: Chevrotain, embedded actions building the typed tree directly, error recovery on.
// One instance is created per process and reused (Chevrotain's performance guide).
import { EmbeddedActionsParser, IOrAlt, IToken, TokenType, IRecognitionException, IParserErrorMessageProvider } from "chevrotain";
import * as T from "./tokens";
import { K, U } from "./tokens";
import type * as A from "./ast";
import { VALUES, ValueSet, BLOCK_STATEMENTS, BlockKind, listWords } from "./vocabulary";
import { childBlocks, walkBlocks } from "./walk";

export interface SyntaxIssue {
  range: A.Range;
  message: string;
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

/** The token types that start a statement, per block. */
const STARTS = Object.fromEntries(
  Object.entries(BLOCK_STATEMENTS).map(([block, words]) => [
    block,
    new Set<TokenType>(words.map((w) => (K as Record<string, TokenType>)[w] ?? (U as Record<string, TokenType>)[w]).filter((t): t is TokenType => !!t)),
  ]),
) as Record<BlockKind, Set<TokenType>>;

type Frame = { node: A.Block; rule: string };

const UNIT_OF: Record<string, A.UnitName> = {
  minute: "minute", minutes: "minute", hour: "hour", hours: "hour", day: "day", days: "day",
  week: "week", weeks: "week", month: "month", months: "month", year: "year", years: "year",
};

/** The rule that each block is parsed by, for "expected a statement of ..." messages. */
const RULE_BLOCK: Record<string, BlockKind> = {
  document: "document", contract: "contract", party: "party", person: "person", role: "role",
  service: "service", sla: "sla", responsibilities: "responsibilities", activity: "activity",
  governance: "governance", board: "board", escalation: "escalation", tier: "tier", dispute: "dispute",
  step: "step", continuity: "continuity", records: "records", earlyWarning: "early-warning",
  changeControl: "change-control", keyPersonnel: "key-personnel", termination: "termination",
  calendarBody: "calendar", log: "log", matter: "matter",
};

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
  return t.tokenType === undefined || t.image === "" ? "the end of the file" : `'${t.image}'`;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const block = RULE_BLOCK[ruleName];
    if (expected.name === "EOF") return `expected ${TOP_LEVEL}, found ${found(actual)}`;
    if (expected === T.RBrace && block && block !== "document") {
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

/** The allowed word nearest to a mistyped one (edit distance at most 2), for "did you mean". */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function blockTitle(block: BlockKind): string {
  if (block === "step") return "a dispute step";
  return /^[aeiou]/.test(block) ? `an ${block} block` : `a ${block}`;
}

class CovenantParser extends EmbeddedActionsParser {
  private stack: Frame[] = [];
  private file?: A.CovenantFile;
  issues: SyntaxIssue[] = [];
  repeats: SyntaxIssue[] = [];
  values: A.CheckedValue[] = [];
  statementStarts: number[] = [];

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages });
    this.guardRecoveryScan();
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

  // ---- helpers (no grammar in here) ----

  private defined<V>(into: V[], item: V | undefined): void {
    if (!this.RECORDING_PHASE && item !== undefined && item !== null) into.push(item);
  }

  private r(t: IToken): A.Range {
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

  private begin<N extends A.Block>(rule: string, node: N): N {
    this.stack.push({ node, rule });
    return node;
  }

  private end<N extends A.Block>(node: N): N {
    node.range.end = Math.max(node.range.start, this.lastEnd(node.range.end));
    this.stack.pop();
    return node;
  }

  /**
   * Recovery: the parser re-synchronised inside `rule`; keep what was built of its node, and of the
   * blocks inside it that were still open (each goes into its parent, as if it had been closed).
   */
  private abandon(rule: string): A.Block | undefined {
    while (this.stack.length > 0) {
      const frame = this.stack.pop()!;
      frame.node.incomplete = true;
      frame.node.range.end = Math.max(frame.node.range.start, this.lastEnd(frame.node.range.end));
      if (frame.rule === rule) return frame.node;
      const parent = this.stack[this.stack.length - 1]?.node;
      if (parent) attachPartial(parent, frame.node);
    }
    return undefined;
  }

  /** Recovery at the top: the input ended inside open blocks (a contract typed at the end of the file). */
  private salvage(): A.CovenantFile {
    const file = this.file ?? { imports: [], contracts: [], parties: [], calendars: [], logs: [] };
    while (this.stack.length > 0) {
      const frame = this.stack.pop()!;
      frame.node.incomplete = true;
      frame.node.range.end = Math.max(frame.node.range.start, this.lastEnd(frame.node.range.end));
      const parent = this.stack[this.stack.length - 1]?.node;
      if (parent) attachPartial(parent, frame.node);
      else if (frame.node.kind === "contract") file.contracts.push(frame.node);
      else if (frame.node.kind === "party") file.parties.push(frame.node);
      else if (frame.node.kind === "calendar") file.calendars.push(frame.node);
      else if (frame.node.kind === "import") file.imports.push(frame.node);
      else if (frame.node.kind === "log") file.logs.push(frame.node);
    }
    return file;
  }

  /** Completes a fresh node literal in place (no copy: this runs for every block of every keystroke). */
  private node<N extends object>(kw: IToken, fields: N): N & { range: A.Range; keyword: A.Range } {
    const keyword = this.r(kw);
    const node = fields as N & { range: A.Range; keyword: A.Range };
    node.keyword = keyword;
    node.range = { start: keyword.start, end: keyword.end };
    return node;
  }

  /** Sets a single-valued field; a second statement of the same kind is reported at its keyword. */
  private once<N extends object, F extends keyof N>(node: N, field: F, value: N[F], kw: IToken): void {
    if (this.RECORDING_PHASE) return;
    if (node[field] !== undefined) {
      this.repeats.push({ range: this.r(kw), message: `'${kw.image}' is already given here; it may appear once` });
      return;
    }
    node[field] = value;
  }

  private pushAll<V>(into: V[], items: V[] | undefined): void {
    if (!this.RECORDING_PHASE && Array.isArray(items)) into.push(...items);
  }

  private value<V extends A.CheckedValue>(v: V): V {
    if (!this.RECORDING_PHASE) this.values.push(v);
    return v;
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
      if (!allowed.includes(t.image)) this.issues.push({ range: this.r(t), message: `expected ${listWords(allowed)}, found '${t.image}'` });
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

  private isUnit(t: TokenType | undefined): boolean {
    return t !== undefined && (t.CATEGORIES?.includes(T.Unit) ?? false);
  }

  private label = this.RULE("label", (): A.Str | undefined => {
    let s: A.Str | undefined;
    this.OPTION(() => (s = this.SUBRULE(this.str)));
    return s;
  });

  /**
   * The statements of a block. The loop goes on while a statement of this block comes next, so that an
   * unknown word ends it and Chevrotain's in-repetition recovery reports it right there. A mistyped block
   * (`dispte { ... }`) is skipped whole by the loop's gate and reported once, so its braces cannot close
   * the enclosing block early.
   */
  private items(block: BlockKind, alts: IOrAlt<unknown>[]): void {
    this.many(7, {
      GATE: () => {
        if (!this.scanningAhead) this.skipMistypedBlocks(block);
        return this.statementAhead(block);
      },
      DEF: () => this.or(7, alts),
    });
  }

  private statementAhead(block: BlockKind): boolean {
    const t = this.LA(1).tokenType;
    return t === T.Semicolon || (t !== undefined && STARTS[block].has(t));
  }

  /** `word {`, `word word {` or `word "label" {` where no statement of the block starts. */
  private mistypedBlockAhead(block: BlockKind): boolean {
    // Asked before every statement: decide on the first token whenever it can.
    const a = this.LA(1).tokenType;
    if (!a || STARTS[block].has(a) || !T.isWordToken(a)) return false;
    const b = this.LA(2).tokenType;
    if (b === T.LBrace) return true;
    return !!b && (T.isWordToken(b) || b === T.StringLiteral || b === T.UnterminatedString) && this.LA(3).tokenType === T.LBrace;
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
      const hint = closest(first.image, BLOCK_STATEMENTS[block]);
      this.issues.push({
        range: this.r(first),
        message: `'${first.image}' is not a statement of ${blockTitle(block)}${hint ? `; did you mean '${hint}'?` : ""}`,
      });
    }
  }

  // ---- document ----

  document = this.RULE("document", (): A.CovenantFile => {
    const file: A.CovenantFile = { imports: [], contracts: [], parties: [], calendars: [], logs: [] };
    this.file = file;
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            const imp = this.SUBRULE(this.importDecl);
            this.ACTION(() => {
              if (!imp) return;
            if (file.contracts.length + file.parties.length + file.calendars.length + file.logs.length > 0) {
                this.issues.push({ range: imp.keyword, message: "imports come before the declarations of a file" });
              }
              file.imports.push(imp);
            });
          },
        },
        { ALT: () => { const c = this.SUBRULE(this.contract); if (c) file.contracts.push(c); } },
        { ALT: () => { const p = this.SUBRULE(this.party, { ARGS: [true] }); if (p) file.parties.push(p); } },
        { ALT: () => { const c = this.SUBRULE(this.namedCalendar); if (c) file.calendars.push(c); } },
        { ALT: () => { const l = this.SUBRULE(this.log); if (l) file.logs.push(l); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]),
    );
    return file;
  }, { recoveryValueFunc: () => this.salvage() });

  private importDecl = this.RULE("importDecl", (): A.Import => {
    const kw = this.stmt(this.CONSUME(K.import));
    const node = this.begin("importDecl", this.node(kw, { kind: "import" as const, path: undefined as A.Str | undefined }));
    node.path = this.SUBRULE(this.str);
    return this.end(node);
  }, { recoveryValueFunc: () => this.abandon("importDecl") as A.Import });

  // ---- contract ----

  private contract = this.RULE("contract", (): A.Contract => {
    const kw = this.stmt(this.CONSUME(K.contract));
    const c: A.Contract = this.begin("contract", this.node(kw, {
      kind: "contract" as const, customers: [], suppliers: [], negotiatedBy: [], parties: [], services: [],
      escalations: [], repeatedBlocks: [],
    }));
    c.name = this.SUBRULE(this.name);
    c.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    this.items("contract", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.kind)); this.once(c, "contractKind", this.SUBRULE(this.word, { ARGS: ["contractKind"] }), k); } },
        { ALT: () => { this.stmt(this.CONSUME(K.customer)); this.defined(c.customers, this.SUBRULE2(this.name)); } },
        { ALT: () => { this.stmt(this.CONSUME(K.supplier)); this.defined(c.suppliers, this.SUBRULE3(this.name)); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.effective)); this.once(c, "effective", this.SUBRULE(this.date), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.term)); this.once(c, "term", this.SUBRULE(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.law)); this.once(c, "law", this.SUBRULE(this.str), k); } },
        { ALT: () => { this.stmt(this.CONSUME(K["negotiated-by"])); this.pushAll(c.negotiatedBy, this.SUBRULE(this.refList)); } },
        { ALT: () => this.SUBRULE(this.contractCalendar, { ARGS: [c] }) },
        { ALT: () => { const p = this.SUBRULE(this.party, { ARGS: [false] }); if (p) c.parties.push(p); } },
        { ALT: () => { const s = this.SUBRULE(this.service); if (s) c.services.push(s); } },
        { ALT: () => this.block(c, "responsibilities", this.SUBRULE(this.responsibilities)) },
        { ALT: () => this.block(c, "governance", this.SUBRULE(this.governance)) },
        { ALT: () => { const e = this.SUBRULE(this.escalation); if (e) c.escalations.push(e); } },
        { ALT: () => this.block(c, "dispute", this.SUBRULE(this.dispute)) },
        { ALT: () => this.block(c, "continuity", this.SUBRULE(this.continuity)) },
        { ALT: () => this.block(c, "records", this.SUBRULE(this.records)) },
        { ALT: () => this.block(c, "earlyWarning", this.SUBRULE(this.earlyWarning)) },
        { ALT: () => this.block(c, "changeControl", this.SUBRULE(this.changeControl)) },
        { ALT: () => this.block(c, "keyPersonnel", this.SUBRULE(this.keyPersonnel)) },
        { ALT: () => this.block(c, "termination", this.SUBRULE(this.termination)) },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(c);
  }, { recoveryValueFunc: () => this.abandon("contract") as A.Contract });

  private block<F extends "responsibilities" | "governance" | "dispute" | "continuity" | "records" | "earlyWarning" | "changeControl" | "keyPersonnel" | "termination">(
    c: A.Contract, field: F, node: A.Contract[F],
  ): void {
    if (this.RECORDING_PHASE || !node) return;
    if (c[field] !== undefined) {
      c.repeatedBlocks.push({ kind: node.kind, keyword: node.keyword });
      return;
    }
    c[field] = node;
  }

  private contractCalendar = this.RULE("contractCalendar", (c: A.Contract): void => {
    const kw = this.stmt(this.CONSUME(K.calendar));
    this.OR([
      {
        ALT: () => {
          const cal = this.SUBRULE(this.calendarBody, { ARGS: [kw, undefined, false] });
          this.ACTION(() => {
            if (c.calendar || c.calendarRef) c.repeatedBlocks.push({ kind: "calendar", keyword: this.r(kw) });
            else { c.calendar = cal; c.calendarKeyword = this.r(kw); }
          });
        },
      },
      {
        ALT: () => {
          const ref = this.SUBRULE(this.name);
          this.ACTION(() => {
            if (c.calendar || c.calendarRef) c.repeatedBlocks.push({ kind: "calendar", keyword: this.r(kw) });
            else { c.calendarRef = ref; c.calendarKeyword = this.r(kw); }
          });
        },
      },
    ]);
  });

  private namedCalendar = this.RULE("namedCalendar", (): A.Calendar => {
    const kw = this.stmt(this.CONSUME(K.calendar));
    const name = this.SUBRULE(this.name);
    return this.SUBRULE(this.calendarBody, { ARGS: [kw, name, true] });
  });

  private calendarBody = this.RULE("calendarBody", (kw: IToken, name: A.Name | undefined, topLevel: boolean): A.Calendar => {
    const cal: A.Calendar = this.begin("calendarBody", this.node(kw ?? this.LA(1), {
      kind: "calendar" as const, name, workdays: [], holidayDates: [], holidayRegions: [], topLevel,
    }));
    this.CONSUME(T.LBrace);
    this.items("calendar", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.timezone)); this.once(cal, "timezone", this.SUBRULE(this.str), k); } },
        { ALT: () => { this.stmt(this.CONSUME(K.workdays)); this.pushAll(cal.workdays, this.SUBRULE(this.nameList)); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(T.Hours));
            const from = this.SUBRULE(this.time);
            this.CONSUME(T.Minus);
            const to = this.SUBRULE2(this.time);
            this.ACTION(() => { if (from && to) this.once(cal, "hours", { from, to, range: { start: from.range.start, end: to.range.end } }, k); });
          },
        },
        {
          ALT: () => {
            this.stmt(this.CONSUME(K.holidays));
            this.OR2([
              {
                ALT: () => {
                  this.defined(cal.holidayDates, this.SUBRULE(this.date));
                  this.MANY2(() => {
                    this.CONSUME(T.Comma);
                    this.defined(cal.holidayDates, this.SUBRULE2(this.date));
                  });
                },
              },
              { ALT: () => { this.defined(cal.holidayRegions, this.SUBRULE2(this.str)); } },
            ]);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(cal);
  }, { recoveryValueFunc: () => this.abandon("calendarBody") as A.Calendar });

  // ---- parties ----

  private party = this.RULE("party", (topLevel: boolean): A.Party => {
    const kw = this.stmt(this.CONSUME(K.party));
    const p: A.Party = this.begin("party", this.node(kw, { kind: "party" as const, people: [], roles: [], topLevel: !!topLevel }));
    p.name = this.SUBRULE(this.name);
    p.label = this.SUBRULE(this.label);
    this.OPTION(() => {
      const side = this.OR([{ ALT: () => this.CONSUME(K.customer) }, { ALT: () => this.CONSUME(K.supplier) }]);
      p.side = { text: side?.image, range: this.r(side) };
    });
    this.CONSUME(T.LBrace);
    this.items("party", [
        { ALT: () => { const x = this.SUBRULE(this.person); if (x) p.people.push(x); } },
        { ALT: () => { const x = this.SUBRULE(this.role); if (x) p.roles.push(x); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(p);
  }, { recoveryValueFunc: () => this.abandon("party") as A.Party });

  private person = this.RULE("person", (): A.Person => {
    const kw = this.stmt(this.CONSUME(K.person));
    const p: A.Person = this.begin("person", this.node(kw, { kind: "person" as const }));
    p.name = this.SUBRULE(this.name);
    p.label = this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.items("person", [
          { ALT: () => { const k = this.stmt(this.CONSUME(K.title)); this.once(p, "title", this.SUBRULE(this.str), k); } },
          { ALT: () => { const k = this.stmt(this.CONSUME(K.email)); this.once(p, "email", this.SUBRULE2(this.str), k); } },
          { ALT: () => { const k = this.stmt(this.CONSUME(K.left)); this.once(p, "left", this.SUBRULE(this.date), k); } },
          { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
      this.CONSUME(T.RBrace);
    });
    return this.end(p);
  }, { recoveryValueFunc: () => this.abandon("person") as A.Person });

  private role = this.RULE("role", (): A.Role => {
    const kw = this.stmt(this.CONSUME(K.role));
    const r: A.Role = this.begin("role", this.node(kw, { kind: "role" as const }));
    r.name = this.SUBRULE(this.name);
    r.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    this.items("role", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.holder)); this.once(r, "holder", this.SUBRULE2(this.name), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.deputy)); this.once(r, "deputy", this.SUBRULE3(this.name), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.level)); this.once(r, "level", this.SUBRULE(this.word, { ARGS: ["level"] }), k); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(r);
  }, { recoveryValueFunc: () => this.abandon("role") as A.Role });

  // ---- services ----

  private service = this.RULE("service", (): A.Service => {
    const kw = this.stmt(this.CONSUME(K.service));
    const s: A.Service = this.begin("service", this.node(kw, { kind: "service" as const, slas: [] }));
    s.name = this.SUBRULE(this.name);
    s.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    this.items("service", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.criticality)); this.once(s, "criticality", this.SUBRULE(this.word, { ARGS: ["criticality"] }), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.owner)); this.once(s, "owner", this.SUBRULE(this.ref), k); } },
        { ALT: () => { const x = this.SUBRULE(this.sla); if (x) s.slas.push(x); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.fee));
            const fee: A.Fee = { keyword: this.r(k), range: this.r(k) };
            fee.amount = this.SUBRULE2(this.numberValue);
            fee.currency = this.SUBRULE2(this.name);
            fee.per = this.SUBRULE2(this.word, { ARGS: ["feePer"] });
            fee.range.end = this.lastEnd(fee.range.end);
            this.once(s, "fee", fee, k);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(s);
  }, { recoveryValueFunc: () => this.abandon("service") as A.Service });

  private sla = this.RULE("sla", (): A.Sla => {
    const kw = this.stmt(this.CONSUME(K.sla));
    const s: A.Sla = this.begin("sla", this.node(kw, { kind: "sla" as const, metrics: [], excludes: [], reports: [], credits: [], chronics: [] }));
    s.name = this.SUBRULE(this.name);
    s.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    this.items("sla", [
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.metric));
            const m: A.Metric = { range: this.r(k) };
            m.label = this.SUBRULE(this.str);
            const op = this.CONSUME(T.Comparator);
            m.comparator = { text: op.image, range: this.r(op) };
            m.target = this.SUBRULE(this.quantity);
            m.range.end = this.lastEnd(m.range.end);
            s.metrics.push(m);
          },
        },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.window)); this.once(s, "window", this.SUBRULE(this.word, { ARGS: ["window"] }), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.coverage));
            const v = this.OR2([
              { ALT: (): A.Word => { const t = this.CONSUME(T.Around); return { text: t.image, range: this.r(t) }; } },
              { ALT: () => this.SUBRULE6(this.word, { ARGS: ["coverage"] }) },
            ]);
            this.once(s, "coverage", v, k);
          },
        },
        { ALT: () => { this.stmt(this.CONSUME(K.exclude)); this.defined(s.excludes, this.SUBRULE2(this.str)); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["measured-by"])); this.once(s, "measuredBy", this.SUBRULE2(this.name), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.report));
            const rep: A.Sla["reports"][number] = { range: this.r(k) };
            rep.cadence = this.SUBRULE2(this.word, { ARGS: ["reportCadence"] });
            this.OPTION(() => {
              this.CONSUME(K.at);
              rep.at = this.SUBRULE3(this.name);
            });
            rep.range.end = this.lastEnd(rep.range.end);
            s.reports.push(rep);
          },
        },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.credit));
            const cr: A.Credit = { range: this.r(k) };
            cr.percent = this.SUBRULE(this.percent);
            cr.direction = this.SUBRULE3(this.word, { ARGS: ["creditDirection"] });
            cr.threshold = this.SUBRULE2(this.quantity);
            cr.range.end = this.lastEnd(cr.range.end);
            s.credits.push(cr);
          },
        },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.cap)); this.once(s, "cap", this.SUBRULE2(this.percent), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.chronic));
            const ch: A.Chronic = { range: this.r(k) };
            ch.count = this.SUBRULE(this.numberValue);
            this.SUBRULE4(this.word, { ARGS: ["breaches"] });
            this.CONSUME(K.within);
            ch.within = this.SUBRULE(this.duration);
            this.CONSUME(T.Arrow);
            ch.action = this.SUBRULE5(this.word, { ARGS: ["chronicAction"] });
            ch.range.end = this.lastEnd(ch.range.end);
            s.chronics.push(ch);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(s);
  }, { recoveryValueFunc: () => this.abandon("sla") as A.Sla });

  // ---- responsibilities ----

  private responsibilities = this.RULE("responsibilities", (): A.Responsibilities => {
    const kw = this.stmt(this.CONSUME(K.responsibilities));
    const node: A.Responsibilities = this.begin("responsibilities", this.node(kw, { kind: "responsibilities" as const, activities: [] }));
    this.CONSUME(T.LBrace);
    this.items("responsibilities", [
        { ALT: () => { const a = this.SUBRULE(this.activity); if (a) node.activities.push(a); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(node);
  }, { recoveryValueFunc: () => this.abandon("responsibilities") as A.Responsibilities });

  private activity = this.RULE("activity", (): A.Activity => {
    const kw = this.stmt(this.CONSUME(K.activity));
    const a: A.Activity = this.begin("activity", this.node(kw, { kind: "activity" as const, responsible: [], accountable: [], consulted: [], informed: [] }));
    a.label = this.SUBRULE(this.str);
    this.CONSUME(T.LBrace);
    this.items("activity", [
        { ALT: () => { this.stmt(this.CONSUME(K.responsible)); this.pushAll(a.responsible, this.SUBRULE(this.refList)); } },
        { ALT: () => { this.stmt(this.CONSUME(K.accountable)); this.pushAll(a.accountable, this.SUBRULE2(this.refList)); } },
        { ALT: () => { this.stmt(this.CONSUME(K.consulted)); this.pushAll(a.consulted, this.SUBRULE3(this.refList)); } },
        { ALT: () => { this.stmt(this.CONSUME(K.informed)); this.pushAll(a.informed, this.SUBRULE4(this.refList)); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(a);
  }, { recoveryValueFunc: () => this.abandon("activity") as A.Activity });

  // ---- governance ----

  private governance = this.RULE("governance", (): A.Governance => {
    const kw = this.stmt(this.CONSUME(K.governance));
    const g: A.Governance = this.begin("governance", this.node(kw, { kind: "governance" as const, boards: [] }));
    this.CONSUME(T.LBrace);
    this.items("governance", [
        { ALT: () => { const b = this.SUBRULE(this.board); if (b) g.boards.push(b); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(g);
  }, { recoveryValueFunc: () => this.abandon("governance") as A.Governance });

  private board = this.RULE("board", (): A.Board => {
    const kw = this.stmt(this.CONSUME(K.board));
    const b: A.Board = this.begin("board", this.node(kw, { kind: "board" as const, members: [] }));
    b.name = this.SUBRULE(this.name);
    b.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    this.items("board", [
        { ALT: () => { this.stmt(this.CONSUME(K.members)); this.pushAll(b.members, this.SUBRULE(this.refList)); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.meets)); this.once(b, "meets", this.SUBRULE(this.word, { ARGS: ["meets"] }), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(T.Minutes));
            const m: NonNullable<A.Board["minutes"]> = { range: this.r(k), keyword: this.r(k) };
            this.CONSUME(K.by);
            m.by = this.SUBRULE(this.ref);
            this.CONSUME(K.within);
            m.within = this.SUBRULE(this.duration);
            m.range.end = this.lastEnd(m.range.end);
            this.once(b, "minutes", m, k);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(b);
  }, { recoveryValueFunc: () => this.abandon("board") as A.Board });

  // ---- escalation ----

  private escalation = this.RULE("escalation", (): A.Escalation => {
    const kw = this.stmt(this.CONSUME(K.escalation));
    const e: A.Escalation = this.begin("escalation", this.node(kw, { kind: "escalation" as const, appliesTo: [], tiers: [] }));
    e.name = this.SUBRULE(this.name);
    e.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    this.items("escalation", [
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K["applies-to"]));
            const a: A.Escalation["appliesTo"][number] = { range: this.r(k) };
            a.dimension = this.SUBRULE(this.word, { ARGS: ["appliesTo"] });
            a.level = this.SUBRULE2(this.word, { ARGS: ["criticality"] });
            a.range.end = this.lastEnd(a.range.end);
            e.appliesTo.push(a);
          },
        },
        { ALT: () => { const t = this.SUBRULE(this.tier); if (t) e.tiers.push(t); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.then));
            const step = this.SUBRULE2(this.name);
            this.ACTION(() => {
              if (e.then) this.repeats.push({ range: this.r(k), message: "a ladder hands over to one dispute step: 'then' may appear once" });
              else { e.then = step; e.thenKeyword = this.r(k); }
            });
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(e);
  }, { recoveryValueFunc: () => this.abandon("escalation") as A.Escalation });

  private tier = this.RULE("tier", (): A.Tier => {
    const kw = this.stmt(this.CONSUME(K.tier));
    const t: A.Tier = this.begin("tier", this.node(kw, { kind: "tier" as const }));
    t.name = this.SUBRULE(this.name);
    this.CONSUME(T.LBrace);
    this.items("tier", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.customer)); this.once(t, "customer", this.SUBRULE(this.ref), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.supplier)); this.once(t, "supplier", this.SUBRULE2(this.ref), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.within)); this.once(t, "within", this.SUBRULE(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.forum)); this.once(t, "forum", this.SUBRULE2(this.name), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.level)); this.once(t, "level", this.SUBRULE(this.word, { ARGS: ["level"] }), k); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(t);
  }, { recoveryValueFunc: () => this.abandon("tier") as A.Tier });

  // ---- dispute ----

  private dispute = this.RULE("dispute", (): A.Dispute => {
    const kw = this.stmt(this.CONSUME(K.dispute));
    const d: A.Dispute = this.begin("dispute", this.node(kw, { kind: "dispute" as const, steps: [] }));
    this.CONSUME(T.LBrace);
    this.items("dispute", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.notice)); this.once(d, "notice", this.SUBRULE(this.word, { ARGS: ["notice"] }), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.ladder)); this.once(d, "ladder", this.SUBRULE(this.name), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["interim-relief"])); this.once(d, "interimRelief", this.SUBRULE2(this.word, { ARGS: ["interimRelief"] }), k); } },
        { ALT: () => this.addStep(d, this.SUBRULE(this.step)) },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(d);
  }, { recoveryValueFunc: () => this.abandon("dispute") as A.Dispute });

  private addStep(d: A.Dispute, s: A.DisputeStep | undefined): void {
    if (this.RECORDING_PHASE || !s) return;
    if (d.steps.some((x) => x.step === s.step)) {
      this.repeats.push({ range: s.keyword, message: `'${s.step}' is already a step of this dispute block` });
    }
    d.steps.push(s);
  }

  private step = this.RULE("step", (): A.DisputeStep => {
    const kw = this.stmt(
      this.OR([
        { ALT: () => this.CONSUME(K.mediation) },
        { ALT: () => this.CONSUME(K["expert-determination"]) },
        { ALT: () => this.CONSUME(K.adjudication) },
        { ALT: () => this.CONSUME(K.arbitration) },
        { ALT: () => this.CONSUME(K.litigation) },
      ]),
    );
    const s: A.DisputeStep = this.begin("step", this.node(kw, { kind: "step" as const, step: kw.image as A.StepKind }));
    const open = this.CONSUME(T.LBrace);
    if (!Number.isNaN(open.startOffset)) s.bodyStart = open.startOffset + 1;
    this.items("step", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.provider)); this.once(s, "provider", this.SUBRULE(this.str), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.rules)); this.once(s, "rules", this.SUBRULE2(this.str), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.seat)); this.once(s, "seat", this.SUBRULE3(this.str), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.courts)); this.once(s, "courts", this.SUBRULE4(this.str), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.arbitrators)); this.once(s, "arbitrators", this.SUBRULE(this.numberValue), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.scope)); this.once(s, "scope", this.SUBRULE5(this.str), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.start)); this.CONSUME(K.within); this.once(s, "start", this.SUBRULE(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.decide)); this.CONSUME2(K.within); this.once(s, "decide", this.SUBRULE2(this.duration), k); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(s);
  }, { recoveryValueFunc: () => this.abandon("step") as A.DisputeStep });

  // ---- continuity, records, early warning, change control, key personnel, termination ----

  private setting(k: IToken, value: A.Word): A.Setting {
    return { value, keyword: this.r(k), range: { start: k?.startOffset ?? 0, end: value?.range?.end ?? k?.startOffset ?? 0 } };
  }

  private continuity = this.RULE("continuity", (): A.Continuity => {
    const kw = this.stmt(this.CONSUME(K.continuity));
    const c: A.Continuity = this.begin("continuity", this.node(kw, { kind: "continuity" as const, interims: [] }));
    this.CONSUME(T.LBrace);
    this.items("continuity", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.services)); this.once(c, "services", this.setting(k, this.SUBRULE(this.word, { ARGS: ["services"] })), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["undisputed-payments"])); this.once(c, "undisputedPayments", this.setting(k, this.SUBRULE2(this.word, { ARGS: ["undisputedPayments"] })), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.suspension)); this.once(c, "suspension", this.setting(k, this.SUBRULE3(this.word, { ARGS: ["suspension"] })), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.interim));
            const i: A.Continuity["interims"][number] = { range: this.r(k) };
            i.service = this.SUBRULE(this.name);
            i.arrangement = this.OR2([
              { ALT: () => this.SUBRULE4(this.word, { ARGS: ["interimArrangement"] }) as A.Word | A.Str },
              { ALT: () => this.SUBRULE(this.str) },
            ]);
            i.range.end = this.lastEnd(i.range.end);
            c.interims.push(i);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(c);
  }, { recoveryValueFunc: () => this.abandon("continuity") as A.Continuity });

  private records = this.RULE("records", (): A.Records => {
    const kw = this.stmt(this.CONSUME(K.records));
    const r: A.Records = this.begin("records", this.node(kw, { kind: "records" as const, keep: [] }));
    this.CONSUME(T.LBrace);
    this.items("records", [
        { ALT: () => { this.stmt(this.CONSUME(K.keep)); this.pushAll(r.keep, this.SUBRULE(this.nameList)); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.form)); this.once(r, "form", this.SUBRULE(this.word, { ARGS: ["form"] }), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.retain)); this.once(r, "retain", this.SUBRULE(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.owner)); this.once(r, "owner", this.SUBRULE(this.ref), k); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(r);
  }, { recoveryValueFunc: () => this.abandon("records") as A.Records });

  private earlyWarning = this.RULE("earlyWarning", (): A.EarlyWarning => {
    const kw = this.stmt(this.CONSUME(K["early-warning"]));
    const e: A.EarlyWarning = this.begin("earlyWarning", this.node(kw, { kind: "early-warning" as const, signals: [] }));
    this.CONSUME(T.LBrace);
    this.items("early-warning", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.register)); this.once(e, "register", this.SUBRULE(this.ref), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.review)); this.CONSUME(K.at); this.once(e, "reviewAt", this.SUBRULE(this.name), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.respond)); this.CONSUME(K.within); this.once(e, "respond", this.SUBRULE(this.duration), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.signal));
            const s: A.EarlyWarning["signals"][number] = { range: this.r(k) };
            s.name = this.SUBRULE2(this.name);
            this.OPTION(() => {
              s.count = this.SUBRULE(this.numberValue);
              this.CONSUME2(K.within);
              s.within = this.SUBRULE2(this.duration);
            });
            s.range.end = this.lastEnd(s.range.end);
            e.signals.push(s);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(e);
  }, { recoveryValueFunc: () => this.abandon("earlyWarning") as A.EarlyWarning });

  private changeControl = this.RULE("changeControl", (): A.ChangeControl => {
    const kw = this.stmt(this.CONSUME(K["change-control"]));
    const c: A.ChangeControl = this.begin("changeControl", this.node(kw, { kind: "change-control" as const }));
    this.CONSUME(T.LBrace);
    this.items("change-control", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K.requests)); this.once(c, "requests", this.SUBRULE(this.word, { ARGS: ["requests"] }), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.assess));
            const a: NonNullable<A.ChangeControl["assess"]> = { range: this.r(k) };
            this.CONSUME(K.by);
            a.by = this.SUBRULE(this.ref);
            this.CONSUME(K.within);
            a.within = this.SUBRULE(this.duration);
            a.range.end = this.lastEnd(a.range.end);
            this.once(c, "assess", a, k);
          },
        },
        { ALT: () => { const k = this.stmt(this.CONSUME(K.approve)); this.CONSUME(K.at); this.once(c, "approveAt", this.SUBRULE(this.name), k); } },
        {
          ALT: () => {
            const k = this.stmt(this.CONSUME(K.emergency));
            const em: NonNullable<A.ChangeControl["emergency"]> = { by: [], range: this.r(k) };
            this.CONSUME2(K.by);
            em.by = this.SUBRULE(this.refList);
            this.CONSUME2(K.within);
            em.within = this.SUBRULE2(this.duration);
            em.range.end = this.lastEnd(em.range.end);
            this.once(c, "emergency", em, k);
          },
        },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(c);
  }, { recoveryValueFunc: () => this.abandon("changeControl") as A.ChangeControl });

  private keyPersonnel = this.RULE("keyPersonnel", (): A.KeyPersonnel => {
    const kw = this.stmt(this.CONSUME(K["key-personnel"]));
    const k: A.KeyPersonnel = this.begin("keyPersonnel", this.node(kw, { kind: "key-personnel" as const, roles: [] }));
    this.CONSUME(T.LBrace);
    this.items("key-personnel", [
        { ALT: () => { this.stmt(this.CONSUME(K.roles)); this.pushAll(k.roles, this.SUBRULE(this.refList)); } },
        { ALT: () => { const t = this.stmt(this.CONSUME(K["replacement-notice"])); this.once(k, "replacementNotice", this.SUBRULE(this.duration), t); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(k);
  }, { recoveryValueFunc: () => this.abandon("keyPersonnel") as A.KeyPersonnel });

  private termination = this.RULE("termination", (): A.Termination => {
    const kw = this.stmt(this.CONSUME(K.termination));
    const t: A.Termination = this.begin("termination", this.node(kw, { kind: "termination" as const }));
    this.CONSUME(T.LBrace);
    this.items("termination", [
        { ALT: () => { const k = this.stmt(this.CONSUME(K["for-cause"])); this.SUBRULE(this.word, { ARGS: ["cure"] }); this.once(t, "forCause", this.SUBRULE(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["for-convenience"])); this.CONSUME(K.notice); this.once(t, "forConvenience", this.SUBRULE2(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["exit-plan"])); this.SUBRULE2(this.word, { ARGS: ["due"] }); this.once(t, "exitPlan", this.SUBRULE3(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["exit-assistance"])); this.once(t, "exitAssistance", this.SUBRULE4(this.duration), k); } },
        { ALT: () => { const k = this.stmt(this.CONSUME(K["data-return"])); this.CONSUME(K.within); this.once(t, "dataReturn", this.SUBRULE5(this.duration), k); } },
        { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(t);
  }, { recoveryValueFunc: () => this.abandon("termination") as A.Termination });

  // ---- the relationship log (operations.md) ----

  private log = this.RULE("log", (): A.Log => {
    const kw = this.stmt(this.CONSUME(K.log));
    const l: A.Log = this.begin("log", this.node(kw, { kind: "log" as const, matters: [], signals: [], responses: [], measures: [], measurementFiles: [] }));
    l.name = this.SUBRULE(this.name);
    this.CONSUME(T.LBrace);
    this.items("log", [
      { ALT: () => { const m = this.SUBRULE(this.matter); if (m) l.matters.push(m); } },
      {
        ALT: () => {
          const k = this.stmt(this.CONSUME(K.signal));
          const sig: A.LogSignal = { keyword: this.r(k), range: this.r(k) };
          sig.moment = this.SUBRULE(this.moment);
          sig.signal = this.SUBRULE2(this.name);
          this.OPTION(() => (sig.text = this.SUBRULE(this.str)));
          this.OPTION2(() => (sig.evidence = this.SUBRULE(this.evidence)));
          sig.range.end = this.lastEnd(sig.range.end);
          this.defined(l.signals, sig);
        },
      },
      {
        ALT: () => {
          const k = this.stmt(this.CONSUME(K.response));
          const res: A.LogResponse = { keyword: this.r(k), range: this.r(k) };
          res.moment = this.SUBRULE2(this.moment);
          this.OPTION3(() => (res.text = this.SUBRULE2(this.str)));
          this.OPTION4(() => {
            this.CONSUME(K.at);
            res.at = this.SUBRULE3(this.name);
          });
          this.OPTION5(() => (res.evidence = this.SUBRULE2(this.evidence)));
          res.range.end = this.lastEnd(res.range.end);
          this.defined(l.responses, res);
        },
      },
      {
        ALT: () => {
          const k = this.stmt(this.CONSUME(K.measure));
          const m: A.Measure = { keyword: this.r(k), range: this.r(k) };
          m.sla = this.SUBRULE(this.slaRef);
          m.period = this.SUBRULE(this.period);
          m.value = this.SUBRULE(this.quantity);
          this.OPTION6(() => (m.note = this.SUBRULE3(this.str)));
          m.range.end = this.lastEnd(m.range.end);
          this.defined(l.measures, m);
        },
      },
      {
        ALT: () => {
          const k = this.stmt(this.CONSUME(K.measurements));
          const f: A.MeasurementFile = { keyword: this.r(k), range: this.r(k) };
          f.sla = this.SUBRULE2(this.slaRef);
          f.path = this.SUBRULE4(this.str);
          f.range.end = this.lastEnd(f.range.end);
          this.defined(l.measurementFiles, f);
        },
      },
      { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(l);
  }, { recoveryValueFunc: () => this.abandon("log") as A.Log });

  private matter = this.RULE("matter", (): A.Matter => {
    const kw = this.stmt(this.CONSUME(K.matter));
    const m: A.Matter = this.begin("matter", this.node(kw, { kind: "matter" as const, events: [] }));
    m.name = this.SUBRULE(this.name);
    m.label = this.SUBRULE(this.label);
    this.CONSUME(T.LBrace);
    const event = (e: A.MatterEvent | undefined): void => this.defined(m.events, e);
    this.items("matter", [
      { ALT: () => { const k = this.stmt(this.CONSUME(K.service)); this.once(m, "service", this.SUBRULE2(this.name), k); } },
      { ALT: () => { const k = this.stmt(this.CONSUME(K.severity)); this.once(m, "severity", this.SUBRULE(this.word, { ARGS: ["criticality"] }), k); } },
      { ALT: () => { const k = this.stmt(this.CONSUME(K.ladder)); this.once(m, "ladder", this.SUBRULE3(this.name), k); } },
      { ALT: () => event(this.SUBRULE(this.raised)) },
      { ALT: () => event(this.SUBRULE(this.escalated)) },
      { ALT: () => event(this.SUBRULE(this.meeting)) },
      { ALT: () => event(this.SUBRULE(this.decision)) },
      { ALT: () => event(this.SUBRULE(this.notice)) },
      { ALT: () => event(this.SUBRULE(this.formal)) },
      { ALT: () => event(this.SUBRULE(this.describedEvent)) },
      { ALT: () => event(this.SUBRULE(this.resumed)) },
      { ALT: () => event(this.SUBRULE(this.note)) },
      { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
    this.CONSUME(T.RBrace);
    return this.end(m);
  }, { recoveryValueFunc: () => this.abandon("matter") as A.Matter });

  /** The keyword and moment that begin every event. */
  private eventStart(kw: IToken, event: A.EventKind, moment: A.Moment | undefined): A.MatterEvent {
    this.stmt(kw);
    return { event, keyword: this.r(kw), range: this.r(kw), moment };
  }

  private finish(e: A.MatterEvent): A.MatterEvent {
    e.range.end = this.lastEnd(e.range.end);
    return e;
  }

  private raised = this.RULE("raised", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.raised), "raised", this.SUBRULE(this.moment));
    this.OPTION(() => {
      this.CONSUME(K.by);
      e.by = this.SUBRULE(this.ref);
    });
    this.OPTION2(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private escalated = this.RULE("escalated", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.escalated), "escalated", this.SUBRULE(this.moment));
    this.CONSUME(K.to);
    e.to = this.SUBRULE(this.name);
    this.OPTION(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private meeting = this.RULE("meeting", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.meeting), "meeting", this.SUBRULE(this.moment));
    this.OPTION(() => {
      this.CONSUME(K.at);
      e.at = this.SUBRULE(this.name);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Minutes);
      e.minutes = this.SUBRULE2(this.moment);
    });
    this.OPTION3(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private decision = this.RULE("decision", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.decision), "decision", this.SUBRULE(this.moment));
    e.text = this.SUBRULE(this.str);
    this.OPTION(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private notice = this.RULE("notice", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.notice), "notice", this.SUBRULE(this.moment));
    e.form = this.SUBRULE(this.word, { ARGS: ["noticeForm"] });
    this.OPTION(() => (e.text = this.SUBRULE(this.str)));
    this.OPTION2(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private formal = this.RULE("formal", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.formal), "formal", this.SUBRULE(this.moment));
    e.step = this.SUBRULE(this.name);
    this.OPTION(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  /** `suspended` and `resolved`: a moment, an optional description and evidence. */
  private describedEvent = this.RULE("describedEvent", (): A.MatterEvent => {
    const kw = this.OR([{ ALT: () => this.CONSUME(K.suspended) }, { ALT: () => this.CONSUME(K.resolved) }]);
    const e = this.eventStart(kw, kw?.tokenType === K.suspended ? "suspended" : "resolved", this.SUBRULE(this.moment));
    this.OPTION(() => (e.text = this.SUBRULE(this.str)));
    this.OPTION2(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private resumed = this.RULE("resumed", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.resumed), "resumed", this.SUBRULE(this.moment));
    this.OPTION(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });

  private note = this.RULE("note", (): A.MatterEvent => {
    const e = this.eventStart(this.CONSUME(K.note), "note", this.SUBRULE(this.moment));
    e.text = this.SUBRULE(this.str);
    this.OPTION(() => (e.evidence = this.SUBRULE(this.evidence)));
    return this.finish(e);
  });
}

function periodKind(t: TokenType): A.PeriodValue["period"] {
  if (t === T.MonthLiteral) return "month";
  if (t === T.QuarterLiteral) return "quarter";
  if (t === T.DateLiteral) return "date";
  return "year";
}

const CONTRACT_BLOCKS = {
  responsibilities: "responsibilities", governance: "governance", dispute: "dispute", continuity: "continuity",
  records: "records", "early-warning": "earlyWarning", "change-control": "changeControl",
  "key-personnel": "keyPersonnel", termination: "termination",
} as const;

/** Puts a block the parser gave up on into its parent, where the parent's rule would have put it. */
function attachPartial(parent: A.Block, child: A.Block): void {
  switch (child.kind) {
    case "party": if (parent.kind === "contract") parent.parties.push(child); return;
    case "person": if (parent.kind === "party") parent.people.push(child); return;
    case "role": if (parent.kind === "party") parent.roles.push(child); return;
    case "service": if (parent.kind === "contract") parent.services.push(child); return;
    case "sla": if (parent.kind === "service") parent.slas.push(child); return;
    case "activity": if (parent.kind === "responsibilities") parent.activities.push(child); return;
    case "board": if (parent.kind === "governance") parent.boards.push(child); return;
    case "escalation": if (parent.kind === "contract") parent.escalations.push(child); return;
    case "tier": if (parent.kind === "escalation") parent.tiers.push(child); return;
    case "step": if (parent.kind === "dispute") parent.steps.push(child); return;
    case "matter": if (parent.kind === "log") parent.matters.push(child); return;
    case "calendar":
      if (parent.kind === "contract" && !parent.calendar && !parent.calendarRef) {
        parent.calendar = child;
        parent.calendarKeyword = child.keyword;
      }
      return;
    default:
      if (parent.kind === "contract" && child.kind in CONTRACT_BLOCKS) {
        const field = CONTRACT_BLOCKS[child.kind as keyof typeof CONTRACT_BLOCKS];
        if (parent[field] === undefined) (parent as unknown as Record<string, A.Block>)[field] = child;
      }
  }
}

let instance: CovenantParser | undefined;

function parser(): CovenantParser {
  return (instance ??= new CovenantParser());
}

/** Parses one file. Never throws: every problem is in `syntaxErrors`. */
export function parse(text: string): ParseOutput {
  const lexed = T.covenantLexer.tokenize(text);
  const syntaxErrors: SyntaxIssue[] = [];
  for (const e of lexed.errors) {
    const ch = text.slice(e.offset, e.offset + Math.max(1, e.length));
    syntaxErrors.push({ range: { start: e.offset, end: e.offset + Math.max(1, e.length) }, message: `unexpected character${e.length > 1 ? "s" : ""} '${ch}'` });
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
  let file: A.CovenantFile | undefined;
  try {
    file = p.document();
  } catch (e) {
    // Chevrotain recovers from every syntax error; anything else is a bug, reported at the start.
    syntaxErrors.push({ range: { start: 0, end: 0 }, message: `internal parser error: ${(e as Error).message}` });
  }
  for (const e of p.errors) syntaxErrors.push(recognitionIssue(e, text.length));
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
  annotate(out, text);
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
