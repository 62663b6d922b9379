// Going from a name to its declaration, its references and its occurrences; the outline, the workspace's
// symbols and the document's links.
import { DocumentHighlight, DocumentHighlightKind, DocumentLink, DocumentSymbol, Location, SymbolInformation, SymbolKind } from "vscode-languageserver/node";
import { definition, highlights, references } from "../../features/navigation";
import { documentSymbols, OutlineSymbol, SymbolKindName, workspaceSymbols } from "../../features/symbols";
import { documentLinks } from "../../features/document-links";
import { toRange } from "../convert";
import type { Session } from "../session";

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  contract: SymbolKind.Namespace, party: SymbolKind.Class, person: SymbolKind.Variable, role: SymbolKind.Field,
  calendar: SymbolKind.Struct, service: SymbolKind.Module, sla: SymbolKind.Interface, board: SymbolKind.Event,
  ladder: SymbolKind.Enum, tier: SymbolKind.EnumMember, step: SymbolKind.Function, block: SymbolKind.Object,
  log: SymbolKind.Package, matter: SymbolKind.Object, event: SymbolKind.Event,
};

export function registerNavigation(session: Session): void {
  const { connection, workspace } = session;
  const located = (l: Location | undefined): l is Location => !!l;

  connection.onDefinition(session.guard("definition", [] as Location[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    return definition(a.analysis, a.doc.offsetAt(params.position)).map((p) => session.toLocation(p)).filter(located);
  }));

  connection.onReferences(session.guard("references", [] as Location[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    return references(a.analysis, a.doc.offsetAt(params.position), params.context.includeDeclaration, workspace).map((p) => session.toLocation(p)).filter(located);
  }));

  connection.onDocumentHighlight(session.guard("documentHighlight", [] as DocumentHighlight[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    return highlights(a.analysis, a.doc.offsetAt(params.position)).map((h) => ({ range: toRange(a.doc, h.range), kind: h.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  }));

  connection.onDocumentSymbol(session.guard("documentSymbol", [] as DocumentSymbol[], (params) => {
    const a = session.analysed(params.textDocument.uri);
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

  connection.onWorkspaceSymbol(session.guard("workspaceSymbol", [] as SymbolInformation[], (params) => {
    const out: SymbolInformation[] = [];
    for (const s of workspaceSymbols(params.query, workspace)) {
      const doc = session.docFor(s.uri);
      if (doc) out.push({ name: s.name, kind: SYMBOL_KINDS[s.kind], location: { uri: s.uri, range: toRange(doc, s.range) }, containerName: s.container });
    }
    return out;
  }));

  connection.onDocumentLinks(session.guard("documentLinks", [] as DocumentLink[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    return documentLinks(a.analysis).map((l) => ({ range: toRange(a.doc, l.range), target: l.target, tooltip: l.tooltip }));
  }));
}
