// The shape of every statement, slot by slot, for completion in half-typed text: given the tokens of a
// block up to the cursor, which slot is the cursor in? A second, forgiving reading of language.md's
// grammar that never fails; the real parser stays the authority on what is valid.
import type { BlockKind, ValueSet } from "../core/vocabulary";

export type NameTarget =
  | "new" // a name being declared: nothing to offer
  | "party" | "board" | "ladder" | "service" | "step" | "calendar"
  | "holder" // a person of the enclosing party
  | "record" | "signal" | "day";

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

export interface Shape {
  slots: Slot[];
  /** The statement may appear once in its block (completion stops offering it). */
  once?: boolean;
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

const once = (...slots: Slot[]): Shape => ({ slots, once: true });
const many = (...slots: Slot[]): Shape => ({ slots });

const party = many(name("new"), label, opt(value("side")), block("party"));
const moment: Slot[] = [{ t: "date" }, opt({ t: "time" })];
const evidence = opt(word("evidence"), { t: "list", item: S });
const slaRef: Slot[] = [name("service"), word("."), name("new")];

export const SHAPES: { [B in BlockKind]: Record<string, Shape> } = {
  document: {
    import: many(S),
    contract: many(name("new"), label, block("contract")),
    party,
    calendar: many(name("new"), block("calendar")),
    log: many(name("new"), block("log")),
  },
  contract: {
    kind: once(value("contractKind")),
    customer: many(name("party")),
    supplier: many(name("party")),
    effective: once({ t: "date" }),
    term: once(D),
    law: once(S),
    "negotiated-by": many({ t: "list", item: { t: "ref", what: "person" } }),
    calendar: once({ t: "alt", seqs: [[block("calendar")], [name("calendar")]] }),
    party,
    service: many(name("new"), label, block("service")),
    responsibilities: once(block("responsibilities")),
    governance: once(block("governance")),
    escalation: many(name("new"), label, block("escalation")),
    dispute: once(block("dispute")),
    continuity: once(block("continuity")),
    records: once(block("records")),
    "early-warning": once(block("early-warning")),
    "change-control": once(block("change-control")),
    "key-personnel": once(block("key-personnel")),
    termination: once(block("termination")),
  },
  party: {
    person: many(name("new"), label, block("person", true)),
    role: many(name("new"), label, block("role")),
  },
  person: { title: once(S), email: once(S), left: once({ t: "date" }) },
  role: { holder: once(name("holder")), deputy: once(name("holder")), level: once(value("level")) },
  service: {
    criticality: once(value("criticality")),
    owner: once(role),
    sla: many(name("new"), label, block("sla")),
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
  responsibilities: { activity: many(S, block("activity")) },
  activity: { responsible: many(roles), accountable: many(roles), consulted: many(roles), informed: many(roles) },
  governance: { board: many(name("new"), label, block("board")) },
  board: { members: many(roles), meets: once(value("meets")), minutes: once(word("by"), role, word("within"), D) },
  escalation: {
    "applies-to": many(value("appliesTo"), value("criticality")),
    tier: many(name("new"), block("tier")),
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
    mediation: once(block("step")),
    "expert-determination": once(block("step")),
    adjudication: once(block("step")),
    arbitration: once(block("step")),
    litigation: once(block("step")),
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
    matter: many(name("new"), label, block("matter")),
    signal: many(...moment, name("signal"), opt(S), evidence),
    response: many(...moment, opt(S), opt(word("at"), name("board")), evidence),
    measure: many(...slaRef, { t: "period" }, { t: "quantity" }, opt(S)),
    measurements: many(...slaRef, S),
  },
  matter: {
    service: once(name("service")),
    severity: once(value("criticality")),
    ladder: once(name("ladder")),
    raised: many(...moment, opt(word("by"), role), evidence),
    escalated: many(...moment, word("to"), name("new"), evidence),
    meeting: many(...moment, opt(word("at"), name("board")), opt(word("minutes"), ...moment), evidence),
    decision: many(...moment, S, evidence),
    notice: many(...moment, value("noticeForm"), opt(S), evidence),
    formal: many(...moment, name("step"), evidence),
    suspended: many(...moment, opt(S), evidence),
    resumed: many(...moment, evidence),
    resolved: many(...moment, opt(S), evidence),
    note: many(...moment, S, evidence),
  },
};
