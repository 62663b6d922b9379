// The dashboard's webview page: a strict Content-Security-Policy with a nonce, the server's body checked before
// it is shown (an answer with active markup is refused), hostile strings of a log shown as text, and the state
// the page saves for a window reload.
import { strict as assert } from "node:assert";
import { Program } from "../../server/src/core/program";
import { diskHost, toUri } from "../../server/src/cli/files";
import { logState } from "../../server/src/operations/operate";
import { buildDashboard } from "../../server/src/documents/dashboard/model";
import { dashboardBody, DASHBOARD_CSS } from "../../server/src/documents/dashboard/html";
import { dashboardContentSecurityPolicy, dashboardPage, dashboardProblem, readDashboard, unsafeMarkup } from "../../client/src/dashboard-html";
import { readViewState } from "../../client/src/view-state";
import { sample } from "../helpers/paths";

const HOSTILE = "<img src=x onerror=alert(1)>";

function hostileBody(): string {
  const linked = new Program(diskHost).link(toUri(sample("northwind-log.covenant")))!;
  const d = buildDashboard(logState(linked.logs[0], { today: "2026-01-10" })!, `${HOSTILE}.covenant`);
  return dashboardBody([{ ...d, matters: d.matters.map((m) => ({ ...m, status: { ...m.status, label: HOSTILE, next: `"'${HOSTILE}` } })), slas: d.slas.map((s) => ({ ...s, label: HOSTILE })) }]);
}

describe("dashboard webview", () => {
  it("has a strict policy: nothing by default, the one script and style sheet by nonce, no inline handler", () => {
    assert.equal(dashboardContentSecurityPolicy("n0nce"), "default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'; img-src data:");
    const page = dashboardPage({ title: HOSTILE, nonce: "n0nce", css: DASHBOARD_CSS, body: "<p>x</p>", state: { version: 1, kind: "dashboard", uri: `file:///${HOSTILE}"` } });
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
    assert.match(page, /<script nonce="n0nce">/);
    assert.match(page, /<style nonce="n0nce">/);
    assert.doesNotMatch(page, /unsafe-inline|unsafe-eval|https?:\/\/(?!www\.w3\.org)/);
    assert.ok(!page.includes("<img"), "the title or the state reached the page as markup");
    assert.match(page, /data-state="\{&quot;version&quot;:1,&quot;kind&quot;:&quot;dashboard&quot;,&quot;uri&quot;:&quot;file:\/\/\/&lt;img/);
  });

  it("shows the server's body of a hostile log as text, and accepts it as plain markup", () => {
    const body = hostileBody();
    assert.ok(!body.includes("<img"));
    assert.ok(body.includes("&lt;img src=x onerror=alert(1)&gt;"));
    assert.equal(unsafeMarkup(body), undefined, "the dashboard's own markup is refused");
    const read = readDashboard({ logs: [{ contract: "northwind-msa" }], body, css: DASHBOARD_CSS });
    assert.ok("body" in read && read.title === "northwind-msa");
  });

  it("refuses an answer with markup that could run, load or navigate, and one without a body", () => {
    for (const [body, why] of [
      [`<p>${HOSTILE}</p>`, /<img>/],
      [`<svg><script>alert(1)</script></svg>`, /<script>/],
      [`<div onclick="x()">`, /'onclick'/],
      [`<svg><a xlink:href="javascript:x">`, /<a>/],
      [`<svg><foreignObject>`, /<foreignobject>/],
      [`<p style="background:url(https://x)">`, /'style'/],
      [`<svg><use href="https://x/#a"/>`, /<use>/],
    ] as const) {
      const r = readDashboard({ logs: [], body, css: "" });
      assert.ok("problem" in r, body);
      assert.match(r.problem, why, body);
    }
    assert.ok("problem" in readDashboard({ logs: [], body: "<p></p>", css: "</style><script>" }));
    assert.ok("problem" in readDashboard(null));
    assert.ok("problem" in readDashboard({ body: 3, css: "" }));
    // An attribute's escaped value may say anything: only names count.
    assert.equal(unsafeMarkup(`<g data-x="&lt;img src=x onerror=alert(1)&gt;" aria-label=" onload=1">`), undefined);
  });

  it("escapes a problem banner", () => {
    assert.equal(dashboardProblem(HOSTILE), `<p class="cv-problem" role="status">&lt;img src=x onerror=alert(1)&gt;</p>`);
  });

  it("reads back the state it saved for a window reload, and refuses a damaged one", () => {
    assert.deepEqual(readViewState("covenant.dashboard", { version: 1, kind: "dashboard", uri: "file:///w/log.covenant" }), { version: 1, kind: "dashboard", uri: "file:///w/log.covenant" });
    assert.ok("problem" in readViewState("covenant.dashboard", { version: 1, kind: "preview", uri: "file:///w/log.covenant" }));
    assert.ok("problem" in readViewState("covenant.dashboard", { version: 2, kind: "dashboard", uri: "x" }));
    assert.ok("problem" in readViewState("covenant.preview", { version: 1, kind: "dashboard", uri: "x" }));
  });
});
