// Runs the e2e suite inside a real VS Code: code-server (from npm, on Node 24) with its extension host
// loading the extension and the suite, opened in Debian's headless Chromium through playwright-core.
//
// Usage: node test/e2e/out/run-code-server.js [--grep PATTERN] [--timeout SECONDS] [--verbose] [--vsix FILE]
// Exit code: the suite's (0 all passed, 1 failures), 2 when the run could not happen (setup missing,
// code-server did not start, timeout).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import {
  buildExtensionIfNeeded,
  createRunFolders,
  E2E,
  editorEnvironment,
  log,
  printReport,
  removeRunFolders,
  requireSuite,
  ROOT,
  SUITE,
  type RunFolders,
} from "./harness";
import { startPageDriver } from "./page-driver";

interface Tools {
  node: string;
  codeServer: string;
  chromium: string;
}

interface Options {
  grep?: string;
  timeoutSeconds: number;
  verbose: boolean;
  vsix?: string;
}

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

class RunError extends Error {}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    timeoutSeconds: Number(process.env.COVENANT_E2E_TIMEOUT ?? 300),
    verbose: process.env.COVENANT_E2E_VERBOSE === "1",
    grep: process.env.COVENANT_E2E_GREP || undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--grep") options.grep = argv[++i];
    else if (arg === "--timeout") options.timeoutSeconds = Number(argv[++i]);
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--vsix") options.vsix = path.resolve(argv[++i] ?? "");
    else throw new RunError(`unknown option ${arg}`);
  }
  if (!(options.timeoutSeconds > 0)) throw new RunError("--timeout needs a number of seconds");
  return options;
}

function readTools(): Tools {
  const file = path.join(E2E, ".tools", "env.json");
  if (!fs.existsSync(file)) throw new RunError("test/e2e/.tools is missing: run `bash test/e2e/setup.sh` first");
  const tools = JSON.parse(fs.readFileSync(file, "utf8")) as Tools;
  for (const [name, file] of Object.entries(tools)) {
    if (!fs.existsSync(file)) throw new RunError(`${name} (${file}) is missing: run \`bash test/e2e/setup.sh\``);
  }
  return tools;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The extension as a VSIX installs it: the package's extension/ folder, unpacked into the run folder. */
function unpackVsix(vsix: string, folders: RunFolders): string {
  const target = path.join(folders.root, "vsix");
  const result = spawnSync("unzip", ["-q", vsix, "extension/*", "-d", target], { stdio: "inherit" });
  if (result.status !== 0) throw new RunError(`could not unpack ${vsix} (unzip exit ${result.status})`);
  return path.join(target, "extension");
}

function startCodeServer(tools: Tools, folders: RunFolders, port: number, options: Options): ChildProcess {
  const args = [
    tools.codeServer,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--ignore-last-opened",
    "--user-data-dir", folders.userData,
    "--extensions-dir", folders.extensions,
    "--config", path.join(folders.root, "code-server.yaml"),
    "--bind-addr", `127.0.0.1:${port}`,
    "--vscode-option", "enable-smoke-test-driver",
  ];
  const env = editorEnvironment(folders, {
    COVENANT_E2E_BRIDGE: folders.bridge,
    COVENANT_E2E_RUN: folders.root,
    ...(options.grep ? { COVENANT_E2E_GREP: options.grep } : {}),
  });
  const child = spawn(tools.node, args, {
    cwd: folders.workspace,
    env,
    detached: true, // its own process group, so that one signal stops the server and all it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logFile = fs.createWriteStream(path.join(folders.root, "code-server.log"));
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  if (options.verbose) {
    child.stdout?.on("data", (chunk: Buffer) => process.stderr.write(`[code-server] ${chunk}`));
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[code-server] ${chunk}`));
  }
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitForHealth(port: number, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let serverGone = false;
  void exited(server).then(() => (serverGone = true));
  while (Date.now() < deadline) {
    if (serverGone) throw new RunError("code-server exited before it was ready (see its log above)");
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval of the readiness check
  }
  throw new RunError(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}

/** Processes whose environment carries this run's marker: code-server and everything it started. */
function processesOfRun(marker: string): number[] {
  const needle = Buffer.from(`COVENANT_E2E_RUN=${marker}\0`);
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`).includes(needle)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

async function stopCodeServer(server: ChildProcess | undefined, folders: RunFolders): Promise<void> {
  if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    const stopped = await Promise.race([exited(server).then(() => true), delay(5000).then(() => false)]);
    if (!stopped) signalGroup(server.pid, "SIGKILL");
  }
  // The extension host and the language server may have left the group; the marker finds them.
  const deadline = Date.now() + 5000;
  for (let pids = processesOfRun(folders.root); pids.length > 0; pids = processesOfRun(folders.root)) {
    const signal = Date.now() > deadline ? "SIGKILL" : "SIGTERM";
    for (const pid of pids) signalProcess(pid, signal);
    if (Date.now() > deadline + 5000) {
      log(`processes ${pids.join(", ")} of this run did not stop`);
      break;
    }
    await delay(100); // poll interval while the stragglers exit
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function run(options: Options): Promise<number> {
  let folders: RunFolders | undefined;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let driver: { stop(): void } | undefined;
  const started = Date.now();

  // Installed first: a signal that arrives before them would end the runner and leave the rest running.
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    if (server?.pid !== undefined) signalGroup(server.pid, "SIGKILL");
    for (const pid of folders ? processesOfRun(folders.root) : []) signalProcess(pid, "SIGKILL");
    removeRunFolders(folders);
    process.exit(130); // playwright's exit handler ends the browser
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    const tools = readTools();
    if (!options.vsix) buildExtensionIfNeeded(); // a .vsix brings its own build
    requireSuite();
    folders = createRunFolders("code-server");
    // the browser's profile and crash reports go to the run's folders too, not to HOME or /tmp
    process.env.TMPDIR = folders.tmp;
    const extensionPath = options.vsix ? unpackVsix(options.vsix, folders) : ROOT;
    const port = await freePort();
    server = startCodeServer(tools, folders, port, options);
    await waitForHealth(port, server, 30_000);
    log(`code-server ready on port ${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      args: CHROMIUM_FLAGS,
      env: editorEnvironment(folders, { COVENANT_E2E_RUN: folders.root }) as Record<string, string>,
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();

    let resolveExit: (code: number) => void = () => undefined;
    const suiteExit = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction("codeAutomationExit", (code: number) => resolveExit(Number(code)));
    await page.exposeFunction("codeAutomationLog", (type: string, args: unknown) => {
      if (options.verbose) log(`[workbench ${type}] ${JSON.stringify(args)}`);
    });
    page.on("console", (message) => {
      if (options.verbose) log(`[page ${message.type()}] ${message.text()}`);
    });
    page.on("pageerror", (error) => log(`[page error] ${error.message}`));
    driver = startPageDriver(page, folders.bridge, options.verbose);

    const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
    const payload = [
      ["extensionDevelopmentPath", remote(extensionPath)],
      ["extensionTestsPath", remote(SUITE)],
    ];
    const url =
      `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folders.workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: "domcontentloaded" });

    const timeoutMs = options.timeoutSeconds * 1000 - (Date.now() - started);
    const outcome = await Promise.race([
      suiteExit.then((code) => ({ kind: "exit" as const, code })),
      exited(server).then((code) => ({ kind: "server-died" as const, code })),
      delay(Math.max(timeoutMs, 1000)).then(() => ({ kind: "timeout" as const, code: 2 })),
    ]);

    const printed = printReport(folders);
    if (outcome.kind === "exit") {
      if (!printed) log("the suite wrote no report: it did not start (is the extension's package.json valid?)");
      log(`suite finished with exit code ${outcome.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return printed ? outcome.code : outcome.code || 2;
    }
    process.stderr.write(fs.readFileSync(path.join(folders.root, "code-server.log"), "utf8"));
    if (outcome.kind === "server-died") log(`code-server exited (code ${outcome.code}) while the suite ran`);
    else log(`the suite did not finish within ${options.timeoutSeconds} s`);
    return 2;
  } finally {
    driver?.stop();
    await browser?.close().catch(() => undefined);
    if (folders) await stopCodeServer(server, folders);
    removeRunFolders(folders);
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
  }
}

Promise.resolve()
  .then(() => run(parseOptions(process.argv.slice(2))))
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    log(error instanceof RunError ? error.message : (error.stack ?? String(error)));
    process.exit(2);
  });
