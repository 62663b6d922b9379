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

/** A drawing in a frame: an inline <svg>, or an <img> of an SVG data URI (read back as its text). */
export interface Diagram {
  text: string;
  /** The browser drew it: an inline svg with a size, or an image that loaded. */
  rendered: boolean;
}

export interface FrameText {
  url: string;
  text: string;
  diagrams: Diagram[];
  /** The page has handed VS Code the state it is restored from after a reload (client/media/escalation.js). */
  stateSaved: boolean;
}

/** The Problems panel's rows, without the sticky copy of a file's row that stays on top while scrolling. */
const ROWS = ".markers-panel .monaco-list-rows > .monaco-list-row";

type Handler = (page: Page, args: Record<string, unknown>) => Promise<unknown>;

const handlers: Record<string, Handler> = {
  /** Presses keys in the workbench, as a user would (e.g. "Control+Shift+M" for the Problems panel). */
  async press(page, args) {
    await page.keyboard.press(String(args.keys));
    return null;
  },

  /** Types text where the focus is, key by key (a quick pick's filter, an input box). */
  async type(page, args) {
    await page.keyboard.type(String(args.text), { delay: 20 });
    return null;
  },

  /** The text of every visible element that matches a CSS selector (the walkthrough, a quick pick's rows). */
  async text(page, args) {
    return page.evaluate((selector) => {
      return Array.from(document.querySelectorAll(selector))
        .filter((e) => e instanceof HTMLElement && e.offsetParent !== null)
        .map((e) => (e as HTMLElement).innerText.trim());
    }, String(args.selector));
  },

  /** Whether a quick pick or an input box is open, and what it asks. */
  async quickInput(page) {
    return page.evaluate(() => {
      const widget = document.querySelector(".quick-input-widget");
      const visible = widget instanceof HTMLElement && widget.style.display !== "none" && widget.offsetParent !== null;
      const text = (selector: string) => (widget?.querySelector(selector) as HTMLElement | null)?.innerText?.trim() ?? "";
      const input = widget?.querySelector("input") as HTMLInputElement | null;
      return { visible, title: text(".quick-input-title"), placeholder: input?.placeholder ?? "", value: input?.value ?? "" };
    });
  },

  /**
   * Every row of the Problems panel, in order. Its list draws only the rows that fit, so the rows are
   * collected while the mouse wheel scrolls it down to the last one; then it is scrolled back up.
   */
  async problemRows(page) {
    const list = page.locator(".markers-panel .monaco-list").first();
    await page.locator(ROWS).first().waitFor({ state: "visible", timeout: 10_000 });
    const box = await list.boundingBox();
    if (!box) throw new Error("the Problems panel's list has no size");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const rows = new Map<number, string>();
    for (;;) {
      const drawn = await page.locator(ROWS).evaluateAll((elements) =>
        elements.map((row) => ({
          index: Number(row.getAttribute("data-index")),
          last: row.getAttribute("data-last-element") === "true",
          text: (row as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
        })),
      );
      const known = rows.size;
      for (const row of drawn) rows.set(row.index, row.text);
      if (drawn.length === 0 || drawn.some((row) => row.last) || (known > 0 && rows.size === known)) break;
      const bottom = Math.max(...drawn.map((row) => row.index));
      await page.mouse.wheel(0, Math.max(box.height * 0.8, 40));
      // the list redraws on a later frame: wait until it draws a row below the last one seen
      await page
        .waitForFunction(
          ([selector, before]) =>
            Array.from(document.querySelectorAll(selector)).some((row) => Number(row.getAttribute("data-index")) > before),
          [ROWS, bottom] as const,
          { timeout: 2_000, polling: 50 },
        )
        .catch(() => undefined); // a list that did not scroll adds no row, which ends the loop
    }
    // back to the top, as a user would leave it, and the mouse out of the way of screenshots
    for (let i = 0; i < 50; i++) {
      const topDrawn = await page.locator(`${ROWS}[data-index="0"]`).count();
      if (topDrawn > 0) break;
      await page.mouse.wheel(0, -box.height);
      await page
        .waitForFunction((selector) => document.querySelector(`${selector}[data-index="0"]`) !== null, ROWS, {
          timeout: 200,
          polling: 50,
        })
        .catch(() => undefined); // not at the top yet: one more turn of the wheel
    }
    await page.mouse.move(0, 0);
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  },

  /** The text of every webview frame, once `expect` shows in one (or after 10 s). */
  async frames(page, args) {
    const expected = (args.expect as string[] | undefined) ?? [];
    const deadline = Date.now() + ((args.timeoutMs as number | undefined) ?? 10_000);
    let texts: FrameText[];
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
    // webviews live in frames under .../contrib/webview/...; others (the web worker host) are not shown
    if (frame === page.mainFrame() || !frame.url().includes("/contrib/webview/")) continue;
    try {
      const content = await frame.evaluate(() => {
        const diagrams: { text: string; rendered: boolean }[] = [];
        for (const svg of Array.from(document.querySelectorAll("svg"))) {
          const box = svg.getBoundingClientRect();
          diagrams.push({ text: svg.textContent ?? "", rendered: box.width > 0 && box.height > 0 });
        }
        for (const img of Array.from(document.querySelectorAll("img"))) {
          const match = /^data:image\/svg\+xml;base64,(.*)$/.exec(img.src);
          if (!match) continue;
          const svg = new DOMParser().parseFromString(new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0))), "image/svg+xml");
          diagrams.push({ text: svg.documentElement.textContent ?? "", rendered: img.complete && img.naturalWidth > 0 });
        }
        return { text: document.body?.innerText ?? "", diagrams, stateSaved: document.body?.hasAttribute("data-state-saved") ?? false };
      });
      result.push({ url: frame.url(), ...content });
    } catch {
      // a frame that navigated or closed while we read it has nothing to show
    }
  }
  return result;
}

/** Watches the bridge folder and answers requests one at a time until stopped. */
export function startPageDriver(page: Page, bridge: string, verbose: boolean): { stop(): void } {
  const answered = new Set<string>();
  let busy = false;
  let stopped = false;

  const answer = async (request: BridgeRequest): Promise<void> => {
    const handler = handlers[request.action];
    let response: unknown;
    try {
      if (!handler) throw new Error(`unknown page request "${request.action}"`);
      const started = Date.now();
      response = { ok: true, result: await handler(page, request.args ?? {}) };
      if (verbose) log(`page driver: ${request.action} took ${Date.now() - started} ms`);
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
