// Document links: a person's email opens a mail, an import's path opens the imported file.
import type { Range } from "../core/ast";
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
  return links.sort((a, b) => a.range.start - b.range.start);
}
