// The linker: follows imports, builds the scopes of "Names and scope" (language.md), resolves every
// reference and reports the built-in errors REF001–REF004 and VAL001. Knows nothing of the file system:
// files are URI strings and a host function reads them.
import type * as A from "./ast";
import { parse, type ParseOutput, type SyntaxIssue } from "./parser";
import { didYouMean, spellingFix, suggest, type Candidate } from "./spelling";
import type { Finding, RelatedLocation } from "./findings";
import { parseTime, parseWorkdays, valueProblem, isTimeZone } from "./values";
import { regionProblem } from "./holidays";
import { linkLogs, LinkedLog } from "./link-log";

export type DeclKind =
  | "contract" | "party" | "person" | "role" | "calendar" | "service" | "sla" | "board" | "ladder" | "tier" | "step" | "matter";

/** A named declaration, wherever it is (this file or an imported one). */
export interface Decl {
  kind: DeclKind;
  name: string;
  nameRange: A.Range;
  uri: string;
  node: A.Block;
  container?: Decl;
}

/** A place in the analysed file that names a declaration (a reference, or the declaration's own name). */
export interface Occurrence {
  range: A.Range;
  decl: Decl;
  isDeclaration: boolean;
}

export interface PartyInfo {
  decl: Decl;
  party: A.Party;
  uri: string;
  roles: Map<string, RoleInfo>;
  people: Map<string, PersonInfo>;
}

export interface PersonInfo {
  decl: Decl;
  person: A.Person;
  party: PartyInfo;
}

export interface RoleInfo {
  decl: Decl;
  role: A.Role;
  party: PartyInfo;
  holder?: PersonInfo;
  deputy?: PersonInfo;
  level?: A.Level;
}

export interface CalendarInfo {
  decl?: Decl;
  calendar: A.Calendar;
  uri: string;
}

export interface LinkedContract {
  uri: string;
  contract: A.Contract;
  decl?: Decl;
  parties: Map<string, PartyInfo>;
  customer?: PartyInfo;
  supplier?: PartyInfo;
  calendar?: CalendarInfo;
  services: Map<string, A.Service>;
  boards: Map<string, A.Board>;
  ladders: Map<string, A.Escalation>;
  /** Role references that resolved (tier sides, members, owners, RACI…). */
  roleOf: Map<A.Ref, RoleInfo>;
  /** Person references that resolved (`negotiated-by`). */
  personOf: Map<A.Ref, PersonInfo>;
}

export interface ParsedFile {
  uri: string;
  text: string;
  parsed: ParseOutput;
}

export interface ImportLink {
  node: A.Import;
  /** The imported file's URI, when the path could be resolved (it may still be missing). */
  target?: string;
}

export interface Linked {
  uri: string;
  file: ParsedFile;
  contracts: LinkedContract[];
  /** The relationship logs of this file (operations.md). */
  logs: LinkedLog[];
  /** SYN001, REF001–REF004 and VAL001 findings of this file. */
  builtins: Finding[];
  decls: Decl[];
  occurrences: Occurrence[];
  imports: ImportLink[];
  /** URIs of every file this one imports, transitively (not itself). */
  dependencies: string[];
}

export interface LinkHost {
  /** The parsed file at `uri`, or undefined when it cannot be read. */
  load(uri: string): ParsedFile | undefined;
  /** The URI an import path names, relative to the importing file. */
  resolveImport(from: string, path: string): string | undefined;
  /** The text of a file that is not Covenant (a log's CSV measurements), or undefined when unreadable. */
  readText(uri: string): string | undefined;
  /** Whether a file exists (a log's evidence). */
  exists(uri: string): boolean;
  /**
   * The file at `uri` linked without its logs (the contract a log records); a host may keep the result
   * while the files it read are unchanged (`Program` does). Without it, the file is linked each time.
   */
  linkWithoutLogs?(uri: string): Linked | undefined;
}

/**
 * The URI a relative path names from the file `from`. The path is a file path, not a URL reference: `%`, `#`
 * and `?` are characters of a file name (`b%.covenant`), so they are escaped before resolving; a stray `%`
 * would otherwise make a URI that no decoder accepts.
 */
export function resolveRelative(from: string, path: string): string | undefined {
  try {
    return new URL(path.replace(/[%#?]/g, (c) => encodeURIComponent(c)), from).toString();
  } catch {
    return undefined;
  }
}

class Reporter {
  readonly findings: Finding[] = [];
  constructor(private readonly uri: string) {}
  error(code: string, range: A.Range, message: string, more: { related?: RelatedLocation[]; fix?: Finding["fix"] } = {}): void {
    const f: Finding = { uri: this.uri, range, code, severity: "error", message };
    if (more.related) f.related = more.related;
    if (more.fix) f.fix = more.fix;
    this.findings.push(f);
  }
}

/**
 * A syntax error's spelling fix, laid out when asked for and kept only when the text it makes parses with
 * one error fewer and none at that word (a keyword put right can still leave its statement wrong).
 */
function checkedSpelling(f: Finding, text: string, parsed: ParseOutput, issue: SyntaxIssue): void {
  let checked: { fix: Finding["fix"] } | undefined;
  Object.defineProperty(f, "fix", {
    enumerable: true, configurable: true,
    get: () => (checked ??= { fix: spellingHolds(text, parsed, issue) ? issue.fix : undefined }).fix,
  });
}

function spellingHolds(text: string, parsed: ParseOutput, issue: SyntaxIssue): boolean {
  const edit = issue.fix!.edits[0];
  const after = parse(text.slice(0, edit.start) + edit.text + text.slice(edit.end)).syntaxErrors;
  return after.length < parsed.syntaxErrors.length && !after.some((e) => e.range.start === issue.range.start);
}

/** A name that resolves to nothing, with the declared name it most likely meant. */
function unresolved(report: Reporter, n: { text: string; range: A.Range }, message: string, candidates: Iterable<string | Candidate>): void {
  const hint = suggest(n.text, candidates);
  report.error("REF001", n.range, message + didYouMean(hint), { fix: spellingFix(n.text, n.range, hint) });
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}

/** `logs: false` links a contract's file for the log that records it, without that file's own logs. */
export function link(root: ParsedFile, host: LinkHost, options: { logs?: boolean } = {}): Linked {
  const uri = root.uri;
  const report = new Reporter(uri);
  const decls: Decl[] = [];
  const occurrences: Occurrence[] = [];
  const declare = (kind: DeclKind, name: A.Name | undefined, node: A.Block, fileUri: string, container?: Decl): Decl | undefined => {
    if (!name) return undefined;
    const d: Decl = { kind, name: name.text, nameRange: name.range, uri: fileUri, node, container };
    if (fileUri === uri) {
      decls.push(d);
      occurrences.push({ range: name.range, decl: d, isDeclaration: true });
    }
    return d;
  };
  const occur = (range: A.Range, decl: Decl): void => {
    occurrences.push({ range, decl, isDeclaration: false });
  };

  for (const e of root.parsed.syntaxErrors) {
    report.error("SYN001", e.range, e.message, { related: e.related });
    if (e.fix) checkedSpelling(report.findings[report.findings.length - 1], root.text, root.parsed, e);
  }
  for (const r of root.parsed.repeats) report.error("VAL001", r.range, r.message);
  for (const v of root.parsed.values) {
    const problem = valueProblem(v);
    if (problem) report.error("VAL001", v.range, problem);
  }

  // ---- imports: the file set, transitively, with cycles that lead back here ----
  const imports: ImportLink[] = [];
  const files: ParsedFile[] = [root];
  const seen = new Set<string>([uri]);
  const order: string[] = [];
  for (const imp of root.parsed.file.imports) {
    if (!imp.path) { imports.push({ node: imp }); continue; }
    const target = host.resolveImport(uri, imp.path.value);
    imports.push({ node: imp, target });
    if (!target) { report.error("REF004", imp.path.range, `cannot resolve import '${imp.path.value}'`); continue; }
    if (target === uri) { report.error("REF004", imp.path.range, `'${imp.path.value}' imports this file itself`); continue; }
    const loaded = host.load(target);
    if (!loaded) { report.error("REF004", imp.path.range, `imported file '${imp.path.value}' not found or unreadable`); continue; }
    const cycle = findPathBack(target, uri, host, new Set());
    if (cycle) {
      report.error("REF004", imp.path.range, `import cycle: ${[uri, target, ...cycle].map(baseName).join(" → ")}`);
      continue;
    }
    collect(target);
  }
  function collect(u: string): void {
    if (seen.has(u)) return;
    seen.add(u);
    const f = host.load(u);
    if (!f) return;
    order.push(u);
    files.push(f);
    for (const imp of f.parsed.file.imports) {
      const t = imp.path && host.resolveImport(u, imp.path.value);
      if (t) collect(t);
    }
  }

  // ---- file-set scope: contracts, top-level parties and calendars ----
  const topParties = new Map<string, PartyInfo>();
  const topCalendars = new Map<string, CalendarInfo>();
  const contractNames = new Map<string, Decl>();
  // Imported files first, so that a clash is reported on this file's declaration.
  for (const f of [...files.slice(1), root]) {
    const here = f.uri === uri;
    for (const p of f.parsed.file.parties) {
      const d = declare("party", p.name, p, f.uri);
      if (!d || !p.name) continue;
      if (topParties.has(d.name)) { if (here) report.error("REF002", p.name.range, `party '${d.name}' is already declared${where(topParties.get(d.name)!.uri, uri)}`); continue; }
      topParties.set(d.name, buildParty(p, d, f.uri, here));
    }
    for (const c of f.parsed.file.calendars) {
      const d = declare("calendar", c.name, c, f.uri);
      if (!d || !c.name) continue;
      if (topCalendars.has(d.name)) { if (here) report.error("REF002", c.name.range, `calendar '${d.name}' is already declared${where(topCalendars.get(d.name)!.uri, uri)}`); continue; }
      topCalendars.set(d.name, { decl: d, calendar: c, uri: f.uri });
      if (here) validateCalendar(c);
    }
    for (const c of f.parsed.file.contracts) {
      if (!c.name) continue;
      const prev = contractNames.get(c.name.text);
      if (prev && here) report.error("REF002", c.name.range, `contract '${c.name.text}' is already declared${where(prev.uri, uri)}`);
      if (!prev) contractNames.set(c.name.text, { kind: "contract", name: c.name.text, nameRange: c.name.range, uri: f.uri, node: c });
    }
  }

  function where(declUri: string, here: string): string {
    return declUri === here ? "" : ` in ${baseName(declUri)}`;
  }

  function buildParty(p: A.Party, d: Decl, fileUri: string, here: boolean): PartyInfo {
    const info: PartyInfo = { decl: d, party: p, uri: fileUri, roles: new Map(), people: new Map() };
    for (const person of p.people) {
      const pd = declare("person", person.name, person, fileUri, d);
      if (!pd || !person.name) continue;
      if (info.people.has(pd.name)) { if (here) report.error("REF002", person.name.range, `person '${pd.name}' is already declared in party '${d.name}'`); continue; }
      info.people.set(pd.name, { decl: pd, person, party: info });
    }
    for (const role of p.roles) {
      const rd = declare("role", role.name, role, fileUri, d);
      if (!rd || !role.name) continue;
      if (info.roles.has(rd.name)) { if (here) report.error("REF002", role.name.range, `role '${rd.name}' is already declared in party '${d.name}'`); continue; }
      const level = role.level && (["operational", "management", "executive"] as const).find((l) => l === role.level!.text);
      info.roles.set(rd.name, { decl: rd, role, party: info, level });
    }
    for (const ri of info.roles.values()) {
      for (const which of ["holder", "deputy"] as const) {
        const n = ri.role[which];
        if (!n) continue;
        const person = info.people.get(n.text);
        if (person) {
          ri[which] = person;
          if (here) occur(n.range, person.decl);
        } else if (here) {
          unresolved(report, n, `party '${d.name}' has no person '${n.text}'`, info.people.keys());
        }
      }
    }
    return info;
  }

  function validateCalendar(c: A.Calendar): void {
    if (c.hours?.from && c.hours.to) {
      const from = parseTime(c.hours.from.text);
      const to = parseTime(c.hours.to.text);
      if (from !== undefined && to !== undefined && to <= from) {
        report.error("VAL001", c.hours.range, `working hours end at or before they start (${c.hours.from.text}-${c.hours.to.text})`);
      }
    }
    if (c.workdays.length > 0) {
      const w = parseWorkdays(c.workdays);
      if ("problem" in w) report.error("VAL001", w.at.range, w.problem, { fix: w.meant ? spellingFix(w.at.text, w.at.range, { texts: [w.meant] }) : undefined });
    }
    for (const region of c.holidayRegions) {
      const problem = regionProblem(region.value);
      if (problem) report.error("VAL001", region.range, problem);
    }
    if (c.timezone && !isTimeZone(c.timezone.value)) {
      report.error("VAL001", c.timezone.range, `'${c.timezone.value}' is not a known IANA time zone (for example "Europe/London")`);
    }
  }

  // ---- contracts ----
  const contracts: LinkedContract[] = [];
  for (const c of root.parsed.file.contracts) contracts.push(linkContract(c));

  function linkContract(c: A.Contract): LinkedContract {
    const cd = c.name ? contractNames.get(c.name.text) : undefined;
    const contractDecl = cd && cd.node === c ? cd : declare("contract", c.name, c, uri);
    if (contractDecl && cd === contractDecl) {
      decls.push(contractDecl);
      occurrences.push({ range: contractDecl.nameRange, decl: contractDecl, isDeclaration: true });
    }
    const lc: LinkedContract = {
      uri, contract: c, decl: contractDecl, parties: new Map(topParties), services: new Map(), boards: new Map(),
      ladders: new Map(), roleOf: new Map(), personOf: new Map(),
    };

    for (const p of c.parties) {
      const d = declare("party", p.name, p, uri, contractDecl);
      if (!d || !p.name) continue;
      if (lc.parties.has(d.name)) {
        report.error("REF002", p.name.range, `party '${d.name}' is already declared${where(lc.parties.get(d.name)!.uri, uri)}`);
        continue;
      }
      lc.parties.set(d.name, buildParty(p, d, uri, true));
    }

    // Sides: `customer NAME` lines and parties declared with a side, in the order written.
    for (const side of ["customer", "supplier"] as const) {
      const bindings: { at: A.Range; party?: PartyInfo }[] = [];
      for (const n of side === "customer" ? c.customers : c.suppliers) {
        const party = lc.parties.get(n.text);
        if (party) occur(n.range, party.decl);
        else unresolved(report, n, `no party '${n.text}' is declared or imported`, lc.parties.keys());
        bindings.push({ at: n.range, party });
      }
      for (const p of c.parties) {
        if (p.side?.text === side && p.name) bindings.push({ at: p.side.range, party: lc.parties.get(p.name.text) });
      }
      bindings.sort((a, b) => a.at.start - b.at.start);
      if (bindings.length === 0) {
        if (c.name && !c.bodyHasSyntaxError) report.error("VAL001", c.name.range, `contract '${c.name.text}' has no ${side} (add \`${side} PARTY\` or declare a party with \`${side}\`)`);
      } else {
        lc[side] = bindings[0].party;
        for (const extra of bindings.slice(1)) report.error("VAL001", extra.at, `contract has a second ${side}; a contract binds exactly one ${side} party`);
      }
    }

    if (c.calendar) {
      lc.calendar = { calendar: c.calendar, uri };
      validateCalendar(c.calendar);
    } else if (c.calendarRef) {
      const cal = topCalendars.get(c.calendarRef.text);
      if (cal) { lc.calendar = cal; occur(c.calendarRef.range, cal.decl!); }
      else unresolved(report, c.calendarRef, `no calendar '${c.calendarRef.text}' is declared or imported`, topCalendars.keys());
    }

    for (const rb of c.repeatedBlocks) report.error("VAL001", rb.keyword, `a contract has one '${rb.kind}' block; this one repeats it`);

    // Services, boards, ladders: declarations first so that references may point forward.
    const serviceDecls = new Map<string, Decl>();
    for (const s of c.services) {
      const currency = s.fee?.currency;
      if (currency && !/^[A-Z]{3}$/.test(currency.text)) report.error("VAL001", currency.range, `a currency is three capital letters (GBP, EUR, USD), not '${currency.text}'`);
      const d = declare("service", s.name, s, uri, contractDecl);
      if (!d || !s.name) continue;
      if (lc.services.has(d.name)) { report.error("REF002", s.name.range, `service '${d.name}' is already declared in this contract`); continue; }
      lc.services.set(d.name, s);
      serviceDecls.set(d.name, d);
      const slaNames = new Set<string>();
      for (const sla of s.slas) {
        const sd = declare("sla", sla.name, sla, uri, d);
        if (!sd || !sla.name) continue;
        if (slaNames.has(sd.name)) report.error("REF002", sla.name.range, `sla '${sd.name}' is already declared in service '${d.name}'`);
        slaNames.add(sd.name);
        for (const m of sla.metrics.slice(1)) report.error("VAL001", { start: m.range.start, end: m.range.start + "metric".length }, "an sla has one 'metric'; this one repeats it");
      }
    }
    const boardDecls = new Map<string, Decl>();
    for (const b of c.governance?.boards ?? []) {
      const d = declare("board", b.name, b, uri, contractDecl);
      if (!d || !b.name) continue;
      if (lc.boards.has(d.name)) { report.error("REF002", b.name.range, `board '${d.name}' is already declared in this contract`); continue; }
      lc.boards.set(d.name, b);
      boardDecls.set(d.name, d);
    }
    const ladderDecls = new Map<string, Decl>();
    for (const e of c.escalations) {
      const d = declare("ladder", e.name, e, uri, contractDecl);
      if (!d || !e.name) continue;
      if (lc.ladders.has(d.name)) { report.error("REF002", e.name.range, `ladder '${d.name}' is already declared in this contract`); continue; }
      lc.ladders.set(d.name, e);
      ladderDecls.set(d.name, d);
      const tierNames = new Set<string>();
      for (const t of e.tiers) {
        const td = declare("tier", t.name, t, uri, d);
        if (!td || !t.name) continue;
        if (tierNames.has(td.name)) report.error("REF002", t.name.range, `tier '${td.name}' is already declared in ladder '${d.name}'`);
        tierNames.add(td.name);
      }
    }
    const stepDecls = new Map<string, Decl>();
    for (const s of c.dispute?.steps ?? []) {
      if (stepDecls.has(s.step)) continue;
      const d: Decl = { kind: "step", name: s.step, nameRange: s.keyword, uri, node: s, container: contractDecl };
      decls.push(d);
      stepDecls.set(s.step, d);
    }

    // ---- references ----
    const sideParty = (side: A.Side): PartyInfo | undefined => lc[side];
    /** The names a bare reference may have meant; one both sides declare is offered with its party (REF003 otherwise). */
    function bareCandidates<T>(pick: (p: PartyInfo) => Map<string, T>): Candidate[] {
      const sides = [lc.customer, lc.supplier].filter((p, i, all): p is PartyInfo => !!p && all.indexOf(p) === i);
      const both = (name: string): boolean => sides.length === 2 && sides.every((p) => pick(p).has(name));
      return sides.flatMap((p) => [...pick(p).keys()].map((word) => (both(word) ? { word, text: `${p.decl.name}.${word}` } : { word })));
    }
    function resolveIn<T>(ref: A.Ref, what: "role" | "person", pick: (p: PartyInfo) => Map<string, T>, side?: A.Side): T | undefined {
      if (ref.party) {
        const party = lc.parties.get(ref.party.text);
        if (!party) { unresolved(report, ref.party, `no party '${ref.party.text}' is declared or imported`, lc.parties.keys()); return undefined; }
        occur(ref.party.range, party.decl);
        const found = pick(party).get(ref.name.text);
        if (!found) unresolved(report, ref.name, `party '${party.decl.name}' has no ${what} '${ref.name.text}'`, pick(party).keys());
        return found;
      }
      if (side) {
        const party = sideParty(side);
        if (!party) return undefined; // the missing side is reported on the contract
        const found = pick(party).get(ref.name.text);
        if (!found) unresolved(report, ref.name, `the ${side} party '${party.decl.name}' has no ${what} '${ref.name.text}'`, pick(party).keys());
        return found;
      }
      const inCustomer = lc.customer && pick(lc.customer).get(ref.name.text);
      const inSupplier = lc.supplier && pick(lc.supplier).get(ref.name.text);
      if (inCustomer && inSupplier && lc.customer !== lc.supplier) {
        report.error("REF003", ref.name.range, `'${ref.name.text}' is a ${what} of both '${lc.customer!.decl.name}' and '${lc.supplier!.decl.name}'; write ${lc.customer!.decl.name}.${ref.name.text} or ${lc.supplier!.decl.name}.${ref.name.text}`);
        return undefined;
      }
      const found = inCustomer || inSupplier;
      if (!found) {
        const sides = [lc.customer, lc.supplier].filter((p): p is PartyInfo => !!p).map((p) => `'${p.decl.name}'`);
        unresolved(report, ref.name, sides.length > 0 ? `no ${what} '${ref.name.text}' in ${sides.join(" or ")}` : `no ${what} '${ref.name.text}': the contract has no customer or supplier party`, bareCandidates(pick));
      }
      return found || undefined;
    }
    const role = (ref: A.Ref | undefined, side?: A.Side): void => {
      if (!ref) return;
      const r = resolveIn(ref, "role", (p) => p.roles, side);
      if (r) { lc.roleOf.set(ref, r); occur(ref.name.range, r.decl); }
    };
    const person = (ref: A.Ref): void => {
      const p = resolveIn(ref, "person", (x) => x.people);
      if (p) { lc.personOf.set(ref, p); occur(ref.name.range, p.decl); }
    };
    const named = (n: A.Name | undefined, table: Map<string, Decl>, what: string): void => {
      if (!n) return;
      const d = table.get(n.text);
      if (d) occur(n.range, d);
      else unresolved(report, n, `no ${what} '${n.text}' in this contract`, table.keys());
    };
    const partyName = (n: A.Name | undefined): void => {
      if (!n) return;
      const p = lc.parties.get(n.text);
      if (p) occur(n.range, p.decl);
      else unresolved(report, n, `no party '${n.text}' is declared or imported`, lc.parties.keys());
    };

    for (const r of c.negotiatedBy) person(r);
    for (const s of c.services) {
      role(s.owner);
      for (const sla of s.slas) {
        partyName(sla.measuredBy);
        for (const rep of sla.reports) named(rep.at, boardDecls, "board");
      }
    }
    for (const a of c.responsibilities?.activities ?? []) for (const r of [...a.responsible, ...a.accountable, ...a.consulted, ...a.informed]) role(r);
    for (const b of c.governance?.boards ?? []) {
      for (const m of b.members) role(m);
      role(b.minutes?.by);
    }
    for (const e of c.escalations) {
      for (const t of e.tiers) {
        role(t.customer, "customer");
        role(t.supplier, "supplier");
        named(t.forum, boardDecls, "board");
      }
      // `then` naming a missing step is ESC009 (a governance check), not a broken reference.
      if (e.then) { const d = stepDecls.get(e.then.text); if (d) occur(e.then.range, d); }
    }
    if (c.dispute) named(c.dispute.ladder, ladderDecls, "escalation ladder");
    for (const i of c.continuity?.interims ?? []) named(i.service, serviceDecls, "service");
    role(c.records?.owner);
    role(c.earlyWarning?.register);
    named(c.earlyWarning?.reviewAt, boardDecls, "board");
    role(c.changeControl?.assess?.by);
    named(c.changeControl?.approveAt, boardDecls, "board");
    for (const r of c.changeControl?.emergency?.by ?? []) role(r);
    for (const r of c.keyPersonnel?.roles ?? []) role(r);
    return lc;
  }

  const logs = options.logs === false ? [] : linkLogs({
    root: { uri, file: root.parsed.file }, imported: files.slice(1).map((f) => ({ uri: f.uri, file: f.parsed.file })), contractNames, rootContracts: contracts,
    rootDecls: decls, linkFile: (u) => { if (host.linkWithoutLogs) return host.linkWithoutLogs(u); const f = host.load(u); return f && link(f, host, { logs: false }); },
    host: { readText: (u) => host.readText(u), exists: (u) => host.exists(u), resolve: resolveRelative },
    error: (code, range, message, more) => report.error(code, range, message, more), declare: (kind, name, node, container) => declare(kind, name, node, uri, container),
    occurred: (o) => { occurrences.push(o); },
  });
  return {
    uri, file: root, contracts, logs, builtins: report.findings, decls, occurrences, imports, dependencies: order,
  };
}

/** The import chain from `from` back to `target`, or undefined when there is none. */
function findPathBack(from: string, target: string, host: LinkHost, visited: Set<string>): string[] | undefined {
  if (visited.has(from)) return undefined;
  visited.add(from);
  const f = host.load(from);
  if (!f) return undefined;
  for (const imp of f.parsed.file.imports) {
    const t = imp.path && host.resolveImport(from, imp.path.value);
    if (!t) continue;
    if (t === target) return [target];
    const rest = findPathBack(t, target, host, visited);
    if (rest) return [t, ...rest];
  }
  return undefined;
}
