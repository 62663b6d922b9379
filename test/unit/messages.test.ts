// Issue 15, "Messages a contract manager can act on": what a finding says, where it points, and the
// places it relates to (LSP relatedInformation, the CLI's JSON and SARIF).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../server/src/core/findings";
import { allFindings } from "../../server/src/analysis/analyse";
import { toDiagnostic } from "../../server/src/lsp/convert";
import { EXAMPLES_TODAY } from "../helpers/expectations";
import { linkFiles } from "../helpers/memory";
import { sample } from "../helpers/paths";
import { runCli } from "../helpers/cli";
import { codeActions } from "../../server/src/features/code-actions";

const NORTHWIND = fs.readFileSync(sample("northwind.covenant"), "utf8");

function findings(text: string, files: Record<string, string> = {}): Finding[] {
  return allFindings(linkFiles({ "main.covenant": text, ...files }, "main.covenant"), { today: EXAMPLES_TODAY });
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split("\n").length;

describe("messages", () => {
  describe("an unclosed block", () => {
    // The sla's '}' is gone: the service's '}' closes it, and the contract's next block cannot be in the service.
    const text = NORTHWIND.replace("      chronic 3 breaches within 6 months -> terminate\n    }\n", "      chronic 3 breaches within 6 months -> terminate\n");
    const slaAt = text.indexOf("sla availability");
    const braceAt = text.indexOf("\n  }\n", slaAt) + 3;

    it("names the block whose '}' is missing and the line it opened on, at the first token that cannot belong to it", () => {
      const syn = findings(text).filter((f) => f.code === "SYN001");
      assert.equal(syn.length, 1, syn.map((f) => f.message).join("\n"));
      const f = syn[0];
      assert.equal(f.message, `the sla 'availability' opened on line ${lineOf(text, slaAt)} is not closed (the '}' on line ${lineOf(text, braceAt)} lines up with the service 'idp'): expected '}', found 'responsibilities'`);
      assert.equal(text.slice(f.range.start, f.range.end), "responsibilities");
      assert.deepEqual(f.related?.map((r) => [text.slice(r.range.start, r.range.end), r.message]), [
        ["sla", "the sla 'availability' opens here"],
        ["}", "this '}' closes the sla 'availability' but lines up with the service 'idp'"],
      ]);
    });

    it("is the innermost open block when the braces line up (a party cut short by the next party)", () => {
      const t = 'contract c "C" {\n  party a "A" customer {\n    person x "X"\n  party b "B" supplier { person y "Y" }\n}\n';
      const f = findings(t).find((x) => x.code === "SYN001")!;
      assert.equal(f.message, "the party 'a' opened on line 2 is not closed: expected '}', found 'party'");
      assert.equal(f.range.start, t.indexOf("party b"));
      assert.deepEqual(f.related?.map((r) => r.range.start), [t.indexOf("party a")]);
    });

    it("at the end of the file", () => {
      const t = 'contract c "C" {\n  party a "A" customer { person x "X" }\n  dispute {\n    mediation {\n      provider "P"\n  }\n}\n';
      const f = findings(t).find((x) => x.code === "SYN001")!;
      assert.equal(f.message, "the mediation step opened on line 4 is not closed (the '}' on line 6 lines up with the dispute block): expected '}', found the end of the file");
    });

    it("a stray word inside a block is not an unclosed block", () => {
      const t = NORTHWIND.replace("      accountable acme.mgmt", "      acountable acme.mgmt");
      const f = findings(t).find((x) => x.code === "SYN001")!;
      assert.doesNotMatch(f.message, /not closed/);
      assert.equal(f.related, undefined);
    });

    it("the language server sends the opening as related information", () => {
      const doc = TextDocument.create("file:///ws/main.covenant", "covenant", 1, text);
      const f = findings(text).find((x) => x.code === "SYN001")!;
      const d = toDiagnostic(doc, { ...f, uri: doc.uri }, false);
      assert.deepEqual(d.relatedInformation?.[0], {
        location: { uri: doc.uri, range: { start: doc.positionAt(slaAt), end: doc.positionAt(slaAt + 3) } },
        message: "the sla 'availability' opens here",
      });
    });

    it("the command line's JSON and SARIF carry the related locations", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-msg-"));
      try {
        const file = path.join(dir, "c.covenant");
        fs.writeFileSync(file, text);
        const line = lineOf(text, slaAt);
        const json = JSON.parse(runCli(["check", "--format", "json", "--today", EXAMPLES_TODAY, file], dir).stdout) as { code: string; related?: { line: number; column: number; message: string }[] }[];
        const syn = json.find((f) => f.code === "SYN001")!;
        assert.deepEqual(syn.related?.[0], { line, column: 5, endLine: line, endColumn: 8, message: "the sla 'availability' opens here" });
        const sarif = JSON.parse(runCli(["check", "--format", "sarif", "--today", EXAMPLES_TODAY, file], dir).stdout);
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "SYN001");
        assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, line);
        assert.equal(result.relatedLocations[0].message.text, "the sla 'availability' opens here");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("did you mean", () => {
    const apply = (text: string, f: Finding): string => {
      const edits = [...f.fix!.edits].sort((a, b) => b.start - a.start);
      let out = text;
      for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return out;
    };
    // Each: the text with one misspelling, the finding's code, what the message ends with, the word it becomes.
    const cases: [string, string, string, string, string][] = [
      ["a holder", "holder jlee deputy aking", "holder jle deputy aking", "REF001", "jlee"],
      ["a role of a named party", "owner acme.mgmt", "owner acme.mgnt", "REF001", "mgmt"],
      ["a tier's role on its side (transposed letters)", "      customer exec\n", "      customer exce\n", "REF001", "exec"],
      ["a board", "report monthly at service-board", "report monthly at service-bord", "REF001", "service-board"],
      ["a party", "measured-by acme", "measured-by acm", "REF001", "acme"],
      ["a dispute step after `then`", "then mediation", "then mediaton", "ESC009", "mediation"],
      ["a level", "level operational }\n    role mgmt", "level operatonal }\n    role mgmt", "SYN001", "operational"],
      ["a window", "window monthly", "window montly", "SYN001", "monthly"],
      ["a statement keyword", "      accountable acme.mgmt", "      acountable acme.mgmt", "SYN001", "accountable"],
      ["a block keyword", "  calendar {", "  calender {", "SYN001", "calendar"],
      ["a side", "\"Acme Services Ltd\" supplier {", "\"Acme Services Ltd\" suplier {", "SYN001", "supplier"],
      ["a day range", "workdays mon-fri", "workdays mon-fir", "VAL001", "mon-fri"],
    ];
    for (const [what, right, wrong, code, meant] of cases) {
      it(`${what}: ${code} says '${meant}', and its quick fix leaves the file as clean as before the typo`, () => {
        assert.ok(NORTHWIND.includes(right), right);
        const text = NORTHWIND.replace(right, wrong);
        const before = findings(text);
        const f = before.find((x) => x.code === code);
        assert.ok(f, `${code} in ${before.map((x) => `${x.code} ${x.message}`).join("\n")}`);
        assert.match(f.message, new RegExp(`did you mean '${meant}'\\?$`));
        assert.ok(f.fix, "a quick fix");
        assert.equal(f.fix.edits[0].text, meant);
        const after = findings(apply(text, f));
        assert.deepEqual(after.map((x) => `${x.code} ${x.message}`), findings(NORTHWIND).map((x) => `${x.code} ${x.message}`));
      });
    }

    it("a bare name both sides declare is offered with its party, so the fix does not make it ambiguous", () => {
      const t = 'contract c "C" {\n  party a "A" customer { person x "X" role ops { holder x } }\n  party b "B" supplier { person y "Y" role ops { holder y } }\n  service s "S" { owner osp }\n}\n';
      const f = findings(t).find((x) => x.code === "REF001")!;
      assert.match(f.message, /did you mean 'a\.ops' or 'b\.ops'\?$/);
      assert.equal(f.fix, undefined, "two candidates: no single fix");
    });

    it("nothing is suggested when no name is near", () => {
      const f = findings(NORTHWIND.replace("owner acme.mgmt", "owner acme.xyzzy")).find((x) => x.code === "REF001")!;
      assert.doesNotMatch(f.message, /did you mean/);
      assert.equal(f.fix, undefined);
    });

    it("a keyword put right that still leaves its statement broken offers no fix", () => {
      // `acountable` with no role after it: `accountable` alone would still be a syntax error there.
      const t = NORTHWIND.replace("      accountable acme.mgmt\n", "      acountable 5\n");
      const f = findings(t).find((x) => x.code === "SYN001" && x.message.includes("'acountable'"))!;
      assert.match(f.message, /did you mean 'accountable'\?$/);
      assert.equal(f.fix, undefined);
    });

    it("a spelling is a quick fix, never part of fix-all on save", () => {
      const text = NORTHWIND.replace("owner acme.mgmt", "owner acme.mgnt");
      const linked = linkFiles({ "main.covenant": text }, "main.covenant");
      const all = allFindings(linked, { today: EXAMPLES_TODAY });
      const analysis = { uri: linked.uri, version: 1, text, linked, findings: all, today: EXAMPLES_TODAY };
      const at = text.indexOf("mgnt");
      const quick = codeActions(analysis, { start: at, end: at }, ["quickfix"]);
      assert.ok(quick.some((a) => a.title === "Change 'mgnt' to 'mgmt'" && a.preferred));
      const onSave = codeActions(analysis, { start: 0, end: 0 }, ["source.fixAll"]);
      assert.ok(!onSave.some((a) => a.edits.some((e) => e.text === "mgmt")));
    });
  });
});
