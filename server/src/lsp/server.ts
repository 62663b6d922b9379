// The language server: wires LSP requests to the plain-data features and converts their answers.
// Every handler is guarded: an exception is logged and answered with an empty result, and the server goes on.
import {
  CodeAction, CodeActionKind, CodeLens, CompletionItem, CompletionItemKind, CompletionList, Connection, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, DocumentHighlight, DocumentHighlightKind, DocumentLink, DocumentSymbol, FileChangeType, FoldingRange,
  FoldingRangeKind, InlayHint, InlayHintKind, InitializeParams, MessageType, ShowMessageNotification, InitializeResult, InsertTextFormat, InsertTextMode, Location, MarkupKind,
  ResponseError, ErrorCodes, SemanticTokensBuilder, SymbolInformation, SymbolKind, TextDocumentEdit, TextDocuments, TextDocumentSyncKind, TextEdit,
  WorkspaceEdit, OptionalVersionedTextDocumentIdentifier,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentAnalysis } from "../features/analysis";
import { hover } from "../features/hover";
import { complete, CompletionKind } from "../features/completion";
import { definition, highlights, references, Place } from "../features/navigation";
import { prepareRename, rename } from "../features/rename";
import { documentSymbols, OutlineSymbol, SymbolKindName, workspaceSymbols } from "../features/symbols";
import { foldingRanges } from "../features/folding";
import { semanticTokens, TOKEN_TYPES } from "../features/semantic-tokens";
import { codeActions } from "../features/code-actions";
import { inlayHints } from "../features/inlay-hints";
import { codeLenses } from "../features/code-lens";
import { documentLinks } from "../features/document-links";
import { formatEdits, formatRangeEdits } from "../format/index";
import { DocumentBuilder, BuiltDocument } from "./builder";
import { localDate } from "../core/values";
import { toOffsets, toRange } from "./convert";
import { Settings } from "./settings";
import { LspWorkspace } from "./workspace";
import { registerCovenantRequests } from "./requests";


const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, value: CompletionItemKind.EnumMember, unit: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet, file: CompletionItemKind.File, party: CompletionItemKind.Class,
  person: CompletionItemKind.Variable, role: CompletionItemKind.Field, board: CompletionItemKind.Event,
  ladder: CompletionItemKind.Enum, service: CompletionItemKind.Module, step: CompletionItemKind.Function,
  calendar: CompletionItemKind.Struct,
};

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  contract: SymbolKind.Namespace, party: SymbolKind.Class, person: SymbolKind.Variable, role: SymbolKind.Field,
  calendar: SymbolKind.Struct, service: SymbolKind.Module, sla: SymbolKind.Interface, board: SymbolKind.Event,
  ladder: SymbolKind.Enum, tier: SymbolKind.EnumMember, step: SymbolKind.Function, block: SymbolKind.Object,
};

/**
 * Registers every handler on a connection whose `initialize` request was answered already (main.ts
 * answers it before loading the analyser, to start fast), with that request's parameters.
 */
export function startServer(connection: Connection, params: InitializeParams): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string): void => connection.console.log(m);
  const workspace = new LspWorkspace(log);
  const settings = new Settings();
  const warned = new Set<string>();
  let supportsConfiguration = false;
  let supportsWatchRegistration = false;
  let supportsDocumentChanges = false;
  let supportsMarkdown = true;
  let roots: string[] = [];

  const builder = new DocumentBuilder(documents, workspace, settings, {
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined),
    log,
    warnOnce: (message) => {
      if (warned.has(message)) return;
      warned.add(message);
      warn(message);
    },
  });

  /** A notification, not window/showMessageRequest: nothing waits for the user to answer it. */
  function warn(message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }

  /** Runs a handler; an exception costs that one answer (logged), never the server. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params: P) => {
      try {
        return handler(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
  }

  /** The open document and its fresh analysis; undefined for documents never opened or too large to analyse. */
  function analysed(uri: string): { doc: TextDocument; built: BuiltDocument; analysis: DocumentAnalysis } | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const built = builder.ensure(uri);
    if (!built?.analysis) return undefined;
    return { doc, built, analysis: built.analysis };
  }

  /** Positions in any file: the open document's text, else the file as read. */
  function docFor(uri: string): TextDocument | undefined {
    return documents.get(uri) ?? workspace.documentOf(uri);
  }

  function toLocation(p: Place): Location | undefined {
    const doc = docFor(p.uri);
    return doc ? { uri: p.uri, range: toRange(doc, p.range) } : undefined;
  }

  /** A log's fix may edit its contract's file: each edit names its file, else it is in the document's. */
  function editsByFile(uri: string, edits: readonly { uri?: string; start: number; end: number; text: string }[]): Map<string, { start: number; end: number; text: string }[]> {
    const out = new Map<string, { start: number; end: number; text: string }[]>();
    for (const e of edits) out.set(e.uri ?? uri, [...(out.get(e.uri ?? uri) ?? []), e]);
    return out;
  }

  function workspaceEdit(changes: Map<string, { start: number; end: number; text: string }[]>): WorkspaceEdit {
    const documentChanges: TextDocumentEdit[] = [];
    const plain: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of changes) {
      const doc = docFor(uri);
      if (!doc) continue;
      const lspEdits = edits.map((e) => TextEdit.replace(toRange(doc, e), e.text));
      const open = documents.get(uri);
      documentChanges.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, open ? open.version : null), lspEdits));
      plain[uri] = lspEdits;
    }
    return supportsDocumentChanges ? { documentChanges } : { changes: plain };
  }

  {
    const caps = params.capabilities;
    supportsConfiguration = !!caps.workspace?.configuration;
    supportsWatchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    const formats = caps.textDocument?.hover?.contentFormat;
    supportsMarkdown = !formats || formats.includes(MarkupKind.Markdown);
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setRoots(roots);
    const options = params.initializationOptions as { rules?: unknown } | undefined;
    if (options && typeof options === "object" && "rules" in options) settings.setEditorSettings(options);
    // Should `initialized` never come, analyse anyway.
    setTimeout(() => builder.ready(), 3000).unref();
  }

  async function pullSettings(): Promise<void> {
    if (!supportsConfiguration) return;
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: "covenant" }]);
      settings.setEditorSettings(section);
    } catch (e) {
      log(`could not read the covenant settings: ${(e as Error).message}`);
    }
  }

  connection.onInitialized(() => {
    if (supportsWatchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/*.covenant" }, { globPattern: "**/covenant.json" }],
      }).catch(() => undefined);
    }
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "covenant" }).catch(() => undefined);
    // A client that never answers for its settings must not keep the diagnostics back for long.
    void Promise.race([pullSettings(), new Promise((r) => setTimeout(r, 1000).unref())]).finally(() => builder.ready());
  });

  // Declared in the capabilities, so clients send it without a registration (which may be unsupported).
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) => {
    const removed = new Set(params.event.removed.map((f) => f.uri));
    roots = [...roots.filter((r) => !removed.has(r)), ...params.event.added.map((f) => f.uri)];
    workspace.setRoots(roots);
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { covenant?: unknown } | undefined)?.covenant;
    const apply = pushed !== undefined ? Promise.resolve(settings.setEditorSettings(pushed)) : pullSettings();
    void apply.then(() => builder.invalidateAll());
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
      for (const dependent of builder.dependentsOf(change.uri)) {
        builder.invalidate(dependent);
        builder.schedule(dependent);
      }
    }
    if (configChanged) {
      settings.forgetFiles();
      builder.invalidateAll();
    }
  });

  documents.onDidOpen((e) => {
    workspace.opened(e.document.uri, e.document.getText());
    builder.schedule(e.document.uri);
    for (const dependent of builder.dependentsOf(e.document.uri)) {
      builder.invalidate(dependent);
      builder.schedule(dependent);
    }
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    builder.schedule(uri);
    for (const dependent of builder.dependentsOf(uri)) {
      builder.invalidate(dependent);
      builder.schedule(dependent);
    }
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    workspace.closed(uri);
    builder.closed(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    // Importers read the file from disk again.
    for (const dependent of builder.dependentsOf(uri)) {
      builder.invalidate(dependent);
      builder.schedule(dependent);
    }
  });

  connection.onHover(guard("hover", null, (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return null;
    const h = hover(a.analysis, a.doc.offsetAt(params.position));
    if (!h) return null;
    return { contents: { kind: supportsMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: h.markdown }, range: toRange(a.doc, h.range) };
  }));

  connection.onCompletion(guard("completion", null as CompletionList | null, (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return null;
    const result = complete(a.analysis, a.doc.offsetAt(params.position), { workspace, fallback: builder.fallbackFor(a.doc.uri) });
    const range = toRange(a.doc, result.replace);
    const items: CompletionItem[] = result.items.map((i) => ({
      label: i.label,
      kind: COMPLETION_KINDS[i.kind],
      detail: i.detail || undefined,
      documentation: i.documentation,
      sortText: i.sortText,
      filterText: i.label,
      textEdit: TextEdit.replace(range, i.insertText ?? i.label),
      insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: i.snippet ? InsertTextMode.adjustIndentation : undefined,
    }));
    return { isIncomplete: false, items };
  }));

  connection.onDefinition(guard("definition", [] as Location[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    return definition(a.analysis, a.doc.offsetAt(params.position)).map(toLocation).filter((l): l is Location => !!l);
  }));

  connection.onReferences(guard("references", [] as Location[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    return references(a.analysis, a.doc.offsetAt(params.position), params.context.includeDeclaration, workspace).map(toLocation).filter((l): l is Location => !!l);
  }));

  connection.onDocumentHighlight(guard("documentHighlight", [] as DocumentHighlight[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    return highlights(a.analysis, a.doc.offsetAt(params.position)).map((h) => ({ range: toRange(a.doc, h.range), kind: h.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  }));

  connection.onPrepareRename((params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return null;
    let result;
    try {
      result = prepareRename(a.analysis, a.doc.offsetAt(params.position));
    } catch (e) {
      connection.console.error(`prepareRename failed: ${(e as Error).stack ?? e}`);
      return null;
    }
    if (!result) return null;
    if ("error" in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return { range: toRange(a.doc, result.range), placeholder: result.placeholder };
  });

  connection.onRenameRequest((params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return null;
    let result;
    try {
      result = rename(a.analysis, a.doc.offsetAt(params.position), params.newName, workspace);
    } catch (e) {
      connection.console.error(`rename failed: ${(e as Error).stack ?? e}`);
      throw new ResponseError(ErrorCodes.InternalError, `Covenant could not rename: ${(e as Error).message}`);
    }
    if (!result) return null;
    if ("error" in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
    return workspaceEdit(result.changes);
  });

  connection.onDocumentSymbol(guard("documentSymbol", [] as DocumentSymbol[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    const convert = (s: OutlineSymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: SYMBOL_KINDS[s.kind],
      range: toRange(a.doc, s.range),
      selectionRange: toRange(a.doc, s.selection),
      children: s.children.map(convert),
    });
    return documentSymbols(a.analysis.linked.file.parsed.file).map(convert);
  }));

  connection.onWorkspaceSymbol(guard("workspaceSymbol", [] as SymbolInformation[], (params) => {
    const out: SymbolInformation[] = [];
    for (const s of workspaceSymbols(params.query, workspace)) {
      const doc = docFor(s.uri);
      if (doc) out.push({ name: s.name, kind: SYMBOL_KINDS[s.kind], location: { uri: s.uri, range: toRange(doc, s.range) }, containerName: s.container });
    }
    return out;
  }));

  connection.onFoldingRanges(guard("foldingRange", [] as FoldingRange[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    const out: FoldingRange[] = [];
    for (const f of foldingRanges(a.analysis.linked.file.parsed, a.analysis.text)) {
      const startLine = a.doc.positionAt(f.start).line;
      const endLine = a.doc.positionAt(f.end).line - (f.closing ? 1 : 0);
      if (endLine <= startLine) continue;
      out.push({ startLine, endLine, kind: f.kind === "comment" ? FoldingRangeKind.Comment : f.kind === "imports" ? FoldingRangeKind.Imports : FoldingRangeKind.Region });
    }
    return out;
  }));

  connection.languages.semanticTokens.on(guard("semanticTokens", { data: [] as number[] }, (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return { data: [] };
    const builder = new SemanticTokensBuilder();
    for (const t of semanticTokens(a.analysis)) {
      const p = a.doc.positionAt(t.start);
      builder.push(p.line, p.character, t.length, TOKEN_TYPES.indexOf(t.type), t.modifiers);
    }
    return builder.build();
  }));

  const formatWarned = new Set<string>();
  function formatting(uri: string, range?: { start: number; end: number }): TextEdit[] {
    const doc = documents.get(uri);
    if (!doc) return [];
    const text = doc.getText();
    const result = range ? formatRangeEdits(text, range) : formatEdits(text);
    if ("error" in result) {
      // Said once per document until it formats again: format-on-save must not nag at every save.
      if (!formatWarned.has(uri)) {
        formatWarned.add(uri);
        warn(`Covenant: ${result.error}`);
      }
      return [];
    }
    formatWarned.delete(uri);
    return result.edits.map((e) => TextEdit.replace(toRange(doc, e), e.newText));
  }

  connection.onDocumentFormatting(guard("formatting", [] as TextEdit[], (params) => formatting(params.textDocument.uri)));
  connection.onDocumentRangeFormatting(guard("rangeFormatting", [] as TextEdit[], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? formatting(doc.uri, toOffsets(doc, params.range)) : [];
  }));

  connection.onCodeAction(guard("codeAction", [] as CodeAction[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    const actions = codeActions(a.analysis, toOffsets(a.doc, params.range), params.context.only);
    return actions.map((action): CodeAction => {
      const diagnostics = params.context.diagnostics.filter((d) => action.findings.some((f) => d.code === f.code && a.doc.offsetAt(d.range.start) === f.range.start));
      return {
        title: action.title,
        kind: action.kind,
        isPreferred: action.preferred,
        diagnostics: diagnostics.length > 0 ? diagnostics : undefined,
        edit: workspaceEdit(editsByFile(a.doc.uri, action.edits)),
      };
    });
  }));

  connection.languages.inlayHint.on(guard("inlayHint", [] as InlayHint[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    return inlayHints(a.analysis, toOffsets(a.doc, params.range)).map((h) => ({
      position: a.doc.positionAt(h.offset),
      label: h.label,
      tooltip: h.tooltip,
      kind: InlayHintKind.Type,
      paddingLeft: true,
    }));
  }));

  connection.onCodeLens(guard("codeLens", [] as CodeLens[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    return codeLenses(a.analysis).map((l) => ({ range: toRange(a.doc, l.range), command: { title: l.title, command: l.command, arguments: l.arguments } }));
  }));

  connection.onDocumentLinks(guard("documentLinks", [] as DocumentLink[], (params) => {
    const a = analysed(params.textDocument.uri);
    if (!a) return [];
    return documentLinks(a.analysis).map((l) => ({ range: toRange(a.doc, l.range), target: l.target, tooltip: l.tooltip }));
  }));

  registerCovenantRequests(connection, {
    analysed,
    docFor,
    linkFromDisk: (uri) => workspace.link(uri),
    todayFor: (uri) => settings.forDocument(uri).today ?? localDate(),
  });

  documents.listen(connection);
}
