// What the editor shows over the text: hovers, semantic tokens, folding ranges, inlay hints and code lenses.
import { CodeLens, FoldingRange, FoldingRangeKind, InlayHint, InlayHintKind, MarkupKind, SemanticTokensBuilder } from "vscode-languageserver/node";
import { hover } from "../../features/hover";
import { foldingRanges } from "../../features/folding";
import { semanticTokens, TOKEN_TYPES } from "../../features/semantic-tokens";
import { inlayHints } from "../../features/inlay-hints";
import { codeLenses } from "../../features/code-lens";
import { toOffsets, toRange } from "../convert";
import type { Session } from "../session";

export function registerPresentation(session: Session): void {
  const { connection } = session;

  connection.onHover(session.guard("hover", null, (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return null;
    const h = hover(a.analysis, a.doc.offsetAt(params.position));
    if (!h) return null;
    return { contents: { kind: session.client.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: h.markdown }, range: toRange(a.doc, h.range) };
  }));

  connection.languages.semanticTokens.on(session.guard("semanticTokens", { data: [] as number[] }, (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return { data: [] };
    const tokens = new SemanticTokensBuilder();
    for (const t of semanticTokens(a.analysis)) {
      const p = a.doc.positionAt(t.start);
      tokens.push(p.line, p.character, t.length, TOKEN_TYPES.indexOf(t.type), t.modifiers);
    }
    return tokens.build();
  }));

  connection.onFoldingRanges(session.guard("foldingRange", [] as FoldingRange[], (params) => {
    const a = session.analysed(params.textDocument.uri);
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

  connection.languages.inlayHint.on(session.guard("inlayHint", [] as InlayHint[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    return inlayHints(a.analysis, toOffsets(a.doc, params.range)).map((h) => ({
      position: a.doc.positionAt(h.offset),
      label: h.label,
      tooltip: h.tooltip,
      kind: InlayHintKind.Type,
      paddingLeft: true,
    }));
  }));

  connection.onCodeLens(session.guard("codeLens", [] as CodeLens[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    return codeLenses(a.analysis).map((l) => ({ range: toRange(a.doc, l.range), command: l.command ? { title: l.title, command: l.command, arguments: l.arguments } : { title: l.title, command: "" } }));
  }));
}
