// The page of "Covenant: Relationship Dashboard": the server's body under a strict Content-Security-Policy
// (a nonce for the one script and the one style sheet, nothing else loads or runs), and the check of what
// the server answered. Pure (no `vscode` import). The server escapes every string of the contract and the
// log; the client still reads its answer as untrusted: a body with active markup is not shown at all.
import type { DashboardResult } from "../../server/src/wire/dashboard";
import type { Received } from "./protocol";
import { escapeHtml } from "./webview-html";

export { DASHBOARD_VIEW_TYPE } from "./view-state";

export type DashboardAnswer = Received<DashboardResult>;

export function dashboardContentSecurityPolicy(nonce: string): string {
  return ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, "img-src data:"].join("; ");
}

const ACTIVE_ELEMENTS = /^(script|iframe|frame|object|embed|link|meta|base|form|foreignobject|style|use|image|animate|set|a)$/i;

/** Why a body cannot be shown (markup that could run, load or navigate), or undefined when it is plain. */
export function unsafeMarkup(body: string): string | undefined {
  for (const tag of body.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const [, name, attributes] = tag;
    if (ACTIVE_ELEMENTS.test(name)) return `a <${name.toLowerCase()}> element`;
    // Quoted values are the server's escaped text: only the attribute names count.
    const names = attributes.replace(/"[^"]*"|'[^']*'/g, '""');
    const bad = /(?:^|[\s"'/])(on\w+|href|xlink:href|src|style|formaction)\s*=/i.exec(names);
    if (bad) return `a '${bad[1].toLowerCase()}' attribute on <${name.toLowerCase()}>`;
  }
  return undefined;
}

/** The answer as the view uses it, or why it cannot be (another server, a damaged answer). */
export function readDashboard(raw: unknown): { body: string; css: string; title: string } | { problem: string } {
  const r = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<Record<keyof DashboardAnswer, unknown>>;
  if (typeof r.body !== "string" || typeof r.css !== "string") return { problem: "The language server's answer has no dashboard in it." };
  const unsafe = unsafeMarkup(r.body);
  if (unsafe) return { problem: `The language server's dashboard holds ${unsafe}, so it is not shown.` };
  if (/<\/style/i.test(r.css)) return { problem: "The language server's style sheet is not plain CSS, so the dashboard is not shown." };
  const logs = Array.isArray(r.logs) ? (r.logs as unknown[]) : [];
  const contracts = logs.map((l) => (typeof l === "object" && l !== null && typeof (l as { contract?: unknown }).contract === "string" ? (l as { contract: string }).contract : "")).filter(Boolean);
  return { body: r.body, css: r.css, title: contracts.join(", ") };
}

export interface DashboardPageParts {
  title: string;
  nonce: string;
  css: string;
  body: string;
  /** What the webview saves for a window reload. */
  state: { version: 1; kind: "dashboard"; uri: string };
}

export function dashboardPage(p: DashboardPageParts): string {
  const nonce = escapeHtml(p.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(dashboardContentSecurityPolicy(p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
<style nonce="${nonce}">${p.css.replace(/<\/style/gi, "<\\/style")}
.cv-problem { margin: .5rem 1.5rem; padding: .4rem .8rem; border-left: 3px solid var(--vscode-editorError-foreground, #cf222e); }</style>
</head>
<body>
<div id="cv-root" data-state="${escapeHtml(JSON.stringify(p.state))}">${p.body}</div>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById("cv-root");
  try { vscode.setState(JSON.parse(root.dataset.state)); document.body.setAttribute("data-state-saved", ""); } catch (e) { /* the state stays as it was */ }
  window.addEventListener("message", (event) => {
    const m = event.data;
    if (!m || m.type !== "update" || typeof m.body !== "string") return;
    root.innerHTML = m.body;
    if (m.state) vscode.setState(m.state);
  });
  vscode.postMessage({ type: "ready" });
})();
</script>
</body>
</html>
`;
}

/** A banner above the last good dashboard when the log cannot be drawn just now. */
export function dashboardProblem(message: string): string {
  return `<p class="cv-problem" role="status">${escapeHtml(message)}</p>`;
}
