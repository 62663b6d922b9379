// The escalation preview shows the findings that live on a ladder where they live (ESC002's person at the first
// and last tier, a missing side, a tier without a time limit, mismatched levels), in every rendering, and the
// SVG's text never touches the edge of its box.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { allFindings } from "../../server/src/analysis/analyse";
import { escalationGraphWithFindings } from "../../server/src/features/escalation-graph";
import type { EscalationGraph, GraphTier } from "../../server/src/simulate/graph";
import { graphToMarkdown, ladderToMarkdown, SVG_TEXT_STYLES, toMermaid, toSvg } from "../../server/src/simulate/render";
import { BOLD, charWidth, clipToWidth, textWidth } from "../../server/src/simulate/text-width";
import { runCli } from "../helpers/cli";
import { analyseFile, covenantFiles, EXAMPLES_TODAY } from "../helpers/expectations";
import { linkFiles } from "../helpers/memory";
import { fixture, ROOT, sample } from "../helpers/paths";

const CTO = fixture("preview", "cto-first-and-last.covenant");

function graphOfFile(file: string, today = EXAMPLES_TODAY): EscalationGraph {
  const { linked, findings } = analyseFile(file, { today });
  return escalationGraphWithFindings(linked, today, findings);
}

function graphOfText(text: string, today = EXAMPLES_TODAY): EscalationGraph {
  const linked = linkFiles({ "c.covenant": text });
  return escalationGraphWithFindings(linked, today, allFindings(linked, { today }));
}

/** `code side` for each finding on a tier, as the preview places them. */
function marks(t: GraphTier): string[] {
  return (t.findings ?? []).map((f) => `${f.code}${f.side ? ` ${f.side}` : ""}`).sort();
}

/** A contract whose names are long and wide: capitals W and M, CJK, emoji. */
const WIDE = "W".repeat(60);
const CJK = "漢字のとても長い名前を持つ担当者漢字のとても長い名前を持つ担当者";
const wideContract = `contract wide "${WIDE} ${CJK}" {
  party buyer "${WIDE}" customer {
    person p "${WIDE}" { title "MMMM" }
    person r "${CJK} 🚀🚀🚀" { title "CTO" }
    role ops "${WIDE}" { holder p deputy r level operational }
    role exec "${CJK}" { holder r deputy p level executive }
  }
  party seller "Seller" supplier {
    person q "${"M".repeat(40)} ${CJK}"
    person s "@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%@%"
    role ops { holder q deputy s level operational }
    role exec { holder s deputy q level executive }
  }
  escalation wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww "${WIDE}" {
    tier mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm { customer ops supplier ops within 999 business days }
    tier second { customer exec }
    tier last { customer ops supplier exec within 99999 business hours }
    then mediation
  }
  dispute { mediation { start within 5 business days } }
}
`;

// ---------------------------------------------------------------- a small reader of the SVG the renderer writes

interface Box { x: number; y: number; width: number; height: number; cls: string }
interface Text { x: number; y: number; anchor: string; cls: string; content: string }

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function readSvg(svg: string): { width: number; boxes: Box[]; texts: Text[] } {
  const width = Number(attr(/<svg[^>]*>/.exec(svg)![0], "width"));
  const boxes: Box[] = [];
  for (const m of svg.matchAll(/<rect\b[^>]*>/g)) {
    const x = attr(m[0], "x");
    if (x === undefined) continue; // the background
    boxes.push({ x: Number(x), y: Number(attr(m[0], "y")), width: Number(attr(m[0], "width")), height: Number(attr(m[0], "height")), cls: attr(m[0], "class") ?? "" });
  }
  const texts: Text[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const tag = `<text${m[1]}>`;
    texts.push({ x: Number(attr(tag, "x")), y: Number(attr(tag, "y")), anchor: attr(tag, "text-anchor") ?? "start", cls: attr(tag, "class") ?? "", content: decodeXml(m[2]) });
  }
  return { width, boxes, texts };
}

/** Where a text's ink may reach: its estimated width from the anchor, a font's ascent above the baseline and descent below. */
function extent(t: Text): { left: number; right: number; top: number; bottom: number } {
  const style = SVG_TEXT_STYLES[t.cls] ?? SVG_TEXT_STYLES[""];
  const w = textWidth(t.content, style.size, style.bold);
  const left = t.anchor === "middle" ? t.x - w / 2 : t.anchor === "end" ? t.x - w : t.x;
  return { left, right: left + w, top: t.y - 0.8 * style.size, bottom: t.y + 0.24 * style.size };
}

const MARGIN = 3;

/** Every text lies inside the smallest rectangle around its anchor with room to spare, or outside every rectangle and inside the picture. */
function assertTextFits(svg: string, what: string): number {
  const { width, boxes, texts } = readSvg(svg);
  for (const t of texts) {
    const e = extent(t);
    const mid = (e.top + e.bottom) / 2;
    const around = boxes
      .filter((b) => b.x <= t.x && t.x <= b.x + b.width && b.y <= mid && mid <= b.y + b.height)
      .sort((a, b) => a.width * a.height - b.width * b.height)[0];
    const where = `${what}: <text class="${t.cls}"> ${JSON.stringify(t.content)}`;
    if (around) {
      assert.ok(e.left >= around.x + MARGIN - 0.01, `${where} starts ${(around.x - e.left).toFixed(1)}px left of its ${around.cls} (${around.x})`);
      assert.ok(e.right <= around.x + around.width - MARGIN + 0.01, `${where} ends at ${e.right.toFixed(1)}, past its ${around.cls}'s right edge ${around.x + around.width} less ${MARGIN}px`);
      assert.ok(e.top >= around.y && e.bottom <= around.y + around.height, `${where} crosses the top or bottom of its ${around.cls}`);
    } else {
      assert.ok(e.left >= MARGIN && e.right <= width - MARGIN, `${where} (${e.left.toFixed(1)}–${e.right.toFixed(1)}) is not inside the picture's width ${width}`);
      for (const b of boxes) {
        const crosses = e.left < b.x + b.width && e.right > b.x && e.top < b.y + b.height && e.bottom > b.y;
        assert.ok(!crosses, `${where} overlaps a ${b.cls} at ${b.x},${b.y}`);
      }
    }
  }
  // A badge sits inside its tier's box too.
  for (const badge of boxes.filter((b) => b.cls === "cv-badge")) {
    const box = boxes.find((b) => b.cls === "cv-box" && b.x <= badge.x && badge.y >= b.y && badge.y <= b.y + b.height);
    if (box && badge.x < box.x + box.width) assert.ok(badge.x + badge.width <= box.x + box.width - MARGIN, `${what}: a badge at ${badge.x},${badge.y} crosses its box's edge`);
  }
  return texts.length;
}

describe("escalation preview: findings where they live", () => {
  describe("the graph carries the findings of its tiers, contacts and ladders", () => {
    it("payroll: ESC002 on the supplier at the first and the last tier; a missing side and no time limit on the tier; a level mismatch; ESC004 on the ladder", () => {
      const ladder = graphOfFile(sample("payroll.covenant")).contracts[0].ladders[0];
      assert.deepEqual(ladder.tiers.map(marks), [
        ["ESC002 supplier"],
        ["ESC003", "ESC005", "ESC008 customer", "PPL001 customer"],
        ["ESC002 supplier", "ESC005", "ESC008 customer", "ESC010"],
      ]);
      assert.deepEqual(ladder.findings!.map((f) => f.code), ["ESC004"]);
      const esc002 = ladder.tiers[0].findings![0];
      assert.deepEqual([esc002.severity, esc002.title], ["error", "First and last point of escalation"]);
      assert.match(esc002.message, /Vic Olsen \(vic\) is the contact at both the first tier 'ops' and the last tier 'top'/);
    });

    it("the CTO who is first and last point of escalation is marked at both tiers", () => {
      const tiers = graphOfFile(CTO).contracts[0].ladders[0].tiers;
      assert.deepEqual(tiers.map(marks), [["ESC002 customer", "ESC010"], ["ESC003", "ESC005", "ESC007 customer"], ["ESC002 customer"]]);
    });

    it("ESC006 marks the contact at the earlier tier as well as the repeated one", () => {
      const ladder = graphOfFile(fixture("checks", "ESC006-fires.covenant")).contracts.flatMap((c) => c.ladders).find((l) => l.tiers.some((t) => marks(t).some((m) => m.startsWith("ESC006"))))!;
      const at = ladder.tiers.map((t) => marks(t).filter((m) => m.startsWith("ESC006")).length);
      assert.ok(at.filter((n) => n > 0).length >= 2, `ESC006 on ${at.join(", ")} tiers`);
    });

    it("leaves out findings that are not on a ladder, and those of another file", () => {
      const { linked, findings } = analyseFile(sample("payroll.covenant"));
      assert.ok(findings.some((f) => f.code === "CNT002"), "the sample has findings elsewhere");
      const graph = escalationGraphWithFindings(linked, EXAMPLES_TODAY, [...findings, { ...findings.find((f) => f.code === "ESC004")!, uri: "file:///elsewhere.covenant", code: "ESC001" }]);
      const codes = graph.contracts.flatMap((c) => c.ladders.flatMap((l) => [...(l.findings ?? []), ...l.tiers.flatMap((t) => t.findings ?? [])])).map((f) => f.code);
      assert.ok(!codes.includes("CNT002") && !codes.includes("ESC001") && !codes.includes("REC001"), codes.join(" "));
    });

    it("a ladder without findings gets empty lists, and its renderings no mark", () => {
      const g = graphOfFile(sample("northwind.covenant"));
      const standard = g.contracts[0].ladders[0];
      assert.deepEqual([standard.findings, standard.tiers.map((t) => t.findings)], [[], [[], [], []]]);
      assert.ok(!toSvg(g).includes("cv-finding") && !toMermaid(g).includes("finding"));
    });
  });

  describe("renderings", () => {
    const g = graphOfFile(CTO);

    it("SVG: a badge with the code on the tier or contact, the message as its <title>, the box in the severity's colour", () => {
      const svg = toSvg(g);
      const tiers = svg.split('<g class="cv-tier').slice(1).map((s) => s.split('<line class="cv-arrow"')[0]);
      assert.equal(tiers.length, 3);
      assert.match(tiers[0], /^ cv-marked cv-marked-error">/);
      // The contact's finding comes right after its line, the tier's before the contacts.
      assert.match(tiers[0], /data-code="ESC010">.*customer: Dana Wu<\/text>.*data-code="ESC002">.*supplier: Ray Osei/s);
      assert.match(tiers[2], /customer: Dana Wu<\/text>\n<g class="cv-finding cv-sev-error" data-code="ESC002"><title>ESC002 error \(customer\): First and last point of escalation\. on the customer side, Dana Wu \(dana\) is the contact at both the first tier &apos;first&apos; and the last tier &apos;last&apos;/);
      assert.match(tiers[2], /<rect class="cv-badge"[^>]*\/><text class="cv-badge-text"[^>]*>ESC002<\/text><text class="cv-reason"[^>]*>First and last point of escalation<\/text>/);
      // A ladder's own finding colours no box: the formal step's box keeps its plain border.
      assert.match(toSvg(graphOfFile(sample("payroll.covenant"))), /<g class="cv-ladder" data-contract="payroll"[^]*<g class="cv-step">/);
      assert.match(tiers[1], /data-code="ESC003".*Tier with one side missing.*data-code="ESC005".*Tier without a time limit/s);
      assert.match(svg, /\.cv-sev-error \.cv-badge\{fill:var\(--vscode-errorForeground,#cf222e\)\}/);
      assert.match(svg, /\.cv-sev-warning \.cv-badge\{fill:var\(--vscode-editorWarning-foreground,#9a6700\)\}/);
      assert.match(svg, /\.cv-marked-error>\.cv-box\{stroke:var\(--vscode-errorForeground/);
    });

    it("Mermaid: the code and the rule in the node's label, a class per severity", () => {
      const m = toMermaid(g);
      assert.match(m, /l0t2\["last · executive<br\/>customer: Dana Wu \(acme\.cto\)<br\/>↳ ⛔ ESC002 First and last point of escalation<br\/>supplier: Sue Park/);
      assert.match(m, /l0t1\["middle · management<br\/>⛔ ESC003 Tier with one side missing<br\/>⛔ ESC005 Tier without a time limit<br\/>/);
      assert.match(m, /classDef findingError stroke:#cf222e,stroke-width:3px\n {2}class l0t0,l0t1,l0t2 findingError\n/);
    });

    it("Markdown: a Findings column and a list with the code, where, the rule and the message", () => {
      const md = ladderToMarkdown(g.contracts[0].ladders[0]);
      assert.match(md, /^\| first \(operational\) \| 5 business days \| 5 business days \| Dana Wu \(cto\) \| Ray Osei \(svc\) \| ⛔ ESC002 \(customer\), ⚠ ESC010 \|$/m);
      assert.match(md, /^- ⛔ \*\*ESC002\*\* error at tier `last`, customer: First and last point of escalation — on the customer side, Dana Wu \(dana\) is the contact/m);
      assert.match(md, /^- ⛔ \*\*ESC005\*\* error at tier `middle`: Tier without a time limit — /m);
      assert.ok(graphToMarkdown(g).includes("Findings on this ladder:"));
    });

    it("covenant preview draws the findings `covenant check` reports, with covenant.json's severities", () => {
      for (const format of ["svg", "mermaid", "markdown"]) {
        const r = runCli(["preview", CTO, "--format", format, "--today", EXAMPLES_TODAY]);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(r.stdout.includes("ESC002"), `${format} names ESC002`);
      }
      const dir = fs.mkdtempSync(path.join(ROOT, "out", "preview-"));
      try {
        fs.copyFileSync(CTO, path.join(dir, "c.covenant"));
        fs.writeFileSync(path.join(dir, "covenant.json"), JSON.stringify({ rules: { ESC002: "off", ESC005: "warning" } }));
        const md = runCli(["preview", path.join(dir, "c.covenant"), "--format", "markdown", "--today", EXAMPLES_TODAY]).stdout;
        assert.ok(!md.includes("ESC002"), "a rule turned off is not drawn");
        assert.match(md, /⚠ \*\*ESC005\*\* warning at tier `middle`/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("hostile names and messages stay text in every rendering", () => {
    const XSS = "<img src=x onerror=alert(1)>";
    const text = `contract evil "${XSS}" {
  party buyer "${XSS}" customer {
    person p "${XSS} | *b* [l](http://x) \`c\` #1 \\"q\\" &amp;" { title "</text><script>alert(1)</script>" }
    role ops "${XSS}" { holder p level operational }
  }
  party seller "S" supplier { person q role ops { holder q level operational } }
  escalation bad "${XSS}" {
    tier first { customer ops supplier ops within 2 business days }
    tier second { customer ops }
    then mediation
  }
  dispute { mediation { start within 5 business days } }
}
`;
    const g = graphOfText(text);

    it("the graph has findings whose messages hold the hostile name", () => {
      const esc002 = g.contracts[0].ladders[0].tiers[1].findings!.find((f) => f.code === "ESC002")!;
      assert.ok(esc002.message.includes(XSS));
    });

    it("SVG: only the renderer's tags", () => {
      const svg = toSvg(g);
      const tags = svg.match(/<\/?[a-zA-Z][^>]*>/g) ?? [];
      for (const tag of tags) assert.match(tag, /^<\/?(svg|title|style|rect|defs|marker|path|g|text|line)[\s>/]/, tag);
      assert.equal(svg.split("<").length - 1, tags.length);
      assert.ok(svg.includes("&lt;img src=x onerror=alert(1)&gt;"));
    });

    it("Mermaid: each label one quoted string, no tag", () => {
      const m = toMermaid(g);
      assert.ok(!m.includes("<img") && !m.includes("<script"));
      for (const line of m.split("\n").filter((l) => l.includes('"'))) assert.equal((line.match(/"/g) ?? []).length % 2, 0, line);
    });

    it("Markdown: no HTML, and the list's message cannot break out of its line or start a link", () => {
      const md = ladderToMarkdown(g.contracts[0].ladders[0]);
      assert.ok(!md.includes("<img") && !md.includes("<script"));
      const item = md.split("\n").find((l) => l.startsWith("- ⛔ **ESC002**"))!;
      assert.ok(item.includes("&lt;img src=x onerror=alert(1)&gt; \\| \\*b\\* \\[l\\](http://x) \\`c\\` \\#1"), item);
      for (const row of md.split("\n").filter((l) => l.startsWith("| first") || l.startsWith("| second"))) {
        assert.equal(row.split(/(?<!\\)\|/).length, 8, `six cells: ${row}`);
      }
    });
  });

  describe("text never touches a box's edge", () => {
    it("the width table is at least DejaVu Sans's advance for every character measured, regular and bold", () => {
      const measured = JSON.parse(fs.readFileSync(fixture("preview", "dejavu-sans-widths.json"), "utf8")) as Record<string, Record<string, number>>;
      const under: string[] = [];
      for (const [ch, w] of Object.entries(measured.regular)) if (charWidth(ch) < w) under.push(`${JSON.stringify(ch)} ${charWidth(ch)} < ${w}`);
      for (const [ch, w] of Object.entries(measured.bold)) if (charWidth(ch) * BOLD < w) under.push(`bold ${JSON.stringify(ch)} ${charWidth(ch) * BOLD} < ${w}`);
      assert.deepEqual(under, []);
      assert.ok(Object.keys(measured.regular).length >= 95);
    });

    it("counts wide characters wide: W above i, CJK and emoji at least an em, combining marks nothing", () => {
      assert.ok(textWidth("W", 12) > 2 * textWidth("i", 12));
      assert.ok(textWidth("漢", 12) >= 12 && textWidth("🚀", 12) >= 12);
      assert.equal(textWidth("e\u0301", 12), textWidth("e", 12));
      const clipped = clipToWidth(CJK.repeat(4), 200, 12);
      assert.ok(clipped.endsWith("…") && textWidth(clipped, 12) <= 200);
    });

    const svgs: [string, string][] = [];
    for (const dir of [path.join(ROOT, "samples"), fixture("checks"), fixture("preview")]) {
      for (const file of covenantFiles(dir)) {
        const g = graphOfFile(file);
        if (g.contracts.some((c) => c.ladders.length)) svgs.push([path.relative(ROOT, file), toSvg(g)]);
      }
    }
    svgs.push(["long and wide names", toSvg(graphOfText(wideContract))]);

    it(`fits every text of the SVG of every sample and fixture (${svgs.length} drawings) in its box`, () => {
      let texts = 0;
      for (const [what, svg] of svgs) texts += assertTextFits(svg, what);
      assert.ok(texts > 1000, `${texts} texts checked`);
    });

    it("long names of capitals and CJK make the boxes grow, up to a limit past which the text is cut", () => {
      const svg = toSvg(graphOfText(wideContract));
      const { boxes, texts } = readSvg(svg);
      const name = texts.find((t) => t.content.startsWith("mmmm"))!;
      assert.ok(name.content.endsWith("…"), "the longest tier name is cut");
      assert.ok(Math.max(...boxes.filter((b) => b.cls === "cv-box").map((b) => b.width)) >= 340, "a box grew to its text");
      assert.ok(texts.some((t) => t.content.includes("漢字")));
    });
  });
});
