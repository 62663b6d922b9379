// How the EWL and SLM checks name a firing and a measurement.
import type { Measurement } from "../core/link-log";
import type { LogState } from "../operations/operate";
import type { Firing } from "../operations/signals";

export function describeFiring(state: LogState, f: Firing): string {
  return ` on ${state.clock.say(f.at)}`;
}

/** `idp.availability 2025-10 (99.90%)`, with the CSV line for a row of a file. */
export function describeMeasurement(m: Measurement): string {
  return `${m.service.name?.text}.${m.sla.name?.text} ${m.period.text}${m.row ? ` (line ${m.row})` : ""} at ${m.value.text}`;
}
