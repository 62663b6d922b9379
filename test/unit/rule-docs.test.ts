// Every code a finding can carry has its page in docs/rules/, whose first paragraph is the explanation
// written in the check (or in rules.ts for built-in errors), and the index links it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules } from "../../server/src/analysis/rules";
import { ROOT } from "../helpers/paths";

const DOCS = path.join(ROOT, "docs", "rules");
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("rule documentation", () => {
  const index = fs.readFileSync(path.join(DOCS, "README.md"), "utf8");
  for (const rule of allRules()) {
    it(`${rule.code} has a page that opens with its title and explanation, linked from the index`, () => {
      const file = path.join(DOCS, `${rule.code}.md`);
      assert.ok(fs.existsSync(file), `missing docs/rules/${rule.code}.md`);
      const paragraphs = fs.readFileSync(file, "utf8").split(/\r?\n\s*\r?\n/);
      assert.equal(paragraphs[0].trim(), `# ${rule.code} — ${rule.title}`);
      assert.equal(squash(paragraphs[1]), squash(rule.explanation));
      assert.match(paragraphs.join("\n"), /## How to fix it/);
      assert.match(paragraphs.join("\n"), /```covenant/);
      assert.ok(index.includes(`(${rule.code}.md)`), `the index does not link ${rule.code}`);
    });
  }

  it("has no page for a code that does not exist", () => {
    const codes = new Set(allRules().map((r) => r.code));
    for (const f of fs.readdirSync(DOCS)) if (f !== "README.md") assert.ok(codes.has(path.basename(f, ".md")), f);
  });
});
