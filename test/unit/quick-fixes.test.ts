// Every quick fix a check offers, applied to every sample and fixture: the file still parses and links
// with no new built-in error, the finding it fixes is gone, and the inserted lines are well indented.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { Finding, TextEdit } from "../../server/src/core/findings";
import type { Linked } from "../../server/src/core/link";
import { isBuiltinCode } from "../../server/src/core/findings";
import { Program } from "../../server/src/core/program";
import * as T from "../../server/src/core/tokens";
import { allFindings } from "../../server/src/analysis/analyse";
import { CHECKS } from "../../server/src/analysis/registry";
import { diskHost } from "../../server/src/cli/files";
import { analyseFile, covenantFiles, EXAMPLES_TODAY } from "../helpers/expectations";
import { fixture, sample } from "../helpers/paths";
import { linkFiles, WS, memoryProgram } from "../helpers/memory";
import { format } from "../../server/src/format";

/** The rows of checks.md whose quick fix is "(none)". */
const WITHOUT_FIX = new Set(["ESC002", "ESC006", "ESC007", "ESC010", "PPL001", "PPL002", "GOV002", "GOV003", "RAC001",
  // The checks of a relationship log without an obvious fix (operations.md lists none).
  "MAT001", "MAT002", "MAT003", "MAT004", "MAT005", "MAT006", "MAT007", "MAT009", "MAT011", "EWL001", "EWL002", "SLM001", "SLM002", "SLM003"]);

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].end <= sorted[i - 1].start, "edits overlap");
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Where an offset of the old text lands after the edits (insertions at the offset push it along). */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.end <= offset) delta += e.text.length - (e.end - e.start);
  return offset + delta;
}

function count(findings: readonly Finding[], code: string): number {
  return findings.filter((f) => f.code === code).length;
}

/** Lines that start inside inserted text must be indented two spaces per open brace. */
function badIndentation(linked: Linked, edits: readonly TextEdit[]): string[] {
  const text = linked.file.text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // The inserted regions, in the new text's offsets.
  const regions: { start: number; end: number }[] = [];
  let shift = 0;
  for (const e of sorted) {
    regions.push({ start: e.start + shift, end: e.start + shift + e.text.length });
    shift += e.text.length - (e.end - e.start);
  }
  const braces = linked.file.parsed.tokens.filter((t) => t.tokenType === T.LBrace || t.tokenType === T.RBrace);
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const lineStart = i === 0 || text[i - 1] === "\n";
    if (!lineStart) continue;
    if (!regions.some((r) => i >= r.start && i < r.end)) continue;
    const lineEnd = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    const content = text.slice(i, lineEnd).replace(/\r$/, "");
    if (content.trim() === "") continue;
    let depth = 0;
    for (const b of braces) {
      if (b.startOffset >= i) break;
      depth += b.tokenType === T.LBrace ? 1 : -1;
    }
    if (content.trim().startsWith("}")) depth--;
    const indent = /^ */.exec(content)![0].length;
    if (indent !== 2 * depth) out.push(`'${content}' is indented ${indent}, expected ${2 * depth}`);
  }
  return out;
}

function checkFix(file: string, linked: Linked, before: Finding[], f: Finding): void {
  // A log's fix may edit its contract in another file: those edits are applied to that file.
  const edits = f.fix!.edits.filter((e) => !e.uri || e.uri === linked.uri);
  const program = new Program(diskHost);
  for (const uri of new Set(f.fix!.edits.map((e) => e.uri).filter((u): u is string => !!u && u !== linked.uri))) {
    program.setOverlay(uri, applyEdits(program.load(uri)!.text, f.fix!.edits.filter((e) => e.uri === uri)));
  }
  const text = applyEdits(linked.file.text, edits);
  const after = program.linkText(linked.uri, text);
  const findings = allFindings(after, { today: EXAMPLES_TODAY });
  for (const code of new Set([...before, ...findings].map((x) => x.code).filter(isBuiltinCode))) {
    assert.ok(count(findings, code) <= count(before, code), `${f.code} fix "${f.fix!.title}" adds ${code}:\n${findings.filter((x) => x.code === code).map((x) => x.message).join("\n")}\n---\n${text}`);
  }
  const at = mapOffset(f.range.start, edits);
  assert.ok(!findings.some((g) => g.code === f.code && g.range.start === at), `${f.code} is still reported after "${f.fix!.title}"\n---\n${text}`);
  assert.ok(count(findings, f.code) < count(before, f.code), `${f.code} fix "${f.fix!.title}" does not reduce the findings\n---\n${text}`);
  assert.deepEqual(badIndentation(after, edits), [], `${path.basename(file)}: ${f.code} "${f.fix!.title}"\n---\n${text}`);
  // A file the formatter accepts stays exactly as the fix left it: the fix wrote the canonical layout.
  const original = format(linked.file.text);
  const formatted = format(text);
  if ("text" in formatted && "text" in original && !original.changed) assert.equal(formatted.changed, false, `${f.code} "${f.fix!.title}" is not in the canonical layout\n---\n${text}`);
}

describe("quick fixes", () => {
  const files = [...covenantFiles(sample()), ...covenantFiles(fixture("checks"))];
  const offered = new Set<string>();
  for (const file of files) {
    const { linked, findings } = analyseFile(file);
    const fixable = findings.filter((f) => f.fix);
    for (const f of fixable) offered.add(f.code);
    if (fixable.length === 0) continue;
    describe(path.relative(path.resolve(__dirname, "../../.."), file), () => {
      for (const f of fixable) {
        it(`${f.code} at ${f.range.start}: ${f.fix!.title}`, () => checkFix(file, linked, findings, f));
      }
    });
  }

  it("no finding of a check whose spec row has no fix carries one, and every other check offers its fix somewhere", () => {
    const all = files.flatMap((file) => analyseFile(file).findings);
    for (const f of all) if (WITHOUT_FIX.has(f.code)) assert.equal(f.fix, undefined, f.code);
    for (const check of CHECKS) if (!WITHOUT_FIX.has(check.code)) assert.ok(offered.has(check.code), `no ${check.code} fix offered on any fixture`);
  });

  describe("layout", () => {
    const fixOf = (text: string, code: string, files: Record<string, string> = {}): string => {
      const linked = linkFiles({ "main.covenant": text, ...files }, "main.covenant");
      const f = allFindings(linked, { today: EXAMPLES_TODAY }).find((x) => x.code === code && x.fix);
      assert.ok(f, `no ${code} fix`);
      return applyEdits(text, f.fix!.edits);
    };

    it("inserts a missing dispute block before the contract's closing brace, one statement per line", () => {
      const text = 'contract c "C" {\n  party a "A" customer { person x "X" }\n  party b "B" supplier { person y "Y" }\n}\n';
      assert.equal(fixOf(text, "DSP001"), [
        'contract c "C" {',
        '  party a "A" customer { person x "X" }',
        '  party b "B" supplier { person y "Y" }',
        "",
        "  dispute {",
        "    notice written",
        "    mediation {",
        '      provider "…"',
        "      start within 20 business days",
        "    }",
        "    arbitration {",
        '      rules "…"',
        '      seat "…"',
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"));
    });

    it("keeps a short one-line block on one line, in canonical statement order", () => {
      const text = 'contract c "C" {\n  party a "A" customer { role r { holder x level operational } person x "X" }\n  party b "B" supplier { role s { holder y level operational } person y "Y" }\n  escalation e {\n    tier one { customer r supplier s forum f }\n  }\n}\n';
      const fixed = fixOf(text, "ESC005");
      assert.ok(fixed.includes("    tier one { customer r supplier s within 10 business days forum f }\n"), fixed);
    });

    it("lays a one-line block out on several lines when a block goes into it", () => {
      const text = 'contract c "C" {\n  party a "A" customer { person x "X" }\n  party b "B" supplier { person y "Y" }\n  service web "Web" { criticality high }\n}\n';
      const fixed = fixOf(text, "SLA005");
      assert.ok(fixed.includes('  service web "Web" {\n    criticality high\n    sla availability "Availability" {\n      metric "Availability" >= 99.9%\n'), fixed);
      assert.ok(fixed.includes("      measured-by b\n"), fixed);
    });

    it("writes the file's own line endings", () => {
      const text = 'contract c "C" {\r\n  party a "A" customer { person x "X" }\r\n  party b "B" supplier { person y "Y" }\r\n}\r\n';
      const fixed = fixOf(text, "CNT001");
      assert.ok(fixed.includes("\r\n  continuity {\r\n    services continue\r\n"), JSON.stringify(fixed));
      assert.ok(!/[^\r]\n/.test(fixed), "a bare line feed was inserted");
    });

    it("follows the file's own indentation inside a block", () => {
      const text = 'contract c "C" {\n    party a "A" customer { person x "X" }\n    party b "B" supplier { person y "Y" }\n    records {\n        keep decisions\n        retain 6 years\n    }\n}\n';
      const linked = memoryProgram({ "main.covenant": text }).link(WS + "main.covenant")!;
      const f = allFindings(linked, { today: EXAMPLES_TODAY }).find((x) => x.code === "REC001")!;
      assert.equal(applyEdits(text, f.fix!.edits).split("\n")[4], "        keep decisions, change-requests, minutes");
    });

    it("moves an existing mediation step before arbitration rather than adding a second one", () => {
      const text = [
        'contract c "C" {',
        '  party a "A" customer { person x "X" }',
        '  party b "B" supplier { person y "Y" }',
        "  dispute {",
        '    arbitration { rules "R" seat "S" }',
        '    mediation { provider "P" }',
        "  }",
        "}",
        "",
      ].join("\n");
      const fixed = fixOf(text, "DSP003");
      assert.ok(fixed.includes('  dispute {\n    mediation { provider "P" }\n    arbitration { rules "R" seat "S" }\n  }\n'), fixed);
    });

    it("proposes no fix for a calendar declared in another file", () => {
      const text = 'import "cal.covenant"\ncontract c "C" {\n  calendar shared\n  party a "A" customer { person x "X" }\n  party b "B" supplier { person y "Y" }\n  termination { for-cause cure 10 business days exit-assistance 3 months }\n}\n';
      const linked = linkFiles({ "main.covenant": text, "cal.covenant": 'calendar shared { workdays mon-fri }\n' }, "main.covenant");
      const f = allFindings(linked, { today: EXAMPLES_TODAY }).find((x) => x.code === "CAL001");
      assert.ok(f, "CAL001 on the calendar reference");
      assert.equal(text.slice(f.range.start, f.range.end), "shared");
      assert.equal(f.fix, undefined);
    });
  });
});
