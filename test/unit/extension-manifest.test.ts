// The extension manifest tells VS Code what the server announces, so themes colour it.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOKEN_TYPES } from "../../server/src/features/token-legend";
import { ROOT } from "../helpers/paths";

const STANDARD_TYPES = new Set(["namespace", "class", "enum", "interface", "struct", "typeParameter", "type", "parameter", "variable", "property", "enumMember", "decorator", "event", "function", "method", "macro", "label", "comment", "string", "keyword", "number", "regexp", "operator"]);

describe("extension manifest", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

  it("declares every custom semantic token type of the server with a standard super type", () => {
    const declared = new Map<string, string>((manifest.contributes.semanticTokenTypes ?? []).map((t: { id: string; superType: string }) => [t.id, t.superType]));
    for (const type of TOKEN_TYPES) {
      if (STANDARD_TYPES.has(type)) continue;
      assert.ok(declared.has(type), `semanticTokenTypes lacks '${type}'`);
      assert.ok(STANDARD_TYPES.has(declared.get(type)!), `'${type}' has no standard superType`);
    }
  });

  it("activates on covenant files and runs the bundled extension", () => {
    assert.ok(manifest.activationEvents.includes("onLanguage:covenant"));
    assert.equal(manifest.main, "./dist/extension.js");
    assert.ok(manifest.contributes.languages.some((l: { id: string; extensions: string[] }) => l.id === "covenant" && l.extensions.includes(".covenant")));
  });
});
