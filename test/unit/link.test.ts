import { strict as assert } from "node:assert";
import { linkFiles, summarize, WS } from "../helpers/memory";

const parties = `
  party buyer "Buyer" customer {
    person kim "Kim"
    person lou "Lou"
    role ops { holder kim deputy lou level operational }
    role cio { holder lou }
  }
  party seller "Seller" supplier {
    person vic "Vic"
    role ops { holder vic }
    role am { holder vic }
  }`;

function contract(body: string): string {
  return `contract c {${parties}\n${body}\n}\n`;
}

function builtins(files: Record<string, string>, main?: string): string[] {
  const linked = linkFiles(files, main);
  return summarize([...linked.builtins].sort((a, b) => a.range.start - b.range.start), linked.file.text);
}

describe("linker", () => {
  describe("references", () => {
    it("resolves qualified references and reports the part that does not resolve", () => {
      const text = contract("key-personnel { roles buyer.ops, seller.am, nobody.ops, seller.ceo }");
      assert.deepEqual(builtins({ "m.covenant": text }), ["REF001@nobody", "REF001@ceo"]);
      const linked = linkFiles({ "m.covenant": text });
      const roles = linked.contracts[0].contract.keyPersonnel!.roles.map((r) => linked.contracts[0].roleOf.get(r)?.decl.name ?? "-");
      assert.deepEqual(roles, ["ops", "am", "-", "-"]);
    });

    it("resolves a bare name found on one side only, and reports one found on both as ambiguous", () => {
      assert.deepEqual(builtins({ "m.covenant": contract("key-personnel { roles cio, am, ops, ghost }") }), ["REF003@ops", "REF001@ghost"]);
    });

    it("looks only at that side's party after customer/supplier in a tier", () => {
      const text = contract("escalation l { tier one { customer ops supplier ops within 1 day } tier two { customer am supplier cio within 1 day } then mediation }");
      const linked = linkFiles({ "m.covenant": text });
      assert.deepEqual(summarize(linked.builtins, text), ["REF001@am", "REF001@cio"]);
      const [one] = linked.contracts[0].contract.escalations[0].tiers;
      assert.equal(linked.contracts[0].roleOf.get(one.customer!)?.party.decl.name, "buyer");
      assert.equal(linked.contracts[0].roleOf.get(one.supplier!)?.party.decl.name, "seller");
    });

    it("resolves a role's holder and deputy among its own party's people", () => {
      const text = `contract c { party a customer { person ann role r { holder ann deputy vic } } party b supplier { person vic } }`;
      assert.deepEqual(builtins({ "m.covenant": text }), ["REF001@vic"]);
    });

    it("resolves negotiated-by to people, boards, ladders and services by name", () => {
      const text = contract(`negotiated-by kim, buyer.lou, ghost
  service s { owner am sla x { measured-by seller report monthly at board1 } }
  governance { board board1 { members ops2 } }
  escalation l { tier t { forum nowhere } }
  dispute { ladder l2 }
  continuity { interim s step-in interim t2 fallback }`);
      assert.deepEqual(builtins({ "m.covenant": text }), ["REF001@ghost", "REF001@ops2", "REF001@nowhere", "REF001@l2", "REF001@t2"]);
    });
  });

  describe("imports", () => {
    const org = `party org "Org" { person eve "Eve" role lead { holder eve } }\ncalendar cal { timezone "Europe/London" }\n`;

    it("makes top-level parties and calendars of imported files visible, transitively", () => {
      const files = {
        "m.covenant": `import "mid.covenant"\ncontract c { customer org supplier org2 calendar cal key-personnel { roles org.lead, org2.x } }`,
        "mid.covenant": `import "org/org.covenant"\nparty org2 { person p role x { holder p } }`,
        "org/org.covenant": org,
      };
      assert.deepEqual(builtins(files), []);
      const linked = linkFiles(files);
      assert.deepEqual(linked.dependencies, [WS + "mid.covenant", WS + "org/org.covenant"]);
    });

    it("reports a missing import at its string and goes on", () => {
      assert.deepEqual(builtins({ "m.covenant": `import "nope.covenant"\ncontract c { customer x }` }), [
        'REF004@"nope.covenant"', "VAL001@c", "REF001@x",
      ]);
    });

    it("reads an import path as a file path: '%', '#' and '?' are part of the name, and a stray '%' breaks nothing", () => {
      const files = {
        "m.covenant": `import "100%.covenant"\nimport "team#2.covenant"\nimport "why?.covenant"\ncontract c { customer a supplier b key-personnel { roles a.x, b.y, q.z } }`,
        "100%.covenant": `party a { person p role x { holder p } }`,
        "team#2.covenant": `party b { person p role y { holder p } }`,
        "why?.covenant": `party q { person p role z { holder p } }`,
      };
      assert.deepEqual(builtins(files), []);
      assert.deepEqual(linkFiles(files).dependencies, [WS + "100%25.covenant", WS + "team%232.covenant", WS + "why%3F.covenant"]);
      // Typed half-way (a '%' alone, then '%2'): a missing file, never an exception.
      assert.deepEqual(builtins({ "m.covenant": `import "a%"\nimport "a%2"\nparty p { }` }), ['REF004@"a%"', 'REF004@"a%2"']);
    });

    it("reports a cycle at the import that leads back to the file", () => {
      const files = { "a.covenant": `import "b.covenant"\nparty pa { }`, "b.covenant": `import "c.covenant"`, "c.covenant": `import "a.covenant"` };
      const linked = linkFiles(files);
      assert.deepEqual(summarize(linked.builtins, linked.file.text), ['REF004@"b.covenant"']);
      assert.match(linked.builtins[0].message, /a\.covenant → b\.covenant → c\.covenant → a\.covenant/);
      assert.deepEqual(builtins(files, "b.covenant"), ['REF004@"c.covenant"']);
    });

    it("does not report the errors of an imported file in the importing one", () => {
      const files = { "m.covenant": `import "o.covenant"\nparty p { }`, "o.covenant": `party q { role r { holder ghost } } party q { }` };
      assert.deepEqual(builtins(files), []);
      assert.deepEqual(builtins(files, "o.covenant"), ["REF001@ghost", "REF002@q"]);
    });

    it("reports a declaration that clashes with an imported one in the importing file", () => {
      assert.deepEqual(builtins({ "m.covenant": `import "o.covenant"\nparty org { }`, "o.covenant": org }), ["REF002@org"]);
    });
  });

  describe("duplicate names", () => {
    it("are reported at the second declaration, per scope", () => {
      const text = `contract c {
  party a customer { person p person p role r { holder p } role r { holder p } }
  party b supplier { person p role r { holder p } }
  service s { sla x { } sla x { } }
  service t { sla x { } }
  service s { }
  governance { board g { } board g { } }
  escalation l { tier one { } tier one { } }
  escalation l { tier one { } }
}
contract c { }`;
      const found = builtins({ "m.covenant": text }).filter((f) => f.startsWith("REF002"));
      assert.deepEqual(found, ["REF002@p", "REF002@r", "REF002@x", "REF002@s", "REF002@g", "REF002@one", "REF002@l", "REF002@c"]);
    });
  });

  describe("sides and blocks", () => {
    it("requires exactly one customer and one supplier", () => {
      assert.deepEqual(builtins({ "m.covenant": `contract c { party a { } }` }), ["VAL001@c", "VAL001@c"]);
      const two = `contract c { party a customer { } party b supplier { } customer b supplier a }`;
      assert.deepEqual(builtins({ "m.covenant": two }), ["VAL001@b", "VAL001@a"]);
      const twoSides = `contract c { party a customer { } party b customer { } supplier a }`;
      assert.deepEqual(builtins({ "m.covenant": twoSides }), ["VAL001@customer"]);
    });

    it("reports a repeated block at the second block's keyword", () => {
      const text = contract("dispute { notice written } dispute { notice any } calendar { } calendar x");
      assert.deepEqual(builtins({ "m.covenant": text }), ["VAL001@dispute", "VAL001@calendar"]);
    });

    it("reports a statement given twice where once is allowed", () => {
      const text = contract("escalation l { tier t { within 1 day within 2 days } then mediation then arbitration }");
      assert.deepEqual(builtins({ "m.covenant": text }), ["VAL001@within", "VAL001@then"]);
    });
  });

  it("lists declarations and occurrences for navigation", () => {
    const text = contract("escalation l { tier t { customer ops supplier am within 1 day } then mediation } dispute { ladder l mediation { } }");
    const linked = linkFiles({ "m.covenant": text });
    const am = linked.decls.find((d) => d.kind === "role" && d.name === "am")!;
    const uses = linked.occurrences.filter((o) => o.decl === am && !o.isDeclaration).map((o) => text.slice(o.range.start, o.range.end));
    assert.deepEqual(uses, ["am"]);
    const ladder = linked.decls.find((d) => d.kind === "ladder")!;
    assert.equal(linked.occurrences.filter((o) => o.decl === ladder).length, 2);
    const step = linked.decls.find((d) => d.kind === "step")!;
    assert.equal(linked.occurrences.filter((o) => o.decl === step).length, 1, "`then mediation` points at the step");
  });
});
