// Offsets to LSP positions and the core's findings to LSP diagnostics. Lines and columns exist only here.
import { Diagnostic, DiagnosticSeverity, Range as LspRange } from "vscode-languageserver/node";
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

/** What a diagnostic carries for code actions: the finding's quick fix, offsets into the document's version. */
export interface DiagnosticData {
  code: string;
  fix?: Finding["fix"];
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const data: DiagnosticData = { code: f.code, fix: f.fix };
  return {
    range: toRange(doc, f.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code) },
    source: SOURCE,
    message: f.message,
    data,
  };
}
