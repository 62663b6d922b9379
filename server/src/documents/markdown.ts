// The schedule as GitHub-flavoured Markdown, for a repository: front matter with the fingerprint, GFM tables, each
// ladder as a Mermaid block, and a footer line. Pure: view model in, text out.
import { escapeMarkdown, toMermaid } from "../simulate/render";
import { bodyHash, footerText, ScheduleStamp } from "./fingerprint";
import { readableDate, type Block, type Clause, type Schedule } from "./model";

/** The line that ends the body: what follows it is the footer, not compared by --verify. */
export const MARKDOWN_FOOTER_MARKER = "<!-- covenant-schedule: footer -->";

export function renderMarkdown(schedule: Schedule, stamp: ScheduleStamp): string {
  const body = markdownBody(schedule);
  const front = [
    "---",
    `covenant-schedule: ${stamp.scheme}`,
    `contract: ${JSON.stringify(stamp.contract)}`,
    `source-sha256: ${stamp.source}`,
    `body-sha256: ${bodyHash(body)}`,
    `generated: ${stamp.generated}`,
    `generator: ${JSON.stringify(stamp.generator)}`,
    "---",
    "",
  ].join("\n");
  return `${front}${body}\n${MARKDOWN_FOOTER_MARKER}\n\n---\n\n_${escapeMarkdown(footerText(stamp))}_\n`;
}

function markdownBody(s: Schedule): string {
  const out: string[] = [`# Governance schedule: ${escapeMarkdown(s.title)}`, ""];
  for (const n of s.notes) out.push(...note(n));
  out.push(...table(["Particular", "Provision"], s.particulars, true));
  out.push(`_People are named as they stand on ${escapeMarkdown(readableDate(s.asOf))}._`, "");
  for (const c of s.clauses) clause(c, 2, out);
  clause({ ...s.annex, title: `Annex ${s.annex.number}: ${s.annex.title}`, number: "" }, 2, out);
  return out.join("\n");
}

export function clause(c: Clause, depth: number, out: string[]): void {
  out.push(`${"#".repeat(Math.min(depth, 6))} ${c.number ? `${c.number} ` : ""}${escapeMarkdown(c.title)}`, "");
  for (const b of c.blocks) out.push(...block(b));
  for (const sub of c.clauses) clause(sub, depth + 1, out);
}

function note(text: string): string[] {
  return [`> **Note.** ${escapeMarkdown(text)}`, ""];
}

function block(b: Block): string[] {
  switch (b.kind) {
    case "paragraph":
      return [escapeMarkdown(b.text), ""];
    case "note":
      return note(b.text);
    case "gap":
      return [`**Not provided for.** ${escapeMarkdown(b.text)}`, ""];
    case "list":
      return [...b.items.map((i) => `- ${escapeMarkdown(i)}`), ""];
    case "table":
      return table(b.header, b.rows, b.keyed);
    case "ladder":
      return ["```mermaid", toMermaid({ today: "", contracts: [b.contract] }).trimEnd(), "```", ""];
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[], keyed?: boolean): string[] {
  const cell = (text: string, key: boolean): string => (key && text ? `**${escapeMarkdown(text)}**` : escapeMarkdown(text));
  return [
    `| ${header.map((h) => escapeMarkdown(h)).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map((x, i) => cell(x, !!keyed && i === 0)).join(" | ")} |`),
    "",
  ];
}
