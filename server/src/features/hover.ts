// Hover: what a name stands for (people, roles, ladders with their path…), durations in business terms,
// `///` documentation, and why a finding under the cursor matters.
import type * as A from "../core/ast";
import type { Decl, LinkedContract } from "../core/link";
import type { Finding } from "../core/findings";
import { allRules } from "../analysis/rules";
import type { DocumentAnalysis } from "./analysis";
import { contractAt } from "./analysis";
import { describeCalendarDecl, describeDurationValue, describeParty, describePerson, describeRole, findParty, findPerson, findRole, ownerContract } from "./describe";
import { escapeMarkdown, elapsedText, ladderPath, personLabel } from "./ladder";
import { escalationGraphWithFindings } from "./escalation-graph";
import { ladderToMarkdown } from "../simulate/render";
import { findingsAt, occurrenceAt, sameDecl } from "./locate";
import { logHover } from "./log-hover";

export interface HoverResult {
  markdown: string;
  range: A.Range;
}

export function explainFinding(f: Finding): string {
  const rule = allRules().find((r) => r.code === f.code);
  return rule ? `**${f.code}** — ${rule.title}\n\n${rule.explanation}` : `**${f.code}**`;
}

export function hover(analysis: DocumentAnalysis, offset: number): HoverResult | undefined {
  const linked = analysis.linked;
  const parts: string[] = [];
  let range: A.Range | undefined;

  const occ = occurrenceAt(linked, offset);
  const stepDecl = occ ? undefined : linked.decls.find((d) => d.kind === "step" && d.nameRange.start <= offset && offset < d.nameRange.end);
  const decl = occ?.decl ?? stepDecl;
  const logged = logHover(analysis, offset);
  if (logged) {
    parts.push(logged.markdown);
    range = logged.range;
  } else if (decl) {
    const text = describeDecl(analysis, decl, contractAt(analysis, offset));
    if (text) {
      parts.push(text);
      range = occ?.range ?? decl.nameRange;
    }
  } else {
    const duration = linked.file.parsed.values.find((v): v is A.Duration => v.kind === "duration" && v.range.start <= offset && offset < v.range.end);
    const imp = linked.imports.find((i) => i.node.path && i.node.path.range.start <= offset && offset < i.node.path.range.end);
    if (duration) {
      parts.push(describeDurationValue(duration, contractAt(analysis, offset)));
      range = duration.range;
    } else if (imp?.node.path) {
      const target = imp.target;
      const found = target ? linked.dependencies.includes(target) : false;
      parts.push(`**import** \`${escapeMarkdown(imp.node.path.value)}\`\n\n${target ? (found ? `${escapeMarkdown(decodeURIComponent(target))}` : `${escapeMarkdown(decodeURIComponent(target))} *(cannot be read)*`) : "*(cannot be resolved)*"}`);
      range = imp.node.path.range;
    }
  }

  const findings = findingsAt(analysis.findings, offset);
  if (findings.length > 0) {
    const seen = new Set<string>();
    for (const f of findings) {
      if (seen.has(f.code)) continue;
      seen.add(f.code);
      parts.push(explainFinding(f));
    }
    range ??= findings[0].range;
  }
  if (parts.length === 0 || !range) return undefined;
  return { markdown: parts.join("\n\n---\n\n"), range };
}

function sidesOf(analysis: DocumentAnalysis, decl: Decl): string[] {
  const out: string[] = [];
  for (const lc of analysis.linked.contracts) {
    const name = lc.contract.name?.text ?? "";
    if (lc.customer && sameDecl(lc.customer.decl, decl)) out.push(`customer in \`${name}\``);
    if (lc.supplier && sameDecl(lc.supplier.decl, decl)) out.push(`supplier in \`${name}\``);
  }
  return out;
}

function describeDecl(analysis: DocumentAnalysis, decl: Decl, here: LinkedContract | undefined): string | undefined {
  const linked = analysis.linked;
  const today = analysis.today;
  const lc = ownerContract(linked, decl) ?? here;
  const containerName = (d: Decl | undefined): string | undefined => {
    if (!d) return undefined;
    const party = d.node as A.Party;
    return party.label?.value ?? d.name;
  };
  switch (decl.kind) {
    case "person":
      return describePerson(decl.node as A.Person, containerName(decl.container), findPerson(linked, decl), today);
    case "role":
      return describeRole(decl.node as A.Role, containerName(decl.container), findRole(linked, decl), today);
    case "party":
      return describeParty(decl.node as A.Party, findParty(linked, decl), sidesOf(analysis, decl));
    case "ladder":
      return lc ? ladderMarkdown(analysis, lc, decl.node as A.Escalation) : undefined;
    case "tier":
      return lc ? describeTier(lc, decl, today) : undefined;
    case "board":
      return describeBoard(decl.node as A.Board, lc);
    case "service":
      return describeService(decl.node as A.Service, lc);
    case "sla":
      return describeSla(decl.node as A.Sla);
    case "contract":
      return describeContract(decl.node as A.Contract, linked.contracts.find((c) => c.contract === decl.node));
    case "calendar":
      return describeCalendarDecl(undefined, decl.node as A.Calendar);
    case "step":
      return describeStep(decl.node as A.DisputeStep);
  }
}

/** The ladder's path as the preview draws it (the simulator's graph), with its `///` documentation. */
export function ladderMarkdown(analysis: DocumentAnalysis, lc: LinkedContract, ladder: A.Escalation): string | undefined {
  const graph = escalationGraphWithFindings(analysis.linked, analysis.today, analysis.findings);
  const contract = graph.contracts.find((c) => c.name === lc.contract.name?.text);
  const g = contract?.ladders.find((l) => l.declaration.start === ladder.range.start) ?? contract?.ladders.find((l) => l.name === ladder.name?.text);
  if (!g) return undefined;
  return [ladderToMarkdown(g, analysis.today).trimEnd(), ...(ladder.doc ? ["", ladder.doc] : [])].join("\n");
}

function describeTier(lc: LinkedContract, decl: Decl, today: string): string {
  const ladder = decl.container?.node as A.Escalation;
  const path = ladderPath(lc, ladder, today);
  const i = path.tiers.findIndex((t) => t.tier === decl.node);
  const t = path.tiers[i];
  if (!t) return `**tier \`${decl.name}\`**`;
  const who = (c: typeof t.customer): string =>
    !c ? "—" : !c.role ? `\`${c.written}\`` : c.unreachable ? `\`${c.written}\` — no one answers` : `${escapeMarkdown(personLabel(c.person))}${c.standIn ? " (deputy standing in)" : ""} — \`${c.written}\``;
  return [
    `**Tier ${i + 1} of ${path.tiers.length}** \`${t.name}\` in ladder \`${path.name}\`${t.level ? ` — ${t.level} level` : ""}`,
    "",
    `Customer: ${who(t.customer)}  `,
    `Supplier: ${who(t.supplier)}  `,
    `Within: ${t.within?.text ?? "**no limit**"}${t.elapsed ? ` · deadline ${elapsedText(t.elapsed)} after the start` : ""}`,
    ...(t.tier.forum ? [`Forum: board \`${t.tier.forum.text}\``] : []),
  ].join("\n");
}

function describeBoard(b: A.Board, lc: LinkedContract | undefined): string {
  const members = b.members.map((m) => {
    const role = lc?.roleOf.get(m);
    const written = m.party ? `${m.party.text}.${m.name.text}` : m.name.text;
    return role ? `\`${written}\` ${escapeMarkdown(role.role.label?.value ?? "")}` : `\`${written}\``;
  });
  return [
    `**${escapeMarkdown(b.label?.value ?? b.name?.text ?? "")}** · board \`${b.name?.text ?? ""}\``,
    "",
    `Meets: ${b.meets?.text ?? "**no cadence**"}  `,
    `Members: ${members.length > 0 ? members.join(", ") : "none"}  `,
    `Minutes: ${b.minutes?.by ? `by \`${b.minutes.by.name.text}\` within ${b.minutes.within?.text ?? "?"}` : "**no one keeps minutes**"}`,
    ...(b.doc ? ["", b.doc] : []),
  ].join("\n");
}

function describeService(s: A.Service, lc: LinkedContract | undefined): string {
  const crit = s.criticality?.text;
  const expedited = crit && lc ? [...lc.ladders.values()].find((l) => l.appliesTo.some((a) => a.dimension?.text === "criticality" && a.level?.text === crit)) : undefined;
  return [
    `**${escapeMarkdown(s.label?.value ?? s.name?.text ?? "")}** · service \`${s.name?.text ?? ""}\`${crit ? ` — ${crit}` : ""}`,
    "",
    `Owner: ${s.owner ? `\`${s.owner.party ? s.owner.party.text + "." : ""}${s.owner.name.text}\`` : "none"}  `,
    `Service levels: ${s.slas.length > 0 ? s.slas.map((x) => `\`${x.name?.text ?? "?"}\``).join(", ") : "none"}` + (expedited ? "  " : ""),
    ...(expedited ? [`Escalates by the expedited ladder \`${expedited.name?.text}\`.`] : []),
    ...(s.doc ? ["", s.doc] : []),
  ].join("\n");
}

function describeSla(s: A.Sla): string {
  const lines = [`**${escapeMarkdown(s.label?.value ?? s.name?.text ?? "")}** · sla \`${s.name?.text ?? ""}\``, ""];
  for (const m of s.metrics) lines.push(`- ${escapeMarkdown(m.label?.value ?? "")} ${m.comparator?.text ?? ""} ${m.target?.text ?? ""}`);
  const facts: string[] = [];
  if (s.window) facts.push(`window ${s.window.text}`);
  if (s.coverage) facts.push(`coverage ${s.coverage.text}`);
  if (s.credits.length > 0) facts.push(`${s.credits.length} credit${s.credits.length === 1 ? "" : "s"}${s.cap ? ` capped at ${s.cap.text}` : ""}`);
  if (s.chronics.length > 0) facts.push("chronic-breach remedy");
  if (facts.length > 0) lines.push("", facts.join(" · "));
  return [...lines, ...(s.doc ? ["", s.doc] : [])].join("\n");
}

function describeContract(c: A.Contract, lc: LinkedContract | undefined): string {
  const side = (p: LinkedContract["customer"]): string => (p ? `${escapeMarkdown(p.party.label?.value ?? p.decl.name)} (\`${p.decl.name}\`)` : "**none**");
  return [
    `**${escapeMarkdown(c.label?.value ?? c.name?.text ?? "")}** · contract \`${c.name?.text ?? ""}\`${c.contractKind ? ` — ${c.contractKind.text}` : ""}`,
    "",
    `Customer: ${side(lc?.customer)}  `,
    `Supplier: ${side(lc?.supplier)}` + (c.effective || c.term ? "  " : ""),
    ...(c.effective || c.term ? [[c.effective ? `effective ${c.effective.text}` : "", c.term ? `term ${c.term.text}` : ""].filter(Boolean).join(", ")] : []),
    ...(c.doc ? ["", c.doc] : []),
  ].join("\n");
}

function describeStep(s: A.DisputeStep): string {
  const facts: string[] = [];
  if (s.provider) facts.push(`provider ${escapeMarkdown(s.provider.value)}`);
  if (s.rules) facts.push(`rules ${escapeMarkdown(s.rules.value)}`);
  if (s.seat) facts.push(`seat ${escapeMarkdown(s.seat.value)}`);
  if (s.courts) facts.push(`courts ${escapeMarkdown(s.courts.value)}`);
  if (s.start) facts.push(`starts within ${s.start.text}`);
  if (s.decide) facts.push(`decides within ${s.decide.text}`);
  return [`**Dispute step** \`${s.step}\``, ...(facts.length > 0 ? ["", facts.join(" · ")] : [])].join("\n");
}
