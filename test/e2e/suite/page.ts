// Asks the runner's page driver (test/e2e/page-driver.ts) about what only the rendered page shows.
import * as fs from "node:fs";
import * as path from "node:path";

const bridge = process.env.COVENANT_E2E_BRIDGE;
let sequence = 0;

/** True when a runner drives the page (the code-server runner); the electron runner has no page. */
export function pageAvailable(): boolean {
  return !!bridge && fs.existsSync(bridge);
}

/** Marks a test as skipped, with the reason printed in the report, when no page can be driven. */
export function skipWithoutPage(context: Mocha.Context): void {
  if (pageAvailable()) return;
  (context.test as { skipReason?: string } | undefined)!.skipReason =
    "needs the page, which only the code-server runner drives";
  context.skip();
}

/** What a webview frame shows (the page driver's own types; a type-only import, erased when compiled). */
export type { Diagram, FrameText } from "../page-driver";

export async function askPage<T>(action: string, args: Record<string, unknown> = {}, timeoutMs = 25_000): Promise<T> {
  if (!bridge) throw new Error("no page driver: COVENANT_E2E_BRIDGE is not set");
  // The extension host's pid keeps the names of a run that reloads its window apart from the first phase's.
  const id = `${process.pid}-${String(++sequence).padStart(3, "0")}-${action}`;
  const request = path.join(bridge, `${id}.request.json`);
  const response = path.join(bridge, `${id}.response.json`);
  fs.writeFileSync(`${request}.part`, JSON.stringify({ id, action, args }));
  fs.renameSync(`${request}.part`, request);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(response)) {
    if (Date.now() > deadline) throw new Error(`the page driver did not answer "${action}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // poll interval for the answer file
  }
  const answer = JSON.parse(fs.readFileSync(response, "utf8")) as { ok: boolean; result?: T; error?: string };
  if (!answer.ok) throw new Error(`page driver: ${answer.error}`);
  return answer.result as T;
}
