// Entry of `covenant-language-server` (dist/server.js): `--stdio` for Neovim, Emacs, Helix and the like,
// `--node-ipc` when VS Code starts it. With no transport named, stdio.
import {
  createConnection, ErrorCodes, InitializeParams, ProposedFeatures, ResponseError, StreamMessageReader, StreamMessageWriter,
} from "vscode-languageserver/node";
import { format } from "node:util";
import { initializeResult, SERVER_VERSION } from "./capabilities";

const USAGE = `covenant-language-server ${SERVER_VERSION}
The Covenant language server (Language Server Protocol 3.17).

Usage:
  covenant-language-server --stdio       talk LSP over standard input and output (the default)
  covenant-language-server --node-ipc    talk over Node IPC (what the VS Code extension does)
  covenant-language-server --version | --help
`;

const args = process.argv.slice(2);
if (args.includes("--version") || args.includes("-v")) {
  process.stdout.write(SERVER_VERSION + "\n");
} else if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(USAGE);
} else {
  const otherTransport = args.some((a) => a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"));
  let connection;
  if (otherTransport) {
    connection = createConnection(ProposedFeatures.all);
  } else {
    const reader = new StreamMessageReader(process.stdin);
    // After a malformed header the byte stream cannot be re-framed: every later message would be read
    // out of step and the server would go silently deaf. Say so and exit, so the editor can restart it.
    reader.onError((e) => {
      if (/header|content-length/i.test(e.message)) {
        process.stderr.write(`covenant-language-server: malformed message header from the client (${e.message.split("\n")[0]}); exiting\n`);
        process.exit(1);
      }
    });
    connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
    // What vscode-languageserver does for `--stdio` by itself: stdout carries only protocol messages,
    // and the server ends with its editor.
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      console[level] = (...parts: unknown[]) => process.stderr.write(format(...parts) + "\n");
    }
    process.stdin.on("end", () => process.exit(0));
    process.stdin.on("close", () => process.exit(0));
  }
  // A bug that escapes a handler is logged; the server keeps serving the other documents.
  process.on("uncaughtException", (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
  process.on("unhandledRejection", (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  let initializeReceived = false;
  // Requests with no handler of their own: before `initialize`, LSP's ServerNotInitialized; after, unknown.
  connection.onRequest((method) => {
    if (!initializeReceived) throw new ResponseError(ErrorCodes.ServerNotInitialized, `the server is not initialized yet: send initialize before ${method}`);
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });
  connection.onInitialize((params: InitializeParams) => {
    initializeReceived = true;
    // Answer first, then load the parser, the checks and the simulator (two turns of the event loop: the
    // answer is written on the first). Messages that arrive meanwhile wait in the queue for the handlers.
    setImmediate(() =>
      setImmediate(() => {
        const server = require("./server") as typeof import("./server");
        server.startServer(connection, params);
      }),
    );
    return initializeResult();
  });
  connection.listen();
}
