// Code actions: each finding's own quick fix, "fix all of a kind in the file", and source.fixAll.
import type { Range } from "../core/ast";
import type { Finding, TextEdit } from "../core/findings";
import type { DocumentAnalysis } from "./analysis";

/** LSP code action kinds: a sub-kind matches a request for its parent (`source.fixAll` asks for ours). */
export type ActionKind = "quickfix" | "source.fixAll.covenant";

/** Which fix an action applies, enough to compute it again later: one finding's, every finding of a code, or every finding. */
export type FixTarget =
  | { scope: "finding"; code: string; range: Range }
  | { scope: "code"; code: string }
  | { scope: "file" };

export interface FixAction {
  title: string;
  kind: ActionKind;
  edits: TextEdit[];
  /** The findings the action fixes. */
  findings: Finding[];
  preferred?: boolean;
  target: FixTarget;
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

function intersects(f: Finding, range: Range): boolean {
  return f.range.start <= range.end && range.start <= f.range.end;
}

/** Edits a new one must not collide with: overlapping, or inserted strictly inside a replaced span. */
function collides(e: TextEdit, taken: readonly TextEdit[]): boolean {
  return taken.some((t) => overlaps(e, t) || (e.start === e.end && t.start < e.start && e.start < t.end) || (t.start === t.end && e.start < t.start && t.start < e.end));
}

/** The fixes of the findings, merged in order; a fix whose edits collide with an earlier one is left out. */
export function mergeFixes(findings: readonly Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    // Two findings can carry the same fix (the same block missing twice over); apply it once.
    const key = JSON.stringify(f.fix.edits);
    if (seen.has(key)) {
      fixed.push(f);
      continue;
    }
    if (f.fix.edits.some((e) => collides(e, edits))) continue;
    seen.add(key);
    edits.push(...f.fix.edits);
    fixed.push(f);
  }
  return { edits: edits.sort((a, b) => a.start - b.start || a.end - b.end), fixed };
}

/** Findings of the document itself that offer a fix; a guess at a spelling is never applied unasked (on save). */
function fixableIn(analysis: DocumentAnalysis): Finding[] {
  return analysis.findings.filter((f) => f.uri === analysis.uri && f.fix && f.fix.edits.length > 0 && !f.fix.guess);
}

/** `only`: the kinds the editor asked for (`quickfix`, `source.fixAll`, `source`…); quick fixes when empty. */
export function codeActions(analysis: DocumentAnalysis, range: Range, only?: readonly string[]): FixAction[] {
  const wants = (kind: ActionKind): boolean => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + "."));
  // Only the findings in the range lay out their fix (it is computed when first read), and the codes they have.
  const mine = analysis.findings.filter((f) => f.uri === analysis.uri);
  const actions: FixAction[] = [];
  if (wants("quickfix")) {
    const here = mine.filter((f) => intersects(f, range) && f.fix && f.fix.edits.length > 0);
    for (const f of here) actions.push({ title: f.fix!.title, kind: "quickfix", edits: f.fix!.edits, findings: [f], preferred: here.length === 1, target: { scope: "finding", code: f.code, range: f.range } });
    const codes = [...new Set(here.map((f) => f.code))];
    for (const code of codes) {
      if (mine.filter((f) => f.code === code).length < 2) continue;
      const merged = mergeFixes(mine.filter((f) => f.code === code));
      if (merged.fixed.length < 2) continue;
      actions.push({ title: `Fix all ${code} in file (${merged.fixed.length})`, kind: "quickfix", edits: merged.edits, findings: merged.fixed, target: { scope: "code", code } });
    }
  }
  // Only when asked for: editors request source actions on save or from a menu, not with every quick fix.
  if (only && only.length > 0 && wants("source.fixAll.covenant")) {
    const fixable = fixableIn(analysis);
    if (fixable.length > 0) {
      const merged = mergeFixes(fixable);
      actions.push({ title: `Fix all Covenant findings in file (${merged.fixed.length})`, kind: "source.fixAll.covenant", edits: merged.edits, findings: merged.fixed, target: { scope: "file" } });
    }
  }
  return actions;
}

/**
 * The edits of an action offered earlier, computed again on the analysis of the same text. Undefined when
 * the finding is gone (its check was turned off since, say): no edit rather than a wrong one.
 */
export function fixFor(analysis: DocumentAnalysis, target: FixTarget): { edits: TextEdit[]; findings: Finding[] } | undefined {
  const mine = analysis.findings.filter((f) => f.uri === analysis.uri);
  if (target.scope === "finding") {
    const f = mine.find((g) => g.code === target.code && g.range.start === target.range.start && g.range.end === target.range.end);
    return f?.fix && f.fix.edits.length > 0 ? { edits: f.fix.edits, findings: [f] } : undefined;
  }
  const merged = mergeFixes(target.scope === "code" ? mine.filter((f) => f.code === target.code) : mine.filter((f) => !f.fix?.guess));
  return merged.fixed.length > 0 ? { edits: merged.edits, findings: merged.fixed } : undefined;
}
