// snippets/covenant.json: every snippet, expanded as VS Code would with each of its choices, parses cleanly.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "../../server/src/core/parser";

const root = path.resolve(__dirname, "../../..");

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const snippets = JSON.parse(readFileSync(path.join(root, "snippets/covenant.json"), "utf8")) as Record<string, Snippet>;

const VARIABLES: Record<string, string> = { CURRENT_YEAR: "2025", CURRENT_MONTH: "06", CURRENT_DATE: "30" };

/**
 * Expands a snippet body the way the editor inserts it when the user accepts every default:
 * placeholders take their default, a choice takes its `choice`-th option (wrapping), mirrors copy
 * their placeholder, variables take fixed values, and `$0` becomes `final`.
 */
function expand(body: string[], choice: number, final = ""): string {
  const text = body.join("\n");
  const values = new Map<string, string>();
  const resolveVariables = (s: string): string =>
    s.replace(/\$\{?([A-Z_]+)\}?/g, (_, name: string) => {
      assert.ok(name in VARIABLES, `unknown snippet variable ${name}`);
      return VARIABLES[name];
    });
  for (const m of text.matchAll(/\$\{(\d+):((?:[^{}]|\$[A-Z_]+)*)\}/g)) values.set(m[1], resolveVariables(m[2]));
  for (const m of text.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) {
    const options = m[2].split(",");
    values.set(m[1], options[choice % options.length]);
  }
  return text
    .replace(/\$\{(\d+):(?:[^{}]|\$[A-Z_]+)*\}/g, (_, n: string) => values.get(n)!)
    .replace(/\$\{(\d+)\|[^|]*\|\}/g, (_, n: string) => values.get(n)!)
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => {
      const n = a ?? b!;
      if (n === "0") return final;
      assert.ok(values.has(n), `tab stop $${n} mirrors no placeholder`);
      return values.get(n)!;
    })
    .replace(/\$([A-Z_]+)/g, (_, name: string) => VARIABLES[name] ?? assert.fail(`unknown variable ${name}`));
}

function choiceCount(body: string[]): number {
  const counts = [...body.join("\n").matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((m) => m[1].split(",").length);
  return Math.max(1, ...counts);
}

/** Where each snippet is valid: the text around it. */
function context(name: string): (inner: string) => string {
  const contract = (inner: string) => expand(snippets.Contract.body, 0, inner);
  switch (name) {
    case "Contract":
      return (inner) => inner;
    case "Calendar":
      return (inner) => inner;
    case "Person":
    case "Role":
      return (inner) => contract(`party extra "Extra" {\n${inner}\n}`);
    case "Tier":
      return (inner) => contract(`escalation more {\n${inner}\nthen mediation\n}`);
    default:
      return contract;
  }
}

function syntaxErrors(text: string): string[] {
  const out = parse(text);
  return out.syntaxErrors.concat(out.repeats).map((e) => `${e.message} at ${JSON.stringify(text.slice(e.range.start, e.range.start + 20))}`);
}

describe("snippets", () => {
  it("offers the whole blocks a contract is made of", () => {
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    for (const p of ["contract", "party", "service", "escalation", "dispute", "continuity", "records", "governance"]) {
      assert.ok(prefixes.includes(p), `a snippet for ${p}`);
    }
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.description.length > 10, `${name} is described`);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name} expands to Covenant that parses without errors, with every choice`, () => {
      const wrap = context(name);
      for (let choice = 0; choice < choiceCount(snippet.body); choice++) {
        const text = wrap(expand(snippet.body, choice));
        assert.deepEqual(syntaxErrors(text), [], text);
      }
    });
  }

  it("the ladder has three tiers, operational to executive, and hands over to a dispute step", () => {
    const text = expand(snippets["Escalation ladder"].body, 0);
    assert.deepEqual([...text.matchAll(/tier (\w+)/g)].map((m) => m[1]), ["operational", "management", "executive"]);
    assert.equal([...text.matchAll(/within \d+ business days/g)].length, 3);
    assert.match(text, /then mediation/);
  });

  it("the dispute block goes from mediation to arbitration with rules and a seat", () => {
    const text = expand(snippets.Dispute.body, 0);
    assert.ok(text.indexOf("mediation") < text.indexOf("arbitration"));
    assert.match(text, /arbitration \{ rules "[^"]+" seat "[^"]+"/);
  });

  it("the continuity block keeps services and undisputed payments going and forbids suspension", () => {
    const text = expand(snippets.Continuity.body, 0);
    assert.match(text, /services continue/);
    assert.match(text, /undisputed-payments continue/);
    assert.match(text, /suspension forbidden/);
  });

  it("a party's role is held by the person the snippet declares", () => {
    const text = expand(snippets.Party.body, 0);
    const person = /person (\S+)/.exec(text)![1];
    assert.match(text, new RegExp(`holder ${person} `));
  });
});
