// The relationship dashboard as HTML: the body (charts as inline SVG, the few words beside them) that the VS
// Code webview shows, and the self-contained page of `covenant status --format html`. Every string from a
// contract or a log goes through esc(); the style sheet themes the charts from VS Code's variables inside a
// webview and from light, dark or forced (high-contrast) colours in a browser. Pure.
import { readableInstant } from "../../simulate/wording";
import { comparatorText, matterTimeline, slaChart, valueText, warningTimeline } from "./charts";
import type { Dashboard, DashboardSla } from "./model";
import { esc } from "./svg";

export const DASHBOARD_CSS = `
:root { color-scheme: light dark;
  --cv-fg: var(--vscode-editor-foreground, #1f2328); --cv-bg: var(--vscode-editor-background, #ffffff);
  --cv-muted: var(--vscode-descriptionForeground, #59636e); --cv-line: var(--vscode-editorWidget-border, #d0d7de);
  --cv-grid: var(--vscode-editorIndentGuide-background1, #eaeef2);
  --cv-error: var(--vscode-errorForeground, #cf222e); --cv-warn: var(--vscode-editorWarning-foreground, #9a6700);
  --cv-ok: var(--vscode-charts-green, #1a7f37); --cv-now: var(--vscode-charts-orange, #bc4c00);
  --cv-t0: var(--vscode-charts-blue, #0969da); --cv-t1: var(--vscode-charts-purple, #8250df);
  --cv-t2: var(--vscode-charts-yellow, #9a6700); --cv-t3: var(--vscode-charts-green, #1a7f37);
  --cv-measure: var(--vscode-charts-blue, #0969da); --cv-target: var(--vscode-charts-foreground, #59636e);
  --cv-edge: var(--vscode-contrastBorder, transparent); }
@media (prefers-color-scheme: dark) { :root {
  --cv-fg: var(--vscode-editor-foreground, #e6edf3); --cv-bg: var(--vscode-editor-background, #0d1117);
  --cv-muted: var(--vscode-descriptionForeground, #9198a1); --cv-line: var(--vscode-editorWidget-border, #3d444d);
  --cv-grid: var(--vscode-editorIndentGuide-background1, #21262d);
  --cv-error: var(--vscode-errorForeground, #ff7b72); --cv-warn: var(--vscode-editorWarning-foreground, #d29922);
  --cv-ok: var(--vscode-charts-green, #3fb950); --cv-now: var(--vscode-charts-orange, #f0883e);
  --cv-t0: var(--vscode-charts-blue, #4493f8); --cv-t1: var(--vscode-charts-purple, #ab7df8);
  --cv-t2: var(--vscode-charts-yellow, #d29922); --cv-t3: var(--vscode-charts-green, #3fb950);
  --cv-measure: var(--vscode-charts-blue, #4493f8); --cv-target: var(--vscode-charts-foreground, #9198a1); } }
body { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 14px; line-height: 1.45;
  color: var(--cv-fg); background: var(--cv-bg); margin: 0; }
.cv-dashboard { max-width: 64rem; margin: 0 auto; padding: 1rem 1.5rem 2.5rem; }
.cv-dashboard + .cv-dashboard { border-top: 1px solid var(--cv-line); }
h1 { font-size: 1.45rem; margin: .4rem 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
.cv-meta, .cv-muted-text { color: var(--cv-muted); font-size: .9em; margin: 0 0 .8rem; }
.cv-tiles { display: flex; flex-wrap: wrap; gap: .6rem; margin: .8rem 0; padding: 0; list-style: none; }
.cv-tiles li { border: 1px solid var(--cv-line); border-radius: 6px; padding: .35rem .8rem; min-width: 8rem; }
.cv-tiles strong { display: block; font-size: 1.5rem; line-height: 1.2; }
.cv-tiles .cv-bad strong { color: var(--cv-error); }
figure { margin: .4rem 0 1rem; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--cv-muted); font-size: .85em; }
.cv-slas { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
.cv-slas figure { border: 1px solid var(--cv-line); border-radius: 6px; padding: .4rem; margin: 0; }
.cv-credits { margin: .3rem 0 0 1.2rem; padding: 0; font-size: .9em; }
.cv-next { margin: .2rem 0 0 1.2rem; padding: 0; }
.cv-next li { margin: .15rem 0; }
.cv-overdue-word { color: var(--cv-error); font-weight: 600; }
.cv-chart text { fill: var(--cv-fg); font-family: inherit; }
.cv-chart .cv-tick, .cv-chart .cv-row-sub, .cv-chart .cv-muted { fill: var(--cv-muted); }
.cv-chart .cv-axis { stroke: var(--cv-line); stroke-width: 1; }
.cv-chart .cv-grid { stroke: var(--cv-grid); stroke-width: 1; }
.cv-bar { stroke: var(--cv-edge); stroke-width: 1; opacity: .9; }
.cv-bar.cv-tier-0 { fill: var(--cv-t0); } .cv-bar.cv-tier-1 { fill: var(--cv-t1); }
.cv-bar.cv-tier-2 { fill: var(--cv-t2); } .cv-bar.cv-tier-3 { fill: var(--cv-t3); }
.cv-state-resolved .cv-bar, .cv-state-formal .cv-bar { opacity: .55; }
.cv-bar.cv-late { stroke: var(--cv-warn); stroke-width: 2; }
.cv-bar.cv-overdue { fill: var(--cv-error); stroke: var(--cv-error); opacity: 1; }
.cv-chart .cv-bar-label { fill: var(--vscode-button-foreground, #ffffff); font-weight: 600; }
.cv-chart .cv-bar-label.cv-on-error { fill: var(--cv-bg); }
.cv-chart .cv-state-resolved .cv-bar-label, .cv-chart .cv-state-formal .cv-bar-label { fill: var(--cv-fg); }
.cv-chart .cv-overdue-text { fill: var(--cv-error); font-weight: 600; }
.cv-deadline { fill: var(--cv-bg); stroke: var(--cv-fg); stroke-width: 1.5; }
.cv-deadline.cv-overdue { stroke: var(--cv-error); fill: var(--cv-error); }
.cv-end { stroke: var(--cv-fg); stroke-width: 1.5; }
.cv-end-resolved { fill: var(--cv-ok); } .cv-end-formal { fill: var(--cv-warn); }
.cv-now line { stroke: var(--cv-now); stroke-width: 2; stroke-dasharray: 5 3; }
.cv-chart .cv-now-label { fill: var(--cv-now); font-weight: 600; }
.cv-window { fill: var(--cv-t0); opacity: .35; stroke: var(--cv-edge); }
.cv-warning-missed .cv-window { fill: var(--cv-error); }
.cv-fired { fill: var(--cv-warn); stroke: var(--cv-fg); stroke-width: 1; }
.cv-warning-missed .cv-fired { fill: var(--cv-error); }
.cv-answer { fill: none; stroke: var(--cv-ok); stroke-width: 2.5; }
.cv-target line { stroke: var(--cv-target); stroke-width: 1.5; stroke-dasharray: 6 4; }
.cv-chart .cv-target-label { fill: var(--cv-target); }
.cv-measured { fill: none; stroke: var(--cv-measure); stroke-width: 2; }
.cv-met { fill: var(--cv-measure); stroke: var(--cv-bg); stroke-width: 1.5; }
.cv-breach circle { fill: var(--cv-error); stroke: var(--cv-bg); stroke-width: 1.5; }
.cv-breach path { stroke: var(--cv-bg); stroke-width: 1.8; }
.cv-chart .cv-breach-text { fill: var(--cv-error); font-weight: 600; }
.cv-chart .cv-chart-title { font-weight: 600; }
@media (forced-colors: active) {
  .cv-bar, .cv-window, .cv-met, .cv-breach circle { forced-color-adjust: none; }
  .cv-bar { fill: CanvasText; } .cv-bar.cv-overdue, .cv-breach circle, .cv-deadline.cv-overdue { fill: Mark; stroke: CanvasText; }
  .cv-chart text { fill: CanvasText; } .cv-now line, .cv-target line, .cv-measured { stroke: CanvasText; }
}
@media print {
  @page { size: A4 landscape; margin: 14mm; }
  :root { --cv-fg: #000; --cv-bg: #fff; --cv-muted: #444; --cv-line: #999; --cv-grid: #ddd; }
  body { font-size: 10pt; background: #fff; color: #000; }
  .cv-dashboard { max-width: none; padding: 0; }
  .cv-dashboard + .cv-dashboard { break-before: page; page-break-before: always; border: 0; }
  figure, .cv-tiles li { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  svg .cv-bar, svg circle, svg path, svg line, svg polyline, svg rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function creditsOf(s: DashboardSla): string[] {
  return s.points
    .filter((p) => p.creditPercent > 0)
    .map((p) => `${p.period}: ${p.value}, credit ${p.creditPercent}%${p.capped ? " (capped)" : ""}${p.amount ? `, ${p.amount} ${p.currency ?? ""}` : ""}${p.chronic ? "; chronic: the customer may act" : ""}`);
}

/** One log's dashboard: a `<section>` (several logs make several sections). */
export function dashboardSection(d: Dashboard): string {
  const s = d.status;
  const open = s.matters.filter((m) => m.state === "open");
  const overdue = open.filter((m) => m.overdue);
  const missed = d.warnings.filter((w) => w.state === "missed");
  const breached = d.slas.filter((x) => x.points.length > 0 && !x.points[x.points.length - 1].met);
  const tile = (n: number, text: string, bad: boolean): string => `<li${bad && n > 0 ? ` class="cv-bad"` : ""}><strong>${n}</strong>${esc(text)}</li>`;
  const out = [
    `<section class="cv-dashboard" data-log="${esc(s.file)}">`,
    `<h1>${esc(`Relationship dashboard: ${s.contract}`)}</h1>`,
    `<p class="cv-meta">${esc(`${s.file}, as of ${readableInstant(s.now)}`)}</p>`,
    `<ul class="cv-tiles" aria-label="Summary">${tile(open.length, open.length === 1 ? "open matter" : "open matters", false)}${tile(overdue.length, "overdue", true)}${tile(missed.length, missed.length === 1 ? "warning unanswered" : "warnings unanswered", true)}${tile(breached.length, breached.length === 1 ? "SLA breached last period" : "SLAs breached last period", true)}</ul>`,
    `<h2>Matters</h2>`,
    `<figure class="cv-figure-timeline">${matterTimeline(d.matters, { now: s.now })}<figcaption>${esc(`${plural(s.matters.length, "matter")}: a bar per tier, from when it opened to when the matter left it; ◆ its deadline; ● resolved (green) or formal step (amber); red: overdue now; the dashed line is now.`)}</figcaption></figure>`,
  ];
  if (open.length > 0) {
    out.push(`<ul class="cv-next">`);
    for (const m of open) out.push(`<li><strong>${esc(m.label ?? m.matter)}</strong>${m.overdue ? ` <span class="cv-overdue-word">overdue</span>` : ""}: ${esc(m.next)}</li>`);
    out.push(`</ul>`);
  }
  out.push(`<h2>Early warnings</h2>`);
  out.push(`<figure class="cv-figure-warnings">${warningTimeline(d.warnings, { now: s.now })}<figcaption>${esc(`${plural(d.warnings.length, "warning")} fired: ● when it fired, the bar up to its response deadline, ✓ the response.`)}</figcaption></figure>`);
  out.push(`<h2>Service levels</h2>`);
  if (d.slas.length === 0) out.push(`<p class="cv-muted-text">No service level is measured in this log.</p>`);
  else {
    out.push(`<div class="cv-slas">`);
    for (const x of d.slas) {
      const credits = creditsOf(x);
      const missedN = x.points.filter((p) => !p.met).length;
      out.push(`<figure class="cv-figure-sla" data-sla="${esc(`${x.service}.${x.sla}`)}">${slaChart(x)}<figcaption>${esc(`${plural(x.points.length, "period")} measured, ${missedN} breached (target ${comparatorText(x.comparator)} ${valueText(x.target, x.unit)}).`)}</figcaption>`);
      out.push(credits.length > 0 ? `<ul class="cv-credits" aria-label="Service credits">${credits.map((c) => `<li>${esc(c)}</li>`).join("")}</ul>` : `<p class="cv-muted-text">No service credit due.</p>`);
      out.push(`</figure>`);
    }
    out.push(`</div>`);
  }
  out.push(`</section>`);
  return out.join("\n");
}

/** The dashboards of every log, as the webview shows them (no page around them). */
export function dashboardBody(dashboards: readonly Dashboard[]): string {
  if (dashboards.length === 0) return `<section class="cv-dashboard"><p class="cv-muted-text">No relationship log to show.</p></section>`;
  return dashboards.map(dashboardSection).join("\n");
}

/** A whole standalone page: no script, no external resource; prints on A4 landscape. */
export function dashboardPage(dashboards: readonly Dashboard[], generator: string): string {
  const title = dashboards.length === 1 ? `Relationship dashboard: ${dashboards[0].status.contract}` : "Relationship dashboard";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="${esc(generator)}">
<title>${esc(title)}</title>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<main>
${dashboardBody(dashboards)}
</main>
</body>
</html>
`;
}
