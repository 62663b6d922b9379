// Finding what stands at an offset: a name that refers to a declaration, or a finding.
import type { Decl, Linked, Occurrence } from "../core/link";
import type { Finding } from "../core/findings";

/** The name at `offset` that refers to a declaration (or is one); a name under the cursor wins over one just before it. */
export function occurrenceAt(linked: Linked, offset: number): Occurrence | undefined {
  let after: Occurrence | undefined;
  for (const o of linked.occurrences) {
    if (o.range.start <= offset && offset < o.range.end) return o;
    if (o.range.end === offset) after = o;
  }
  return after;
}

/** Findings whose range holds `offset`. */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((f) => f.range.start <= offset && (offset < f.range.end || (f.range.start === f.range.end && offset === f.range.start)));
}

/** The same declaration seen from two links (each link makes its own Decl objects): same file, same name position. */
export function sameDecl(a: Pick<Decl, "uri" | "nameRange">, b: Pick<Decl, "uri" | "nameRange">): boolean {
  return a.uri === b.uri && a.nameRange.start === b.nameRange.start;
}
