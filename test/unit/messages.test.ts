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
import { ROOT, sample } from "../helpers/paths";
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

  describe("people", () => {
    it("PPL002 names the file the role is declared in when it is imported", () => {
      const org = 'party orion "Orion" {\n  person kay "Kay Moss" { left 2025-11-30 }\n  person lee "Lee Hart"\n  role mgr "Service manager" { holder kay deputy lee level management }\n}\n';
      const text = NORTHWIND.replace("/// Northwind", 'import "org/people.covenant"\n/// Northwind').replace("members northwind.exec, acme.exec", "members northwind.exec, acme.exec, orion.mgr");
      const f = findings(text, { "org/people.covenant": org }).find((x) => x.code === "PPL002");
      assert.ok(f);
      assert.equal(f.message, "role orion.mgr (declared in org/people.covenant): its holder Kay Moss (kay) left on 2025-11-30; deputy Lee Hart (lee) stands in. Update the contract's people");
      // Declared in the contract's own file: no file named.
      const here = findings(NORTHWIND.replace('person jlee "Jo Lee" {', 'person jlee "Jo Lee" { left 2025-06-01')).find((x) => x.code === "PPL002")!;
      assert.doesNotMatch(here.message, /declared in/);
    });

    it("GOV002 says a negotiator who sits on no board has left, when they have", () => {
      const text = NORTHWIND
        .replace("negotiated-by northwind.rpatel, acme.hsato", "negotiated-by northwind.rpatel, northwind.sold, acme.hsato")
        .replace('    person mokafor "Mo Okafor"', '    person sold "Sam Old" { left 2025-09-30 }\n    person mokafor "Mo Okafor"');
      const gov = findings(text).filter((x) => x.code === "GOV002");
      assert.deepEqual(gov.map((x) => x.message), ["Sam Old (sold) negotiated the contract, has left (on 2025-09-30) and is not a member of any board: nobody who knows its intent is in the room"]);
      assert.equal(text.slice(gov[0].range.start, gov[0].range.end), "northwind.sold");
    });
  });

  describe("two findings on one reference", () => {
    // Tom Green holds the supplier's role at every tier of the standard ladder: ESC002 on the last tier's
    // reference (first and last), and ESC006 there too (the middle tier).
    const text = NORTHWIND.replace('role mgmt "Account management" { holder hsato', 'role mgmt "Account management" { holder tgreen')
      .replace('role exec "Managing director" { holder cdiaz', 'role exec "Managing director" { holder tgreen');
    const lastTier = text.indexOf("supplier exec\n") + "supplier ".length;
    const onLast = findings(text).filter((x) => x.range.start === lastTier);

    it("the second does not repeat the first: ESC006 adds only the middle tier and points to ESC002's finding", () => {
      assert.deepEqual(onLast.map((x) => x.code), ["ESC002", "ESC006"]);
      const [esc002, esc006] = onLast;
      assert.match(esc002.message, /Tom Green \(tgreen\) is the contact at both the first tier 'operational' and the last tier 'executive'/);
      assert.equal(esc006.message, "on the supplier side, this contact is also the contact at tier 'management', between the first tier and the last");
      assert.doesNotMatch(esc006.message, /Tom Green/);
      assert.deepEqual(esc006.related?.map((r) => [text.slice(r.range.start, r.range.end), r.message]), [
        ["mgmt", "Tom Green (tgreen) at tier 'management'"],
        ["exec", "first and last point of escalation (ESC002): who this is and why it matters"],
      ]);
      assert.deepEqual(esc002.related?.map((r) => r.range.start), [text.indexOf("supplier ops\n") + "supplier ".length]);
    });

    it("ESC006 on a middle tier keeps its full message, with the earlier tier as related information", () => {
      const middle = findings(text).find((x) => x.code === "ESC006" && x.range.start === text.indexOf("supplier mgmt\n") + "supplier ".length)!;
      assert.equal(middle.message, "on the supplier side, Tom Green (tgreen) is already the contact at tier 'operational': escalating to tier 'management' reaches the same person");
      assert.equal(middle.related?.length, 1);
    });
  });

  describe("the \"missing block\" findings a syntax error in the contract's body silences", () => {
    // Two contracts that lack every block they can lack; then the same with a stray word directly in each body.
    const bare = [
      'contract bare "Bare" {',
      '  negotiated-by a.x',
      '  party a "A" customer { person x "X" }',
      "}",
      'contract critical "Critical" {',
      '  party a2 "A" customer { person x "X" role r { holder x level operational } }',
      '  party b2 "B" supplier { person y "Y" role s { holder y level operational } }',
      '  service payroll "Payroll" { criticality critical }',
      "  escalation standard {",
      "    tier one { customer r supplier s within 5 business days }",
      "    tier two { customer r supplier s within 5 business days }",
      "    then mediation",
      "  }",
      "}",
      "",
    ].join("\n");
    const broken = bare.replace('  negotiated-by a.x\n', '  negotiated-by a.x\n  stray-words here\n').replace('  service payroll', '  stray-words here\n  service payroll');
    const silenced = (): string[] => {
      const before = new Set(findings(bare).map((f) => f.code));
      const after = new Set(findings(broken).map((f) => f.code));
      return [...before].filter((c) => !after.has(c)).sort();
    };
    const rulePage = (code: string): string => fs.readFileSync(path.join(ROOT, "docs", "rules", `${code}.md`), "utf8");

    it("are the list docs/rules/SYN001.md gives", () => {
      const listed = /<!-- missing-block findings -->\n([A-Z0-9, ]+)\n/.exec(rulePage("SYN001"))![1].split(/,\s*/).sort();
      assert.deepEqual(silenced(), listed);
    });

    it("are the rule pages that say so", () => {
      const pages = fs.readdirSync(path.join(ROOT, "docs", "rules")).filter((f) => /^[A-Z]{3}\d{3}\.md$/.test(f)).map((f) => f.slice(0, 6));
      const saying = pages.filter((c) => rulePage(c).includes("Silenced by a syntax error in the contract's body")).sort();
      assert.deepEqual(saying, silenced());
    });
  });

  describe("a log event cut short at the end of its line", () => {
    const contract = fs.readFileSync(sample("northwind.covenant"), "utf8");
    const log = fs.readFileSync(sample("northwind-log.covenant"), "utf8").replace("    escalated 2025-12-02 12:00 to executive                           // expect: MAT003\n", "    escalated 2025-12-02 12:00 to\n");

    it("reports the missing tier at the end of the line and reads the next line as its own event", () => {
      const all = findings(log, { "northwind.covenant": contract });
      const builtin = all.filter((f) => ["SYN001", "REF001", "VAL001"].includes(f.code) && !f.message.includes(".csv"));
      const end = log.indexOf("12:00 to\n") + "12:00 to".length;
      assert.deepEqual(builtin.map((f) => [f.code, f.range.start, f.message]), [["SYN001", end, "expected the tier the matter is escalated to, found the end of the line"]]);
      // `suspended` is an event of its own (it used to be read as the tier's name).
      const matter = linkFiles({ "main.covenant": log, "northwind.covenant": contract }, "main.covenant").file.parsed.file.logs[0].matters[1];
      assert.deepEqual(matter.events.map((e) => e.event), ["raised", "escalated", "suspended", "resumed", "notice", "formal"]);
      assert.equal(matter.events[2].text?.value, "Acme paused the directory sync");
      assert.equal(matter.events[1].to, undefined);
    });
  });
});
