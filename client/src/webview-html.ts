// HTML of the escalation webviews: the page with its Content-Security-Policy, the ladder preview and
// the simulation timeline. Pure (no `vscode` import): every string that comes from a contract goes
// through escapeHtml, and the tests check that and the policy.
import { randomBytes } from "node:crypto";
import type {
  Contact,
  EscalationGraph,
  GraphFinding,
  GraphLadder,
  GraphTier,
  SimulateParams,
  SimulatedTier,
  SimulationEvent,
  SimulationResult,
} from "./protocol";
import { ladderChoiceText, readableInstant } from "../../server/src/wire/wording";

export { readableInstant };

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values: safe in element content and in double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function newNonce(): string {
  return randomBytes(16).toString("hex");
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join("; ");
}

export interface PageParts {
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** Webview URIs of client/media/escalation.js and escalation.css. */
  scriptUri: string;
  styleUri: string;
  body: string;
}

/** The whole document; `body` is HTML built by the functions below. */
export function page(parts: PageParts): string {
  const nonce = escapeHtml(parts.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}" nonce="${nonce}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<main id="main">${parts.body}</main>
<script nonce="${nonce}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}

function time(iso: string | null | undefined): string {
  if (!iso) return `<span class="muted">none</span>`;
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(readableInstant(iso))}</time>`;
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/**
 * The server's SVG as an image: an <img> never runs script or fetches anything, whatever the SVG holds.
 * `data-themable`: the page's script fills the SVG's `var(--vscode-…)` colours with the theme's.
 */
function diagram(svg: string | undefined, caption: string): string {
  if (!svg || !svg.trim()) return `<figure class="diagram"><figcaption>No diagram for this file.</figcaption></figure>`;
  return `<figure class="diagram">
<img src="${svgDataUri(svg)}" alt="${escapeHtml(caption)}" data-themable>
<figcaption>${escapeHtml(caption)}</figcaption>
</figure>`;
}

function toolbar(buttons: { command: string; label: string; key?: string }[]): string {
  const items = buttons
    .map((b) => `<button type="button" data-command="${escapeHtml(b.command)}"${b.key ? ` aria-keyshortcuts="${escapeHtml(b.key)}"` : ""}>${escapeHtml(b.label)}</button>`)
    .join("");
  return `<div class="toolbar" role="toolbar" aria-label="Actions">${items}</div>`;
}

const FLAG_TEXT: Record<string, string> = {
  "stand-in": "stand-in: the deputy answers, the holder has left",
  unreachable: "unreachable: no one holds this role",
};

const SEVERITY_CLASS = new Set(["error", "warning", "info"]);

/**
 * A finding where it lives: the code as a badge, the rule's title beside it, the whole message as its hover
 * text and for screen readers. Whatever a server sends, only the three known severities become a class.
 */
function findingNote(f: GraphFinding): string {
  const severity = typeof f.severity === "string" && SEVERITY_CLASS.has(f.severity) ? f.severity : "warning";
  const full = `${f.code} ${f.severity}: ${f.title}. ${f.message}`;
  return `<li class="finding finding-${severity}" title="${escapeHtml(full)}"><span class="code">${escapeHtml(f.code)}</span> <span class="reason">${escapeHtml(f.title)}</span><span class="visually-hidden">: ${escapeHtml(f.message)}</span></li>`;
}

function findingList(findings: readonly GraphFinding[], label: string): string {
  if (findings.length === 0) return "";
  return `<ul class="findings" aria-label="${escapeHtml(label)}">${findings.map(findingNote).join("")}</ul>`;
}

function findingsOf(on: { findings?: GraphFinding[] }): GraphFinding[] {
  return Array.isArray(on.findings) ? on.findings.filter((f) => f && typeof f.code === "string") : [];
}

function worstSeverity(findings: readonly GraphFinding[]): string | undefined {
  return ["error", "warning", "info"].find((s) => findings.some((f) => f.severity === s));
}

function contactCard(side: "Customer" | "Supplier", contact: Contact | undefined, findings: readonly GraphFinding[] = []): string {
  const marks = findingList(findings, `Findings on the ${side.toLowerCase()} contact`);
  const marked = worstSeverity(findings);
  const markClass = marked ? ` marked marked-${marked}` : "";
  if (!contact) return `<div class="contact missing${markClass}"><span class="side">${side}</span><span class="muted">no role named</span>${marks}</div>`;
  const flags = Array.isArray(contact.flags) ? contact.flags : [];
  const unreachable = flags.includes("unreachable");
  const who = contact.name ?? contact.person;
  const lines = [
    `<span class="side">${side}</span>`,
    who
      ? `<span class="name">${escapeHtml(who)}</span>`
      : `<span class="name muted">${unreachable ? "no one" : "unknown"}</span>`,
  ];
  if (contact.title) lines.push(`<span class="title">${escapeHtml(contact.title)}</span>`);
  if (unreachable && contact.reason) lines.push(`<span class="reason">${escapeHtml(contact.reason)}</span>`);
  if (contact.email) {
    lines.push(`<a class="email" href="mailto:${escapeHtml(encodeURI(contact.email))}">${escapeHtml(contact.email)}</a>`);
  }
  const role = contact.roleLabel ? `${contact.roleLabel} (${contact.party ? contact.party + "." : ""}${contact.role})` : `role ${contact.role}`;
  const ids = [role, contact.person && contact.person !== who ? `person ${contact.person}` : undefined];
  lines.push(`<span class="ids">${escapeHtml(ids.filter(Boolean).join(" · "))}</span>`);
  for (const flag of flags) {
    const holder = contact.standsInFor;
    const text =
      flag === "stand-in" && holder
        ? `stand-in for ${holder.name ?? holder.person}${holder.left ? `, who left on ${holder.left}` : ""}`
        : (FLAG_TEXT[flag] ?? flag);
    lines.push(`<span class="flag flag-${escapeHtml(flag.replace(/[^a-z-]/gi, ""))}">${escapeHtml(text)}</span>`);
  }
  return `<div class="contact${unreachable ? " unreachable" : ""}${markClass}">${lines.join("")}${marks}</div>`;
}

function named(name: string, label?: string): string {
  if (!label || label === name) return `<span class="label">${escapeHtml(name)}</span>`;
  return `<span class="label">${escapeHtml(label)}</span> <code class="id">${escapeHtml(name)}</code>`;
}

function chip(text: string, kind = ""): string {
  return `<span class="chip${kind ? " " + escapeHtml(kind) : ""}">${escapeHtml(text)}</span>`;
}

function previewTier(tier: GraphTier, index: number): string {
  const findings = findingsOf(tier);
  const on = (side?: string): GraphFinding[] => findings.filter((f) => (side ? f.side === side : f.side !== "customer" && f.side !== "supplier"));
  const marked = worstSeverity(findings);
  const facts: string[] = [];
  if (tier.within) facts.push(`within ${escapeHtml(tier.within)}`);
  if (tier.elapsed) facts.push(`deadline ${escapeHtml(tier.elapsed)} after the start`);
  if (tier.forum) facts.push(`forum ${escapeHtml(tier.forum)}`);
  return `<li class="tier${marked ? ` marked marked-${marked}` : ""}">
<div class="tier-head"><span class="step">${index + 1}</span> <strong>${escapeHtml(tier.name)}</strong>${tier.level ? " " + chip(tier.level, "level") : ""}</div>
<div class="facts">${facts.join(" · ") || `<span class="muted">no deadline</span>`}</div>
${findingList(on(), `Findings on tier ${tier.name}`)}
<div class="lanes">${contactCard("Customer", tier.customer, on("customer"))}${contactCard("Supplier", tier.supplier, on("supplier"))}</div>
</li>`;
}

function previewLadder(contract: string, ladder: GraphLadder, focused: boolean): string {
  const uses =
    (ladder.appliesTo.length
      ? ladder.appliesTo.map((a) => chip(`for ${a}`, "applies")).join(" ")
      : chip("standard ladder", "applies")) + (ladder.isDefault ? " " + chip("the dispute block's default ladder", "default") : "");
  const tiers = ladder.tiers.length
    ? `<ol class="tiers">${ladder.tiers.map(previewTier).join("")}</ol>`
    : `<p class="muted">This ladder has no tiers.</p>`;
  const then = ladder.then
    ? `<p class="then">Then the formal step <strong>${escapeHtml(ladder.then)}</strong> becomes available${ladder.thenDeadline ? ` (${escapeHtml(ladder.thenDeadline)})` : ""}.</p>`
    : `<p class="then muted">No formal step follows this ladder (no <code>then</code>).</p>`;
  return `<article class="ladder${focused ? " focused" : ""}" tabindex="-1"${focused ? " data-focused" : ""} aria-label="Ladder ${escapeHtml(ladder.name)}">
<h3>${named(ladder.name, ladder.label)}</h3>
${findingList(findingsOf(ladder), `Findings on ladder ${ladder.name}`)}
<div class="ladder-meta">${uses}
<button type="button" class="link" data-command="reveal" data-contract="${escapeHtml(contract)}" data-ladder="${escapeHtml(ladder.name)}">Go to ladder</button>
<button type="button" class="link" data-command="simulate" data-contract="${escapeHtml(contract)}" data-ladder="${escapeHtml(ladder.name)}">Simulate…</button></div>
${tiers}
${then}
</article>`;
}

export interface LadderFocus {
  contract?: string;
  ladder?: string;
}

/** "Covenant: Preview Escalation Path": every ladder of every contract, with the diagram beside. */
export function previewBody(graph: EscalationGraph, focus: LadderFocus = {}): string {
  const contracts = Array.isArray(graph.contracts) ? graph.contracts : [];
  const ladderCount = contracts.reduce((n, c) => n + (c.ladders?.length ?? 0), 0);
  let focusTaken = false;
  const sections = contracts.map((c) => {
    const ladders = (c.ladders ?? []).map((l) => {
      const focused = !focusTaken && focus.ladder === l.name && (!focus.contract || focus.contract === c.name);
      if (focused) focusTaken = true;
      return previewLadder(c.name, l, focused);
    });
    return `<section class="contract">
<h2>${named(c.name, c.label)}</h2>
${ladders.join("\n") || `<p class="muted">This contract declares no escalation ladder.</p>`}
</section>`;
  });
  const content = contracts.length
    ? sections.join("\n")
    : `<p class="empty">This file declares no contract, so there is no escalation path to show.</p>`;
  return `<header>
<h1>Escalation path</h1>
<p class="summary">${escapeHtml(`${ladderCount} ${ladderCount === 1 ? "ladder" : "ladders"} in ${contracts.length} ${contracts.length === 1 ? "contract" : "contracts"}`)}</p>
${toolbar([
  { command: "copyMermaid", label: "Copy as Mermaid" },
  { command: "exportSvg", label: "Export SVG" },
])}
</header>
<div class="split">
<div class="details">${content}</div>
${diagram(graph.svg, "Escalation ladder diagram")}
</div>`;
}

function describeEvent(e: SimulationEvent): string {
  switch (e.kind) {
    case "tier-opened":
      return `Tier <strong>${escapeHtml(e.tier)}</strong> opens`;
    case "minutes-due":
      return `Minutes of <strong>${escapeHtml(e.board ?? "the forum")}</strong> due${e.tier ? ` (tier ${escapeHtml(e.tier)})` : ""}`;
    case "resolved":
      return `Resolved at tier <strong>${escapeHtml(e.tier)}</strong>`;
    case "formal-step":
      return e.step
        ? `Formal step <strong>${escapeHtml(e.step)}</strong> available${e.deadline ? `, deadline ${time(e.deadline)}` : ""}`
        : "The ladder ends; no formal step is named";
    default:
      return escapeHtml(e.kind);
  }
}

function servicesBadge(state: string | undefined): string {
  if (state === "continue") return `<span class="services continue">services continue</span>`;
  if (state === "at-risk") return `<span class="services at-risk">services at risk</span>`;
  return "";
}

function timelineRow(tier: SimulatedTier, events: SimulationEvent[], result: SimulationResult): string {
  const minutes = tier.minutes
    ? `<div class="minutes">Minutes of ${escapeHtml(tier.minutes.board)} due ${time(tier.minutes.due)}${tier.minutes.by ? ` (by ${escapeHtml(tier.minutes.by)})` : ""}</div>`
    : events
        .filter((e) => e.kind === "minutes-due" && e.tier === tier.tier)
        .map((e) => `<div class="minutes">Minutes of ${escapeHtml(e.board ?? "the forum")} due ${time(e.at)}</div>`)
        .join("");
  const opened = events.find((e) => e.kind === "tier-opened" && e.tier === tier.tier);
  const resolvedHere = result.resolved && result.resolved.tier === tier.tier;
  return `<tr class="tier-row${resolvedHere ? " resolved" : ""}">
<th scope="row">
<div class="tier-name"><strong>${escapeHtml(tier.tier)}</strong>${tier.level ? " " + chip(tier.level, "level") : ""}</div>
<div>Opens ${time(tier.opens)}</div>
<div>Deadline ${time(tier.deadline)}${tier.within ? ` <span class="muted">(within ${escapeHtml(tier.within)})</span>` : ""}</div>
${minutes}
${resolvedHere ? `<div class="outcome-note">Resolved here ${time(result.resolved!.at)}</div>` : ""}
${servicesBadge(opened?.services)}
</th>
<td>${contactCard("Customer", tier.customer)}</td>
<td>${contactCard("Supplier", tier.supplier)}</td>
</tr>`;
}

function endRow(result: SimulationResult): string {
  if (result.formal) {
    if (!result.formal.step) {
      return `<tr class="end formal"><th scope="row">Ladder ends ${time(result.formal.at)}</th>
<td colspan="2">No formal step is named: the ladder has no <code>then</code>.</td></tr>`;
    }
    const deadlineWord = result.formal.deadlineKind === "start" ? "to start by" : result.formal.deadlineKind === "decide" ? "decision due" : "deadline";
    const deadline = result.formal.deadline ? `, ${deadlineWord} ${time(result.formal.deadline)}` : ", no deadline written";
    return `<tr class="end formal"><th scope="row">Formal step ${time(result.formal.at)}</th>
<td colspan="2">Both parties may start <strong>${escapeHtml(result.formal.step)}</strong>${deadline}.</td></tr>`;
  }
  if (result.resolved) {
    return `<tr class="end resolved"><th scope="row">Resolved ${time(result.resolved.at)}</th>
<td colspan="2">The matter is settled at tier <strong>${escapeHtml(result.resolved.tier)}</strong>; no formal step is needed.</td></tr>`;
  }
  return "";
}

/** The CLI's wording (simulate/wording.ts); a reason this version does not know shows the ladder's name. */
function chosenBy(r: SimulationResult): string {
  return ladderChoiceText(r) ?? r.ladder;
}

function calendarText(c: NonNullable<SimulationResult["calendar"]>): string {
  const holidays = [...(c.regions ?? []), ...(c.holidays?.length ? [`${c.holidays.length} listed date${c.holidays.length === 1 ? "" : "s"}`] : [])];
  return `${c.timezone}, ${(c.workdays ?? []).join(" ")}, ${c.hours}${holidays.length ? `; holidays: ${holidays.join(", ")}` : ""}`;
}

/** "Covenant: Simulate Escalation…": the timeline, one lane per party, with the diagram beside. */
export function simulationBody(result: SimulationResult, request: Pick<SimulateParams, "service" | "severity" | "resolveAt">): string {
  const tiers = Array.isArray(result.tiers) ? result.tiers : [];
  const events = Array.isArray(result.events) ? result.events : [];
  const outcome = result.formal
    ? `formal step ${escapeHtml(result.formal.step ?? "(none named)")} from ${time(result.formal.at)}`
    : result.resolved
      ? `resolved at ${escapeHtml(result.resolved.tier)}, ${time(result.resolved.at)}`
      : escapeHtml(result.outcome);
  const asked: string[] = [];
  if (request.service) asked.push(`service ${escapeHtml(request.service)}`);
  if (request.severity) asked.push(`severity ${escapeHtml(request.severity)}`);
  if (request.resolveAt) {
    asked.push(
      `resolved at ${escapeHtml(request.resolveAt.tier)} ${request.resolveAt.after ? escapeHtml(request.resolveAt.after) + " after it opens" : "at its deadline"}`,
    );
  }
  const rows = tiers.map((t) => timelineRow(t, events, result)).join("\n");
  const eventItems = events
    .map(
      (e) => `<li tabindex="0" data-nav-item><span class="when">${time(e.at)}</span> <span class="what">${describeEvent(e)}</span> ${servicesBadge(e.services)}</li>`,
    )
    .join("\n");
  const notes = Array.isArray(result.notes) && result.notes.length
    ? `<ul class="notes" aria-label="Notes">${result.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
    : "";
  return `<header>
<h1>Simulation of ${named(result.ladder, result.ladderLabel)} <span class="muted">in ${escapeHtml(result.contractLabel ?? result.contract)}</span></h1>
<dl class="summary-list">
<dt>Ladder</dt><dd>${escapeHtml(chosenBy(result))}</dd>
${result.calendar ? `<dt>Calendar</dt><dd>${escapeHtml(calendarText(result.calendar))}</dd>` : ""}
<dt>Raised</dt><dd>${time(result.raised)}</dd>
<dt>Clock starts</dt><dd>${time(result.start)}</dd>
<dt>Outcome</dt><dd>${outcome}</dd>
<dt>Services</dt><dd>${result.servicesContinue ? servicesBadge("continue") : servicesBadge("at-risk")}</dd>
<dt>Business days</dt><dd>${escapeHtml(result.businessDays)}</dd>
${asked.length ? `<dt>Asked for</dt><dd>${asked.join("; ")}</dd>` : ""}
</dl>
${notes}
${toolbar([
  { command: "copyMarkdown", label: "Copy as Markdown" },
  { command: "exportSvg", label: "Export SVG" },
])}
</header>
<div class="split">
<div class="details">
<table class="timeline">
<caption>Timeline, one lane per party. Times are in the contract calendar's time zone.</caption>
<thead><tr><th scope="col">Tier and deadlines</th><th scope="col">Customer</th><th scope="col">Supplier</th></tr></thead>
<tbody>
${rows}
${endRow(result)}
</tbody>
</table>
<h2>Events</h2>
<ol class="events" data-nav-list aria-label="Events in order; use the arrow keys to move">
${eventItems}
</ol>
</div>
${diagram(result.svg, `Ladder ${result.ladder} as a diagram`)}
</div>`;
}

/** A problem shown above the last good view, e.g. when a live update fails while the user types. */
export function problemBanner(message: string): string {
  return `<div class="problem" role="alert">${escapeHtml(message)}</div>`;
}

export function placeholderBody(message: string): string {
  return `<p class="empty">${escapeHtml(message)}</p>`;
}
