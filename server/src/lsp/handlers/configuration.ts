// The editor's settings, the workspace folders and the registrations made once the client is initialized.
// Diagnostics wait for the first settings, so that they already follow `covenant.rules`.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, InitializeParams, WatchKind } from "vscode-languageserver/node";
import type { Session } from "../session";

export function registerConfiguration(session: Session, params: InitializeParams): void {
  const { connection, settings, builder, workspace, client } = session;
  let roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace.setRoots(roots);
  const options = params.initializationOptions as { rules?: unknown } | undefined;
  if (options && typeof options === "object" && "rules" in options) settings.setEditorSettings(options);
  // Should `initialized` never come, analyse anyway.
  setTimeout(() => builder.ready(), 3000).unref();

  async function pullSettings(): Promise<void> {
    if (!client.configuration) return;
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: "covenant" }]);
      settings.setEditorSettings(section);
    } catch (e) {
      session.log(`could not read the covenant settings: ${(e as Error).message}`);
    }
  }

  connection.onInitialized(() => {
    if (client.watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // A log's measurements files change; its evidence files appear and go (operations.md: MAT009).
        watchers: [
          { globPattern: "**/*.covenant" }, { globPattern: "**/covenant.json" }, { globPattern: "**/*.csv" },
          { globPattern: "**/*", kind: WatchKind.Create | WatchKind.Delete },
        ],
      }).catch(() => undefined);
    }
    if (client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "covenant" }).catch(() => undefined);
    // A client that never answers for its settings must not keep the diagnostics back for long.
    void Promise.race([pullSettings(), new Promise((r) => setTimeout(r, 1000).unref())]).finally(() => builder.ready());
  });

  // Declared in the capabilities, so clients send it without a registration (which may be unsupported).
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (change) => {
    const removed = new Set(change.event.removed.map((f) => f.uri));
    roots = [...roots.filter((r) => !removed.has(r)), ...change.event.added.map((f) => f.uri)];
    workspace.setRoots(roots);
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { covenant?: unknown } | undefined)?.covenant;
    const apply = pushed !== undefined ? Promise.resolve(settings.setEditorSettings(pushed)) : pullSettings();
    void apply.then(() => builder.invalidateAll());
  });
}
