// The evidence pack of one matter as a view model (docs/evidence-pack.md): its timeline, who sat at the table at
// each tier, the clauses in force (the schedule's own clauses and numbers), the findings, early warnings and SLA
// breaches of its period, and every piece of evidence. Pure: the file system is the caller's (cli/evidence.ts).
import type * as A from "../core/ast";
import type { Linked } from "../core/link";
import { isEvidenceLink, LinkedMatter } from "../core/link-log";
import type { LogState } from "../operations/operate";
import { isLastTier, MatterReplay } from "../operations/replay";
import type { Instant } from "../operations/time";
import type { Contact } from "../simulate/contacts";
import { escalationGraph } from "../simulate/graph";
import { buildSchedule, sectionNumber, type Clause } from "./model";

/** What became of one evidence path: copied into the pack, missing, refused (outside the workspace), or a link. */
export type EvidenceState =
  | { state: "copied"; copy: string; size: number; sha256: string }
  | { state: "present"; size: number; sha256: string }
  | { state: "missing" }
  | { state: "refused"; reason: string }
  | { state: "link" };

export interface EvidenceEntry {
  /** The path or link as the log writes it. */
  written: string;
  /** The timeline entry (or entries) that cite it: `Tue 4 Nov 2025 00:00 signal missed-deadlines`. */
  citedBy: string[];
  status: EvidenceState;
}

export interface TimelineEntry {
  /** `Mon 3 Nov 2025 10:00`, in the contract calendar's zone. */
  at: string;
  /** `raised`, `tier opened`, `meeting`, `signal`, `response`, … */
  kind: string;
  text: string;
  /** Evidence paths and links as written. */
  evidence: string[];
}

export interface TierRow {
  tier: string;
  opened: string;
  deadline: string;
  /** `met`, `missed`, `pending` or `no time limit`, with when the tier was left. */
  outcome: string;
  customer: string;
  supplier: string;
}

export interface PackFinding {
  code: string;
  severity: string;
  message: string;
  line: number;
  start: number;
  end: number;
}

export interface EvidencePack {
  contract: string;
  matter: string;
  title: string;
  /** `resolved`, `formal (expert-determination)`, `open`. */
  state: string;
  ladder: string;
  service?: string;
  severity?: string;
  /** The period the pack covers: raised to resolved, or to the analysis moment. */
  from: string;
  to: string;
  now: string;
  timeline: TimelineEntry[];
  tiers: TierRow[];
  /** The schedule's clauses in force, numbered as the governance schedule numbers them. */
  clauses: Clause[];
  findings: PackFinding[];
  warnings: string[];
  breaches: string[];
  evidence: EvidenceEntry[];
}

export interface EvidenceInputs {
  state: LogState;
  /** The linked file that declares the contract (the log's own file when it declares it). */
  contractFile: Linked;
  matter: string;
  /** The findings of the log's file, with their lines; the MAT findings inside the matter are kept. */
  findings: readonly PackFinding[];
  /** What became of an evidence path (links never reach it). */
  evidenceOf(written: string): EvidenceState;
}

/** The matters of a log that can have a pack: those the replay reached. */
export function packableMatters(state: LogState): string[] {
  return state.log.matters.filter((m) => state.replays.has(m)).map((m) => m.matter.name?.text ?? "");
}

export function buildEvidencePack(input: EvidenceInputs): EvidencePack | { error: string } {
  const { state } = input;
  const lm = state.log.matters.find((m) => m.matter.name?.text === input.matter);
  const known = packableMatters(state);
  if (!lm) return { error: `the log has no matter '${input.matter}'${known.length ? ` (matters: ${known.join(", ")})` : ""}` };
  const replay = state.replays.get(lm);
  if (!replay) return { error: `matter '${input.matter}' cannot be replayed (it has no valid 'raised', or no ladder); run covenant check` };
  const say = (t: Instant): string => state.clock.say(t);
  const end = replay.resolved?.at ?? state.now;
  const inPeriod = (t: Instant): boolean => t >= replay.raised && t <= end;

  const timeline: { at: Instant; order: number; entry: TimelineEntry }[] = [];
  const add = (at: Instant, order: number, kind: string, text: string, evidence: A.Evidence | undefined): void => {
    timeline.push({ at, order, entry: { at: say(at), kind, text, evidence: (evidence?.items ?? []).map((i) => i.value).filter((v) => v.trim() !== "") } });
  };
  lm.events.forEach((e, i) => add(state.clock.moment(e.moment!), i * 2, e.event, eventText(lm, e), e.evidence));
  const tiers = replay.tiers.map((t, i) => {
    const row = tierRow(state, replay, i);
    // Right after the event that opened it: `raised` for the first tier, its `escalated` for the others.
    add(t.opens, (i === 0 ? 0 : lm.events.indexOf(t.by!)) * 2 + 1, "tier opened", `Tier ${row.tier} opens; its time limit ends ${row.deadline} (${row.outcome}). Customer: ${row.customer}. Supplier: ${row.supplier}.`, undefined);
    return row;
  });
  const signalOrder = 1_000_000;
  state.log.signals.forEach((s, i) => {
    const at = state.clock.moment(s.moment!);
    if (inPeriod(at)) add(at, signalOrder + i, "signal", `Early-warning sign ${s.signal!.text}${s.text ? `: ${s.text.value}` : ""}`, s.evidence);
  });
  state.log.responses.forEach((r, i) => {
    if (!r.moment) return;
    const at = state.clock.moment(r.moment);
    if (inPeriod(at)) add(at, signalOrder * 2 + i, "response", `Response to early warnings${r.at ? ` at ${r.at.text}` : ""}${r.text ? `: ${r.text.value}` : ""}`, r.evidence);
  });
  timeline.sort((a, b) => a.at - b.at || a.order - b.order);

  const warnings = state.firings
    .filter((f) => inPeriod(f.at))
    .map((f) => {
      const answer = f.state === "answered" ? `answered ${f.answeredBy?.moment ? say(state.clock.moment(f.answeredBy.moment)) : ""}`.trimEnd()
        : f.state === "missed" ? `no response by ${say(f.due!)} (missed)`
        : f.state === "pending" ? `respond by ${say(f.due!)}` : "no response deadline";
      return `${f.kind} fired ${say(f.at)}: ${answer}`;
    });
  const breached = state.evaluations.filter((e) => !e.met && state.clock.start(e.measurement.period) <= end && state.clock.end(e.measurement.period) > replay.raised);
  const breaches = breached
    .map((e) => {
      const m = e.measurement;
      const credit = e.creditPercent > 0 ? `, credit ${e.creditPercent}%${e.capped ? " (capped)" : ""}${e.amount ? ` = ${e.amount} ${e.currency}` : ""}` : "";
      return `${m.service.name?.text}.${m.sla.name?.text} ${m.period.text}: ${m.value.text} missed the target${credit}${e.chronic ? "; completes a chronic breach" : ""}${m.note ? ` (${m.note})` : ""}`;
    });

  const entries = new Map<string, EvidenceEntry>();
  for (const { entry } of timeline) {
    for (const written of entry.evidence) {
      let e = entries.get(written);
      if (!e) entries.set(written, (e = { written, citedBy: [], status: isEvidenceLink(written) ? { state: "link" } : input.evidenceOf(written) }));
      e.citedBy.push(`${entry.at} ${entry.kind}`);
    }
  }

  // A breach measured in a CSV file has that file as its evidence.
  for (const e of breached) {
    const m = e.measurement;
    const file = m.row !== undefined ? state.log.log.measurementFiles.find((f) => f.path && f.path.range.start === m.at.start) : undefined;
    if (!file?.path || file.path.value.trim() === "") continue;
    const written = file.path.value;
    let entry = entries.get(written);
    if (!entry) entries.set(written, (entry = { written, citedBy: [], status: isEvidenceLink(written) ? { state: "link" } : input.evidenceOf(written) }));
    entry.citedBy.push(`SLA breach ${m.service.name?.text}.${m.sla.name?.text} ${m.period.text} (line ${m.row})`);
  }

  const range = lm.matter.range;
  const findings = input.findings.filter((f) => f.code.startsWith("MAT") && f.start >= range.start && f.end <= range.end);
  const m = lm.matter;
  return {
    contract: state.contract.contract.name?.text ?? "",
    matter: input.matter,
    title: m.label?.value ?? input.matter,
    state: replay.state === "formal" ? `formal (${replay.formal!.stepName})` : replay.state,
    ladder: replay.ladder.label?.value ?? replay.ladder.name?.text ?? "",
    ...(lm.service ? { service: lm.service.label?.value ?? lm.service.name?.text ?? "" } : {}),
    ...(lm.severity ? { severity: lm.severity } : {}),
    from: say(replay.raised),
    to: replay.resolved ? say(replay.resolved.at) : `${say(state.now)} (the analysis moment; still ${replay.state})`,
    now: say(state.now),
    timeline: timeline.map((t) => t.entry),
    tiers,
    clauses: clausesInForce(input.contractFile, state, replay),
    findings,
    warnings,
    breaches,
    evidence: [...entries.values()],
  };
}

function eventText(lm: LinkedMatter, e: A.MatterEvent): string {
  const text = e.text ? `: ${e.text.value}` : "";
  switch (e.event) {
    case "raised": return `Matter raised${e.by ? ` by ${e.by.party ? `${e.by.party.text}.` : ""}${e.by.name.text}` : ""}`;
    case "escalated": return `Escalated to ${e.to?.text}`;
    case "meeting": return `Meeting${e.at ? ` at ${lm.boardOf.get(e)?.label?.value ?? e.at.text}` : ""}${e.minutes ? `; minutes ${e.minutes.date.text}${e.minutes.time ? ` ${e.minutes.time.text}` : ""}` : "; no minutes recorded"}`;
    case "decision": return `Decision${text}`;
    case "notice": return `Notice given${e.form ? ` (${e.form.text})` : ""}${text}`;
    case "formal": return `Formal step: ${e.step?.text}`;
    case "suspended": return `Performance suspended${text}`;
    case "resumed": return `Performance resumed${text}`;
    case "resolved": return `Resolved${text}`;
    case "note": return `Note${text}`;
  }
}

/** `Jo Lee (Operations lead), standing in for Raj Patel`. */
function who(c: Contact | undefined): string {
  if (!c) return "nobody named";
  if (c.flags.includes("unreachable")) return `nobody (${c.roleLabel ?? c.role}: ${c.reason ?? "unreachable"})`;
  const stand = c.flags.includes("stand-in") ? `, standing in for ${c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder"}` : "";
  return `${c.name ?? c.person ?? ""} (${c.roleLabel ?? c.role}${stand})`;
}

/** A tier's deadline met or missed: the tier is left by the next escalation, the formal step or the resolution. */
function tierRow(state: LogState, r: MatterReplay, i: number): TierRow {
  const t = r.tiers[i];
  const say = (x: Instant): string => state.clock.say(x);
  const leavers = [r.tiers[i + 1]?.opens, r.formal && r.formal.at >= t.opens ? r.formal.at : undefined, r.resolved?.at].filter((x): x is Instant => x !== undefined);
  const left = leavers.length ? leavers.reduce((a, b) => (a < b ? a : b)) : undefined;
  let outcome: string;
  if (t.deadline === undefined) outcome = left !== undefined ? `no time limit; left ${say(left)}` : "no time limit the calendar can count";
  else if (left !== undefined) outcome = left <= t.deadline ? `met: left ${say(left)}` : `missed: left ${say(left)}`;
  else outcome = state.now > t.deadline ? `missed: still open at ${say(state.now)}` : "pending";
  const name = t.tier.name?.text ?? "";
  return {
    tier: `${t.index + 1}. ${name}${isLastTier(r, t) ? " (last tier)" : ""}`,
    opened: say(t.opens),
    deadline: t.deadline !== undefined ? say(t.deadline) : "none",
    outcome,
    customer: who(t.customer),
    supplier: who(t.supplier),
  };
}

/** Clause 5 with the matter's ladder only, clause 6 (notice form, default ladder, steps), clause 7 (continuity). */
function clausesInForce(contractFile: Linked, state: LogState, r: MatterReplay): Clause[] {
  const contract = state.contract.contract.name?.text ?? "";
  const asOf = state.clock.calendar.dateOfMs(r.raised);
  const schedule = buildSchedule(contractFile, { contract, asOf });
  if ("error" in schedule) return [];
  const graph = escalationGraph(contractFile, asOf).contracts.find((c) => c.name === contract);
  const index = graph?.ladders.findIndex((l) => l.name === r.ladder.name?.text) ?? -1;
  const byNumber = (n: string): Clause | undefined => schedule.clauses.find((c) => c.number === n);
  const escalation = byNumber(sectionNumber("Escalation procedure"));
  const out: Clause[] = [];
  if (escalation) out.push({ ...escalation, clauses: index >= 0 && escalation.clauses[index] ? [escalation.clauses[index]] : [] });
  for (const title of ["Dispute resolution", "Continuity of services"] as const) {
    const c = byNumber(sectionNumber(title));
    if (c) out.push(c);
  }
  return out;
}
