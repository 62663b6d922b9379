// The governance schedule as a view model: numbered clauses in plain contract English, built from one linked
// contract. Every renderer (Markdown, HTML, DOCX) draws from this; none of them reads the AST.
import { DateTime } from "luxon";
import type * as A from "../core/ast";
import type { Linked, LinkedContract, PartyInfo, PersonInfo, RoleInfo } from "../core/link";
import { describeDuration, parseDate } from "../core/values";
import { businessCalendar } from "../simulate/calendar";
import { escalationGraph, GraphContract, GraphLadder, GraphTier, Contact } from "../simulate/graph";
import { chooseContract } from "../simulate/simulate";
import { readableDate } from "./dates";

export { readableDate } from "./dates";

export type Block =
  | { kind: "paragraph"; text: string }
  /** A `///` documentation comment of the declaration, shown as an explanatory note. */
  | { kind: "note"; text: string }
  /** Something the agreement does not provide for, stated so that a reader sees the gap. */
  | { kind: "gap"; text: string }
  | { kind: "list"; items: string[] }
  /** `keyed`: the first column labels each row (a table of particulars). */
  | { kind: "table"; header: string[]; rows: string[][]; keyed?: boolean }
  /** The ladder's diagram; `contract` holds just this ladder, for the SVG and Mermaid renderers. */
  | { kind: "ladder"; ladder: GraphLadder; contract: GraphContract };

export interface Clause {
  /** `5`, `5.2`, `A`: depends only on the contract's structure (docs/schedule.md, "Numbering"). */
  number: string;
  title: string;
  blocks: Block[];
  clauses: Clause[];
}

export interface Schedule {
  /** The contract's id. */
  contract: string;
  title: string;
  /** The agreement's particulars, as label and value. */
  particulars: [string, string][];
  notes: string[];
  /** The date people are judged at (who has left, who deputises). */
  asOf: string;
  /** Clauses 1 to 12, always all of them, in the order of docs/schedule.md. */
  clauses: Clause[];
  /** Annex A, the business calendar. */
  annex: Clause;
}

export interface ScheduleOptions {
  /** The contract to schedule, where the file holds several. */
  contract?: string;
  /** `YYYY-MM-DD`: the date people are judged at. */
  asOf: string;
}

/** Most holidays a schedule lists: a term longer than this many years is shown for its first years. */
const MAX_HOLIDAY_YEARS = 10;

/** The schedule of a linked file's contract, or why there is none. Never throws on any text. */
export function buildSchedule(linked: Linked, options: ScheduleOptions): Schedule | { error: string } {
  const lc = chooseContract(linked, options.contract);
  if ("error" in lc) return lc;
  const graph = escalationGraph(linked, options.asOf).contracts.find((c) => c.name === lc.contract.name!.text);
  return new ScheduleBuilder(lc, options.asOf, graph).build();
}

const SECTIONS = [
  "Parties and representatives",
  "Services and service levels",
  "Responsibilities",
  "Governance boards",
  "Escalation procedure",
  "Dispute resolution",
  "Continuity of services",
  "Records",
  "Early warning",
  "Change control",
  "Key personnel",
  "Termination and exit",
] as const;

/** The top-level clause number of a section: fixed, so that a missing block never renumbers the rest. */
export function sectionNumber(title: (typeof SECTIONS)[number]): string {
  return String(SECTIONS.indexOf(title) + 1);
}

// ---------------------------------------------------------------- wording

const COMPARATORS: Record<string, string> = { ">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "=": "exactly" };
const WINDOWS: Record<string, string> = { monthly: "each calendar month", quarterly: "each calendar quarter", yearly: "each year", "per-incident": "each incident" };
const CADENCES: Record<string, string> = { weekly: "every week", fortnightly: "every two weeks", monthly: "every month", quarterly: "every quarter", yearly: "every year" };
const PER: Record<string, string> = { monthly: "per month", quarterly: "per quarter", yearly: "per year" };
const CHRONIC: Record<string, string> = { terminate: "give a right to terminate the agreement", "step-in": "give a right of step-in", review: "require a review of the service" };
const INTERIM: Record<string, string> = { "step-in": "step-in rights", fallback: "a fallback arrangement", escrow: "escrow" };
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NOT_STATED = "Not stated";

function quantity(q: A.Quantity | undefined): string | undefined {
  if (!q) return undefined;
  return q.kind === "duration" ? describeDuration(q) : q.text;
}

function duration(d: A.Duration | undefined): string | undefined {
  return d && Number.isInteger(d.amount) && d.amount > 0 ? describeDuration(d) : undefined;
}

/** `change-requests` → `change requests`. */
function words(id: string): string {
  return id.replace(/[-_]/g, " ");
}

function personName(p: PersonInfo | undefined): string | undefined {
  return p && (p.person.label?.value ?? p.decl.name);
}

function partyName(p: PartyInfo | undefined): string | undefined {
  return p && (p.party.label?.value ?? p.decl.name);
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** `3 months` → `3 months' notice`, `1 month` → `1 month's notice`. */
function ofNotice(period: string): string {
  return period.endsWith("s") ? `${period}' notice` : `${period}'s notice`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

class ScheduleBuilder {
  private readonly boardClause = new Map<string, string>();
  private readonly stepClause = new Map<string, string>();
  private readonly serviceClause = new Map<string, string>();
  private readonly ladderClause = new Map<string, string>();

  constructor(
    private readonly lc: LinkedContract,
    private readonly asOf: string,
    private readonly graph: GraphContract | undefined,
  ) {
    const c = lc.contract;
    // Cross-references first, so that any clause can cite any other.
    this.named(c.services).forEach((s, i) => this.serviceClause.set(s.name!.text, `${sectionNumber("Services and service levels")}.${i + 1}`));
    this.named(c.governance?.boards ?? []).forEach((b, i) => this.boardClause.set(b.name!.text, `${sectionNumber("Governance boards")}.${i + 1}`));
    this.ladders().forEach((l, i) => this.ladderClause.set(l.name, `${sectionNumber("Escalation procedure")}.${i + 1}`));
    (c.dispute?.steps ?? []).forEach((s, i) => {
      if (!this.stepClause.has(s.step)) this.stepClause.set(s.step, `${sectionNumber("Dispute resolution")}.${i + 1}`);
    });
  }

  build(): Schedule {
    const c = this.lc.contract;
    return {
      contract: c.name!.text,
      title: c.label?.value ?? c.name!.text,
      particulars: this.particulars(),
      notes: c.doc ? [c.doc] : [],
      asOf: this.asOf,
      clauses: [
        this.parties(), this.services(), this.responsibilities(), this.governance(), this.escalation(), this.dispute(),
        this.continuity(), this.records(), this.earlyWarning(), this.changeControl(), this.keyPersonnel(), this.termination(),
      ],
      annex: this.calendarAnnex(),
    };
  }

  /** The declarations with a name that the linker kept (the first of a duplicate), in the order written. */
  private named<T extends { name?: A.Name }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter((x) => x.name && !seen.has(x.name.text) && seen.add(x.name.text));
  }

  private ladders(): GraphLadder[] {
    return this.graph?.ladders ?? [];
  }

  private section(title: (typeof SECTIONS)[number]): Clause {
    return { number: sectionNumber(title), title, blocks: [], clauses: [] };
  }

  private sub(parent: Clause, title: string): Clause {
    const clause: Clause = { number: `${parent.number}.${parent.clauses.length + 1}`, title, blocks: [], clauses: [] };
    parent.clauses.push(clause);
    return clause;
  }

  private side(p: PartyInfo | undefined): string {
    if (!p) return "";
    return p === this.lc.customer ? "the Customer" : p === this.lc.supplier ? "the Supplier" : partyName(p)!;
  }

  /** `Operations lead of Northwind Traders (Jo Lee)`: a role as the clauses name it. */
  private role(ref: A.Ref | undefined): string {
    if (!ref) return NOT_STATED;
    const info = this.lc.roleOf.get(ref);
    const written = ref.party ? `${ref.party.text}.${ref.name.text}` : ref.name.text;
    if (!info) return `${written} (a role the agreement does not declare)`;
    return this.roleInfo(info);
  }

  private roleInfo(info: RoleInfo): string {
    const label = info.role.label?.value ?? info.decl.name;
    const holder = personName(info.holder);
    return `${label} of ${partyName(info.party)}${holder ? ` (${holder})` : ""}`;
  }

  private roles(refs: readonly A.Ref[]): string {
    return refs.length ? joinAnd(refs.map((r) => this.role(r))) : NOT_STATED;
  }

  private board(name: A.Name | undefined): string {
    if (!name) return NOT_STATED;
    const b = this.lc.boards.get(name.text);
    const clause = this.boardClause.get(name.text);
    return b ? `the ${b.label?.value ?? name.text} (clause ${clause})` : `'${name.text}' (a board the agreement does not declare)`;
  }

  // ---------------------------------------------------------------- particulars

  private particulars(): [string, string][] {
    const c = this.lc.contract;
    const kinds: Record<string, string> = { saas: "Software as a service", "managed-services": "Managed services", implementation: "Implementation project", other: "Other" };
    const term = duration(c.term);
    return [
      ["Agreement", `${c.label?.value ?? c.name!.text} (${c.name!.text})`],
      ["Kind", c.contractKind ? kinds[c.contractKind.text] ?? c.contractKind.text : NOT_STATED],
      ["Customer", this.lc.customer ? partyName(this.lc.customer)! : NOT_STATED],
      ["Supplier", this.lc.supplier ? partyName(this.lc.supplier)! : NOT_STATED],
      ["Effective date", c.effective && parseDate(c.effective.text) ? readableDate(c.effective.text) : NOT_STATED],
      ["Term", term ?? NOT_STATED],
      ["Governing law", c.law?.value ?? NOT_STATED],
    ];
  }

  // ---------------------------------------------------------------- 1 parties

  private parties(): Clause {
    const clause = this.section("Parties and representatives");
    clause.blocks.push({ kind: "paragraph", text: "Each party acts through the roles below. Where the holder of a role is absent or has left, the deputy named for the role acts in it." });
    for (const [which, p] of [["Customer", this.lc.customer], ["Supplier", this.lc.supplier]] as const) {
      if (!p) {
        const gap = this.sub(clause, `The ${which}`);
        gap.blocks.push({ kind: "gap", text: `The agreement names no ${which.toLowerCase()} party.` });
        continue;
      }
      const sub = this.sub(clause, `The ${which}: ${partyName(p)}`);
      if (p.party.doc) sub.blocks.push({ kind: "note", text: p.party.doc });
      const people = [...p.people.values()];
      if (people.length === 0) sub.blocks.push({ kind: "gap", text: `The agreement names no people of ${partyName(p)}.` });
      else {
        sub.blocks.push({
          kind: "table",
          header: ["Person", "Title", "Email", "Status"],
          rows: people.map((person) => [
            personName(person)!,
            person.person.title?.value ?? "",
            person.person.email?.value ?? "",
            person.person.left && parseDate(person.person.left.text) ? `left on ${readableDate(person.person.left.text)}` : "",
          ]),
        });
      }
      const roles = [...p.roles.values()];
      if (roles.length === 0) sub.blocks.push({ kind: "gap", text: `The agreement declares no roles for ${partyName(p)}.` });
      else {
        sub.blocks.push({
          kind: "table",
          header: ["Role", "Held by", "Deputy", "Level"],
          rows: roles.map((r) => [
            r.role.label?.value ?? r.decl.name,
            personName(r.holder) ?? "No holder named",
            personName(r.deputy) ?? "No deputy",
            r.level ?? "",
          ]),
        });
        const undeputised = roles.filter((r) => !r.deputy).map((r) => r.role.label?.value ?? r.decl.name);
        if (undeputised.length) sub.blocks.push({ kind: "gap", text: `The agreement names no deputy for: ${joinAnd(undeputised)}.` });
      }
      for (const n of [...people.map((x) => x.person), ...roles.map((x) => x.role)]) if (n.doc) sub.blocks.push({ kind: "note", text: `${n.label?.value ?? n.name?.text}: ${n.doc}` });
    }
    const negotiators = this.sub(clause, "Negotiators");
    const named = this.lc.contract.negotiatedBy.map((ref) => {
      const p = this.lc.personOf.get(ref);
      if (!p) return `${ref.party ? `${ref.party.text}.` : ""}${ref.name.text} (a person the agreement does not declare)`;
      const title = p.person.title?.value;
      return `${personName(p)} (${title ? `${title}, ` : ""}${partyName(p.party)})`;
    });
    if (named.length) negotiators.blocks.push({ kind: "paragraph", text: `The agreement was negotiated by ${joinAnd(named)}.` });
    else negotiators.blocks.push({ kind: "gap", text: "The agreement does not record who negotiated it." });
    return clause;
  }

  // ---------------------------------------------------------------- 2 services

  private services(): Clause {
    const clause = this.section("Services and service levels");
    const services = this.named(this.lc.contract.services);
    if (services.length === 0) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for services or service levels." });
      return clause;
    }
    for (const s of services) {
      const sub = this.sub(clause, `${s.label?.value ?? s.name!.text}`);
      if (s.doc) sub.blocks.push({ kind: "note", text: s.doc });
      const facts: string[] = [];
      const gaps: string[] = [];
      (s.criticality ? facts : gaps).push(s.criticality ? `The service's criticality is ${s.criticality.text}.` : "The agreement gives the service no criticality.");
      (s.owner ? facts : gaps).push(s.owner ? `The service is owned by the ${this.role(s.owner)}.` : "The agreement names no owner for the service.");
      (s.fee ? facts : gaps).push(this.fee(s));
      if (facts.length) sub.blocks.push({ kind: "paragraph", text: facts.join(" ") });
      for (const gap of gaps) sub.blocks.push({ kind: "gap", text: gap });
      const slas = this.named(s.slas);
      if (slas.length === 0) {
        sub.blocks.push({ kind: "gap", text: "The agreement makes no provision for a service level for this service." });
        continue;
      }
      const rows: [string, (sla: A.Sla) => string][] = [
        ["Metric and target", (sla) => sla.metrics.length ? sla.metrics.map((m) => `${m.label?.value ?? "The metric"}: ${m.comparator ? COMPARATORS[m.comparator.text] ?? m.comparator.text : ""} ${quantity(m.target) ?? ""}`.replace(/\s+/g, " ").trim()).join("; ") : NOT_STATED],
        ["Measurement window", (sla) => sla.window ? `Measured ${WINDOWS[sla.window.text] ?? sla.window.text}` : NOT_STATED],
        ["Coverage", (sla) => !sla.coverage ? NOT_STATED : sla.coverage.text === "24x7" ? "24 hours a day, 7 days a week" : "Business hours of the business calendar (Annex A)"],
        ["Exclusions", (sla) => sla.excludes.length ? sla.excludes.map((e) => e.value).join("; ") : "None stated"],
        ["Measured by", (sla) => {
          if (!sla.measuredBy) return NOT_STATED;
          const p = this.lc.parties.get(sla.measuredBy.text);
          return p ? `${partyName(p)} (${this.side(p)})` : sla.measuredBy.text;
        }],
        ["Reports", (sla) => sla.reports.length ? sla.reports.map((r) => `${r.cadence ? `${r.cadence.text[0].toUpperCase()}${r.cadence.text.slice(1)}` : "A"} report${r.at ? ` to ${this.board(r.at)}` : ""}`).join("; ") : "None stated"],
        ["Service credits", (sla) => sla.credits.length ? sla.credits.map((cr) => `${cr.percent?.text ?? "?"} where the level is ${cr.direction?.text === "above" ? "above" : "below"} ${quantity(cr.threshold) ?? "?"}`).join("; ") : "None stated"],
        ["Cap on credits", (sla) => sla.cap ? `${sla.cap.text} in total` : "None stated"],
        ["Chronic breach", (sla) => sla.chronics.length ? sla.chronics.map((ch) => `${ch.count?.text ?? "?"} breaches within ${duration(ch.within) ?? "?"} ${ch.action ? CHRONIC[ch.action.text] ?? ch.action.text : ""}`.trim()).join("; ") : "None stated"],
      ];
      sub.blocks.push({
        kind: "table",
        keyed: true,
        header: ["Service level", ...slas.map((sla) => sla.label?.value ?? sla.name!.text)],
        rows: rows.map(([label, value]) => [label, ...slas.map(value)]),
      });
      for (const sla of slas) if (sla.doc) sub.blocks.push({ kind: "note", text: `${sla.label?.value ?? sla.name!.text}: ${sla.doc}` });
    }
    return clause;
  }

  private fee(s: A.Service): string {
    const fee = s.fee;
    if (!fee) return "The agreement states no fee for the service.";
    const amount = fee.amount?.value;
    const text = typeof amount === "number" && Number.isFinite(amount) ? amount.toLocaleString("en-GB", { maximumFractionDigits: 2 }) : fee.amount?.text;
    return `The fee is ${fee.currency?.text ?? ""} ${text ?? "?"} ${fee.per ? PER[fee.per.text] ?? fee.per.text : ""}`.replace(/\s+/g, " ").trim() + ".";
  }

  // ---------------------------------------------------------------- 3 RACI

  private responsibilities(): Clause {
    const clause = this.section("Responsibilities");
    const activities = this.lc.contract.responsibilities?.activities ?? [];
    if (activities.length === 0) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for a matrix of responsibilities." });
      return clause;
    }
    clause.blocks.push({ kind: "paragraph", text: "For each activity: Responsible does the work; Accountable answers for it and approves it; Consulted is asked before decisions; Informed is told of them." });
    const cell = (refs: readonly A.Ref[]): string => (refs.length ? joinAnd(refs.map((r) => this.role(r))) : "—");
    clause.blocks.push({
      kind: "table",
      keyed: true,
      header: ["Activity", "Responsible", "Accountable", "Consulted", "Informed"],
      rows: activities.map((a) => [a.label?.value ?? "(unnamed activity)", cell(a.responsible), cell(a.accountable), cell(a.consulted), cell(a.informed)]),
    });
    for (const a of activities) if (a.doc) clause.blocks.push({ kind: "note", text: `${a.label?.value}: ${a.doc}` });
    return clause;
  }

  // ---------------------------------------------------------------- 4 boards

  private governance(): Clause {
    const clause = this.section("Governance boards");
    const boards = this.named(this.lc.contract.governance?.boards ?? []);
    if (boards.length === 0) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for governance boards." });
      return clause;
    }
    for (const b of boards) {
      const sub = this.sub(clause, b.label?.value ?? b.name!.text);
      if (b.doc) sub.blocks.push({ kind: "note", text: b.doc });
      sub.blocks.push(b.members.length ? { kind: "paragraph", text: "The members of the board are:" } : { kind: "gap", text: "The agreement names no members of this board." });
      if (b.members.length) sub.blocks.push({ kind: "list", items: b.members.map((m) => this.role(m)) });
      sub.blocks.push(b.meets ? { kind: "paragraph", text: `The board meets ${CADENCES[b.meets.text] ?? b.meets.text}.` } : { kind: "gap", text: "The agreement does not say how often the board meets." });
      const within = duration(b.minutes?.within);
      if (b.minutes?.by) sub.blocks.push({ kind: "paragraph", text: `Minutes of each meeting are taken by the ${this.role(b.minutes.by)}${within ? ` and circulated within ${within} of the meeting` : ""}.` });
      else sub.blocks.push({ kind: "gap", text: "The agreement makes no provision for minutes of this board's meetings." });
    }
    return clause;
  }

  // ---------------------------------------------------------------- 5 escalation

  private escalation(): Clause {
    const clause = this.section("Escalation procedure");
    const ladders = this.ladders();
    if (ladders.length === 0) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for an escalation procedure." });
      return clause;
    }
    clause.blocks.push({
      kind: "paragraph",
      text: "A matter is escalated through the tiers of the applicable ladder in the order shown. Each tier has the time stated to resolve the matter before it passes to the next tier. Business days and business hours are counted on the business calendar in Annex A.",
    });
    const expedited = ladders.filter((l) => l.appliesTo.length > 0);
    const fallback = ladders.find((l) => l.isDefault) ?? ladders.find((l) => l.appliesTo.length === 0);
    const scope = (a: string): string => {
      const [dimension, level] = a.split(" ");
      return dimension === "criticality" ? `services of ${level} criticality` : `issues of ${level} severity`;
    };
    const which = expedited.map((l) => `the ${l.label ?? l.name} ladder (clause ${this.ladderClause.get(l.name)}) applies to ${joinAnd(l.appliesTo.map(scope))}`);
    if (fallback) which.push(`the ${fallback.label ?? fallback.name} ladder (clause ${this.ladderClause.get(fallback.name)}) applies to every other matter`);
    if (which.length) clause.blocks.push({ kind: "paragraph", text: sentence(`${which.join("; ")}`.replace(/^t/, "T")) });
    if (!fallback) clause.blocks.push({ kind: "gap", text: "The agreement names no ladder for matters that no expedited ladder covers." });

    for (const l of ladders) {
      const sub = this.sub(clause, l.label ?? l.name);
      const e = this.lc.ladders.get(l.name);
      if (e?.doc) sub.blocks.push({ kind: "note", text: e.doc });
      if (l.tiers.length === 0) sub.blocks.push({ kind: "gap", text: "The ladder has no tiers." });
      else {
        sub.blocks.push({
          kind: "table",
          keyed: true,
          header: ["Tier", "Customer", "Supplier", "Time limit", "Forum"],
          rows: l.tiers.map((t, i) => [
            `${i + 1}. ${words(t.name)}${t.level && t.level !== t.name ? ` (${t.level})` : ""}`,
            this.contact(t.customer),
            this.contact(t.supplier),
            this.timeLimit(t),
            t.forum ? this.board({ text: t.forum, range: { start: 0, end: 0 } }) : "—",
          ]),
        });
      }
      for (const t of e?.tiers ?? []) if (t.doc && t.name) sub.blocks.push({ kind: "note", text: `Tier ${words(t.name.text)}: ${t.doc}` });
      const step = l.then;
      if (step) {
        const ref = this.stepClause.get(step);
        sub.blocks.push({ kind: "paragraph", text: `If the matter is not resolved at the last tier, either party may refer it to ${words(step)}${ref ? ` (clause ${ref})` : " (a step the dispute clause does not provide for)"}${l.thenDeadline ? `, which must ${l.thenDeadline}` : ""}.` });
      } else sub.blocks.push({ kind: "gap", text: "The ladder does not say what follows its last tier." });
      if (l.tiers.length) sub.blocks.push({ kind: "ladder", ladder: l, contract: { ...this.graph!, ladders: [l] } });
    }
    return clause;
  }

  private contact(c: Contact | undefined): string {
    if (!c) return "No role named";
    const role = `${c.roleLabel ?? c.role}${c.party ? ` of ${partyName(this.lc.parties.get(c.party)) ?? c.party}` : ""}`;
    if (c.flags.includes("unreachable")) return `${role}: no one can act (${c.reason ?? "unreachable"})`;
    const who = c.name ?? c.person ?? "";
    if (c.flags.includes("stand-in")) return `${role}: ${who}, deputising for ${c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder"}${c.standsInFor?.left ? ` (left on ${readableDate(c.standsInFor.left)})` : ""}`;
    return `${role}: ${who}`;
  }

  private timeLimit(t: GraphTier): string {
    if (!t.within) return "Not stated";
    return t.elapsed && t.elapsed !== t.within ? `${t.within} (${t.elapsed} from the start)` : t.within;
  }

  // ---------------------------------------------------------------- 6 dispute

  private dispute(): Clause {
    const clause = this.section("Dispute resolution");
    const d = this.lc.contract.dispute;
    if (!d) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for resolving disputes." });
      return clause;
    }
    if (d.doc) clause.blocks.push({ kind: "note", text: d.doc });
    const facts: Block[] = [];
    facts.push(d.notice ? { kind: "paragraph", text: d.notice.text === "written" ? "Notice of a dispute must be given in writing." : "Notice of a dispute may be given in any form." } : { kind: "gap", text: "The agreement does not say how notice of a dispute is given." });
    if (d.ladder) {
      const ref = this.ladderClause.get(d.ladder.text);
      const l = this.ladders().find((x) => x.name === d.ladder!.text);
      facts.push({ kind: "paragraph", text: ref ? `A dispute is first escalated under the ${l?.label ?? l?.name} ladder (clause ${ref}).` : `A dispute is first escalated under the ladder '${d.ladder.text}', which the agreement does not declare.` });
    } else facts.push({ kind: "gap", text: "The agreement names no default escalation ladder for disputes." });
    facts.push(d.interimRelief ? { kind: "paragraph", text: d.interimRelief.text === "allowed" ? "Either party may seek interim relief from a court at any time." : "The parties exclude applications for interim relief." } : { kind: "gap", text: "The agreement does not say whether interim relief may be sought." });
    clause.blocks.push(...facts);
    if (d.steps.length === 0) clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for a formal dispute step (mediation, expert determination, adjudication, arbitration or litigation)." });
    for (const s of d.steps) {
      const sub = this.sub(clause, words(s.step).replace(/^./, (ch) => ch.toUpperCase()));
      if (s.doc) sub.blocks.push({ kind: "note", text: s.doc });
      const rows: [string, string | undefined][] = [
        ["Provider", s.provider?.value],
        ["Rules", s.rules?.value],
        ["Seat", s.seat?.value],
        ["Courts", s.courts?.value],
        ["Number of arbitrators", s.arbitrators?.text],
        ["Scope", s.scope?.value],
        ["Starts within", duration(s.start)],
        ["Decision within", duration(s.decide)],
      ];
      const stated = rows.filter((r): r is [string, string] => r[1] !== undefined);
      if (stated.length) sub.blocks.push({ kind: "table", keyed: true, header: ["Term", "Provision"], rows: stated });
      else sub.blocks.push({ kind: "gap", text: `The agreement states no terms for ${words(s.step)}.` });
    }
    return clause;
  }

  // ---------------------------------------------------------------- 7–12

  private continuity(): Clause {
    const clause = this.section("Continuity of services");
    const c = this.lc.contract.continuity;
    if (!c) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for the continuity of services during a dispute." });
      return clause;
    }
    const said = (s: A.Setting | undefined, texts: Record<string, string>, gap: string): Block =>
      s?.value && texts[s.value.text] ? { kind: "paragraph", text: texts[s.value.text] } : { kind: "gap", text: gap };
    clause.blocks.push(
      said(c.services, { continue: "The Supplier continues to provide the services during a dispute.", "may-suspend": "The Supplier may suspend the services during a dispute." }, "The agreement does not say whether the services continue during a dispute."),
      said(c.undisputedPayments, { continue: "The Customer continues to pay undisputed amounts during a dispute.", "may-withhold": "The Customer may withhold payments during a dispute." }, "The agreement does not say whether undisputed payments continue during a dispute."),
      said(c.suspension, { forbidden: "Neither party may suspend performance because of a dispute.", allowed: "Suspension of performance because of a dispute is allowed." }, "The agreement does not say whether performance may be suspended."),
    );
    if (c.interims.length) {
      clause.blocks.push({ kind: "paragraph", text: "Interim arrangements:" });
      clause.blocks.push({
        kind: "list",
        items: c.interims.map((i) => {
          const s = i.service && this.lc.services.get(i.service.text);
          const name = s ? `${s.label?.value ?? i.service!.text} (clause ${this.serviceClause.get(i.service!.text)})` : i.service?.text ?? "a service";
          const how = !i.arrangement ? NOT_STATED : "value" in i.arrangement ? i.arrangement.value : INTERIM[i.arrangement.text] ?? i.arrangement.text;
          return `${name}: ${how}`;
        }),
      });
    }
    return clause;
  }

  private records(): Clause {
    const clause = this.section("Records");
    const r = this.lc.contract.records;
    if (!r) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for records." });
      return clause;
    }
    if (r.keep.length) clause.blocks.push({ kind: "paragraph", text: `The parties keep records of ${joinAnd(r.keep.map((k) => words(k.text)))}.` });
    else clause.blocks.push({ kind: "gap", text: "The agreement does not say which records are kept." });
    clause.blocks.push(r.form ? { kind: "paragraph", text: r.form.text === "written" ? "Records are kept in writing." : "Records may be kept in any form." } : { kind: "gap", text: "The agreement does not say in what form records are kept." });
    const retain = duration(r.retain);
    clause.blocks.push(retain ? { kind: "paragraph", text: `Records are retained for ${retain}.` } : { kind: "gap", text: "The agreement does not say how long records are retained." });
    clause.blocks.push(r.owner ? { kind: "paragraph", text: `The records are kept by the ${this.role(r.owner)}.` } : { kind: "gap", text: "The agreement does not say who keeps the records." });
    return clause;
  }

  private earlyWarning(): Clause {
    const clause = this.section("Early warning");
    const w = this.lc.contract.earlyWarning;
    if (!w) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for early warning of disputes." });
      return clause;
    }
    clause.blocks.push(w.register ? { kind: "paragraph", text: `The early-warning register is kept by the ${this.role(w.register)}.` } : { kind: "gap", text: "The agreement does not say who keeps the early-warning register." });
    clause.blocks.push(w.reviewAt ? { kind: "paragraph", text: `Early warnings are reviewed at ${this.board(w.reviewAt)}.` } : { kind: "gap", text: "The agreement does not say where early warnings are reviewed." });
    const respond = duration(w.respond);
    clause.blocks.push(respond ? { kind: "paragraph", text: `A party given an early warning responds within ${respond}.` } : { kind: "gap", text: "The agreement sets no time to respond to an early warning." });
    if (w.signals.length) {
      clause.blocks.push({ kind: "paragraph", text: "Each of the following signals is raised as an early warning:" });
      clause.blocks.push({
        kind: "table",
        keyed: true,
        header: ["Signal", "Raised when"],
        rows: w.signals.map((s) => [words(s.name?.text ?? "?"), s.count ? `${s.count.text} occurrence${s.count.value === 1 ? "" : "s"} within ${duration(s.within) ?? "?"}` : "Any occurrence"]),
      });
    } else clause.blocks.push({ kind: "gap", text: "The agreement names no early-warning signals." });
    return clause;
  }

  private changeControl(): Clause {
    const clause = this.section("Change control");
    const c = this.lc.contract.changeControl;
    if (!c) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for change control." });
      return clause;
    }
    clause.blocks.push(c.requests ? { kind: "paragraph", text: c.requests.text === "written" ? "Change requests are made in writing." : "Change requests may be made in any form." } : { kind: "gap", text: "The agreement does not say how change requests are made." });
    const assess = duration(c.assess?.within);
    clause.blocks.push(c.assess?.by ? { kind: "paragraph", text: `Each change request is assessed by the ${this.role(c.assess.by)}${assess ? ` within ${assess}` : ""}.` } : { kind: "gap", text: "The agreement does not say who assesses change requests." });
    clause.blocks.push(c.approveAt ? { kind: "paragraph", text: `Changes are approved at ${this.board(c.approveAt)}.` } : { kind: "gap", text: "The agreement does not say where changes are approved." });
    const emergency = duration(c.emergency?.within);
    if (c.emergency?.by.length) clause.blocks.push({ kind: "paragraph", text: `An emergency change may be approved by ${this.roles(c.emergency.by).replace(/^/, "the ")}${emergency ? ` within ${emergency}` : ""}.` });
    else clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for emergency changes." });
    return clause;
  }

  private keyPersonnel(): Clause {
    const clause = this.section("Key personnel");
    const k = this.lc.contract.keyPersonnel;
    if (!k) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for key personnel." });
      return clause;
    }
    if (k.roles.length) {
      clause.blocks.push({ kind: "paragraph", text: "The following roles are key personnel:" });
      clause.blocks.push({ kind: "list", items: k.roles.map((r) => this.role(r)) });
    } else clause.blocks.push({ kind: "gap", text: "The agreement names no key roles." });
    const notice = duration(k.replacementNotice);
    clause.blocks.push(notice ? { kind: "paragraph", text: `The holder of a key role is replaced only on ${ofNotice(notice)}.` } : { kind: "gap", text: "The agreement sets no notice for replacing key personnel." });
    return clause;
  }

  private termination(): Clause {
    const clause = this.section("Termination and exit");
    const t = this.lc.contract.termination;
    if (!t) {
      clause.blocks.push({ kind: "gap", text: "The agreement makes no provision for termination or exit." });
      return clause;
    }
    const item = (d: A.Duration | undefined, text: (x: string) => string, gap: string): Block => {
      const x = duration(d);
      return x ? { kind: "paragraph", text: text(x) } : { kind: "gap", text: gap };
    };
    clause.blocks.push(
      item(t.forCause, (x) => `Before terminating for cause, a party gives the other ${x} to cure the breach.`, "The agreement sets no cure period for termination for cause."),
      item(t.forConvenience, (x) => `Either party may terminate for convenience on ${ofNotice(x)}.`, "The agreement makes no provision for termination for convenience."),
      item(t.exitPlan, (x) => `An exit plan is due within ${x}.`, "The agreement makes no provision for an exit plan."),
      item(t.exitAssistance, (x) => `The Supplier provides exit assistance for ${x}.`, "The agreement makes no provision for exit assistance."),
      item(t.dataReturn, (x) => `The Customer's data is returned within ${x} of termination.`, "The agreement makes no provision for the return of data."),
    );
    return clause;
  }

  // ---------------------------------------------------------------- Annex A

  private calendarAnnex(): Clause {
    const annex: Clause = { number: "A", title: "Business calendar", blocks: [], clauses: [] };
    const info = this.lc.calendar;
    const c = info?.calendar;
    if (!c) annex.blocks.push({ kind: "gap", text: "The agreement defines no business calendar; the defaults below apply (UTC, Monday to Friday, 09:00 to 17:00, no holidays)." });
    else if (c.name) annex.blocks.push({ kind: "paragraph", text: `The agreement uses the business calendar '${c.name.text}'.` });
    if (c?.doc) annex.blocks.push({ kind: "note", text: c.doc });
    const made = businessCalendar(info);
    if ("error" in made) {
      annex.blocks.push({ kind: "gap", text: `The business calendar cannot be shown: ${made.error}.` });
      return annex;
    }
    const cal = made.calendar;
    const d = cal.describe();
    const days = cal.workdays.map((n) => DAY_NAMES[n - 1]);
    annex.blocks.push({
      kind: "table",
      keyed: true,
      header: ["Term", "Provision"],
      rows: [
        ["Time zone", d.timezone],
        ["Working days", days.length === 5 && cal.workdays.join() === "1,2,3,4,5" ? "Monday to Friday" : joinAnd(days)],
        ["Working hours", d.hours.replace("-", " to ")],
        ["Holiday regions", d.regions.length ? d.regions.join(", ") : "None"],
        ["Further holidays", d.holidays.length ? d.holidays.map(readableDate).join("; ") : "None"],
      ],
    });
    const span = this.holidaySpan();
    annex.blocks.push({ kind: "paragraph", text: span.explanation });
    const rows: string[][] = [];
    for (let day = span.from; day <= span.to; day = DateTime.fromISO(day).plus({ days: 1 }).toISODate()!) {
      const name = cal.holiday(day);
      if (name) rows.push([readableDate(day), DAY_NAMES[DateTime.fromISO(day).weekday - 1], name === "holiday" ? "Holiday listed in the agreement" : name]);
    }
    annex.blocks.push(rows.length ? { kind: "table", header: ["Date", "Day", "Holiday"], rows } : { kind: "paragraph", text: "No holidays fall in that period." });
    return annex;
  }

  /** The period whose holidays the annex lists: the term from the effective date, else a year, and why. */
  private holidaySpan(): { from: string; to: string; explanation: string } {
    const c = this.lc.contract;
    const effective = c.effective && parseDate(c.effective.text) ? c.effective.text : undefined;
    const term = c.term && duration(c.term) ? c.term : undefined;
    const start = effective ?? `${this.asOf.slice(0, 4)}-01-01`;
    const years = (n: number): string => DateTime.fromISO(start).plus({ years: n }).minus({ days: 1 }).toISODate()!;
    if (effective && term) {
      const end = DateTime.fromISO(effective).plus({ [term.unit + "s"]: term.amount }).minus({ days: 1 }).toISODate()!;
      const cap = years(MAX_HOLIDAY_YEARS);
      if (end > cap) return { from: start, to: cap, explanation: `The holidays of the first ${MAX_HOLIDAY_YEARS} years of the term (${describeDuration(term)} from ${readableDate(effective)}), from ${readableDate(start)} to ${readableDate(cap)}:` };
      return { from: start, to: end, explanation: `The holidays of the term (${describeDuration(term)} from ${readableDate(effective)}), from ${readableDate(start)} to ${readableDate(end)}:` };
    }
    if (effective) return { from: start, to: years(1), explanation: `The agreement states no term; shown are the holidays of the first year from the effective date, ${readableDate(start)} to ${readableDate(years(1))}:` };
    return { from: start, to: years(1), explanation: `The agreement states no effective date${term ? "" : " or term"}; shown are the holidays of ${start.slice(0, 4)}, the year of this schedule:` };
  }
}
