// Parser snapshots: the tree and the errors of each fixture in test/fixtures/parser/.
// Update them with `npm run test:update-snapshots` and review the diff.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../../server/src/core/parser";
import { LineIndex } from "../../server/src/cli/positions";
import { fixture } from "../helpers/paths";

const dir = fixture("parser");
const update = process.env.UPDATE_SNAPSHOTS === "1";

/** The parse result with offsets written as `line:column-line:column`, for readable diffs. */
function snapshot(text: string): string {
  const out = parse(text);
  const lines = new LineIndex(text);
  const at = (o: number): string => {
    const p = lines.position(o);
    return `${p.line}:${p.column}`;
  };
  const isRange = (v: unknown): v is { start: number; end: number } =>
    typeof v === "object" && v !== null && Object.keys(v).length === 2 && "start" in v && "end" in v;
  const json = JSON.stringify(
    { errors: out.syntaxErrors, repeats: out.repeats, file: out.file },
    (_key, value) => (isRange(value) ? `${at(value.start)}-${at(value.end)}` : value),
    2,
  );
  return json + "\n";
}

describe("parser snapshots", () => {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".covenant")).sort();
  it("has fixtures", () => assert.ok(names.length >= 5));
  for (const name of names) {
    it(name, () => {
      const actual = snapshot(fs.readFileSync(path.join(dir, name), "utf8"));
      const snap = path.join(dir, name.replace(/\.covenant$/, ".snap.json"));
      if (update || !fs.existsSync(snap)) {
        fs.writeFileSync(snap, actual);
        if (!update) assert.fail(`wrote a new snapshot ${path.basename(snap)}; review it and run the tests again`);
        return;
      }
      assert.equal(actual, fs.readFileSync(snap, "utf8"), `${name} differs from its snapshot (npm run test:update-snapshots to accept)`);
    });
  }
});
