// The expectation runner: compares a file's findings with its `// expect: CODE ...` comments
// (spec/README.md): each listed code must have a finding whose range starts on that line, every finding
// must be listed on its line, and a file with no expect comment must produce no finding at all.
import * as fs from "node:fs";
import * as path from "node:path";
import { isBuiltinCode, type Finding } from "../../server/src/core/findings";
import type { Linked } from "../../server/src/core/link";
import { Program } from "../../server/src/core/program";
import { allFindings, AnalysisOptions } from "../../server/src/analysis/analyse";
import { diskHost, toUri } from "../../server/src/cli/files";

/** The analysis date of the spec's examples. */
export const EXAMPLES_TODAY = "2026-01-10";

const EXPECT = /^\/\/\s*expect:\s*(.*?)\s*$/;
/** `// checks: ESC001 ESC005`: the fixture is about these checks only; other checks' findings are not compared. */
const CHECKS = /^\/\/\s*checks:\s*(.*?)\s*$/;
const CODE = /^[A-Z]{3}\d{3}$/;

/** 1-based line of each offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** The codes each line expects, read from the file's line comments (not from strings). */
export function expectations(linked: Linked): { byLine: Map<number, Set<string>>; problems: string[] } {
  const byLine = new Map<number, Set<string>>();
  const problems: string[] = [];
  const text = linked.file.text;
  for (const c of linked.file.parsed.comments) {
    const m = EXPECT.exec(c.image);
    if (!m) continue;
    const line = lineOf(text, c.startOffset);
    const codes = m[1].split(/[\s,]+/).filter((s) => s !== "");
    const bad = codes.filter((s) => !CODE.test(s));
    if (codes.length === 0 || bad.length > 0) problems.push(`line ${line}: malformed expect comment '${c.image}'`);
    const set = byLine.get(line) ?? new Set<string>();
    for (const code of codes) if (CODE.test(code)) set.add(code);
    byLine.set(line, set);
  }
  return { byLine, problems };
}

/**
 * The checks a fixture is about, from its `// checks:` comments; undefined when it has none (then every
 * finding is compared). Built-in errors (SYN, REF, VAL) are always compared: a fixture must be valid text.
 */
export function checksOf(linked: Linked): { codes?: Set<string>; problems: string[] } {
  let codes: Set<string> | undefined;
  const problems: string[] = [];
  for (const c of linked.file.parsed.comments) {
    const m = CHECKS.exec(c.image);
    if (!m) continue;
    const listed = m[1].split(/[\s,]+/).filter((s) => s !== "");
    if (listed.length === 0 || listed.some((s) => !CODE.test(s))) problems.push(`line ${lineOf(linked.file.text, c.startOffset)}: malformed checks comment '${c.image}'`);
    codes ??= new Set();
    for (const code of listed) if (CODE.test(code)) codes.add(code);
  }
  return { codes, problems };
}

/** Every way the findings differ from the comments, one line each; empty when they match. */
export function compare(linked: Linked, all: readonly Finding[]): string[] {
  const { byLine, problems } = expectations(linked);
  const about = checksOf(linked);
  problems.push(...about.problems);
  const findings = about.codes ? all.filter((f) => isBuiltinCode(f.code) || about.codes!.has(f.code)) : all;
  if (about.codes) {
    for (const [line, codes] of byLine) {
      const outside = [...codes].filter((c) => !isBuiltinCode(c) && !about.codes!.has(c));
      if (outside.length > 0) problems.push(`line ${line}: expects ${outside.join(" ")}, which the checks comment leaves out`);
    }
  }
  const text = linked.file.text;
  const got = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.uri !== linked.uri) continue;
    const line = lineOf(text, f.range.start);
    got.set(line, [...(got.get(line) ?? []), f]);
  }
  const out = [...problems];
  for (const line of [...new Set([...byLine.keys(), ...got.keys()])].sort((a, b) => a - b)) {
    const want = byLine.get(line) ?? new Set<string>();
    const here = got.get(line) ?? [];
    const codes = new Set(here.map((f) => f.code));
    const missing = [...want].filter((c) => !codes.has(c)).sort();
    const unexpected = here.filter((f) => !want.has(f.code));
    if (missing.length > 0) out.push(`line ${line}: missing ${missing.join(" ")}`);
    for (const f of unexpected) out.push(`line ${line}: unexpected ${f.code} ${f.message}`);
  }
  return out;
}

/** Links a file from disk (its imports too) and analyses it. */
export function analyseFile(file: string, options: AnalysisOptions = { today: EXAMPLES_TODAY }, program = new Program(diskHost)): { linked: Linked; findings: Finding[] } {
  const linked = program.link(toUri(file));
  if (!linked) throw new Error(`cannot read ${file}`);
  return { linked, findings: allFindings(linked, options) };
}

/** Every `.covenant` file below a folder, sorted. */
export function covenantFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...covenantFiles(full));
    else if (e.name.endsWith(".covenant")) out.push(full);
  }
  return out;
}
