// Visiting the blocks of a file in source order (outline, folding, syntax-error marking), and putting a
// block where its parent holds it: both read the statement table's `into` fields.
import type * as A from "./ast";
import { BLOCK_KINDS, BLOCK_STATEMENTS, BlockKind, NodeKind, shapeOf } from "./statements";

/** For each kind of block, the field of the parent that holds each kind of child node. */
const HOLDS = new Map<string, Map<NodeKind, string>>(
  BLOCK_KINDS.map((b) => {
    const holds = new Map<NodeKind, string>();
    for (const w of BLOCK_STATEMENTS[b]) {
      const shape = shapeOf(b, w)!;
      if (shape.node && shape.into) holds.set(shape.node, shape.into);
    }
    return [b, holds];
  }),
);

/** The fields of each kind of block that hold blocks. */
const CHILD_FIELDS = new Map<string, string[]>([...HOLDS].map(([b, holds]) => [b, [...new Set(holds.values())]]));

/** The blocks directly inside a block, in no particular order. */
export function childBlocks(node: A.Block): A.Block[] {
  const fields = CHILD_FIELDS.get(node.kind);
  if (!fields) return [];
  const out: A.Block[] = [];
  const fieldsOf = node as unknown as Record<string, A.Block | A.Block[] | undefined>;
  for (const f of fields) {
    const v = fieldsOf[f];
    if (Array.isArray(v)) out.push(...v);
    else if (v) out.push(v);
  }
  return out;
}

/**
 * Puts a block into its parent (a block, or the file for `document`) where the parent's statement would
 * have put it: appended to a list, or set when the single-valued field is still free.
 */
export function attachChild(parent: A.Block | A.CovenantFile, parentKind: NodeKind, child: A.Block): void {
  const field = HOLDS.get(parentKind as BlockKind)?.get(child.kind as NodeKind);
  if (!field) return;
  const fields = parent as unknown as Record<string, unknown>;
  const held = fields[field];
  if (Array.isArray(held)) held.push(child);
  else if (held === undefined) {
    if (field === "calendar") {
      const c = parent as A.Contract;
      if (c.calendarRef) return;
      c.calendarKeyword = child.keyword;
    }
    fields[field] = child;
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
