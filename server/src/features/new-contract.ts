// "New Contract": a complete contract of a kind between two parties, in the formatter's canonical layout,
// that raises no finding. Pure: answers in, text out. Where a person must decide (names of people, the
// arbitration rules and seat, the mediator), the text says so in a string that starts with "TO DECIDE:".
import { format } from "../format";
import { parseDate } from "../core/values";

export type ContractKind = "saas" | "managed-services" | "implementation";

export interface ContractKindInfo {
  kind: ContractKind;
  title: string;
  description: string;
}

export const CONTRACT_KINDS: readonly ContractKindInfo[] = [
  { kind: "saas", title: "SaaS subscription", description: "A hosted platform the customer subscribes to, with an availability service level" },
  { kind: "managed-services", title: "Managed services", description: "A service the supplier runs for the customer, with incident fix times" },
  { kind: "implementation", title: "Implementation project", description: "A project the supplier delivers, with milestone service levels" },
];

/** The marker of every placeholder a person must replace; search the file for it. */
export const TO_DECIDE = "TO DECIDE:";

export interface ContractAnswers {
  kind: ContractKind;
  /** The customer's name as it should read (`Northwind Traders`). */
  customer: string;
  supplier: string;
  /** The governing law (`England and Wales`). */
  law: string;
  /** A holiday region code (`GB-ENG`); its validity is the caller's to check (holiday-regions.ts). */
  region: string;
  /** The calendar's IANA time zone. */
  timezone: string;
  /** The effective date, `YYYY-MM-DD`. */
  effective: string;
}

/** What is wrong with the answers, in one line, or undefined. */
export function contractAnswersProblem(a: Partial<Record<keyof ContractAnswers, unknown>>): string | undefined {
  if (!CONTRACT_KINDS.some((k) => k.kind === a.kind)) {
    return `the kind must be one of ${CONTRACT_KINDS.map((k) => k.kind).join(", ")}, not ${JSON.stringify(a.kind ?? "")}`;
  }
  for (const [field, what] of [["customer", "the customer's name"], ["supplier", "the supplier's name"], ["law", "the governing law"]] as const) {
    const problem = nameProblem(a[field], what);
    if (problem) return problem;
  }
  if (typeof a.region !== "string" || !/^[A-Za-z]{2}(-[A-Za-z0-9]+){0,2}$/.test(a.region.trim())) return `the region must be a holiday region code such as GB-ENG, not ${JSON.stringify(a.region ?? "")}`;
  if (typeof a.timezone !== "string" || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(a.timezone)) return `the time zone must be an IANA name such as Europe/London, not ${JSON.stringify(a.timezone ?? "")}`;
  if (typeof a.effective !== "string" || !parseDate(a.effective)) return `the effective date must be a date written YYYY-MM-DD, not ${JSON.stringify(a.effective ?? "")}`;
  if ((a.customer as string).trim().toLowerCase() === (a.supplier as string).trim().toLowerCase()) {
    return "the customer and the supplier must be two different parties";
  }
  return undefined;
}

/** A problem with a name typed by the user: it becomes a one-line Covenant string. */
export function nameProblem(value: unknown, what: string): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return `${what} is missing`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${what} must be one line of text`;
  if (value.trim().length > 120) return `${what} is longer than 120 characters`;
  return undefined;
}

const LEGAL_FORMS = new Set(["ltd", "limited", "plc", "llp", "llc", "inc", "incorporated", "corp", "corporation", "co", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pvt", "sl"]);

/**
 * A Covenant identifier for a name: ASCII letters and digits in dash-separated groups, starting with a
 * letter (`Société Générale` → `societe-generale`); `fallback` when nothing of the name is left.
 */
export function identifier(name: string, fallback: string): string {
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter((w) => w !== "");
  // `Acme Services Ltd` → `acme-services`: the legal form says nothing the label does not.
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  let id = "";
  for (const w of words) {
    const next = id ? `${id}-${w}` : w;
    if (next.length > 32 && id) break;
    id = next;
  }
  if (!id) return fallback;
  return /^[a-z]/.test(id) ? id : `${fallback}-${id}`;
}

function quoted(text: string): string {
  return `"${text.trim().replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

interface KindTemplate {
  suffix: string;
  label: string;
  term: string;
  service: { id: string; label: string };
  sla: string[];
  activities: { name: string; responsible: "c" | "s"; accountable: "c" | "s"; consulted: "c" | "s"; informed: "c" | "s"; level: "ops" | "mgmt" }[];
  interim: string;
  exitAssistance: string;
}

const TEMPLATES: Record<ContractKind, KindTemplate> = {
  saas: {
    suffix: "saas",
    label: "SaaS subscription",
    term: "36 months",
    service: { id: "platform", label: "Subscription platform" },
    sla: [
      `sla availability "Monthly availability" {`,
      `metric "Availability" >= 99.9%`,
      `window monthly`,
      `coverage 24x7`,
      `exclude "Planned maintenance announced five business days ahead"`,
      `exclude "Outages caused by the customer"`,
      `measured-by SUPPLIER`,
      `report monthly at service-board`,
      `credit 5% below 99.9%`,
      `credit 10% below 99.5%`,
      `cap 20%`,
      `chronic 3 breaches within 6 months -> terminate`,
      `}`,
    ],
    activities: [
      { name: "Incident management", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "ops" },
      { name: "User administration", responsible: "c", accountable: "c", consulted: "s", informed: "s", level: "ops" },
      { name: "Exit plan upkeep", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "mgmt" },
    ],
    interim: "escrow",
    exitAssistance: "6 months",
  },
  "managed-services": {
    suffix: "msa",
    label: "Managed Services Agreement",
    term: "60 months",
    service: { id: "managed-service", label: "Managed service" },
    sla: [
      `sla p1-fix "Priority 1 incidents fixed in time" {`,
      `metric "P1 incidents resolved within 4 hours" >= 95%`,
      `window monthly`,
      `coverage 24x7`,
      `exclude "Time spent waiting for the customer"`,
      `measured-by SUPPLIER`,
      `report monthly at service-board`,
      `credit 5% below 95%`,
      `credit 10% below 90%`,
      `cap 15%`,
      `chronic 3 breaches within 6 months -> step-in`,
      `}`,
    ],
    activities: [
      { name: "Incident management", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "ops" },
      { name: "Service reporting", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "mgmt" },
      { name: "Exit plan upkeep", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "mgmt" },
    ],
    interim: "step-in",
    exitAssistance: "9 months",
  },
  implementation: {
    suffix: "project",
    label: "Implementation project",
    term: "12 months",
    service: { id: "delivery", label: "Project delivery" },
    sla: [
      `sla milestones "Milestones delivered on time" {`,
      `metric "Milestones accepted by their planned date" >= 90%`,
      `window monthly`,
      `coverage business`,
      `exclude "Delays caused by the customer's late decisions"`,
      `measured-by SUPPLIER`,
      `report monthly at service-board`,
      `credit 2% below 90%`,
      `cap 10%`,
      `chronic 2 breaches within 6 months -> review`,
      `}`,
    ],
    activities: [
      { name: "Solution design", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "ops" },
      { name: "Acceptance testing", responsible: "c", accountable: "c", consulted: "s", informed: "s", level: "ops" },
      { name: "Handover to operations", responsible: "s", accountable: "s", consulted: "c", informed: "c", level: "mgmt" },
    ],
    interim: "fallback",
    exitAssistance: "3 months",
  },
};

/** The contract's identifier: both parties and the kind (`northwind-acme-msa`). */
export function contractIdentifier(a: Pick<ContractAnswers, "kind" | "customer" | "supplier">): string {
  const { customer, supplier } = partyIdentifiers(a);
  return `${customer}-${supplier}-${TEMPLATES[a.kind].suffix}`;
}

function partyIdentifiers(a: Pick<ContractAnswers, "customer" | "supplier">): { customer: string; supplier: string } {
  let customer = identifier(a.customer, "customer");
  let supplier = identifier(a.supplier, "supplier");
  if (customer === supplier) {
    customer = `${customer}-customer`;
    supplier = `${supplier}-supplier`;
  }
  return { customer, supplier };
}

/** The file a new contract is saved as by default. */
export function contractFileName(a: Pick<ContractAnswers, "kind" | "customer" | "supplier">): string {
  return `${contractIdentifier(a)}.covenant`;
}

/** The whole contract; throws on answers that contractAnswersProblem rejects (callers check first). */
export function newContract(a: ContractAnswers): string {
  const problem = contractAnswersProblem(a);
  if (problem) throw new Error(`newContract: ${problem}`);
  const t = TEMPLATES[a.kind];
  const ids = partyIdentifiers(a);
  const c = ids.customer;
  const s = ids.supplier;
  const side = (x: "c" | "s"): string => (x === "c" ? c : s);
  const service = t.service.id;

  const party = (id: string, name: string, roleWord: "customer" | "supplier"): string[] => {
    const of = `of ${name.trim()}`;
    return [
      `party ${id} ${quoted(name)} ${roleWord} {`,
      `person ops-lead ${quoted(`${TO_DECIDE} operations lead ${of}`)}`,
      `person ops-deputy ${quoted(`${TO_DECIDE} deputy operations lead ${of}`)}`,
      `person service-lead ${quoted(`${TO_DECIDE} service manager ${of}`)}`,
      `person sponsor ${quoted(`${TO_DECIDE} executive sponsor ${of}`)}`,
      `role ops "Operations lead" { holder ops-lead deputy ops-deputy level operational }`,
      `role mgmt "Service management" { holder service-lead deputy ops-lead level management }`,
      `role exec "Executive sponsor" { holder sponsor deputy service-lead level executive }`,
      `}`,
    ];
  };

  const lines: string[] = [
    `/// ${a.supplier.trim()} ${t.label} for ${a.customer.trim()}. Replace every "${TO_DECIDE}" text before signature.`,
    `contract ${contractIdentifier(a)} ${quoted(`${a.supplier.trim()} ${t.label} for ${a.customer.trim()}`)} {`,
    `kind ${a.kind}`,
    `effective ${a.effective}`,
    `term ${t.term}`,
    `law ${quoted(a.law)}`,
    ``,
    `calendar {`,
    `timezone ${quoted(a.timezone)}`,
    `workdays mon-fri`,
    `hours 09:00-17:00`,
    `holidays ${quoted(a.region.trim().toUpperCase())}`,
    `}`,
    ``,
    ...party(c, a.customer, "customer"),
    ``,
    ...party(s, a.supplier, "supplier"),
    ``,
    `service ${service} ${quoted(t.service.label)} {`,
    `criticality critical`,
    `owner ${s}.mgmt`,
    ...t.sla.map((l) => l.replace("SUPPLIER", s)),
    `}`,
    ``,
    `responsibilities {`,
    ...t.activities.flatMap((act) => [
      `activity ${quoted(act.name)} {`,
      `responsible ${side(act.responsible)}.${act.level}`,
      `accountable ${side(act.accountable)}.${act.level === "ops" ? "mgmt" : "exec"}`,
      `consulted ${side(act.consulted)}.${act.level}`,
      `informed ${side(act.informed)}.${act.level === "ops" ? "mgmt" : "exec"}`,
      `}`,
    ]),
    `}`,
    ``,
    `governance {`,
    `board ops-review "Weekly operations review" {`,
    `members ${c}.ops, ${s}.ops`,
    `meets weekly`,
    `minutes by ${s}.ops within 2 business days`,
    `}`,
    `board service-board "Monthly service board" {`,
    `members ${c}.mgmt, ${s}.mgmt`,
    `meets monthly`,
    `minutes by ${c}.ops within 3 business days`,
    `}`,
    `board exec-board "Quarterly executive board" {`,
    `members ${c}.exec, ${s}.exec`,
    `meets quarterly`,
    `minutes by ${c}.mgmt within 5 business days`,
    `}`,
    `}`,
    ``,
    `escalation standard "Standard escalation" {`,
    `tier operational {`,
    `customer ops`,
    `supplier ops`,
    `within 5 business days`,
    `forum ops-review`,
    `}`,
    `tier management {`,
    `customer mgmt`,
    `supplier mgmt`,
    `within 10 business days`,
    `forum service-board`,
    `}`,
    `tier executive {`,
    `customer exec`,
    `supplier exec`,
    `within 10 business days`,
    `forum exec-board`,
    `}`,
    `then mediation`,
    `}`,
    ``,
    `escalation expedited "Critical service escalation" {`,
    `applies-to criticality critical`,
    `applies-to severity critical`,
    `tier operational { customer ops supplier ops within 4 business hours }`,
    `tier management { customer mgmt supplier mgmt within 4 business hours }`,
    `tier executive { customer exec supplier exec within 8 business hours }`,
    `then mediation`,
    `}`,
    ``,
    `dispute {`,
    `notice written`,
    `ladder standard`,
    `interim-relief allowed`,
    `mediation { provider ${quoted(`${TO_DECIDE} mediation provider`)} start within 20 business days }`,
    `arbitration { rules ${quoted(`${TO_DECIDE} arbitration rules`)} seat ${quoted(`${TO_DECIDE} seat of the arbitration`)} arbitrators 1 }`,
    `}`,
    ``,
    `continuity {`,
    `services continue`,
    `undisputed-payments continue`,
    `suspension forbidden`,
    `interim ${service} ${t.interim}`,
    `}`,
    ``,
    `records {`,
    `keep decisions, change-requests, minutes, notices, sla-reports, correspondence`,
    `form written`,
    `retain 7 years`,
    `owner ${c}.ops`,
    `}`,
    ``,
    `early-warning {`,
    `register ${c}.mgmt`,
    `review at service-board`,
    `respond within 2 business days`,
    `signal missed-deadlines 2 within 30 days`,
    `signal formal-tone`,
    `signal clause-citation`,
    `signal sla-breaches 2 within 3 months`,
    `}`,
    ``,
    `change-control {`,
    `requests written`,
    `assess by ${s}.mgmt within 10 business days`,
    `approve at service-board`,
    `emergency by ${c}.mgmt, ${s}.mgmt within 4 business hours`,
    `}`,
    ``,
    `key-personnel {`,
    `roles ${s}.mgmt, ${s}.exec`,
    `replacement-notice 3 months`,
    `}`,
    ``,
    `termination {`,
    `for-cause cure 30 days`,
    `for-convenience notice 6 months`,
    `exit-plan due 3 months`,
    `exit-assistance ${t.exitAssistance}`,
    `data-return within 30 days`,
    `}`,
    `}`,
  ];
  const formatted = format(lines.join("\n") + "\n");
  // The template is ours: text the formatter refuses is a bug in this file, never the user's doing.
  if ("error" in formatted) throw new Error(`newContract produced text the formatter refuses: ${formatted.error}`);
  return formatted.text;
}
