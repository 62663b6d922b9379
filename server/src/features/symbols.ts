// The outline of a file (contract > parties > people and roles, services > SLAs, boards, ladders > tiers,
// dispute steps; a log > matters > events) and the workspace's symbols for "go to symbol in workspace".
import type * as A from "../core/ast";
import type { CovenantFile } from "../core/ast";
import type { WorkspaceView } from "./analysis";

export type SymbolKindName =
  | "contract" | "party" | "person" | "role" | "calendar" | "service" | "sla" | "board" | "ladder" | "tier"
  | "step" | "block" | "log" | "matter" | "event";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole declaration. */
  range: A.Range;
  /** The name (or keyword) to reveal. */
  selection: A.Range;
  children: OutlineSymbol[];
}

function sym(kind: SymbolKindName, node: { range: A.Range; keyword: A.Range }, name: A.Name | undefined, detail: string | undefined, children: OutlineSymbol[] = []): OutlineSymbol {
  const selection = name?.range ?? node.keyword;
  // A recovered node can end before its name; the outline needs the name inside the range.
  const range = { start: Math.min(node.range.start, selection.start), end: Math.max(node.range.end, selection.end) };
  return { name: name?.text ?? "(unnamed)", detail, kind, range, selection, children };
}

function party(p: A.Party): OutlineSymbol {
  const people = p.people.map((x) => sym("person", x, x.name, [x.label?.value, x.title?.value].filter(Boolean).join(" · ") || undefined));
  const roles = p.roles.map((r) => sym("role", r, r.name, [r.label?.value, r.level?.text].filter(Boolean).join(" · ") || undefined));
  const children = [...people, ...roles].sort((a, b) => a.range.start - b.range.start);
  return sym("party", p, p.name, [p.label?.value, p.side?.text].filter(Boolean).join(" · ") || undefined, children);
}

function calendar(c: A.Calendar): OutlineSymbol {
  return sym("calendar", c, c.name ?? { text: "calendar", range: c.keyword }, c.timezone?.value);
}

function contract(c: A.Contract): OutlineSymbol {
  const children: OutlineSymbol[] = [];
  if (c.calendar) children.push(calendar(c.calendar));
  for (const p of c.parties) children.push(party(p));
  for (const s of c.services) {
    children.push(sym("service", s, s.name, [s.label?.value, s.criticality?.text].filter(Boolean).join(" · ") || undefined, s.slas.map((x) => sym("sla", x, x.name, x.label?.value))));
  }
  for (const b of c.governance?.boards ?? []) children.push(sym("board", b, b.name, [b.label?.value, b.meets?.text].filter(Boolean).join(" · ") || undefined));
  for (const e of c.escalations) {
    const applies = e.appliesTo.map((a) => `${a.dimension?.text ?? ""} ${a.level?.text ?? ""}`.trim()).filter(Boolean);
    const tiers = e.tiers.map((t) => sym("tier", t, t.name, [t.level?.text, t.within?.text].filter(Boolean).join(" · ") || undefined));
    children.push(sym("ladder", e, e.name, [e.label?.value, applies.length > 0 ? `for ${applies.join(", ")}` : undefined].filter(Boolean).join(" · ") || undefined, tiers));
  }
  if (c.dispute) {
    const steps = c.dispute.steps.map((s) => sym("step", s, { text: s.step, range: s.keyword }, s.provider?.value ?? s.rules?.value));
    children.push(sym("block", c.dispute, { text: "dispute", range: c.dispute.keyword }, c.dispute.ladder ? `ladder ${c.dispute.ladder.text}` : undefined, steps));
  }
  for (const b of [c.responsibilities, c.continuity, c.records, c.earlyWarning, c.changeControl, c.keyPersonnel, c.termination]) {
    if (b) children.push(sym("block", b, { text: b.kind, range: b.keyword }, undefined));
  }
  children.sort((a, b) => a.range.start - b.range.start);
  return sym("contract", c, c.name, c.label?.value, children);
}

/** `2025-11-03 10:00` as written; a moment cut short by an error shows what is there. */
function momentWritten(m: A.Moment | undefined): string {
  return m ? [m.date.text, m.time?.text].filter(Boolean).join(" ") : "(no moment)";
}

/** What an event is about, for the outline's detail: its tier, board, step or words. */
function eventDetail(e: A.MatterEvent): string | undefined {
  const about = e.to?.text ?? e.at?.text ?? e.step?.text ?? e.form?.text;
  return [about && (e.event === "escalated" ? `to ${about}` : e.event === "meeting" ? `at ${about}` : about), e.text?.value].filter(Boolean).join(" · ") || undefined;
}

function matter(m: A.Matter): OutlineSymbol {
  const events = m.events.map((e): OutlineSymbol => {
    const selection = e.keyword;
    const range = { start: Math.min(e.range.start, selection.start), end: Math.max(e.range.end, selection.end) };
    return { name: `${e.event} ${momentWritten(e.moment)}`, detail: eventDetail(e), kind: "event", range, selection, children: [] };
  });
  return sym("matter", m, m.name, m.label?.value, events);
}

function log(l: A.Log): OutlineSymbol {
  return sym("log", l, l.name, "log", l.matters.map(matter));
}

export function documentSymbols(file: CovenantFile): OutlineSymbol[] {
  const out = [...file.contracts.map(contract), ...file.parties.map(party), ...file.calendars.map(calendar), ...file.logs.map(log)];
  return out.sort((a, b) => a.range.start - b.range.start);
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKindName;
  uri: string;
  range: A.Range;
  container?: string;
}

/** Letters of the query in order, case-insensitive ("nwops" finds "northwind-ops"). */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(query: string, workspace: WorkspaceView, limit = 500): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const visit = (s: OutlineSymbol, uri: string, container: string | undefined): void => {
    // A log is named after its contract and an event after its moment: neither is a name to search for.
    const named = s.kind !== "block" && s.kind !== "log" && s.kind !== "event";
    if (named && fuzzyMatch(query, s.name)) out.push({ name: s.name, kind: s.kind, uri, range: s.selection, container });
    if (s.kind === "event") return;
    for (const c of s.children) visit(c, uri, s.kind === "block" ? container : s.kind === "log" ? `log ${s.name}` : s.name);
  };
  for (const uri of workspace.files()) {
    const f = workspace.load(uri);
    if (!f) continue;
    for (const s of documentSymbols(f.parsed.file)) visit(s, uri, undefined);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
