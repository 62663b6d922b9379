// The editor on a relationship log (operations.md): outline, hover, code lenses, links, completion and
// navigation over samples/northwind-log.covenant (analysed on 2026-01-10) and small logs with a cursor.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Program } from "../../server/src/core/program";
import { allFindings } from "../../server/src/analysis/analyse";
import type { DocumentAnalysis, WorkspaceView } from "../../server/src/features/analysis";
import { documentSymbols, workspaceSymbols } from "../../server/src/features/symbols";
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
