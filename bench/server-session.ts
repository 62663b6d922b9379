// The real language server (dist/server.js --stdio) driven by a vscode-languageserver-protocol client,
// as an editor drives it: open documents, type, wait for the diagnostics of the version just typed.
import { spawn, ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, PublishDiagnosticsParams, ShutdownRequest, ExitNotification, InitializeResult,
  DocumentDiagnosticRequest, TextDocumentSyncKind, TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

interface Waiter {
  version: number;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class ServerSession {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  initializeResult?: InitializeResult;
  /** Milliseconds from spawning the process to the `initialize` result. */
  startupMs = 0;
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly versions = new Map<string, number>();
  private readonly spawnedAt: number;
  stderr = "";

  /** `nodeArgs` go to Node itself (`--max-old-space-size=…`), `args` to the server. */
  constructor(serverJs: string, args: string[] = ["--stdio"], nodeArgs: string[] = []) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [...nodeArgs, serverJs, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stderr!.on("data", (d: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += d.toString();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.published(p));
    this.connection.listen();
  }

  private published(p: PublishDiagnosticsParams): void {
    this.latest.set(p.uri, p);
    const list = this.waiters.get(p.uri);
    if (!list) return;
    const keep: Waiter[] = [];
    for (const w of list) {
      // A server that does not send versions is taken at its word: the next diagnostics are the fresh ones.
      if (p.version === undefined || p.version === null || p.version >= w.version) w.resolve(p);
      else keep.push(w);
    }
    if (keep.length > 0) this.waiters.set(p.uri, keep);
    else this.waiters.delete(p.uri);
  }

  async initialize(rootUri: string | null): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "bench" }] : null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        workspace: { workspaceFolders: true, configuration: true },
      },
    });
    this.startupMs = performance.now() - this.spawnedAt;
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** Incremental sync when the server offers it, else the whole text on every change. */
  get incremental(): boolean {
    const sync = this.initializeResult?.capabilities.textDocumentSync;
    const kind = typeof sync === "number" ? sync : sync?.change;
    return kind === TextDocumentSyncKind.Incremental;
  }

  /** Push diagnostics are used when the server sends them; pull otherwise. */
  get pulls(): boolean {
    return !!this.initializeResult?.capabilities.diagnosticProvider;
  }

  private waitFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const latest = this.latest.get(uri);
    if (latest && latest.version !== undefined && latest.version !== null && latest.version >= version) return Promise.resolve(latest);
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiters.set(uri, list);
    });
  }

  /** Diagnostics for the document as of `version`: the push for that version, or a pull request. */
  async diagnostics(uri: string, version: number, timeoutMs = 30_000): Promise<number> {
    const push = this.waitFor(uri, version).then((p) => p.diagnostics.length);
    const pull = this.pulls
      ? this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).then((r) => ("items" in r ? r.items.length : 0))
      : undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race(pull ? [push, pull, timeout] : [push, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "covenant", version: 1, text } });
  }

  /** Replaces [start, end) — given as line/character — with `insert`; `fullText` is the text after the change. */
  async change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, insert: string, fullText: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const change: TextDocumentContentChangeEvent = this.incremental ? { range, text: insert } : { text: fullText };
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  /** CPU milliseconds the server process has used (Linux; clock ticks of 10 ms). */
  cpuMs(): number | undefined {
    try {
      const fields = fs.readFileSync(`/proc/${this.process.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  /** Resident set size of the server process, in MB (Linux). */
  rssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, "utf8");
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once("exit", () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    const timer = setTimeout(() => this.process.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** Line and character of an offset (UTF-16, as LSP counts). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** The timings of one editing session (`typeAndDelete`). */
export interface EditRun {
  /** Milliseconds from sending each `didChange` to the diagnostics of its version, warm-up left out. */
  samples: number[];
  /** CPU the server used per edit after the warm-up (clock ticks of 10 ms, averaged). */
  serverCpuPerEditMs: number | null;
  sync: "incremental" | "full";
  diagnostics: "pull" | "push";
}

/**
 * Opens `doc` in a fresh server, types `count / 2` characters one at a time at offset `at` and deletes them
 * again, one edit at a time: each is timed from `didChange` to the diagnostics of that version, as a user
 * waits for them. The first `warmup` edits are not kept (the JIT settles).
 */
export async function typeAndDelete(serverJs: string, rootUri: string, doc: { uri: string; text: string }, at: number, count = 110, warmup = 5): Promise<EditRun> {
  let text = doc.text;
  const s = new ServerSession(serverJs);
  await s.initialize(rootUri);
  await s.open(doc.uri, text);
  await s.diagnostics(doc.uri, 1, 120_000);
  const typed = "abcdefghij";
  const half = count >> 1;
  const samples: number[] = [];
  let cpuStart: number | undefined;
  for (let i = 0; i < count; i++) {
    const inserting = i < half;
    const k = inserting ? i : count - 1 - i;
    const offset = at + k;
    const start = positionAt(text, offset);
    let range;
    if (inserting) {
      text = text.slice(0, offset) + typed[k % 10] + text.slice(offset);
      range = { start, end: start };
    } else {
      text = text.slice(0, offset) + text.slice(offset + 1);
      range = { start, end: { line: start.line, character: start.character + 1 } };
    }
    if (i === warmup) cpuStart = s.cpuMs();
    const t0 = performance.now();
    const version = await s.change(doc.uri, range, inserting ? typed[k % 10] : "", text);
    await s.diagnostics(doc.uri, version);
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  const cpuEnd = s.cpuMs();
  const run: EditRun = {
    samples,
    serverCpuPerEditMs: cpuStart !== undefined && cpuEnd !== undefined ? Math.round(((cpuEnd - cpuStart) / (count - warmup)) * 10) / 10 : null,
    sync: s.incremental ? "incremental" : "full",
    diagnostics: s.pulls ? "pull" : "push",
  };
  await s.stop();
  return run;
}
