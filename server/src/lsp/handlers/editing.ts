// Features that change the text: completion, rename and formatting.
import { CompletionItem, CompletionItemKind, CompletionList, ErrorCodes, InsertTextFormat, InsertTextMode, ResponseError, TextEdit } from "vscode-languageserver/node";
import { complete, CompletionKind } from "../../features/completion";
import { prepareRename, rename } from "../../features/rename";
import { formatEdits, formatRangeEdits } from "../../format/index";
import { toOffsets, toRange } from "../convert";
import type { Session } from "../session";

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, value: CompletionItemKind.EnumMember, unit: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet, file: CompletionItemKind.File, party: CompletionItemKind.Class,
  person: CompletionItemKind.Variable, role: CompletionItemKind.Field, board: CompletionItemKind.Event,
  ladder: CompletionItemKind.Enum, service: CompletionItemKind.Module, step: CompletionItemKind.Function,
  calendar: CompletionItemKind.Struct, tier: CompletionItemKind.Constant, sla: CompletionItemKind.Property,
  moment: CompletionItemKind.Value,
};

export function registerEditing(session: Session): void {
  const { connection, documents, workspace, builder } = session;

  connection.onCompletion(session.guard("completion", null as CompletionList | null, (params) => {
    const a = session.analysed(params.textDocument.uri);
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

  // Not guarded: a refusal is a ResponseError whose message the editor shows.
  connection.onPrepareRename((params) => {
    const a = session.analysed(params.textDocument.uri);
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
    const a = session.analysed(params.textDocument.uri);
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
    return session.workspaceEdit(result.changes);
  });

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
        session.warn(`Covenant: ${result.error}`);
      }
      return [];
    }
    formatWarned.delete(uri);
    return result.edits.map((e) => TextEdit.replace(toRange(doc, e), e.newText));
  }

  connection.onDocumentFormatting(session.guard("formatting", [] as TextEdit[], (params) => formatting(params.textDocument.uri)));
  connection.onDocumentRangeFormatting(session.guard("rangeFormatting", [] as TextEdit[], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? formatting(doc.uri, toOffsets(doc, params.range)) : [];
  }));
}
