// What the server announces in its `initialize` answer. Kept free of the analyser so that main.ts can
// answer before loading it (server start to `initialize` result is a measured target).
import { CodeActionKind, InitializeResult, TextDocumentSyncKind } from "vscode-languageserver/node";
import { TOKEN_MODIFIERS, TOKEN_TYPES } from "../features/token-legend";

declare const COVENANT_VERSION: string | undefined;
export const SERVER_VERSION = typeof COVENANT_VERSION === "string" ? COVENANT_VERSION : "0.0.0-dev";

export function initializeResult(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [".", '"'], resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: "Covenant" },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, "source.fixAll.covenant"], resolveProvider: true },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: "covenant-language-server", version: SERVER_VERSION },
  };
}
