// Entry of `covenant-language-server` (dist/server.js): `--stdio` for Neovim, Emacs, Helix and the like,
// `--node-ipc` when VS Code starts it. With no transport named, stdio.
import { createConnection, InitializeParams, ProposedFeatures } from "vscode-languageserver/node";
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
  if (!args.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"))) {
    process.argv.push("--stdio");
  }
  const connection = createConnection(ProposedFeatures.all);
  // A bug that escapes a handler is logged; the server keeps serving the other documents.
  process.on("uncaughtException", (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
  process.on("unhandledRejection", (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  connection.onInitialize((params: InitializeParams) => {
    // Answer first, then load the parser, the checks and the simulator (two turns of the event loop: the
    // answer is written on the first). Messages that arrive meanwhile wait in the queue for the handlers.
    setImmediate(() =>
      setImmediate(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const server = require("./server") as typeof import("./server");
        server.startServer(connection, params);
      }),
    );
    return initializeResult();
  });
  connection.listen();
}
