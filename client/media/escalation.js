// Script of the escalation webviews: buttons post messages to the extension, updates replace the view,
// the arrow keys move through the list of events. Loaded with the page's nonce; no inline handlers.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const main = document.getElementById("main");

  document.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement | null} */ (event.target instanceof Element ? event.target.closest("[data-command]") : null);
    if (!target) return;
    vscode.postMessage({
      type: target.getAttribute("data-command"),
      contract: target.getAttribute("data-contract") ?? undefined,
      ladder: target.getAttribute("data-ladder") ?? undefined,
    });
  });

  document.addEventListener("keydown", (event) => {
    const item = event.target instanceof Element ? event.target.closest("[data-nav-item]") : null;
    const list = item ? item.closest("[data-nav-list]") : null;
    if (!item || !list) return;
    const items = Array.from(list.querySelectorAll("[data-nav-item]"));
    const index = items.indexOf(item);
    let next = -1;
    if (event.key === "ArrowDown") next = Math.min(items.length - 1, index + 1);
    else if (event.key === "ArrowUp") next = Math.max(0, index - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    if (next < 0) return;
    event.preventDefault();
    /** @type {HTMLElement} */ (items[next]).focus();
  });

  /** Keeps focus on the same control (by its position among focusable elements) across an update. */
  function focusIndex() {
    const focusable = Array.from(main.querySelectorAll("button, a, [tabindex]"));
    return focusable.indexOf(/** @type {Element} */ (document.activeElement));
  }

  function restoreFocus(index) {
    if (index < 0) return;
    const focusable = Array.from(main.querySelectorAll("button, a, [tabindex]"));
    const element = /** @type {HTMLElement | undefined} */ (focusable[Math.min(index, focusable.length - 1)]);
    if (element) element.focus({ preventScroll: true });
  }

  function revealFocused() {
    const focused = /** @type {HTMLElement | null} */ (main.querySelector("[data-focused]"));
    if (focused) {
      focused.scrollIntoView({ block: "start" });
      focused.focus({ preventScroll: true });
    }
  }

  // The diagram is an <img>, which cannot see the page's CSS variables: write the theme's colours into
  // the SVG's `var(--vscode-name, fallback)` uses and show it again as a data: URI.
  const THEME_VARIABLE = /var\(\s*(--vscode-[A-Za-z0-9-]+)\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)/g;

  function decodeBase64(text) {
    const binary = atob(text);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }

  function encodeBase64(text) {
    let binary = "";
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  function themeDiagrams() {
    const style = getComputedStyle(document.documentElement);
    for (const img of main.querySelectorAll("img[data-themable]")) {
      const original = img.getAttribute("data-original") ?? img.getAttribute("src") ?? "";
      const comma = original.indexOf(",");
      if (!original.startsWith("data:image/svg+xml;base64,") || comma < 0) continue;
      img.setAttribute("data-original", original);
      let svg;
      try {
        svg = decodeBase64(original.slice(comma + 1));
      } catch {
        continue;
      }
      const themed = svg.replace(THEME_VARIABLE, (whole, name, fallback) => {
        const value = style.getPropertyValue(name).trim();
        // Single quotes keep the SVG well-formed even where a colour sits in a double-quoted attribute.
        if (value && !/[<>&]/.test(value)) return value.replace(/"/g, "'");
        return fallback ? fallback.trim() : whole;
      });
      img.setAttribute("src", "data:image/svg+xml;base64," + encodeBase64(themed));
    }
  }

  // VS Code sets the theme's variables on <html> and the theme kind on <body>.
  new MutationObserver(themeDiagrams).observe(document.documentElement, { attributes: true, attributeFilter: ["style", "class"] });
  new MutationObserver(themeDiagrams).observe(document.body, { attributes: true, attributeFilter: ["class"] });

  window.addEventListener("message", (event) => {
    const message = event.data;
    if (!message || message.type !== "update" || typeof message.body !== "string") return;
    // VS Code hands this state back to the extension to restore the view after a window reload.
    if (message.state) {
      vscode.setState(message.state);
      // Tells an observer (the end-to-end tests) that a reload would now bring this view back.
      document.body.setAttribute("data-state-saved", "");
    }
    const index = focusIndex();
    const scroll = window.scrollY;
    // The body was built by the extension with every contract string escaped (webview-html.ts).
    main.innerHTML = message.body;
    themeDiagrams();
    if (message.reveal) revealFocused();
    else {
      window.scrollTo(0, scroll);
      restoreFocus(index);
    }
  });

  themeDiagrams();
  revealFocused();
  vscode.postMessage({ type: "ready" });
})();
