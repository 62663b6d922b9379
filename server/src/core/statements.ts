// The language, declared once: every block and statement of language.md and operations.md — the word
// that starts it, where it may stand, how often, and its value kinds, slot by slot. The lexer's keywords,
// the vocabulary, the once-only rule of VAL001, the walk over blocks, completion's shapes and the
// TextMate grammar's keyword lists are all derived from this table; the parser (core/parser.ts) has one
// method per statement, and the compiler makes it name exactly the statements listed here.

/** The closed value sets (language.md "Value sets" and the words each statement allows). */
export const VALUES = {
  contractKind: ["saas", "managed-services", "implementation", "other"],
  side: ["customer", "supplier"],
  level: ["operational", "management", "executive"],
  criticality: ["critical", "high", "standard", "low"],
  window: ["monthly", "quarterly", "yearly", "per-incident"],
  coverage: ["24x7", "business"],
  reportCadence: ["monthly", "quarterly"],
  creditDirection: ["below", "above"],
  chronicAction: ["terminate", "step-in", "review"],
  meets: ["weekly", "fortnightly", "monthly", "quarterly", "yearly"],
  appliesTo: ["criticality", "severity"],
  notice: ["written", "any"],
  interimRelief: ["allowed", "excluded"],
  services: ["continue", "may-suspend"],
  undisputedPayments: ["continue", "may-withhold"],
  suspension: ["forbidden", "allowed"],
  interimArrangement: ["step-in", "fallback", "escrow"],
  form: ["written", "any"],
  requests: ["written", "any"],
  days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  records: ["decisions", "change-requests", "minutes", "notices", "sla-reports", "correspondence", "invoices"],
  signals: ["missed-deadlines", "formal-tone", "clause-citation", "sla-breaches", "invoice-disputes", "key-person-change"],
  feePer: ["monthly", "quarterly", "yearly"],
  noticeForm: ["written", "oral"],
  breaches: ["breaches"],
  cure: ["cure"],
  due: ["due"],
} as const satisfies Record<string, readonly string[]>;

export type ValueSet = keyof typeof VALUES;

/**
 * Words that join the parts of a statement (`minutes by ROLE within D`, `escalated M to TIER`) and are
 * not statements themselves; with the statement words they are the language's keywords. `business` is
 * the qualifier of a duration's unit.
 */
export const CONNECTIVES = ["by", "at", "within", "to", "evidence", "business"] as const;

/** Duration units (language.md, Lexical rules): a number followed by one of these is a duration. */
export const UNIT_WORDS = [
  "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
] as const;
export type UnitWord = (typeof UNIT_WORDS)[number];

/** The kinds of block, in the order of LANGUAGE below (the compiler holds the two together). */
export const BLOCK_KINDS = [
  "document", "contract", "party", "person", "role", "service", "sla", "responsibilities", "activity",
  "governance", "board", "escalation", "tier", "dispute", "step", "continuity", "records", "early-warning",
  "change-control", "key-personnel", "termination", "calendar", "log", "matter",
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

// ---- slots: what follows a statement's keyword ----

export type NameTarget =
  | "new" // a name being declared: nothing to offer
  | "party" | "board" | "ladder" | "service" | "step" | "calendar"
  | "holder" // a person of the enclosing party
  | "record" | "signal" | "day"
  // In a log: a tier of the matter's ladder after its current one; a signal the contract watches; an sla of
  // the service before the dot (and, at the service, whole `service.sla` pairs).
  | "tier" | "watched-signal" | "sla-service" | "sla";

export type Slot =
  | { t: "name"; what: NameTarget }
  | { t: "ref"; what: "role" | "person"; side?: "customer" | "supplier" }
  | { t: "value"; set: ValueSet }
  | { t: "word"; word: string }
  | { t: "string" } | { t: "duration" } | { t: "number" } | { t: "percent" } | { t: "date" } | { t: "time" } | { t: "quantity" }
  | { t: "period" }
  | { t: "opt"; seq: Slot[] }
  | { t: "list"; item: Slot }
  | { t: "alt"; seqs: Slot[][] }
  | { t: "block"; kind: BlockKind; optional?: boolean };

/** The AST node a statement produces when it is a block or an import (for the walk and for recovery). */
export type NodeKind = BlockKind | "import";

export interface Shape {
  slots: Slot[];
  /** The statement may appear once in its block: a second one is VAL001 at its keyword. */
  once?: boolean;
  /** The node kind the statement makes, and the field of the enclosing node that holds it. */
  node?: NodeKind;
  into?: string;
  /** A block whose statements the canonical layout always puts one per line (a matter's events). */
  lines?: true;
}

const name = (what: NameTarget): Slot => ({ t: "name", what });
const role: Slot = { t: "ref", what: "role" };
const roles: Slot = { t: "list", item: role };
const value = (set: ValueSet): Slot => ({ t: "value", set });
const word = (w: string): Slot => ({ t: "word", word: w });
const opt = (...seq: Slot[]): Slot => ({ t: "opt", seq });
const block = (kind: BlockKind, optional = false): Slot => ({ t: "block", kind, optional });
const S = { t: "string" } as const;
const D = { t: "duration" } as const;
const label = opt(S);
const moment: Slot[] = [{ t: "date" }, opt({ t: "time" })];
const evidence = opt(word("evidence"), { t: "list", item: S });
const slaRef: Slot[] = [name("sla-service"), word("."), name("sla")];

const once = (...slots: Slot[]): Shape => ({ slots, once: true });
const many = (...slots: Slot[]): Shape => ({ slots });
/** A block statement: its head slots, then the block, held in the enclosing node's field `into`. */
const opens = (kind: BlockKind, into: string, ...head: Slot[]): Shape => ({ slots: [...head, block(kind)], node: kind, into });
const opensOnce = (kind: BlockKind, into: string, ...head: Slot[]): Shape => ({ ...opens(kind, into, ...head), once: true });

const party = opens("party", "parties", name("new"), label, opt(value("side")));

/** Every kind of block, its statements in canonical order (completion, messages, quick-fix placement). */
export const LANGUAGE = {
  document: {
    import: { slots: [S], node: "import", into: "imports" },
    contract: opens("contract", "contracts", name("new"), label),
    party,
    calendar: opens("calendar", "calendars", name("new")),
    log: { ...opens("log", "logs", name("new")), lines: true },
  },
  contract: {
    kind: once(value("contractKind")),
    customer: many(name("party")),
    supplier: many(name("party")),
    effective: once({ t: "date" }),
    term: once(D),
    law: once(S),
    "negotiated-by": many({ t: "list", item: { t: "ref", what: "person" } }),
    calendar: { slots: [{ t: "alt", seqs: [[block("calendar")], [name("calendar")]] }], once: true, node: "calendar", into: "calendar" },
    party,
    service: opens("service", "services", name("new"), label),
    responsibilities: opensOnce("responsibilities", "responsibilities"),
    governance: opensOnce("governance", "governance"),
    escalation: opens("escalation", "escalations", name("new"), label),
    dispute: opensOnce("dispute", "dispute"),
    continuity: opensOnce("continuity", "continuity"),
    records: opensOnce("records", "records"),
    "early-warning": opensOnce("early-warning", "earlyWarning"),
    "change-control": opensOnce("change-control", "changeControl"),
    "key-personnel": opensOnce("key-personnel", "keyPersonnel"),
    termination: opensOnce("termination", "termination"),
  },
  party: {
    person: { ...opens("person", "people", name("new"), label), slots: [name("new"), label, block("person", true)] },
    role: opens("role", "roles", name("new"), label),
  },
  person: { title: once(S), email: once(S), left: once({ t: "date" }) },
  role: { holder: once(name("holder")), deputy: once(name("holder")), level: once(value("level")) },
  service: {
    criticality: once(value("criticality")),
    owner: once(role),
    sla: opens("sla", "slas", name("new"), label),
    fee: once({ t: "number" }, name("new"), value("feePer")),
  },
  sla: {
    metric: many(S, { t: "alt", seqs: [[word("<")], [word("<=")], [word(">")], [word(">=")], [word("=")]] }, { t: "quantity" }),
    window: once(value("window")),
    coverage: once(value("coverage")),
    exclude: many(S),
    "measured-by": once(name("party")),
    report: many(value("reportCadence"), opt(word("at"), name("board"))),
    credit: many({ t: "percent" }, value("creditDirection"), { t: "quantity" }),
    cap: once({ t: "percent" }),
    chronic: many({ t: "number" }, value("breaches"), word("within"), D, word("->"), value("chronicAction")),
  },
  responsibilities: { activity: opens("activity", "activities", S) },
  activity: { responsible: many(roles), accountable: many(roles), consulted: many(roles), informed: many(roles) },
  governance: { board: opens("board", "boards", name("new"), label) },
  board: { members: many(roles), meets: once(value("meets")), minutes: once(word("by"), role, word("within"), D) },
  escalation: {
    "applies-to": many(value("appliesTo"), value("criticality")),
    tier: opens("tier", "tiers", name("new")),
    then: once(name("step")),
  },
  tier: {
    customer: once({ t: "ref", what: "role", side: "customer" }),
    supplier: once({ t: "ref", what: "role", side: "supplier" }),
    within: once(D),
    forum: once(name("board")),
    level: once(value("level")),
  },
  dispute: {
    notice: once(value("notice")),
    ladder: once(name("ladder")),
    "interim-relief": once(value("interimRelief")),
    mediation: opensOnce("step", "steps"),
    "expert-determination": opensOnce("step", "steps"),
    adjudication: opensOnce("step", "steps"),
    arbitration: opensOnce("step", "steps"),
    litigation: opensOnce("step", "steps"),
  },
  step: {
    provider: once(S), rules: once(S), seat: once(S), courts: once(S), arbitrators: once({ t: "number" }), scope: once(S),
    start: once(word("within"), D), decide: once(word("within"), D),
  },
  continuity: {
    services: once(value("services")),
    "undisputed-payments": once(value("undisputedPayments")),
    suspension: once(value("suspension")),
    interim: many(name("service"), { t: "alt", seqs: [[value("interimArrangement")], [S]] }),
  },
  records: { keep: many({ t: "list", item: name("record") }), form: once(value("form")), retain: once(D), owner: once(role) },
  "early-warning": {
    register: once(role),
    review: once(word("at"), name("board")),
    respond: once(word("within"), D),
    signal: many(name("signal"), opt({ t: "number" }, word("within"), D)),
  },
  "change-control": {
    requests: once(value("requests")),
    assess: once(word("by"), role, word("within"), D),
    approve: once(word("at"), name("board")),
    emergency: once(word("by"), roles, word("within"), D),
  },
  "key-personnel": { roles: many(roles), "replacement-notice": once(D) },
  termination: {
    "for-cause": once(value("cure"), D),
    "for-convenience": once(word("notice"), D),
    "exit-plan": once(value("due"), D),
    "exit-assistance": once(D),
    "data-return": once(word("within"), D),
  },
  calendar: {
    timezone: once(S),
    workdays: many({ t: "list", item: name("day") }),
    hours: once({ t: "time" }, word("-"), { t: "time" }),
    holidays: many({ t: "alt", seqs: [[{ t: "list", item: { t: "date" } }], [S]] }),
  },
  log: {
    matter: { ...opens("matter", "matters", name("new"), label), lines: true },
    signal: many(...moment, name("watched-signal"), opt(S), evidence),
    response: many(...moment, opt(S), opt(word("at"), name("board")), evidence),
    measure: many(...slaRef, { t: "period" }, { t: "quantity" }, opt(S)),
    measurements: many(...slaRef, S),
  },
  matter: {
    service: once(name("service")),
    severity: once(value("criticality")),
    ladder: once(name("ladder")),
    raised: many(...moment, opt(word("by"), role), evidence),
    escalated: many(...moment, word("to"), name("tier"), evidence),
    meeting: many(...moment, opt(word("at"), name("board")), opt(word("minutes"), ...moment), evidence),
    decision: many(...moment, S, evidence),
    notice: many(...moment, value("noticeForm"), opt(S), evidence),
    formal: many(...moment, name("step"), evidence),
    suspended: many(...moment, opt(S), evidence),
    resumed: many(...moment, evidence),
    resolved: many(...moment, opt(S), evidence),
    note: many(...moment, S, evidence),
  },
} as const satisfies { [B in BlockKind]: Record<string, Shape> };
/** The statements of one kind of block. */
export type StatementOf<B extends BlockKind> = keyof (typeof LANGUAGE)[B] & string;
type AnyStatement<B extends BlockKind = BlockKind> = B extends BlockKind ? StatementOf<B> : never;

/** Every word the lexer must tell apart from a name: statement words and connectives, units aside. */
export type Keyword = Exclude<AnyStatement | (typeof CONNECTIVES)[number], UnitWord>;

/** The table, seen as shapes by block (completion reads statements slot by slot). */
export const SHAPES: { readonly [B in BlockKind]: Readonly<Record<string, Shape>> } = LANGUAGE;

/** The shape of a statement in a block, or undefined when the block has no such statement. */
export function shapeOf(block: BlockKind, keyword: string): Shape | undefined {
  const shapes = LANGUAGE[block] as Record<string, Shape>;
  return Object.prototype.hasOwnProperty.call(shapes, keyword) ? shapes[keyword] : undefined;
}

/** The statements of each block, in canonical order. */
export const BLOCK_STATEMENTS = Object.fromEntries(BLOCK_KINDS.map((b) => [b, Object.keys(LANGUAGE[b])])) as unknown as {
  [B in BlockKind]: readonly StatementOf<B>[];
};

export const KEYWORDS: readonly Keyword[] = (() => {
  const units = new Set<string>(UNIT_WORDS);
  const words = new Set<string>();
  for (const b of BLOCK_KINDS) for (const w of BLOCK_STATEMENTS[b]) if (!units.has(w)) words.add(w);
  for (const w of CONNECTIVES) words.add(w);
  return [...words] as Keyword[];
})();

/** The words that open a block laid out one statement per line, never on one line. */
export const LINE_BLOCK_WORDS: ReadonlySet<string> = new Set(
  BLOCK_KINDS.flatMap((b) => BLOCK_STATEMENTS[b].filter((w) => shapeOf(b, w)!.lines)),
);

/** `'a', 'b' or 'c'` */
export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  if (quoted.length <= 1) return quoted.join("");
  return quoted.slice(0, -1).join(", ") + " or " + quoted[quoted.length - 1];
}

/** "a service", "an early-warning block", "a dispute step": a block's name in messages. */
export function blockTitle(block: BlockKind): string {
  if (block === "step") return "a dispute step";
  return /^[aeiou]/.test(block) ? `an ${block} block` : `a ${block}`;
}
