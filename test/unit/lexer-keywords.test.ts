// The lexer reads words once and looks keywords up by spelling (issue 7, performance); it must give exactly
// the tokens of a lexer with one pattern per keyword and `longer_alt: Identifier`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { ILexingResult, Lexer } from "chevrotain";
import { allTokens, covenantLexer } from "../../server/src/core/tokens";
import { seeded } from "../../bench/generate";
import { mutate, tokenSoup, MUTATIONS } from "../helpers/reliability";

const ROOT = path.resolve(__dirname, "../../..");
const patternPerKeyword = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });

function tokens(r: ILexingResult): unknown {
  const t = (x: ILexingResult["tokens"][number]): unknown[] => [x.tokenType.name, x.tokenTypeIdx, x.image, x.startOffset];
  return { tokens: r.tokens.map(t), comments: (r.groups.comments ?? []).map(t), errors: r.errors };
}

function assertSameTokens(text: string): void {
  assert.deepEqual(tokens(covenantLexer.tokenize(text)), tokens(patternPerKeyword.tokenize(text)), JSON.stringify(text.slice(0, 300)));
}

describe("lexer: keywords looked up by spelling", () => {
  const samples = ["northwind", "globex-hosting", "payroll", "handshake", "broken", "org/globex"]
    .map((f) => path.join(ROOT, "samples", `${f}.covenant`))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, "utf8"));

  it("reads keywords, units, hyphenated names and near-keywords as before", () => {
    assertSameTokens("services service-board service services2 days-off 3 business days months->terminate 24x7 applies-to-x mon-fri");
    const kinds = covenantLexer.tokenize("service services service-board days").tokens.map((t) => t.tokenType.name);
    assert.deepEqual(kinds, ["kw_service", "kw_services", "Identifier", "kw_days"]);
  });

  it("gives the same tokens on the samples, token soup, mutated samples and random text", () => {
    for (const s of samples) assertSameTokens(s);
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 4000 }), (s, size) => assertSameTokens(tokenSoup(seeded(s), size))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 20 }), (s, count) => {
        const random = seeded(s);
        assertSameTokens(mutate(samples[Math.floor(random() * samples.length)], MUTATIONS, count, random));
      }),
      { numRuns: 200 },
    );
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 500 }), assertSameTokens), { numRuns: 300 });
  });
});
