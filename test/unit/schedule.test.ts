// The governance schedule: the clauses a lawyer reads, in every format, from the samples; the fingerprint and
// --verify; escaping of contract text. DOCX is checked on its XML (word/document.xml), never on its bytes.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { Program } from "../../server/src/core/program";
import { diskHost, toUri } from "../../server/src/cli/files";
import type { Linked } from "../../server/src/core/link";
import { buildSchedule, Clause, Schedule } from "../../server/src/documents/model";
import { prepareSchedule, renderSchedule } from "../../server/src/documents/generate";
import { normaliseBody, sourceFingerprint, sourceTexts } from "../../server/src/documents/fingerprint";
import { docxBodyText, readSchedule, verdict } from "../../server/src/documents/verify";
import { schedulePage, scheduleContentSecurityPolicy } from "../../client/src/schedule-html";
import { runCliAsync } from "../helpers/cli";
import { linkFiles, memoryProgram, WS } from "../helpers/memory";
import { sample } from "../helpers/paths";

const AS_OF = "2026-01-15";
const INPUTS = { asOf: AS_OF, generated: "2026-01-15", generator: "Covenant test" };

function linkSample(name: string): { linked: Linked; program: Program } {
  const program = new Program(diskHost);
  const linked = program.link(toUri(sample(name)));
  if (!linked) throw new Error(`no sample ${name}`);
  return { linked, program };
}

function scheduleOf(name: string): Schedule {
  const s = buildSchedule(linkSample(name).linked, { asOf: AS_OF });
  if ("error" in s) throw new Error(s.error);
  return s;
}

async function render(name: string, format: "docx" | "html" | "markdown"): Promise<string | Uint8Array> {
  const { linked, program } = linkSample(name);
  const p = prepareSchedule(linked, { ...INPUTS, read: (uri) => program.load(uri)?.text });
  if ("error" in p) throw new Error(p.error);
  return renderSchedule(p.schedule, p.stamp, format);
}

function numbers(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((c) => [`${c.number} ${c.title}`, ...numbers(c.clauses)]);
}

function allText(s: unknown): string {
  return JSON.stringify(s);
}

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

const SAMPLES = ["northwind.covenant", "globex-hosting.covenant", "payroll.covenant"];

describe("governance schedule", () => {
  describe("the view model", () => {
    it("has the twelve clauses in the order of docs/schedule.md, and Annex A", () => {
      const s = scheduleOf("northwind.covenant");
      assert.deepEqual(s.clauses.map((c) => `${c.number} ${c.title}`), [
        "1 Parties and representatives", "2 Services and service levels", "3 Responsibilities", "4 Governance boards",
        "5 Escalation procedure", "6 Dispute resolution", "7 Continuity of services", "8 Records", "9 Early warning",
        "10 Change control", "11 Key personnel", "12 Termination and exit",
      ]);
      assert.equal(s.annex.number, "A");
      assert.deepEqual(s.clauses[4].clauses.map((c) => `${c.number} ${c.title}`), ["5.1 Standard escalation", "5.2 Critical service escalation"]);
    });

    it("numbers a clause by the contract's structure: a block taken out renumbers nothing else", () => {
      const text = fs.readFileSync(sample("northwind.covenant"), "utf8");
      const withoutBoards = text.replace(/\n {2}governance \{[\s\S]*?\n {2}\}\n/, "\n");
      assert.notEqual(withoutBoards, text);
      const a = buildSchedule(linkFiles({ "n.covenant": text }), { asOf: AS_OF }) as Schedule;
      const b = buildSchedule(linkFiles({ "n.covenant": withoutBoards }), { asOf: AS_OF }) as Schedule;
      const again = buildSchedule(linkFiles({ "n.covenant": text }), { asOf: AS_OF }) as Schedule;
      assert.deepEqual(numbers(again.clauses), numbers(a.clauses));
      assert.deepEqual(b.clauses.map((c) => c.number), a.clauses.map((c) => c.number));
      assert.deepEqual(numbers(b.clauses.slice(4)), numbers(a.clauses.slice(4)));
      assert.match(JSON.stringify(b.clauses[3]), /The agreement makes no provision for governance boards/);
    });

    it("states each missing block of payroll as a gap instead of leaving it out", () => {
      const s = scheduleOf("payroll.covenant");
      const gaps = (c: Clause): string[] => [...c.blocks.filter((b) => b.kind === "gap").map((b) => (b as { text: string }).text), ...c.clauses.flatMap(gaps)];
      const byNumber = new Map(s.clauses.map((c) => [c.number, gaps(c)]));
      assert.deepEqual(byNumber.get("8"), ["The agreement makes no provision for records."]);
      assert.deepEqual(byNumber.get("9"), ["The agreement makes no provision for early warning of disputes."]);
      assert.deepEqual(byNumber.get("10"), ["The agreement makes no provision for change control."]);
      assert.deepEqual(byNumber.get("11"), ["The agreement makes no provision for key personnel."]);
      assert.deepEqual(byNumber.get("12"), ["The agreement makes no provision for termination or exit."]);
      assert.ok(byNumber.get("2")!.includes("The agreement names no owner for the service."));
      assert.ok(byNumber.get("4")!.includes("The agreement makes no provision for minutes of this board's meetings."));
      assert.ok(gaps(s.annex).length === 0 && /states no term/.test(allText(s.annex)), "the annex says which year it shows");
      // Lou Grant left on 2025-09-30: the tier shows that no one can act for procurement.
      assert.match(allText(s.clauses[4]), /Procurement of Buyer Ltd: no one can act \(the holder Lou Grant left on 2025-09-30/);
    });

    it("takes the customer's people and the calendar from globex's imported org file, holidays from the region", () => {
      const s = scheduleOf("globex-hosting.covenant");
      const parties = allText(s.clauses[0]);
      for (const person of ["Alice Wong", "Ben Stone", "Cara Diaz", "Dev Moss", "Eve King", "Fay Ong", "Gus Ray", "Hal Hill"]) assert.ok(parties.includes(person), person);
      const annex = allText(s.annex);
      assert.match(annex, /globex-uk/);
      assert.match(annex, /GB-ENG/);
      assert.match(annex, /25 December 2026/);
      assert.match(annex, /Christmas Day \(GB-ENG\)/);
      assert.match(annex, /from 1 January 2026 to 31 December 2028/);
      assert.doesNotMatch(annex, /2029/);
    });

    it("shows the `///` documentation of declarations as explanatory notes", () => {
      const text = fs.readFileSync(sample("northwind.covenant"), "utf8")
        .replace(`  service idp`, `  /// The identity platform signs every user in.\n  service idp`)
        .replace(`    tier management {`, `    /// Heads of service meet within a week.\n    tier management {`);
      const s = buildSchedule(linkFiles({ "n.covenant": text }), { asOf: AS_OF }) as Schedule;
      assert.deepEqual(s.notes, ["Northwind's managed-workplace agreement with Acme: a contract with no governance findings."]);
      assert.deepEqual(s.clauses[1].clauses[1].blocks[0], { kind: "note", text: "The identity platform signs every user in." });
      assert.ok(s.clauses[4].clauses[0].blocks.some((b) => b.kind === "note" && b.text === "Tier management: Heads of service meet within a week."));
    });

    it("shows a service's fee, and says so where a service has none", () => {
      const { linked } = linkSample("northwind.covenant");
      const s = buildSchedule(linked, { asOf: AS_OF }) as Schedule;
      assert.match(allText(s.clauses[1].clauses[0]), /The agreement states no fee for the service\./);
      assert.match(allText(s.clauses[1].clauses[1]), /The fee is GBP 40,000 per month\./);
    });

    it("says why there is no schedule for a file without a contract", () => {
      assert.deepEqual(buildSchedule(linkFiles({ "o.covenant": `party p "P" { }` }), { asOf: AS_OF }), { error: "the file declares no contract" });
    });
  });

  describe("Markdown", () => {
    for (const name of SAMPLES) {
      it(`renders ${name} with front matter, numbered headings, GFM tables and a Mermaid block per ladder`, async () => {
        const md = (await render(name, "markdown")) as string;
        const s = scheduleOf(name);
        assert.match(md, /^---\ncovenant-schedule: covenant-schedule\/1\n/);
        assert.match(md, /\nsource-sha256: [0-9a-f]{64}\n/);
        for (const c of s.clauses) assert.ok(md.includes(`\n## ${c.number} ${c.title}\n`), c.title);
        assert.ok(md.includes("\n## Annex A: Business calendar\n"));
        assert.match(md, /\n\| Role \| Held by \| Deputy \| Level \|\n\|---\|---\|---\|---\|\n/);
        const ladders = s.clauses[4].clauses.length;
        assert.equal(md.split("```mermaid\nflowchart LR").length - 1, ladders);
        assert.match(md, /Source fingerprint \(SHA-256\): [0-9a-f]{64}/);
      });
    }
  });

  describe("HTML", () => {
    for (const name of SAMPLES) {
      it(`renders ${name} self-contained: inline CSS and SVG, a print style sheet, no external resource`, async () => {
        const html = (await render(name, "html")) as string;
        assert.match(html, /^<!DOCTYPE html>/);
        assert.match(html, /<meta name="covenant-source-sha256" content="[0-9a-f]{64}">/);
        assert.match(html, /@media print/);
        assert.match(html, /thead \{ display: table-header-group; \}/);
        assert.doesNotMatch(html, /<(script|link|img|iframe)\b/i);
        assert.doesNotMatch(html, /(src|href)=/i);
        assert.equal(html.split("<figure><svg").length - 1, scheduleOf(name).clauses[4].clauses.length);
      });
    }

    it("shows contract text as text: a party titled like an HTML tag cannot inject markup", async () => {
      const evil = `<img src=x onerror=alert(1)>`;
      const text = fs.readFileSync(sample("northwind.covenant"), "utf8").replace(`"Northwind Traders"`, JSON.stringify(evil)).replace(`"Jo Lee"`, `"</style><script>x</script>"`);
      const linked = linkFiles({ "n.covenant": text });
      const p = prepareSchedule(linked, { ...INPUTS, read: () => undefined });
      if ("error" in p) throw new Error(p.error);
      const html = (await renderSchedule(p.schedule, p.stamp, "html")) as string;
      assert.doesNotMatch(html, /<img/);
      assert.doesNotMatch(html, /<script/);
      assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
      const md = (await renderSchedule(p.schedule, p.stamp, "markdown")) as string;
      assert.doesNotMatch(md, /<img|<script/);
    });
  });

  describe("DOCX", () => {
    for (const name of SAMPLES) {
      it(`renders ${name} with Word headings, clause numbers, every party and every tier, and the fingerprint properties`, async () => {
        const files = unzip((await render(name, "docx")) as Uint8Array);
        const xml = files["word/document.xml"];
        const s = scheduleOf(name);
        const text = normaliseBody(docxBodyText(xml));
        const headings = (level: number): string[] =>
          [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>(?:(?!</w:p>).)*</w:p>`, "g"))].map((m) => normaliseBody(docxBodyText(m[0])));
        assert.deepEqual(headings(1), [...s.clauses.map((c) => `${c.number} ${c.title}`), "Annex A: Business calendar"]);
        assert.deepEqual(headings(2), s.clauses.flatMap((c) => c.clauses.map((sub) => `${sub.number} ${sub.title}`)));
        const { linked } = linkSample(name);
        const lc = linked.contracts[0];
        for (const p of [lc.customer!, lc.supplier!]) assert.ok(text.includes(p.party.label!.value), p.decl.name);
        for (const e of lc.contract.escalations) for (const t of e.tiers) assert.ok(text.includes(`: ${t.name!.text}`), `tier ${t.name!.text}`);
        assert.ok(xml.includes("<w:tblHeader/>"), "header rows repeat on each page");
        for (const name of ["CovenantSourceSha256", "CovenantBodySha256"]) assert.match(files["docProps/custom.xml"], new RegExp(`name="${name}"><vt:lpwstr>[0-9a-f]{64}</vt:lpwstr>`));
        assert.ok(Object.keys(files).some((f) => /^word\/footer\d*\.xml$/.test(f) && /Source fingerprint/.test(files[f])));
      });
    }
  });

  describe("fingerprint and --verify", () => {
    let dir: string;
    before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-schedule-")); });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("ignores layout but not content, and covers the imported org file", () => {
      const org = fs.readFileSync(sample("org", "globex.covenant"), "utf8");
      const main = fs.readFileSync(sample("globex-hosting.covenant"), "utf8");
      const fp = (files: Record<string, string>): string => {
        const program = memoryProgram(files);
        const linked = program.link(WS + "g.covenant")!;
        return sourceFingerprint("globex-hosting", sourceTexts(linked, (u) => program.load(u)?.text));
      };
      const base = fp({ "g.covenant": main, "org/globex.covenant": org });
      assert.equal(fp({ "g.covenant": main.replace(/\n {2}/g, "\n      "), "org/globex.covenant": org }), base, "re-indenting is no change");
      assert.notEqual(fp({ "g.covenant": main, "org/globex.covenant": org.replace("Alice Wong", "Alice Long") }), base, "a changed import is a change");
      assert.notEqual(fp({ "g.covenant": main.replace("36 months", "48 months"), "org/globex.covenant": org }), base);
    });

    for (const [ext, format] of [["docx", "docx"], ["html", "html"], ["md", "markdown"]] as const) {
      it(`says a .${ext} matches, then catches an edit of the document and a change of the contract`, async () => {
        const contract = path.join(dir, `g-${ext}.covenant`);
        fs.mkdirSync(path.join(dir, "org"), { recursive: true });
        fs.copyFileSync(sample("org", "globex.covenant"), path.join(dir, "org", "globex.covenant"));
        const text = fs.readFileSync(sample("globex-hosting.covenant"), "utf8");
        fs.writeFileSync(contract, text);
        const doc = path.join(dir, `schedule.${ext}`);
        const made = await runCliAsync(["schedule", contract, "--format", format, "-o", doc]);
        assert.equal(made.code, 0, made.stderr);

        const ok = await runCliAsync(["schedule", "--verify", doc, contract]);
        assert.equal(ok.code, 0, ok.stdout + ok.stderr);
        assert.match(ok.stdout, /: matches/);

        // An edit: "Nimbus Cloud Ltd" becomes "Nimbus Cloud plc" in the body, the stamp kept as Word keeps it.
        const edited = path.join(dir, `edited.${ext}`);
        if (ext === "docx") {
          const files = unzipSync(fs.readFileSync(doc));
          const xml = strFromU8(files["word/document.xml"]);
          assert.ok(xml.includes("Nimbus Cloud Ltd"));
          files["word/document.xml"] = new TextEncoder().encode(xml.replace("Nimbus Cloud Ltd", "Nimbus Cloud plc"));
          fs.writeFileSync(edited, zipSync(files));
        } else fs.writeFileSync(edited, fs.readFileSync(doc, "utf8").replace("Nimbus Cloud Ltd", "Nimbus Cloud plc"));
        const caught = await runCliAsync(["schedule", "--verify", edited, contract]);
        assert.equal(caught.code, 1);
        assert.match(caught.stdout, /does not match: the document was edited after it was generated/);

        fs.writeFileSync(contract, text.replace("36 months", "48 months"));
        const changed = await runCliAsync(["schedule", "--verify", doc, contract]);
        assert.equal(changed.code, 1);
        assert.match(changed.stdout, /does not match: the contract changed since the document was generated on \d{4}-\d{2}-\d{2}/);
        assert.doesNotMatch(changed.stdout, /edited/);
      });
    }

    it("keeps trusting a .docx whose runs Word split, and refuses an unreadable document with exit 2", async () => {
      const bytes = (await render("northwind.covenant", "docx")) as Uint8Array;
      const read = readSchedule(bytes);
      if ("error" in read) throw new Error(read.error);
      const files = unzipSync(bytes);
      const xml = strFromU8(files["word/document.xml"]);
      // Word saves a run in pieces, with revision ids and proofing marks between them.
      const split = xml.replace(/<w:r><w:t xml:space="preserve">Each party acts/, `<w:r w:rsidR="00A1"><w:t>Ea</w:t></w:r><w:proofErr w:type="spellStart"/><w:r w:rsidR="00A2"><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">ch party acts`);
      assert.notEqual(split, xml);
      files["word/document.xml"] = new TextEncoder().encode(split);
      const resaved = readSchedule(zipSync(files));
      if ("error" in resaved) throw new Error(resaved.error);
      assert.equal(verdict(resaved, read.source).matches, true);

      const junk = path.join(os.tmpdir(), `covenant-junk-${process.pid}.docx`);
      fs.writeFileSync(junk, "not a document");
      try {
        const r = await runCliAsync(["schedule", "--verify", junk, sample("northwind.covenant")]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /cannot be verified: it is not a Covenant schedule/);
        const missing = await runCliAsync(["schedule", "--verify", junk + ".nothere", sample("northwind.covenant")]);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /no such file/);
      } finally {
        fs.rmSync(junk, { force: true });
      }
    });
  });

  describe("any text", () => {
    it("gives a schedule or a reason for every sample and fixture, broken ones included, and renders it", async function () {
      this.timeout(60_000);
      const files: string[] = [];
      const walk = (dir: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith(".covenant")) files.push(p);
        }
      };
      walk(sample());
      walk(path.join(sample(), "..", "test", "fixtures"));
      let scheduled = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, "utf8");
        // Cut the text short too: a half-typed contract is the common case in the editor.
        for (const t of [text, text.slice(0, Math.floor(text.length / 2))]) {
          const p = prepareSchedule(linkFiles({ "f.covenant": t }), { ...INPUTS, read: () => undefined });
          if ("error" in p) continue;
          scheduled++;
          assert.equal(p.schedule.clauses.length, 12, file);
          assert.match((await renderSchedule(p.schedule, p.stamp, "markdown")) as string, /^---\n/, file);
          assert.match((await renderSchedule(p.schedule, p.stamp, "html")) as string, /<\/main>/, file);
        }
      }
      assert.ok(scheduled > 50, `only ${scheduled} schedules`);
    });
  });

  describe("the CLI", () => {
    it("writes Markdown to stdout, refuses DOCX to a terminal and an unknown format", async () => {
      const md = await runCliAsync(["schedule", sample("payroll.covenant")]);
      assert.equal(md.code, 0);
      assert.match(md.stdout, /^---\ncovenant-schedule:/);
      assert.match(md.stderr, /has \d+ syntax or reference error|^$/);
      const docx = await runCliAsync(["schedule", sample("payroll.covenant"), "--format", "docx"]);
      assert.equal(docx.code, 2);
      assert.match(docx.stderr, /needs -o OUT\.docx/);
      const bad = await runCliAsync(["schedule", sample("payroll.covenant"), "--format", "pdf"]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /unknown --format 'pdf' for schedule \(docx, html, markdown\)/);
    });
  });

  describe("the preview webview page", () => {
    it("has a strict policy with a nonce, and puts the nonce on the diagrams' style elements", async () => {
      const csp = scheduleContentSecurityPolicy("vscode-resource:", "abc123");
      assert.equal(csp, "default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src vscode-resource: data:");
      const page = schedulePage({ title: "<t>", cspSource: "vscode-resource:", nonce: "abc123", css: "body{}", body: `<main><svg><style>text{}</style></svg></main>` });
      assert.ok(page.includes(`<svg><style nonce="abc123">`));
      assert.ok(page.includes("<title>&lt;t&gt;</title>"));
      assert.doesNotMatch(page, /unsafe-inline/);
      assert.equal((page.match(/<script\b/g) ?? []).length, 1);
      assert.match(page, /<script nonce="abc123">/);
    });
  });
});
