// Answers the suite's requests for what only the page shows (Problems panel rows, webview text,
// screenshots). The suite writes NAME.request.json into the bridge folder; this writes NAME.response.json.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, log, ROOT } from "./harness";

interface BridgeRequest {
  id: string;
  action: string;
  args: Record<string, unknown>;
}

export interface FrameText {
  url: string;
  text: string;
  svgCount: number;
}

type Handler = (page: Page, args: Record<string, unknown>) => Promise<unknown>;

const handlers: Record<string, Handler> = {
  /** Presses keys in the workbench, as a user would (e.g. "Control+Shift+M" for the Problems panel). */
  async press(page, args) {
    await page.keyboard.press(String(args.keys));
    return null;
  },

  /** The rows of the Problems panel, once it is visible and, within 15 s, once every `expect` code shows. */
  async problemRows(page, args) {
    const expected = (args.expect as string[] | undefined) ?? [];
    await page.locator(".markers-panel").first().waitFor({ state: "visible", timeout: 15_000 });
    await page
      .waitForFunction(
        (codes) => {
          const panel = document.querySelector(".markers-panel");
          const text = panel instanceof HTMLElement ? panel.innerText : "";
          return codes.every((code) => text.includes(code));
        },
        expected,
        { timeout: 15_000, polling: 100 },
      )
      .catch(() => undefined); // the suite compares and reports what was there
    return page.$$eval(".markers-panel .monaco-list-row", (rows) =>
      rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, " ").trim()),
    );
  },

  /** The text of every frame that is not the workbench itself (webviews), once `expect` shows in one. */
  async frames(page, args) {
    const expected = (args.expect as string[] | undefined) ?? [];
    const deadline = Date.now() + ((args.timeoutMs as number | undefined) ?? 15_000);
    let texts: FrameText[] = [];
    for (;;) {
      texts = await readFrames(page);
      if (expected.length === 0 || texts.some((f) => expected.every((e) => f.text.includes(e)))) break;
      if (Date.now() > deadline) break;
      await page.waitForTimeout(100); // polls the frames' content: webviews render asynchronously
    }
    return texts;
  },

  /** Writes a PNG of the window to test/e2e/artifacts/NAME.png (and to `copyTo`, relative to the repo). */
  async screenshot(page, args) {
    const name = String(args.name ?? "window").replace(/[^a-z0-9-]/gi, "-");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file });
    const copyTo = process.env.COVENANT_E2E_SCREENSHOT_COPY;
    if (copyTo && args.readme === true) {
      const target = path.resolve(ROOT, copyTo);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      log(`screenshot copied to ${path.relative(ROOT, target)}`);
    }
    return { file, bytes: fs.statSync(file).size };
  },
};

async function readFrames(page: Page): Promise<FrameText[]> {
  const result: FrameText[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    try {
      const content = await frame.evaluate(() => ({
        // innerText leaves out the labels of an SVG drawing; they are read separately
        text: [document.body?.innerText ?? "", ...Array.from(document.querySelectorAll("svg"), (svg) => svg.textContent ?? "")].join("\n"),
        svgCount: document.querySelectorAll("svg").length,
      }));
      result.push({ url: frame.url(), ...content });
    } catch {
      // a frame that navigated or closed while we read it has nothing to show
    }
  }
  return result;
}

/** Watches the bridge folder and answers requests one at a time until stopped. */
export function startPageDriver(page: Page, bridge: string): { stop(): void } {
  const answered = new Set<string>();
  let busy = false;
  let stopped = false;

  const answer = async (request: BridgeRequest): Promise<void> => {
    const handler = handlers[request.action];
    let response: unknown;
    try {
      if (!handler) throw new Error(`unknown page request "${request.action}"`);
      response = { ok: true, result: await handler(page, request.args ?? {}) };
    } catch (error) {
      response = { ok: false, error: (error as Error).message };
    }
    const file = path.join(bridge, `${request.id}.response.json`);
    fs.writeFileSync(`${file}.part`, JSON.stringify(response));
    fs.renameSync(`${file}.part`, file);
  };

  const poll = async (): Promise<void> => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (const name of fs.readdirSync(bridge).sort()) {
        if (!name.endsWith(".request.json") || answered.has(name)) continue;
        answered.add(name);
        const request = JSON.parse(fs.readFileSync(path.join(bridge, name), "utf8")) as BridgeRequest;
        await answer(request);
      }
    } catch (error) {
      log(`page driver: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(() => void poll(), 100);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
