// Rename a party, person, role, board, ladder, service, tier (or sla, calendar, contract) everywhere it is
// named, across importing files; refuse a new name that is not a name or that would clash.
import type * as A from "../core/ast";
import type { Decl, Linked } from "../core/link";
import type { TextEdit } from "../core/findings";
import { Program } from "../core/program";
import type { DocumentAnalysis, WorkspaceView } from "./analysis";
import { declAt, filesInScope, linkedFor, occurrencesOf } from "./navigation";

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;

const WHAT: Record<Decl["kind"], string> = {
  contract: "contract", party: "party", person: "person", role: "role", calendar: "calendar", service: "service",
  sla: "sla", board: "board", ladder: "ladder", tier: "tier", step: "dispute step", matter: "matter",
};

export type PrepareResult = { range: A.Range; placeholder: string } | { error: string };

export function prepareRename(analysis: DocumentAnalysis, offset: number): PrepareResult | undefined {
  const found = declAt(analysis.linked, offset);
  if (!found) return undefined;
  if (found.decl.kind === "step") return { error: "A dispute step is a keyword of the language (mediation, arbitration…); it cannot be renamed." };
  const range = found.occurrence?.range ?? found.decl.nameRange;
  return { range, placeholder: analysis.text.slice(range.start, range.end) };
}

export type RenameResult = { changes: Map<string, TextEdit[]> } | { error: string };

export function rename(analysis: DocumentAnalysis, offset: number, newName: string, workspace?: WorkspaceView): RenameResult | undefined {
  const found = declAt(analysis.linked, offset);
  if (!found) return undefined;
  const decl = found.decl;
  if (decl.kind === "step") return { error: "A dispute step is a keyword of the language; it cannot be renamed." };
  if (!IDENTIFIER.test(newName)) {
    return { error: `'${newName}' is not a name: use letters, digits and '_', start with a letter, and join words with single '-' (ops-lead).` };
  }
  if (newName === decl.name) return { changes: new Map() };
  const files = filesInScope(decl, analysis, workspace);
  const clash = clashIn(decl, newName, files, analysis, workspace);
  if (clash) return { error: clash };

  const changes = new Map<string, TextEdit[]>();
  for (const place of occurrencesOf(decl, files, analysis, workspace)) {
    const list = changes.get(place.uri) ?? [];
    list.push({ start: place.range.start, end: place.range.end, text: newName });
    changes.set(place.uri, list);
  }
  const broken = newProblems(changes, files, analysis, workspace);
  if (broken) return { error: `Renaming '${decl.name}' to '${newName}' would break the contract: ${broken}` };
  return { changes };
}

/** A declaration of the same kind and scope that already has the new name, described for the user. */
function clashIn(decl: Decl, newName: string, files: readonly string[], analysis: DocumentAnalysis, workspace?: WorkspaceView): string | undefined {
  const what = WHAT[decl.kind];
  const taken = (where: string): string => `There is already a ${what} named '${newName}' ${where}.`;
  const container = decl.container?.node;
  // A block of a contract whose name is missing has no container; the REF002 check after the rename
  // (newProblems) still catches a clash there.
  if (!container && decl.kind !== "party" && decl.kind !== "calendar" && decl.kind !== "contract") return undefined;
  switch (decl.kind) {
    case "person":
      return (container as A.Party).people.some((p) => p.name?.text === newName) ? taken(`in party '${decl.container!.name}'`) : undefined;
    case "role":
      return (container as A.Party).roles.some((r) => r.name?.text === newName) ? taken(`in party '${decl.container!.name}'`) : undefined;
    case "sla":
      return (container as A.Service).slas.some((s) => s.name?.text === newName) ? taken(`in service '${decl.container!.name}'`) : undefined;
    case "tier":
      return (container as A.Escalation).tiers.some((t) => t.name?.text === newName) ? taken(`in ladder '${decl.container!.name}'`) : undefined;
    case "service":
      return (container as A.Contract).services.some((s) => s.name?.text === newName) ? taken("in this contract") : undefined;
    case "ladder":
      return (container as A.Contract).escalations.some((s) => s.name?.text === newName) ? taken("in this contract") : undefined;
    case "board":
      return ((container as A.Contract).governance?.boards ?? []).some((s) => s.name?.text === newName) ? taken("in this contract") : undefined;
    case "party":
    case "calendar":
    case "contract":
      for (const uri of files) {
        const linked = linkedFor(uri, analysis, workspace);
        if (linked && visibleNames(linked, decl.kind, workspace).has(newName)) return taken(`where '${decl.name}' is visible (${fileName(uri)})`);
      }
      return undefined;
  }
  return undefined;
}

/** Names of parties, calendars or contracts visible in a linked file: its own, its contracts' and its imports'. */
function visibleNames(linked: Linked, kind: "party" | "calendar" | "contract", workspace?: WorkspaceView): Set<string> {
  const names = new Set<string>();
  const files = [linked.file, ...linked.dependencies.map((d) => workspace?.load(d)).filter((f) => !!f)];
  for (const f of files) {
    const file = f!.parsed.file;
    const list = kind === "party" ? file.parties : kind === "calendar" ? file.calendars : file.contracts;
    for (const n of list) if (n.name) names.add(n.name.text);
  }
  if (kind === "party") for (const lc of linked.contracts) for (const p of lc.contract.parties) if (p.name) names.add(p.name.text);
  return names;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}

/** Applies the edits to copies of the files and links them again: a new REF error means the rename breaks something. */
function newProblems(changes: Map<string, TextEdit[]>, files: readonly string[], analysis: DocumentAnalysis, workspace?: WorkspaceView): string | undefined {
  const edited = new Map<string, string>();
  for (const [uri, edits] of changes) {
    const text = uri === analysis.uri ? analysis.text : workspace?.load(uri)?.text;
    if (text !== undefined) edited.set(uri, applyEdits(text, edits));
  }
  const scratch = new Program({ read: (uri) => edited.get(uri) ?? (uri === analysis.uri ? analysis.text : workspace?.load(uri)?.text) });
  for (const uri of files) {
    const before = linkedFor(uri, analysis, workspace);
    const after = scratch.link(uri);
    if (!before || !after) continue;
    const count = (l: Linked): Map<string, number> => {
      const m = new Map<string, number>();
      for (const f of l.builtins) if (f.code.startsWith("REF")) m.set(f.code, (m.get(f.code) ?? 0) + 1);
      return m;
    };
    const b = count(before);
    for (const [code, n] of count(after)) {
      if (n > (b.get(code) ?? 0)) {
        const f = after.builtins.find((x) => x.code === code && !before.builtins.some((y) => y.code === code && y.message === x.message));
        return f ? `${f.message} (${code} in ${fileName(uri)})` : `it adds a ${code} error in ${fileName(uri)}`;
      }
    }
  }
  return undefined;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

