// "Covenant: Export Governance Schedule…" writes the schedule of northwind.covenant in the format and to the file
// its arguments name; "Covenant: Relationship Dashboard" on northwind-log.covenant opens a webview that draws
// the matter timeline and a chart per service level.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, openSample, requireCommand, workspaceUri } from "./helpers";
import { askPage, skipWithoutPage, type FrameText } from "./page";
import { runWithoutQuestions } from "./t1";
import { DASHBOARD, dashboardTabs, drawsNorthwindDashboard } from "./dashboard";

const EXPORT = "covenant.exportSchedule";


describe("governance schedule export and relationship dashboard", () => {
  before(activateExtension);

  it(`registers "${EXPORT}" and "${DASHBOARD}"`, async () => {
    await requireCommand(EXPORT);
    await requireCommand(DASHBOARD);
  });

  it("Export Governance Schedule… writes the HTML page and the Word document its arguments ask for", async () => {
    const editor = await openSample("northwind.covenant");
    const html = workspaceUri("northwind-schedule.html");
    await runWithoutQuestions(EXPORT, editor.document.uri.toString(), "html", html.toString());
    const page = Buffer.from(await vscode.workspace.fs.readFile(html)).toString("utf8");
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta name="covenant-source-sha256" content="[0-9a-f]{64}">/);
    assert.match(page, /Governance schedule: /);
    const docx = workspaceUri("northwind-schedule.docx");
    await runWithoutQuestions(EXPORT, editor.document.uri.toString(), "docx", docx.toString());
    const bytes = await vscode.workspace.fs.readFile(docx);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString("latin1"), "PK", "the .docx is not a zip package");
    assert.ok(bytes.length > 5000, `the .docx has ${bytes.length} bytes`);
  });

  it("Relationship Dashboard on the log in the editor opens beside it", async () => {
    await openSample("northwind-log.covenant");
    await runWithoutQuestions(DASHBOARD);
    const tabs = await eventually(() => dashboardTabs(), (t) => t.length > 0);
    assert.equal(tabs.length, 1, `webview tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(", ")}`);
    assert.match(tabs[0].label, /northwind-msa/);
    assert.notEqual(tabs[0].group.viewColumn, vscode.ViewColumn.One, "the dashboard hides the log");
  });

  it("the dashboard draws the matter timeline and the SLA charts", async function () {
    skipWithoutPage(this);
    const frames = await eventually(
      () => askPage<FrameText[]>("frames", { expect: ["Relationship dashboard: northwind-msa", "Service levels"] }),
      (f) => f.some(drawsNorthwindDashboard),
      20_000,
    );
    const seen = frames.map((f) => `${f.diagrams.length} drawing(s): ${f.diagrams.map((d) => `${d.rendered ? "" : "(hidden) "}${d.text.slice(0, 80)}`).join(" | ")}`);
    assert.ok(frames.some(drawsNorthwindDashboard), `no webview draws northwind-log's dashboard:\n${seen.join("\n")}`);
    const dashboard = frames.find(drawsNorthwindDashboard)!;
    assert.match(dashboard.text, /escalate to 'executive' now/, "the next step of the overdue invoice dispute is not said");
    assert.match(dashboard.text, /2025-12: 99\.20%, credit 15%, 6000\.00 GBP/, "the credits are not listed");
  });
});
