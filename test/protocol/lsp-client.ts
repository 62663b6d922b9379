// A small LSP client over the real bundled server (`node dist/server.js --stdio`), for protocol tests:
// it opens documents, waits for the diagnostics of a given version, and answers the server's requests
// for settings and registrations as an editor would.
import { spawn, ChildProcess, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, PublishDiagnosticsNotification,
  PublishDiagnosticsParams, ShutdownRequest, ExitNotification, InitializeResult, ConfigurationRequest, RegistrationRequest,
  ShowMessageNotification, ShowMessageParams, LogMessageNotification, TextDocumentContentChangeEvent, ClientCapabilities,
  WorkDoneProgressCreateRequest, UnregistrationRequest,
} from "vscode-languageserver-protocol/node";

export const ROOT = path.resolve(__dirname, "../../..");
export const SERVER = path.join(ROOT, "dist/server.js");
export const FIXTURES = path.join(ROOT, "test/fixtures/lsp");

/** Builds dist/server.js when it is missing or older than any server source (once per test run). */
export function ensureBuilt(): void {
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const built = fs.existsSync(SERVER) ? fs.statSync(SERVER).mtimeMs : 0;
  if (built < newest(path.join(ROOT, "server/src"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** Text with `<|>` markers: the text without them, and each marker's offset in order. */
export function markers(text: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let out = "";
  let last = 0;
  for (let i = text.indexOf("<|>"); i >= 0; i = text.indexOf("<|>", i + 3)) {
    out += text.slice(last, i);
    offsets.push(out.length);
    last = i + 3;
  }
  return { text: out + text.slice(last), offsets };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

export function offsetAt(text: string, pos: { line: number; character: number }): number {
  const lines = text.split("\n");
  let off = 0;
  for (let i = 0; i < pos.line; i++) off += lines[i].length + 1;
  return off + pos.character;
}

export interface StartOptions {
  root?: string;
  /** The `covenant` settings section the client answers with. */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  args?: string[];
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  settings: unknown;
  init?: InitializeResult;
  stderr = "";
  private waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  /** Called after every notification from the server, for waitFor. */
  private listeners: (() => void)[] = [];

  private constructor(options: StartOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER, ...(options.args ?? ["--stdio"])], { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || (w.version !== undefined && (p.version ?? -1) < w.version)) return true;
        w.resolve(p);
        return false;
      });
      this.heard();
    });
    this.connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.heard();
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.heard();
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === "covenant" ? this.settings : null)));
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(UnregistrationRequest.type, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const client = new LspClient(options);
    const root = options.root ?? FIXTURES;
    client.init = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(root),
      workspaceFolders: [{ uri: fileUri(root), name: "fixtures" }],
      capabilities: options.capabilities ?? {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ["markdown"] }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "covenant", version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The first diagnostics published for `uri` at `version` or later (any version when not given) from now on, or already. */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const got = (this.diagnostics.get(uri) ?? []).find((p) => version !== undefined && (p.version ?? -1) >= version);
    if (got) return Promise.resolve(got);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ""} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Waits until the latest diagnostics published for `uri` satisfy `condition` (checked on every publish). */
  async until(uri: string, condition: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const latest = this.diagnostics.get(uri)?.at(-1);
    if (latest && condition(latest)) return latest;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`diagnostics for ${uri} never met the condition; last: ${JSON.stringify(this.diagnostics.get(uri)?.at(-1)?.diagnostics.map((d) => d.code))}`);
      const p = await this.nextDiagnostics(uri, left).catch(() => undefined);
      if (p && condition(p)) return p;
    }
  }

  /** The next diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, undefined, timeoutMs);
  }

  /**
   * Waits until `condition` holds: checked now and after every diagnostics, message or log the server
   * sends. Rejects with `what` after `timeoutMs`.
   */
  waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`${what}: not within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.push(check);
    });
  }

  private heard(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Opens a file of the fixtures (markers removed); returns its URI, text and marker offsets. */
  async openFixture(relative: string): Promise<{ uri: string; text: string; offsets: number[] }> {
    const file = path.join(FIXTURES, relative);
    const m = markers(fs.readFileSync(file, "utf8"));
    const uri = fileUri(file);
    await this.open(uri, m.text);
    return { uri, ...m };
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.process.exitCode !== null ? resolve() : this.process.once("exit", () => resolve())));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Already gone: the kill below is enough.
    }
    const timer = setTimeout(() => this.process.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
