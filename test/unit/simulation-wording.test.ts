// One wording for a simulation wherever it is shown: the CLI's text and Markdown and the webview write
// every instant and the reason for the ladder the same way (simulate/wording.ts).
import { strict as assert } from "node:assert";
import { simulationBody } from "../../client/src/webview-html";
import { ladderChoiceText, readableInstant } from "../../server/src/wire/wording";
import type { SimulateResult } from "../../server/src/wire/requests";
import { runCli } from "../helpers/cli";
import { sample } from "../helpers/paths";

const northwind = sample("northwind.covenant");

/** What a reader sees in HTML: tags become spaces, entities their characters. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

interface Shown {
  result: SimulateResult;
  text: string;
  markdown: string;
  webview: string;
}

/** The same simulation through the CLI (json, text, markdown) and through the webview. */
function shown(args: string[]): Shown {
  const run = (format: string): string => {
    const r = runCli(["simulate", northwind, ...args, "--format", format]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };
  const markdown = run("markdown");
  const result: SimulateResult = { ...JSON.parse(run("json")), markdown, svg: "" };
  return { result, text: run("text"), markdown, webview: visible(simulationBody(result, {})) };
}

function instantsOf(r: SimulateResult): string[] {
  const out = [r.raised, r.start];
  for (const t of r.tiers) out.push(t.opens, t.deadline, ...(t.minutes ? [t.minutes.due] : []));
  if (r.resolved) out.push(r.resolved.at);
  if (r.formal) out.push(r.formal.at, ...(r.formal.deadline ? [r.formal.deadline] : []));
  return out;
}

function assertEverywhere(s: Shown, words: string, what: string): void {
  assert.ok(s.text.includes(words), `CLI text shows ${what} '${words}':\n${s.text}`);
  assert.ok(s.markdown.includes(words), `CLI Markdown shows ${what} '${words}':\n${s.markdown}`);
  assert.ok(s.webview.includes(words), `webview shows ${what} '${words}':\n${s.webview}`);
}

describe("simulation wording shared by the CLI and the webview", () => {
  const cases: { name: string; args: string[]; chosen: string }[] = [
    { name: "a ladder given by name (T1)", args: ["--raised", "2025-12-23T18:10Z", "--ladder", "standard"], chosen: "as asked" },
    { name: "the dispute block's default ladder", args: ["--raised", "2025-12-23T18:10Z"], chosen: "the dispute block's default ladder" },
    { name: "a ladder for the service's criticality (T3)", args: ["--raised", "2026-01-02T16:00Z", "--service", "idp"], chosen: "used for the criticality of service idp" },
    { name: "a ladder for the severity", args: ["--raised", "2026-01-02T16:00Z", "--severity", "critical"], chosen: "used for severity critical" },
    {
      name: "a matter resolved at a tier (T2)",
      args: ["--raised", "2025-12-23T18:10Z", "--ladder", "standard", "--resolve-at", "management", "--after", "3 business days"],
      chosen: "as asked",
    },
  ];

  for (const c of cases) {
    it(`writes every instant and how the ladder was chosen alike: ${c.name}`, () => {
      const s = shown(c.args);
      assert.equal(ladderChoiceText(s.result), c.chosen);
      assertEverywhere(s, c.chosen, "how the ladder was chosen");
      const instants = instantsOf(s.result);
      assert.ok(instants.length >= 6, `instants: ${instants.join(", ")}`);
      for (const at of instants) assertEverywhere(s, readableInstant(at), `the instant ${at} as`);
    });
  }

  it("writes an instant in the calendar's offset, with weekday and zone, in every view", () => {
    const s = shown(["--raised", "2025-12-23T18:10Z", "--ladder", "standard"]);
    assert.equal(s.result.start, "2025-12-24T09:00:00+00:00");
    assertEverywhere(s, "Wed 24 Dec 2025, 09:00 (+00:00)", "the start");
    for (const view of [s.text, s.markdown, s.webview]) assert.ok(!/\d{2}:\d{2} \+00:00/.test(view), "no second way of writing an instant");
  });

  it("leaves a reason it does not know unnamed, and the webview shows the ladder instead", () => {
    assert.equal(ladderChoiceText({ ladderChosenBy: "by the moon" }), undefined);
    const s = shown(["--raised", "2025-12-23T18:10Z", "--ladder", "standard"]);
    const html = visible(simulationBody({ ...s.result, ladderChosenBy: "by the moon" }, {}));
    assert.match(html, /Ladder standard /);
  });
});
