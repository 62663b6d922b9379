// Which ladders the simulation offers, and in what order: the ladder under the cursor first.
// Pure: positions and ranges are LSP's (zero-based line and character).
import type { EscalationGraph, GraphContract, GraphLadder, Position, Range } from "./protocol";

export interface LadderChoice {
  contract: GraphContract;
  ladder: GraphLadder;
  underCursor: boolean;
}

export function rangeContains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Every ladder of the file in document order, with the one that contains `cursor` moved to the front. */
export function orderLadders(graph: EscalationGraph, cursor?: Position): LadderChoice[] {
  const all: LadderChoice[] = [];
  for (const contract of graph.contracts ?? []) {
    for (const ladder of contract.ladders ?? []) {
      all.push({ contract, ladder, underCursor: cursor !== undefined && ladder.range !== undefined && rangeContains(ladder.range, cursor) });
    }
  }
  const first = all.findIndex((c) => c.underCursor);
  if (first > 0) all.unshift(...all.splice(first, 1));
  // Only one ladder can be "under the cursor"; ranges do not nest.
  all.forEach((c, i) => (c.underCursor = c.underCursor && i === 0));
  return all;
}

/** The ladder named by a code lens or a caller, in the given contract when there are several. */
export function findLadder(graph: EscalationGraph, ladder: string, contract?: string): LadderChoice | undefined {
  for (const c of graph.contracts ?? []) {
    if (contract && c.name !== contract) continue;
    const found = (c.ladders ?? []).find((l) => l.name === ladder);
    if (found) return { contract: c, ladder: found, underCursor: false };
  }
  return undefined;
}
