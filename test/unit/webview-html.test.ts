// The escalation webviews' HTML: contract strings are escaped, the Content-Security-Policy is strict,
// and the simulation shows what simulation.md's output says.
import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { EscalationGraph, SimulationResult } from "../../client/src/protocol";
import {
  contentSecurityPolicy,
  escapeHtml,
  newNonce,
  page,
  previewBody,
  problemBanner,
  readableInstant,
  simulationBody,
} from "../../client/src/webview-html";

const root = path.resolve(__dirname, "../../..");
const EVIL = "<img src=x onerror=alert(1)>";
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>${EVIL}</text></svg>`;

const range = { start: { line: 3, character: 2 }, end: { line: 20, character: 3 } };

const evilGraph: EscalationGraph = {
  contracts: [
    {
      name: "msa",
      label: `<script>alert("contract")</script>`,
      ladders: [
        {
          name: "standard",
          label: EVIL,
          appliesTo: [`severity <b>critical</b>`],
          then: `mediation" onclick="alert(1)`,
          range,
          tiers: [
            {
              name: "operational",
              level: "operational",
              within: "5 business days",
              elapsed: "5 business days",
              forum: `ops'review`,
              customer: { role: "ops", person: "evil", name: EVIL, title: `"CIO" & 'boss'`, email: `x"onmouseover="alert(1)@e.example`, flags: [] },
              supplier: { role: "ops", person: "tgreen", name: "Tom Green", flags: ["stand-in"] },
              findings: [
                { code: "ESC002", severity: "error", title: EVIL, message: `${EVIL} "q" 'a' & b`, side: "customer" },
                { code: EVIL, severity: `error" onclick="alert(1)`, title: "t", message: "m" },
              ],
            },
          ],
          findings: [{ code: `ESC004"><script>alert(1)</script>`, severity: "warning", title: EVIL, message: EVIL }],
        },
      ],
    },
  ],
  svg: EVIL_SVG,
  mermaid: "flowchart TD",
};

/** Simulation.md's T1 for northwind.covenant, as the server returns it. */
const t1: SimulationResult = {
  contract: "northwind-msa",
  ladder: "standard",
  raised: "2025-12-23T18:10:00+00:00",
  start: "2025-12-24T09:00:00+00:00",
  tiers: [
    {
      tier: "operational",
      level: "operational",
      opens: "2025-12-24T09:00:00+00:00",
      deadline: "2026-01-05T17:00:00+00:00",
      customer: { role: "ops", person: "jlee", name: "Jo Lee", title: "Service Manager", email: "jo.lee@northwind.example", flags: [] },
      supplier: { role: "ops", person: "tgreen", name: "Tom Green", title: "Service Delivery Manager", flags: [] },
    },
    {
      tier: "management",
      level: "management",
      opens: "2026-01-05T17:00:00+00:00",
      deadline: "2026-01-19T17:00:00+00:00",
      customer: { role: "mgmt", person: "jlee", name: "Jo Lee", title: "Service Manager", flags: ["stand-in"] },
      supplier: { role: "mgmt", person: "hsato", name: "Hana Sato", title: "Account Director", flags: [] },
    },
    {
      tier: "executive",
      level: "executive",
      opens: "2026-01-19T17:00:00+00:00",
      deadline: "2026-02-02T17:00:00+00:00",
      customer: { role: "exec", person: "mokafor", name: "Mo Okafor", title: "COO", flags: [] },
      supplier: { role: "exec", flags: ["unreachable"] },
    },
  ],
  events: [
    { at: "2025-12-24T09:00:00+00:00", kind: "tier-opened", tier: "operational", services: "continue" },
    { at: "2025-12-30T17:00:00+00:00", kind: "minutes-due", tier: "operational", board: "ops-review", services: "continue" },
    { at: "2026-01-05T17:00:00+00:00", kind: "tier-opened", tier: "management", services: "continue" },
    { at: "2026-01-08T17:00:00+00:00", kind: "minutes-due", tier: "management", board: "service-board", services: "continue" },
    { at: "2026-01-19T17:00:00+00:00", kind: "tier-opened", tier: "executive", services: "continue" },
    { at: "2026-01-26T17:00:00+00:00", kind: "minutes-due", tier: "executive", board: "exec-board", services: "continue" },
    { at: "2026-02-02T17:00:00+00:00", kind: "formal-step", step: "mediation", deadline: "2026-03-02T17:00:00+00:00", services: "continue" },
  ],
  outcome: "formal",
  resolved: null,
  formal: { step: "mediation", at: "2026-02-02T17:00:00+00:00", deadline: "2026-03-02T17:00:00+00:00" },
  servicesContinue: true,
  businessDays: 25,
  markdown: "# Simulation",
  svg: "<svg xmlns='http://www.w3.org/2000/svg'/>",
};

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

/** The real tags of an HTML string: escaped text has no `<`, so it yields none. */
function tags(html: string): Tag[] {
  const found: Tag[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const a of m[2].matchAll(/\s+([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      attributes.set(a[1].toLowerCase(), decode((a[2] ?? "").replace(/^["']|["']$/g, "")));
    }
    found.push({ name: m[1].toLowerCase(), attributes });
  }
  return found;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** `page`: the whole document, whose own script and stylesheet are checked by the policy tests. */
function assertSafe(html: string, whole = false): void {
  assert.ok(!html.includes(EVIL), "the raw <img onerror> from the contract is not in the HTML");
  assert.ok(!/<script>alert/.test(html), "no script from the contract");
  for (const tag of tags(html)) {
    for (const name of tag.attributes.keys()) assert.ok(!name.startsWith("on"), `inline handler ${name} on <${tag.name}>`);
    assert.ok(!tag.attributes.has("style"), `style attribute on <${tag.name}> (the policy would block it)`);
    const banned = ["iframe", "object", "embed", "style", "svg", "foreignobject", "base", "form"];
    if (!whole) banned.push("script", "link", "meta");
    assert.ok(!banned.includes(tag.name), `<${tag.name}> in ${whole ? "the page" : "a body"}`);
    if (tag.name === "img") assert.match(tag.attributes.get("src")!, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    if (tag.name === "a") assert.match(tag.attributes.get("href")!, /^mailto:[^"'<> ]+$/);
  }
}

/** What a reader sees, roughly: tags become spaces, entities their characters. */
function text(html: string): string {
  return decode(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").replace(/ ([,.])/g, "$1");
}

describe("webview HTML", () => {
  describe("escaping", () => {
    it("escapes the five HTML characters", () => {
      assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
      assert.equal(escapeHtml(undefined), "");
      assert.equal(escapeHtml(25), "25");
    });

    it("shows a party named <img src=x onerror=alert(1)> as text in the preview", () => {
      const html = previewBody(evilGraph);
      assertSafe(html);
      assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
      assert.ok(text(html).includes(EVIL), "the name reads as written");
      assert.ok(text(html).includes(`"CIO" & 'boss'`));
      assert.ok(text(html).includes(`<script>alert("contract")</script>`));
    });

    it("shows hostile finding codes, titles and messages as text, and no unknown severity as a class", () => {
      const html = previewBody(evilGraph);
      assertSafe(html);
      assert.ok(text(html).includes(`ESC002 ${EVIL}`));
      assert.ok(tags(html).some((t) => t.attributes.get("title") === `ESC002 error: ${EVIL}. ${EVIL} "q" 'a' & b`), "the hover text is the whole message");
      for (const t of tags(html)) assert.ok(!(t.attributes.get("class") ?? "").includes("onclick"), `class ${t.attributes.get("class")}`);
    });

    it("keeps a hostile email inside its mailto link", () => {
      const link = tags(previewBody(evilGraph)).find((t) => t.name === "a")!;
      assert.ok(!link.attributes.has("onmouseover"));
      assert.ok(link.attributes.get("href")!.startsWith("mailto:x%22onmouseover=%22alert(1)@e.example"));
    });

    it("shows hostile names in the simulation as text", () => {
      const evil: SimulationResult = {
        ...t1,
        contract: EVIL,
        ladder: `</code><script>alert(1)</script>`,
        tiers: [{ ...t1.tiers[0], tier: EVIL, customer: { role: EVIL, name: EVIL, flags: [EVIL] } }],
        events: [{ at: EVIL, kind: EVIL, tier: EVIL, board: EVIL }],
        formal: { step: EVIL, at: "2026-02-02T17:00:00+00:00", deadline: null },
        svg: EVIL_SVG,
      };
      const html = simulationBody(evil, { service: EVIL, resolveAt: { tier: EVIL, after: EVIL } });
      assertSafe(html);
      assert.ok(text(html).includes(EVIL));
      assert.ok(problemBanner(EVIL).includes("&lt;img"));
    });

    it("embeds the diagram as an image, so a script in the SVG never runs, and keeps it exact for export", () => {
      const img = tags(previewBody(evilGraph)).find((t) => t.name === "img")!;
      const base64 = img.attributes.get("src")!.split(",")[1];
      assert.equal(Buffer.from(base64, "base64").toString("utf8"), EVIL_SVG);
    });
  });

  describe("findings in the preview", () => {
    const tier = (findings: unknown[]): EscalationGraph => ({
      ...evilGraph,
      contracts: [{ ...evilGraph.contracts[0], label: "c", ladders: [{ ...evilGraph.contracts[0].ladders[0], label: "l", findings: [], tiers: [{
        name: "top",
        customer: { role: "cto", person: "dana", name: "Dana Wu", flags: [] },
        findings,
      } as EscalationGraph["contracts"][number]["ladders"][number]["tiers"][number]] }] }],
    });

    it("marks the tier and the contact a finding is on: the code as a badge, the rule beside, the message on hover", () => {
      const html = previewBody(tier([
        { code: "ESC005", severity: "error", title: "Tier without a time limit", message: "tier 'top' has no time limit" },
        { code: "ESC002", severity: "error", title: "First and last point of escalation", message: "Dana Wu is first and last", side: "customer" },
        { code: "ESC008", severity: "info", title: "Escalation contact without a deputy", message: "no deputy", side: "supplier" },
      ]));
      assert.match(html, /<li class="tier marked marked-error">/);
      const customer = html.slice(html.indexOf('<div class="contact'), html.indexOf("</div>", html.indexOf("</ul>", html.indexOf('<div class="contact'))));
      assert.match(customer, /^<div class="contact marked marked-error">.*Dana Wu.*<li class="finding finding-error" title="ESC002 error: First and last point of escalation\. Dana Wu is first and last"><span class="code">ESC002<\/span> <span class="reason">First and last point of escalation<\/span>/s);
      assert.match(html, /<ul class="findings" aria-label="Findings on tier top"><li class="finding finding-error" title="ESC005 error: Tier without a time limit\. tier &#39;top&#39; has no time limit">/);
      assert.match(html, /<div class="contact missing marked marked-info"><span class="side">Supplier<\/span><span class="muted">no role named<\/span><ul class="findings" aria-label="Findings on the supplier contact"><li class="finding finding-info"/);
      const css = readFileSync(path.join(root, "client/media/escalation.css"), "utf8");
      assert.match(css, /\.finding-error \.code \{ background: var\(--vscode-errorForeground\); \}/);
      assert.match(css, /\.finding-warning \.code \{ background: var\(--vscode-editorWarning-foreground\); \}/);
    });

    it("shows no mark when the server sends no findings (an older server)", () => {
      const html = previewBody(tier(undefined as unknown as unknown[]));
      assert.ok(!html.includes("finding") && !html.includes("marked"));
    });
  });

  describe("page and Content-Security-Policy", () => {
    const nonce = newNonce();
    const html = page({
      title: `Escalation · ${EVIL}`,
      cspSource: "vscode-webview-resource:",
      nonce,
      scriptUri: "vscode-webview-resource://ext/client/media/escalation.js",
      styleUri: "vscode-webview-resource://ext/client/media/escalation.css",
      body: simulationBody(t1, {}),
    });

    it("uses a fresh nonce of 128 bits each time", () => {
      assert.match(nonce, /^[0-9a-f]{32}$/);
      assert.notEqual(newNonce(), nonce);
    });

    it("sets a strict policy: nothing by default, scripts only by nonce, images local or data:", () => {
      const meta = tags(html).find((t) => t.name === "meta" && t.attributes.get("http-equiv") === "Content-Security-Policy");
      assert.ok(meta, "the policy is in a meta tag");
      assert.equal(
        meta.attributes.get("content"),
        `default-src 'none'; style-src vscode-webview-resource: 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src vscode-webview-resource: data:`,
      );
      assert.equal(contentSecurityPolicy("S", "N"), "default-src 'none'; style-src S 'nonce-N'; script-src 'nonce-N'; img-src S data:");
      assert.ok(!/unsafe-(inline|eval)/.test(html));
    });

    it("puts the nonce on every script and stylesheet, and loads them from the extension only", () => {
      const scripts = tags(html).filter((t) => t.name === "script");
      assert.equal(scripts.length, 1);
      for (const s of scripts) {
        assert.equal(s.attributes.get("nonce"), nonce);
        assert.ok(s.attributes.get("src")!.startsWith("vscode-webview-resource:"));
      }
      const link = tags(html).find((t) => t.name === "link")!;
      assert.equal(link.attributes.get("nonce"), nonce);
      assert.ok(link.attributes.get("href")!.startsWith("vscode-webview-resource:"));
    });

    it("has no http(s) URL, no inline handler and no inline style", () => {
      assert.ok(!/https?:\/\//i.test(html.replace(/data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+/g, "")));
      assertSafe(html, true);
      assert.ok(html.includes("<title>Escalation · &lt;img src=x onerror=alert(1)&gt;</title>"), "the title is escaped too");
    });

    it("ships media files with no remote URL and no eval", () => {
      const media = path.join(root, "client/media");
      for (const name of readdirSync(media)) {
        const content = readFileSync(path.join(media, name), "utf8");
        assert.ok(!/https?:\/\//.test(content), `${name} has a remote URL`);
        assert.ok(!/\beval\(|new Function\(/.test(content), `${name} evaluates code`);
      }
    });
  });

  describe("simulation timeline", () => {
    const html = simulationBody(t1, {});
    const readable = text(html);

    it("writes instants in the calendar's own offset, with the weekday", () => {
      assert.equal(readableInstant("2025-12-24T09:00:00+00:00"), "Wed 24 Dec 2025, 09:00 (+00:00)");
      assert.equal(readableInstant("2026-06-01T09:00:00+01:00"), "Mon 1 Jun 2026, 09:00 (+01:00)");
      assert.equal(readableInstant("2026-01-02T16:00:00Z"), "Fri 2 Jan 2026, 16:00 (UTC)");
      assert.equal(readableInstant("not a time"), "not a time");
      assert.ok(html.includes(`<time datetime="2026-01-05T17:00:00+00:00">Mon 5 Jan 2026, 17:00 (+00:00)</time>`));
    });

    it("has one lane per party and one row per tier, in order", () => {
      const heads = tags(html).filter((t) => t.name === "th" && t.attributes.get("scope") === "col");
      assert.equal(heads.length, 3);
      assert.match(readable, /Tier and deadlines Customer Supplier/);
      const order = ["operational", "management", "executive"].map((t) => readable.indexOf(`${t} ${t} Opens`));
      assert.ok(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], `tiers in order: ${order}`);
    });

    it("names each side's contact with title and email, and flags stand-ins and unreachable sides", () => {
      assert.match(readable, /Customer Jo Lee Service Manager jo\.lee@northwind\.example role ops · person jlee Supplier Tom Green/);
      assert.match(readable, /Hana Sato Account Director role mgmt · person hsato/);
      assert.match(readable, /Jo Lee Service Manager role mgmt · person jlee stand-in: the deputy answers/);
      assert.match(readable, /no one role exec unreachable: no one holds this role/);
    });

    it("puts each forum's minutes in its tier's row", () => {
      const management = readable.slice(readable.indexOf("management management Opens"), readable.indexOf("executive executive Opens"));
      assert.match(management, /Minutes of service-board due Thu 8 Jan 2026, 17:00 \(\+00:00\)/);
    });

    it("ends with the formal step and its deadline, and says whether services continue", () => {
      assert.match(readable, /Formal step Mon 2 Feb 2026, 17:00 \(\+00:00\) Both parties may start mediation, deadline Mon 2 Mar 2026, 17:00/);
      assert.match(readable, /Services services continue/);
      assert.match(readable, /Business days 25/);
      const atRisk = text(simulationBody({ ...t1, servicesContinue: false, events: [] }, {}));
      assert.match(atRisk, /Services services at risk/);
    });

    it("ends at the resolving tier when the matter is resolved", () => {
      const t2: SimulationResult = {
        ...t1,
        tiers: t1.tiers.slice(0, 2),
        events: t1.events.slice(0, 4).concat({ at: "2026-01-08T17:00:00+00:00", kind: "resolved", tier: "management" }),
        outcome: "resolved",
        resolved: { tier: "management", at: "2026-01-08T17:00:00+00:00" },
        formal: null,
      };
      const resolved = text(simulationBody(t2, { resolveAt: { tier: "management", after: "3 business days" } }));
      assert.match(resolved, /Resolved Thu 8 Jan 2026, 17:00 \(\+00:00\) The matter is settled at tier management/);
      assert.match(resolved, /resolved at management 3 business days after it opens/);
      assert.ok(!resolved.includes("Formal step"));
      assert.ok(!resolved.includes("executive executive Opens"));
    });

    it("shows the simulator's details: how the ladder was chosen, the calendar, who stands in for whom, notes", () => {
      const t4: SimulationResult = {
        ...t1,
        contractLabel: "Northwind Managed Workplace MSA",
        ladderLabel: "Standard escalation",
        ladderChosenBy: "severity",
        severity: "high",
        calendar: { timezone: "Europe/London", workdays: ["mon", "tue", "wed", "thu", "fri"], hours: "09:00-17:00", holidays: ["2025-12-25"], regions: ["GB-ENG"] },
        tiers: [
          { ...t1.tiers[0], within: "5 business days", minutes: { board: "ops-review", due: "2025-12-30T17:00:00+00:00", by: "acme.ops" } },
          {
            ...t1.tiers[1],
            customer: { ...t1.tiers[1].customer!, roleLabel: "IT management", party: "northwind", standsInFor: { person: "rpatel", name: "Raj Patel", left: "2026-01-01" } },
            supplier: { role: "mgmt", flags: ["unreachable"], reason: "the role 'mgmt' has no holder" },
          },
        ],
        formal: { step: "mediation", at: "2026-02-02T17:00:00+00:00", deadline: "2026-03-02T17:00:00+00:00", deadlineKind: "start" },
        notes: ["the forum board-x is not declared"],
      };
      const shown = text(simulationBody(t4, {}));
      assert.match(shown, /Simulation of Standard escalation standard in Northwind Managed Workplace MSA/);
      assert.match(shown, /Ladder used for severity high/);
      assert.match(shown, /Calendar Europe\/London, mon tue wed thu fri, 09:00-17:00; holidays: GB-ENG, 1 listed date/);
      assert.match(shown, /\(within 5 business days\) Minutes of ops-review due Tue 30 Dec 2025, 17:00 \(\+00:00\) \(by acme\.ops\)/);
      assert.match(shown, /IT management \(northwind\.mgmt\) · person jlee stand-in for Raj Patel, who left on 2026-01-01/);
      assert.match(shown, /no one the role 'mgmt' has no holder role mgmt unreachable/);
      assert.match(shown, /may start mediation, to start by Mon 2 Mar 2026/);
      assert.match(shown, /the forum board-x is not declared/);
      const none = text(simulationBody({ ...t1, formal: { step: null, at: "2026-02-02T17:00:00+00:00", deadline: null } }, {}));
      assert.match(none, /Ladder ends Mon 2 Feb 2026, 17:00 \(\+00:00\) No formal step is named/);
    });

    it("marks the diagram for the theme's colours", () => {
      const img = tags(simulationBody(t1, {})).find((t) => t.name === "img")!;
      assert.ok(img.attributes.has("data-themable"));
    });

    it("can be used from the keyboard: real buttons, and events reachable with Tab and the arrow keys", () => {
      const buttons = tags(html).filter((t) => t.name === "button");
      assert.deepEqual(buttons.map((b) => b.attributes.get("data-command")), ["copyMarkdown", "exportSvg"]);
      assert.ok(buttons.every((b) => b.attributes.get("type") === "button"));
      const items = tags(html).filter((t) => t.name === "li" && t.attributes.has("data-nav-item"));
      assert.equal(items.length, t1.events.length);
      assert.ok(items.every((i) => i.attributes.get("tabindex") === "0"));
    });
  });

  describe("ladder preview", () => {
    it("focuses the ladder a code lens named, and offers to go to it and simulate it", () => {
      const html = previewBody(evilGraph, { contract: "msa", ladder: "standard" });
      const ladder = tags(html).find((t) => t.name === "article")!;
      assert.ok(ladder.attributes.has("data-focused"));
      const commands = tags(html).filter((t) => t.name === "button").map((b) => b.attributes.get("data-command"));
      assert.deepEqual(commands, ["copyMermaid", "exportSvg", "reveal", "simulate"]);
      assert.ok(!tags(previewBody(evilGraph, { ladder: "other" })).some((t) => t.attributes.has("data-focused")));
    });

    it("says so when a file has no contract", () => {
      assert.match(text(previewBody({ contracts: [], svg: "", mermaid: "" })), /declares no contract/);
    });
  });
});
