// Diagnostics over the protocol: versions, codes with rule links and fixes, incremental edits, stale work,
// configuration (covenant.json and covenant.rules), and files that import each other.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DidChangeWatchedFilesNotification, FileChangeType, Diagnostic, DidChangeConfigurationNotification, InitializeResult } from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, FIXTURES, fileUri, positionAt } from "./lsp-client";

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-lsp-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const PAYROLL = fs.readFileSync(path.join(FIXTURES, "../../../samples/payroll.covenant"), "utf8");

describe("protocol: diagnostics", function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  describe("one client", () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start();
    });
    after(async () => client?.stop());

    it("announces incremental sync and every feature", () => {
      const caps = (client.init as InitializeResult).capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      for (const p of ["hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "workspaceSymbolProvider", "foldingRangeProvider", "documentFormattingProvider", "documentRangeFormattingProvider", "inlayHintProvider", "documentLinkProvider"] as const) {
        assert.ok(caps[p], p);
      }
      assert.deepEqual(caps.renameProvider, { prepareProvider: true });
      assert.ok(caps.semanticTokensProvider?.legend.tokenTypes.includes("ladder"));
      assert.equal(client.init?.serverInfo?.name, "covenant-language-server");
    });

    it("publishes the sample's findings with the document's version, codes, rule links and fixes", async () => {
      const uri = "file:///virtual/payroll.covenant";
      await client.open(uri, PAYROLL, 7);
      const p = await client.waitForDiagnostics(uri, 7);
      assert.equal(p.version, 7);
      // samples/payroll.covenant names the codes found on each line in `expect:` comments.
      const expected = new Set<string>();
      PAYROLL.split("\n").forEach((line, i) => {
        const m = /\/\/ expect: (.*)$/.exec(line);
        if (m) for (const code of m[1].trim().split(/\s+/)) expected.add(`${i + 1} ${code}`);
      });
      const got = new Set(p.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`));
      assert.deepEqual([...got].sort(), [...expected].sort());
      for (const d of p.diagnostics) {
        assert.equal(d.source, "covenant");
        assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
      }
      const sla001 = p.diagnostics.find((d) => d.code === "SLA001")!;
      const data = sla001.data as { fix?: { title: string; edits: unknown[] } };
      assert.ok(data.fix && data.fix.edits.length > 0, "SLA001 carries its quick fix");
      const line = PAYROLL.split("\n")[sla001.range.start.line];
      assert.match(line, /sla uptime/);
      await client.close(uri);
    });

    it("follows incremental edits and reports the diagnostics of the edited version", async () => {
      const uri = "file:///virtual/edit.covenant";
      await client.open(uri, PAYROLL, 1);
      await client.waitForDiagnostics(uri, 1);
      // Give the SLA its window: SLA001 goes away.
      const at = PAYROLL.indexOf('metric "Monthly availability"');
      const pos = positionAt(PAYROLL, at);
      await client.change(uri, 2, [{ range: { start: pos, end: pos }, text: "window monthly\n      " }]);
      const p = await client.waitForDiagnostics(uri, 2);
      assert.equal(p.version, 2);
      assert.ok(!codes(p.diagnostics).includes("SLA001"));
      assert.ok(codes(p.diagnostics).includes("SLA002"));
      await client.close(uri);
    });

    it("drops the work of versions a newer one replaced: a burst of edits is analysed far fewer times", async () => {
      const uri = "file:///virtual/burst.covenant";
      await client.open(uri, PAYROLL, 1);
      await client.waitForDiagnostics(uri, 1);
      const before = client.diagnostics.get(uri)!.length;
      const end = positionAt(PAYROLL, PAYROLL.length);
      const sends: Promise<void>[] = [];
      for (let v = 2; v <= 31; v++) sends.push(client.change(uri, v, [{ range: { start: end, end }, text: "\n// typed" }]));
      await Promise.all(sends);
      const last = await client.waitForDiagnostics(uri, 31);
      assert.equal(last.version, 31);
      // Asserts that nothing more arrives (no older version after the newest): a bounded wait is the only way to see an absence.
      await new Promise((r) => setTimeout(r, 200));
      const published = client.diagnostics.get(uri)!.slice(before);
      const versions = published.map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), "versions never go back");
      assert.ok(published.length <= 10, `30 edits sent at once were analysed ${published.length} times (${versions.join(", ")})`);
      await client.close(uri);
    });

    it("clears a document's diagnostics when it is closed", async () => {
      const uri = "file:///virtual/closed.covenant";
      await client.open(uri, PAYROLL, 1);
      await client.waitForDiagnostics(uri, 1);
      const next = client.nextDiagnostics(uri);
      await client.close(uri);
      assert.deepEqual((await next).diagnostics, []);
    });

    it("reports a file too large to analyse with one diagnostic instead of freezing", async () => {
      const uri = "file:///virtual/huge.covenant";
      const huge = "// filler\n".repeat(230_000);
      const started = Date.now();
      await client.open(uri, huge, 1);
      const p = await client.waitForDiagnostics(uri, 1);
      assert.equal(p.diagnostics.length, 1);
      assert.match(p.diagnostics[0].message, /up to 2 MB/);
      assert.ok(Date.now() - started < 5000);
      const symbols = await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
      assert.deepEqual(symbols, []);
      await client.close(uri);
    });

    it("reports a binary opened as Covenant with one finding, not a syntax error per byte, and no raw control character", async () => {
      const uri = "file:///virtual/image.covenant";
      // A PNG's header and some of its bytes as an editor decodes them.
      const binary = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000" + "\u0003\u0007\u0001\u0002\u0010\u001b".repeat(200);
      await client.open(uri, binary, 1);
      const p = await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.message]), [["SYN001", "not a text file: it holds NUL bytes (Covenant files are UTF-8 text)"]]);
      await client.close(uri);
      const controls = "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f".repeat(50);
      await client.open(uri, controls, 2);
      const q = await client.waitForDiagnostics(uri, 2);
      assert.deepEqual(q.diagnostics.map((d) => d.message), ["not a text file: it holds control characters (Covenant files are UTF-8 text)"]);
      await client.close(uri);
      // One stray control character in a contract stays a syntax error at its place, written out.
      await client.open(uri, PAYROLL.replace("contract", "\u001bcontract"), 3);
      const r = await client.waitForDiagnostics(uri, 3);
      const syn = r.diagnostics.filter((d) => d.code === "SYN001");
      assert.ok(syn.some((d) => d.message === "unexpected character '\\u001b'"), syn.map((d) => d.message).join("\n"));
      assert.ok(r.diagnostics.every((d) => !/[\u0000-\u001f]/.test(d.message)));
      await client.close(uri);
    });
  });

  describe("configuration", () => {
    const contract = PAYROLL;

    it("applies covenant.json found above the file, and covenant.rules over it", async () => {
      const dir = tempWorkspace({ "covenant.json": JSON.stringify({ rules: { ESC008: "off", SLA004: "error" } }), "deals/payroll.covenant": contract });
      const client = await LspClient.start({ root: dir, settings: { rules: { SLA004: "off", GOV003: "error" } } });
      try {
        const uri = fileUri(path.join(dir, "deals/payroll.covenant"));
        await client.open(uri, contract);
        const p = await client.waitForDiagnostics(uri, 1);
        const list = codes(p.diagnostics);
        assert.ok(!list.includes("ESC008"), "covenant.json turned ESC008 off");
        assert.ok(!list.includes("SLA004"), "the editor setting wins over covenant.json");
        assert.equal(p.diagnostics.find((d) => d.code === "GOV003")?.severity, 1, "GOV003 raised to error by the setting");

        // The setting changes: the document is checked again.
        client.settings = { rules: {} };
        const next = client.nextDiagnostics(uri);
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { covenant: { rules: {} } } });
        assert.ok(codes((await next).diagnostics).includes("SLA004"));

        // covenant.json changes on disk: the watcher's event brings ESC008 back.
        fs.writeFileSync(path.join(dir, "covenant.json"), JSON.stringify({ rules: {} }));
        const again = client.nextDiagnostics(uri);
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(dir, "covenant.json")), type: FileChangeType.Changed }] });
        assert.ok(codes((await again).diagnostics).includes("ESC008"));
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("uses covenant.json's today for people who have left", async () => {
      const dir = tempWorkspace({ "covenant.json": JSON.stringify({ today: "2025-01-01" }), "payroll.covenant": contract });
      const client = await LspClient.start({ root: dir });
      try {
        const uri = fileUri(path.join(dir, "payroll.covenant"));
        await client.open(uri, contract);
        const p = await client.waitForDiagnostics(uri, 1);
        // Lou Grant leaves on 2025-09-30: on 2025-01-01 procurement still has its holder.
        assert.ok(!codes(p.diagnostics).includes("PPL001"));
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("names a broken covenant.json in a diagnostic and a message, and keeps checking", async () => {
      const dir = tempWorkspace({ "covenant.json": "{ rules: nope", "payroll.covenant": contract });
      const client = await LspClient.start({ root: dir, settings: { rules: { NOPE999: "off" } } });
      try {
        const uri = fileUri(path.join(dir, "payroll.covenant"));
        await client.open(uri, contract);
        const p = await client.waitForDiagnostics(uri, 1);
        const config = p.diagnostics.find((d) => d.code === "config");
        assert.ok(config, "a diagnostic about the configuration");
        assert.ok(config.message.includes(path.join(dir, "covenant.json")), config.message);
        assert.ok(codes(p.diagnostics).includes("SLA001"), "the checks still run with default severities");
        await client.waitFor(() => client.messages.some((m) => m.message.includes("covenant.json")) && client.messages.some((m) => m.message.includes("NOPE999")), "the warnings about covenant.json and the setting");
        assert.ok(client.messages.some((m) => m.message.includes("covenant.json")), "a message names the file");
        assert.ok(client.messages.some((m) => m.message.includes("NOPE999")), "a message names the bad setting");
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("files that import each other", () => {
    const org = (joLeft: boolean): string => `party acme "Acme" {\n  person jo "Jo"${joLeft ? " { left 2020-01-01 }" : ""}\n  role ops { holder jo level operational }\n}\n`;
    const deal = 'import "org.covenant"\ncontract deal {\n  customer acme\n  party v "V" supplier { person p "P" role r { holder p level operational } }\n  governance { board b { members acme.ops, v.r meets weekly } }\n}\n';

    it("checks an open contract again when the file it imports is edited in the editor or changed on disk", async () => {
      const dir = tempWorkspace({ "org.covenant": org(false), "deal.covenant": deal });
      const client = await LspClient.start({ root: dir });
      try {
        const dealUri = fileUri(path.join(dir, "deal.covenant"));
        const orgUri = fileUri(path.join(dir, "org.covenant"));
        await client.open(dealUri, deal);
        const first = await client.waitForDiagnostics(dealUri, 1);
        assert.ok(!codes(first.diagnostics).some((c) => c.startsWith("REF")), codes(first.diagnostics).join(" "));

        // Edited in the editor (not saved): the role's holder no longer exists; the importer hears of it.
        await client.open(orgUri, org(false));
        await client.waitForDiagnostics(orgUri, 1);
        const at = positionAt(org(false), org(false).indexOf('"Jo"') + 4);
        await client.change(orgUri, 2, [{ range: { start: at, end: at }, text: " { left 2020-01-01 }" }]);
        // The board member's holder has left with no deputy (PPL001), seen through the unsaved import.
        const afterEdit = await client.until(dealUri, (p) => codes(p.diagnostics).includes("PPL001"));
        assert.equal(afterEdit.version, 1, "published with the importer's own version");

        // Closed without saving: the disk copy applies again.
        await client.close(orgUri);
        await client.until(dealUri, (p) => !codes(p.diagnostics).includes("PPL001"));

        // Changed on disk, reported by the file watcher.
        fs.writeFileSync(path.join(dir, "org.covenant"), org(true));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: orgUri, type: FileChangeType.Changed }] });
        await client.until(dealUri, (p) => codes(p.diagnostics).includes("PPL001"));

        // Deleted on disk: the import is now broken.
        fs.rmSync(path.join(dir, "org.covenant"));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: orgUri, type: FileChangeType.Deleted }] });
        await client.until(dealUri, (p) => codes(p.diagnostics).includes("REF004"));
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
