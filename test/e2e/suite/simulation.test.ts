// Scenario 6: "Covenant: Simulate Escalation…" with test vector T1 (spec/simulation.md) opens a webview
// that shows T1's contacts and deadlines; "Covenant: Preview Escalation Path" opens the ladder diagram.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, openSample, requireCommand } from "./helpers";
import { askPage, skipWithoutPage, type FrameText } from "./page";
import { missingFromSimulation, PREVIEW, runWithoutQuestions, SIMULATE, simulateT1, webviewTabs } from "./t1";

describe("escalation simulation and preview (northwind.covenant)", () => {
  before(activateExtension);

  it(`registers "${SIMULATE}" and "${PREVIEW}"`, async () => {
    await requireCommand(SIMULATE);
    await requireCommand(PREVIEW);
  });

  it("Simulate Escalation with T1's inputs opens the simulation beside the contract", async () => {
    await simulateT1();
    const tabs = await eventually(() => webviewTabs("Simulation"), (t) => t.length > 0);
    assert.equal(tabs.length, 1, `webview tabs: ${webviewTabs().map((t) => t.label).join(", ") || "none"}`);
    assert.match(tabs[0].label, /standard/, "the simulation's title does not name the ladder");
    assert.notEqual(tabs[0].group.viewColumn, vscode.ViewColumn.One, "the simulation hides the contract");
  });

  it("the simulation webview shows T1's contacts and deadlines", async function () {
    skipWithoutPage(this);
    const frames = await askPage<FrameText[]>("frames", { expect: ["Jo Lee", "Carla Diaz"] });
    const simulation = frames.find((f) => f.text.includes("Jo Lee") && f.text.includes("Carla Diaz"));
    assert.ok(simulation, `no webview shows T1's people; webviews show:\n${frames.map((f) => f.text.slice(0, 200)).join("\n---\n") || "(no webview)"}`);
    assert.deepEqual(missingFromSimulation(simulation.text), [], `webview text:\n${simulation.text}`);
    assert.match(simulation.text, /mediation/i, "the formal step is not shown");
  });

  it("Preview Escalation Path opens the diagram of the ladder's tiers", async function () {
    const editor = await openSample("northwind.covenant");
    await runWithoutQuestions(PREVIEW, editor.document.uri.toString(), "standard");
    const tabs = await eventually(() => webviewTabs("Escalation"), (t) => t.length > 0);
    assert.equal(tabs.length, 1, `webview tabs: ${webviewTabs().map((t) => t.label).join(", ") || "none"}`);
    skipWithoutPage(this);
    const tiers = ["operational", "management", "executive"];
    const frames = await askPage<FrameText[]>("frames", { expect: ["Escalation path", ...tiers] });
    const drawn = frames.flatMap((f) => f.diagrams).find((d) => d.rendered && tiers.every((tier) => d.text.includes(tier)));
    const seen = frames.map((f) => `${f.diagrams.length} drawing(s): ${f.diagrams.map((d) => d.text.slice(0, 80)).join(" | ")}`);
    assert.ok(drawn, `no webview draws the three tiers of standard:\n${seen.join("\n")}`);
  });
});
