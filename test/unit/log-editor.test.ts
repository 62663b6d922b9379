// The editor on a relationship log (operations.md): outline, hover, code lenses, links, completion and
// navigation over samples/northwind-log.covenant (analysed on 2026-01-10) and small logs with a cursor.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Program } from "../../server/src/core/program";
import { allFindings } from "../../server/src/analysis/analyse";
import type { DocumentAnalysis, WorkspaceView } from "../../server/src/features/analysis";
import { documentSymbols, workspaceSymbols } from "../../server/src/features/symbols";
import { hover } from "../../server/src/features/hover";
import { complete } from "../../server/src/features/completion";
import { definition, references } from "../../server/src/features/navigation";
import { codeLenses } from "../../server/src/features/code-lens";
import { documentLinks } from "../../server/src/features/document-links";
import { sample } from "../helpers/paths";

const LOG_URI = pathToFileURL(sample("northwind-log.covenant")).toString();
const CONTRACT_URI = pathToFileURL(sample("northwind.covenant")).toString();

/** Files from disk, with in-memory overrides (a document under test with its cursor removed). */
function analyse(uri: string, overrides: Record<string, string> = {}, today = "2026-01-10"): { a: DocumentAnalysis; view: WorkspaceView } {
  const read = (u: string): string | undefined => {
    if (u in overrides) return overrides[u];
    try { return fs.readFileSync(fileURLToPath(u), "utf8"); } catch { return undefined; }
  };
  const program = new Program({ read });
  const view: WorkspaceView = {
    load: (u) => program.load(u),
    link: (u) => program.link(u),
    files: () => [...new Set([LOG_URI, CONTRACT_URI, ...Object.keys(overrides)])],
    resolveImport: (from, p) => program.resolveImport(from, p),
  };
  const linked = program.link(uri)!;
  return { a: { uri, text: read(uri)!, linked, findings: allFindings(linked, { today }), today }, view };
}

/** A log beside the northwind contract, with a `<|>` cursor. */
function logAtCursor(source: string, today = "2026-01-10"): { a: DocumentAnalysis; offset: number; view: WorkspaceView } {
  const offset = source.indexOf("<|>");
  const text = source.replace("<|>", "");
  const uri = pathToFileURL(sample("cursor-log.covenant")).toString();
  const { a, view } = analyse(uri, { [uri]: text }, today);
  return { a, offset, view };
}

describe("the relationship log in the editor", () => {
  describe("outline", () => {
    it("shows the log, its matters, and their events named by kind and moment", () => {
      const { a } = analyse(LOG_URI);
      const symbols = documentSymbols(a.linked.file.parsed.file);
      const log = symbols.find((s) => s.kind === "log")!;
      assert.equal(log.name, "northwind-msa");
      assert.deepEqual(log.children.map((m) => `${m.kind}:${m.name}`), ["matter:laptops-late", "matter:idp-outage", "matter:sso-migration", "matter:invoice-dispute"]);
      const laptops = log.children[0];
      assert.equal(laptops.detail, "Laptop refresh deliveries late");
      assert.deepEqual(laptops.children.map((e) => e.name), ["raised 2025-11-03 10:00", "meeting 2025-11-05 14:00", "escalated 2025-11-13 09:30", "decision 2025-11-20", "resolved 2025-11-28 12:00"]);
      assert.equal(laptops.children[2].detail, "to management");
      for (const s of [log, ...log.children, ...log.children.flatMap((m) => m.children)]) {
        assert.ok(s.range.start <= s.selection.start && s.selection.end <= s.range.end, s.name);
      }
    });

    it("finds matters among the workspace's symbols, inside their log, and not the events", () => {
      const { view } = analyse(LOG_URI);
      const found = workspaceSymbols("idpout", view);
      assert.deepEqual(found.map((s) => `${s.kind}:${s.name} in ${s.container}`), ["matter:idp-outage in log northwind-msa"]);
      assert.ok(!workspaceSymbols("raised", view).some((s) => s.kind === "event"));
    });

    it("outlines a log cut short by a syntax error", () => {
      const { a } = logAtCursor(`import "northwind.covenant"\nlog northwind-msa {\n  matter m {\n    raised 2025-11-03 10:00\n    escalated 2025-11-05 09:00 to management\n    note<|>`);
      const log = documentSymbols(a.linked.file.parsed.file).find((s) => s.kind === "log")!;
      assert.deepEqual(log.children[0].children.map((e) => e.name.split(" ")[0]), ["raised", "escalated"]);
    });
  });
});

describe("the relationship log in the editor: hover", () => {
  const { a } = analyse(LOG_URI);
  const hoverAt = (needle: string, shift = 0): { markdown: string; range: { start: number; end: number } } => {
    const h = hover(a, a.text.indexOf(needle) + shift);
    assert.ok(h, `a hover at ${needle}`);
    return h;
  };

  it("replays a matter: each tier with its opening, deadline, outcome and the people at the table, then what must happen next", () => {
    const h = hoverAt("invoice-dispute", 3);
    assert.equal(a.text.slice(h.range.start, h.range.end), "invoice-dispute");
    assert.match(h.markdown, /Ladder `standard` · open at `management` — \*\*overdue\*\*/);
    assert.match(h.markdown, /1\. \*\*operational\*\* opened Mon 15 Dec 2025, 16:30 \(\+00:00\) · deadline .* · met/);
    assert.match(h.markdown, /2\. \*\*management\*\* opened Mon 22 Dec 2025, 10:00 \(\+00:00\) · deadline .* · \*\*missed\*\* \(still at this tier\)/);
    assert.match(h.markdown, /Next: escalate to 'executive' now, or record the resolution/);
  });

  it("says when a matter was resolved, and flags a tier's deadline missed", () => {
    const h = hoverAt("laptops-late");
    assert.match(h.markdown, /resolved on Fri 28 Nov 2025, 12:00 \(\+00:00\)/);
    assert.match(h.markdown, /1\. \*\*operational\*\* .* · \*\*missed\*\*/);
    assert.match(h.markdown, /Customer: .* — `ops` · Supplier: .* — `ops`/);
  });

  it("evaluates a measurement: target, breach, credit and amount", () => {
    const h = hoverAt("idp.availability 2025-12");
    assert.match(h.markdown, /\*\*idp\.availability\*\* · target .* >= 99\.95% · monthly/);
    assert.match(h.markdown, /- 2025-12: 99\.20% — \*\*breached\*\* · credit \d+% .*= [\d.]+ GBP/);
    const csv = hoverAt("records/eud-p2-fix.csv", 2);
    assert.match(csv.markdown, /\(line 2\)/);
  });

  it("says whether a log signal fired and the response it needed", () => {
    const fired = hoverAt("missed-deadlines \"Second");
    assert.match(fired.markdown, /\*\*Fires\*\* on .* Nov 2025.*\nResponse: answered by the response of Wed 26 Nov 2025/);
    assert.match(hoverAt("missed-deadlines \"First").markdown, /Does not fire here \(the contract watches `signal missed-deadlines 2 within 30 days`\)/);
    assert.match(hoverAt("formal-tone").markdown, /Response: \*\*no response\*\* by /);
    assert.match(hoverAt("tone-shift").markdown, /does not watch this sign/);
  });

  it("says why a matter of a broken log is not replayed, and never throws on half-typed logs", () => {
    const { a: b, offset } = logAtCursor(`import "northwind.covenant"\nlog northwind-msa {\n  matter od<|>d {\n    escalated 2025-11-05 to management\n  }\n  measure idp.availability 2025-13 99%\n  signal 2025-11-04 \n`);
    assert.match(hover(b, offset)!.markdown, /Not replayed: it has errors of its own/);
    for (let i = 0; i <= b.text.length; i++) hover(b, i);
  });
});

describe("the relationship log in the editor: code lenses and links", () => {
  const { a } = analyse(LOG_URI);

  it("puts above each replayed matter where it stands: the tier and its deadline, the formal step, or the resolution", () => {
    const lenses = codeLenses(a).filter((l) => !l.command);
    const matterAt = (l: { range: { start: number } }): string => /matter ([\w-]+)/.exec(a.text.slice(l.range.start))![1];
    assert.deepEqual(lenses.map((l) => `${matterAt(l)}: ${l.title}`), [
      "laptops-late: resolved Fri 28 Nov 2025 12:00",
      "idp-outage: formal: expert-determination",
      "sso-migration: at executive · due Mon 22 Dec 2025 17:00 · overdue",
      "invoice-dispute: at management · due Thu 8 Jan 2026 17:00 · overdue",
    ]);
  });

  it("links evidence files that exist and the measurements file, relative to the log; not URLs, not missing files", () => {
    const { a: b } = logAtCursor(`import "northwind.covenant"\nlog northwind-msa {\n  matter m {\n    raised 2025-11-03 10:00\n    decision 2025-11-04 "x" evidence "records/ops-review-2025-11-05.md", "https://example.com/x", "records/missing.md"\n  }<|>\n  measurements eud.p2-fix "records/eud-p2-fix.csv"\n  measurements idp.availability "records/none.csv"\n}\n`);
    assert.deepEqual(documentLinks(b).filter((l) => !l.target.endsWith("northwind.covenant")).map((l) => [b.text.slice(l.range.start, l.range.end), l.target.slice(l.target.lastIndexOf("/samples/"))]), [
      ["records/ops-review-2025-11-05.md", "/samples/records/ops-review-2025-11-05.md"],
      ["records/eud-p2-fix.csv", "/samples/records/eud-p2-fix.csv"],
    ]);
  });
});

describe("the relationship log in the editor: navigation", () => {
  it("goes from a log's tier and board references to the contract, and finds the log's uses from the contract", () => {
    const { a, view } = analyse(LOG_URI);
    const contract = fs.readFileSync(sample("northwind.covenant"), "utf8");
    const to = definition(a, a.text.indexOf("to management") + 4);
    assert.deepEqual(to.map((d) => [d.uri, contract.slice(d.range.start, d.range.end)]), [[CONTRACT_URI, "management"]]);
    const board = definition(a, a.text.indexOf("at ops-review") + 4);
    assert.deepEqual(board.map((d) => contract.slice(d.range.start, d.range.end)), ["ops-review"]);
    const refs = references(a, a.text.indexOf("at service-board") + 4, false, view);
    assert.ok(refs.filter((r) => r.uri === LOG_URI).length >= 3, "the log's meetings and response at the board");
  });
});

describe("the relationship log in the editor: completion", () => {
  it("offers the log's contract's boards after `at` and its services after `service`", () => {
    const meeting = logAtCursor(`import "northwind.covenant"\nlog northwind-msa {\n  matter m {\n    raised 2025-11-03 10:00\n    meeting 2025-11-05 14:00 at <|>\n  }\n}\n`);
    assert.deepEqual(complete(meeting.a, meeting.offset).items.map((i) => i.label).sort(), ["exec-board", "ops-review", "service-board"]);
    const service = logAtCursor(`import "northwind.covenant"\nlog northwind-msa {\n  matter m {\n    service <|>\n  }\n}\n`);
    assert.ok(complete(service.a, service.offset).items.some((i) => i.label === "idp"));
  });
});
