// Early-warning signals of a log (operations.md, "Early-warning signals"): occurrences of each kind, the
// firings of the contract's `signal K N within D`, and the responses that answer them.
import type * as A from "../core/ast";
import type { LinkedContract } from "../core/link";
import type { LinkedLog, Measurement } from "../core/link-log";
import type { Evaluation } from "./service-levels";
import { countable, Instant, LogClock } from "./time";

export const SLA_BREACHES = "sla-breaches";

export interface Occurrence {
  kind: string;
  at: Instant;
  /** Where a finding about it goes: the signal's keyword, or the measurement's place. */
  range: A.Range;
  signal?: A.LogSignal;
  measurement?: Measurement;
}

export interface Firing {
  kind: string;
  occurrence: Occurrence;
  at: Instant;
  /** due(firing, R); absent without `respond within`. */
  due?: Instant;
  answeredBy?: A.LogResponse;
  state: "answered" | "missed" | "pending" | "no-deadline";
}

type Listed = NonNullable<A.EarlyWarning["signals"]>[number];

/** The signal kinds the contract's early-warning block lists, each at its first line. */
export function listedSignals(lc: LinkedContract): Map<string, Listed> {
  const out = new Map<string, Listed>();
  for (const s of lc.contract.earlyWarning?.signals ?? []) if (s.name && !out.has(s.name.text)) out.set(s.name.text, s);
  return out;
}

/** Occurrences of every kind, in moment order, then in the order written. */
export function occurrences(ll: LinkedLog, clock: LogClock, evaluations: readonly Evaluation[]): Occurrence[] {
  const list: { o: Occurrence; key: [number, number] }[] = [];
  for (const s of ll.signals) list.push({ o: { kind: s.signal!.text, at: clock.moment(s.moment!), range: s.keyword, signal: s }, key: [s.range.start, 0] });
  for (const e of evaluations) {
    if (e.met) continue;
    const m = e.measurement;
    const at = m.period.kind === "date" ? clock.start(m.period) : clock.end(m.period);
    list.push({ o: { kind: SLA_BREACHES, at, range: m.at, measurement: m }, key: [m.at.start, m.row ?? 0] });
  }
  return list
    .sort((a, b) => a.o.at - b.o.at || a.key[0] - b.key[0] || a.key[1] - b.key[1])
    .map((x) => x.o);
}

/** The firings of every listed kind, in firing order, with their response state at `now`. */
export function firings(ll: LinkedLog, lc: LinkedContract, clock: LogClock, all: readonly Occurrence[], now: Instant): Firing[] {
  const listed = listedSignals(lc);
  const respond = lc.contract.earlyWarning?.respond;
  const R = countable(respond) ? respond : undefined;
  const out: Firing[] = [];
  for (const [kind, line] of listed) {
    const mine = all.filter((o) => o.kind === kind);
    // The end of each occurrence's window, computed once: every later occurrence compares with it.
    const reach: (Instant | undefined)[] = [];
    const reachOf = (j: number, within: A.Duration): Instant => (reach[j] ??= within.business ? clock.due(mine[j].at, within) : clock.plus(mine[j].at, within));
    let since = 0;
    for (const [i, c] of mine.entries()) {
      let fires: boolean;
      if (!line.count) fires = true;
      else if (!countable(line.within)) fires = false;
      else {
        const within = line.within;
        let inWindow = 0;
        for (let j = since; j <= i; j++) if (c.at <= reachOf(j, within)) inWindow++;
        fires = inWindow >= line.count.value;
      }
      if (!fires) continue;
      since = i + 1;
      const f: Firing = { kind, occurrence: c, at: c.at, state: "pending" };
      if (R) f.due = clock.due(c.at, R);
      out.push(f);
    }
  }
  const order = new Map(all.map((o, i) => [o, i]));
  out.sort((a, b) => a.at - b.at || order.get(a.occurrence)! - order.get(b.occurrence)!);
  const responses = ll.responses.map((r) => ({ r, at: clock.moment(r.moment!) }));
  for (const f of out) {
    const from = f.at;
    const to = f.due;
    const answer = responses.find((x) => x.at >= from && (to === undefined || x.at <= to))?.r;
    if (answer) { f.answeredBy = answer; f.state = "answered"; }
    else if (f.due === undefined) f.state = "no-deadline";
    else f.state = f.due < now ? "missed" : "pending";
  }
  return out;
}
