// Offsets to LSP positions and the core's findings to LSP diagnostics. Lines and columns exist only here.
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range as LspRange } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Range } from "../core/ast";
import type { Finding, Severity } from "../core/findings";
import { ruleDocUrl } from "../analysis/rules";

export function toRange(doc: TextDocument, r: Range): LspRange {
  const start = Math.max(0, Math.min(r.start, doc.getText().length));
  const end = Math.max(start, Math.min(r.end, doc.getText().length));
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toOffsets(doc: TextDocument, r: LspRange): Range {
  const a = doc.offsetAt(r.start);
  const b = doc.offsetAt(r.end);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const SOURCE = "covenant";

/** What a diagnostic carries: its code, and for clients that do not resolve code actions the finding's quick fix (offsets into the document's version). */
export interface DiagnosticData {
  code: string;
  fix?: Finding["fix"];
}

/** `withFix`: lay out the finding's quick fix now (it is otherwise computed only when a code action asks for it). */
export function toDiagnostic(doc: TextDocument, f: Finding, withFix = true): Diagnostic {
  const data: DiagnosticData = withFix ? { code: f.code, fix: fixOrNone(f) } : { code: f.code };
  const diagnostic: Diagnostic = {
    range: toRange(doc, f.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code) },
    source: SOURCE,
    message: f.message,
    data,
  };
  // Places in this document only: positions elsewhere need that file's text, which the finding does not carry.
  const related: DiagnosticRelatedInformation[] = (f.related ?? [])
    .filter((r) => !r.uri || r.uri === doc.uri)
    .map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message }));
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** A fix whose layout fails costs that fix, not the document its diagnostics. */
function fixOrNone(f: Finding): Finding["fix"] {
  try {
    return f.fix;
  } catch {
    return undefined;
  }
}
