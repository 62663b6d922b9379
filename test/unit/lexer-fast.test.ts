// The hand-written scanner (core/tokens.ts, `scan`) makes exactly the tokens Chevrotain's lexer makes:
// same images, offsets, types and comments, on the samples, the spec's examples, generated contracts and
// logs, and any text over the Covenant vocabulary; on a character no token starts with it steps aside.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { ILexingResult } from "chevrotain";
import { covenantLexer, scan } from "../../server/src/core/tokens";
import { generateContract } from "../../bench/generate";
import { generateLog } from "../../bench/generate-log";
import { WORDS } from "../helpers/reliability";

const ROOT = path.resolve(__dirname, "../../..");

function shape(r: ILexingResult): unknown {
  const t = (x: ILexingResult["tokens"][number]): unknown[] => [x.image, x.startOffset, x.tokenType.name, x.tokenTypeIdx];
  return { tokens: r.tokens.map(t), comments: (r.groups.comments ?? []).map(t), errors: r.errors.length };
}

function covenantFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? covenantFiles(p) : e.name.endsWith(".covenant") ? [p] : [];
  });
}

describe("lexer: the fast scanner", function () {
  this.timeout(60_000);

  it("reads every sample, example and fixture as Chevrotain does", () => {
    const files = [...covenantFiles(path.join(ROOT, "samples")), ...covenantFiles(path.join(ROOT, "test/fixtures")), ...covenantFiles("/work/shared/spec/examples")];
    assert.ok(files.length > 20, `files: ${files.length}`);
    let fast = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      const mine = scan(text);
      if (mine) fast++;
      assert.deepEqual(shape(mine ?? covenantLexer.tokenize(text)), shape(covenantLexer.tokenizeWithChevrotain(text)), f);
    }
    assert.ok(fast > files.length * 0.8, `the fast path read ${fast} of ${files.length} files`);
  });

  it("reads generated contracts and a ten-year log as Chevrotain does", () => {
    const texts = [generateContract({ seed: 3, lines: 3000 }), generateContract({ seed: 4, lines: 800, variety: true }), generateLog({ seed: 2, matters: 100, events: 1000, measurements: 200 }).log];
    for (const text of texts) {
      const mine = scan(text);
      assert.ok(mine, "the fast path reads a valid file");
      assert.deepEqual(shape(mine), shape(covenantLexer.tokenizeWithChevrotain(text)));
    }
  });

  it("reads any text over the vocabulary, broken strings and comments included, as Chevrotain does", () => {
    const pieces = [...WORDS, "{", "}", ",", ".", ";", "-", "->", "<", "<=", ">", ">=", "=", "%", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\ufeff",
      '"', '"a b"', '"\\"', '"x\\', "\\", "/", "//", "///", "/*", "*/", "*", "2026", "2026-01", "2026-01-14", "2026-Q3", "12:30", "99.9%", "24x7", "4", "1.5", "0", "Q", "x7", "-3", "é", "@"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.array(fc.constantFrom("", " ", "\n"), { maxLength: 60 }), (parts, gaps) => {
        const text = parts.map((p, i) => p + (gaps[i] ?? "")).join("");
        const mine = scan(text);
        if (mine) assert.deepEqual(shape(mine), shape(covenantLexer.tokenizeWithChevrotain(text)), JSON.stringify(text));
        else assert.ok(covenantLexer.tokenizeWithChevrotain(text).errors.length > 0, `the fast path gave up on a text Chevrotain reads: ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    );
  });
});
