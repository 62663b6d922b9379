// "Covenant: Record Event…": the questions to ask, one at a time, and the line to insert into a log, worked
// out here so the client only shows picks and input boxes and applies the edit. Each call gets the answers so
// far and returns the next question, or the edit: the line in canonical layout, at its place in time (a
// matter's events and the log's signals and responses are written in the order they happened), at the
// current moment in the contract calendar's zone (operations.md: a MOMENT is wall-clock time there).
import type * as A from "../core/ast";
import { LinkedLog, LinkedMatter, momentText } from "../core/link-log";
import { VALUES } from "../core/statements";
import { logClock } from "../operations/time";
import { current } from "../operations/replay";
import type { DocumentAnalysis } from "./analysis";
import { logStateOf } from "./analysis";

export interface RecordChoice {
  /** What goes into the answers when this is picked. */
  value: string;
  label: string;
  description?: string;
}

export interface RecordQuestion {
  /** The answer's key. */
  key: string;
  /** What the picker or input box says. */
  prompt: string;
  kind: "pick" | "text";
  items?: RecordChoice[];
  /** text: the proposed value, a placeholder, and whether an empty answer will do. */
  value?: string;
  placeholder?: string;
  optional?: boolean;
  /** text: a regular expression (JavaScript source) the answer must match, and what to say when it does not. */
  pattern?: string;
  patternMessage?: string;
}

export interface RecordEdit {
  start: number;
  end: number;
  text: string;
}

export type RecordStep =
  | { question: RecordQuestion }
  | { edit: RecordEdit; line: string; summary: string }
  | { error: string };

export type Answers = Record<string, string>;

const NAME = "^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$";
const NONE = "";

/** The next question, or the edit once every answer is in. `now` is an ISO instant. */
export function recordEvent(analysis: DocumentAnalysis, answers: Answers, now: string): RecordStep {
  const logs = analysis.linked.logs.filter((l) => l.contract && l.log.name && !l.log.incomplete);
  if (logs.length === 0) return { error: "This file has no relationship log whose contract Covenant can find (write `log CONTRACT { … }`)." };
  let ll = logs[0];
  if (logs.length > 1) {
    if (answers.log === undefined) {
      return { question: { key: "log", prompt: "Which log?", kind: "pick", items: logs.map((l) => ({ value: l.log.name!.text, label: l.log.name!.text })) } };
    }
    ll = logs.find((l) => l.log.name!.text === answers.log) ?? ll;
  }
  const lc = ll.contract!;
  const clock = logClock(lc);
  if (!clock) return { error: `The calendar of contract '${lc.contract.name?.text ?? ""}' cannot be used, so Covenant cannot tell the time there.` };
  const instant = clock.calendar.parseInstant(now);
  if (!instant) return { error: `'${now}' is not an instant.` };
  const moment = instant.setZone(clock.calendar.zone).toFormat("yyyy-MM-dd HH:mm");
  const r = new Recorder(analysis, ll, answers, moment);

  if (answers.what === undefined) return { question: r.whatQuestion() };
  if (answers.what.startsWith("matter:")) {
    const lm = ll.matters.find((m) => m.matter.name?.text === answers.what.slice("matter:".length));
    if (!lm) return { error: `The log has no matter '${answers.what.slice("matter:".length)}'.` };
    return r.matterEvent(lm);
  }
  switch (answers.what) {
    case "new-matter": return r.newMatter();
    case "signal": return r.signal();
    case "response": return r.response();
    case "measurement": return r.measurement();
    default: return { error: `'${answers.what}' is not something a log records.` };
  }
}

/** How many matters of the file's logs are open, and how many of those are past their tier's deadline, at the analysis moment. */
export function matterCounts(analysis: DocumentAnalysis): { logs: number; open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  let logs = 0;
  for (const log of analysis.linked.logs) {
    const state = logStateOf(analysis, log);
    if (!state) continue;
    logs++;
    for (const r of state.replays.values()) {
      if (r.state !== "open") continue;
      open++;
      const deadline = current(r).deadline;
      if (deadline && deadline < state.now) overdue++;
    }
  }
  return { logs, open, overdue };
}

/** A string literal of the language (quotes and backslashes escaped). */
function str(s: string): string {
  return `"${s.replace(/[\\"]/g, "\\$&").replace(/[\r\n]+/g, " ")}"`;
}

/** Where a line goes among lines kept in time order: after the last one at or before the moment. */
interface Anchor {
  range: A.Range;
  moment?: A.Moment;
}

class Recorder {
  private readonly lc;

  constructor(
    private readonly analysis: DocumentAnalysis,
    private readonly ll: LinkedLog,
    private readonly answers: Answers,
    private readonly moment: string,
  ) {
    this.lc = ll.contract!;
  }

  whatQuestion(): RecordQuestion {
    const state = logStateOf(this.analysis, this.ll);
    const items: RecordChoice[] = [];
    for (const lm of this.ll.matters) {
      if (!lm.matter.name || lm.matter.incomplete || this.isResolved(lm)) continue;
      const r = state?.replays.get(lm);
      const where = r ? (r.state === "formal" ? `formal: ${r.formal!.stepName}` : `at ${current(r).tier.name?.text ?? "?"}`) : "not raised yet";
      items.push({ value: `matter:${lm.matter.name.text}`, label: `$(issues) ${lm.matter.name.text}`, description: [lm.matter.label?.value, where].filter(Boolean).join(" · ") });
    }
    items.push({ value: "new-matter", label: "$(add) A new matter", description: "raised now" });
    items.push({ value: "signal", label: "$(warning) A warning sign", description: "signal" });
    items.push({ value: "response", label: "$(comment-discussion) The early-warning response", description: "response" });
    if ([...this.lc.services.values()].some((s) => s.slas.length > 0)) items.push({ value: "measurement", label: "$(graph) A measured service level", description: "measure" });
    return { key: "what", prompt: `Record in the log of ${this.lc.contract.name?.text ?? "the contract"} at ${this.moment}`, kind: "pick", items };
  }

  /** Resolved at or before the new moment: nothing can be recorded after it. */
  private isResolved(lm: LinkedMatter): boolean {
    return this.earlierEvents(lm).some((e) => e.event === "resolved");
  }

  // ---------------------------------------------------------------- a matter's event

  matterEvent(lm: LinkedMatter): RecordStep {
    const name = lm.matter.name!.text;
    if (this.isResolved(lm)) return { error: `Matter '${name}' is resolved: nothing is recorded after 'resolved'.` };
    const raised = lm.events[0]?.event === "raised";
    const after = this.earlierEvents(lm);
    const formal = after.some((e) => e.event === "formal");
    const suspended = after.reduce((s, e) => (e.event === "suspended" ? true : e.event === "resumed" ? false : s), false);
    const tiers = this.nextTiers(lm, after);
    const steps = this.lc.contract.dispute?.steps ?? [];
    const kinds: RecordChoice[] = [];
    if (!raised) kinds.push({ value: "raised", label: "raised", description: "when and by whom the matter was raised" });
    else {
      if (!formal && tiers.length > 0) kinds.push({ value: "escalated", label: "escalated", description: `to ${tiers[0].name!.text}` });
      kinds.push({ value: "meeting", label: "meeting", description: "a board met about it" });
      kinds.push({ value: "decision", label: "decision", description: "what was decided" });
      kinds.push({ value: "notice", label: "notice", description: "a notice was given" });
      if (steps.length > 0) kinds.push({ value: "formal", label: "formal", description: "the matter went to a formal dispute step" });
      if (!suspended) kinds.push({ value: "suspended", label: "suspended", description: "services were suspended" });
      else kinds.push({ value: "resumed", label: "resumed", description: "services resumed" });
      if (!lm.events.some((e) => e.event === "resolved")) kinds.push({ value: "resolved", label: "resolved", description: "the matter is closed" });
      kinds.push({ value: "note", label: "note", description: "anything else worth keeping" });
    }
    const a = this.answers;
    if (a.event === undefined) return { question: { key: "event", prompt: `What happened in matter '${name}'?`, kind: "pick", items: kinds } };
    if (!kinds.some((k) => k.value === a.event)) return { error: `'${a.event}' cannot be recorded in matter '${name}' now.` };
    let line = `${a.event} ${this.moment}`;
    switch (a.event) {
      case "raised": {
        if (a.by === undefined) return this.pick("by", "Raised by (a role)", [{ value: NONE, label: "(no one named)" }, ...this.roles()]);
        if (a.by) line += ` by ${a.by}`;
        break;
      }
      case "escalated": {
        if (a.tier === undefined) {
          return this.pick("tier", `Escalate '${name}' to`, tiers.map((t, i) => ({ value: t.name!.text, label: t.name!.text, description: [i === 0 ? "the next tier" : `skips ${i} tier${i > 1 ? "s" : ""}`, t.within?.text && `within ${t.within.text}`].filter(Boolean).join(" · ") })));
        }
        if (!tiers.some((t) => t.name!.text === a.tier)) return { error: `'${a.tier}' is not a tier after the one matter '${name}' stands at.` };
        line += ` to ${a.tier}`;
        break;
      }
      case "meeting": {
        if (a.board === undefined) return this.pick("board", "Which board met?", [...this.boards(), { value: NONE, label: "(no board)" }]);
        if (a.board) line += ` at ${a.board}`;
        break;
      }
      case "notice": {
        const written = this.lc.contract.dispute?.notice?.text;
        if (a.form === undefined) {
          const forms = VALUES.noticeForm.map((f) => ({ value: f, label: f, ...(written === f ? { description: "as the dispute block requires" } : {}) }));
          if (written) forms.sort((x, y) => (x.value === written ? -1 : y.value === written ? 1 : 0));
          return this.pick("form", "Written or oral?", forms);
        }
        if (!(VALUES.noticeForm as readonly string[]).includes(a.form)) return { error: `'${a.form}' is not written or oral.` };
        line += ` ${a.form}`;
        break;
      }
      case "formal": {
        const then = lm.ladder?.then?.text;
        if (a.step === undefined) {
          const items = steps.map((s) => ({ value: s.step, label: s.step, ...(s.step === then ? { description: "the step the ladder names" } : {}) }));
          items.sort((x, y) => (x.value === then ? -1 : y.value === then ? 1 : 0));
          return this.pick("step", "Which formal step?", items);
        }
        if (!steps.some((s) => s.step === a.step)) return { error: `The dispute block has no step '${a.step}'.` };
        line += ` ${a.step}`;
        break;
      }
    }
    const text = TEXT_OF[a.event as A.EventKind];
    if (text) {
      if (a.text === undefined) return this.text("text", text.prompt, !text.required);
      if (a.text) line += ` ${str(a.text)}`;
      else if (text.required) return { error: `A ${a.event} needs its text.` };
    }
    if (a.event === "decision" || a.event === "notice") {
      if (a.evidence === undefined) return { question: { key: "evidence", prompt: "Evidence: a path relative to the log, or a link (optional)", kind: "text", optional: true, placeholder: "records/…" } };
      if (a.evidence) line += ` evidence ${str(a.evidence)}`;
    }
    return this.insertEvent(lm, line);
  }

  /** The valid events of the matter at or before the new moment. */
  private earlierEvents(lm: LinkedMatter): A.MatterEvent[] {
    return lm.events.filter((e) => (momentText(e.moment) ?? "") <= this.moment);
  }

  private nextTiers(lm: LinkedMatter, earlier: A.MatterEvent[]): A.Tier[] {
    const tiers = lm.ladder?.tiers ?? [];
    let at = 0;
    for (const e of earlier) at = lm.tierOf.get(e) ?? at;
    return tiers.slice(at + 1).filter((t) => !!t.name);
  }

  private insertEvent(lm: LinkedMatter, line: string): RecordStep {
    const m = lm.matter;
    const anchors: Anchor[] = m.events.map((e) => ({ range: e.range, ...(e.moment ? { moment: e.moment } : {}) }));
    const heads = [m.service, m.severity, m.ladder].filter((x): x is A.Name | A.Word => !!x).map((x) => ({ range: x.range }));
    const edit = this.insertAmong(anchors, heads, m, 2, line);
    return { edit, line, summary: `Recorded in matter '${m.name!.text}': ${line}` };
  }

  // ---------------------------------------------------------------- a new matter

  newMatter(): RecordStep {
    const a = this.answers;
    const taken = new Set(this.ll.matters.map((m) => m.matter.name?.text));
    if (a.name === undefined) return { question: { key: "name", prompt: "The matter's name (letters, digits, single dashes)", kind: "text", placeholder: "late-deliveries", pattern: NAME, patternMessage: "Use letters, digits and '_', start with a letter, and join words with single '-'." } };
    if (!new RegExp(NAME).test(a.name)) return { error: `'${a.name}' is not a name.` };
    if (taken.has(a.name)) return { error: `The log already has a matter '${a.name}'.` };
    if (a.label === undefined) return this.text("label", "What is it about? (optional)", true);
    if (a.service === undefined) {
      const services = [...this.lc.services.values()].filter((s) => s.name).map((s) => ({ value: s.name!.text, label: s.name!.text, description: [s.label?.value, s.criticality?.text].filter(Boolean).join(" · ") }));
      if (services.length > 0) return this.pick("service", "Which service is it about?", [...services, { value: NONE, label: "(no particular service)" }]);
    }
    if (a.by === undefined) return this.pick("by", "Raised by (a role)", [{ value: NONE, label: "(no one named)" }, ...this.roles()]);
    const indent = this.indentOf(1);
    const inner = this.indentOf(2);
    const lines = [`${indent}matter ${a.name}${a.label ? ` ${str(a.label)}` : ""} {`];
    if (a.service) lines.push(`${inner}service ${a.service}`);
    lines.push(`${inner}raised ${this.moment}${a.by ? ` by ${a.by}` : ""}`);
    lines.push(`${indent}}`);
    const log = this.ll.log;
    const last = log.matters[log.matters.length - 1];
    const block = lines.join("\n");
    let edit: RecordEdit;
    if (last) edit = { start: this.lineEnd(last.range.end), end: this.lineEnd(last.range.end), text: `\n\n${block}` };
    else {
      const at = this.lineEnd(this.openBrace(log));
      const more = this.ll.log.signals.length + this.ll.log.responses.length + this.ll.log.measures.length + this.ll.log.measurementFiles.length > 0;
      edit = { start: at, end: at, text: `\n${block}${more ? "\n" : ""}` };
    }
    return { edit, line: lines.join("\n"), summary: `Raised matter '${a.name}' at ${this.moment}` };
  }

  // ---------------------------------------------------------------- signals and responses

  signal(): RecordStep {
    const a = this.answers;
    if (a.signal === undefined) {
      const watched = (this.lc.contract.earlyWarning?.signals ?? []).map((s) => s.name?.text).filter((n): n is string => !!n);
      const items = watched.map((w) => ({ value: w, label: w, description: "watched by the early-warning block" }));
      for (const v of VALUES.signals) if (!watched.includes(v)) items.push({ value: v, label: v, description: "not watched by the contract (EWL003)" });
      return this.pick("signal", "Which warning sign?", items);
    }
    if (!new RegExp(NAME).test(a.signal)) return { error: `'${a.signal}' is not a signal kind.` };
    if (a.text === undefined) return this.text("text", "What was seen? (optional)", true);
    const line = `signal ${this.moment} ${a.signal}${a.text ? ` ${str(a.text)}` : ""}`;
    return { edit: this.insertEarlyWarning(line), line, summary: `Recorded: ${line}` };
  }

  response(): RecordStep {
    const a = this.answers;
    if (a.text === undefined) return this.text("text", "What was the response? (optional)", true);
    if (a.board === undefined) {
      const review = this.lc.contract.earlyWarning?.reviewAt?.text;
      const boards = this.boards();
      boards.sort((x, y) => (x.value === review ? -1 : y.value === review ? 1 : 0));
      return this.pick("board", "At which board?", [...boards, { value: NONE, label: "(no board)" }]);
    }
    const line = `response ${this.moment}${a.text ? ` ${str(a.text)}` : ""}${a.board ? ` at ${a.board}` : ""}`;
    return { edit: this.insertEarlyWarning(line), line, summary: `Recorded: ${line}` };
  }

  private insertEarlyWarning(line: string): RecordEdit {
    const log = this.ll.log;
    const anchors: Anchor[] = [...log.signals, ...log.responses].map((s) => ({ range: s.range, ...(s.moment ? { moment: s.moment } : {}) }));
    anchors.sort((x, y) => x.range.start - y.range.start);
    const heads = log.matters.map((m) => ({ range: m.range }));
    return this.insertAmong(anchors, heads, log, 1, line, true);
  }

  // ---------------------------------------------------------------- measurements

  measurement(): RecordStep {
    const a = this.answers;
    const pairs: { service: A.Service; sla: A.Sla; ref: string }[] = [];
    for (const s of this.lc.services.values()) for (const sla of s.slas) if (s.name && sla.name) pairs.push({ service: s, sla, ref: `${s.name.text}.${sla.name.text}` });
    if (a.sla === undefined) {
      return this.pick("sla", "Which service level?", pairs.map((p) => ({ value: p.ref, label: p.ref, description: [p.sla.label?.value, p.sla.window?.text, p.sla.metrics[0]?.target?.text && `target ${p.sla.metrics[0].target.text}`].filter(Boolean).join(" · ") })));
    }
    const pair = pairs.find((p) => p.ref === a.sla);
    if (!pair) return { error: `The contract has no service level '${a.sla}'.` };
    const window = pair.sla.window?.text;
    const period = PERIODS[window ?? ""] ?? PERIODS["per-incident"];
    if (a.period === undefined) {
      return { question: { key: "period", prompt: `The period measured (${period.words})`, kind: "text", value: period.last(this.moment), pattern: period.pattern, patternMessage: `Write ${period.words}.` } };
    }
    if (!new RegExp(period.pattern).test(a.period)) return { error: `'${a.period}' is not ${period.words}.` };
    const target = pair.sla.metrics[0]?.target;
    if (a.value === undefined) {
      return { question: { key: "value", prompt: `The measured value${target ? ` (the target is ${target.text})` : ""}`, kind: "text", placeholder: target?.kind === "percent" ? "99.95%" : target?.kind === "duration" ? "4 hours" : "12", pattern: "^(\\d+(\\.\\d+)?%?|\\d+ (minutes|hours|days|weeks))$", patternMessage: "Write a percentage (99.95%), a number (12) or a duration (4 hours)." } };
    }
    const line = `measure ${a.sla} ${a.period} ${a.value.trim()}`;
    const log = this.ll.log;
    const same = log.measures.filter((m) => m.sla && `${m.sla.service.text}.${m.sla.sla?.text ?? ""}` === a.sla);
    const all = [...log.measures, ...log.measurementFiles].sort((x, y) => x.range.start - y.range.start);
    const after = same[same.length - 1] ?? all[all.length - 1];
    const indent = this.indentOf(1);
    let edit: RecordEdit;
    if (after) edit = { start: this.lineEnd(after.range.end), end: this.lineEnd(after.range.end), text: `\n${indent}${line}` };
    else {
      const before = [...log.matters.map((m) => m.range), ...log.signals.map((s) => s.range), ...log.responses.map((r) => r.range)].sort((x, y) => x.end - y.end).pop();
      const at = before ? this.lineEnd(before.end) : this.lineEnd(this.openBrace(log));
      edit = { start: at, end: at, text: `${before ? "\n" : ""}\n${indent}${line}` };
    }
    return { edit, line, summary: `Recorded: ${line}` };
  }

  // ---------------------------------------------------------------- helpers

  private pick(key: string, prompt: string, items: RecordChoice[]): RecordStep {
    if (items.length === 0) return { error: `There is nothing to choose for '${key}' in this contract.` };
    return { question: { key, prompt, kind: "pick", items } };
  }

  private text(key: string, prompt: string, optional: boolean): RecordStep {
    return { question: { key, prompt, kind: "text", optional } };
  }

  private roles(): RecordChoice[] {
    const items: RecordChoice[] = [];
    for (const p of [this.lc.customer, this.lc.supplier]) {
      if (!p) continue;
      for (const r of p.roles.values()) items.push({ value: `${p.decl.name}.${r.decl.name}`, label: `${p.decl.name}.${r.decl.name}`, description: [r.role.label?.value, r.level].filter(Boolean).join(" · ") });
      if (this.lc.customer === this.lc.supplier) break;
    }
    return items;
  }

  private boards(): RecordChoice[] {
    return [...this.lc.boards.values()].filter((b) => b.name).map((b) => ({ value: b.name!.text, label: b.name!.text, description: [b.label?.value, b.meets?.text].filter(Boolean).join(" · ") }));
  }

  /**
   * A new line among `anchors` (lines in time order): after the last one at or before the moment, else
   * before the first; with none, after the last of `heads` (lines that come first), else after the block's `{`.
   */
  private insertAmong(anchors: Anchor[], heads: { range: A.Range }[], block: A.Block, depth: number, content: string, blankBefore = false): RecordEdit {
    const text = this.analysis.text;
    const line = `${this.indentOf(depth)}${content}`;
    let last: Anchor | undefined;
    for (const x of anchors) if ((momentText(x.moment) ?? "") <= this.moment) last = x;
    if (last) {
      const at = this.lineEnd(last.range.end);
      return { start: at, end: at, text: `\n${line}` };
    }
    if (anchors.length > 0) {
      const at = text.lastIndexOf("\n", anchors[0].range.start - 1) + 1;
      return { start: at, end: at, text: `${line}\n` };
    }
    const head = heads.sort((x, y) => x.range.end - y.range.end).pop();
    const at = this.lineEnd(head ? head.range.end : this.openBrace(block));
    return { start: at, end: at, text: `${head && blankBefore ? "\n" : ""}\n${line}` };
  }

  private lineEnd(offset: number): number {
    const text = this.analysis.text;
    const nl = text.indexOf("\n", offset);
    const end = nl < 0 ? text.length : nl;
    return end > 0 && text[end - 1] === "\r" ? end - 1 : end;
  }

  private openBrace(block: A.Block): number {
    const i = this.analysis.text.indexOf("{", block.range.start);
    return i < 0 ? block.range.start : i;
  }

  /** The indentation at brace depth `depth` as the file writes it (two spaces a level unless it says otherwise). */
  private indentOf(depth: number): string {
    const m = /^( +)\S/m.exec(this.analysis.text.slice(this.ll.log.range.start, this.ll.log.range.end));
    const unit = m ? Math.min(m[1].length, 8) : 2;
    return " ".repeat(unit * depth);
  }
}

const TEXT_OF: Partial<Record<A.EventKind, { prompt: string; required: boolean }>> = {
  decision: { prompt: "What was decided?", required: true },
  notice: { prompt: "What did the notice say? (optional)", required: false },
  suspended: { prompt: "What was suspended? (optional)", required: false },
  resolved: { prompt: "How was it resolved? (optional)", required: false },
  note: { prompt: "The note", required: true },
};

/** The periods of an SLA's window: how to write one, and the last one that ended before a moment. */
const PERIODS: Record<string, { words: string; pattern: string; last: (moment: string) => string }> = {
  monthly: {
    words: "a month, 2026-01",
    pattern: "^\\d{4}-(0[1-9]|1[0-2])$",
    last: (m) => {
      const y = Number(m.slice(0, 4));
      const mo = Number(m.slice(5, 7));
      return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, "0")}`;
    },
  },
  quarterly: {
    words: "a quarter, 2026-Q1",
    pattern: "^\\d{4}-Q[1-4]$",
    last: (m) => {
      const y = Number(m.slice(0, 4));
      const q = Math.ceil(Number(m.slice(5, 7)) / 3);
      return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
    },
  },
  yearly: { words: "a year, 2026", pattern: "^\\d{4}$", last: (m) => String(Number(m.slice(0, 4)) - 1) },
  "per-incident": { words: "a date, 2026-01-14", pattern: "^\\d{4}-\\d{2}-\\d{2}$", last: (m) => m.slice(0, 10) },
};
