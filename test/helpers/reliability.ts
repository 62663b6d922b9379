// Runs every layer that takes a document — parser, linker, checks, formatter and each editor feature — over
// one text, and checks what a user would notice: nothing throws, nothing takes a second, and every range,
// offset and edit lies inside the file it names.
import * as assert from "node:assert/strict";
import { parse } from "../../server/src/core/parser";
import { Program } from "../../server/src/core/program";
import { allFindings } from "../../server/src/analysis/analyse";
import { format, formatEdits, formatRangeEdits } from "../../server/src/format";
import type { DocumentAnalysis, WorkspaceView } from "../../server/src/features/analysis";
import { hover } from "../../server/src/features/hover";
import { complete } from "../../server/src/features/completion";
import { codeActions } from "../../server/src/features/code-actions";
import { codeLenses } from "../../server/src/features/code-lens";
import { documentLinks } from "../../server/src/features/document-links";
import { foldingRanges } from "../../server/src/features/folding";
import { inlayHints } from "../../server/src/features/inlay-hints";
import { definition, references, highlights } from "../../server/src/features/navigation";
import { prepareRename, rename } from "../../server/src/features/rename";
import { semanticTokens } from "../../server/src/features/semantic-tokens";
import { documentSymbols, workspaceSymbols } from "../../server/src/features/symbols";
import type { Random } from "../../bench/generate";
import { covenantLexer, KEYWORDS, UNIT_WORDS } from "../../server/src/core/tokens";
import { VALUES } from "../../server/src/core/statements";

export const TODAY = "2026-01-10";

/** One document in a set of files (its imports); offsets are probed at 0, the end and a few random places. */
export interface Case {
  uri: string;
  text: string;
  /** Other files by URI, readable through imports. */
  files?: Record<string, string>;
  random: Random;
  /** How many random offsets to probe with the position-based features. */
  probes?: number;
}

type TextOf = (uri: string) => string | undefined;

function checkRange(start: unknown, end: unknown, text: string, where: string): void {
  assert.ok(
    Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= text.length,
    `${where}: range [${String(start)}, ${String(end)}) is not inside the document (length ${text.length})`,
  );
}

/**
 * Walks plain data and checks every range (`start`/`end`), semantic token (`start`/`length`) and inlay
 * offset against the text of the file in scope; an object with a `uri` puts its own file in scope.
 */
export function assertRangesInside(value: unknown, textOf: TextOf, uri: string, where: string, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) assertRangesInside(v, textOf, typeof k === "string" && k.includes(":") ? k : uri, `${where}[${String(k)}]`, seen);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertRangesInside(v, textOf, uri, `${where}[${i}]`, seen));
    return;
  }
  const o = value as Record<string, unknown>;
  const here = typeof o.uri === "string" ? o.uri : uri;
  const text = textOf(here);
  if (text !== undefined) {
    if (typeof o.start === "number" && typeof o.end === "number") checkRange(o.start, o.end, text, where);
    else if (typeof o.start === "number" && typeof o.length === "number") checkRange(o.start, o.start + o.length, text, where);
    if (typeof o.offset === "number") checkRange(o.offset, o.offset, text, `${where}.offset`);
  }
  for (const [k, v] of Object.entries(o)) if (typeof v === "object") assertRangesInside(v, textOf, here, `${where}.${k}`, seen);
}

/** CPU milliseconds of this process: a busy machine slows the clock on the wall, not the work done. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Each layer must answer within a second of CPU, as an editor needs it to. */
export const LIMIT_MS = 1000;

function timed<T>(what: string, work: () => T, slowest: { ms: number; what: string }): T {
  const started = cpuMs();
  const result = work();
  const ms = cpuMs() - started;
  if (ms > slowest.ms) Object.assign(slowest, { ms, what });
  assert.ok(ms < LIMIT_MS, `${what} took ${Math.round(ms)} ms of CPU (limit ${LIMIT_MS} ms)`);
  return result;
}

export interface Exercised {
  /** The slowest layer and its CPU milliseconds. */
  slowest: { ms: number; what: string };
  analysis: DocumentAnalysis;
}

/** Runs everything over the case; throws an AssertionError naming the layer that misbehaved. */
export function exercise(c: Case): Exercised {
  const files = c.files ?? {};
  const textOf: TextOf = (u) => (u === c.uri ? c.text : files[u]);
  const slowest = { ms: 0, what: "" };
  const t = <T>(what: string, work: () => T): T => timed(what, work, slowest);
  const len = c.text.length;

  const parsed = t("parse", () => parse(c.text));
  assertRangesInside(parsed.file, textOf, c.uri, "parse.file");
  assertRangesInside(parsed.syntaxErrors, textOf, c.uri, "parse.syntaxErrors");
  for (const t of [...parsed.tokens, ...parsed.comments]) checkRange(t.startOffset, t.startOffset + t.image.length, c.text, `token '${t.image}'`);
  for (const s of parsed.statementStarts) checkRange(s, s, c.text, "statement start");

  const program = new Program({ read: (u) => files[u] });
  const linked = t("parse and link", () => program.linkText(c.uri, c.text));
  assertRangesInside(linked.builtins, textOf, c.uri, "link.builtins");
  assertRangesInside(linked.occurrences.map((o) => o.range), textOf, c.uri, "link.occurrences");
  for (const d of linked.decls) if (d.uri === c.uri) checkRange(d.nameRange.start, d.nameRange.end, c.text, `declaration ${d.kind} ${d.name}`);

  const findings = t("checks", () => allFindings(linked, { today: TODAY }));
  for (const f of findings) {
    assert.ok(!f.message.startsWith("internal error"), `${f.code} failed on this input: ${f.message}`);
    checkRange(f.range.start, f.range.end, c.text, `finding ${f.code}`);
    for (const e of f.fix?.edits ?? []) checkRange(e.start, e.end, c.text, `fix of ${f.code}`);
  }

  const formatted = t("format", () => format(c.text));
  if (!("error" in formatted)) assert.equal(typeof formatted.text, "string");
  assertRangesInside(t("formatEdits", () => formatEdits(c.text)), textOf, c.uri, "formatEdits");
  const a = Math.floor(c.random() * (len + 1));
  const b = Math.floor(c.random() * (len + 1));
  assertRangesInside(t("formatRangeEdits", () => formatRangeEdits(c.text, { start: Math.min(a, b), end: Math.max(a, b) })), textOf, c.uri, "formatRangeEdits");

  const analysis: DocumentAnalysis = { uri: c.uri, version: 1, text: c.text, linked, findings, today: TODAY };
  const workspace: WorkspaceView = {
    load: (u) => program.load(u),
    link: (u) => program.link(u),
    files: () => [c.uri, ...Object.keys(files)],
    resolveImport: (from, p) => program.resolveImport(from, p),
  };
  const whole = { start: 0, end: len };
  assertRangesInside(t("foldingRanges", () => foldingRanges(parsed, c.text)), textOf, c.uri, "foldingRanges");
  assertRangesInside(t("documentSymbols", () => documentSymbols(parsed.file)), textOf, c.uri, "documentSymbols");
  assertRangesInside(t("semanticTokens", () => semanticTokens(analysis)), textOf, c.uri, "semanticTokens");
  assertRangesInside(t("codeLenses", () => codeLenses(analysis)), textOf, c.uri, "codeLenses");
  assertRangesInside(t("documentLinks", () => documentLinks(analysis)), textOf, c.uri, "documentLinks");
  assertRangesInside(t("inlayHints", () => inlayHints(analysis, whole)), textOf, c.uri, "inlayHints");
  assertRangesInside(t("codeActions(whole)", () => codeActions(analysis, whole)), textOf, c.uri, "codeActions(whole)");
  assertRangesInside(t("workspaceSymbols", () => workspaceSymbols("", workspace)), textOf, c.uri, "workspaceSymbols");

  const offsets = [0, len, len >> 1];
  for (let i = 0; i < (c.probes ?? 3); i++) offsets.push(Math.floor(c.random() * (len + 1)));
  for (const at of offsets) {
    const where = (f: string): string => `${f}@${at}`;
    assertRangesInside(t(where("hover"), () => hover(analysis, at)), textOf, c.uri, where("hover"));
    assertRangesInside(t(where("complete"), () => complete(analysis, at)), textOf, c.uri, where("complete"));
    assertRangesInside(t(where("definition"), () => definition(analysis, at)), textOf, c.uri, where("definition"));
    assertRangesInside(t(where("references"), () => references(analysis, at, true, workspace)), textOf, c.uri, where("references"));
    assertRangesInside(t(where("highlights"), () => highlights(analysis, at)), textOf, c.uri, where("highlights"));
    assertRangesInside(t(where("prepareRename"), () => prepareRename(analysis, at)), textOf, c.uri, where("prepareRename"));
    assertRangesInside(t(where("rename"), () => rename(analysis, at, "renamed-x", workspace)), textOf, c.uri, where("rename"));
    assertRangesInside(t(where("codeActions"), () => codeActions(analysis, { start: at, end: at })), textOf, c.uri, where("codeActions"));
  }
  return { slowest, analysis };
}

// ---- inputs ----

export const WORDS: readonly string[] = [...KEYWORDS, ...UNIT_WORDS, ...Object.values(VALUES).flat(), "northwind", "acme", "ops", "acme.ops", "x-", "-x", "a--b", "Ünï"];
export const PUNCTUATION = ["{", "}", "{", "}", "{", "}", ",", ".", ";", "-", "->", "<", "<=", ">", ">=", "=", "%", "@", "#", "\\", "'"];
const LITERALS = [
  "5", "0", "1.5", "99.95", "99.95%", "140%", "00", "24x7", "2025-02-30", "2026-01-10", "9999-99-99", "2026-1-1", "09:00",
  "24:00", "9:00", "25:61", "\"x\"", "\"unterminated", "\"esc \\q\"", "\"\\\"\"", "\"\"", "// line\n", "/// doc\n", "/* block */",
  "/*", "*/", "東京", "é", "\u0000", "\uFEFF", "\u00A0", "\uD800", "\uDC00", "🙂", "\r", "\r\n",
];
const SEPARATORS = [" ", " ", " ", "\n", "\n  ", "", "\t", "\r\n"];

/** Words, punctuation and literals of the language in random order, about `size` characters. */
export function tokenSoup(random: Random, size: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const out: string[] = [];
  let n = 0;
  while (n < size) {
    const r = random();
    const t = r < 0.5 ? pick(WORDS) : r < 0.75 ? pick(PUNCTUATION) : pick(LITERALS);
    const s = pick(SEPARATORS);
    out.push(t, s);
    n += t.length + s.length;
  }
  return out.join("");
}

export type Mutation = "delete" | "duplicate" | "swap" | "truncate" | "bytes" | "utf8";
export const MUTATIONS: readonly Mutation[] = ["delete", "duplicate", "swap", "truncate", "bytes", "utf8"];

/** The sample with `count` mutations of the given kinds, chosen by `random`. */
export function mutate(text: string, kinds: readonly Mutation[], count: number, random: Random): string {
  const int = (n: number): number => Math.floor(random() * n);
  let out = text;
  for (let i = 0; i < count; i++) {
    const kind = kinds[int(kinds.length)];
    const lexed = covenantLexer.tokenize(out);
    const tokens = [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    const token = (): { start: number; end: number } => {
      const t = tokens[int(tokens.length)];
      return { start: t.startOffset, end: t.startOffset + t.image.length };
    };
    if (tokens.length === 0 && kind !== "bytes" && kind !== "utf8") continue;
    switch (kind) {
      case "delete": {
        const t = token();
        out = out.slice(0, t.start) + out.slice(t.end);
        break;
      }
      case "duplicate": {
        const t = token();
        out = out.slice(0, t.end) + " " + out.slice(t.start, t.end) + out.slice(t.end);
        break;
      }
      case "swap": {
        const [a, b] = [token(), token()].sort((x, y) => x.start - y.start);
        if (a.end > b.start) break;
        out = out.slice(0, a.start) + out.slice(b.start, b.end) + out.slice(a.end, b.start) + out.slice(a.start, a.end) + out.slice(b.end);
        break;
      }
      case "truncate":
        out = out.slice(0, int(out.length + 1));
        break;
      case "bytes": {
        const at = int(out.length + 1);
        const junk = Array.from({ length: 1 + int(8) }, () => String.fromCharCode(int(0x3000))).join("");
        out = out.slice(0, at) + junk + out.slice(at + int(4));
        break;
      }
      case "utf8": {
        // Corrupt the UTF-8 bytes and decode them as an editor would: with replacement characters.
        const bytes = Buffer.from(out, "utf8");
        for (let k = 0; k < 1 + int(6); k++) bytes[int(bytes.length)] = [0xff, 0xc3, 0xe2, 0x80, 0xf0][int(5)];
        const cut = random() < 0.3 ? int(bytes.length + 1) : bytes.length;
        out = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, cut));
        break;
      }
    }
  }
  return out;
}

