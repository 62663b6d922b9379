// The escalation panels come back after "Developer: Reload Window", with their content asked of the
// server again. The run has two phases (suite/index.ts): the first opens the panels and reloads the
// window, which ends its extension host; the suite then starts again in the new window and runs only
// the check of what was restored. Last in file order, so that every other scenario runs first.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, openSample } from "./helpers";
import { askPage, skipWithoutPage, type FrameText } from "./page";
import { afterReload, recordReload } from "./reload";
import { missingFromSimulation, PREVIEW, runWithoutQuestions, simulateT1, webviewTabs } from "./t1";
import { DASHBOARD, drawsNorthwindDashboard } from "./dashboard";

describe("after a window reload", () => {
  before(activateExtension);

  it("reloads the window with a simulation, a preview and a dashboard open", async function () {
    if (afterReload()) return this.skip();
    skipWithoutPage(this);
    this.timeout(60_000);
    await simulateT1();
    const editor = await openSample("northwind.covenant");
    await runWithoutQuestions(PREVIEW, editor.document.uri.toString(), "standard");
    await openSample("northwind-log.covenant");
    await runWithoutQuestions(DASHBOARD);
    const tabs = await eventually(() => webviewTabs(), (t) => ["Simulation", "Escalation", "Dashboard"].every((k) => t.some((x) => x.label.startsWith(k))));
    assert.equal(tabs.length, 3, `webview tabs: ${tabs.map((t) => t.label).join(", ")}`);
    // Each page has handed VS Code the state it is restored from.
    const saved = await eventually(
      () => askPage<FrameText[]>("frames", { expect: ["Relationship dashboard"] }),
      (f) => f.filter((x) => x.stateSaved).length >= 3,
    );
    assert.ok(saved.filter((x) => x.stateSaved).length >= 3, `pages that saved their state: ${saved.filter((x) => x.stateSaved).length} of ${saved.length}`);
    recordReload(tabs.map((t) => t.label).sort());
    // Not awaited: the command's promise is cancelled as this extension host ends with the window,
    // and the suite goes on in the new one. Should the reload not come, the test times out and fails.
    Promise.resolve(vscode.commands.executeCommand("workbench.action.reloadWindow")).catch(() => undefined);
    await new Promise(() => undefined);
  });

  it("restores the simulation, the preview and the dashboard with their content", async function () {
    const before = afterReload();
    if (!before) return this.skip();
    this.timeout(90_000);
    const tabs = await eventually(() => webviewTabs().map((t) => t.label).sort(), (t) => t.length >= before.length, 20_000);
    assert.deepEqual(tabs, before, "the webview tabs after the reload differ from those before it");
    for (const tab of webviewTabs()) {
      const input = tab.input as vscode.TabInputWebview;
      assert.match(input.viewType, /covenant\.(preview|simulation|dashboard)$/, `${tab.label} is a ${input.viewType}`);
    }

    // VS Code brings a webview back when its tab is shown: show each in turn and read it.
    const simulationTab = before.find((label) => label.startsWith("Simulation"))!;
    await showTab(simulationTab);
    const simulationFrames = await eventually(
      () => askPage<FrameText[]>("frames", { expect: ["Carla Diaz"] }),
      (frames) => frames.some((f) => missingFromSimulation(f.text).length === 0 && !f.text.includes("Escalation path")),
      20_000,
    );
    const simulation = simulationFrames.find((f) => missingFromSimulation(f.text).length === 0 && !f.text.includes("Escalation path"));
    assert.ok(simulation, `the restored simulation does not show T1's contacts and instants:\n${simulationFrames.map((f) => f.text.slice(0, 300)).join("\n---\n")}`);

    await showTab(before.find((label) => label.startsWith("Escalation"))!);
    const tiers = ["operational", "management", "executive"];
    const previewFrames = await eventually(
      () => askPage<FrameText[]>("frames", { expect: ["Escalation path", ...tiers] }),
      (frames) => frames.some((f) => f.text.includes("Escalation path") && f.diagrams.some((d) => d.rendered && tiers.every((t) => d.text.includes(t)))),
      20_000,
    );
    assert.ok(
      previewFrames.some((f) => f.text.includes("Escalation path") && f.diagrams.some((d) => d.rendered && tiers.every((t) => d.text.includes(t)))),
      `the restored preview does not draw the ladder:\n${previewFrames.map((f) => f.text.slice(0, 200)).join("\n---\n")}`,
    );

    await showTab(before.find((label) => label.startsWith("Dashboard"))!);
    const dashboardFrames = await eventually(
      () => askPage<FrameText[]>("frames", { expect: ["Relationship dashboard: northwind-msa"] }),
      (frames) => frames.some(drawsNorthwindDashboard),
      20_000,
    );
    assert.ok(dashboardFrames.some(drawsNorthwindDashboard), `the restored dashboard does not draw the log:\n${dashboardFrames.map((f) => f.text.slice(0, 200)).join("\n---\n")}`);
  });
});

/** Makes a webview tab the active one of its group, as a click on it would. */
async function showTab(label: string): Promise<void> {
  const tab = webviewTabs().find((t) => t.label === label);
  assert.ok(tab, `no tab "${label}"`);
  const group = ["First", "Second", "Third", "Fourth"][tab.group.viewColumn - 1];
  await vscode.commands.executeCommand(`workbench.action.focus${group}EditorGroup`);
  await vscode.commands.executeCommand(`workbench.action.openEditorAtIndex${tab.group.tabs.indexOf(tab) + 1}`);
  const active = await eventually(() => webviewTabs().find((t) => t.label === label)?.isActive, (a) => a === true);
  assert.ok(active, `the tab "${label}" did not become active`);
}
