// The schedule as one self-contained HTML page: inline CSS (theme-aware inside a VS Code webview, light on paper)
// with a print style sheet, each ladder as inline SVG, and the fingerprint in meta tags and the footer. Pure.
import { escapeXml, toSvg } from "../simulate/render";
import { bodyHash, footerText, ScheduleStamp } from "./fingerprint";
import { readableDate, type Block, type Clause, type Schedule } from "./model";

/** The meta tags --verify reads, by name. */
export const HTML_META = {
  scheme: "covenant-schedule",
  contract: "covenant-contract",
  source: "covenant-source-sha256",
  body: "covenant-body-sha256",
  generated: "covenant-generated",
} as const;

const esc = escapeXml;

export const SCHEDULE_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, Georgia, "Times New Roman", serif); font-size: 15px; line-height: 1.5;
  color: var(--vscode-editor-foreground, #1f2328); background: var(--vscode-editor-background, #ffffff); margin: 0; }
.cv-schedule { max-width: 52rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--vscode-editorWidget-border, #d0d7de); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.cv-num { display: inline-block; min-width: 2.4em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92em; }
th, td { border: 1px solid var(--vscode-editorWidget-border, #8c959f); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background, #eef1f4); }
td.cv-key { font-weight: 600; }
.cv-note { border-left: 3px solid var(--vscode-textLink-foreground, #0969da); padding: .2rem .8rem; margin: .5rem 0;
  color: var(--vscode-descriptionForeground, #59636e); font-style: italic; }
.cv-gap { border-left: 3px solid var(--vscode-editorWarning-foreground, #bf8700); padding: .2rem .8rem; margin: .5rem 0; }
.cv-gap strong { color: var(--vscode-editorWarning-foreground, #9a6700); }
figure { margin: .5rem 0 1rem; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.cv-asof, footer { color: var(--vscode-descriptionForeground, #59636e); font-size: .85em; }
footer { border-top: 1px solid var(--vscode-editorWidget-border, #d0d7de); margin-top: 2rem; padding-top: .5rem; word-break: break-all; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { font-size: 11pt; color: #000; background: #fff; }
  .cv-schedule { max-width: none; padding: 0; }
  h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .cv-section { break-inside: auto; }
  .cv-annex { break-before: page; page-break-before: always; }
  table { break-inside: auto; }
  thead { display: table-header-group; }
  tr, figure, .cv-note, .cv-gap { break-inside: avoid; page-break-inside: avoid; }
  th, td { border-color: #555; }
  thead th { background: #eee; }
}
`;

/** A whole standalone page (export, `covenant schedule --format html`). */
export function renderHtml(schedule: Schedule, stamp: ScheduleStamp): string {
  const { body, hash } = htmlBody(schedule);
  const meta = (name: string, content: string): string => `<meta name="${name}" content="${esc(content)}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(`Governance schedule: ${schedule.title}`)}</title>
<meta name="generator" content="${esc(stamp.generator)}">
${meta(HTML_META.scheme, stamp.scheme)}
${meta(HTML_META.contract, stamp.contract)}
${meta(HTML_META.source, stamp.source)}
${meta(HTML_META.body, hash)}
${meta(HTML_META.generated, stamp.generated)}
<style>${SCHEDULE_CSS}</style>
</head>
<body>
${body}
${htmlFooter(stamp)}
</body>
</html>
`;
}

export function htmlFooter(stamp: ScheduleStamp): string {
  return `<footer class="cv-schedule">${esc(footerText(stamp))}</footer>`;
}

/** The `<main>` element (all that --verify compares) and the hash of its text. */
export function htmlBody(s: Schedule): { body: string; hash: string } {
  const out: string[] = [`<main class="cv-schedule" id="cv-schedule">`, `<h1>${esc(`Governance schedule: ${s.title}`)}</h1>`];
  for (const n of s.notes) out.push(block({ kind: "note", text: n }));
  out.push(table(["Particular", "Provision"], s.particulars, true));
  out.push(`<p class="cv-asof">${esc(`People are named as they stand on ${readableDate(s.asOf)}.`)}</p>`);
  for (const c of s.clauses) out.push(clause(c, 2, "cv-section"));
  out.push(clause({ ...s.annex, title: `Annex ${s.annex.number}: ${s.annex.title}`, number: "" }, 2, "cv-section cv-annex"));
  out.push("</main>");
  const body = out.join("\n");
  return { body, hash: bodyHash(htmlText(body)) };
}

export function clause(c: Clause, depth: number, cls?: string): string {
  const h = `h${Math.min(depth, 6)}`;
  const id = c.number ? ` id="clause-${esc(c.number)}"` : "";
  const parts = [`<section${cls ? ` class="${cls}"` : ""}${id}>`, `<${h}>${c.number ? `<span class="cv-num">${esc(c.number)}</span> ` : ""}${esc(c.title)}</${h}>`];
  for (const b of c.blocks) parts.push(block(b));
  for (const sub of c.clauses) parts.push(clause(sub, depth + 1));
  parts.push("</section>");
  return parts.join("\n");
}

function block(b: Block): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${esc(b.text)}</p>`;
    case "note":
      return `<aside class="cv-note"><strong>Note.</strong> ${esc(b.text)}</aside>`;
    case "gap":
      return `<p class="cv-gap"><strong>Not provided for.</strong> ${esc(b.text)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "table":
      return table(b.header, b.rows, b.keyed);
    case "ladder": {
      const svg = toSvg({ today: "", contracts: [b.contract] }, b.ladder.name);
      return `<figure>${svg.replace(/^<\?xml[^>]*>\s*/, "").trim()}<figcaption>${esc(`Escalation path: ${b.ladder.label ?? b.ladder.name}`)}</figcaption></figure>`;
    }
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[], keyed?: boolean): string {
  const head = `<thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((x, i) => (keyed && i === 0 ? `<td class="cv-key">${esc(x)}</td>` : `<td>${esc(x)}</td>`)).join("")}</tr>`).join("");
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

/** The text of an HTML fragment as --verify compares it: style elements dropped, tags as spaces, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const k = e.toLowerCase();
      if (k.startsWith("#x")) return String.fromCodePoint(parseInt(k.slice(2), 16));
      if (k.startsWith("#")) return String.fromCodePoint(parseInt(k.slice(1), 10));
      return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[k];
    });
}
