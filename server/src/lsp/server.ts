// The language server: one session (documents, workspace, settings, builder) and the handlers of each
// concern registered on it. Every handler is guarded: an exception is logged and answered with an empty
// result, and the server goes on.
import { Connection, InitializeParams } from "vscode-languageserver/node";
import { localDate } from "../core/values";
import { registerConfiguration } from "./handlers/configuration";
import { registerDashboard } from "./handlers/dashboard";
import { registerDocuments } from "./handlers/documents";
import { registerEditing } from "./handlers/editing";
import { registerNavigation } from "./handlers/navigation";
import { registerPresentation } from "./handlers/presentation";
import { registerQuickFixes } from "./handlers/quick-fixes";
import { registerCovenantRequests } from "./requests";
import { registerNewContractRequests } from "./new-contract";
import { clientSupport, Session } from "./session";
import { registerScheduleRequest } from "./schedule";
import { registerLogRequests } from "./log";

/**
 * Registers every handler on a connection whose `initialize` request was answered already (main.ts
 * answers it before loading the analyser, to start fast), with that request's parameters.
 */
export function startServer(connection: Connection, params: InitializeParams): void {
  const session = new Session(connection, clientSupport(params.capabilities));
  registerConfiguration(session, params);
  registerDocuments(session);
  registerNavigation(session);
  registerPresentation(session);
  registerEditing(session);
  registerQuickFixes(session);
  registerDashboard(session);
  registerCovenantRequests(connection, {
    analysed: (uri) => session.analysed(uri),
    docFor: (uri) => session.docFor(uri),
    linkFromDisk: (uri) => session.workspace.link(uri),
    todayFor: (uri) => session.settings.forDocument(uri).today ?? localDate(),
    rulesFor: (uri) => session.settings.forDocument(uri).rules,
  });
  registerNewContractRequests(connection);
  registerScheduleRequest(connection, {
    source: (uri) => {
      const a = session.analysed(uri);
      if (a) return { linked: a.analysis.linked, today: a.analysis.today };
      const linked = session.workspace.link(uri);
      return linked && { linked, today: session.settings.forDocument(uri).today ?? localDate() };
    },
    read: (uri) => session.workspace.load(uri)?.text,
    today: () => localDate(),
  });
  registerLogRequests(connection, { analysed: (uri) => session.analysed(uri) });
  session.documents.listen(connection);
}
