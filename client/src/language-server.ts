// Starts, restarts and talks to the bundled language server (dist/server.js) over Node IPC.
import { existsSync } from "node:fs";
import * as vscode from "vscode";
import {
  CancellationToken,
  LanguageClient,
  LanguageClientOptions,
  RequestType,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

export class ServerNotRunning extends Error {}

export class CovenantServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
  ) {}

  get serverModule(): string {
    return this.context.asAbsolutePath("dist/server.js");
  }

  /** Starts the server; a failure is shown to the user and logged, never thrown. */
  start(): Promise<void> {
    this.starting ??= this.startOnce().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startOnce(): Promise<void> {
    if (!existsSync(this.serverModule)) {
      const message = `Covenant: the language server is missing (${this.serverModule}). Rebuild the extension with "npm run build".`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message, "Show Output").then((choice) => choice && this.output.show(true));
      return;
    }
    const client = this.createClient();
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      const message = `Covenant: the language server did not start: ${errorText(error)}`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message, "Show Output").then((choice) => choice && this.output.show(true));
    }
  }

  private createClient(): LanguageClient {
    const module = this.serverModule;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "covenant" },
        { scheme: "untitled", language: "covenant" },
      ],
      synchronize: {
        configurationSection: "covenant",
        fileEvents: [
          vscode.workspace.createFileSystemWatcher("**/*.covenant"),
          vscode.workspace.createFileSystemWatcher("**/covenant.json"),
          // A log's measurements files, and its evidence files appearing or going (MAT009): created and
          // deleted only, so that saving an unrelated file sends nothing.
          vscode.workspace.createFileSystemWatcher("**/*.csv"),
          vscode.workspace.createFileSystemWatcher("**/*", false, true, false),
        ],
      },
      initializationOptions: { rules: vscode.workspace.getConfiguration("covenant").get("rules", {}) },
      outputChannel: this.output,
    };
    // The id `covenant` makes the client read the trace level from `covenant.trace.server`.
    return new LanguageClient("covenant", "Covenant Language Server", serverOptions, clientOptions);
  }

  async restart(): Promise<void> {
    await this.starting;
    const client = this.client;
    if (client && client.state === State.Running) {
      try {
        await client.restart();
        return;
      } catch (error) {
        this.output.appendLine(`Covenant: restart failed, starting afresh: ${errorText(error)}`);
      }
    }
    this.client = undefined;
    if (client) await client.dispose().catch(() => undefined);
    await this.start();
  }

  /** Sends a custom request (its type from wire/requests.ts); throws ServerNotRunning when there is no server to ask. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: CancellationToken): Promise<R> {
    await this.starting;
    const client = this.client;
    if (!client || client.state !== State.Running) {
      throw new ServerNotRunning(
        'The Covenant language server is not running. Run "Covenant: Restart Language Server", or see "Covenant: Show Output".',
      );
    }
    return token ? client.sendRequest(type, params, token) : client.sendRequest(type, params);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
