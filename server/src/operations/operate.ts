// Everything the log's checks and commands read, computed once per log and analysis moment.
import type { LinkedContract } from "../core/link";
import type { LinkedLog } from "../core/link-log";
import { CalendarError } from "../simulate/calendar";
import { MatterReplay, replayMatter } from "./replay";
import { evaluate, Evaluation, Gap, gaps } from "./service-levels";
import { Firing, firings, Occurrence, occurrences } from "./signals";
import { analysisMoment, Instant, logClock, LogClock } from "./time";

export interface LogState {
  log: LinkedLog;
  contract: LinkedContract;
  clock: LogClock;
  now: Instant;
  /** Replays of the replayed matters, by matter. */
  replays: Map<LinkedLog["matters"][number], MatterReplay>;
  evaluations: Evaluation[];
  occurrences: Occurrence[];
  firings: Firing[];
  gaps: Gap[];
}

export interface Moment {
  /** An ISO instant (`--now`). */
  now?: string;
  /** `YYYY-MM-DD`: now is 00:00 of it in the contract calendar's zone. */
  today?: string;
}

const cache = new WeakMap<LinkedLog, Map<string, LogState | undefined>>();
const evaluated = new WeakMap<LinkedLog["measurements"], { clock: LogClock; evaluations: Evaluation[] }>();
const replayed = new WeakMap<LinkedLog["matters"][number], { contract: LinkedContract; clock: LogClock; replay: MatterReplay | undefined }>();

/**
 * The state of a log at the analysis moment; undefined when its contract does not resolve, its calendar
 * cannot be used, or the moment is not an instant.
 */
export function logState(log: LinkedLog, moment: Moment): LogState | undefined {
  const key = `${moment.now ?? ""}|${moment.today ?? ""}`;
  let byMoment = cache.get(log);
  if (!byMoment) cache.set(log, (byMoment = new Map()));
  if (byMoment.has(key)) return byMoment.get(key);
  let state: LogState | undefined;
  try {
    state = compute(log, moment);
  } catch (e) {
    // A calendar that cannot reach a deadline (no business day in ten years) is the contract's own problem.
    if (!(e instanceof CalendarError)) throw e;
  }
  byMoment.set(key, state);
  return state;
}

function compute(log: LinkedLog, moment: Moment): LogState | undefined {
  const contract = log.contract;
  if (!contract) return undefined;
  const clock = logClock(contract);
  if (!clock) return undefined;
  const now = analysisMoment(clock, moment);
  if (now === undefined) return undefined;
  const replays = new Map<LinkedLog["matters"][number], MatterReplay>();
  for (const m of log.matters) {
    // A matter the linker kept (a keystroke elsewhere in the log) keeps its replay: it does not depend on now.
    let kept = replayed.get(m);
    if (!kept || kept.contract !== contract || kept.clock !== clock) replayed.set(m, (kept = { contract, clock, replay: replayMatter(contract, m, clock) }));
    if (kept.replay) replays.set(m, kept.replay);
  }
  // The measurements a keystroke in a matter left as they were (link-log.ts keeps them) keep their evaluation.
  let kept = evaluated.get(log.measurements);
  if (!kept || kept.clock !== clock) evaluated.set(log.measurements, (kept = { clock, evaluations: evaluate(log, clock) }));
  const evaluations = kept.evaluations;
  const all = occurrences(log, clock, evaluations);
  return {
    log, contract, clock, now, replays, evaluations, occurrences: all,
    firings: firings(log, contract, clock, all, now), gaps: gaps(log, clock, now),
  };
}
