// The formatter: fixtures (input/expected pairs), the samples, edits and range formatting, and properties
// proving that the result ignores layout and never drops, adds or reorders a token or a comment.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { format, formatEdits, formatRangeEdits, applyEdits, TextEdit, ONE_LINE_WIDTH } from "../../server/src/format";
import { layoutItems, LayoutItem } from "../../server/src/format/layout";
import { parse } from "../../server/src/core/parser";
import { covenantLexer } from "../../server/src/core/tokens";

const root = path.resolve(__dirname, "../../..");
const fixtures = path.join(root, "test", "fixtures", "format");
const read = (...parts: string[]): string => fs.readFileSync(path.join(root, ...parts), "utf8");

const WRITTEN_IN_CANONICAL_LAYOUT = [
  "samples/northwind.covenant",
  "samples/globex-hosting.covenant",
  "samples/org/globex.covenant",
  "samples/payroll.covenant",
  "samples/handshake.covenant",
];

function formatted(text: string, indent?: number): string {
  const r = format(text, indent === undefined ? undefined : { indent });
  if ("error" in r) assert.fail(`expected the text to be formatted, got: ${r.error}`);
  return r.text;
}

/** What a reader sees, whitespace aside: token images and comment images, in order. */
function lexemes(text: string): { tokens: string[]; comments: string[] } {
  const lexed = covenantLexer.tokenize(text);
  assert.deepStrictEqual(lexed.errors, []);
  return {
    tokens: lexed.tokens.map((t) => t.image),
    comments: (lexed.groups.comments ?? []).map((c) => (c.image.startsWith("//") ? c.image.trimEnd() : c.image)),
  };
}

function assertLossless(before: string, after: string): void {
  assert.deepStrictEqual(lexemes(after), lexemes(before));
}

function lineColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split("\n");
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

describe("formatter", () => {
  describe("fixtures (test/fixtures/format)", () => {
    const names = fs.readdirSync(fixtures).filter((f) => f.endsWith(".input.covenant")).map((f) => f.replace(".input.covenant", ""));
    it("has fixtures", () => assert.ok(names.length >= 6));
    for (const name of names) {
      const input = fs.readFileSync(path.join(fixtures, `${name}.input.covenant`), "utf8");
      const expectedFile = path.join(fixtures, `${name}.expected.covenant`);
      if (fs.existsSync(expectedFile)) {
        it(`${name}: formats to the expected layout, losslessly and idempotently`, () => {
          const expected = fs.readFileSync(expectedFile, "utf8");
          const out = formatted(input);
          assert.strictEqual(out, expected);
          assertLossless(input, out);
          assert.deepStrictEqual(format(expected), { text: expected, changed: false });
        });
      } else {
        it(`${name}: is refused, at the first syntax error`, () => {
          const where = fs.readFileSync(path.join(fixtures, `${name}.error.txt`), "utf8").trim();
          const r = format(input);
          assert.ok("error" in r, "a file with a syntax error must not be formatted");
          assert.match(r.error, /syntax error/);
          assert.strictEqual(lineColumn(input, r.range!.start), where);
          assert.ok("error" in formatEdits(input));
          assert.ok("error" in formatRangeEdits(input, { start: 0, end: input.length }));
        });
      }
    }
  });

  describe("samples", () => {
    for (const file of WRITTEN_IN_CANONICAL_LAYOUT) {
      it(`${file} is already in the canonical layout`, () => {
        const text = read(file);
        assert.deepStrictEqual(format(text), { text, changed: false });
        assert.deepStrictEqual(formatEdits(text), { edits: [] });
      });
    }

    it("samples/broken.covenant is refused at its syntax error and left alone", () => {
      const text = read("samples/broken.covenant");
      const r = format(text);
      assert.ok("error" in r);
      assert.strictEqual(text.slice(r.range!.start, r.range!.end), "critcality");
    });

    it("keeps a short block on one line only up to the width limit", () => {
      // northwind's widest one-line block ends at column 104, over a 100-column limit.
      const widest = Math.max(...WRITTEN_IN_CANONICAL_LAYOUT.flatMap((f) => read(f).split("\n").filter((l) => /\{.*\}\s*$/.test(l)).map((l) => l.length)));
      assert.ok(widest > 100 && widest <= ONE_LINE_WIDTH, `widest one-line block: ${widest}`);
    });
  });

  describe("relationship logs", () => {
    it("lays a matter out one event per line even when it was written on one line, and keeps short contract blocks on one", () => {
      const text = 'log c { matter a "A" { raised 2025-11-03 10:00 by p.ops escalated 2025-11-13 09:30 to management } signal 2025-11-04 formal-tone }\n';
      const r = format(text);
      assert.ok(!("error" in r), JSON.stringify(r));
      assert.equal(r.text, [
        "log c {",
        '  matter a "A" {',
        "    raised 2025-11-03 10:00 by p.ops",
        "    escalated 2025-11-13 09:30 to management",
        "  }",
        "  signal 2025-11-04 formal-tone",
        "}",
        "",
      ].join("\n"));
      const tier = "contract c {\n  escalation e {\n    tier t { customer a supplier b within 5 days }\n  }\n}\n";
      assert.equal((format(tier) as { text: string }).text, tier);
    });
  });

  describe("refusals and options", () => {
    for (const [what, text] of [
      ["an unclosed block comment", 'party p { person a "A" }\n/* never closed\n'],
      ["an unterminated string", 'party p { person a "A }\n'],
      ["a one-digit hour", 'calendar k { hours 9:00-17:00 }\n'],
      ["an unknown character", 'party p { person a "A" } @\n'],
      ["a missing brace", 'party p { person a "A"\n'],
    ]) {
      it(`refuses a file with ${what}`, () => {
        const r = format(text);
        assert.ok("error" in r && r.range, JSON.stringify(r));
        assert.ok(r.range.start >= 0 && r.range.end <= text.length);
      });
    }

    it("indents by the given number of spaces", () => {
      const text = read("samples/northwind.covenant");
      const four = formatted(text, 4);
      const doubled = text.replace(/^ +/gm, (s) => s + s);
      assert.strictEqual(four, doubled);
      assert.strictEqual(formatted(four, 4), four);
      assert.strictEqual(formatted(four), text);
    });

    it("rejects an indent that is not a small whole number", () => {
      for (const indent of [-1, 2.5, NaN, 17]) assert.ok("error" in format("party p {}\n", { indent }));
    });

    it("keeps CRLF line endings and a byte order mark", () => {
      const text = "\uFEFF" + read("samples/payroll.covenant").replace(/\n/g, "\r\n");
      assert.deepStrictEqual(format(text), { text, changed: false });
      const squeezed = text.replace(/\r\n\s*\r\n/g, "\r\n").replace(/\r\n +/g, "\r\n");
      assert.strictEqual(formatted(squeezed), text.replace(/\r\n\r\n/g, "\r\n"));
    });

    it("writes an empty file as empty and ends every other file with one newline", () => {
      assert.deepStrictEqual(format(""), { text: "", changed: false });
      assert.deepStrictEqual(format(" \n\n\t"), { text: "", changed: true });
      assert.strictEqual(formatted("// only a comment   "), "// only a comment\n");
      assert.strictEqual(formatted('party p { person a "A" }\n\n\n'), 'party p { person a "A" }\n');
    });

    it("never throws, whatever it is given", () => {
      for (const text of ["{", "}", "/*", '"', "\u0000", "party", ";;;", "\uFEFF", "\r\r\r", "x".repeat(10000)]) {
        assert.doesNotThrow(() => format(text));
        assert.doesNotThrow(() => formatRangeEdits(text, { start: -5, end: 99999 }));
      }
    });
  });

  describe("edits", () => {
    const input = fs.readFileSync(path.join(fixtures, "misindented-payroll.input.covenant"), "utf8");
    const expected = read("samples/payroll.covenant");

    function assertWhitespaceOnly(text: string, edits: TextEdit[]): void {
      let last = -1;
      for (const e of edits) {
        assert.ok(e.start > last || (e.start === 0 && last === -1), "edits are in order and do not overlap");
        assert.match(text.slice(e.start, e.end), /^[ \t\r\n\f\uFEFF\u00A0]*$/);
        assert.match(e.newText, /^[ \r\n\uFEFF]*$/);
        last = e.end;
      }
    }

    it("the document's edits give the formatted text and touch only whitespace", () => {
      const r = formatEdits(input);
      assert.ok("edits" in r);
      assertWhitespaceOnly(input, r.edits);
      assert.strictEqual(applyEdits(input, r.edits), expected);
    });

    it("an edit keeps the whitespace it does not need to change (an indentation fix is one small edit)", () => {
      const text = expected.replace("    criticality critical", "      criticality critical");
      const r = formatEdits(text);
      assert.ok("edits" in r);
      assert.strictEqual(r.edits.length, 1);
      assert.strictEqual(r.edits[0].end - r.edits[0].start, 2);
      assert.strictEqual(r.edits[0].newText, "");
    });

    it("range formatting formats the statements the range touches and nothing else", () => {
      const at = input.indexOf("tier escalate");
      const r = formatRangeEdits(input, { start: at + 2, end: at + 3 });
      assert.ok("edits" in r);
      assertWhitespaceOnly(input, r.edits);
      const out = applyEdits(input, r.edits);
      assert.ok(out.includes('\n    tier escalate { // expect: ESC003 ESC005\n      customer procurement // expect: PPL001 ESC008\n    }\n'), out);
      // Everything before the line break that precedes the tier, and from its closing brace on, is untouched.
      const before = input.lastIndexOf("}", at) + 1;
      assert.strictEqual(out.slice(0, before), input.slice(0, before));
      const tierEnd = input.indexOf("}", at);
      assert.ok(out.endsWith(input.slice(tierEnd)));
    });

    it("a range over several statements formats each of them, nested blocks included", () => {
      const start = input.indexOf("responsibilities");
      const end = input.indexOf("governance");
      const r = formatRangeEdits(input, { start, end: end + 3 });
      assert.ok("edits" in r);
      const out = applyEdits(input, r.edits);
      const canonical = expected.slice(expected.indexOf("responsibilities"), expected.indexOf("\n  escalation"));
      assert.ok(out.includes(canonical), out);
      assert.ok(out.includes('\nrole it-ops "IT operations"   {'), "a party outside the range keeps its layout");
    });

    it("a range covering only whitespace fixes just that whitespace", () => {
      const text = expected.replace("  kind saas", "        kind saas");
      const at = text.indexOf("      kind");
      const r = formatRangeEdits(text, { start: at, end: at + 3 });
      assert.ok("edits" in r);
      assert.strictEqual(applyEdits(text, r.edits), expected);
    });

    it("a range over the whole document gives the document's edits", () => {
      assert.deepStrictEqual(formatRangeEdits(input, { start: 0, end: input.length }), formatEdits(input));
    });

    it("any range: its edits are some of the document's edits and keep every token and comment", () => {
      const all = formatEdits(input);
      assert.ok("edits" in all);
      const key = (e: TextEdit): string => `${e.start}:${e.end}:${e.newText}`;
      const known = new Set(all.edits.map(key));
      fc.assert(
        fc.property(fc.nat(input.length), fc.nat(200), (start, length) => {
          const r = formatRangeEdits(input, { start, end: start + length });
          assert.ok("edits" in r);
          for (const e of r.edits) assert.ok(known.has(key(e)), `unexpected edit ${key(e)}`);
          const out = applyEdits(input, r.edits);
          assertLossless(input, out);
          assert.strictEqual(formatted(out), expected);
        }),
        { numRuns: 25 },
      );
    });
  });

  describe("properties (fast-check)", () => {
    const canonical = WRITTEN_IN_CANONICAL_LAYOUT.map((f) => ({ file: f, text: read(f) }));

    type Variant = "same-line-or-none" | "same-line" | "one-break" | "blank" | "same-line-or-break" | "anything" | "edge";
    const CHOICES: Record<Variant, string[]> = {
      "same-line-or-none": ["", " ", "\t", "   ", " \t "],
      "same-line": [" ", "\t", "   ", " \t ", "\f", "\u00A0 "],
      "one-break": ["\n", "\n  ", " \n\t", "\t\n      ", "\n\u00A0\u00A0"],
      blank: ["\n\n", "\n \n  ", "\n\n\n\n", " \n\t\n\n    "],
      "same-line-or-break": [" ", "\t ", "  ", "\n", "\n      ", "  \n  "],
      anything: ["", " ", "\t", "\n", "\n\n", "\n\n\n  ", "   \n \t"],
      edge: ["", "\n", "\n\n\n", "  \n\t", " "],
    };

    /**
     * For each gap of a canonical text, the whitespace the formatter must treat as the same layout. It keeps
     * line breaks next to comments, blank lines, and whether a simple block was written on one line; every
     * other choice of spaces, tabs and line breaks must come out the same.
     */
    function gapVariants(text: string): { items: LayoutItem[]; variants: Variant[] } {
      const parsed = parse(text);
      const items = layoutItems(parsed);
      const gapAt = (k: number): string => text.slice(k === 0 ? 0 : items[k - 1].end, k === items.length ? text.length : items[k].start);
      const inSimpleBlock = new Array<boolean>(items.length + 1).fill(false);
      const open: number[] = [];
      items.forEach((it, k) => {
        if (it.image === "{" && it.kind === "token") open.push(k);
        if (it.image === "}" && it.kind === "token") {
          const o = open.pop()!;
          const inner = items.slice(o + 1, k);
          if (inner.every((x) => x.kind === "token" && x.image !== "{")) for (let g = o + 1; g <= k; g++) inSimpleBlock[g] = true;
        }
      });
      const variants: Variant[] = [];
      for (let k = 0; k <= items.length; k++) {
        const gap = gapAt(k);
        const breaks = (gap.match(/\n/g) ?? []).length;
        const byClass: Variant = breaks === 0 ? (gap === "" ? "same-line-or-none" : "same-line") : breaks === 1 ? "one-break" : "blank";
        if (k === 0 || k === items.length) variants.push("edge");
        else if (items[k - 1].kind !== "token" || items[k].kind !== "token" || inSimpleBlock[k]) variants.push(byClass);
        else if (breaks >= 2) variants.push("blank");
        else variants.push(gap === "" ? "anything" : "same-line-or-break");
      }
      return { items, variants };
    }

    function perturb(text: string, items: LayoutItem[], variants: Variant[], picks: number[]): string {
      const parts: string[] = [];
      for (let k = 0; k <= items.length; k++) {
        const choices = CHOICES[variants[k]];
        parts.push(choices[picks[k] % choices.length]);
        if (k < items.length) parts.push(text.slice(items[k].start, items[k].end));
      }
      return parts.join("");
    }

    for (const { file, text } of canonical) {
      it(`${file}: any layout the formatter does not keep comes out as the canonical text`, () => {
        const { items, variants } = gapVariants(text);
        fc.assert(
          fc.property(fc.array(fc.nat(), { minLength: items.length + 1, maxLength: items.length + 1 }), (picks) => {
            const messy = perturb(text, items, variants, picks);
            const out = formatted(messy);
            assertLossless(messy, out);
            assert.strictEqual(out, text);
          }),
          { numRuns: 25 },
        );
      });
    }

    it("any layout at all: the result is lossless, idempotent, and has no trailing whitespace", () => {
      const shapes = canonical.map(({ text }) => ({ text, items: layoutItems(parse(text)) }));
      fc.assert(
        fc.property(fc.nat(shapes.length - 1), fc.array(fc.nat(), { minLength: 2000, maxLength: 2000 }), (which, picks) => {
          const { text, items } = shapes[which];
          const variants: Variant[] = items.map((_, k) =>
            k > 0 && items[k - 1].kind === "line-comment" ? "one-break" : text.slice(k === 0 ? 0 : items[k - 1].end, items[k].start) === "" ? "anything" : "same-line-or-break",
          );
          variants.push("edge");
          const messy = perturb(text, items, variants, items.map((_, k) => picks[k % picks.length] + k));
          const out = formatted(messy);
          assertLossless(messy, out);
          assert.deepStrictEqual(format(out), { text: out, changed: false });
          assert.ok(out.endsWith("\n") && !/[ \t]$/m.test(out));
          for (const line of out.split("\n")) assert.ok(/^( {2})*\S|^$/.test(line), `indentation by two spaces: '${line}'`);
        }),
        { numRuns: 40 },
      );
    });
  });
});
