// dist/cli.js, dist/check-worker.js and dist/server.js are loaders that compile their bundle with the V8 code
// cache the build wrote (scripts/build.mjs): a start deserializes code instead of compiling 0.7–1 MB of it.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { wrap } from "node:module";
import { ROOT } from "../helpers/paths";

describe("code caches of the bundles", () => {
  for (const name of ["cli", "check-worker", "server"]) {
    it(`dist/${name}.bundle.cache is accepted by this Node for dist/${name}.bundle.js`, () => {
      const file = path.join(ROOT, "dist", `${name}.bundle.js`);
      const cache = path.join(ROOT, "dist", `${name}.bundle.cache`);
      assert.ok(fs.existsSync(cache), `the build wrote no ${cache}`);
      // Compiled exactly as the loader compiles it; a rejected cache would only cost time, which is what this catches.
      const script = new vm.Script(wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData: fs.readFileSync(cache) });
      assert.equal(script.cachedDataRejected, false);
    });
  }

  it("the loaders run their bundles: the CLI and the server answer --version, and the CLI checks", () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    assert.equal(execFileSync(process.execPath, ["dist/cli.js", "--version"], { cwd: ROOT, encoding: "utf8" }).trim(), version);
    assert.match(execFileSync(process.execPath, ["dist/server.js", "--version"], { cwd: ROOT, encoding: "utf8" }), new RegExp(version.replace(/\./g, "\\.")));
    const out = execFileSync(process.execPath, ["dist/cli.js", "check", "samples/northwind.covenant", "--today", "2026-01-10", "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    assert.ok(Array.isArray(JSON.parse(out)));
  });
});
