// The TextMate grammar, run by the same engine VS Code uses (vscode-textmate on Oniguruma).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { BLOCK_STATEMENTS } from "../../server/src/core/statements";

const root = path.resolve(__dirname, "../../..");

interface Token {
  text: string;
  scopes: string[];
}

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(root, "node_modules/vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== "source.covenant") return null;
      const file = path.join(root, "grammar/covenant.tmLanguage.json");
      return textmate.parseRawGrammar(readFileSync(file, "utf8"), file);
    },
  });
  const loaded = await registry.loadGrammar("source.covenant");
  if (!loaded) throw new Error("grammar source.covenant did not load");
  grammar = loaded;
});

/** Tokens per line, carrying the rule stack across lines as the editor does. */
function tokenize(text: string): Token[][] {
  let stack = textmate.INITIAL;
  return text.split("\n").map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

function line(text: string): Token[] {
  return tokenize(text)[0];
}

/** The token whose text is exactly `text` (the first one, or the `nth`). */
function token(tokens: Token[], text: string, nth = 0): Token {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found[nth], `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found[nth];
}

function hasScope(t: Token, prefix: string): boolean {
  return t.scopes.some((s) => s === prefix || s.startsWith(prefix + "."));
}

function assertScope(t: Token, prefix: string): void {
  assert.ok(hasScope(t, prefix), `${JSON.stringify(t.text)} has ${t.scopes.join(" ")}, expected ${prefix}`);
}

function assertNoScope(t: Token, prefix: string): void {
  assert.ok(!hasScope(t, prefix), `${JSON.stringify(t.text)} has ${t.scopes.join(" ")}, expected no ${prefix}`);
}

describe("TextMate grammar", () => {
  it("highlights every statement word the parser knows, at the start of a statement", () => {
    // One source of truth for the language is the parser's vocabulary: the grammar must not fall behind it.
    // What follows the word is what the grammar expects there (`minutes` is a unit after a number).
    const after: Record<string, string> = { hours: "09:00-17:00", minutes: "by x within 2 business days", assess: "by x within 1 day", emergency: "by x within 1 day", review: "at x", approve: "at x", respond: "within 1 day", "for-cause": "cure 1 day", "for-convenience": "notice 1 day", "exit-plan": "due 1 day", "data-return": "within 1 day", start: "within 1 day", decide: "within 1 day" };
    for (const words of Object.values(BLOCK_STATEMENTS)) {
      for (const word of words) {
        const tokens = tokenize(`contract c {\n  ${word} ${after[word] ?? "x"}\n}`)[1];
        assertScope(token(tokens, word), "keyword");
      }
    }
  });

  it("is generated from scripts/build-grammar.mjs and up to date", () => {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/build-grammar.mjs"), "--check"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
  });

  it("highlights a tier's keyword and its name, even when the name is a keyword elsewhere", () => {
    const tokens = line("tier operational {");
    assertScope(token(tokens, "tier"), "keyword");
    assertScope(token(tokens, "operational"), "entity.name");
    assertNoScope(token(tokens, "operational"), "keyword");
    assertScope(token(tokens, "{"), "punctuation.section.block.begin");
  });

  it("shows a level word as a value after `level` and as a name after `customer`", () => {
    const role = line("role ops { holder jlee level operational }");
    assertScope(token(role, "operational"), "constant.language");
    const tier = line("tier review { customer monthly supplier acme.review within 1 business day }");
    assertScope(token(tier, "review"), "entity.name");
    assertScope(token(tier, "monthly"), "variable");
    assertNoScope(token(tier, "monthly"), "constant");
    assertScope(token(tier, "supplier"), "keyword");
    assertScope(token(tier, "review", 1), "variable");
    assertScope(token(tier, "within"), "keyword");
  });

  it("highlights statement keywords at the start of statements and values in their place", () => {
    const lines = tokenize(
      [
        "window monthly",
        "criticality critical",
        "coverage 24x7",
        "services continue",
        "applies-to severity critical",
        "then mediation",
      ].join("\n"),
    );
    assertScope(token(lines[0], "window"), "keyword");
    assertScope(token(lines[0], "monthly"), "constant.language");
    assertScope(token(lines[1], "critical"), "constant.language");
    assertScope(token(lines[2], "24x7"), "constant.language");
    assertScope(token(lines[3], "continue"), "constant.language");
    assertScope(token(lines[4], "severity"), "keyword");
    assertScope(token(lines[4], "critical"), "constant.language");
    assertScope(token(lines[5], "mediation"), "constant.language");
  });

  it("reads a string with an escaped quote as one string, and ends it at the real quote", () => {
    const tokens = line('title "a \\" b" email "c\\\\" left 2025-12-24');
    const inside = tokens.slice(1, tokens.findIndex((t) => t.text === "email"));
    for (const t of inside.filter((t) => t.text.trim())) assertScope(t, "string.quoted.double");
    assertScope(token(tokens, '\\"'), "constant.character.escape");
    assertScope(token(tokens, "email"), "keyword");
    assertScope(token(tokens, "\\\\"), "constant.character.escape");
    assertScope(token(tokens, "left"), "keyword");
    assertNoScope(token(tokens, "left"), "string");
  });

  it("ends an unclosed string with its line", () => {
    const lines = tokenize('law "England\nkind saas');
    assertScope(token(lines[1], "kind"), "keyword");
  });

  it("shows line, block and documentation comments as comments", () => {
    const lines = tokenize(
      ["kind saas // expect: REF001", "/// The contract.", "/* a block", "   tier x { */ kind other"].join("\n"),
    );
    assertScope(token(lines[0], " expect: REF001"), "comment.line.double-slash");
    assertScope(token(lines[1], " The contract."), "comment.line.triple-slash.documentation");
    assertScope(token(lines[2], " a block"), "comment.block");
    assertScope(token(lines[3], "   tier x { "), "comment.block");
    assertScope(token(lines[3], "kind"), "keyword");
  });

  it("shows numbers, percentages, dates, times and durations as constants", () => {
    const lines = tokenize(
      [
        'metric "Availability" >= 99.95%',
        "effective 2025-12-24",
        "hours 09:00-17:00",
        "within 5 business days",
        "term 1 month",
        "arbitrators 3",
      ].join("\n"),
    );
    assertScope(token(lines[0], "99.95"), "constant.numeric");
    assertScope(token(lines[0], "%"), "constant.numeric");
    assertScope(token(lines[0], ">="), "keyword.operator.comparison");
    assertScope(token(lines[1], "2025-12-24"), "constant.numeric.date");
    assertScope(token(lines[2], "hours"), "keyword");
    assertScope(token(lines[2], "09:00"), "constant.numeric.time");
    assertScope(token(lines[2], "17:00"), "constant.numeric.time");
    assertScope(token(lines[3], "5"), "constant.numeric");
    assertScope(token(lines[3], "business days"), "keyword.other.unit");
    assertScope(token(lines[3], "business days"), "meta.duration");
    assertScope(token(lines[4], "month"), "keyword.other.unit");
    assertScope(token(lines[5], "3"), "constant.numeric");
  });

  it("marks a one-digit hour as invalid, as the parser does", () => {
    assertScope(token(line("hours 9:00-17:00"), "9:00"), "invalid.illegal");
  });

  it("keeps dashed names whole and splits `months->terminate` before the arrow", () => {
    const holder = line("role lead { holder ops-lead }");
    assertScope(token(holder, "ops-lead"), "variable");
    const workdays = line("workdays mon-fri");
    assertScope(token(workdays, "mon-fri"), "constant.language.day");
    const chronic = line("chronic 3 breaches within 6 months->terminate");
    assertScope(token(chronic, "months"), "keyword.other.unit");
    assertScope(token(chronic, "->"), "keyword.operator.arrow");
    assertScope(token(chronic, "terminate"), "constant.language");
    const board = line("forum ops-review");
    assertScope(token(board, "ops-review"), "variable.other.board");
    assertNoScope(token(board, "ops-review"), "keyword");
  });

  it("splits a qualified reference into party, dot and name", () => {
    const tokens = line("members northwind.ops, acme.ops");
    assertScope(token(tokens, "northwind"), "variable.other.party");
    assertScope(token(tokens, "."), "punctuation.accessor");
    assertScope(token(tokens, "ops"), "variable.other.reference");
    assertScope(token(tokens, ","), "punctuation.separator");
  });

  it("gives every visible character of the samples a scope", () => {
    const dir = path.join(root, "samples");
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const full = path.join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith(".covenant")) files.push(full);
      }
    };
    walk(dir);
    assert.ok(files.length >= 5, "the samples are there");
    for (const file of files) {
      tokenize(readFileSync(file, "utf8")).forEach((tokens, i) => {
        for (const t of tokens) {
          if (!t.text.trim()) continue;
          assert.ok(t.scopes.length > 1, `${path.basename(file)}:${i + 1}: ${JSON.stringify(t.text)} has no scope`);
        }
      });
    }
  });
});
