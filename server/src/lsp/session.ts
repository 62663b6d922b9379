// What every handler shares: the open documents, the workspace, the settings, the document builder, what
// the client supports, and the guard and conversions that each answer needs.
import {
  ClientCapabilities, Connection, Location, MarkupKind, MessageType, OptionalVersionedTextDocumentIdentifier, ResponseError,
  ShowMessageNotification, TextDocumentEdit, TextDocuments, TextEdit, WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit as OffsetEdit } from "../core/findings";
import type { DocumentAnalysis } from "../features/analysis";
import type { Place } from "../features/navigation";
import { BuiltDocument, DocumentBuilder } from "./builder";
import { toRange } from "./convert";
import { Settings } from "./settings";
import { LspWorkspace } from "./workspace";

/** What the client said it can do, read once from `initialize`. */
export interface ClientSupport {
  configuration: boolean;
  watchRegistration: boolean;
  documentChanges: boolean;
  markdown: boolean;
  /** The client asks `codeAction/resolve` for an action's edit and sends its `data` back. */
  codeActionResolve: boolean;
}

export function clientSupport(caps: ClientCapabilities): ClientSupport {
  const formats = caps.textDocument?.hover?.contentFormat;
  const codeAction = caps.textDocument?.codeAction;
  return {
    configuration: !!caps.workspace?.configuration,
    watchRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    markdown: !formats || formats.includes(MarkupKind.Markdown),
    codeActionResolve: !!codeAction?.dataSupport && !!codeAction.resolveSupport?.properties.includes("edit"),
  };
}

/** An open document and the analysis of its current version. */
export interface Analysed {
  doc: TextDocument;
  built: BuiltDocument;
  analysis: DocumentAnalysis;
}

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly workspace: LspWorkspace;
  readonly settings = new Settings();
  readonly builder: DocumentBuilder;
  private readonly warned = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly client: ClientSupport,
  ) {
    this.workspace = new LspWorkspace((m) => this.log(m));
    this.builder = new DocumentBuilder(this.documents, this.workspace, this.settings, {
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined),
      log: (m) => this.log(m),
      warnOnce: (message) => {
        if (this.warned.has(message)) return;
        this.warned.add(message);
        this.warn(message);
      },
    }, { fixesInDiagnostics: !client.codeActionResolve });
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** A notification, not window/showMessageRequest: nothing waits for the user to answer it. */
  warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }

  /** Runs a handler; an exception costs that one answer (logged), never the server. */
  guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params: P) => {
      try {
        return handler(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
  }

  /** The open document and its fresh analysis; undefined for documents never opened or too large to analyse. */
  analysed(uri: string): Analysed | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const built = this.builder.ensure(uri);
    if (!built?.analysis) return undefined;
    return { doc, built, analysis: built.analysis };
  }

  /** Positions in any file: the open document's text, else the file as read. */
  docFor(uri: string): TextDocument | undefined {
    return this.documents.get(uri) ?? this.workspace.documentOf(uri);
  }

  toLocation(p: Place): Location | undefined {
    const doc = this.docFor(p.uri);
    return doc ? { uri: p.uri, range: toRange(doc, p.range) } : undefined;
  }

  /** Edits by file as the client takes them: versioned document changes when it supports them. */
  /** A fix's edits by file: a log's fix may edit its contract's file (an edit names its file, else it is in `uri`). */
  editsByFile(uri: string, edits: readonly (OffsetEdit & { uri?: string })[]): Map<string, OffsetEdit[]> {
    const out = new Map<string, OffsetEdit[]>();
    for (const e of edits) out.set(e.uri ?? uri, [...(out.get(e.uri ?? uri) ?? []), e]);
    return out;
  }

  workspaceEdit(changes: Map<string, OffsetEdit[]>): WorkspaceEdit {
    const documentChanges: TextDocumentEdit[] = [];
    const plain: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of changes) {
      const doc = this.docFor(uri);
      if (!doc) continue;
      const lspEdits = edits.map((e) => TextEdit.replace(toRange(doc, e), e.text));
      const open = this.documents.get(uri);
      documentChanges.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, open ? open.version : null), lspEdits));
      plain[uri] = lspEdits;
    }
    return this.client.documentChanges ? { documentChanges } : { changes: plain };
  }
}
