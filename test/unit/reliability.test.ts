// Reliability (issue 7): whatever is typed, every layer returns, quickly, with ranges inside the document;
// valid contracts survive formatting and quick fixes. Property-based, with fast-check; set
// COVENANT_FUZZ_SEED to replay a failure fast-check reported.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { parse } from "../../server/src/core/parser";
import { Program } from "../../server/src/core/program";
import { covenantLexer } from "../../server/src/core/tokens";
import type { Finding, TextEdit } from "../../server/src/core/findings";
import { allFindings } from "../../server/src/analysis/analyse";
import { CHECKS } from "../../server/src/analysis/registry";
import { format } from "../../server/src/format";
import { mergeFixes } from "../../server/src/features/code-actions";
import { generateContract, generateOrgFile, seeded, OPTIONAL_BLOCKS } from "../../bench/generate";
import { exercise, mutate, tokenSoup, Mutation, MUTATIONS, PUNCTUATION, WORDS, TODAY } from "../helpers/reliability";

const ROOT = path.resolve(__dirname, "../../..");
const seed = process.env.COVENANT_FUZZ_SEED ? Number(process.env.COVENANT_FUZZ_SEED) : undefined;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: n, seed, endOnFailure: true });
const DOC = "file:///ws/contract.covenant";
const SECOND = 1000;

function lines(text: string): number {
  return text.split("\n").length;
}

// ---- inputs ----------------------------------------------------------------------------------------

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 3000 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 3000 }),
  fc.string({ unit: fc.constantFrom(...PUNCTUATION, ...WORDS.slice(0, 40), " ", "\n", "\"", "/*", "//"), maxLength: 500 }),
);


const MUTATION_NAMES: Record<Mutation, string> = {
  delete: "deleted tokens", duplicate: "duplicated tokens", swap: "swapped tokens", truncate: "truncation",
  bytes: "random characters", utf8: "invalid UTF-8 decoded with replacement characters",
};

const SAMPLES = ["northwind.covenant", "globex-hosting.covenant", "payroll.covenant", "handshake.covenant", "broken.covenant", "org/globex.covenant"]
  .filter((f) => fs.existsSync(path.join(ROOT, "samples", f)));
const sampleUri = (f: string): string => pathToFileURL(path.join(ROOT, "samples", f)).toString();
const sampleFiles: Record<string, string> = Object.fromEntries(SAMPLES.map((f) => [sampleUri(f), fs.readFileSync(path.join(ROOT, "samples", f), "utf8")]));

/** Applies non-overlapping edits to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function analyse(text: string, files: Record<string, string> = {}): { findings: Finding[]; builtins: Finding[] } {
  const linked = new Program({ read: (u) => files[u] }).linkText(DOC, text);
  return { findings: allFindings(linked, { today: TODAY }), builtins: linked.builtins };
}

const brokenBuiltins = (list: readonly Finding[]): Finding[] => list.filter((f) => f.code.startsWith("SYN") || f.code.startsWith("REF"));

function describeFindings(list: readonly Finding[], text: string): string {
  return list.slice(0, 5).map((f) => `${f.code} ${f.message} at ${JSON.stringify(text.slice(f.range.start, f.range.end + 20))}`).join("; ");
}

/** The tree without offsets: what the text means, whatever its layout. */
function meaning(text: string): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== "range" && k !== "keyword" && k !== "bodyStart" && k !== "calendarKeyword" && k !== "thenKeyword") o[k] = strip(x);
      return o;
    }
    return v;
  };
  return strip(parse(text).file);
}

function lexemes(text: string): string[] {
  const lexed = covenantLexer.tokenize(text);
  return [...lexed.tokens, ...(lexed.groups.comments ?? [])]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => (t.image.startsWith("//") ? t.image.trimEnd() : t.image));
}

const contractShape = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  lines: fc.integer({ min: 40, max: 400 }),
  variety: fc.boolean(),
  omit: fc.subarray([...OPTIONAL_BLOCKS]),
});

// ---- properties ------------------------------------------------------------------------------------

describe("reliability", function () {
  this.timeout(60_000);

  describe("any text", () => {
    it("parser, linker, checks, formatter and every editor feature return within a second, ranges inside", () => {
      fc.assert(
        fc.property(anyText, fc.integer(), (text, s) => {
          exercise({ uri: DOC, text, random: seeded(s) });
        }),
        runs(100),
      );
    });

    it("the same for token soup of the Covenant vocabulary, up to 10 KB", () => {
      fc.assert(
        fc.property(fc.integer(), fc.integer({ min: 0, max: 10_000 }), (s, size) => {
          const random = seeded(s);
          exercise({ uri: DOC, text: tokenSoup(random, size), random, probes: 2 });
        }),
        runs(25),
      );
    });

    it("the same for 100 KB of token soup", () => {
      fc.assert(
        fc.property(fc.integer(), fc.integer({ min: 90_000, max: 100_000 }), (s, size) => {
          const random = seeded(s);
          exercise({ uri: DOC, text: tokenSoup(random, size), random, probes: 1 });
        }),
        runs(2),
      );
    });

    it("a block keyword typed at the end of a file does not hang the parser", () => {
      // Found by the soup above: the recovery scan looped for ever at the end of the file.
      for (const text of ['party n { person j { pq ak "A" { }', 'contract c { party n { person j { title "x" email "j$ }\n pq ak "A" { title "D" }']) {
        const started = Date.now();
        const parsed = parse(text);
        assert.ok(parsed.syntaxErrors.length > 0);
        assert.ok(Date.now() - started < SECOND);
      }
    });

    it("renaming inside a contract whose name was deleted", () => {
      // Found by the mutated samples: rename looked for clashes in the missing contract.
      const text = "contract { party p customer { person a role r { holder a } }\n  service s { }\n  escalation e { tier t { } }\n  governance { board b { } }\n}\n";
      exercise({ uri: DOC, text, random: seeded(1), probes: text.length });
    });

    it("words that name members of every JavaScript object are just words", () => {
      // Found by the properties above: completion looked statement words up in a plain object.
      const words = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];
      for (const w of words) {
        const text = `contract ${w} { ${w} x\n  party p { ${w} } service s { sla a { ${w} 3 } }\n  escalation e { tier t { ${w} } }\n}\n`;
        exercise({ uri: DOC, text, random: seeded(w.length), probes: text.length });
      }
    });
  });

  describe("mutated samples", () => {
    it("has the samples", () => assert.ok(SAMPLES.length >= 5, `samples found: ${SAMPLES.join(", ")}`));

    for (const kind of MUTATIONS) {
      it(`survive ${MUTATION_NAMES[kind]}`, () => {
        fc.assert(
          fc.property(fc.constantFrom(...SAMPLES), fc.integer(), fc.integer({ min: 1, max: 12 }), (sample, s, count) => {
            const random = seeded(s);
            const uri = sampleUri(sample);
            const text = mutate(sampleFiles[uri], [kind], count, random);
            exercise({ uri, text, files: sampleFiles, random, probes: 2 });
          }),
          runs(20),
        );
      });
    }

    it("survive every kind of mutation at once", () => {
      fc.assert(
        fc.property(fc.constantFrom(...SAMPLES), fc.integer(), fc.integer({ min: 1, max: 40 }), (sample, s, count) => {
          const random = seeded(s);
          const uri = sampleUri(sample);
          const text = mutate(sampleFiles[uri], MUTATIONS, count, random);
          exercise({ uri, text, files: sampleFiles, random, probes: 2 });
        }),
        runs(40),
      );
    });
  });

  describe("generated valid contracts (bench/generate.ts)", () => {
    it("the benchmark contracts have no syntax or reference error", () => {
      for (const lines of [1_000, 10_000]) {
        const text = generateContract({ seed: lines, lines });
        const { builtins } = analyse(text);
        assert.deepEqual(builtins.map((f) => `${f.code} ${f.message}`), [], `the ${lines}-line contract`);
        assert.ok(Math.abs(text.split("\n").length - lines) < lines * 0.1, `asked for ${lines} lines, got ${text.split("\n").length}`);
      }
      const org = generateOrgFile(7);
      const orgUri = "file:///ws/org/org.covenant";
      const text = generateContract({ seed: 3, lines: 200, org: { ...org, importPath: "org/org.covenant" } });
      assert.deepEqual(analyse(text, { [orgUri]: org.text }).builtins.map((f) => `${f.code} ${f.message}`), [], "a portfolio contract");
    });

    it("any shape has no syntax or reference error, and the editor features hold on it", () => {
      fc.assert(
        fc.property(contractShape, (shape) => {
          const text = generateContract(shape);
          const { builtins } = analyse(text);
          assert.deepEqual(brokenBuiltins(builtins).map((f) => f.code), [], describeFindings(builtins, text));
          assert.deepEqual(builtins.map((f) => f.code), [], describeFindings(builtins, text));
          exercise({ uri: DOC, text, random: seeded(shape.seed), probes: 4 });
        }),
        runs(30),
      );
    });

    it("the formatter keeps every token and comment, keeps the meaning, and is idempotent", () => {
      fc.assert(
        fc.property(contractShape, (shape) => {
          const text = generateContract(shape);
          const once = format(text);
          assert.ok(!("error" in once), `refused: ${"error" in once ? once.error : ""}`);
          assert.deepEqual(lexemes(once.text), lexemes(text), "tokens or comments changed");
          assert.deepEqual(meaning(once.text), meaning(text), "the model changed");
          const twice = format(once.text);
          assert.ok(!("error" in twice));
          assert.equal(twice.text, once.text, "formatting twice changed the text again");
        }),
        runs(30),
      );
    });

    it("each quick fix removes its finding and introduces no syntax or reference error", () => {
      let applied = 0;
      fc.assert(
        fc.property(contractShape, fc.integer(), (shape, pick) => {
          const text = generateContract(shape);
          const before = analyse(text).findings;
          const fixable = before.filter((f) => f.fix && f.fix.edits.length > 0);
          if (fixable.length === 0) return;
          // Every fix of a small contract, one at a time; a random sample of them in a large one.
          const chosen = lines(text) < 150 ? fixable : [fixable[Math.abs(pick) % fixable.length]];
          for (const f of chosen) {
            const after = analyse(applyEdits(text, f.fix!.edits));
            applied++;
            const broken = brokenBuiltins(after.findings);
            assert.deepEqual(broken.map((x) => x.code), [], `${f.code} fix "${f.fix!.title}" broke the file: ${describeFindings(broken, applyEdits(text, f.fix!.edits))}`);
            const count = (list: readonly Finding[]): number => list.filter((x) => x.code === f.code).length;
            assert.ok(count(after.findings) < count(before), `${f.code} fix "${f.fix!.title}" did not remove the finding (${f.message})`);
          }
        }),
        runs(40),
      );
      if (CHECKS.some((c) => c.code.startsWith("DSP"))) assert.ok(applied > 0, "no quick fix was exercised");
    });

    it("applying every fix at once (fix all) introduces no syntax or reference error", () => {
      fc.assert(
        fc.property(contractShape, (shape) => {
          const text = generateContract(shape);
          const { edits } = mergeFixes(analyse(text).findings);
          if (edits.length === 0) return;
          const fixed = applyEdits(text, edits);
          const broken = brokenBuiltins(analyse(fixed).findings);
          assert.deepEqual(broken.map((x) => x.code), [], describeFindings(broken, fixed));
        }),
        runs(25),
      );
    });
  });
});
