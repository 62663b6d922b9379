// The `covenant` task type: "covenant: check" for each workspace folder, running the bundled command
// line (dist/cli.js) in VS Code's own Node, its findings read by the `$covenant` problem matcher.
import * as vscode from "vscode";

export const TASK_TYPE = "covenant";

interface CovenantTaskDefinition extends vscode.TaskDefinition {
  command: "check";
  /** Files or folders, relative to the workspace folder; the whole folder when absent. */
  paths?: string[];
}

function isCheckDefinition(d: vscode.TaskDefinition): d is CovenantTaskDefinition {
  return d.command === "check" && (d.paths === undefined || (Array.isArray(d.paths) && d.paths.every((p) => typeof p === "string")));
}

function checkTask(cli: string, folder: vscode.WorkspaceFolder | vscode.TaskScope.Workspace, definition: CovenantTaskDefinition): vscode.Task {
  const paths = definition.paths?.length ? definition.paths : ["."];
  const cwd = typeof folder === "object" ? folder.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  // ELECTRON_RUN_AS_NODE makes VS Code's executable run the script as Node does; NO_COLOR keeps lines plain.
  const execution = new vscode.ProcessExecution(process.execPath, [cli, "check", ...paths], {
    cwd,
    env: { ELECTRON_RUN_AS_NODE: "1", NO_COLOR: "1" },
  });
  const task = new vscode.Task(definition, folder, "check", TASK_TYPE, execution, "$covenant");
  task.group = vscode.TaskGroup.Test;
  task.detail = `covenant check ${paths.join(" ")}`;
  return task;
}

export function registerCheckTask(context: vscode.ExtensionContext): void {
  const cli = context.asAbsolutePath("dist/cli.js");
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () =>
        (vscode.workspace.workspaceFolders ?? []).map((folder) => checkTask(cli, folder, { type: TASK_TYPE, command: "check" })),
      resolveTask: (task) => {
        // A task from tasks.json: give it the execution its definition describes.
        if (!isCheckDefinition(task.definition)) return undefined;
        const scope = typeof task.scope === "object" ? task.scope : vscode.TaskScope.Workspace;
        return checkTask(cli, scope as vscode.WorkspaceFolder | vscode.TaskScope.Workspace, task.definition);
      },
    }),
  );
}
