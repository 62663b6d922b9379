// The webviews that follow the documents (escalation preview and simulation, schedule preview, dashboard)
// share one "latest request wins" refresh (client/src/latest-request.ts): typing quickly asks once, a newer
// refresh cancels the older request and its late answer is not shown, and nothing is shown after closing.
import * as assert from "node:assert/strict";
import { LatestRequest, RefreshTurn } from "../../client/src/latest-request";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A view whose server answers when the test says so; it records what it would show. */
function view(delay = 20): { latest: LatestRequest; shown: string[]; asked: RefreshTurn[]; answer: (i: number, text: string) => void } {
  const shown: string[] = [];
  const asked: RefreshTurn[] = [];
  const pending: ((text: string) => void)[] = [];
  const latest = new LatestRequest(async (turn) => {
    asked.push(turn);
    const text = await new Promise<string>((resolve) => pending.push(resolve));
    if (turn.current()) shown.push(text);
  }, delay);
  return { latest, shown, asked, answer: (i, text) => pending[i](text) };
}

describe("latest request wins (the webviews' refresh)", () => {
  it("asks once after a burst of edits, when the typing pauses", async () => {
    const v = view();
    for (let i = 0; i < 5; i++) { v.latest.schedule(); await sleep(5); }
    assert.equal(v.asked.length, 0);
    await sleep(40);
    assert.equal(v.asked.length, 1);
    v.answer(0, "after the burst");
    await sleep(0);
    assert.deepEqual(v.shown, ["after the burst"]);
  });

  it("cancels an older request when a newer one starts, and drops its late answer", async () => {
    const v = view();
    void v.latest.now();
    void v.latest.now();
    assert.equal(v.asked[0].token.isCancellationRequested, true);
    assert.equal(v.asked[1].token.isCancellationRequested, false);
    v.answer(1, "new");
    v.answer(0, "old, arriving late");
    await sleep(0);
    assert.deepEqual(v.shown, ["new"]);
  });

  it("shows nothing and asks nothing after the view is closed", async () => {
    const v = view();
    void v.latest.now();
    v.latest.schedule();
    v.latest.dispose();
    assert.equal(v.asked[0].token.isCancellationRequested, true);
    v.answer(0, "too late");
    await sleep(40);
    assert.deepEqual(v.shown, []);
    assert.equal(v.asked.length, 1);
  });
});
