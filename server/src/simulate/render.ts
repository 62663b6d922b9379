// Drawings and reports of escalation paths and simulations: Mermaid, a self-contained SVG, plain text and
// Markdown. Every string that comes from a contract is escaped for the format it lands in.
import type { Contact } from "./contacts";
import type { EscalationGraph, GraphContract, GraphLadder, GraphTier } from "./graph";
import type { SimulationResult } from "./simulate";
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

/** A Mermaid flowchart of the ladders (all, or the one named), one subgraph per ladder. */
export function toMermaid(graph: EscalationGraph, ladder?: string): string {
  const lines = ["flowchart LR"];
  const flagged: string[] = [];
  const standIns: string[] = [];
  selected(graph, ladder).forEach(({ contract, ladder: l }, i) => {
    const id = `l${i}`;
    const title = `${contract.label ?? contract.name}: ${ladderTitle(l)}${l.appliesTo.length ? ` · ${l.appliesTo.join(", ")}` : ""}`;
    lines.push(`  subgraph ${id}["${escapeMermaid(title)}"]`, "    direction LR");
    l.tiers.forEach((t, k) => {
      const rows = [`${t.name}${t.level && t.level !== t.name ? ` · ${t.level}` : ""}`, `customer: ${contactText(t.customer)}`, `supplier: ${contactText(t.supplier)}`];
      if (t.forum) rows.push(`forum: ${t.forum}`);
      lines.push(`    ${id}t${k}["${rows.map(escapeMermaid).join("<br/>")}"]`);
      if (isUnreachable(t)) flagged.push(`${id}t${k}`);
      else if (isStandIn(t)) standIns.push(`${id}t${k}`);
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
  return lines.join("\n") + "\n";
}

function isUnreachable(t: GraphTier): boolean {
  return !t.customer || !t.supplier || t.customer.flags.includes("unreachable") || t.supplier.flags.includes("unreachable");
}

function isStandIn(t: GraphTier): boolean {
  return !!(t.customer?.flags.includes("stand-in") || t.supplier?.flags.includes("stand-in"));
}

// ---------------------------------------------------------------- SVG

const FONT = 12;
const CHAR = 6.6; // average advance of a 12px sans-serif character, for box widths
const LINE = 17;
const PAD = 12;
const GAP = 110; // least room between boxes for the arrow and its labels
const MAX_CHARS = 46;

function clip(text: string, max = MAX_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface SvgBox {
  lines: { text: string; cls: string }[];
  cls: string;
  width: number;
}

/**
 * A self-contained SVG of the ladders (all, or the one named): a row of tier boxes per ladder, arrows with each
 * tier's `within` and the cumulative time, and the formal step at the end. No scripts, no external resources;
 * colours follow VS Code's theme variables inside a webview and fall back to a light theme elsewhere.
 */
export function toSvg(graph: EscalationGraph, ladder?: string): string {
  const rows = selected(graph, ladder);
  const parts: string[] = [];
  let y = PAD;
  let width = 320;
  for (const { contract, ladder: l } of rows) {
    const heading = clip(`${contract.label ?? contract.name} — ${ladderTitle(l)}`, 2 * MAX_CHARS);
    const sub = l.appliesTo.length ? `applies to ${l.appliesTo.join(", ")}` : l.isDefault ? "default ladder" : "standard ladder";
    parts.push(`<g class="cv-ladder" data-contract="${escapeXml(contract.name)}" data-ladder="${escapeXml(l.name)}">`);
    parts.push(`<text class="cv-heading" x="${PAD}" y="${y + FONT + 2}">${escapeXml(heading)}</text>`);
    parts.push(`<text class="cv-sub" x="${PAD}" y="${y + FONT + 2 + LINE}">${escapeXml(clip(sub, 2 * MAX_CHARS))}</text>`);
    y += 2 * LINE + 12;

    const boxes: SvgBox[] = l.tiers.map((t) => tierBox(t));
    boxes.push(stepBox(l));
    const height = Math.max(...boxes.map((b) => b.lines.length)) * LINE + 2 * PAD - 4;
    let x = PAD;
    boxes.forEach((b, k) => {
      parts.push(`<g class="${b.cls}">`);
      parts.push(`<rect class="cv-box" x="${x}" y="${y}" width="${b.width}" height="${height}" rx="${k === boxes.length - 1 ? 16 : 6}"/>`);
      b.lines.forEach((line, n) => {
        parts.push(`<text class="${line.cls}" x="${x + PAD}" y="${y + PAD + FONT + n * LINE - 2}">${escapeXml(clip(line.text))}</text>`);
      });
      parts.push("</g>");
      x += b.width;
      if (k < boxes.length - 1) {
        const t = l.tiers[k];
        const above = t.within ? clip(t.within) : "";
        const below = t.elapsed && t.elapsed !== t.within ? clip(`total ${t.elapsed}`) : "";
        const gap = Math.max(GAP, Math.max(above.length, below.length) * CHAR + 2 * PAD);
        const mid = y + height / 2;
        parts.push(`<line class="cv-arrow" x1="${x + 4}" y1="${mid}" x2="${x + gap - 6}" y2="${mid}" marker-end="url(#cv-arrowhead)"/>`);
        if (above) parts.push(`<text class="cv-within" x="${x + gap / 2}" y="${mid - 8}" text-anchor="middle">${escapeXml(above)}</text>`);
        if (below) parts.push(`<text class="cv-elapsed" x="${x + gap / 2}" y="${mid + 18}" text-anchor="middle">${escapeXml(below)}</text>`);
        x += gap;
      }
    });
    width = Math.max(width, x + PAD, heading.length * (CHAR + 1) + 2 * PAD);
    y += height + 2 * PAD + 8;
    parts.push("</g>");
  }
  if (rows.length === 0) {
    parts.push(`<text class="cv-sub" x="${PAD}" y="${PAD + FONT}">no escalation ladder</text>`);
    y += LINE + PAD;
  }
  const title = rows.length === 1 ? `Escalation path: ${ladderTitle(rows[0].ladder)}` : "Escalation paths";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    "<style>",
    "text{font-family:var(--vscode-font-family,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);font-size:12px;fill:var(--vscode-editor-foreground,#1f2328)}",
    ".cv-background{fill:var(--vscode-editor-background,#ffffff)}",
    ".cv-heading{font-size:14px;font-weight:600}",
    ".cv-sub,.cv-elapsed,.cv-dim{fill:var(--vscode-descriptionForeground,#59636e)}",
    ".cv-name{font-weight:600}",
    ".cv-box{fill:var(--vscode-editorWidget-background,#f6f8fa);stroke:var(--vscode-editorWidget-border,#8c959f);stroke-width:1}",
    ".cv-step .cv-box{stroke-dasharray:5 3}",
    ".cv-standin .cv-box{stroke:var(--vscode-editorWarning-foreground,#bf8700);stroke-width:2}",
    ".cv-unreachable .cv-box{stroke:var(--vscode-editorError-foreground,#cf222e);stroke-width:2.5}",
    ".cv-warn{fill:var(--vscode-editorError-foreground,#cf222e)}",
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

function boxWidth(lines: { text: string }[]): number {
  return Math.max(150, ...lines.map((l) => Math.min(l.text.length, MAX_CHARS) * CHAR + 2 * PAD));
}

function contactLine(side: string, c: Contact | undefined): { text: string; cls: string } {
  if (!c || c.flags.includes("unreachable")) return { text: `${side}: ⚠ unreachable${c?.role ? ` (${c.role})` : ""}`, cls: "cv-warn" };
  const who = personText(c);
  const standIn = c.flags.includes("stand-in") ? ` ⚠ for ${c.standsInFor?.name ?? c.standsInFor?.person ?? "holder"}` : "";
  return { text: `${side}: ${who}${standIn}`, cls: "" };
}

function tierBox(t: GraphTier): SvgBox {
  const lines = [
    { text: t.name, cls: "cv-name" },
    ...(t.level && t.level !== t.name ? [{ text: `level ${t.level}`, cls: "cv-dim" }] : []),
    contactLine("customer", t.customer),
    contactLine("supplier", t.supplier),
    ...(t.forum ? [{ text: `forum ${t.forum}`, cls: "cv-dim" }] : []),
  ];
  const cls = isUnreachable(t) ? "cv-tier cv-unreachable" : isStandIn(t) ? "cv-tier cv-standin" : "cv-tier";
  return { lines, cls, width: boxWidth(lines) };
}

function stepBox(l: GraphLadder): SvgBox {
  const lines = l.then
    ? [{ text: l.then, cls: "cv-name" }, { text: "formal step", cls: "cv-dim" }, ...(l.thenDeadline ? [{ text: l.thenDeadline, cls: "cv-dim" }] : [])]
    : [{ text: "no formal step", cls: "cv-warn" }];
  return { lines, cls: "cv-step", width: boxWidth(lines) };
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

/** A ladder as Markdown, for a hover on its name: tiers, contacts on `today`, deadlines and the cumulative time. */
export function ladderToMarkdown(ladder: GraphLadder, today?: string): string {
  const head = `**${escapeMarkdown(ladder.label ?? ladder.name)}** (\`${ladder.name}\`)`;
  const kind = ladder.appliesTo.length ? `applies to ${ladder.appliesTo.map(escapeMarkdown).join(", ")}` : ladder.isDefault ? "default ladder" : "standard ladder";
  const out = [`${head} — ${kind}`, ""];
  if (ladder.tiers.length === 0) out.push("_No tiers._");
  else {
    out.push("| Tier | Within | Deadline after | Customer | Supplier |", "|---|---|---|---|---|");
    for (const t of ladder.tiers) {
      const name = `${escapeMarkdown(t.name)}${t.level && t.level !== t.name ? ` (${t.level})` : ""}`;
      out.push(`| ${name} | ${escapeMarkdown(t.within ?? "?")} | ${escapeMarkdown(t.elapsed ?? "?")} | ${contactMarkdown(t.customer)} | ${contactMarkdown(t.supplier)} |`);
    }
  }
  out.push("");
  out.push(ladder.then ? `Then **${escapeMarkdown(ladder.then)}**${ladder.thenDeadline ? ` (${escapeMarkdown(ladder.thenDeadline)})` : ""}.` : "No formal step follows (`then` is missing).");
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
