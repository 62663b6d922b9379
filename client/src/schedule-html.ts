// The page of the governance schedule preview: the server's HTML body under a strict Content-Security-Policy.
// Pure (no `vscode` import). The body's strings were escaped by the server's renderer; every style element,
// the inline SVGs' included, gets the page's nonce, and a small nonce'd script swaps the body on an update.

import { escapeHtml } from "./webview-html";

const NONCED_STYLE = /<style(?=[\s>])/g;

/** The body with the page's nonce on each of its style elements (the inline SVG diagrams carry one each). */
export function withStyleNonce(body: string, nonce: string): string {
  return body.replace(NONCED_STYLE, `<style nonce="${nonce}"`);
}

export function scheduleContentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`].join("; ");
}

export interface SchedulePageParts {
  title: string;
  cspSource: string;
  nonce: string;
  css: string;
  body: string;
}


export function schedulePage(p: SchedulePageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(scheduleContentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
<style nonce="${p.nonce}">${p.css.replace(/<\/style/gi, "<\\/style")}
.cv-problem { margin: .5rem 2rem; padding: .4rem .8rem; border-left: 3px solid var(--vscode-editorError-foreground, #cf222e); }</style>
</head>
<body>
<div id="cv-root">${withStyleNonce(p.body, p.nonce)}</div>
<script nonce="${p.nonce}">
(function () {
  const root = document.getElementById("cv-root");
  window.addEventListener("message", (event) => {
    const m = event.data;
    if (m && m.type === "update" && typeof m.body === "string") root.innerHTML = m.body;
  });
})();
</script>
</body>
</html>
`;
}

/** A banner above the last good rendering when the file cannot be scheduled just now. */
export function scheduleProblem(message: string): string {
  return `<p class="cv-problem" role="status">${escapeHtml(message)}</p>`;
}
