// The Covenant extension: starts the language server, and adds its commands, the findings status bar
// item and the escalation views.
import * as vscode from "vscode";
import { registerEscalationCommands } from "./escalation-commands";
import { EscalationViews } from "./escalation-views";
import { CovenantServer } from "./language-server";
import { registerFindingStatus } from "./status";
import { registerNewContractCommand } from "./new-contract-command";
import { registerCheckTask } from "./check-task";
import { registerScheduleCommands } from "./schedule-commands";
import { registerDashboardCommand } from "./dashboard-command";
import { registerRecordEventCommand } from "./record-event-command";

let server: CovenantServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("Covenant");
  server = new CovenantServer(context, output);
  const views = new EscalationViews(context.extensionUri, server);
  context.subscriptions.push(output, server, views);

  context.subscriptions.push(
    vscode.commands.registerCommand("covenant.restartServer", async () => {
      output.appendLine("Restarting the Covenant language server.");
      await server?.restart();
    }),
    vscode.commands.registerCommand("covenant.showOutput", () => output.show(true)),
  );
  registerEscalationCommands(context, server, views);
  registerFindingStatus(context, server);
  registerNewContractCommand(context, server);
  registerCheckTask(context);
  context.subscriptions.push(...views.registerSerializers());
  registerScheduleCommands(context, server);
  registerDashboardCommand(context, server);
  registerRecordEventCommand(context, server);

  void server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
