// The `covenant` task type: "covenant: check" runs the bundled command line on the workspace, and the
// $covenant problem matcher puts its findings in the Problems view.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, codeOf, diagnosticsWhen, workspaceUri } from "./helpers";

describe("the covenant: check task", () => {
  before(activateExtension);

  it("is offered for the workspace, exits 1 on the samples' errors, and its findings reach the Problems view", async function () {
    this.timeout(60_000);
    const tasks = await vscode.tasks.fetchTasks({ type: "covenant" });
    assert.deepEqual(tasks.map((t) => `${t.source}: ${t.name}`), ["covenant: check"]);
    const task = tasks[0];
    const ended = new Promise<number | undefined>((resolve) => {
      const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.name !== task.name || event.execution.task.source !== task.source) return;
        subscription.dispose();
        resolve(event.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1, "covenant check exits 1 when a file has an error finding");
    // handshake.covenant is never opened: its findings come from the task's output.
    const uri = workspaceUri("handshake.covenant");
    const found = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === "DSP001"));
    assert.ok(found.some((d) => codeOf(d) === "DSP001" && d.severity === vscode.DiagnosticSeverity.Error), `handshake.covenant shows: ${found.map(codeOf).join(", ") || "nothing"}`);
  });
});
