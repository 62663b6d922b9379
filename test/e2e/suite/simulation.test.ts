// Scenario 6: "Covenant: Simulate Escalation…" with test vector T1 (spec/simulation.md) opens a webview
// that shows T1's contacts and deadlines; "Covenant: Preview Escalation Path" opens the ladder diagram.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, openSample, requireCommand } from "./helpers";
import { askPage, skipWithoutPage, type FrameText } from "./page";
import { missingFromSimulation, PREVIEW, SIMULATE, simulateT1, webviewTabs } from "./t1";

describe("escalation simulation and preview (northwind.covenant)", () => {
  before(activateExtension);

  it(`registers "${SIMULATE}" and "${PREVIEW}"`, async () => {
    await requireCommand(SIMULATE);
    await requireCommand(PREVIEW);
  });

  it("Simulate Escalation with T1's inputs opens a webview", async () => {
    const before = webviewTabs().length;
    await simulateT1();
    const tabs = await eventually(webviewTabs, (t) => t.length > before);
    assert.ok(tabs.length > before, "no webview opened");
  });

  it("the simulation webview shows T1's contacts and deadlines", async function () {
    skipWithoutPage(this);
    const frames = await askPage<FrameText[]>("frames", { expect: ["Jo Lee", "Carla Diaz"] });
    const simulation = frames.find((f) => f.text.includes("Jo Lee") && f.text.includes("Carla Diaz"));
    assert.ok(simulation, `no webview shows T1's people; webviews show:\n${frames.map((f) => f.text.slice(0, 200)).join("\n---\n")}`);
    assert.deepEqual(missingFromSimulation(simulation.text), [], `webview text:\n${simulation.text}`);
    assert.match(simulation.text, /mediation/i, "the formal step is not shown");
  });

  it("Preview Escalation Path opens the diagram of the ladder's tiers", async function () {
    const editor = await openSample("northwind.covenant");
    const before = webviewTabs().length;
    await vscode.commands.executeCommand(PREVIEW, { uri: editor.document.uri.toString(), ladder: "standard" });
    const tabs = await eventually(webviewTabs, (t) => t.length > before);
    assert.ok(tabs.length > before, "no webview opened for the preview");
    skipWithoutPage(this);
    const frames = await askPage<FrameText[]>("frames", { expect: ["operational", "management", "executive"] });
    const diagram = frames.find(
      (f) => f.svgCount > 0 && ["operational", "management", "executive"].every((tier) => f.text.includes(tier)),
    );
    assert.ok(diagram, `no webview draws the three tiers; webviews show:\n${frames.map((f) => `[${f.svgCount} svg] ${f.text.slice(0, 200)}`).join("\n---\n")}`);
  });
});
