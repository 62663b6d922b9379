// Issue 15: a mistyped block keyword at any depth is skipped as one unit — one SYN001 at the typo, and
// the rest of the file analysed as if the block were absent (the enclosing block, holding a syntax error,
// silences the checks that read it; that is allowed, a new finding is not).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { Program } from "../../server/src/core/program";
import type { Finding } from "../../server/src/core/findings";
import { walkBlocks } from "../../server/src/core/walk";
import { BLOCK_KINDS, BLOCK_STATEMENTS, BlockKind } from "../../server/src/core/statements";
import { allFindings } from "../../server/src/analysis/analyse";
import { diskHost, toUri } from "../../server/src/cli/files";
import { EXAMPLES_TODAY } from "../helpers/expectations";
import { sample } from "../helpers/paths";

const ALL_KEYWORDS = new Set<string>(BLOCK_KINDS.flatMap((b) => [...BLOCK_STATEMENTS[b]]));

function findingsOf(file: string, text: string): Finding[] {
  return allFindings(new Program(diskHost).linkText(toUri(file), text), { today: EXAMPLES_TODAY });
}

const key = (f: Finding, start: number): string => `${f.code}@${start}: ${f.message}`;

interface Case { file: string; text: string; kind: string; parent: BlockKind; keyword: { start: number; end: number }; range: { start: number; end: number } }

const SAMPLES = fs.readdirSync(sample()).filter((f) => f.endsWith(".covenant")).map((f) => sample(f));

function cases(): Case[] {
  const out: Case[] = [];
  for (const file of SAMPLES) {
    const text = fs.readFileSync(file, "utf8");
    const parsed = new Program(diskHost).linkText(toUri(file), text).file.parsed;
    walkBlocks(parsed.file, (node, parent) => {
      // Top-level blocks have no enclosing body to recover in; a block without braces is a statement.
      if (!parent || node.incomplete || !text.slice(node.range.start, node.range.end).endsWith("}")) return;
      out.push({ file, text, kind: node.kind, parent: parent.kind as BlockKind, keyword: node.keyword, range: node.range });
    });
  }
  return out;
}

describe("recovery: a mistyped block stays local", () => {
  it("`sal availability {` inside a service: one SYN001 at the typo, and the contract after it still checked", () => {
    const file = sample("globex-hosting.covenant");
    const text = fs.readFileSync(file, "utf8").replace("    sla availability", "    sal availability");
    const findings = findingsOf(file, text);
    assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), ["SYN001 'sal' is not a statement of a service; did you mean 'sla'?"]);
    assert.equal(findings[0].range.start, text.indexOf("sal availability"));
  });

  it("a block keyword of an enclosing block is an unclosed block, not a mistyped one", () => {
    const file = sample("globex-hosting.covenant");
    const text = 'contract c "C" {\n  party a "A" customer {\n    person x "X"\n  party b "B" supplier { person y "Y" }\n}\n';
    const messages = findingsOf(file, text).filter((f) => f.code === "SYN001").map((f) => f.message);
    assert.ok(!messages.some((m) => m.includes("'party' is not a statement")), messages.join("; "));
  });

  const all = cases();
  it("holds for every block of the samples (property)", function () {
    this.timeout(120000);
    assert.ok(all.length > 40, `enough blocks to misspell (${all.length})`);
    const clean = new Map<string, Finding[]>();
    const deleted = new Map<Case, Finding[]>();
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.nat(), fc.integer({ min: 0, max: 25 }), fc.boolean(), (c, at, letter, swap) => {
        const word = c.text.slice(c.keyword.start, c.keyword.end);
        const i = at % word.length;
        const typo = swap && i + 1 < word.length
          ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
          : word.slice(0, i) + String.fromCharCode(97 + letter) + word.slice(i + 1);
        fc.pre(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(typo) && !ALL_KEYWORDS.has(typo));
        const misspelt = c.text.slice(0, c.keyword.start) + typo + c.text.slice(c.keyword.end);
        const before = clean.get(c.file) ?? findingsOf(c.file, c.text);
        clean.set(c.file, before);
        const length = c.range.end - c.range.start;
        const without = deleted.get(c) ?? findingsOf(c.file, c.text.slice(0, c.range.start) + c.text.slice(c.range.end));
        deleted.set(c, without);
        const allowed = new Set([
          ...before.map((f) => key(f, f.range.start)),
          ...without.map((f) => key(f, f.range.start >= c.range.start ? f.range.start + length : f.range.start)),
        ]);
        const after = findingsOf(c.file, misspelt);
        const where = `${path.basename(c.file)}: '${word}' → '${typo}' at ${c.keyword.start}`;
        const newSyntax = after.filter((f) => f.code === "SYN001" && !before.some((b) => key(b, b.range.start) === key(f, f.range.start)));
        assert.deepEqual(newSyntax.map((f) => f.range.start), [c.keyword.start], `${where}: ${newSyntax.map((f) => f.message).join("; ")}`);
        const outside = after.filter((f) => f.code !== "SYN001" && (f.range.start < c.range.start || f.range.start >= c.range.end));
        const unexpected = outside.filter((f) => !allowed.has(key(f, f.range.start)));
        assert.deepEqual(unexpected.map((f) => `${f.code} ${f.message}`), [], where);
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it("a role whose holder is written but does not resolve is REF001 only, not PPL001 'has no holder'", () => {
    const file = sample("globex-hosting.covenant");
    const text = fs.readFileSync(file, "utf8").replace(/holder hill\b/, "holder rhil");
    const findings = findingsOf(file, text);
    assert.deepEqual(findings.filter((f) => f.code === "REF001").map((f) => f.range.start), [text.indexOf("rhil")]);
    assert.deepEqual(findings.filter((f) => f.code === "PPL001").map((f) => f.message), []);
  });

  it("GOV002 says the negotiator is not a member of any board, not that they hold no role", () => {
    const file = path.join(path.dirname(sample()), "test", "fixtures", "checks", "GOV002-fires.covenant");
    const text = fs.readFileSync(file, "utf8");
    const messages = findingsOf(file, text).filter((f) => f.code === "GOV002").map((f) => f.message);
    assert.ok(messages.length > 0 && messages.every((m) => m.includes("is not a member of any board")), messages.join("; "));
  });
});
