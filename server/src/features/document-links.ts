// Document links: a person's email opens a mail, an import's path opens the imported file, a log's
// evidence path and measurements file open the file beside the log.
import type { Range, Str } from "../core/ast";
import { resolveRelative } from "../core/link";
import type { DocumentAnalysis } from "./analysis";

export interface LinkData {
  range: Range;
  target: string;
  tooltip: string;
}

const EMAIL = /^[^\s@"]+@[^\s@"]+$/;

export function documentLinks(analysis: DocumentAnalysis): LinkData[] {
  const links: LinkData[] = [];
  const file = analysis.linked.file.parsed.file;
  for (const imp of analysis.linked.imports) {
    const path = imp.node.path;
    // Only files that exist: a link to a missing file would open an empty editor.
    if (!path || !imp.target || !analysis.linked.dependencies.includes(imp.target)) continue;
    links.push({ range: { start: path.range.start + 1, end: Math.max(path.range.start + 1, path.range.end - 1) }, target: imp.target, tooltip: "Open the imported file" });
  }
  const parties = [...file.parties, ...file.contracts.flatMap((c) => c.parties)];
  for (const party of parties) {
    for (const person of party.people) {
      const email = person.email;
      if (!email || !EMAIL.test(email.value)) continue;
      links.push({ range: { start: email.range.start + 1, end: email.range.end - 1 }, target: `mailto:${email.value}`, tooltip: `Write to ${person.label?.value ?? person.name?.text ?? email.value}` });
    }
  }
  const unquoted = (str: Str): Range => ({ start: str.range.start + 1, end: Math.max(str.range.start + 1, str.range.end - 1) });
  for (const log of analysis.linked.logs) {
    // Evidence links (http, https, mailto) are left to the editor's own URL detection; a missing file gets MAT009, not a link.
    for (const [item, exists] of log.evidence) {
      const target = exists ? resolveRelative(log.uri, item.value) : undefined;
      if (target) links.push({ range: unquoted(item), target, tooltip: "Open the evidence" });
    }
    const unread = new Set(analysis.linked.builtins.filter((f) => f.code === "REF004" && f.uri === analysis.uri).map((f) => f.range.start));
    for (const f of log.log.measurementFiles) {
      const target = f.path && !unread.has(f.path.range.start) ? resolveRelative(log.uri, f.path.value) : undefined;
      if (f.path && target) links.push({ range: unquoted(f.path), target, tooltip: "Open the measurements" });
    }
  }
  return links.sort((a, b) => a.range.start - b.range.start);
}
