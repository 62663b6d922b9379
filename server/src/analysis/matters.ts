// What the MAT checks share: the replayed matters of a log and how a finding names a matter and a moment.
import type * as A from "../core/ast";
import type { LogState } from "../operations/operate";
import type { MatterReplay, TierOpening } from "../operations/replay";

export function replays(state: LogState): MatterReplay[] {
  return [...state.replays.values()];
}

/**
 * What a check works out for one replayed matter, once: a replay is kept while the matter's link, its
 * contract and the calendar stay the same (operations/operate.ts), so a keystroke in one matter of a big log
 * does not make every check walk the events of the thousand others again. Only what does not depend on
 * the analysis moment may be kept.
 */
export function perReplay<T>(cache: WeakMap<MatterReplay, T>, r: MatterReplay, compute: (r: MatterReplay) => T): T {
  let value = cache.get(r);
  if (value === undefined) cache.set(r, (value = compute(r)));
  return value;
}

export function matterName(r: MatterReplay): string {
  return `matter '${r.matter.matter.name?.text ?? ""}'`;
}

export function atMatter(r: MatterReplay): A.Range {
  return r.matter.matter.name?.range ?? r.matter.matter.keyword;
}

export function tierName(t: TierOpening): string {
  return `'${t.tier.name?.text ?? ""}'`;
}
