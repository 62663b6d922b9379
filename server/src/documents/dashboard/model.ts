// The relationship dashboard's view model: what `covenant status` computes (operations/status.ts over one
// LogState), with the history the charts draw — every tier a matter opened, every measured period. Nothing is
// replayed again: the tiers come from the state's replays, the periods from its evaluations.
import type { LogState } from "../../operations/operate";
import { current } from "../../operations/replay";
import { magnitude } from "../../operations/service-levels";
import { creditRow, CreditRow, LogStatus, logStatus, MatterStatus, WarningStatus } from "../../operations/status";

export interface DashboardTier {
  tier: string;
  /** ISO instants with the calendar's offset, as `covenant status --format json` writes them. */
  opens: string;
  /** When the matter left this tier (escalated, formal step, resolved); null while it is still there. */
  ends: string | null;
  deadline: string | null;
  /** The tier was left after its deadline, or is still open past it. */
  late: boolean;
}

export interface DashboardMatter {
  status: MatterStatus;
  tiers: DashboardTier[];
  /** The formal step or resolution that ended the ladder, if any. */
  ended: { kind: "formal" | "resolved"; at: string; step?: string } | null;
}

export interface DashboardPoint extends CreditRow {
  /** The period's first moment. */
  start: string;
  /** The measured value on the SLA's scale: a percentage or number as written, a duration in minutes. */
  magnitude: number;
}

export interface DashboardSla {
  service: string;
  sla: string;
  label: string;
  /** `>=`, `<=`, `<`, `>`, `=`. */
  comparator: string;
  target: number;
  targetText: string;
  unit: "percent" | "number" | "minutes";
  points: DashboardPoint[];
}

export interface Dashboard {
  status: LogStatus;
  matters: DashboardMatter[];
  warnings: WarningStatus[];
  slas: DashboardSla[];
}

export function buildDashboard(state: LogState, file: string): Dashboard {
  const status = logStatus(state, file);
  const fmt = (t: Parameters<typeof state.clock.format>[0]): string => state.clock.format(t);
  const matters: DashboardMatter[] = [];
  let i = 0;
  for (const lm of state.log.matters) {
    const r = state.replays.get(lm);
    if (!r) continue;
    const ms = status.matters[i++];
    const endOfLadder = r.formal && (!r.resolved || r.formal.at <= r.resolved.at) ? r.formal.at : r.resolved?.at;
    const last = current(r);
    const tiers: DashboardTier[] = r.tiers.map((t, k) => {
      const next = r.tiers[k + 1];
      const ends = next ? next.opens : t === last ? endOfLadder : undefined;
      return {
        tier: t.tier.name?.text ?? "",
        opens: fmt(t.opens),
        ends: ends !== undefined ? fmt(ends) : null,
        deadline: t.deadline !== undefined ? fmt(t.deadline) : null,
        late: t.deadline !== undefined && (ends ?? state.now) > t.deadline,
      };
    });
    const ended: DashboardMatter["ended"] = r.resolved
      ? { kind: "resolved", at: fmt(r.resolved.at) }
      : r.formal ? { kind: "formal", at: fmt(r.formal.at), step: r.formal.stepName } : null;
    matters.push({ status: ms, tiers, ended });
  }
  const slas: DashboardSla[] = [];
  for (const service of state.contract.contract.services) {
    for (const sla of service.slas) {
      const mine = state.evaluations.filter((e) => e.measurement.sla === sla);
      const metric = sla.metrics[0];
      if (mine.length === 0 || !metric?.target || !metric.comparator) continue;
      const points = mine
        .map((e): DashboardPoint => ({ ...creditRow(e), start: fmt(state.clock.start(e.measurement.period)), magnitude: magnitude(e.measurement.value) }))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      slas.push({
        service: service.name?.text ?? "",
        sla: sla.name?.text ?? "",
        label: sla.label?.value ?? metric.label?.value ?? "",
        comparator: metric.comparator.text,
        target: magnitude(metric.target),
        targetText: metric.target.text,
        unit: metric.target.kind === "percent" ? "percent" : metric.target.kind === "number" ? "number" : "minutes",
        points,
      });
    }
  }
  return { status, matters, warnings: status.warnings, slas };
}
