import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { parse } from "../../server/src/core/parser";
import { sample } from "../helpers/paths";

describe("parser", () => {
  it("parses every sample without a syntax error, except the one broken on purpose", () => {
    for (const name of ["northwind", "payroll", "handshake", "globex-hosting", "org/globex"]) {
      const out = parse(fs.readFileSync(sample(`${name}.covenant`), "utf8"));
      assert.deepEqual(out.syntaxErrors, [], name);
    }
    const broken = parse(fs.readFileSync(sample("broken.covenant"), "utf8"));
    assert.equal(broken.syntaxErrors.length, 1);
    assert.match(broken.syntaxErrors[0].message, /found 'critcality'/);
  });

  it("reads contextual keywords as names where a name is expected", () => {
    const text = `contract c {
      party customer customer { person level role review { holder level level management } }
      party supplier supplier { person p role ops { holder p } }
      service critical { criticality critical }
      governance { board weekly { meets weekly } }
      escalation management { tier operational { customer review supplier ops within 1 day forum weekly } then mediation }
    }`;
    const out = parse(text);
    assert.deepEqual(out.syntaxErrors, []);
    const c = out.file.contracts[0];
    assert.deepEqual(c.parties.map((p) => [p.name?.text, p.side?.text]), [["customer", "customer"], ["supplier", "supplier"]]);
    assert.equal(c.parties[0].roles[0].name?.text, "review");
    assert.equal(c.parties[0].roles[0].holder?.text, "level");
    assert.equal(c.parties[0].roles[0].level?.text, "management");
    assert.equal(c.services[0].name?.text, "critical");
    assert.equal(c.services[0].criticality?.text, "critical");
    assert.equal(c.governance?.boards[0].name?.text, "weekly");
    assert.equal(c.escalations[0].name?.text, "management");
    assert.equal(c.escalations[0].tiers[0].name?.text, "operational");
    assert.equal(c.escalations[0].tiers[0].forum?.text, "weekly");
  });

  it("reads 24x7 as a coverage value and accepts optional semicolons anywhere a statement ends", () => {
    const out = parse(`contract c { service s { sla x { coverage 24x7; window monthly; }; }; kind saas; };`);
    assert.deepEqual(out.syntaxErrors, []);
    const sla = out.file.contracts[0].services[0].slas[0];
    assert.equal(sla.coverage?.text, "24x7");
    assert.equal(sla.window?.text, "monthly");
    assert.equal(out.file.contracts[0].contractKind?.text, "saas");
  });

  it("skips line and block comments and keeps /// comments as the documentation of the next declaration", () => {
    const text = `/// First line.\n/// Second line.\ncontract c /* inline */ {\n  // a note\n  /// The customer.\n  party a customer { /// Ann runs IT.\n person ann }\n}\n`;
    const out = parse(text);
    assert.deepEqual(out.syntaxErrors, []);
    const c = out.file.contracts[0];
    assert.equal(c.doc, "First line.\nSecond line.");
    assert.equal(c.parties[0].doc, "The customer.");
    assert.equal(c.parties[0].people[0].doc, "Ann runs IT.");
    assert.equal(out.comments.length, 6);
  });

  it("does not take a /// comment separated by a blank line or code as documentation", () => {
    const out = parse(`/// Orphan.\n\ncontract c { }\n`);
    assert.equal(out.file.contracts[0].doc, undefined);
  });

  it("marks the blocks that hold a syntax error and keeps parsing after them", () => {
    const text = `contract c {
  party a customer { person ann "Ann" }
  service s { criticality high owner ; sla x { window hourly } }
  dispute { mediation { } }
}`;
    const out = parse(text);
    assert.deepEqual(out.syntaxErrors.map((e) => text.slice(e.range.start, e.range.end)), [";", "hourly"]);
    const c = out.file.contracts[0];
    assert.equal(c.services[0].incomplete, true);
    assert.equal(c.services[0].slas[0].incomplete, true);
    assert.equal(c.parties[0].incomplete, undefined);
    assert.equal(c.dispute?.steps.length, 1, "the dispute block after the error is still read");
    assert.equal(c.bodyHasSyntaxError, false);
  });

  it("reports a mistyped block once, with a suggestion, and flags the contract body", () => {
    const out = parse(`contract c {\n  dispte {\n    notice written\n  }\n  continuity { services continue }\n}\n`);
    assert.deepEqual(out.syntaxErrors.map((e) => e.message), ["'dispte' is not a statement of a contract; did you mean 'dispute'?"]);
    const c = out.file.contracts[0];
    assert.equal(c.bodyHasSyntaxError, true);
    assert.equal(c.continuity?.services?.value?.text, "continue");
  });

  it("keeps what was written when the file ends inside open blocks", () => {
    const out = parse(`contract x {\n  customer a\n  party a "A" customer { person p }\n  escalation l { tier t { customer p within 2 days } tier u { customer `);
    assert.equal(out.syntaxErrors.length, 1);
    const c = out.file.contracts[0];
    assert.equal(c.name?.text, "x");
    assert.equal(c.parties[0].people[0].name?.text, "p");
    assert.deepEqual(c.escalations[0].tiers.map((t) => [t.name?.text, t.incomplete ?? false]), [["t", false], ["u", true]]);
    assert.equal(c.incomplete, true);
    assert.equal(c.bodyHasSyntaxError, false, "the error is inside the unfinished tier, not in the contract's own body");
  });

  it("reports a value outside its closed set where it stands, naming the allowed values", () => {
    const out = parse(`contract c { kind software }`);
    assert.equal(out.syntaxErrors.length, 1);
    assert.equal(out.syntaxErrors[0].message, "expected 'saas', 'managed-services', 'implementation' or 'other', found 'software'");
    assert.equal(out.syntaxErrors[0].range.start, 18);
  });

  it("records the start of every statement for the formatter", () => {
    const text = `contract c { kind saas customer a }`;
    const starts = parse(text).statementStarts.map((o) => text.slice(o).split(" ")[0]);
    assert.deepEqual(starts, ["contract", "kind", "customer"]);
  });

  it("never throws, whatever the text, and keeps every range inside the document", () => {
    const texts = ["", "{", "}", "contract", "contract {", "contract c { tier", '"', "/*", "party p { role r { holder", "\u0000\uFFFD", "contract c { service s { sla x { metric \"m\" >= } } }", "calendar k { hours 24:00-", "import", "import 5"];
    for (const text of texts) {
      const out = parse(text);
      for (const e of out.syntaxErrors) {
        assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end, `${JSON.stringify(text)}: ${JSON.stringify(e)}`);
      }
    }
  });
});
