import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { linkFiles } from "../helpers/memory";
import { sample } from "../helpers/paths";
import { escalationGraph } from "../../server/src/simulate/graph";
import { simulate, SimulationResult } from "../../server/src/simulate/simulate";
import {
  escapeMarkdown, escapeMermaid, graphToMarkdown, ladderToMarkdown, simulationToMarkdown, simulationToText, toMermaid, toSvg,
} from "../../server/src/simulate/render";

const northwind = fs.readFileSync(sample("northwind.covenant"), "utf8");
const rajLeft = northwind.replace(`person rpatel "Raj Patel" { title "CIO" }`, `person rpatel "Raj Patel" { title "CIO" left 2026-01-01 }`);

const XSS = "<img src=x onerror=alert(1)>";
const hostile = `contract evil "${XSS}" {
  party buyer "${XSS}" customer {
    person p "${XSS}" { title "</text><script>alert(1)</script>" email "a\\"b@x.example" }
    role ops "${XSS}" { holder p level operational }
  }
  party seller "Seller & Sons | *bold* [link](http://x)" supplier {
    person q "Q & \\"quoted\\" #1 \`code\`"
    role ops { holder q level operational }
  }
  escalation bad "${XSS}" {
    tier first { customer ops supplier ops within 2 business days }
    then mediation
  }
  dispute { mediation { start within 5 business days } }
}
`;

function result(text: string, input: Parameters<typeof simulate>[1]): SimulationResult {
  const o = simulate(linkFiles({ "c.covenant": text }), input);
  if ("error" in o) throw new Error(o.error);
  return o.result;
}

/** Every tag of the SVG is one the renderer writes: nothing from the contract became markup. */
function assertOnlyOwnTags(svg: string): void {
  const tags = svg.match(/<\/?[a-zA-Z][^>]*>/g) ?? [];
  for (const tag of tags) assert.match(tag, /^<\/?(svg|title|style|rect|defs|marker|path|g|text|line)[\s>/]/, tag);
  assert.equal(svg.split("<").length - 1, tags.length, "every < opens one of the renderer's tags");
}

describe("escalation graph and renderings", () => {
  describe("graph", () => {
    it("lists each ladder with tiers, levels, cumulative deadlines and the formal step", () => {
      const g = escalationGraph(linkFiles({ "c.covenant": northwind }), "2026-01-10");
      const [standard, expedited] = g.contracts[0].ladders;
      assert.equal(g.contracts[0].name, "northwind-msa");
      assert.deepEqual(standard.tiers.map((t) => [t.name, t.level, t.within, t.elapsed, t.forum]), [
        ["operational", "operational", "5 business days", "5 business days", "ops-review"],
        ["management", "management", "10 business days", "15 business days", "service-board"],
        ["executive", "executive", "10 business days", "25 business days", "exec-board"],
      ]);
      assert.deepEqual([standard.then, standard.thenDeadline, standard.isDefault, standard.appliesTo], ["mediation", "start within 20 business days", true, []]);
      assert.deepEqual(expedited.appliesTo, ["criticality critical", "severity critical"]);
      assert.equal(expedited.tiers[2].elapsed, "16 business hours");
      assert.equal(northwind.slice(standard.range.start, standard.range.end), "standard");
      assert.deepEqual(g.contracts[0].services.map((s) => [s.name, s.criticality]), [["eud", "standard"], ["idp", "critical"]]);
    });

    it("judges contacts on the given day: a stand-in after the holder left, the holder before", () => {
      const before = escalationGraph(linkFiles({ "c.covenant": rajLeft }), "2025-12-31").contracts[0].ladders[0].tiers[1].customer!;
      const after = escalationGraph(linkFiles({ "c.covenant": rajLeft }), "2026-01-01").contracts[0].ladders[0].tiers[1].customer!;
      assert.deepEqual([before.name, before.flags], ["Raj Patel", []]);
      assert.deepEqual([after.name, after.flags], ["Jo Lee", ["stand-in"]]);
    });

    it("adds mixed units separately in the cumulative time", () => {
      const text = `contract m { party a customer { person p role r { holder p } } party b supplier { person q role s { holder q } }
        escalation mix { tier one { customer r supplier s within 4 business hours } tier two { customer r supplier s within 2 days } tier three { customer r supplier s within 4 business hours } } }`;
      const tiers = escalationGraph(linkFiles({ "c.covenant": text }), "2026-01-01").contracts[0].ladders[0].tiers;
      assert.deepEqual(tiers.map((t) => t.elapsed), ["4 business hours", "4 business hours + 2 days", "8 business hours + 2 days"]);
    });
  });

  describe("escaping a party named <img src=x onerror=alert(1)>", () => {
    const g = escalationGraph(linkFiles({ "c.covenant": hostile }), "2026-01-01");

    it("SVG: the name shows as text, and nothing from the contract becomes markup", () => {
      const svg = toSvg(g);
      assert.ok(svg.includes("&lt;img src=x onerror=alert(1)&gt;"), "escaped label present");
      assert.ok(!svg.includes("<img"), "no img element");
      assert.ok(!svg.includes("<script"), "no script element");
      assertOnlyOwnTags(svg);
      assert.ok(svg.includes("Q &amp; &quot;quoted&quot; #1 `code`"));
    });

    it("SVG: self-contained, with no script, no external resource and no URL but the SVG namespace", () => {
      const svg = toSvg(escalationGraph(linkFiles({ "c.covenant": northwind }), "2026-01-01"));
      assert.ok(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
      assert.deepEqual(svg.match(/https?:\/\/[^"\s)]*/g), ["http://www.w3.org/2000/svg"]);
      assert.ok(!/@import|@font-face|href=|<image|<foreignObject|\son[a-z]+=/i.test(svg));
      assertOnlyOwnTags(svg);
      assert.match(svg, /<text[^>]*>Jo Lee<\/text>|customer: Jo Lee/);
    });

    it("Mermaid: quotes, tags and entities of the contract become entity codes", () => {
      const m = toMermaid(g);
      assert.ok(!m.includes("<img"));
      assert.ok(m.includes("#60;img src=x onerror=alert(1)#62;"));
      assert.ok(m.includes("#quot;quoted#quot;") || m.includes("#34;quoted#34;"));
      // Every label is one quoted string: the only quotes left are the delimiters.
      for (const line of m.split("\n").filter((l) => l.includes('"'))) assert.equal((line.match(/"/g) ?? []).length % 2, 0, line);
      assert.equal(escapeMermaid(`a"b<c>&#d\``), "a#34;b#60;c#62;#38;#35;d#96;");
    });

    it("Markdown: no HTML, emphasis, link or table break from the contract", () => {
      const md = ladderToMarkdown(g.contracts[0].ladders[0], g.today);
      assert.ok(!md.includes("<img"));
      assert.ok(md.includes("&lt;img src=x onerror=alert(1)&gt;"));
      assert.ok(md.includes("Q &amp; \"quoted\" \\#1 \\`code\\`"));
      const row = md.split("\n").find((l) => l.startsWith("| first"))!;
      assert.equal(row.split(/(?<!\\)\|/).length, 7, "five cells, none broken by a | from the contract");
      assert.equal(escapeMarkdown("*x* [y](z) | <b>"), "\\*x\\* \\[y\\](z) \\| &lt;b&gt;");
    });

    it("simulation Markdown and text keep hostile strings inert", () => {
      const r = result(hostile, { raised: "2026-01-07T10:00:00Z" });
      const md = simulationToMarkdown(r);
      assert.ok(!md.includes("<img") && !md.includes("<script") && md.includes("&lt;/text&gt;&lt;script&gt;"));
      assert.ok(simulationToText(r).includes(XSS), "plain text shows the name as written");
    });
  });

  describe("Mermaid, SVG and Markdown of northwind", () => {
    const g = escalationGraph(linkFiles({ "c.covenant": rajLeft }), "2026-02-01");

    it("draws one subgraph per ladder, tiers in order, the formal step last, stand-ins marked", () => {
      const m = toMermaid(g);
      assert.ok(m.startsWith("flowchart LR\n"));
      assert.equal((m.match(/subgraph /g) ?? []).length, 2);
      assert.match(m, /l0t0 -- "5 business days" --> l0t1/);
      assert.match(m, /l0t2 -- "10 business days \(total 25 business days\)" --> l0end/);
      assert.match(m, /l0end\(\["mediation<br\/>start within 20 business days"\]\)/);
      assert.match(m, /class l0t1,l1t1 standin/);
      assert.match(m, /standing in for Raj Patel/);
    });

    it("draws only the ladder asked for", () => {
      assert.equal((toMermaid(g, "expedited").match(/subgraph /g) ?? []).length, 1);
      assert.ok(toSvg(g, "expedited").includes('data-ladder="expedited"'));
      assert.ok(!toSvg(g, "expedited").includes('data-ladder="standard"'));
    });

    it("writes a hover with tiers, contacts and cumulative deadlines", () => {
      const md = ladderToMarkdown(g.contracts[0].ladders[0], g.today);
      assert.ok(md.startsWith("**Standard escalation** (`standard`) — default ladder\n"));
      assert.ok(md.includes("| management (management) | 10 business days | 15 business days | Jo Lee (mgmt) ⚠ stand-in for Raj Patel | Hana Sato (mgmt) |") ||
        md.includes("| management | 10 business days | 15 business days | Jo Lee (mgmt) ⚠ stand-in for Raj Patel | Hana Sato (mgmt) |"), md);
      assert.ok(md.includes("Then **mediation** (start within 20 business days)."));
      assert.ok(graphToMarkdown(g).startsWith("```mermaid\nflowchart LR\n"));
    });
  });

  describe("simulation reports", () => {
    it("text names each tier's contacts, deadlines, minutes and the formal step", () => {
      const text = simulationToText(result(rajLeft, { ladder: "standard", raised: "2025-12-23T18:10Z" }));
      assert.match(text, /^Northwind Managed Workplace MSA — ladder Standard escalation \(standard\), as asked\n/);
      assert.match(text, /the clock starts Wed 24 Dec 2025, 09:00 \(\+00:00\)/);
      assert.match(text, /1\. operational: opens Wed 24 Dec 2025, 09:00 \(\+00:00\), deadline Mon 5 Jan 2026, 17:00 \(\+00:00\) \(5 business days\)/);
      assert.match(text, /customer: Jo Lee \(northwind\.mgmt\), standing in for Raj Patel/);
      assert.match(text, /minutes: {2}ops-review, due Tue 30 Dec 2025, 17:00 \(\+00:00\) \(by acme\.ops\)/);
      assert.match(text, /Formal step mediation available from Mon 2 Feb 2026, 17:00 \(\+00:00\); it must start by Mon 2 Mar 2026, 17:00 \(\+00:00\)\./);
      assert.match(text, /Services continue; 25 business days from the start\./);
    });

    it("Markdown has one table row per tier and says how it ends", () => {
      const md = simulationToMarkdown(result(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z", resolveAt: { tier: "management", after: "3 business days" } }));
      assert.equal(md.split("\n").filter((l) => /^\| (operational|management|executive) /.test(l)).length, 2);
      assert.match(md, /\*\*Resolved\*\* at tier management on Thu 8 Jan 2026, 17:00 \(\+00:00\)\./);
    });
  });
});
