// language-configuration.json: the regular expressions VS Code compiles from it, tried on Covenant lines.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "../../..");

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  previousLineText?: string;
  action: { indent: string; appendText?: string };
}

const config = JSON.parse(readFileSync(path.join(root, "language-configuration.json"), "utf8")) as {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
};

/** The words VS Code sees in a line (double-click selection, the word under the cursor). */
function words(line: string): string[] {
  return line.match(new RegExp(config.wordPattern, "g")) ?? [];
}

/** The first rule VS Code applies when Enter is pressed at the end of `line`. */
function onEnter(line: string, after = "", previous = ""): OnEnterRule | undefined {
  return config.onEnterRules.find(
    (r) =>
      new RegExp(r.beforeText).test(line) &&
      (r.afterText === undefined || new RegExp(r.afterText).test(after)) &&
      (r.previousLineText === undefined || new RegExp(r.previousLineText).test(previous)),
  );
}

describe("language configuration", () => {
  it("comments with // and /* */", () => {
    assert.equal(config.comments.lineComment, "//");
    assert.deepEqual(config.comments.blockComment, ["/*", "*/"]);
  });

  it("pairs braces and quotes, and closes a quote only outside strings and comments", () => {
    assert.deepEqual(config.brackets, [["{", "}"]]);
    assert.ok(config.autoClosingPairs.some((p) => p.open === "{" && p.close === "}"));
    const quote = config.autoClosingPairs.find((p) => p.open === '"');
    assert.deepEqual(quote?.notIn, ["string", "comment"]);
    assert.deepEqual(config.surroundingPairs, [["{", "}"], ['"', '"']]);
  });

  it("keeps dashed names, dates, times and percentages one word", () => {
    assert.deepEqual(words("customer ops-lead"), ["customer", "ops-lead"]);
    assert.deepEqual(words("effective 2025-12-24"), ["effective", "2025-12-24"]);
    assert.deepEqual(words('metric "Availability" >= 99.95%'), ["metric", "Availability", "99.95%"]);
    assert.deepEqual(words("hours 09:00-17:30"), ["hours", "09:00", "17:30"]);
    assert.deepEqual(words("coverage 24x7"), ["coverage", "24x7"]);
    assert.deepEqual(words("members northwind.ops, acme.ops"), ["members", "northwind", "ops", "acme", "ops"]);
  });

  it("ends a name before an arrow, as the lexer does", () => {
    assert.deepEqual(words("12 months->terminate"), ["12", "months", "terminate"]);
  });

  it("indents after an open brace and outdents on a closing one", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test("  tier operational {"));
    assert.ok(increase.test('party acme "Acme } Ltd" supplier { // the vendor'));
    assert.ok(!increase.test("tier operational { customer ops within 4 business hours }"));
    assert.ok(!increase.test('title "{ not a block"'));
    assert.ok(!increase.test("// a comment {"));
    assert.ok(decrease.test("  }"));
    assert.ok(!decrease.test("  tier x { }"));
  });

  it("continues a /// documentation comment on Enter", () => {
    assert.equal(onEnter("/// The standard ladder.")?.action.appendText, "/// ");
    assert.equal(onEnter("  /// indented")?.action.appendText, "/// ");
    assert.equal(onEnter("// a plain comment"), undefined);
    assert.equal(onEnter("tier operational {"), undefined);
  });

  it("continues a block comment with a star", () => {
    assert.equal(onEnter("/* about this ladder")?.action.appendText, " * ");
    assert.equal(onEnter(" * more", "", "/* about")?.action.appendText, "* ");
    assert.equal(onEnter("/* closed */"), undefined);
  });
});
