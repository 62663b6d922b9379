// Completion: only what is valid where the cursor stands, worked out from the token stream (which
// survives any half-typed text) and filled from the linked model (parties, roles, boards, ladders…).
import type { IToken, TokenType } from "chevrotain";
import type * as A from "../core/ast";
import * as T from "../core/tokens";
import { BLOCK_STATEMENTS, BlockKind, VALUES } from "../core/statements";
import { STEP_KINDS } from "../core/ast";
import type { LinkedContract, PartyInfo } from "../core/link";
import type { DocumentAnalysis, WorkspaceView } from "./analysis";
import { SHAPES, Slot } from "../core/statements";
import { personLabel } from "./ladder";
import type { LinkedLog } from "../core/link-log";
import { logClock } from "../operations/time";

export type CompletionKind =
  | "keyword" | "value" | "unit" | "snippet" | "file"
  | "party" | "person" | "role" | "board" | "ladder" | "service" | "step" | "calendar" | "tier" | "sla" | "moment";

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert instead of the label; a snippet when `snippet` is set. */
  insertText?: string;
  snippet?: boolean;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The text the chosen item replaces: the part of the word already typed. */
  replace: A.Range;
}

type Expect =
  | { t: "slot"; slot: Slot }
  | { t: "member"; what: "role" | "person"; party: string }
  | { t: "unit"; afterBusiness: boolean };

/** An enclosing block: its kind and the index of the keyword token that opened it. */
interface Frame {
  kind: BlockKind;
  opener: number;
}

type Where =
  | { at: "statement"; block: BlockKind; written: Set<string>; chain: Frame[] }
  | { at: "slots"; block: BlockKind; written: Set<string>; chain: Frame[]; expects: Expect[]; canEnd: boolean }
  | { at: "nowhere" };

type Match =
  | { k: "ok"; i: number }
  | { k: "fail"; at: number }
  | { k: "eof"; expects: Expect[]; canEnd: boolean }
  | { k: "inside"; block: BlockKind; from: number };

const WORD_CHAR = /[A-Za-z0-9_-]/;

function isWord(t: IToken | undefined): boolean {
  return !!t && T.isWordToken(t.tokenType);
}

function isA(t: IToken | undefined, type: TokenType): boolean {
  return !!t && (t.tokenType === type || (t.tokenType.CATEGORIES?.includes(type) ?? false));
}

/** Walks the statements of a block over tokens[0, end), descending into the block that holds the cursor. */
class Reader {
  private readonly match: (number | undefined)[];

  constructor(private readonly tokens: readonly IToken[], private readonly end: number) {
    this.match = new Array(end);
    const open: number[] = [];
    for (let i = 0; i < end; i++) {
      if (tokens[i].tokenType === T.LBrace) open.push(i);
      else if (tokens[i].tokenType === T.RBrace && open.length > 0) this.match[open.pop()!] = i;
    }
  }

  block(kind: BlockKind, from: number, chain: Frame[]): Where {
    const shapes = SHAPES[kind];
    const written = new Set<string>();
    let i = from;
    for (;;) {
      if (i >= this.end) return { at: "statement", block: kind, written, chain };
      const tok = this.tokens[i];
      const shape = isWord(tok) ? ownShape(shapes, tok.image) : undefined;
      if (!shape) {
        if (tok.tokenType === T.LBrace) {
          const m = this.match[i];
          if (m === undefined) return { at: "nowhere" };
          i = m + 1;
        } else i++;
        continue;
      }
      written.add(tok.image);
      const r = this.seq(shape.slots, i + 1);
      if (r.k === "ok") i = r.i;
      else if (r.k === "fail") i = Math.max(r.at, i + 1);
      else if (r.k === "eof") return { at: "slots", block: kind, written, chain, expects: r.expects, canEnd: r.canEnd };
      else return this.block(r.block, r.from, [...chain, { kind: r.block, opener: i }]);
    }
  }

  /** The statements written from `from` to the end of the block (the text after the cursor). */
  rest(kind: BlockKind, from: number): Set<string> {
    const shapes = SHAPES[kind];
    const written = new Set<string>();
    for (let i = from; i < this.end; ) {
      const tok = this.tokens[i];
      if (tok.tokenType === T.RBrace) break;
      const shape = isWord(tok) ? ownShape(shapes, tok.image) : undefined;
      if (!shape) {
        const m = tok.tokenType === T.LBrace ? this.match[i] : undefined;
        if (tok.tokenType === T.LBrace && m === undefined) break;
        i = m !== undefined ? m + 1 : i + 1;
        continue;
      }
      written.add(tok.image);
      const r = this.seq(shape.slots, i + 1);
      if (r.k === "ok") i = r.i;
      else if (r.k === "fail") i = Math.max(r.at, i + 1);
      else break;
    }
    return written;
  }

  private seq(slots: readonly Slot[], i: number): Match {
    let pending: Expect[] = [];
    for (let n = 0; n < slots.length; n++) {
      const slot = slots[n];
      const optional = slot.t === "opt" || (slot.t === "block" && slot.optional);
      if (optional && i >= this.end) {
        pending.push(...this.firsts(slot));
        continue;
      }
      const r = this.slot(slot, i);
      if (r.k === "ok") {
        i = r.i;
        pending = [];
        continue;
      }
      if (r.k === "eof") return { k: "eof", expects: [...pending, ...r.expects], canEnd: r.canEnd && this.restOptional(slots, n) };
      return r;
    }
    if (i >= this.end && pending.length > 0) return { k: "eof", expects: pending, canEnd: true };
    return { k: "ok", i };
  }

  /** True when every slot after `slot` may be left out. */
  private restOptional(slots: readonly Slot[], n: number): boolean {
    const rest = slots.slice(n + 1);
    return rest.every((s) => s.t === "opt" || (s.t === "block" && s.optional));
  }

  private firsts(slot: Slot): Expect[] {
    switch (slot.t) {
      case "opt":
        return slot.seq.length > 0 ? this.firsts(slot.seq[0]) : [];
      case "list":
        return this.firsts(slot.item);
      case "alt":
        return slot.seqs.flatMap((s) => (s.length > 0 ? this.firsts(s[0]) : []));
      default:
        return [{ t: "slot", slot }];
    }
  }

  private slot(slot: Slot, i: number): Match {
    if (i >= this.end) return { k: "eof", expects: this.firsts(slot), canEnd: false };
    const tok = this.tokens[i];
    switch (slot.t) {
      case "name":
        return isWord(tok) ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "ref": {
        if (!isWord(tok)) return { k: "fail", at: i };
        if (this.tokens[i + 1]?.tokenType !== T.Dot || i + 1 >= this.end) return { k: "ok", i: i + 1 };
        if (i + 2 >= this.end) return { k: "eof", expects: [{ t: "member", what: slot.what, party: tok.image }], canEnd: false };
        return isWord(this.tokens[i + 2]) ? { k: "ok", i: i + 3 } : { k: "fail", at: i + 2 };
      }
      case "value":
        return isWord(tok) || tok.tokenType === T.Around ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "word":
        return tok.image === slot.word ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "string":
        return isA(tok, T.StringLiteral) ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "number":
        return tok.tokenType === T.NumberLiteral ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "percent":
        return tok.tokenType === T.Percent ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "date":
        return tok.tokenType === T.DateLiteral ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "time":
        return tok.tokenType === T.TimeLiteral ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "period":
        return [T.MonthLiteral, T.QuarterLiteral, T.DateLiteral, T.NumberLiteral].includes(tok.tokenType) ? { k: "ok", i: i + 1 } : { k: "fail", at: i };
      case "duration":
        return this.duration(i, false);
      case "quantity":
        if (tok.tokenType === T.Percent) return { k: "ok", i: i + 1 };
        return this.duration(i, true);
      case "opt": {
        const r = this.seq(slot.seq, i);
        return r.k === "fail" && r.at === i ? { k: "ok", i } : r;
      }
      case "list": {
        let r = this.slot(slot.item, i);
        while (r.k === "ok") {
          const j = r.i;
          if (j >= this.end || this.tokens[j].tokenType !== T.Comma) return r;
          r = this.slot(slot.item, j + 1);
        }
        return r;
      }
      case "alt": {
        const expects: Expect[] = [];
        let canEnd = false;
        for (const s of slot.seqs) {
          const r = this.seq(s, i);
          if (r.k === "ok" || r.k === "inside") return r;
          if (r.k === "eof") {
            expects.push(...r.expects);
            canEnd ||= r.canEnd;
          }
        }
        return expects.length > 0 ? { k: "eof", expects, canEnd } : { k: "fail", at: i };
      }
      case "block": {
        if (tok.tokenType !== T.LBrace) return slot.optional ? { k: "ok", i } : { k: "fail", at: i };
        const m = this.match[i];
        return m === undefined ? { k: "inside", block: slot.kind, from: i + 1 } : { k: "ok", i: m + 1 };
      }
    }
  }

  /** NUMBER [business] UNIT; a bare number is accepted where a quantity may be one. */
  private duration(i: number, numberWillDo: boolean): Match {
    if (this.tokens[i].tokenType !== T.NumberLiteral) return { k: "fail", at: i };
    let j = i + 1;
    if (j >= this.end) return { k: "eof", expects: [{ t: "unit", afterBusiness: false }], canEnd: numberWillDo };
    const business = this.tokens[j].tokenType === T.K.business;
    if (business) j++;
    if (j >= this.end) return { k: "eof", expects: [{ t: "unit", afterBusiness: true }], canEnd: false };
    if (isA(this.tokens[j], T.Unit)) return { k: "ok", i: j + 1 };
    return numberWillDo && !business ? { k: "ok", i: i + 1 } : { k: "fail", at: j };
  }
}

export interface CompletionOptions {
  workspace?: WorkspaceView;
  /** The current instant (ISO), for the moment a log offers; the clock's when absent. */
  now?: string;
  /** An earlier analysis of the same document, for names when the current text lost its contract. */
  fallback?: DocumentAnalysis;
}

export function complete(analysis: DocumentAnalysis, offset: number, options: CompletionOptions = {}): CompletionResult {
  const text = analysis.text;
  offset = Math.max(0, Math.min(offset, text.length));
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  const replace = { start, end: offset };
  const parsed = analysis.linked.file.parsed;

  if (parsed.comments.some((c) => c.startOffset < offset && (offset < c.startOffset + c.image.length || (c.tokenType !== T.BlockComment && offset === c.startOffset + c.image.length)))) {
    return { items: [], replace };
  }
  const tokens = parsed.tokens;
  let end = 0;
  while (end < tokens.length && tokens[end].startOffset < start) end++;
  const last = tokens[end - 1];
  if (last && isA(last, T.StringLiteral) && offset > last.startOffset && (offset < last.startOffset + last.image.length || last.tokenType === T.UnterminatedString)) {
    return importPaths(analysis, tokens, end - 1, offset, options.workspace);
  }

  const where = new Reader(tokens, end).block("document", 0, []);
  if (where.at === "nowhere") return { items: [], replace };
  const ctx = new Context(analysis, tokens, where.chain, end, options.workspace, options.fallback, options.now);
  const items: CompletionEntry[] = [];
  if (where.at === "slots") {
    for (const e of where.expects) items.push(...ctx.expected(e));
  }
  if (where.at === "statement" || (where.at === "slots" && where.canEnd)) {
    // Statements that may appear once are not offered again, whether written before or after the cursor.
    const after = new Reader(tokens, tokens.length).rest(where.block, end);
    items.push(...ctx.statements(where.block, new Set([...where.written, ...after])));
  }
  const seen = new Set<string>();
  return { items: items.filter((i) => (seen.has(i.kind + i.label) ? false : (seen.add(i.kind + i.label), true))), replace };
}

/** What the linked model offers for the expectations at the cursor. */
class Context {
  readonly contract?: LinkedContract;

  constructor(
    private readonly analysis: DocumentAnalysis,
    private readonly tokens: readonly IToken[],
    private readonly chain: Frame[],
    /** The index of the first token at or after the cursor. */
    private readonly end: number,
    private readonly workspace?: WorkspaceView,
    fallback?: DocumentAnalysis,
    private readonly now?: string,
  ) {
    const top = chain[0];
    if (top?.kind === "contract") {
      const at = tokens[top.opener].startOffset;
      const name = tokens[top.opener + 1]?.image;
      this.contract =
        analysis.linked.contracts.find((c) => c.contract.keyword.start === at) ??
        analysis.linked.contracts.find((c) => c.contract.name?.text === name) ??
        // Half-typed text can lose the contract's tree; the last analysis that had it still knows its names.
        fallback?.linked.contracts.find((c) => c.contract.name?.text === name);
    } else if (top?.kind === "log") {
      // In a log, boards, services, ladders and steps are the log's contract's (core/link-log.ts links it).
      const at = tokens[top.opener].startOffset;
      this.log = analysis.linked.logs.find((l) => l.log.keyword.start === at);
      this.contract = this.log?.contract;
    }
  }

  readonly log?: LinkedLog;

  statements(block: BlockKind, written: Set<string>): CompletionEntry[] {
    const shapes = SHAPES[block];
    const items: CompletionEntry[] = [];
    for (const w of BLOCK_STATEMENTS[block]) {
      if (ownShape(shapes, w)?.once && written.has(w)) continue;
      items.push({ label: w, kind: "keyword", detail: `${block === "document" ? "declaration" : `statement of ${block === "step" ? "a dispute step" : `a ${block}`}`}`, sortText: `1${w}` });
    }
    if (block === "contract") items.push(...this.snippets(written));
    return items;
  }

  expected(e: Expect): CompletionEntry[] {
    if (e.t === "unit") {
      const units = e.afterBusiness ? ["days", "hours"] : ["business days", "business hours", "days", "hours", "weeks", "months", "years", "minutes"];
      return units.map((u, i) => ({ label: u, kind: "unit", sortText: `0${i}` }));
    }
    if (e.t === "member") {
      const party = this.party(e.party);
      if (!party) return [];
      return e.what === "role" ? this.roleItems(party, false) : this.personItems(party, false);
    }
    const slot = e.slot;
    switch (slot.t) {
      case "value":
        return VALUES[slot.set].map((v, i) => ({ label: v, kind: "value", sortText: `0${String(i).padStart(2, "0")}` }));
      case "word":
        return [{ label: slot.word, kind: "keyword" }];
      case "date": {
        const items: CompletionEntry[] = [];
        const now = this.log ? this.nowMoment() : undefined;
        if (now) items.push({ label: now.text, kind: "moment", detail: `now, in ${now.zone}`, sortText: "00" });
        if (now?.text.slice(0, 10) !== this.analysis.today) items.push({ label: this.analysis.today, kind: "value", detail: "today", sortText: "01" });
        return items;
      }
      case "ref":
        return this.refItems(slot.what, slot.side);
      case "name":
        return this.names(slot.what);
      default:
        return [];
    }
  }

  private party(name: string): PartyInfo | undefined {
    return this.contract?.parties.get(name) ?? this.analysis.linked.contracts.map((c) => c.parties.get(name)).find((p) => !!p);
  }

  private roleItems(p: PartyInfo, qualified: boolean): CompletionEntry[] {
    return [...p.roles.values()].map((r) => ({
      label: qualified ? `${p.decl.name}.${r.decl.name}` : r.decl.name,
      kind: "role" as const,
      detail: [r.role.label?.value, r.level, r.holder ? personLabel(r.holder) : undefined].filter(Boolean).join(" · "),
      documentation: `Role of ${p.party.label?.value ?? p.decl.name}`,
    }));
  }

  private personItems(p: PartyInfo, qualified: boolean): CompletionEntry[] {
    return [...p.people.values()].map((x) => ({
      label: qualified ? `${p.decl.name}.${x.decl.name}` : x.decl.name,
      kind: "person" as const,
      detail: personLabel(x),
      documentation: `Person of ${p.party.label?.value ?? p.decl.name}`,
    }));
  }

  private refItems(what: "role" | "person", side?: A.Side): CompletionEntry[] {
    const lc = this.contract;
    if (!lc) return [];
    if (side) {
      const p = lc[side];
      return p ? (what === "role" ? this.roleItems(p, false) : this.personItems(p, false)) : [];
    }
    const sides = [lc.customer, lc.supplier].filter((p): p is PartyInfo => !!p);
    if (sides.length === 2 && sides[0] === sides[1]) sides.pop();
    const items: CompletionEntry[] = [];
    const count = new Map<string, number>();
    for (const p of sides) for (const n of (what === "role" ? p.roles : p.people).keys()) count.set(n, (count.get(n) ?? 0) + 1);
    for (const p of sides) {
      const make = (q: boolean): CompletionEntry[] => (what === "role" ? this.roleItems(p, q) : this.personItems(p, q));
      // A bare name only where it is unambiguous (REF003 otherwise); the qualified form always.
      items.push(...make(false).filter((i) => count.get(i.label) === 1));
      items.push(...make(true).map((i) => ({ ...i, sortText: `2${i.label}` })));
    }
    return items;
  }

  private names(what: string): CompletionEntry[] {
    const lc = this.contract;
    switch (what) {
      case "party": {
        const parties = lc ? [...lc.parties.values()] : [];
        return parties.map((p) => ({ label: p.decl.name, kind: "party" as const, detail: p.party.label?.value }));
      }
      case "board":
        return lc ? [...lc.boards.values()].map((b) => ({ label: b.name!.text, kind: "board" as const, detail: [b.label?.value, b.meets?.text].filter(Boolean).join(" · ") })) : [];
      case "ladder":
        return lc ? [...lc.ladders.values()].map((l) => ({ label: l.name!.text, kind: "ladder" as const, detail: l.label?.value })) : [];
      case "service":
        return lc ? [...lc.services.values()].map((s) => ({ label: s.name!.text, kind: "service" as const, detail: [s.label?.value, s.criticality?.text].filter(Boolean).join(" · ") })) : [];
      case "step": {
        const steps = lc?.contract.dispute?.steps.map((s) => s.step) ?? [];
        const list = steps.length > 0 ? steps : [...STEP_KINDS];
        return list.map((s, i) => ({ label: s, kind: "step" as const, detail: steps.length > 0 ? "step of the dispute block" : "dispute step (not written yet)", sortText: `0${i}` }));
      }
      case "calendar":
        return this.calendars().map((c) => ({ label: c, kind: "calendar" as const }));
      case "holder":
        return this.holders();
      case "record":
        return VALUES.records.map((v) => ({ label: v, kind: "value" as const }));
      case "signal":
        return VALUES.signals.map((v) => ({ label: v, kind: "value" as const }));
      case "watched-signal":
        return this.watchedSignals();
      case "tier":
        return this.tiersAfterCurrent();
      case "sla-service":
        return this.slaPairs();
      case "sla":
        return this.slasOf(this.tokens[this.end - 2]?.image);
      case "day":
        return [...VALUES.days, "mon-fri", "mon-sat", "sun-thu"].map((v) => ({ label: v, kind: "value" as const }));
      default:
        return [];
    }
  }

  /** The current instant as a log's MOMENT in the contract calendar's zone (`2026-01-12 09:30`). */
  private nowMoment(): { text: string; zone: string } | undefined {
    const clock = this.contract && logClock(this.contract);
    if (!clock) return undefined;
    const t = clock.calendar.parseInstant(this.now ?? new Date().toISOString());
    if (!t) return undefined;
    const zone = clock.calendar.zone;
    return { text: t.setZone(zone).toFormat("yyyy-MM-dd HH:mm"), zone };
  }

  /** The signals the contract's early-warning block watches; without any, the language's signal kinds. */
  private watchedSignals(): CompletionEntry[] {
    const ew = this.contract?.contract.earlyWarning;
    const watched = (ew?.signals ?? []).filter((s) => s.name).map((s) => ({
      label: s.name!.text,
      kind: "value" as const,
      detail: s.count ? `watched: ${s.count.value} within ${s.within?.text ?? "?"}` : "watched by the early-warning block",
    }));
    if (watched.length > 0) return watched;
    return VALUES.signals.map((v) => ({ label: v, kind: "value" as const, detail: "not watched by the contract (EWL003)", sortText: `9${v}` }));
  }

  /** `escalated ... to`: the tiers of the matter's ladder after the tier it stands at, where the cursor is. */
  private tiersAfterCurrent(): CompletionEntry[] {
    const frame = [...this.chain].reverse().find((f) => f.kind === "matter");
    if (!frame || !this.log) return [];
    const at = this.tokens[frame.opener].startOffset;
    const lm = this.log.matters.find((m) => m.matter.keyword.start === at);
    const tiers = lm?.ladder?.tiers ?? [];
    if (!lm || tiers.length === 0) return [];
    const cursor = this.tokens[this.end - 1]?.startOffset ?? 0;
    let current = 0;
    for (const e of lm.events) {
      if (e.range.start >= cursor) break;
      const t = lm.tierOf.get(e);
      if (t !== undefined) current = t;
    }
    return tiers.slice(current + 1).filter((t) => t.name).map((t, i) => ({
      label: t.name!.text,
      kind: "tier" as const,
      detail: [i === 0 ? "the next tier" : `skips ${i} tier${i > 1 ? "s" : ""} (MAT003)`, t.within?.text && `within ${t.within.text}`].filter(Boolean).join(" · "),
      documentation: `Tier ${current + 2 + i} of ladder '${lm.ladder!.name?.text ?? ""}'; the matter stands at '${tiers[current].name?.text ?? ""}'.`,
      sortText: `0${i}`,
    }));
  }

  /** At a measurement's service: every `service.sla` of the contract. */
  private slaPairs(): CompletionEntry[] {
    const lc = this.contract;
    if (!lc) return [];
    const items: CompletionEntry[] = [];
    for (const s of lc.services.values()) {
      for (const sla of s.slas) {
        if (!s.name || !sla.name) continue;
        items.push({ label: `${s.name.text}.${sla.name.text}`, kind: "sla", detail: [sla.label?.value, sla.window?.text].filter(Boolean).join(" · "), sortText: `0${items.length}` });
      }
    }
    return items;
  }

  /** After `service.`: the service's SLAs. */
  private slasOf(service: string | undefined): CompletionEntry[] {
    const s = service ? this.contract?.services.get(service) : undefined;
    return (s?.slas ?? []).filter((x) => x.name).map((x) => ({ label: x.name!.text, kind: "sla" as const, detail: [x.label?.value, x.window?.text].filter(Boolean).join(" · ") }));
  }

  private calendars(): string[] {
    const linked = this.analysis.linked;
    const names = linked.file.parsed.file.calendars.map((c) => c.name?.text).filter((n): n is string => !!n);
    for (const dep of linked.dependencies) {
      const f = this.workspace?.load(dep);
      for (const c of f?.parsed.file.calendars ?? []) if (c.name) names.push(c.name.text);
    }
    return names;
  }

  /** People of the party whose block holds the cursor (a role's holder and deputy). */
  private holders(): CompletionEntry[] {
    const frame = [...this.chain].reverse().find((f) => f.kind === "party");
    const name = frame ? this.tokens[frame.opener + 1]?.image : undefined;
    if (!name) return [];
    const info = this.party(name);
    if (info) return this.personItems(info, false);
    const node = this.analysis.linked.file.parsed.file.parties.find((p) => p.name?.text === name);
    return (node?.people ?? []).filter((p) => p.name).map((p) => ({ label: p.name!.text, kind: "person" as const, detail: p.label?.value }));
  }

  /** Whole blocks, filled from this contract where it can (roles by level, the first dispute step). */
  private snippets(written: Set<string>): CompletionEntry[] {
    const lc = this.contract;
    const items: CompletionEntry[] = [];
    const roleAt = (p: PartyInfo | undefined, level: A.Level, fallback: string): string => {
      const r = p ? [...p.roles.values()].find((x) => x.level === level) : undefined;
      return (r?.decl.name ?? fallback).replace(/[$}\\]/g, "\\$&");
    };
    const firstStep = lc?.contract.dispute?.steps[0]?.step ?? "mediation";
    let n = 3;
    const tier = (name: string, level: A.Level, within: string): string[] => [
      `  tier ${name} {`,
      `    customer \${${n++}:${roleAt(lc?.customer, level, level.slice(0, 4))}}`,
      `    supplier \${${n++}:${roleAt(lc?.supplier, level, level.slice(0, 4))}}`,
      `    within \${${n++}:${within}}`,
      "  }",
    ];
    const ladder = [
      'escalation ${1:standard} "${2:Standard escalation}" {',
      ...tier("operational", "operational", "5 business days"),
      ...tier("management", "management", "10 business days"),
      ...tier("executive", "executive", "10 business days"),
      `  then \${${n}:${firstStep}}`,
      "}",
    ].join("\n");
    items.push({ label: "escalation (three tiers)", kind: "snippet", detail: "ladder: operational, management, executive, then a dispute step", insertText: ladder, snippet: true, sortText: "0escalation" });
    if (!written.has("dispute")) {
      const ladderName = lc ? [...lc.ladders.keys()].find((k) => ![...lc.ladders.get(k)!.appliesTo].length) ?? [...lc.ladders.keys()][0] : undefined;
      const dispute = [
        "dispute {",
        "  notice written",
        `  ladder \${1:${ladderName ?? "standard"}}`,
        '  mediation { provider "${2:CEDR}" start within ${3:20 business days} }',
        '  arbitration { rules "${4:LCIA Rules}" seat "${5:London}" }',
        "}",
      ].join("\n");
      items.push({ label: "dispute (mediation then arbitration)", kind: "snippet", detail: "the formal steps after the ladder", insertText: dispute, snippet: true, sortText: "0dispute" });
    }
    if (!written.has("continuity")) {
      const critical = lc ? [...lc.services.values()].find((s) => s.criticality?.text === "critical")?.name?.text : undefined;
      const continuity = [
        "continuity {",
        "  services continue",
        "  undisputed-payments continue",
        "  suspension forbidden",
        ...(critical ? [`  interim \${1:${critical}} \${2|step-in,fallback,escrow|}`] : []),
        "}",
      ].join("\n");
      items.push({ label: "continuity (services continue)", kind: "snippet", detail: "no suspension or withheld payments during a dispute", insertText: continuity, snippet: true, sortText: "0continuity" });
    }
    return items;
  }
}

/** Inside an import string: the workspace's other Covenant files, as paths relative to this one. */
function importPaths(analysis: DocumentAnalysis, tokens: readonly IToken[], index: number, offset: number, workspace?: WorkspaceView): CompletionResult {
  const str = tokens[index];
  const replace = { start: str.startOffset + 1, end: offset };
  if (tokens[index - 1]?.tokenType !== T.K.import || !workspace) return { items: [], replace };
  const items: CompletionEntry[] = [];
  for (const uri of workspace.files()) {
    if (uri === analysis.uri) continue;
    const rel = relativePath(analysis.uri, uri);
    if (rel) items.push({ label: rel, kind: "file" });
  }
  return { items, replace };
}

export function relativePath(from: string, to: string): string | undefined {
  let a: URL;
  let b: URL;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return undefined;
  }
  if (a.protocol !== b.protocol || a.host !== b.host) return undefined;
  const fromParts = a.pathname.split("/").slice(0, -1);
  const toParts = b.pathname.split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  return decodeURIComponent([...Array(up).fill(".."), ...toParts.slice(common)].join("/"));
}

/** The shape of a statement word; a word like `valueOf` or `__proto__` is a name, not an inherited property. */
function ownShape<S>(shapes: Record<string, S>, word: string): S | undefined {
  return Object.prototype.hasOwnProperty.call(shapes, word) ? shapes[word] : undefined;
}
