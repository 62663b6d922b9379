// Faults an editor or a disk can inflict on the server process (issue 7): broken JSON-RPC, requests
// before `initialize`, bursts of typing with cancelled requests, an imported file deleted while open,
// and a 10 MB document. After each, the server must still answer.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  CancellationTokenSource, DocumentSymbolRequest, HoverRequest, CompletionRequest, SemanticTokensRequest,
  DidChangeWatchedFilesNotification, FileChangeType, DocumentSymbol,
} from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, fileUri, positionAt, ROOT, SERVER } from "./lsp-client";

const northwind = fs.readFileSync(path.join(ROOT, "samples/northwind.covenant"), "utf8");

/** The outline of an open document: the proof that the server still serves it. */
async function outline(client: LspClient, uri: string): Promise<string[]> {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[] | null;
  return (symbols ?? []).map((s) => s.name);
}

/** A raw JSON-RPC frame, to write bytes that a well-behaved client library would never send. */
function frame(body: string | object): Buffer {
  const bytes = Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8");
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, "ascii"), bytes]);
}

/** A server driven with raw bytes: reads framed answers off stdout. */
class RawServer {
  private readonly proc = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  private buffer = Buffer.alloc(0);
  private readonly answers = new Map<number | string, { result?: unknown; error?: { code: number; message: string } }>();
  private readonly listeners: (() => void)[] = [];
  private stderr = "";

  constructor() {
    this.proc.stderr.on("data", (d: Buffer) => (this.stderr += d.toString("utf8")));
    this.proc.stdout.on("data", (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const end = this.buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString("ascii"))?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8"));
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.id !== undefined && message.method === undefined) this.answers.set(message.id, message);
        this.listeners.splice(0).forEach((l) => l());
      }
    });
  }

  write(bytes: Buffer | string): void {
    this.proc.stdin.write(bytes);
  }

  request(id: number, method: string, params: unknown): void {
    this.write(frame({ jsonrpc: "2.0", id, method, params }));
  }

  /** The answer to request `id`, or undefined when none comes within `ms`. */
  async answer(id: number, ms = 5000): Promise<{ result?: unknown; error?: { code: number; message: string } } | undefined> {
    const deadline = Date.now() + ms;
    while (!this.answers.has(id) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.listeners.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return this.answers.get(id);
  }

  /** The exit code and what the server wrote to stderr, once it has exited (undefined after `ms`). */
  async exited(ms = 5000): Promise<{ code: number | null; stderr: string } | undefined> {
    if (this.alive) {
      const done = await Promise.race([
        new Promise<boolean>((resolve) => this.proc.once("exit", () => resolve(true))),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]);
      if (!done) return undefined;
    }
    return { code: this.proc.exitCode, stderr: this.stderr };
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async initialize(): Promise<void> {
    this.request(1, "initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    assert.ok((await this.answer(1, 10_000))?.result, "no initialize result");
    this.write(frame({ jsonrpc: "2.0", method: "initialized", params: {} }));
  }

  /** Opens a small contract and asks for its outline: the server reads, thinks and answers. */
  async serves(id: number): Promise<boolean> {
    const uri = `file:///virtual/probe-${id}.covenant`;
    this.write(frame({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "covenant", version: 1, text: "contract probe {}\n" } } }));
    this.request(id, "textDocument/documentSymbol", { textDocument: { uri } });
    const a = await this.answer(id);
    return Array.isArray(a?.result) && (a!.result as DocumentSymbol[])[0]?.name === "probe";
  }

  stop(): void {
    this.proc.kill();
  }
}

describe("protocol: faults", function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  describe("malformed JSON-RPC", () => {
    let raw: RawServer;
    beforeEach(async () => {
      raw = new RawServer();
      await raw.initialize();
    });
    afterEach(() => raw.stop());

    it("a body that is not JSON is dropped and the next request is answered", async () => {
      raw.write(frame("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": "));
      raw.write(frame("\u00ff\u0000 not json at all"));
      assert.ok(await raw.serves(10), "the server stopped answering after an invalid JSON body");
      assert.ok(raw.alive);
    });

    for (const [what, header] of [["a Content-Length that is not a number", "Content-Length: abc\r\n\r\n{}"], ["a header block without Content-Length", "Content-Type: x\r\n\r\n{}"]]) {
      it(`${what} ends the server with a message, instead of leaving it deaf`, async () => {
        raw.write(header);
        const end = await raw.exited();
        assert.ok(end, "the server neither answered nor exited after a malformed header");
        assert.equal(end.code, 1);
        assert.match(end.stderr, /malformed message header/);
      });
    }

    it("JSON that is not a JSON-RPC message is dropped and the next request is answered", async () => {
      for (const body of ["[]", "42", "null", "\"text\"", "{\"jsonrpc\":\"2.0\",\"id\":5}", "{\"jsonrpc\":\"2.0\",\"method\":17}"]) raw.write(frame(body));
      assert.ok(await raw.serves(10));
    });

    it("a request with an unknown method is rejected, a notification with one is ignored", async () => {
      raw.request(20, "covenant/doesNotExist", {});
      assert.equal((await raw.answer(20))?.error?.code, -32601);
      raw.write(frame({ jsonrpc: "2.0", method: "covenant/alsoUnknown", params: [1, 2] }));
      raw.write(frame({ jsonrpc: "2.0", method: "$/unknownNotification" }));
      assert.ok(await raw.serves(21));
    });

    it("requests with missing or wrongly typed parameters are answered or rejected", async () => {
      const bad: [string, unknown][] = [
        ["textDocument/hover", null], ["textDocument/hover", { textDocument: 5 }], ["textDocument/documentSymbol", {}],
        ["textDocument/completion", { textDocument: { uri: 7 }, position: "here" }], ["textDocument/formatting", []],
        ["textDocument/semanticTokens/full", { textDocument: { uri: null } }], ["workspace/symbol", { query: { not: "a string" } }],
      ];
      bad.forEach(([method, params], i) => raw.request(100 + i, method, params));
      for (let i = 0; i < bad.length; i++) assert.ok(await raw.answer(100 + i), `no answer to ${bad[i][0]} with ${JSON.stringify(bad[i][1])}`);
      assert.ok(await raw.serves(200));
    });
  });

  it("a request before initialize is answered or rejected, and initialize still works", async () => {
    const raw = new RawServer();
    try {
      raw.request(3, "textDocument/hover", { textDocument: { uri: "file:///x.covenant" }, position: { line: 0, character: 0 } });
      const early = await raw.answer(3);
      assert.ok(early && (early.error || early.result === null), `expected no hover before initialize, got ${JSON.stringify(early)}`);
      await raw.initialize();
      assert.ok(await raw.serves(4));
    } finally {
      raw.stop();
    }
  });

  it("a request before initialize gets ServerNotInitialized (-32002), then initialize works and unknown methods are -32601", async () => {
    const raw = new RawServer();
    try {
      raw.request(5, "textDocument/documentSymbol", { textDocument: { uri: "file:///x.covenant" } });
      raw.request(6, "covenant/escalationGraph", { uri: "file:///x.covenant" });
      for (const id of [5, 6]) {
        const early = await raw.answer(id);
        assert.equal(early?.error?.code, -32002, `request ${id} before initialize: ${JSON.stringify(early)}`);
        assert.match(early!.error!.message, /initialize/);
      }
      await raw.initialize();
      assert.ok(await raw.serves(7));
      raw.request(8, "covenant/doesNotExist", {});
      assert.equal((await raw.answer(8))?.error?.code, -32601);
    } finally {
      raw.stop();
    }
  });

  it("a request on an importer that arrives with an edit of the imported file, in one read, is answered from the edited text", async () => {
    const raw = new RawServer();
    try {
      await raw.initialize();
      const org = 'party acme "Acme" {\n  person jo "Jo"\n  role ops { holder jo level operational }\n}\n';
      const deal = 'import "org.covenant"\ncontract deal {\n  customer acme\n  party v "V" supplier { person p "P" role r { holder p level operational } }\n  governance { board b { members acme.ops, v.r meets weekly } }\n}\n';
      const orgUri = "file:///virtual/importing/org.covenant";
      const dealUri = "file:///virtual/importing/deal.covenant";
      const open = (uri: string, text: string): Buffer => frame({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "covenant", version: 1, text } } });
      const hover = (id: number): Buffer => frame({ jsonrpc: "2.0", id, method: "textDocument/hover", params: { textDocument: { uri: dealUri }, position: positionAt(deal, deal.indexOf("acme.ops") + 6) } });
      const shown = async (id: number): Promise<string> => ((await raw.answer(id))?.result as { contents?: { value?: string } } | null)?.contents?.value ?? "";
      raw.write(Buffer.concat([open(orgUri, org), open(dealUri, deal), hover(30)]));
      assert.match(await shown(30), /Acme/);
      // One write: the JSON-RPC layer takes the hover before the org file's own analysis, which is two turns away.
      const at = positionAt(org, org.indexOf('"Acme"') + 5);
      const edit = frame({ jsonrpc: "2.0", method: "textDocument/didChange", params: { textDocument: { uri: orgUri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: " Holdings" }] } });
      raw.write(Buffer.concat([edit, hover(31)]));
      assert.match(await shown(31), /Acme Holdings/);
    } finally {
      raw.stop();
    }
  });

  describe("one server, many faults", () => {
    let client: LspClient;
    let tmp: string;
    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-faults-"));
      client = await LspClient.start({ root: tmp });
    });
    after(async () => {
      await client?.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("notifications for documents never opened are ignored", async () => {
      const ghost = "file:///virtual/ghost.covenant";
      await client.change(ghost, 5, [{ text: "contract ghost {}" }]);
      await client.close(ghost);
      await client.change(ghost, 6, [{ range: { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } }, text: "x" }]);
      const uri = "file:///virtual/after-ghost.covenant";
      await client.open(uri, northwind);
      await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(await outline(client, uri), ["northwind-msa"]);
      assert.equal(client.process.exitCode, null);
    });

    it("a burst of typing with cancelled requests: each request is answered or cancelled, the last version wins", async () => {
      const uri = "file:///virtual/burst.covenant";
      let text = northwind;
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, 1);
      const at = text.indexOf("Northwind Traders") + 4;
      const pending: Promise<string>[] = [];
      const LAST = 101;
      for (let v = 2; v <= LAST; v++) {
        // Type "abcde" into the party's label, then delete it, over and over.
        const typing = (v - 2) % 10 < 5;
        const k = typing ? (v - 2) % 5 : 4 - ((v - 2) % 5);
        const start = positionAt(text, at + k);
        if (typing) {
          text = text.slice(0, at + k) + "abcde"[k] + text.slice(at + k);
          void client.change(uri, v, [{ range: { start, end: start }, text: "abcde"[k] }]);
        } else {
          text = text.slice(0, at + k) + text.slice(at + k + 1);
          void client.change(uri, v, [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: "" }]);
        }
        const position = positionAt(text, text.indexOf("role ops") + 6);
        for (const send of [
          (t: CancellationTokenSource) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, t.token),
          (t: CancellationTokenSource) => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, t.token),
          (t: CancellationTokenSource) => client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }, t.token),
          (t: CancellationTokenSource) => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, t.token),
        ]) {
          const source = new CancellationTokenSource();
          pending.push(send(source).then(() => "answered", (e: { code?: number; message?: string }) => {
            // RequestCancelled and ContentModified are the two ways LSP lets a server drop stale work.
            if (e.code === -32800 || e.code === -32801) return "cancelled";
            throw new Error(`request failed with ${e.code}: ${e.message}`);
          }));
          if (v % 2 === 0) source.cancel();
        }
      }
      const outcomes = await Promise.all(pending);
      assert.ok(outcomes.includes("answered"));
      const last = await client.waitForDiagnostics(uri, LAST);
      assert.equal(last.version, LAST);
      const versions = (client.diagnostics.get(uri) ?? []).map((p) => p.version ?? 0);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), "diagnostics of an older version came after a newer one");
      assert.equal(text, northwind, "the typing script should end where it began");
      assert.deepEqual(last.diagnostics, (client.diagnostics.get(uri) ?? [])[0].diagnostics, "the final text is the first text: same diagnostics");
      assert.deepEqual(await outline(client, uri), ["northwind-msa"]);
    });

    it("an imported file deleted from disk while its importer is open: REF004, then back when it returns", async () => {
      const org = path.join(tmp, "org.covenant");
      const main = path.join(tmp, "main.covenant");
      fs.copyFileSync(path.join(ROOT, "samples/org/globex.covenant"), org);
      const text = fs.readFileSync(path.join(ROOT, "samples/globex-hosting.covenant"), "utf8").replace('import "org/globex.covenant"', 'import "org.covenant"');
      fs.writeFileSync(main, text);
      const uri = fileUri(main);
      await client.open(uri, text);
      const first = await client.waitForDiagnostics(uri, 1);
      assert.ok(!first.diagnostics.some((d) => d.code === "REF004"), JSON.stringify(first.diagnostics));

      fs.rmSync(org);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(org), type: FileChangeType.Deleted }] });
      await client.until(uri, (p) => p.diagnostics.some((d) => d.code === "REF004"));
      assert.deepEqual(await outline(client, uri), ["globex-hosting"]);

      fs.copyFileSync(path.join(ROOT, "samples/org/globex.covenant"), org);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(org), type: FileChangeType.Created }] });
      await client.until(uri, (p) => !p.diagnostics.some((d) => d.code === "REF004" || d.code === "REF001"));
    });

    it("an open document deleted from disk keeps the editor's text", async () => {
      const file = path.join(tmp, "open-and-deleted.covenant");
      fs.writeFileSync(file, northwind);
      const uri = fileUri(file);
      await client.open(uri, northwind);
      const before = await client.waitForDiagnostics(uri, 1);
      fs.rmSync(file);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(northwind, northwind.indexOf("jlee deputy") + 1) });
      assert.ok(hover, "no hover on the open document after its file was deleted");
      assert.deepEqual(await outline(client, uri), ["northwind-msa"]);
      const start = positionAt(northwind, 0);
      await client.change(uri, 2, [{ range: { start, end: start }, text: "// still here\n" }]);
      const after = await client.waitForDiagnostics(uri, 2);
      assert.equal(after.diagnostics.length, before.diagnostics.length);
    });

    it("a 10 MB document gets one diagnostic quickly, and the server keeps answering", async () => {
      const uri = "file:///virtual/ten-megabytes.covenant";
      let big = "";
      for (let i = 0; big.length < 10 * 1024 * 1024; i++) big += northwind.replace("northwind-msa", `northwind-msa-${i}`);
      const started = Date.now();
      await client.open(uri, big);
      const published = await client.waitForDiagnostics(uri, 1, 20_000);
      assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics.slice(0, 3)));
      assert.match(published.diagnostics[0].message, /large|MB/i);
      const probe = "file:///virtual/next-to-the-big-one.covenant";
      await client.open(probe, northwind);
      assert.deepEqual(await outline(client, probe), ["northwind-msa"]);
      // The whole exchange, 10 MB over the pipe included, takes seconds, not the minutes a full analysis would.
      assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "x" }]);
      assert.equal((await client.waitForDiagnostics(uri, 2, 20_000)).diagnostics.length, 1);
      await client.close(uri);
      assert.equal(client.process.exitCode, null);
    });
  });
});
