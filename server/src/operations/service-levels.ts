// Service levels measured in a log (operations.md, "Service levels"): breach, credit, cap, amount from the
// service's fee, chronic series (SLM002) and missing periods (SLM003).
import type * as A from "../core/ast";
import type { LinkedLog, Measurement } from "../core/link-log";
import { Period, periodAfter } from "../core/log-values";
import { countable, Instant, LogClock } from "./time";

export interface Evaluation {
  measurement: Measurement;
  met: boolean;
  creditPercent: number;
  capped: boolean;
  /** Two decimals, rounded half away from zero; absent when the service has no fee. */
  amount?: string;
  currency?: string;
  /** SLM002 fires here: the chronic line it completes. */
  chronic?: A.Chronic;
}

export interface Gap {
  /** The measurement with the latest period before the gap (where SLM003 goes). */
  before: Measurement;
  missing: Period[];
}

/** A value in one scale per kind: percentages and numbers as written, durations in minutes. */
export function magnitude(q: A.Quantity): number {
  if (q.kind !== "duration") return q.value;
  const minutes: Record<A.UnitName, number> = { minute: 1, hour: 60, day: 1440, week: 10080, month: 30 * 1440, year: 365 * 1440 };
  return q.amount * minutes[q.unit];
}

function satisfies(value: A.Quantity, op: string, target: A.Quantity): boolean {
  const [v, t] = [magnitude(value), magnitude(target)];
  switch (op) {
    case "<": return v < t;
    case "<=": return v <= t;
    case ">": return v > t;
    case ">=": return v >= t;
    default: return v === t;
  }
}

/** The SLA is evaluated when it has a metric with a comparison and a target, and a window. */
export function evaluable(sla: A.Sla): boolean {
  const m = sla.metrics[0];
  return !!(m?.comparator && m.target && sla.window);
}

const MONTHS: Record<string, number> = { monthly: 1, quarterly: 3, yearly: 12, "per-incident": 1 };

/** fee × percent × (window months / fee months), in cents, rounded half away from zero: exact decimal arithmetic. */
export function creditAmount(fee: A.Fee, percent: number, window: string): string | undefined {
  const feeMonths = fee.per && MONTHS[fee.per.text];
  const windowMonths = MONTHS[window];
  if (!fee.amount || !feeMonths || !windowMonths) return undefined;
  const dec = (text: string): [bigint, bigint] => {
    const [i, f = ""] = text.split(".");
    return [BigInt(i + f), 10n ** BigInt(f.length)];
  };
  const [fn, fd] = dec(fee.amount.text);
  const [pn, pd] = dec(String(percent));
  // cents = fee × percent / 100 × windowMonths / feeMonths × 100
  const num = fn * pn * BigInt(windowMonths);
  const den = fd * pd * BigInt(feeMonths);
  const cents = (2n * num + den) / (2n * den);
  const whole = cents / 100n;
  return `${whole}.${String(cents % 100n).padStart(2, "0")}`;
}

/** Every valid measurement of evaluated SLAs, evaluated, in the order written. */
export function evaluate(ll: LinkedLog, clock: LogClock): Evaluation[] {
  const out: Evaluation[] = [];
  const breached = new Map<A.Sla, Measurement[]>();
  for (const m of ll.measurements) {
    if (!evaluable(m.sla)) continue;
    const metric = m.sla.metrics[0];
    const met = satisfies(m.value, metric.comparator!.text, metric.target!);
    let percent = 0;
    for (const c of m.sla.credits) {
      if (!c.percent || !c.direction || !c.threshold || c.threshold.kind !== m.value.kind) continue;
      const holds = c.direction.text === "below" ? magnitude(m.value) < magnitude(c.threshold) : magnitude(m.value) > magnitude(c.threshold);
      if (holds && c.percent.value > percent) percent = c.percent.value;
    }
    let capped = false;
    if (m.sla.cap && percent > m.sla.cap.value) { percent = m.sla.cap.value; capped = true; }
    const e: Evaluation = { measurement: m, met, creditPercent: percent, capped };
    const fee = m.service.fee;
    const amount = fee && creditAmount(fee, percent, m.sla.window!.text);
    if (amount !== undefined && fee?.currency) { e.amount = amount; e.currency = fee.currency.text; }
    if (!met) {
      const list = breached.get(m.sla);
      if (list) list.push(m);
      else breached.set(m.sla, [m]);
    }
    out.push(e);
  }
  for (const e of out) {
    if (e.met) continue;
    const p = e.measurement;
    const end = clock.end(p.period);
    for (const c of p.sla.chronics) {
      if (!c.count || !countable(c.within)) continue;
      const from = clock.minus(end, c.within);
      const series = (breached.get(p.sla) ?? []).filter((q) => q.period.ordinal <= p.period.ordinal && clock.start(q.period) >= from);
      if (series.length >= c.count.value) { e.chronic = c; break; }
    }
  }
  return out;
}

/** Runs of missing periods of each measured monthly, quarterly or yearly SLA, up to the last period ended by now. */
export function gaps(ll: LinkedLog, clock: LogClock, now: Instant): Gap[] {
  const bySla = new Map<A.Sla, Measurement[]>();
  for (const m of ll.measurements) {
    if (!evaluable(m.sla) || m.sla.window!.text === "per-incident" || m.period.kind === "date") continue;
    const list = bySla.get(m.sla);
    if (list) list.push(m);
    else bySla.set(m.sla, [m]);
  }
  const out: Gap[] = [];
  for (const list of bySla.values()) {
    const byOrdinal = new Map(list.map((m) => [m.period.ordinal, m]));
    const first = list.reduce((a, b) => (b.period.ordinal < a.period.ordinal ? b : a));
    let before = first;
    let missing: Period[] = [];
    // A thousand periods is beyond any contract's life; the bound keeps a far-off `now` cheap.
    for (let p = first.period, i = 0; i < 1000 && clock.end(p) <= now; p = periodAfter(p, 1), i++) {
      const m = byOrdinal.get(p.ordinal);
      if (m) {
        if (missing.length > 0) out.push({ before, missing });
        missing = [];
        before = m;
      } else missing.push(p);
    }
    if (missing.length > 0) out.push({ before, missing });
  }
  return out;
}
