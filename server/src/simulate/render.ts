// Drawings and reports of escalation paths and simulations: Mermaid, a self-contained SVG, plain text and
// Markdown. Every string that comes from a contract is escaped for the format it lands in.
import type { Contact } from "./contacts";
import type { EscalationGraph, GraphContract, GraphFinding, GraphLadder, GraphTier } from "./graph";
import type { SimulationResult } from "./simulate";
import { clipToWidth, textWidth } from "./text-width";
import { ladderChoiceText, readableInstant } from "./wording";

// ---------------------------------------------------------------- escaping

/** Text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);
}

/** Text inside a quoted Mermaid label: Mermaid's entity codes, so no quote, tag or entity of the contract survives. */
export function escapeMermaid(text: string): string {
  return text.replace(/[#"<>&`]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

/** Inline Markdown text: no emphasis, link, table cell break or HTML from the contract. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~#]/g, (ch) => `\\${ch}`);
}

// ---------------------------------------------------------------- shared wording

function personText(c: Contact): string {
  return c.name ?? c.person ?? "";
}

/** `Jo Lee (northwind.ops)`, `Ali King, standing in for Jo Lee`, `unreachable`: a contact in one line of plain text. */
export function contactText(c: Contact | undefined): string {
  if (!c) return "unreachable (no role named)";
  const role = c.role ? ` (${c.party ? `${c.party}.` : ""}${c.role})` : "";
  if (c.flags.includes("unreachable")) return `unreachable${role}${c.reason ? `: ${c.reason}` : ""}`;
  const standIn = c.flags.includes("stand-in") && c.standsInFor ? `, standing in for ${c.standsInFor.name ?? c.standsInFor.person}` : "";
  return `${personText(c)}${role}${standIn}`;
}

function ladderTitle(l: { name: string; label?: string }): string {
  return l.label ? `${l.label} (${l.name})` : l.name;
}

function selected(graph: EscalationGraph, ladder?: string): { contract: GraphContract; ladder: GraphLadder }[] {
  const out: { contract: GraphContract; ladder: GraphLadder }[] = [];
  for (const contract of graph.contracts) for (const l of contract.ladders) if (ladder === undefined || l.name === ladder) out.push({ contract, ladder: l });
  return out;
}

// ---------------------------------------------------------------- Mermaid

/** A Mermaid flowchart of the ladders (all, or the one named), one subgraph per ladder; findings in the labels of the nodes they are on. */
export function toMermaid(graph: EscalationGraph, ladder?: string): string {
  const lines = ["flowchart LR"];
  const flagged: string[] = [];
  const standIns: string[] = [];
  const marked: Record<string, string[]> = { error: [], warning: [], info: [] };
  const mark = (id: string, findings: readonly GraphFinding[] | undefined): void => {
    const severity = worst(findings);
    if (severity) marked[severity].push(id);
  };
  selected(graph, ladder).forEach(({ contract, ladder: l }, i) => {
    const id = `l${i}`;
    const title = `${contract.label ?? contract.name}: ${ladderTitle(l)}${l.appliesTo.length ? ` · ${l.appliesTo.join(", ")}` : ""}`;
    lines.push(`  subgraph ${id}["${escapeMermaid(title)}"]`, "    direction LR");
    if (l.findings?.length) {
      lines.push(`    ${id}f["${l.findings.map((f) => escapeMermaid(findingLine(f))).join("<br/>")}"]`);
      mark(`${id}f`, l.findings);
    }
    l.tiers.forEach((t, k) => {
      const on = (side?: "customer" | "supplier"): string[] => (t.findings ?? []).filter((f) => f.side === side).map((f) => `${side ? "↳ " : ""}${findingLine(f)}`);
      const rows = [
        `${t.name}${t.level && t.level !== t.name ? ` · ${t.level}` : ""}`,
        ...on(undefined),
        `customer: ${contactText(t.customer)}`,
        ...on("customer"),
        `supplier: ${contactText(t.supplier)}`,
        ...on("supplier"),
      ];
      if (t.forum) rows.push(`forum: ${t.forum}`);
      lines.push(`    ${id}t${k}["${rows.map(escapeMermaid).join("<br/>")}"]`);
      if (isUnreachable(t)) flagged.push(`${id}t${k}`);
      else if (isStandIn(t)) standIns.push(`${id}t${k}`);
      mark(`${id}t${k}`, t.findings);
    });
    const end = l.then ? [l.then, l.thenDeadline].filter((x): x is string => !!x) : ["no formal step"];
    lines.push(`    ${id}end(["${end.map(escapeMermaid).join("<br/>")}"])`);
    l.tiers.forEach((t, k) => {
      const next = k + 1 < l.tiers.length ? `${id}t${k + 1}` : `${id}end`;
      const label = [t.within, t.elapsed && t.elapsed !== t.within ? `(total ${t.elapsed})` : undefined].filter(Boolean).join(" ");
      lines.push(label ? `    ${id}t${k} -- "${escapeMermaid(label)}" --> ${next}` : `    ${id}t${k} --> ${next}`);
    });
    lines.push("  end");
  });
  if (flagged.length) lines.push("  classDef unreachable stroke:#c62828,stroke-width:3px", `  class ${flagged.join(",")} unreachable`);
  if (standIns.length) lines.push("  classDef standin stroke:#ef6c00,stroke-width:2px,stroke-dasharray:4 2", `  class ${standIns.join(",")} standin`);
  // After the classes above, so that a finding's colour wins on a node that has both.
  const FINDING_STYLE: Record<string, string> = {
    info: "stroke:#0969da,stroke-width:2px",
    warning: "stroke:#9a6700,stroke-width:2px",
    error: "stroke:#cf222e,stroke-width:3px",
  };
  for (const severity of ["info", "warning", "error"]) {
    if (!marked[severity].length) continue;
    const cls = `finding${severity[0].toUpperCase()}${severity.slice(1)}`;
    lines.push(`  classDef ${cls} ${FINDING_STYLE[severity]}`, `  class ${marked[severity].join(",")} ${cls}`);
  }
  return lines.join("\n") + "\n";
}

const SEVERITY_ICON: Record<string, string> = { error: "⛔", warning: "⚠", info: "ℹ" };

/** `⚠ ESC006 Same person at two tiers`: a finding in one short line of plain text. */
function findingLine(f: GraphFinding): string {
  return `${SEVERITY_ICON[f.severity] ?? "⚠"} ${f.code} ${f.title}`;
}

function isUnreachable(t: GraphTier): boolean {
  return !t.customer || !t.supplier || t.customer.flags.includes("unreachable") || t.supplier.flags.includes("unreachable");
}

function isStandIn(t: GraphTier): boolean {
  return !!(t.customer?.flags.includes("stand-in") || t.supplier?.flags.includes("stand-in"));
}

// ---------------------------------------------------------------- SVG

const FONT = 12;
const LINE = 17;
const PAD = 12;
const GAP = 110; // least room between boxes for the arrow and its labels
/** The widest a line of text inside a box may be (px); longer lines are cut with an ellipsis. */
const MAX_TEXT = 340;
const BADGE_PAD = 4;
const BADGE_GAP = 5;
const INDENT = 10; // a contact's findings sit under its line, indented

/** Font size (px) and weight of each class of <text> the SVG draws; the stylesheet and the box sizes both read it. */
export const SVG_TEXT_STYLES: Record<string, { size: number; bold: boolean }> = {
  "": { size: FONT, bold: false },
  "cv-heading": { size: 14, bold: true },
  "cv-sub": { size: FONT, bold: false },
  "cv-name": { size: FONT, bold: true },
  "cv-dim": { size: FONT, bold: false },
  "cv-warn": { size: FONT, bold: false },
  "cv-within": { size: FONT, bold: false },
  "cv-elapsed": { size: FONT, bold: false },
  "cv-badge-text": { size: 10, bold: true },
  "cv-reason": { size: 11, bold: false },
};

function styleOf(cls: string): { size: number; bold: boolean } {
  return SVG_TEXT_STYLES[cls] ?? SVG_TEXT_STYLES[""];
}

function fit(text: string, cls: string, max = MAX_TEXT): string {
  const { size, bold } = styleOf(cls);
  return clipToWidth(text, max, size, bold);
}

function widthOf(text: string, cls: string): number {
  const { size, bold } = styleOf(cls);
  return textWidth(text, size, bold);
}

type SvgRow = { kind: "text"; text: string; cls: string } | { kind: "finding"; finding: GraphFinding; indent: number };

interface SvgBox {
  rows: SvgRow[];
  cls: string;
  width: number;
}

function findingRow(f: GraphFinding, indent: number): SvgRow {
  return { kind: "finding", finding: f, indent };
}

/** Width of a finding's row: the badge with its code, then the short reason. */
function findingWidth(f: GraphFinding, indent: number): number {
  return indent + badgeWidth(f.code) + BADGE_GAP + widthOf(fit(f.title, "cv-reason", MAX_TEXT - indent - badgeWidth(f.code) - BADGE_GAP), "cv-reason");
}

function badgeWidth(code: string): number {
  return Math.ceil(widthOf(code, "cv-badge-text")) + 2 * BADGE_PAD;
}

function rowWidth(r: SvgRow): number {
  return r.kind === "text" ? widthOf(fit(r.text, r.cls), r.cls) : findingWidth(r.finding, r.indent);
}

/** A finding drawn at (x, baseline): a badge with the code, the rule's title beside it, the whole message as its tooltip. */
function drawFinding(f: GraphFinding, x: number, baseline: number, max: number): string {
  const bw = badgeWidth(f.code);
  const reason = fit(f.title, "cv-reason", max - bw - BADGE_GAP);
  const where = f.side ? ` (${f.side})` : "";
  return [
    `<g class="cv-finding cv-sev-${f.severity}" data-code="${escapeXml(f.code)}">`,
    `<title>${escapeXml(`${f.code} ${f.severity}${where}: ${f.title}. ${f.message}`)}</title>`,
    `<rect class="cv-badge" x="${x}" y="${baseline - 10.5}" width="${bw}" height="14" rx="3"/>`,
    `<text class="cv-badge-text" x="${x + bw / 2}" y="${baseline}" text-anchor="middle">${escapeXml(f.code)}</text>`,
    `<text class="cv-reason" x="${x + bw + BADGE_GAP}" y="${baseline}">${escapeXml(reason)}</text>`,
    "</g>",
  ].join("");
}

const SEVERITY_RANK = ["error", "warning", "info"];

function worst(findings: readonly GraphFinding[] | undefined): string | undefined {
  const ranks = (findings ?? []).map((f) => SEVERITY_RANK.indexOf(f.severity)).filter((r) => r >= 0);
  return ranks.length ? SEVERITY_RANK[Math.min(...ranks)] : undefined;
}

/**
 * A self-contained SVG of the ladders (all, or the one named): a row of tier boxes per ladder, arrows with each
 * tier's `within` and the cumulative time, and the formal step at the end. Findings on a ladder, a tier or a
 * contact are drawn where they live: a badge with the code, the rule's title, the message as a tooltip. No
 * scripts, no external resources; colours follow VS Code's theme variables inside a webview and fall back to a
 * light theme elsewhere. Boxes grow to their longest line, measured with upper-bound widths (text-width.ts).
 */
export function toSvg(graph: EscalationGraph, ladder?: string): string {
  const rows = selected(graph, ladder);
  const parts: string[] = [];
  let y = PAD;
  let width = 320;
  for (const { contract, ladder: l } of rows) {
    const heading = fit(`${contract.label ?? contract.name} — ${ladderTitle(l)}`, "cv-heading", 2 * MAX_TEXT);
    const sub = fit(l.appliesTo.length ? `applies to ${l.appliesTo.join(", ")}` : l.isDefault ? "default ladder" : "standard ladder", "cv-sub", 2 * MAX_TEXT);
    parts.push(`<g class="cv-ladder" data-contract="${escapeXml(contract.name)}" data-ladder="${escapeXml(l.name)}">`);
    parts.push(`<text class="cv-heading" x="${PAD}" y="${y + FONT + 2}">${escapeXml(heading)}</text>`);
    parts.push(`<text class="cv-sub" x="${PAD}" y="${y + FONT + 2 + LINE}">${escapeXml(sub)}</text>`);
    width = Math.max(width, PAD + widthOf(heading, "cv-heading") + PAD, PAD + widthOf(sub, "cv-sub") + PAD);
    y += 2 * LINE;
    for (const f of l.findings ?? []) {
      y += LINE;
      parts.push(drawFinding(f, PAD, y + 2, 2 * MAX_TEXT));
      width = Math.max(width, PAD + findingWidth(f, 0) + PAD);
    }
    y += 12;

    const boxes: SvgBox[] = l.tiers.map((t) => tierBox(t));
    boxes.push(stepBox(l));
    const height = Math.max(...boxes.map((b) => b.rows.length)) * LINE + 2 * PAD - 4;
    let x = PAD;
    boxes.forEach((b, k) => {
      parts.push(`<g class="${b.cls}">`);
      parts.push(`<rect class="cv-box" x="${x}" y="${y}" width="${b.width}" height="${height}" rx="${k === boxes.length - 1 ? 16 : 6}"/>`);
      b.rows.forEach((row, n) => {
        const baseline = y + PAD + FONT + n * LINE - 2;
        if (row.kind === "text") parts.push(`<text${row.cls ? ` class="${row.cls}"` : ""} x="${x + PAD}" y="${baseline}">${escapeXml(fit(row.text, row.cls))}</text>`);
        else parts.push(drawFinding(row.finding, x + PAD + row.indent, baseline, MAX_TEXT - row.indent));
      });
      parts.push("</g>");
      x += b.width;
      if (k < boxes.length - 1) {
        const t = l.tiers[k];
        const above = t.within ? fit(t.within, "cv-within") : "";
        const below = t.elapsed && t.elapsed !== t.within ? fit(`total ${t.elapsed}`, "cv-elapsed") : "";
        const gap = Math.ceil(Math.max(GAP, Math.max(widthOf(above, "cv-within"), widthOf(below, "cv-elapsed")) + 2 * PAD));
        const mid = y + height / 2;
        parts.push(`<line class="cv-arrow" x1="${x + 4}" y1="${mid}" x2="${x + gap - 6}" y2="${mid}" marker-end="url(#cv-arrowhead)"/>`);
        if (above) parts.push(`<text class="cv-within" x="${x + gap / 2}" y="${mid - 8}" text-anchor="middle">${escapeXml(above)}</text>`);
        if (below) parts.push(`<text class="cv-elapsed" x="${x + gap / 2}" y="${mid + 18}" text-anchor="middle">${escapeXml(below)}</text>`);
        x += gap;
      }
    });
    width = Math.max(width, x + PAD);
    y += height + 2 * PAD + 8;
    parts.push("</g>");
  }
  if (rows.length === 0) {
    parts.push(`<text class="cv-sub" x="${PAD}" y="${PAD + FONT}">no escalation ladder</text>`);
    y += LINE + PAD;
  }
  width = Math.ceil(width);
  const title = rows.length === 1 ? `Escalation path: ${ladderTitle(rows[0].ladder)}` : "Escalation paths";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    "<style>",
    "text{font-family:var(--vscode-font-family,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);font-size:12px;fill:var(--vscode-editor-foreground,#1f2328)}",
    ...Object.entries(SVG_TEXT_STYLES)
      .filter(([cls, st]) => cls && (st.size !== FONT || st.bold))
      .map(([cls, st]) => `.${cls}{${st.size !== FONT ? `font-size:${st.size}px;` : ""}${st.bold ? "font-weight:600" : "font-weight:400"}}`),
    ".cv-background{fill:var(--vscode-editor-background,#ffffff)}",
    ".cv-sub,.cv-elapsed,.cv-dim{fill:var(--vscode-descriptionForeground,#59636e)}",
    ".cv-box{fill:var(--vscode-editorWidget-background,#f6f8fa);stroke:var(--vscode-editorWidget-border,#8c959f);stroke-width:1}",
    ".cv-step .cv-box{stroke-dasharray:5 3}",
    ".cv-standin .cv-box{stroke:var(--vscode-editorWarning-foreground,#bf8700);stroke-width:2}",
    ".cv-unreachable .cv-box{stroke:var(--vscode-editorError-foreground,#cf222e);stroke-width:2.5}",
    ".cv-marked-info>.cv-box{stroke:var(--vscode-editorInfo-foreground,#0969da);stroke-width:1.5}",
    ".cv-marked-warning>.cv-box{stroke:var(--vscode-editorWarning-foreground,#9a6700);stroke-width:2}",
    ".cv-marked-error>.cv-box{stroke:var(--vscode-errorForeground,#cf222e);stroke-width:2.5}",
    ".cv-warn{fill:var(--vscode-editorError-foreground,#cf222e)}",
    ".cv-badge-text{fill:var(--vscode-editor-background,#ffffff)}",
    ".cv-sev-error .cv-badge{fill:var(--vscode-errorForeground,#cf222e)}",
    ".cv-sev-warning .cv-badge{fill:var(--vscode-editorWarning-foreground,#9a6700)}",
    ".cv-sev-info .cv-badge{fill:var(--vscode-editorInfo-foreground,#0969da)}",
    ".cv-arrow{stroke:var(--vscode-editor-foreground,#1f2328);stroke-width:1.5}",
    ".cv-head{fill:var(--vscode-editor-foreground,#1f2328)}",
    "</style>",
    `<rect class="cv-background" width="100%" height="100%"/>`,
    `<defs><marker id="cv-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="cv-head" d="M0,0L10,5L0,10z"/></marker></defs>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}

function boxWidth(rows: SvgRow[]): number {
  return Math.ceil(Math.max(150, ...rows.map((r) => rowWidth(r) + 2 * PAD)));
}

function contactLine(side: string, c: Contact | undefined): SvgRow {
  if (!c || c.flags.includes("unreachable")) return { kind: "text", text: `${side}: ⚠ unreachable${c?.role ? ` (${c.role})` : ""}`, cls: "cv-warn" };
  const who = personText(c);
  const standIn = c.flags.includes("stand-in") ? ` ⚠ for ${c.standsInFor?.name ?? c.standsInFor?.person ?? "holder"}` : "";
  return { kind: "text", text: `${side}: ${who}${standIn}`, cls: "" };
}

function tierBox(t: GraphTier): SvgBox {
  const findings = t.findings ?? [];
  const on = (side?: "customer" | "supplier"): SvgRow[] => findings.filter((f) => f.side === side).map((f) => findingRow(f, side ? INDENT : 0));
  const rows: SvgRow[] = [
    { kind: "text", text: t.name, cls: "cv-name" },
    ...(t.level && t.level !== t.name ? [{ kind: "text" as const, text: `level ${t.level}`, cls: "cv-dim" }] : []),
    ...on(undefined),
    contactLine("customer", t.customer),
    ...on("customer"),
    contactLine("supplier", t.supplier),
    ...on("supplier"),
    ...(t.forum ? [{ kind: "text" as const, text: `forum ${t.forum}`, cls: "cv-dim" }] : []),
  ];
  const severity = worst(findings);
  const cls = `cv-tier${isUnreachable(t) ? " cv-unreachable" : isStandIn(t) ? " cv-standin" : ""}${severity ? ` cv-marked cv-marked-${severity}` : ""}`;
  return { rows, cls, width: boxWidth(rows) };
}

function stepBox(l: GraphLadder): SvgBox {
  const rows: SvgRow[] = l.then
    ? [
      { kind: "text", text: l.then, cls: "cv-name" },
      { kind: "text", text: "formal step", cls: "cv-dim" },
      ...(l.thenDeadline ? [{ kind: "text" as const, text: l.thenDeadline, cls: "cv-dim" }] : []),
    ]
    : [{ kind: "text", text: "no formal step", cls: "cv-warn" }];
  return { rows, cls: "cv-step", width: boxWidth(rows) };
}

// ---------------------------------------------------------------- ladder as Markdown (hover)

function contactMarkdown(c: Contact | undefined): string {
  if (!c) return "⚠ unreachable (no role named)";
  if (c.flags.includes("unreachable")) return `⚠ unreachable${c.role ? ` (${escapeMarkdown(c.role)})` : ""}`;
  const who = escapeMarkdown(personText(c));
  const role = c.role ? ` (${escapeMarkdown(c.role)})` : "";
  const standIn = c.flags.includes("stand-in") ? ` ⚠ stand-in for ${escapeMarkdown(c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder")}` : "";
  return `${who}${role}${standIn}`;
}

/** A ladder as Markdown, for a hover on its name: tiers, contacts on `today`, deadlines, the cumulative time and the findings. */
export function ladderToMarkdown(ladder: GraphLadder, today?: string): string {
  const head = `**${escapeMarkdown(ladder.label ?? ladder.name)}** (\`${ladder.name}\`)`;
  const kind = ladder.appliesTo.length ? `applies to ${ladder.appliesTo.map(escapeMarkdown).join(", ")}` : ladder.isDefault ? "default ladder" : "standard ladder";
  const out = [`${head} — ${kind}`, ""];
  const withFindings = ladder.tiers.some((t) => t.findings?.length);
  if (ladder.tiers.length === 0) out.push("_No tiers._");
  else {
    out.push(`| Tier | Within | Deadline after | Customer | Supplier |${withFindings ? " Findings |" : ""}`, `|---|---|---|---|---|${withFindings ? "---|" : ""}`);
    for (const t of ladder.tiers) {
      const name = `${escapeMarkdown(t.name)}${t.level && t.level !== t.name ? ` (${t.level})` : ""}`;
      const codes = withFindings ? ` ${(t.findings ?? []).map((f) => `${SEVERITY_ICON[f.severity] ?? "⚠"} ${escapeMarkdown(f.code)}${f.side ? ` (${f.side})` : ""}`).join(", ") || "—"} |` : "";
      out.push(`| ${name} | ${escapeMarkdown(t.within ?? "?")} | ${escapeMarkdown(t.elapsed ?? "?")} | ${contactMarkdown(t.customer)} | ${contactMarkdown(t.supplier)} |${codes}`);
    }
  }
  out.push("");
  out.push(ladder.then ? `Then **${escapeMarkdown(ladder.then)}**${ladder.thenDeadline ? ` (${escapeMarkdown(ladder.thenDeadline)})` : ""}.` : "No formal step follows (`then` is missing).");
  const findings = [
    ...(ladder.findings ?? []).map((f) => ({ f, where: "the ladder" })),
    ...ladder.tiers.flatMap((t) => (t.findings ?? []).map((f) => ({ f, where: `tier \`${t.name}\`${f.side ? `, ${f.side}` : ""}` }))),
  ];
  if (findings.length) {
    out.push("", "Findings on this ladder:", "");
    for (const { f, where } of findings) {
      out.push(`- ${SEVERITY_ICON[f.severity] ?? "⚠"} **${escapeMarkdown(f.code)}** ${f.severity} at ${where}: ${escapeMarkdown(f.title)} — ${escapeMarkdown(f.message)}`);
    }
  }
  if (today) out.push("", `_Contacts as of ${today}._`);
  return out.join("\n") + "\n";
}

/** The whole graph as a Markdown document: a Mermaid diagram and, per ladder, its table. */
export function graphToMarkdown(graph: EscalationGraph, ladder?: string): string {
  const out: string[] = [];
  for (const { contract, ladder: l } of selected(graph, ladder)) {
    out.push(`## ${escapeMarkdown(contract.label ?? contract.name)}: ${escapeMarkdown(ladderTitle(l))}`, "", ladderToMarkdown(l));
  }
  if (out.length === 0) return "_No escalation ladder._\n";
  return ["```mermaid", toMermaid(graph, ladder).trimEnd(), "```", "", ...out, `_Contacts as of ${graph.today}._`, ""].join("\n");
}

// ---------------------------------------------------------------- simulation as text and Markdown

function formalText(r: SimulationResult): string {
  const f = r.formal!;
  if (!f.step) return `The ladder ends at ${readableInstant(f.at)} with no formal step.`;
  const due = f.deadline ? `; it must ${f.deadlineKind === "decide" ? "decide" : "start"} by ${readableInstant(f.deadline)}` : "";
  return `Formal step ${f.step} available from ${readableInstant(f.at)}${due}.`;
}

/** A simulation as plain text for a terminal. */
export function simulationToText(r: SimulationResult): string {
  const out: string[] = [];
  out.push(`${r.contractLabel ?? r.contract} — ladder ${ladderTitle({ name: r.ladder, label: r.ladderLabel })}, ${ladderChoiceText(r)}`);
  out.push(`Calendar: ${r.calendar.timezone}, ${r.calendar.workdays.join(" ")}, ${r.calendar.hours}${holidaysText(r)}`);
  out.push(`Raised ${readableInstant(r.raised)}; the clock starts ${readableInstant(r.start)}.`, "");
  r.tiers.forEach((t, i) => {
    const resolvedHere = r.resolved?.tier === t.tier;
    out.push(`${i + 1}. ${t.tier}${t.level && t.level !== t.tier ? ` (${t.level})` : ""}: opens ${readableInstant(t.opens)}, deadline ${readableInstant(t.deadline)} (${t.within})`);
    out.push(`   customer: ${contactDetail(t.customer)}`);
    out.push(`   supplier: ${contactDetail(t.supplier)}`);
    if (t.minutes) out.push(`   minutes:  ${t.minutes.board}, due ${readableInstant(t.minutes.due)}${t.minutes.by ? ` (by ${t.minutes.by})` : ""}`);
    if (resolvedHere) out.push(`   resolved: ${readableInstant(r.resolved!.at)}`);
  });
  out.push("");
  out.push(r.outcome === "resolved" ? `Resolved at tier ${r.resolved!.tier} on ${readableInstant(r.resolved!.at)}.` : formalText(r));
  out.push(`Services ${r.servicesContinue ? "continue" : "are at risk (the contract does not say services continue)"}; ${r.businessDays} business day${r.businessDays === 1 ? "" : "s"} from the start.`);
  for (const n of r.notes) out.push(`Note: ${n}.`);
  return out.join("\n") + "\n";
}

function holidaysText(r: SimulationResult): string {
  const parts = [...r.calendar.regions, ...(r.calendar.holidays.length ? [`${r.calendar.holidays.length} listed date${r.calendar.holidays.length === 1 ? "" : "s"}`] : [])];
  return parts.length ? `, holidays: ${parts.join(", ")}` : "";
}

function contactDetail(c: Contact | undefined): string {
  if (!c) return "unreachable: the tier names no role";
  if (c.flags.includes("unreachable")) return contactText(c);
  const details = [c.title, c.email].filter(Boolean).join(", ");
  return `${contactText(c)}${details ? ` — ${details}` : ""}`;
}

/** A simulation as Markdown (the webview's "Copy as Markdown", the CLI's `--format markdown`). */
export function simulationToMarkdown(r: SimulationResult): string {
  const out: string[] = [];
  out.push(`### Escalation simulation: ${escapeMarkdown(r.contractLabel ?? r.contract)}`, "");
  out.push(`Ladder **${escapeMarkdown(ladderTitle({ name: r.ladder, label: r.ladderLabel }))}**, ${escapeMarkdown(ladderChoiceText(r))}. Raised ${readableInstant(r.raised)}; the clock starts ${readableInstant(r.start)} (${escapeMarkdown(r.calendar.timezone)}).`, "");
  out.push("| Tier | Opens | Deadline | Customer | Supplier | Minutes due |", "|---|---|---|---|---|---|");
  for (const t of r.tiers) {
    const minutes = t.minutes ? `${escapeMarkdown(t.minutes.board)}: ${readableInstant(t.minutes.due)}` : "—";
    out.push(`| ${escapeMarkdown(t.tier)} (${escapeMarkdown(t.within)}) | ${readableInstant(t.opens)} | ${readableInstant(t.deadline)} | ${contactCell(t.customer)} | ${contactCell(t.supplier)} | ${minutes} |`);
  }
  out.push("");
  out.push(r.outcome === "resolved" ? `**Resolved** at tier ${escapeMarkdown(r.resolved!.tier)} on ${readableInstant(r.resolved!.at)}.` : `**${escapeMarkdown(formalText(r))}**`);
  out.push("", `Services ${r.servicesContinue ? "continue" : "are **at risk**"} · ${r.businessDays} business day${r.businessDays === 1 ? "" : "s"}`);
  if (r.notes.length) out.push("", ...r.notes.map((n) => `- ${escapeMarkdown(n)}`));
  return out.join("\n") + "\n";
}

function contactCell(c: Contact | undefined): string {
  if (!c) return "⚠ unreachable (no role named)";
  if (c.flags.includes("unreachable")) return `⚠ unreachable${c.role ? ` (${escapeMarkdown(c.role)})` : ""}`;
  const name = escapeMarkdown(personText(c));
  const title = c.title ? `, ${escapeMarkdown(c.title)}` : "";
  const email = c.email ? ` (${escapeMarkdown(c.email)})` : "";
  const standIn = c.flags.includes("stand-in") ? ` ⚠ stand-in for ${escapeMarkdown(c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder")}` : "";
  return `${name}${title}${email}${standIn}`;
}
