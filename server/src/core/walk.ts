// Visiting the blocks of a file in source order (outline, folding, syntax-error marking).
import type * as A from "./ast";

/** The blocks directly inside a block, in no particular order. */
export function childBlocks(node: A.Block): A.Block[] {
  switch (node.kind) {
    case "contract": {
      const c = node;
      const out: A.Block[] = [...c.parties, ...c.services, ...c.escalations];
      for (const b of [c.calendar, c.responsibilities, c.governance, c.dispute, c.continuity, c.records, c.earlyWarning, c.changeControl, c.keyPersonnel, c.termination]) {
        if (b) out.push(b);
      }
      return out;
    }
    case "party":
      return [...node.people, ...node.roles];
    case "service":
      return node.slas;
    case "responsibilities":
      return node.activities;
    case "governance":
      return node.boards;
    case "escalation":
      return node.tiers;
    case "dispute":
      return node.steps;
    case "log":
      return node.matters;
    default:
      return [];
  }
}

export function topBlocks(file: A.CovenantFile): A.Block[] {
  return [...file.imports, ...file.contracts, ...file.parties, ...file.calendars, ...file.logs];
}

/** Calls `visit` for every block, parents before children. */
export function walkBlocks(file: A.CovenantFile, visit: (node: A.Block, parent: A.Block | undefined) => void): void {
  const go = (node: A.Block, parent: A.Block | undefined): void => {
    visit(node, parent);
    for (const child of childBlocks(node)) go(child, node);
  };
  for (const b of topBlocks(file)) go(b, undefined);
}

export function contains(range: A.Range, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}
