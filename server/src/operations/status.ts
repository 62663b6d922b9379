// The status of a log and its service-credit statement as plain data (operations.md, "Command line"):
// the JSON of `covenant status` and `covenant credits`, and what their text renderings read.
import type { Contact } from "../simulate/contacts";
import { Period } from "../core/log-values";
import type { LogState } from "./operate";
import { current, formalAvailable, isLastTier, MatterReplay, timeLeft } from "./replay";
import type { Evaluation } from "./service-levels";

export interface CreditRow {
  service: string;
  sla: string;
  period: string;
  value: string;
  met: boolean;
  creditPercent: number;
  capped: boolean;
  amount: string | null;
  currency: string | null;
  chronic: boolean;
}

export interface MatterStatus {
  matter: string;
  state: "open" | "formal" | "resolved";
  ladder: string;
  tier: string;
  opened: string;
  deadline: string | null;
  overdue: boolean;
  step: string | null;
  customer: Contact | null;
  supplier: Contact | null;
  /** Added fields (operations.md allows them): the label, time left before (or past) the deadline, and what must happen next. */
  label?: string;
  left?: { amount: number; unit: "business days" | "business hours" };
  next: string;
}

export interface WarningStatus {
  signal: string;
  at: string;
  due: string | null;
  state: "pending" | "answered" | "missed" | "no-deadline";
  /** Added: the response that answered it. */
  answeredAt?: string;
}

export interface LogStatus {
  file: string;
  contract: string;
  now: string;
  matters: MatterStatus[];
  warnings: WarningStatus[];
  slas: CreditRow[];
}

export function creditRow(e: Evaluation): CreditRow {
  const m = e.measurement;
  return {
    service: m.service.name?.text ?? "",
    sla: m.sla.name?.text ?? "",
    period: m.period.text,
    value: m.value.text,
    met: e.met,
    creditPercent: e.creditPercent,
    capped: e.capped,
    amount: e.amount ?? null,
    currency: e.currency ?? null,
    chronic: !!e.chronic,
  };
}

/** Every measurement's row, sorted by service, SLA, then period; `from`/`to` keep periods starting in [start(from), end(to)). */
export function credits(state: LogState, range: { from?: Period; to?: Period } = {}): CreditRow[] {
  const from = range.from && state.clock.start(range.from);
  const to = range.to && state.clock.end(range.to);
  const kept = state.evaluations.filter((e) => {
    const s = state.clock.start(e.measurement.period);
    return (!from || s >= from) && (!to || s < to);
  });
  const key = (e: Evaluation): [string, string, number] => [e.measurement.service.name?.text ?? "", e.measurement.sla.name?.text ?? "", state.clock.start(e.measurement.period)];
  return kept
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] - y[2];
    })
    .map(creditRow);
}

export function logStatus(state: LogState, file: string): LogStatus {
  const fmt = (t: Parameters<typeof state.clock.format>[0]): string => state.clock.format(t);
  const matters: MatterStatus[] = [];
  for (const lm of state.log.matters) {
    const r = state.replays.get(lm);
    if (r) matters.push(matterStatus(state, r));
  }
  const warnings: WarningStatus[] = state.firings.map((f) => ({
    signal: f.kind,
    at: fmt(f.at),
    due: f.due !== undefined ? fmt(f.due) : null,
    state: f.state,
    ...(f.answeredBy ? { answeredAt: fmt(state.clock.moment(f.answeredBy.moment!)) } : {}),
  }));
  // Each evaluated SLA's latest measured period, SLAs in the order the contract writes them.
  const slas: CreditRow[] = [];
  for (const service of state.contract.contract.services) {
    for (const sla of service.slas) {
      const mine = state.evaluations.filter((e) => e.measurement.sla === sla);
      if (mine.length === 0) continue;
      slas.push(creditRow(mine.reduce((a, b) => (state.clock.start(b.measurement.period) > state.clock.start(a.measurement.period) ? b : a))));
    }
  }
  return { file, contract: state.contract.contract.name?.text ?? "", now: fmt(state.now), matters, warnings, slas };
}

export function matterStatus(state: LogState, r: MatterReplay): MatterStatus {
  const t = current(r);
  const fmt = (x: Parameters<typeof state.clock.format>[0]): string => state.clock.format(x);
  const deadline = r.state === "open" ? t.deadline : undefined;
  const next = r.ladder.tiers[t.index + 1]?.name?.text;
  const then = r.ladder.then?.text;
  const s: MatterStatus = {
    matter: r.matter.matter.name?.text ?? "",
    state: r.state,
    ladder: r.ladder.name?.text ?? "",
    tier: t.tier.name?.text ?? "",
    opened: fmt(t.opens),
    deadline: deadline !== undefined ? fmt(deadline) : null,
    overdue: deadline !== undefined && deadline < state.now,
    step: r.formal?.stepName ?? null,
    customer: t.customer ?? null,
    supplier: t.supplier ?? null,
    next: "",
  };
  if (r.matter.matter.label) s.label = r.matter.matter.label.value;
  if (deadline !== undefined) {
    const unit = t.tier.within?.business && t.tier.within.unit === "hour" ? "hour" : "day";
    s.left = { amount: timeLeft(state.clock, state.now, deadline, unit), unit: unit === "hour" ? "business hours" : "business days" };
  }
  const say = (x: Parameters<typeof state.clock.say>[0]): string => state.clock.say(x);
  if (r.state === "resolved") s.next = `nothing: resolved on ${say(r.resolved!.at)}`;
  else if (r.state === "formal") s.next = `the formal step '${r.formal!.stepName}' is under way since ${say(r.formal!.at)}`;
  else if (deadline === undefined) s.next = "record the next event: the tier has no time limit the calendar can count";
  else if (!isLastTier(r, t)) s.next = s.overdue ? `escalate to '${next}' now, or record the resolution` : `settle it at this tier, or escalate to '${next}' by ${say(deadline)}`;
  else {
    const available = formalAvailable(r);
    s.next = s.overdue ? `${then ? `'${then}'` : "the formal step"} is available since ${say(available!)}: record it or the resolution` : `settle it at this tier by ${say(deadline)}; then ${then ? `'${then}'` : "the formal step"} becomes available`;
  }
  return s;
}
