// The words of the language that are not names: which statements each block takes and the closed
// value sets. The parser validates against these; completion offers them.

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

/** The statements each kind of block takes, in canonical order (completion and error messages). */
export const BLOCK_STATEMENTS = {
  document: ["import", "contract", "party", "calendar", "log"],
  contract: [
    "kind", "customer", "supplier", "effective", "term", "law", "negotiated-by", "calendar", "party",
    "service", "responsibilities", "governance", "escalation", "dispute", "continuity", "records",
    "early-warning", "change-control", "key-personnel", "termination",
  ],
  party: ["person", "role"],
  person: ["title", "email", "left"],
  role: ["holder", "deputy", "level"],
  service: ["criticality", "owner", "sla", "fee"],
  sla: ["metric", "window", "coverage", "exclude", "measured-by", "report", "credit", "cap", "chronic"],
  responsibilities: ["activity"],
  activity: ["responsible", "accountable", "consulted", "informed"],
  governance: ["board"],
  board: ["members", "meets", "minutes"],
  escalation: ["applies-to", "tier", "then"],
  tier: ["customer", "supplier", "within", "forum", "level"],
  dispute: ["notice", "ladder", "interim-relief", "mediation", "expert-determination", "adjudication", "arbitration", "litigation"],
  step: ["provider", "rules", "seat", "courts", "arbitrators", "scope", "start", "decide"],
  continuity: ["services", "undisputed-payments", "suspension", "interim"],
  records: ["keep", "form", "retain", "owner"],
  "early-warning": ["register", "review", "respond", "signal"],
  "change-control": ["requests", "assess", "approve", "emergency"],
  "key-personnel": ["roles", "replacement-notice"],
  termination: ["for-cause", "for-convenience", "exit-plan", "exit-assistance", "data-return"],
  calendar: ["timezone", "workdays", "hours", "holidays"],
  log: ["matter", "signal", "response", "measure", "measurements"],
  matter: [
    "service", "severity", "ladder", "raised", "escalated", "meeting", "decision", "notice", "formal",
    "suspended", "resumed", "resolved", "note",
  ],
} as const satisfies Record<string, readonly string[]>;

export type BlockKind = keyof typeof BLOCK_STATEMENTS;

export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  if (quoted.length <= 1) return quoted.join("");
  return quoted.slice(0, -1).join(", ") + " or " + quoted[quoted.length - 1];
}
