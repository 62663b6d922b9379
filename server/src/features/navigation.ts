// Go to definition and find references, across the files that import one another.
import type * as A from "../core/ast";
import type { Decl, Linked, Occurrence } from "../core/link";
import type { DocumentAnalysis, WorkspaceView } from "./analysis";
import { occurrenceAt, sameDecl } from "./locate";

/** A place in a file: offsets into that file's text. */
export interface Place {
  uri: string;
  range: A.Range;
}

/** The declaration named at `offset` (a reference or the declaration's own name), with the occurrence. */
export function declAt(linked: Linked, offset: number): { decl: Decl; occurrence?: Occurrence } | undefined {
  const occ = occurrenceAt(linked, offset);
  if (occ) return { decl: occ.decl, occurrence: occ };
  // Dispute steps are declared by their keyword, which is not an occurrence.
  const step = linked.decls.find((d) => d.kind === "step" && d.nameRange.start <= offset && offset <= d.nameRange.end);
  return step ? { decl: step } : undefined;
}

export function definition(analysis: DocumentAnalysis, offset: number): Place[] {
  const linked = analysis.linked;
  const imp = linked.imports.find((i) => i.node.path && i.node.path.range.start <= offset && offset < i.node.path.range.end);
  if (imp?.target) return [{ uri: imp.target, range: { start: 0, end: 0 } }];
  const found = declAt(linked, offset);
  return found ? [{ uri: found.decl.uri, range: found.decl.nameRange }] : [];
}

/**
 * True for a declaration that other files can see through `import` (language.md, Names and scope), or name
 * from a log that imports its contract (operations.md: a log's services, ladders, tiers, boards, slas and
 * steps resolve in the log's contract).
 */
export function isShared(decl: Decl): boolean {
  if (decl.kind === "party" || decl.kind === "calendar") return (decl.node as A.Party | A.Calendar).topLevel;
  if (decl.kind === "person" || decl.kind === "role") return !!decl.container && (decl.container.node as A.Party).topLevel;
  if (decl.kind === "contract") return true;
  return inContract(decl);
}

function inContract(decl: Decl): boolean {
  let d: Decl | undefined = decl.container;
  while (d && d.kind !== "contract") d = d.container;
  return !!d && decl.kind !== "matter";
}

/** The files that import `uri`, directly or through others, among those the workspace knows. */
export function importers(uri: string, workspace: WorkspaceView, extra: readonly string[] = []): string[] {
  const reverse = new Map<string, string[]>();
  for (const f of new Set([...workspace.files(), ...extra])) {
    const parsed = workspace.load(f);
    for (const imp of parsed?.parsed.file.imports ?? []) {
      const target = imp.path && workspace.resolveImport(f, imp.path.value);
      if (!target) continue;
      const list = reverse.get(target) ?? [];
      list.push(f);
      reverse.set(target, list);
    }
  }
  const out: string[] = [];
  const queue = [uri];
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const f of reverse.get(queue.shift()!) ?? []) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(f);
      queue.push(f);
    }
  }
  return out;
}

/** The files where a declaration can be named: its own, and for a shared one every file importing it. */
export function filesInScope(decl: Decl, analysis: DocumentAnalysis, workspace?: WorkspaceView): string[] {
  const files = [decl.uri];
  if (analysis.uri !== decl.uri) files.push(analysis.uri);
  if (isShared(decl) && workspace) {
    for (const f of importers(decl.uri, workspace, [analysis.uri])) if (!files.includes(f)) files.push(f);
  }
  return files;
}

export function linkedFor(uri: string, analysis: DocumentAnalysis, workspace?: WorkspaceView): Linked | undefined {
  return uri === analysis.uri ? analysis.linked : workspace?.link(uri);
}

/** Every occurrence of a declaration in the given files, by file. */
export function occurrencesOf(decl: Decl, files: readonly string[], analysis: DocumentAnalysis, workspace?: WorkspaceView): Place[] {
  const out: Place[] = [];
  const seen = new Set<string>();
  for (const uri of files) {
    const linked = linkedFor(uri, analysis, workspace);
    if (!linked) continue;
    for (const o of linked.occurrences) {
      if (!sameDecl(o.decl, decl)) continue;
      // The declaration's own name is an occurrence only in its own file's link; `then` steps have none.
      const key = `${uri}#${o.range.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ uri, range: o.range });
    }
  }
  if (decl.kind === "step" && !seen.has(`${decl.uri}#${decl.nameRange.start}`)) out.unshift({ uri: decl.uri, range: decl.nameRange });
  return out;
}

export function references(analysis: DocumentAnalysis, offset: number, includeDeclaration: boolean, workspace?: WorkspaceView): Place[] {
  const found = declAt(analysis.linked, offset);
  if (!found) return [];
  const decl = found.decl;
  const all = occurrencesOf(decl, filesInScope(decl, analysis, workspace), analysis, workspace);
  return includeDeclaration ? all : all.filter((p) => !(p.uri === decl.uri && p.range.start === decl.nameRange.start));
}

/** Occurrences in this document of the name under the cursor (document highlight). */
export function highlights(analysis: DocumentAnalysis, offset: number): { range: A.Range; isDeclaration: boolean }[] {
  const found = declAt(analysis.linked, offset);
  if (!found) return [];
  return analysis.linked.occurrences.filter((o) => sameDecl(o.decl, found.decl)).map((o) => ({ range: o.range, isDeclaration: o.isDeclaration }));
}
