// The editor features on plain data: text in, offsets and labels out, no server and no LSP types.
import * as assert from "node:assert/strict";
import { Program } from "../../server/src/core/program";
import { allFindings } from "../../server/src/analysis/analyse";
import type { DocumentAnalysis, WorkspaceView } from "../../server/src/features/analysis";
import { complete, relativePath } from "../../server/src/features/completion";
import { hover } from "../../server/src/features/hover";
import { elapsedHint } from "../../server/src/features/ladder";
import { mergeFixes, codeActions } from "../../server/src/features/code-actions";
import { documentSymbols } from "../../server/src/features/symbols";
import { rename, prepareRename, applyEdits } from "../../server/src/features/rename";
import { references, definition } from "../../server/src/features/navigation";
import { foldingRanges } from "../../server/src/features/folding";
import { codeLenses } from "../../server/src/features/code-lens";
import { documentLinks } from "../../server/src/features/document-links";
import { inlayHints } from "../../server/src/features/inlay-hints";
import { semanticTokens } from "../../server/src/features/semantic-tokens";
import type { Finding } from "../../server/src/core/findings";

/** An in-memory workspace: files by URI; the document under test is the first. */
function workspace(files: Record<string, string>): { view: WorkspaceView; analyse(uri: string, today?: string): DocumentAnalysis } {
  const program = new Program({ read: (uri) => files[uri] });
  const view: WorkspaceView = {
    load: (uri) => program.load(uri),
    link: (uri) => program.link(uri),
    files: () => Object.keys(files),
    resolveImport: (from, p) => program.resolveImport(from, p),
  };
  return {
    view,
    analyse(uri, today = "2026-01-01") {
      const linked = program.link(uri)!;
      return { uri, text: files[uri], linked, findings: allFindings(linked, { today }), today };
    },
  };
}

/** One document with a `<|>` cursor. */
function at(source: string, others: Record<string, string> = {}): { a: DocumentAnalysis; offset: number; view: WorkspaceView } {
  const offset = source.indexOf("<|>");
  const text = source.replace("<|>", "");
  const ws = workspace({ "file:///w/doc.covenant": text, ...others });
  return { a: ws.analyse("file:///w/doc.covenant"), offset, view: ws.view };
}

const PARTIES = `
  party c "Cust" customer {
    person ann "Ann" { title "CIO" }
    person bob "Bob" { left 2020-01-01 }
    role ops "Ops" { holder bob deputy ann level operational }
    role cio { holder ann level executive }
  }
  party s "Supp" supplier {
    person sue "Sue"
    role am { holder sue level operational }
  }`;

const labels = (r: { items: { label: string }[] }): string[] => r.items.map((i) => i.label);

describe("features on plain data", () => {
  describe("completion", () => {
    it("knows which side a tier's contact is on", () => {
      const { a, offset } = at(`contract k {${PARTIES}\n  escalation e { tier t { customer ops supplier <|> } }\n}`);
      assert.deepEqual(labels(complete(a, offset)), ["am"]);
    });

    it("replaces only the part of a hyphenated word already typed", () => {
      const { a, offset } = at(`contract k {\n  early-war<|>\n}`);
      const r = complete(a, offset);
      assert.deepEqual(r.replace, { start: offset - "early-war".length, end: offset });
      assert.ok(labels(r).includes("early-warning"));
    });

    it("offers nothing inside a comment or an ordinary string", () => {
      assert.deepEqual(labels(complete(at(`contract k { // customer <|>\n}`).a, at(`contract k { // customer <|>\n}`).offset)), []);
      const s = at(`contract k { law "England <|>and Wales" }`);
      assert.deepEqual(labels(complete(s.a, s.offset)), []);
    });

    it("offers the workspace's files inside an import string, as paths relative to the file", () => {
      const s = at(`import "<|>"`, { "file:///w/org/people.covenant": "", "file:///other/x.covenant": "" });
      assert.deepEqual(labels(complete(s.a, s.offset, { workspace: s.view })).sort(), ["../other/x.covenant", "org/people.covenant"]);
      assert.equal(relativePath("file:///a/b/c.covenant", "file:///a/d/e%20f.covenant"), "../d/e f.covenant");
    });

    it("offers unit words after the number of a duration, and only hours or days after `business`", () => {
      const s = at(`contract k { termination { exit-assistance 3 <|> } }`);
      assert.ok(labels(complete(s.a, s.offset)).includes("months"));
      const b = at(`contract k { termination { exit-assistance 3 business <|> } }`);
      assert.deepEqual(labels(complete(b.a, b.offset)), ["days", "hours"]);
    });
  });

  describe("hover", () => {
    it("shows who stands in when a role's holder has left", () => {
      const { a, offset } = at(`contract k {${PARTIES}\n  governance { board b { members c.o<|>ps, s.am meets weekly } }\n}`);
      const h = hover(a, offset)!;
      assert.match(h.markdown, /Holder: Bob — \*\*has left\*\* \(2020-01-01\)/);
      assert.match(h.markdown, /Today Ann \(CIO\) stands in for the holder/);
      assert.deepEqual(a.text.slice(h.range.start, h.range.end), "ops");
    });

    it("explains a finding under the cursor from the rule registry", () => {
      const { a } = at(`contract k {${PARTIES}\n}`);
      const h = hover(a, a.text.indexOf("k {"))!;
      assert.match(h.markdown, /\*\*DSP001\*\* — /);
    });
  });

  describe("ladders", () => {
    it("words the elapsed time in the units written", () => {
      assert.equal(elapsedHint(new Map([["business day", 15]]), 8), "→ business day 15");
      assert.equal(elapsedHint(new Map([["day", 30]]), 8), "→ day 30");
      assert.equal(elapsedHint(new Map([["business hour", 4]]), 8), "→ business hour 4");
      assert.equal(elapsedHint(new Map([["business hour", 12]]), 8), "→ business hour 12 (1.5 business days)");
      assert.equal(elapsedHint(new Map([["business hour", 16]]), 8), "→ business hour 16 (2 business days)");
      assert.equal(elapsedHint(new Map([["business day", 5], ["hour", 4]]), 8), "→ 5 business days + 4 hours");
    });

    it("stops hinting after a tier with no time limit, and counts business hours on the calendar's day", () => {
      const { a } = at(`contract k {\n  calendar { hours 08:00-12:00 }${PARTIES}\n  escalation e {\n    tier a { customer ops supplier am within 4 business hours }\n    tier b { customer cio supplier am within 4 business hours }\n    tier c { customer cio supplier am }\n    tier d { customer cio supplier am within 1 business day }\n  }\n}`);
      assert.deepEqual(inlayHints(a, { start: 0, end: a.text.length }).map((h) => h.label), ["→ business hour 4 (1 business day)", "→ business hour 8 (2 business days)"]);
    });
  });

  describe("code actions", () => {
    const f = (start: number, end: number, text: string, code = "X"): Finding => ({ uri: "u", range: { start, end }, code, severity: "warning", message: "", fix: { title: code, edits: [{ start, end, text }] } });

    it("merges fixes that do not overlap and leaves out the ones that do", () => {
      const merged = mergeFixes([f(0, 2, "a"), f(1, 3, "b"), f(5, 5, "c"), f(5, 5, "d"), f(0, 2, "a")]);
      assert.deepEqual(merged.edits.map((e) => e.text), ["a", "c", "d"]);
      assert.equal(merged.fixed.length, 4, "the duplicate fix counts as fixed");
    });

    it("offers fix-all only where a kind has two fixable findings, and source.fixAll only when asked", () => {
      const { a } = at(`contract k {${PARTIES}\n}`);
      const quick = codeActions(a, { start: 0, end: 0 });
      assert.ok(quick.every((x) => x.kind === "quickfix"));
      const source = codeActions(a, { start: 0, end: 0 }, ["source.fixAll"]);
      assert.equal(source.length, 1);
      const fixed = applyEdits(a.text, source[0].edits);
      const again = workspace({ "file:///w/doc.covenant": fixed }).analyse("file:///w/doc.covenant");
      assert.ok(!again.findings.some((x) => /^(SYN|REF)/.test(x.code)), again.findings.map((x) => `${x.code} ${x.message}`).join("\n"));
      // Every finding the action says it fixes is gone (the blocks it inserts may have findings of their own).
      for (const gone of source[0].findings) assert.ok(!again.findings.some((x) => x.code === gone.code && x.message === gone.message), `${gone.code} ${gone.message}`);
    });
  });

  describe("navigation and rename", () => {
    const org = 'party acme "Acme" {\n  person jo "Jo"\n  role ops { holder jo level operational }\n}\n';
    const deal = 'import "org.covenant"\ncontract d {\n  customer acme\n  party v "V" supplier { person p "P" role r { holder p } }\n  escalation e { tier t { customer ops supplier r within 1 day } tier u { customer acme.ops supplier r within 1 day } }\n}\n';

    it("finds references in the files that import the declaring file, and not elsewhere", () => {
      const ws = workspace({ "file:///w/deal.covenant": deal, "file:///w/org.covenant": org, "file:///w/unrelated.covenant": "contract ops {}" });
      const a = ws.analyse("file:///w/deal.covenant");
      const refs = references(a, deal.indexOf("customer ops") + 9, true, ws.view);
      assert.deepEqual(refs.map((r) => `${r.uri.slice(10)}@${r.range.start}`).sort(), [`deal.covenant@${deal.indexOf("customer ops") + 9}`, `deal.covenant@${deal.indexOf("acme.ops") + 5}`, `org.covenant@${org.indexOf("role ops") + 5}`].sort());
      assert.deepEqual(definition(a, deal.indexOf("org.covenant")), [{ uri: "file:///w/org.covenant", range: { start: 0, end: 0 } }]);
    });

    it("renames everywhere, refuses clashes, and accepts a keyword as a name (keywords are contextual)", () => {
      const ws = workspace({ "file:///w/deal.covenant": deal, "file:///w/org.covenant": org });
      const a = ws.analyse("file:///w/deal.covenant");
      const offset = deal.indexOf("customer ops") + 9;
      assert.deepEqual(prepareRename(a, offset), { range: { start: offset, end: offset + 3 }, placeholder: "ops" });
      const result = rename(a, offset, "review", ws.view)!;
      assert.ok("changes" in result, JSON.stringify(result));
      const changed = applyEdits(org, result.changes.get("file:///w/org.covenant")!);
      assert.match(changed, /role review \{/);
      assert.equal(result.changes.get("file:///w/deal.covenant")!.length, 2);
      const clash = rename(a, deal.indexOf("tier t") + 5, "u", ws.view)!;
      assert.ok("error" in clash && /already a tier named 'u'/.test(clash.error));
    });
  });

  describe("outline, folding, lenses, links, tokens", () => {
    it("keeps a recovered block's name inside its range", () => {
      const { a } = at(`contract k {\n  service s "S" {\n    criticality\n`);
      for (const s of documentSymbols(a.linked.file.parsed.file).flatMap((x) => [x, ...x.children])) {
        assert.ok(s.range.start <= s.selection.start && s.selection.end <= s.range.end, s.name);
      }
    });

    it("folds runs of whole-line comments but not a comment after code", () => {
      const text = "// a\n// b\ncontract k { // c\n  // d\n}\n";
      const { a } = at(text);
      const folds = foldingRanges(a.linked.file.parsed, a.text).filter((f) => f.kind === "comment");
      assert.deepEqual(folds.map((f) => a.text.slice(f.start, f.end)), ["// a\n// b"]);
    });

    it("names the contract in a lens's arguments when a file holds several", () => {
      const { a } = at(`contract one { escalation e { tier t {} } }\ncontract two { escalation e { tier t {} } }`);
      assert.deepEqual(codeLenses(a).map((l) => l.arguments.slice(1).join("/")), ["e/one", "e/one", "e/two", "e/two"]);
    });

    it("links only well-formed emails, without the quotes", () => {
      const { a } = at(`party p { person x "X" { email "x@y.example" } person z "Z" { email "not an email" } }`);
      assert.deepEqual(documentLinks(a).map((l) => [a.text.slice(l.range.start, l.range.end), l.target]), [["x@y.example", "mailto:x@y.example"]]);
    });

    it("tells a keyword in a name's place from the keyword itself", () => {
      const { a } = at(`contract within { escalation tier { tier tier { within 1 day } } }`);
      const kinds = semanticTokens(a).map((t) => `${a.text.slice(t.start, t.start + t.length)}:${t.type}`);
      assert.deepEqual(kinds, ["contract:keyword", "within:contract", "escalation:keyword", "tier:ladder", "tier:keyword", "tier:tier", "within:keyword"]);
    });
  });
});
