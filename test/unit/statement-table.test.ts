// The statement table (core/statements.ts) and the parser agree: every statement of the table parses where
// the table says, in each of its forms; nothing parses where the table lacks it; and Chevrotain's content
// assist, asked what may follow a block's opening brace, names exactly the table's statements.
import { strict as assert } from "node:assert";
import { parse, nextTokenNames } from "../../server/src/core/parser";
import { BLOCK_KINDS, BLOCK_STATEMENTS, BlockKind, KEYWORDS, LANGUAGE, Slot, VALUES, shapeOf, UNIT_WORDS } from "../../server/src/core/statements";
import { K, U } from "../../server/src/core/tokens";

/** Every way of writing a run of slots, as text: each optional part with and without, each alternative. */
function forms(slots: readonly Slot[]): string[] {
  let out = [""];
  for (const slot of slots) {
    const next: string[] = [];
    for (const head of out) for (const tail of slotForms(slot)) next.push([head, tail].filter((x) => x !== "").join(" "));
    out = next.slice(0, 64);
  }
  return out;
}

function slotForms(slot: Slot): string[] {
  switch (slot.t) {
    case "name": return ["x-1"];
    case "ref": return ["x-1", "p.x-1"];
    case "value": return [VALUES[slot.set][0]];
    case "word": return [slot.word];
    case "string": return ['"s"'];
    case "duration": return ["1 day", "2 business hours"];
    case "number": return ["1"];
    case "percent": return ["1%"];
    case "date": return ["2026-01-05"];
    case "time": return ["10:00"];
    case "quantity": return ["1%", "1", "4 hours"];
    case "period": return ["2026-01", "2026-Q1", "2026", "2026-01-05"];
    case "opt": return ["", ...forms(slot.seq)];
    case "list": return [...slotForms(slot.item), `${slotForms(slot.item)[0]}, ${slotForms(slot.item)[0]}`];
    case "alt": return slot.seqs.flatMap((seq) => forms(seq));
    case "block": return slot.optional ? ["", "{ }"] : ["{ }"];
  }
}

/** For each kind of block, a statement that opens it and the block that holds that statement. */
const OPENER = new Map<BlockKind, { parent: BlockKind; word: string }>();
for (const parent of BLOCK_KINDS) {
  for (const word of BLOCK_STATEMENTS[parent]) {
    const node = shapeOf(parent, word)!.node;
    if (node && node !== "import" && !OPENER.has(node)) OPENER.set(node, { parent, word });
  }
}

/** The head of a block (what stands between its keyword and its brace), as the opening statement writes it. */
function head(kind: BlockKind): string {
  const { parent, word } = OPENER.get(kind)!;
  const slots = shapeOf(parent, word)!.slots;
  const before = slots.slice(0, slots.findIndex((s) => s.t === "block" || s.t === "alt"));
  return forms(before)[0];
}

/** Text that places `inner` inside a block of the given kind, itself inside its ancestors. */
function inside(kind: BlockKind, inner: string): string {
  if (kind === "document") return inner;
  const { parent, word } = OPENER.get(kind)!;
  return inside(parent, `${word} ${head(kind)} {\n${inner}\n}`.replace(/  +/g, " "));
}

describe("the statement table and the parser", () => {
  it("has an opening statement for every kind of block", () => {
    for (const kind of BLOCK_KINDS) if (kind !== "document") assert.ok(OPENER.has(kind), kind);
  });

  for (const kind of BLOCK_KINDS) {
    it(`parses every statement of ${kind === "document" ? "a file" : `a ${kind}`}, in every form the table gives`, () => {
      for (const word of BLOCK_STATEMENTS[kind]) {
        for (const form of forms(shapeOf(kind, word)!.slots)) {
          const statement = `${word} ${form}`.trim();
          const text = inside(kind, statement);
          const out = parse(text);
          assert.deepEqual(out.syntaxErrors.map((e) => e.message), [], `${kind}: ${statement}\n${text}`);
          assert.ok(out.statementStarts.includes(text.lastIndexOf(statement)), `${kind}: '${statement}' is not read as a statement`);
        }
      }
    });
  }

  it("rejects every other keyword where its block does not take it", () => {
    const words = [...KEYWORDS, ...UNIT_WORDS.filter((u) => Object.values(LANGUAGE).some((b) => u in b))];
    for (const kind of BLOCK_KINDS) {
      if (kind === "document") continue;
      const own = new Set<string>(BLOCK_STATEMENTS[kind]);
      for (const word of words) {
        if (own.has(word)) continue;
        const text = inside(kind, `${word} "s" 1`);
        assert.ok(parse(text).syntaxErrors.length > 0, `'${word}' parsed inside a ${kind}:\n${text}`);
      }
    }
  });

  it("names exactly the table's statements where a block's statements may start (Chevrotain's content assist)", () => {
    const tokenName = (w: string): string => ((K as Record<string, { name: string }>)[w] ?? (U as Record<string, { name: string }>)[w]).name;
    for (const kind of BLOCK_KINDS) {
      // A top-level calendar's name is read by the statement that declares it; its rule starts at the brace.
      const preceding = kind === "document" ? "" : kind === "calendar" ? "{" : `${head(kind)} {`;
      const expected = [...BLOCK_STATEMENTS[kind].map(tokenName), "Semicolon", ...(kind === "document" ? [] : ["RBrace"])].sort();
      assert.deepEqual(nextTokenNames(kind, preceding), [...new Set(expected)].sort(), kind);
    }
  });
});
