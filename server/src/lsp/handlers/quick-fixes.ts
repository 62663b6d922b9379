// Code actions: each finding's quick fix, fix-all of a kind and source.fixAll. A client that resolves
// actions gets them without edits and asks `codeAction/resolve` for the one the user picks; any other
// client gets the edits in the list, as before.
import { CodeAction, Diagnostic, ErrorCodes, ResponseError } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { codeActions, fixFor, FixTarget } from "../../features/code-actions";
import type { Finding } from "../../core/findings";
import { toOffsets } from "../convert";
import type { Session } from "../session";

/** What an action carries to `codeAction/resolve`: the document's version it was offered for, and which fix. */
export interface FixActionData {
  uri: string;
  version: number;
  fix: FixTarget;
}

function isFixActionData(data: unknown): data is FixActionData {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  const fix = d.fix as Record<string, unknown> | undefined;
  if (typeof d.uri !== "string" || typeof d.version !== "number" || typeof fix !== "object" || fix === null) return false;
  if (fix.scope === "file") return true;
  if (typeof fix.code !== "string") return false;
  if (fix.scope === "code") return true;
  const r = fix.range as Record<string, unknown> | undefined;
  return fix.scope === "finding" && typeof r === "object" && r !== null && Number.isInteger(r.start) && Number.isInteger(r.end);
}

export function registerQuickFixes(session: Session): void {
  const { connection, documents } = session;

  /** The request's diagnostics that an action fixes, so that the editor ties them together. */
  function diagnosticsOf(doc: TextDocument, sent: Diagnostic[], fixed: Finding[]): Diagnostic[] | undefined {
    const mine = sent.filter((d) => fixed.some((f) => d.code === f.code && doc.offsetAt(d.range.start) === f.range.start));
    return mine.length > 0 ? mine : undefined;
  }

  connection.onCodeAction(session.guard("codeAction", [] as CodeAction[], (params) => {
    const a = session.analysed(params.textDocument.uri);
    if (!a) return [];
    const actions = codeActions(a.analysis, toOffsets(a.doc, params.range), params.context.only);
    return actions.map((action): CodeAction => {
      const listed: CodeAction = {
        title: action.title,
        kind: action.kind,
        isPreferred: action.preferred,
        diagnostics: diagnosticsOf(a.doc, params.context.diagnostics, action.findings),
      };
      if (!session.client.codeActionResolve) return { ...listed, edit: session.workspaceEdit(session.editsByFile(a.doc.uri, action.edits)) };
      const data: FixActionData = { uri: a.doc.uri, version: a.doc.version, fix: action.target };
      return { ...listed, data };
    });
  }));

  function resolve(action: CodeAction): CodeAction {
    if (action.edit) return action;
    if (!isFixActionData(action.data)) throw new ResponseError(ErrorCodes.InvalidParams, "this code action was not offered by the Covenant language server");
    const { uri, version, fix } = action.data;
    const doc = documents.get(uri);
    // Offsets of another version would land in the wrong place: no edit rather than a wrong one.
    if (!doc || doc.version !== version) {
      session.log(`codeAction/resolve: ${uri} is at version ${doc?.version ?? "(closed)"}, the action "${action.title}" was offered for version ${version}; not applied`);
      return action;
    }
    const a = session.analysed(uri);
    const fixed = a && fixFor(a.analysis, fix);
    if (!fixed) {
      session.log(`codeAction/resolve: the finding of "${action.title}" is gone; not applied`);
      return action;
    }
    return { ...action, edit: session.workspaceEdit(session.editsByFile(uri, fixed.edits)) };
  }

  connection.onCodeActionResolve((action) => {
    try {
      return resolve(action);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`codeAction/resolve failed: ${(e as Error).stack ?? e}`);
      return action;
    }
  });
}
