// The linker of relationship logs (operations.md, "Names and built-in errors"): resolves a log's names in
// its contract, reads its CSV measurements through the host, and reports the built-in errors of logs.
// What carries an error is left out of the LinkedLog, so the replay and the checks never see it.
import type * as A from "./ast";
import type { Decl, Linked, LinkedContract, Occurrence, PartyInfo, RoleInfo } from "./link";
import { chooseLadder } from "./ladder-choice";
import { parsePeriod, parseQuantityText, Period, PERIOD_WORDS, WINDOW_PERIOD } from "./log-values";
import { readMeasurementCsv } from "./measurement-csv";
import { isCalendarDate, parseTime } from "./values";
import type { Fix } from "./findings";
import { didYouMean, spellingFix, suggest } from "./spelling";

/** One measured service level, from a `measure` line or a CSV row. */
export interface Measurement {
  service: A.Service;
  sla: A.Sla;
  period: Period;
  value: A.Quantity;
  note?: string;
  /** Where findings about it go: the `measure` line's slaRef, or the CSV file's string. */
  at: A.Range;
  /** For a CSV row: its line in the file (the header is line 1). */
  row?: number;
}

export interface LinkedMatter {
  matter: A.Matter;
  service?: A.Service;
  severity?: string;
  /** The ladder the matter climbs (its own, else the one simulation.md chooses); absent when there is none. */
  ladder?: A.Escalation;
  /** False when the matter has no valid `raised`, or names a ladder or service that does not resolve. */
  replayed: boolean;
  /** The events without a built-in error, in the order written (`raised` first when replayed). */
  events: A.MatterEvent[];
  /** `escalated ... to T`: T's index among the ladder's tiers. */
  tierOf: Map<A.MatterEvent, number>;
  /** `meeting ... at B` and `formal ... S` that resolved. */
  boardOf: Map<A.MatterEvent, A.Board>;
  stepOf: Map<A.MatterEvent, A.DisputeStep>;
}

export interface LinkedLog {
  uri: string;
  log: A.Log;
  /** The contract the log records; absent when its name does not resolve. */
  contract?: LinkedContract;
  /** The file the contract is written in (for a quick fix that edits the contract). */
  contractFile?: Linked;
  matters: LinkedMatter[];
  signals: A.LogSignal[];
  responses: A.LogResponse[];
  /** Valid measurements in the order written (a CSV file's rows in row order, at the file's place). */
  measurements: Measurement[];
  /** Every evidence path (not a link) of replayed matters, signals and responses, and whether the file exists. */
  evidence: Map<A.Str, boolean>;
  /** The matter each evidence path of a matter's event belongs to. */
  evidenceMatter: Map<A.Str, LinkedMatter>;
  /** The files beyond Covenant text the log's findings depend on: measurements files and evidence paths (URIs). */
  files: string[];
}

export interface LogLinkHost {
  readText(uri: string): string | undefined;
  exists(uri: string): boolean;
  resolve(from: string, path: string): string | undefined;
}

export interface LogLinkInput {
  root: { uri: string; file: A.CovenantFile };
  /** The other files of the file set, imported files in import order. */
  imported: { uri: string; file: A.CovenantFile }[];
  /** Contracts visible in the file, by name. */
  contractNames: Map<string, Decl>;
  /** The contracts of the root file, linked. */
  rootContracts: LinkedContract[];
  /** The root file's declarations (for occurrences into a contract of the same file). */
  rootDecls: Decl[];
  /** Links another file of the set without its logs (for a contract the log imports). */
  linkFile(uri: string): Linked | undefined;
  host: LogLinkHost;
  error(code: string, range: A.Range, message: string, more?: { fix?: Fix }): void;
  declare(kind: "matter", name: A.Name | undefined, node: A.Block, container?: Decl): Decl | undefined;
  /** An occurrence of a declaration (the same object is reported again when a link is reused). */
  occurred(o: Occurrence): void;
}

const LINK = /^(https?:|mailto:)/i;

export function isEvidenceLink(s: string): boolean {
  return LINK.test(s);
}

/** Wall-clock text of a valid moment (`2025-11-03 10:00`), comparable as text; undefined when invalid. */
export function momentText(m: A.Moment | undefined): string | undefined {
  return validMoment(m) ? `${m.date.text} ${m.time?.text ?? "00:00"}` : undefined;
}

/** Whether a moment is a real date and, if it has one, a clock time (checked each time: cheaper than remembering). */
export function validMoment(m: A.Moment | undefined): m is A.Moment {
  return !!m && isCalendarDate(m.date.text) && !(m.time && parseTime(m.time.text) === undefined);
}

/** Two valid moments in wall-clock order, as their texts compare (a date alone is 00:00). */
function compareMoments(a: A.Moment, b: A.Moment): number {
  if (a.date.text !== b.date.text) return a.date.text < b.date.text ? -1 : 1;
  const x = a.time?.text ?? "00:00";
  const y = b.time?.text ?? "00:00";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** What linking a matter reported: the errors and occurrences to report again when its link is reused. */
type Effect = { code: string; range: A.Range; message: string; fix?: Fix } | Occurrence;

/**
 * Each matter's link against the contract it was linked to, with what it reported and where the matter
 * then started. A keystroke in a log re-parses one matter (the others keep their nodes, shifted): the others
 * are not linked again while their contract is the same (`LinkHost.linkWithoutLogs` keeps it).
 */
const keptMatters = new WeakMap<A.Matter, { contract: LinkedContract; start: number; lm: LinkedMatter; effects: Effect[]; paths: A.Str[] }>();

/**
 * A log's measurements as linked against its contract, with what linking them reported, kept while the
 * contract, the measurement statements and the text of each measurements file are the same.
 */
const keptMeasurements = new WeakMap<A.Log, {
  contract: LinkedContract; measures: A.Measure[]; files: A.MeasurementFile[]; texts: (string | undefined)[];
  measurements: Measurement[]; effects: Effect[]; uris: string[];
}>();

function sameItems<V>(a: readonly V[], b: readonly V[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function linkLogs(input: LogLinkInput): LinkedLog[] {
  const { root } = input;
  /** While a matter is linked: what it reports, for `keptMatters`. */
  let recording: Effect[] | undefined;
  const error: LogLinkInput["error"] = (code, range, message, more) => {
    recording?.push({ code, range, message, ...(more?.fix ? { fix: more.fix } : {}) });
    input.error(code, range, message, more);
  };
  const occur = (range: A.Range, decl: Decl): void => {
    // The same object is reported again when the matter's link is reused (nothing changes an occurrence).
    const o: Occurrence = { range, decl, isDeclaration: false };
    recording?.push(o);
    input.occurred(o);
  };
  /** What a kept link recorded, reported again; its fixes' offsets moved by `delta` (the node's move since). */
  const reportAgain = (effects: readonly Effect[], delta: number): void => {
    for (const e of effects) {
      if ("decl" in e) input.occurred(e);
      else input.error(e.code, e.range, e.message, e.fix ? { fix: delta === 0 ? e.fix : shifted(e.fix, delta) } : undefined);
    }
  };
  /** REF001 with the declared name the written one most likely meant. */
  const unresolved = (n: { text: string; range: A.Range }, message: string, candidates: Iterable<string>): void => {
    const hint = suggest(n.text, candidates);
    error("REF001", n.range, message + didYouMean(hint), { fix: spellingFix(n.text, n.range, hint) });
  };
  const out: LinkedLog[] = [];
  // A contract has at most one log per file set: imported files first, so the second is reported here.
  const logged = new Set<string>();
  for (const f of input.imported) for (const l of f.file.logs) if (l.name) logged.add(l.name.text);
  const rootLogged = new Set<string>();
  const contractFiles = new Map<string, Linked | undefined>();

  for (const log of root.file.logs) {
    const linked: LinkedLog = { uri: root.uri, log, matters: [], signals: [], responses: [], measurements: [], evidence: new Map(), evidenceMatter: new Map(), files: [] };
    out.push(linked);
    if (!log.name) continue;
    const decl = input.contractNames.get(log.name.text);
    if (!decl) {
      error("REF001", log.name.range, `no contract '${log.name.text}' is declared or imported`);
    } else {
      occur(log.name.range, decl);
      if (logged.has(log.name.text) || rootLogged.has(log.name.text)) {
        error("REF002", log.name.range, `contract '${log.name.text}' already has a log in this file set`);
      }
      rootLogged.add(log.name.text);
      linked.contract = contractOf(decl);
      linked.contractFile = decl.uri === root.uri ? undefined : contractFiles.get(decl.uri);
    }
    linkLog(linked, decl, declsOf(decl));
  }
  return out;

  function contractOf(decl: Decl): LinkedContract | undefined {
    if (decl.uri === root.uri) return input.rootContracts.find((c) => c.contract === decl.node);
    if (!contractFiles.has(decl.uri)) contractFiles.set(decl.uri, input.linkFile(decl.uri));
    return contractFiles.get(decl.uri)?.contracts.find((c) => c.contract === decl.node);
  }

  function declsOf(decl: Decl | undefined): Map<A.Block, Decl> {
    const list = !decl ? [] : decl.uri === root.uri ? input.rootDecls : contractFiles.get(decl.uri)?.decls ?? [];
    const byNode = new Map<A.Block, Decl>();
    for (const d of list) if (!byNode.has(d.node)) byNode.set(d.node, d);
    return byNode;
  }

  function linkLog(ll: LinkedLog, contractDecl: Decl | undefined, decls: Map<A.Block, Decl>): void {
    const lc = ll.contract;
    const at = (range: A.Range, node: A.Block | undefined): void => {
      const d = node && decls.get(node);
      if (d) occur(range, d);
    };
    /** The items of an evidence statement that name files (not links, not empty placeholders). */
    const pathsOf = (e: A.Evidence | undefined, into: A.Str[]): A.Str[] => {
      if (e) for (const item of e.items) if (!isEvidenceLink(item.value) && item.value.trim() !== "") into.push(item);
      return into;
    };
    const paths = (items: readonly A.Str[], matter?: LinkedMatter): void => {
      for (const item of items) {
        const target = input.host.resolve(root.uri, item.value);
        if (target) ll.files.push(target);
        ll.evidence.set(item, !!target && input.host.exists(target));
        if (matter) ll.evidenceMatter.set(item, matter);
      }
    };
    const board = (n: A.Name | undefined): A.Board | undefined | false => {
      if (!n || !lc) return undefined;
      const b = lc.boards.get(n.text);
      if (!b) { unresolved(n, `contract '${lc.contract.name?.text}' has no board '${n.text}'`, lc.boards.keys()); return false; }
      at(n.range, b);
      return b;
    };

    // ---- matters ----
    const matterNames = new Set<string>();
    for (const m of ll.log.matters) {
      input.declare("matter", m.name, m, contractDecl);
      if (m.name) {
        if (matterNames.has(m.name.text)) error("REF002", m.name.range, `matter '${m.name.text}' is already recorded in this log`);
        matterNames.add(m.name.text);
      }
      const kept = lc && keptMatters.get(m);
      if (kept && kept.contract === lc) {
        // The node is the one linked before, moved by the edits above it (its fixes' offsets move with it).
        reportAgain(kept.effects, m.range.start - kept.start);
        ll.matters.push(kept.lm);
        // Evidence is looked up again: a file it names may have appeared or gone.
        paths(kept.paths, kept.lm);
        continue;
      }
      const lm: LinkedMatter = { matter: m, replayed: false, events: [], tierOf: new Map(), boardOf: new Map(), stepOf: new Map() };
      ll.matters.push(lm);
      const effects: Effect[] = [];
      recording = effects;
      let referencesOk = true;
      if (lc && m.service) {
        lm.service = lc.services.get(m.service.text);
        if (lm.service) at(m.service.range, lm.service);
        else { unresolved(m.service, `contract '${lc.contract.name?.text}' has no service '${m.service.text}'`, lc.services.keys()); referencesOk = false; }
      }
      lm.severity = m.severity?.text;
      let hasLadders = false;
      if (lc) {
        hasLadders = lc.ladders.size > 0;
        if (m.ladder) {
          const l = lc.ladders.get(m.ladder.text);
          if (l) { lm.ladder = l; at(m.ladder.range, l); }
          else { unresolved(m.ladder, `contract '${lc.contract.name?.text}' has no ladder '${m.ladder.text}'`, lc.ladders.keys()); referencesOk = false; }
        } else {
          const chosen = chooseLadder(lc, { severity: lm.severity }, lm.service);
          if ("ladder" in chosen) lm.ladder = chosen.ladder;
        }
      }
      linkEvents(lm, hasLadders);
      lm.replayed = referencesOk && !!lc && !!lm.ladder && lm.events[0]?.event === "raised";
      recording = undefined;
      const files: A.Str[] = [];
      if (lm.replayed) for (const e of lm.events) pathsOf(e.evidence, files);
      if (lc) keptMatters.set(m, { contract: lc, start: m.range.start, lm, effects, paths: files });
      paths(files, lm);
    }

    function linkEvents(lm: LinkedMatter, hasLadders: boolean): void {
      const m = lm.matter;
      const raisedAt = m.events.findIndex((e) => e.event === "raised");
      const tiers = lm.ladder?.tiers ?? [];
      // References first: an event whose reference does not resolve carries an error.
      const broken = new Set<A.MatterEvent>();
      for (const e of m.events) {
        if (e.by && lc) { if (!role(e.by)) broken.add(e); }
        if (e.at && lc && (e.event === "meeting")) {
          const b = board(e.at);
          if (b === false) broken.add(e); else if (b) lm.boardOf.set(e, b);
        }
        if (e.event === "formal" && e.step && lc) {
          const step = lc.contract.dispute?.steps.find((s) => s.step === e.step!.text);
          if (step) { lm.stepOf.set(e, step); at(e.step.range, step); }
          else { unresolved(e.step, `the dispute block of contract '${lc.contract.name?.text}' has no step '${e.step.text}'`, (lc.contract.dispute?.steps ?? []).map((st) => st.step)); broken.add(e); }
        }
        if (e.event === "escalated" && e.to && lc && hasLadders) {
          const i = tiers.findIndex((t) => t.name?.text === e.to!.text);
          if (i >= 0) { lm.tierOf.set(e, i); at(e.to.range, tiers[i]); }
          else {
            if (lm.ladder) unresolved(e.to, `ladder '${lm.ladder.name?.text}' has no tier '${e.to.text}'`, tiers.flatMap((t) => (t.name ? [t.name.text] : [])));
            else error("REF001", e.to.range, `no ladder of contract '${lc.contract.name?.text}' applies to this matter, so tier '${e.to.text}' cannot be found`);
            broken.add(e);
          }
        }
        if (!validMoment(e.moment)) broken.add(e); // an impossible date or time: VAL001 from the value validator
        if ((e.event === "escalated" && !e.to) || (e.event === "formal" && !e.step)) broken.add(e);
      }
      if (raisedAt < 0) {
        error("VAL001", m.name?.range ?? m.keyword, `matter '${m.name?.text ?? ""}' has no 'raised' moment: write when and by whom it was raised`);
        return;
      }
      let latest: A.Moment | undefined;
      let resolved = false;
      let suspended = false;
      let formal = false;
      let current = 0;
      let seenRaised = false;
      const bad = (e: A.MatterEvent, message: string): void => { error("VAL001", e.keyword, message); };
      for (let i = 0; i < m.events.length; i++) {
        const e = m.events[i];
        if (e.event === "raised" && seenRaised) { bad(e, "a matter is raised once; this 'raised' repeats it"); continue; }
        if (i < raisedAt) { bad(e, `'${e.event}' is written before 'raised': a matter's events start with 'raised'`); continue; }
        if (e.event === "raised") seenRaised = true;
        if (broken.has(e)) continue;
        const when = e.moment!;
        if (resolved) { bad(e, `'${e.event}' comes after the matter was resolved`); continue; }
        if (latest !== undefined && compareMoments(when, latest) < 0) { bad(e, `'${e.event}' at ${momentText(when)} is before the event written above it (${momentText(latest)}): write events in the order they happened`); continue; }
        if (e.event === "resumed" && !suspended) { bad(e, "'resumed' without an earlier 'suspended'"); continue; }
        if (e.event === "escalated" && formal) { bad(e, "'escalated' after the matter went to its formal step"); continue; }
        if (e.event === "escalated") {
          const t = lm.tierOf.get(e);
          if (t !== undefined && t <= current) {
            error("VAL001", e.to!.range, `'${e.to!.text}' is ${t === current ? "the current tier" : "an earlier tier than the current one"} ('${tiers[current]?.name?.text}'): a matter escalates upwards`);
            continue;
          }
          if (t !== undefined) current = t;
        }
        if (e.event === "suspended") suspended = true;
        if (e.event === "resumed") suspended = false;
        if (e.event === "formal") formal = true;
        if (e.event === "resolved") resolved = true;
        latest = when;
        lm.events.push(e);
      }
    }

    function role(ref: A.Ref): RoleInfo | undefined {
      if (!lc) return undefined;
      const written = ref.party ? `${ref.party.text}.${ref.name.text}` : ref.name.text;
      if (ref.party) {
        const party = lc.parties.get(ref.party.text);
        if (!party) { unresolved(ref.party, `no party '${ref.party.text}' is declared or imported`, lc.parties.keys()); return undefined; }
        occur(ref.party.range, party.decl);
        const r = party.roles.get(ref.name.text);
        if (!r) { unresolved(ref.name, `party '${party.decl.name}' has no role '${ref.name.text}'`, party.roles.keys()); return undefined; }
        occur(ref.name.range, r.decl);
        return r;
      }
      const sides = [lc.customer, lc.supplier].filter((p): p is PartyInfo => !!p);
      const found = [...new Set(sides)].map((p) => p.roles.get(ref.name.text)).filter((r): r is RoleInfo => !!r);
      if (found.length > 1) { error("REF003", ref.name.range, `'${written}' is a role of both '${lc.customer!.decl.name}' and '${lc.supplier!.decl.name}'; write it with its party`); return undefined; }
      if (found.length === 0) {
        // A name both sides declare would be ambiguous (REF003): only a name one side declares is offered.
        const names = [...new Set(sides)].flatMap((p) => [...p.roles.keys()]);
        unresolved(ref.name, `no role '${written}' in ${sides.map((p) => `'${p.decl.name}'`).join(" or ") || "the contract's parties"}`, names.filter((x, i) => names.indexOf(x) === i && names.lastIndexOf(x) === i));
        return undefined;
      }
      occur(ref.name.range, found[0].decl);
      return found[0];
    }

    // ---- early warning ----
    for (const s of ll.log.signals) {
      if (!s.signal || !validMoment(s.moment)) continue;
      ll.signals.push(s);
      paths(pathsOf(s.evidence, []));
    }
    for (const r of ll.log.responses) {
      if (!validMoment(r.moment)) continue;
      if (r.at && board(r.at) === false) continue;
      ll.responses.push(r);
      paths(pathsOf(r.evidence, []));
    }

    // ---- measurements, in the order written ----
    if (!lc) return;
    const seen = new Map<A.Sla, Set<string>>();
    const fileTexts = new Map<A.MeasurementFile, { uri: string | undefined; text: string | undefined }>();
    for (const f of ll.log.measurementFiles) {
      const uri = f.path ? input.host.resolve(root.uri, f.path.value) : undefined;
      fileTexts.set(f, { uri, text: uri === undefined ? undefined : input.host.readText(uri) });
    }
    const texts = [...fileTexts.values()].map((t) => t.text);
    // A keystroke in a matter leaves the log's measurement statements as they were: their link is kept.
    const kept = keptMeasurements.get(ll.log);
    if (kept && kept.contract === lc && sameItems(kept.measures, ll.log.measures) && sameItems(kept.files, ll.log.measurementFiles) && sameItems(kept.texts, texts)) {
      reportAgain(kept.effects, 0);
      for (const u of kept.uris) ll.files.push(u);
      ll.measurements = kept.measurements;
      return;
    }
    const effects: Effect[] = [];
    recording = effects;
    const filesBefore = ll.files.length;
    linkMeasurements();
    recording = undefined;
    // What reported a fix is linked again next time (a fix's offsets would have to move with its node).
    if (!effects.some((e) => "fix" in e && e.fix)) {
      keptMeasurements.set(ll.log, { contract: lc, measures: ll.log.measures.slice(), files: ll.log.measurementFiles.slice(), texts, measurements: ll.measurements, effects, uris: ll.files.slice(filesBefore) });
    }

    function linkMeasurements(): void {
      type Source = { kind: "measure"; m: A.Measure } | { kind: "file"; f: A.MeasurementFile };
      const sources: Source[] = [
        ...ll.log.measures.map((m): Source => ({ kind: "measure", m })),
        ...ll.log.measurementFiles.map((f): Source => ({ kind: "file", f })),
      ].sort((a, b) => (a.kind === "measure" ? a.m.range.start : a.f.range.start) - (b.kind === "measure" ? b.m.range.start : b.f.range.start));
      for (const src of sources) {
        const ref = src.kind === "measure" ? src.m.sla : src.f.sla;
        const target = ref && slaOf(ref);
        if (!target) continue;
        if (src.kind === "measure") {
          const { m } = src;
          if (!m.period || !m.value) continue;
          const period = parsePeriod(m.period.text);
          if (!period) continue; // a month or quarter out of range: VAL001 from the parser
          const problem = fitProblem(target.sla, period, m.value);
          if (problem) { error("VAL001", problem.at === "period" ? m.period.range : m.value.range, problem.message); continue; }
          if (m.value.kind === "percent" && m.value.value > 100) continue;
          if (repeated(target.sla, period)) { error("REF002", ref!.range, `${describeRef(ref!)} is already measured for ${period.text}`); continue; }
          const { service, sla } = target;
          // Two literal shapes, not a spread: a ten-year log has thousands of measurements.
          ll.measurements.push(m.note ? { service, sla, period, value: m.value, note: m.note.value, at: ref!.range } : { service, sla, period, value: m.value, at: ref!.range });
        } else {
          const { f } = src;
          if (!f.path) continue;
          const { uri, text } = fileTexts.get(f)!;
          if (uri) ll.files.push(uri);
          if (text === undefined) { error("REF004", f.path.range, `measurements file '${f.path.value}' not found or unreadable`); continue; }
          const { rows, problems } = readMeasurementCsv(text);
          for (const p of problems) error("VAL001", f.path.range, p.line === 1 ? `'${f.path.value}' ${p.message}` : `'${f.path.value}' line ${p.line} ${p.message}`);
          for (const row of rows) {
            const rowAt = `'${f.path.value}' line ${row.line}`;
            const period = parsePeriod(row.period);
            if (!period) { error("VAL001", f.path.range, `${rowAt}: '${row.period}' is not a period (2026-01, 2026-Q1, 2026 or 2026-01-14)`); continue; }
            const value = parseQuantityText(row.value, f.path.range);
            if (!value) { error("VAL001", f.path.range, `${rowAt}: '${row.value}' is not a value (99.91%, 12, 4 hours)`); continue; }
            if (value.kind === "percent" && value.value > 100) { error("VAL001", f.path.range, `${rowAt}: ${value.text} is over 100%`); continue; }
            if (value.kind === "duration" && (!Number.isInteger(value.amount) || value.amount === 0)) { error("VAL001", f.path.range, `${rowAt}: a duration is a whole number above zero (${value.text})`); continue; }
            const problem = fitProblem(target.sla, period, value);
            if (problem) { error("VAL001", f.path.range, `${rowAt}: ${problem.message}`); continue; }
            if (repeated(target.sla, period)) { error("REF002", f.path.range, `${rowAt}: ${describeRef(ref!)} is already measured for ${period.text}`); continue; }
            ll.measurements.push({ ...target, period, value, ...(row.note ? { note: row.note } : {}), at: f.path.range, row: row.line });
          }
        }
      }
    }

    function repeated(sla: A.Sla, p: Period): boolean {
      const set = seen.get(sla) ?? new Set<string>();
      seen.set(sla, set);
      if (set.has(p.text)) return true;
      set.add(p.text);
      return false;
    }

    function slaOf(ref: A.SlaRef): { service: A.Service; sla: A.Sla } | undefined {
      const service = lc!.services.get(ref.service.text);
      if (!service) { unresolved(ref.service, `contract '${lc!.contract.name?.text}' has no service '${ref.service.text}'`, lc!.services.keys()); return undefined; }
      at(ref.service.range, service);
      if (!ref.sla) return undefined;
      const sla = service.slas.find((s) => s.name?.text === ref.sla!.text);
      if (!sla) { unresolved(ref.sla, `service '${ref.service.text}' has no sla '${ref.sla.text}'`, service.slas.flatMap((x) => (x.name ? [x.name.text] : []))); return undefined; }
      at(ref.sla.range, sla);
      return { service, sla };
    }
  }
}

/** A fix of a node that moved by `delta` since the fix was made. */
function shifted(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => (e.uri ? e : { ...e, start: e.start + delta, end: e.end + delta })) };
}

function describeRef(ref: A.SlaRef): string {
  return `${ref.service.text}.${ref.sla?.text ?? ""}`;
}

/** A period that does not fit the SLA's window, or a value not of the kind of its metric's target. */
function fitProblem(sla: A.Sla, period: Period, value: A.Quantity): { at: "period" | "value"; message: string } | undefined {
  const window = sla.window?.text;
  const kind = window ? WINDOW_PERIOD[window] : undefined;
  if (kind && period.kind !== kind) return { at: "period", message: `sla '${sla.name?.text}' is measured ${window}: the period must be ${PERIOD_WORDS[kind]}, not ${period.text}` };
  const target = sla.metrics[0]?.target;
  if (!target) return undefined;
  if (target.kind !== value.kind) return { at: "value", message: `sla '${sla.name?.text}' measures ${KIND_WORDS[target.kind]} (its target is ${target.text}), not ${value.text}` };
  if (value.kind === "duration" && (value.business || value.unit === "month" || value.unit === "year")) {
    return { at: "value", message: `a measured duration is written in minutes, hours, days or weeks of elapsed measured time, not ${value.text}` };
  }
  return undefined;
}

const KIND_WORDS: Record<A.Quantity["kind"], string> = { percent: "a percentage", number: "a number", duration: "a duration" };
