// What both e2e runners share: the build, the throw-away folders of one run, and the end-of-run report.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
export const E2E = path.join(ROOT, "test", "e2e");
export const SUITE = path.join(E2E, "out", "suite", "index.js");
export const ARTIFACTS = path.join(E2E, "artifacts");

/** The analysis date of spec/README.md, written into the workspace's covenant.json. */
export const ANALYSIS_DATE = "2026-01-10";

export interface RunFolders {
  /** Everything below this folder is removed at the end of the run. */
  root: string;
  home: string;
  tmp: string;
  userData: string;
  extensions: string;
  /** A copy of samples/: tests may edit and add files here. */
  workspace: string;
  /** Requests from the suite to the page driver, and the answers (code-server runner only). */
  bridge: string;
  /** The suite's own report, written by the suite's reporter. */
  report: string;
}

export function log(message: string): void {
  process.stderr.write(`e2e: ${message}\n`);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than the sources it is built from. */
export function buildExtensionIfNeeded(): void {
  const outputs = ["dist/extension.js", "dist/server.js"].map((f) => path.join(ROOT, f));
  const sources = ["client/src", "server/src", "scripts/build.mjs", "package.json", "grammar"].map((f) =>
    path.join(ROOT, f),
  );
  const built = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const changed = Math.max(...sources.map(newestMtime));
  if (built > 0 && built >= changed) return;
  log("building the extension (npm run build)");
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

export function requireSuite(): void {
  if (!fs.existsSync(SUITE)) {
    throw new Error(`${path.relative(ROOT, SUITE)} is missing: compile the suite with \`npx tsc -p test/e2e\``);
  }
}

/** User settings of the test window: offline, no AI features, no distractions. */
export const USER_SETTINGS = {
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.editor.enablePreview": false,
  "workbench.colorTheme": "Default Dark Modern",
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "files.autoSave": "off",
  "editor.formatOnSave": false,
  "editor.minimap.enabled": false,
  "window.restoreWindows": "none",
};

export function createRunFolders(runner: string): RunFolders {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `covenant-e2e-${runner}-`));
  const folders: RunFolders = {
    root,
    home: path.join(root, "home"),
    tmp: path.join(root, "tmp"),
    userData: path.join(root, "user-data"),
    extensions: path.join(root, "extensions"),
    workspace: path.join(root, "workspace"),
    bridge: path.join(root, "bridge"),
    report: path.join(root, "report.txt"),
  };
  for (const dir of [folders.home, folders.tmp, folders.userData, folders.extensions, folders.bridge]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.cpSync(path.join(ROOT, "samples"), folders.workspace, { recursive: true });
  fs.writeFileSync(
    path.join(folders.workspace, "covenant.json"),
    JSON.stringify({ today: ANALYSIS_DATE }, null, 2) + "\n",
  );
  fs.mkdirSync(path.join(folders.userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(folders.userData, "User", "settings.json"),
    JSON.stringify(USER_SETTINGS, null, 2) + "\n",
  );
  return folders;
}

export function removeRunFolders(folders: RunFolders | undefined): void {
  if (!folders) return;
  try {
    fs.rmSync(folders.root, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    log(`could not remove ${folders.root}: ${(error as Error).message}`);
  }
}

/** The environment of the editor and everything it starts: its own HOME and TMPDIR, nothing of VS Code's. */
export function editorEnvironment(folders: RunFolders, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("VSCODE_") || key.startsWith("ELECTRON_") || key.startsWith("npm_")) continue;
    env[key] = value;
  }
  Object.assign(env, {
    HOME: folders.home,
    TMPDIR: folders.tmp,
    TMP: folders.tmp,
    TEMP: folders.tmp,
    XDG_CONFIG_HOME: path.join(folders.home, ".config"),
    XDG_DATA_HOME: path.join(folders.home, ".local", "share"),
    XDG_CACHE_HOME: path.join(folders.home, ".cache"),
    XDG_STATE_HOME: path.join(folders.home, ".local", "state"),
    XDG_RUNTIME_DIR: path.join(folders.tmp, "runtime"),
    COVENANT_E2E_REPORT: folders.report,
    COVENANT_E2E_WORKSPACE: folders.workspace,
    ...extra,
  });
  fs.mkdirSync(env.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
  return env;
}

export function printReport(folders: RunFolders): boolean {
  if (!fs.existsSync(folders.report)) return false;
  process.stdout.write(fs.readFileSync(folders.report, "utf8"));
  return true;
}
