// Data-driven protocol tests: every `<|>` cursor in test/fixtures/lsp/{completion,hover} is sent to the
// real server, and the answer is compared with the `// expect:` or `// hover:` comment on its line.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CompletionRequest, HoverRequest, CompletionList, CompletionItem, MarkupContent } from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, FIXTURES, fileUri, markers, positionAt } from "./lsp-client";

interface Case {
  file: string;
  line: number;
  offset: number;
  directive: string;
}

/** The cursors of a fixture file with the directive that follows each on its line. */
function cases(dir: string, keyword: RegExp): { file: string; text: string; list: Case[] }[] {
  const out: { file: string; text: string; list: Case[] }[] = [];
  for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith(".covenant")).sort()) {
    const file = path.join(FIXTURES, dir, name);
    const { text, offsets } = markers(fs.readFileSync(file, "utf8"));
    const list = offsets.map((offset) => {
      const lineEnd = text.indexOf("\n", offset);
      const rest = text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
      const m = keyword.exec(rest);
      if (!m) throw new Error(`${name}: a cursor at line ${positionAt(text, offset).line + 1} has no directive`);
      return { file, line: positionAt(text, offset).line + 1, offset, directive: (m[m.length - 1] ?? "").trim() };
    });
    out.push({ file, text, list });
  }
  return out;
}

function splitList(s: string, sep: string): { include: string[]; exclude: string[] } {
  const parts = s.split(sep).map((p) => p.trim()).filter(Boolean);
  return { include: parts.filter((p) => !p.startsWith("!")), exclude: parts.filter((p) => p.startsWith("!")).map((p) => p.slice(1)) };
}

describe("protocol: fixtures with cursors", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start();
  });
  after(async () => client?.stop());

  for (const fixture of cases("completion", /\/\/ expect( only)?:(.*)$/)) {
    describe(`completion in ${path.basename(fixture.file)}`, () => {
      for (const c of fixture.list) {
        it(`line ${c.line}: ${c.directive || "(nothing)"}`, async () => {
          const uri = fileUri(c.file);
          await client.open(uri, fixture.text);
          const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(fixture.text, c.offset) })) as CompletionList | null;
          const labels = (result?.items ?? []).map((i: CompletionItem) => i.label);
          const line = fixture.text.split("\n")[c.line - 1];
          const only = / \/\/ expect only:/.test(line);
          const { include, exclude } = splitList(line.slice(line.indexOf(":", line.indexOf("// expect")) + 1), ",");
          if (only) assert.deepEqual([...labels].sort(), [...include].sort(), `offered: ${labels.join(", ")}`);
          for (const l of include) assert.ok(labels.includes(l), `'${l}' not offered; offered: ${labels.join(", ")}`);
          for (const l of exclude) assert.ok(!labels.includes(l), `'${l}' offered but must not be`);
          await client.close(uri);
        });
      }
    });
  }

  for (const fixture of cases("hover", /hover:(.*)$/)) {
    describe(`hover in ${path.basename(fixture.file)}`, () => {
      for (const c of fixture.list) {
        it(`line ${c.line}: ${c.directive}`, async () => {
          const uri = fileUri(c.file);
          await client.open(uri, fixture.text);
          const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(fixture.text, c.offset) });
          await client.close(uri);
          if (c.directive === "none") {
            assert.equal(h, null);
            return;
          }
          assert.ok(h, "no hover");
          const value = (h.contents as MarkupContent).value.replace(/\\([\\`*_[\]<>|])/g, "$1");
          const { include, exclude } = splitList(c.directive, "|");
          for (const t of include) assert.ok(value.includes(t), `hover lacks '${t}':\n${value}`);
          for (const t of exclude) assert.ok(!value.includes(t), `hover shows '${t}':\n${value}`);
        });
      }
    });
  }
});
