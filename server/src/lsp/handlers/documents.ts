// The documents the editor opens, edits and closes, and the files that change on disk. The workspace
// takes each new text as it arrives (so that a request on an importer already sees it); the builder
// analyses it and checks its importers again.
import { FileChangeType } from "vscode-languageserver/node";
import type { Session } from "../session";

export function registerDocuments(session: Session): void {
  const { connection, documents, workspace, builder, settings } = session;

  documents.onDidOpen((e) => workspace.opened(e.document.uri, e.document.getText()));

  // Also fired on open, after onDidOpen.
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    workspace.changed(uri, e.document.getText());
    builder.schedule(uri);
    builder.recheckImporters(uri);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    workspace.closed(uri);
    builder.closed(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    // Importers read the file from disk again.
    builder.recheckImporters(uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    for (const change of params.changes) {
      if (change.uri.endsWith("/covenant.json")) {
        configChanged = true;
        continue;
      }
      const kind = change.type === FileChangeType.Created ? "created" : change.type === FileChangeType.Deleted ? "deleted" : "changed";
      // An open document's text comes from the editor; the disk copy matters only to other files.
      if (!workspace.isOpen(change.uri)) workspace.diskChanged(change.uri, kind);
      builder.recheckImporters(change.uri);
    }
    if (configChanged) {
      settings.forgetFiles();
      builder.invalidateAll();
    }
  });
}
