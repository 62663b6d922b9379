// Incremental re-parsing (issue 13) against a full analysis of the same text, after every edit of random
// edit sequences: typing, deleting, pasting blocks, breaking and repairing braces. What the server shows
// — findings, outline, folding, semantic tokens — and the parse itself must be the same either way.
// COVENANT_FUZZ_SEED replays a failure fast-check reported.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { diskHost, toUri } from "../../server/src/cli/files";
import { allFindings } from "../../server/src/analysis/analyse";
import { changeBetween } from "../../server/src/core/incremental";
import { parse, ParseOutput } from "../../server/src/core/parser";
import { Program } from "../../server/src/core/program";
import type { DocumentAnalysis } from "../../server/src/features/analysis";
import { foldingRanges } from "../../server/src/features/folding";
import { semanticTokens } from "../../server/src/features/semantic-tokens";
import { documentSymbols } from "../../server/src/features/symbols";
import { generateContract } from "../../bench/generate";
import { generateLog } from "../../bench/generate-log";

const ROOT = path.resolve(__dirname, "../../..");
const TODAY = "2026-01-10";
const seed = process.env.COVENANT_FUZZ_SEED ? Number(process.env.COVENANT_FUZZ_SEED) : undefined;

const SAMPLES = ["northwind.covenant", "northwind-log.covenant", "broken-log.covenant", "globex-hosting.covenant", "broken.covenant"].map((f) => path.join(ROOT, "samples", f));
const BASES: { file: string; text: string }[] = [
  ...SAMPLES.map((file) => ({ file, text: fs.readFileSync(file, "utf8") })),
  { file: path.join(ROOT, "samples", "generated.covenant"), text: generateContract({ seed: 3, lines: 300 }) },
];

const PASTES = [
  '\n  service extra "Extra" {\n    criticality high\n  }\n',
  "\n    sla x {\n      metric \"Up\" >= 99.5%\n    }\n",
  "\n    person q \"Q Q\" { email \"q@example.com\" }\n",
  "\n  matter m9 {\n    service desk\n    note 2026-01-05T10:00Z \"pasted\"\n  }\n",
  " { } ",
  "/* a comment */",
  "/// a doc comment\n",
  '"',
];
const TYPED = "abcxyz019 \n{};.\"/*-%:";

/** One edit, read against the current text: the numbers pick offsets, lengths and what is typed. */
type EditSpec = { kind: "type" | "label" | "name" | "delete" | "paste" | "brace" | "repair" | "copy"; a: number; b: number; c: number };

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  kind: fc.constantFrom("type", "type", "label", "label", "name", "name", "delete", "delete", "paste", "brace", "repair", "copy"),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

interface Doc {
  text: string;
  /** A brace taken out by a "brace" edit, for "repair" to put back. */
  removed?: { at: number; brace: string };
}

/** Applies the edit: the text after it. */
function apply(doc: Doc, e: EditSpec): string {
  const t = doc.text;
  const at = t.length === 0 ? 0 : e.a % (t.length + 1);
  switch (e.kind) {
    case "type": {
      // A word or a character, as typed one key at a time: the caller applies each prefix.
      const ch = TYPED[e.b % TYPED.length];
      return t.slice(0, at) + ch + t.slice(at);
    }
    case "label": {
      // Into the text of the next string (a label, a title): the file stays well-formed.
      const quote = t.indexOf('"', at);
      if (quote < 0) return t;
      return t.slice(0, quote + 1) + "Xy z"[e.b % 4] + t.slice(quote + 1);
    }
    case "name": {
      // Into the next name or word (it may then name nothing: a reference error, not a syntax error).
      const m = /[a-z][a-z0-9]+/g;
      m.lastIndex = at;
      const w = m.exec(t);
      if (!w) return t;
      const i = w.index + 1 + (e.b % (w[0].length - 1));
      return t.slice(0, i) + "q" + t.slice(i);
    }
    case "delete":
      return t.slice(0, at) + t.slice(Math.min(t.length, at + 1 + (e.b % 12)));
    case "paste": {
      const lineStart = t.lastIndexOf("\n", at - 1) + 1;
      return t.slice(0, lineStart) + PASTES[e.b % PASTES.length] + t.slice(lineStart);
    }
    case "copy": {
      // Paste a copy of a run of lines from elsewhere in the file.
      const lines = t.split("\n");
      const from = e.b % lines.length;
      const run = lines.slice(from, from + 1 + (e.c % 8)).join("\n") + "\n";
      const lineStart = t.lastIndexOf("\n", at - 1) + 1;
      return t.slice(0, lineStart) + run + t.slice(lineStart);
    }
    case "brace": {
      const braces: number[] = [];
      for (let i = 0; i < t.length; i++) if (t[i] === "{" || t[i] === "}") braces.push(i);
      if (braces.length === 0) return t;
      const i = braces[e.b % braces.length];
      doc.removed = { at: i, brace: t[i] };
      return t.slice(0, i) + t.slice(i + 1);
    }
    case "repair": {
      const r = doc.removed;
      doc.removed = undefined;
      if (!r || r.at > t.length) return t;
      return t.slice(0, r.at) + r.brace + t.slice(r.at);
    }
  }
}

/** The parse without what is only the parser's business: the tree and its lists, offsets included. */
function parseJson(p: ParseOutput): string {
  return JSON.stringify({ file: p.file, syntaxErrors: p.syntaxErrors, repeats: p.repeats, values: p.values, statementStarts: p.statementStarts });
}

/** A log of the northwind sample with one matter ("first", a note "Waiting"), then `rest`. */
function logOfNorthwind(rest: string[]): string {
  return [
    'import "northwind.covenant"',
    "log northwind-msa {",
    '  matter first "First" {',
    "    raised 2025-11-03 10:00 by northwind.ops",
    '    note 2025-11-04 09:00 "Waiting"',
    "  }",
    ...rest,
    "}",
    "",
  ].join("\n");
}

function analysisOf(program: Program, uri: string, text: string): DocumentAnalysis {
  program.setOverlay(uri, text);
  const linked = program.link(uri)!;
  const findings = allFindings(linked, { today: TODAY });
  return { uri, text, linked, findings, today: TODAY };
}

/** Equal strings, or a failure that shows where they first differ (the parses are long). */
function sameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  assert.fail(`${what}: differs at ${i}:\n  incremental …${actual.slice(Math.max(0, i - 300), i + 200)}\n  full        …${expected.slice(Math.max(0, i - 300), i + 200)}`);
}

/** What the editor shows for a document. */
function shown(a: DocumentAnalysis): Record<string, unknown> {
  return {
    findings: a.findings.map((f) => ({ uri: f.uri, range: f.range, code: f.code, severity: f.severity, message: f.message, fix: f.fix?.edits })),
    symbols: documentSymbols(a.linked.file.parsed.file),
    folding: foldingRanges(a.linked.file.parsed, a.text),
    semanticTokens: semanticTokens(a),
    tokens: a.linked.file.parsed.tokens.map((t) => [t.startOffset, t.image, t.tokenType.name]),
    comments: a.linked.file.parsed.comments.map((t) => [t.startOffset, t.image]),
  };
}

describe("incremental analysis (issue 13)", function () {
  this.timeout(120_000);

  it("changeBetween finds the one replaced span", () => {
    assert.deepEqual(changeBetween("abcdef", "abXYdef"), { start: 2, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changeBetween("aaa", "aaaa"), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changeBetween("abc", ""), { start: 0, oldEnd: 3, newEnd: 0 });
    assert.equal(changeBetween("same", "same"), undefined);
  });

  it("after every edit of random sequences, the incremental analysis equals a full analysis", () => {
    let reused = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(editSpec, { minLength: 1, maxLength: 14 }), (base, specs) => {
        const { file, text } = BASES[base];
        const uri = toUri(file);
        const incremental = new Program(diskHost, { incremental: true });
        const doc: Doc = { text };
        analysisOf(incremental, uri, text);
        let before = incremental.load(uri)!;
        for (const spec of specs) {
          // Typing a word is several edits: each character is one.
          const steps = spec.kind === "type" ? 1 + (spec.c % 4) : 1;
          for (let s = 0; s < steps; s++) {
            const next = apply(doc, s === 0 ? spec : { ...spec, a: (spec.a % (doc.text.length + 1)) + s, b: spec.b + s });
            doc.text = next;
            const full = analysisOf(new Program(diskHost), uri, next);
            const inc = analysisOf(incremental, uri, next);
            edits++;
            if (inc.linked.file.parsed.file === before.parsed.file) reused++;
            before = inc.linked.file;
            sameText(parseJson(inc.linked.file.parsed), parseJson(parse(next)), `parse after ${JSON.stringify(spec)}`);
            sameText(JSON.stringify(shown(inc)), JSON.stringify(shown(full)), `analysis after ${JSON.stringify(spec)}`);
          }
        }
      }),
      { numRuns: 40, seed, endOnFailure: true },
    );
    // The reuse must actually happen (about a tenth of these random edits: many leave a block broken, and
    // every later edit inside a broken block, or inside a block that holds one, parses the whole text).
    assert.ok(reused > edits / 20, `only ${reused} of ${edits} edits reused the tree`);
  });

  it("typing into a label of a generated 5,000-line contract reuses the tree on every keystroke", () => {
    const uri = "file:///bench/contract-5k.covenant";
    let text = generateContract({ seed: 5, lines: 5_000 });
    const program = new Program({ read: () => undefined }, { incremental: true });
    program.setOverlay(uri, text);
    const first = program.load(uri)!.parsed.file;
    const at = text.indexOf('"Monthly availability"', text.length >> 1) + 1;
    for (const ch of "faster") {
      text = text.slice(0, at) + ch + text.slice(at);
      program.setOverlay(uri, text);
      assert.equal(program.load(uri)!.parsed.file, first);
    }
    sameText(parseJson(program.load(uri)!.parsed), parseJson(parse(text)), "parse");
  });

  it("in a big log, a line typed between two matters re-parses the log block alone, and equals a full parse", () => {
    // The log block holds thousands of values and statements: more than a call's arguments can carry.
    const uri = "file:///bench/ten-year-log.covenant";
    const g = generateLog({ seed: 3, matters: 300, events: 3_000, measurements: 600, contractLines: 200 });
    let text = g.log;
    const program = new Program({ read: () => undefined }, { incremental: true });
    program.setOverlay(uri, text);
    const first = program.load(uri)!.parsed;
    assert.ok(first.values.length > 2_000, `the log holds ${first.values.length} values`);
    const typeAt = (at: number, typed: readonly string[]): void => {
      for (const piece of typed) {
        text = text.slice(0, at) + piece + text.slice(at);
        program.setOverlay(uri, text);
        assert.equal(program.load(uri)!.parsed.file, first.file, `the tree is reused after typing ${JSON.stringify(piece)}`);
      }
      sameText(parseJson(program.load(uri)!.parsed), parseJson(parse(text)), "parse");
    };
    // Into a note (one matter is parsed again) ...
    typeAt(text.indexOf('"', text.indexOf("note ", text.length >> 1)) + 1, ["t", "y", "p", "e", "d", " "]);
    // ... and a comment pasted between two matters, then typed into (the log block is parsed again).
    const between = text.indexOf("\n  matter ", text.length >> 1) + 1;
    typeAt(between, ["  // between matters\n"]);
    typeAt(between + "  // between".length, ["!", "!"]);
  });

  it("a log's measurements are linked and evaluated again only when a statement or a measurements file changed", () => {
    const files: Record<string, string> = {
      "northwind.covenant": fs.readFileSync(path.join(ROOT, "samples", "northwind.covenant"), "utf8"),
      "log.covenant": logOfNorthwind(["  measure eud.p2-fix 2025-09 96%", '  measurements eud.p2-fix "m.csv"']),
      "m.csv": "period,value\n2025-10,93%\n",
    };
    const WS = "file:///ws/";
    const host = { read: (uri: string): string | undefined => files[uri.slice(WS.length)] };
    const uri = WS + "log.covenant";
    const program = new Program(host, { incremental: true });
    let text = files["log.covenant"];
    const breaches = (a: DocumentAnalysis): string[] => a.findings.filter((f) => f.code === "SLM001").map((f) => f.message);
    const check = (what: string): DocumentAnalysis => {
      const inc = analysisOf(program, uri, text);
      sameText(JSON.stringify(shown(inc)), JSON.stringify(shown(analysisOf(new Program(host), uri, text))), what);
      return inc;
    };
    const first = check("first analysis");
    assert.equal(breaches(first).length, 1, "October's 93% misses the 95% target");
    const measurements = first.linked.logs[0].measurements;
    // A keystroke in the matter: the measurements are the ones linked before.
    const at = text.indexOf('"Waiting"') + 1;
    text = text.slice(0, at) + "Still w" + text.slice(at + 1);
    assert.equal(check("after typing into the matter").linked.logs[0].measurements, measurements);
    // The file changed on disk: October now meets the target.
    files["m.csv"] = "period,value\n2025-10,97%\n";
    const fixed = check("after the measurements file changed");
    assert.notEqual(fixed.linked.logs[0].measurements, measurements);
    assert.deepEqual(breaches(fixed), []);
    // A measure statement changed: September now misses it.
    text = text.replace("2025-09 96%", "2025-09 90%");
    assert.equal(breaches(check("after editing a measure")).length, 1);
  });

  it("typing into one matter of a log keeps the other matters' links, and their quick fixes move with them", () => {
    // The log is written beside the sample contract it imports, so both programs read the same contract.
    const uri = toUri(path.join(ROOT, "samples", "typing-into-a-log.covenant"));
    let text = logOfNorthwind(['  matter second "Second" {', "    raised 2025-11-05 10:00 by northwind.ops", "    escalated 2025-11-06 10:00 to managment", "  }"]);
    const program = new Program(diskHost, { incremental: true });
    const second = (): unknown => analysisOf(program, uri, text).linked.logs[0].matters[1];
    const kept = second();
    const at = text.indexOf('"Waiting"') + 1;
    for (const ch of "still ") {
      text = text.slice(0, at) + ch + text.slice(at);
      assert.equal(second(), kept, "the second matter is linked once");
      const inc = analysisOf(program, uri, text);
      const full = analysisOf(new Program(diskHost), uri, text);
      sameText(JSON.stringify(shown(inc)), JSON.stringify(shown(full)), `analysis after typing '${ch}'`);
      const typo = inc.findings.find((f) => f.code === "REF001")!;
      const edit = typo.fix!.edits[0];
      assert.equal(text.slice(edit.start, edit.end), "managment");
      assert.equal(edit.text, "management");
    }
  });
});
