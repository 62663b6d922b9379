// What the MAT checks share: the replayed matters of a log and how a finding names a matter and a moment.
import type * as A from "../core/ast";
import type { LogState } from "../operations/operate";
import type { MatterReplay, TierOpening } from "../operations/replay";

export function replays(state: LogState): MatterReplay[] {
  return [...state.replays.values()];
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
