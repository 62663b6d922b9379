// "Covenant: Relationship Dashboard" as the scenarios see it: its tabs, and what its webview draws for the
// samples' northwind log (dashboard.test.ts, window-reload.test.ts).
import * as vscode from "vscode";
import type { FrameText } from "./page";

export const DASHBOARD = "covenant.dashboard";

export function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.startsWith("Dashboard"));
}

/** The webview frame that draws northwind-log's dashboard: the timeline of its four matters and both SLA charts. */
export function drawsNorthwindDashboard(f: FrameText): boolean {
  const timeline = f.diagrams.find((d) => d.rendered && ["Laptop refresh deliveries late", "Single sign-on migration slipping", "now"].every((t) => d.text.includes(t)));
  const sla = f.diagrams.find((d) => d.rendered && d.text.includes("idp.availability") && d.text.includes("target ≥ 99.95%"));
  return f.text.includes("Relationship dashboard: northwind-msa") && !!timeline && !!sla;
}

