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
});
