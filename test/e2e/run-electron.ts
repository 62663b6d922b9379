// Runs the same e2e suite in VS Code desktop through @vscode/test-electron, for machines that can
// download VS Code (a laptop, a public CI). Where it cannot, it says so in one line and exits 3: a run
// that did not happen is not a pass.
//
// Usage: node test/e2e/out/run-electron.js [--grep PATTERN]
// Environment: COVENANT_E2E_VSCODE=/path/to/code uses a local VS Code instead of downloading one;
// COVENANT_E2E_VSCODE_VERSION picks the downloaded version (default: stable).
// Exit code: the suite's (0 passed, 1 failures), 2 on a harness error, 3 when VS Code could not be had.
import * as path from "node:path";
import { downloadAndUnzipVSCode, runTests } from "@vscode/test-electron";
import {
  buildExtensionIfNeeded,
  createRunFolders,
  E2E,
  editorEnvironment,
  log,
  removeRunFolders,
  requireSuite,
  ROOT,
  SUITE,
  type RunFolders,
} from "./harness";

const NOT_RUN = 3;
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|certificate/i;

class NotRun extends Error {}

async function vscodeExecutable(): Promise<string> {
  if (process.env.COVENANT_E2E_VSCODE) return path.resolve(process.env.COVENANT_E2E_VSCODE);
  const version = process.env.COVENANT_E2E_VSCODE_VERSION ?? "stable";
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: path.join(E2E, ".tools", "vscode-test") });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (OFFLINE.test(message) || OFFLINE.test(String((error as { code?: string }).code))) {
      throw new NotRun(`cannot download VS Code ${version} (${message.split("\n")[0]}); set COVENANT_E2E_VSCODE to a local VS Code, or use npm run test:e2e`);
    }
    throw error;
  }
}

async function run(grep: string | undefined): Promise<number> {
  buildExtensionIfNeeded();
  requireSuite();
  const executable = await vscodeExecutable();
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new NotRun("VS Code desktop needs a display: run under `xvfb-run -a`, or use npm run test:e2e");
  }
  let folders: RunFolders | undefined;
  try {
    folders = createRunFolders("electron");
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: editorEnvironment(folders, grep ? { COVENANT_E2E_GREP: grep } : {}),
      launchArgs: [
        folders.workspace,
        "--user-data-dir", folders.userData,
        "--extensions-dir", folders.extensions,
        "--disable-extensions",
        "--disable-workspace-trust",
        "--disable-gpu",
        "--skip-welcome",
        "--skip-release-notes",
      ],
    });
  } catch (error) {
    // runTests rejects when the suite fails; its own output has already shown why
    const code = (error as { code?: number }).code;
    if (typeof code === "number") return code || 1;
    throw error;
  } finally {
    removeRunFolders(folders);
  }
}

const args = process.argv.slice(2);
const grepAt = args.indexOf("--grep");
run(grepAt >= 0 ? args[grepAt + 1] : process.env.COVENANT_E2E_GREP)
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    if (error instanceof NotRun) {
      console.log(`e2e (electron): not run: ${error.message}`);
      process.exit(NOT_RUN);
    }
    log(error.stack ?? String(error));
    process.exit(2);
  });
