// `covenant check -j N`: files checked on worker threads give exactly the output and exit code of one thread.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { mainAsync } from "../../server/src/cli/main";
import { threadsFor } from "../../server/src/cli/check";
import { writePortfolio } from "../../bench/generate";
import { ROOT } from "../helpers/paths";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await mainAsync(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), colour: false, cwd: ROOT, threads: true });
  return { code, stdout, stderr };
}

async function assertSameOnThreads(args: string[], jobs: string[] = ["2"]): Promise<string> {
  const one = await run([...args, "-j", "1"]);
  for (const j of jobs) assert.deepEqual(await run([...args, "-j", j]), one, `${args.join(" ")} -j ${j}`);
  return one.stdout;
}

describe("covenant check -j N", function () {
  this.timeout(120_000);

  it("prints the same findings in the same order on samples/, as text and as SARIF", async () => {
    for (const format of ["text", "sarif"]) {
      const out = await assertSameOnThreads(["check", "samples", "--today", "2026-01-10", "--format", format]);
      assert.ok(out.length > 0, format);
    }
  });

  it("prints the same over a generated portfolio with broken and binary files among them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-jobs-"));
    const { contracts } = writePortfolio(dir, 40, 120);
    // Findings of several kinds in files spread over the list, so that every thread has some.
    fs.writeFileSync(contracts[3], fs.readFileSync(contracts[3], "utf8").replace(/\}\s*$/, ""));
    fs.writeFileSync(contracts[17], fs.readFileSync(contracts[17], "utf8") + "\nstray words\n");
    fs.writeFileSync(path.join(path.dirname(contracts[30]), "zz-binary.covenant"), Buffer.from([0, 1, 2, 255, 0]));
    const out = await assertSameOnThreads(["check", dir, "--today", "2026-01-10"], ["3"]);
    assert.match(out, /SYN001/);
    assert.ok((await run(["check", dir, "--today", "2026-01-10", "-j", "2"])).code === 1);
    await assertSameOnThreads(["check", dir, "--format", "json", "--today", "2026-01-10"]);
  });

  it("reports a missing --contract the same way, naming the contracts of every thread's files", async () => {
    const out = await run(["check", "samples", "--contract", "nobody", "-j", "2"]);
    assert.equal(out.code, 2);
    assert.deepEqual(out, await run(["check", "samples", "--contract", "nobody", "-j", "1"]));
    assert.match(out.stderr, /no contract 'nobody' in the 9 files checked \(contracts: .*northwind-msa.*payroll/);
    await assertSameOnThreads(["check", "samples", "--contract", "northwind-msa", "--today", "2026-01-10"]);
  });

  it("says -j takes a whole number of 1 or more", async () => {
    for (const bad of ["0", "two", "-1"]) {
      const r = await run(["check", "samples", "-j", bad]);
      assert.equal(r.code, 2, bad);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, /^covenant: --jobs must be /, bad);
    }
  });
});

describe("covenant check: how many threads by default", () => {
  it("starts no worker for a few small files, and one thread per core for a large portfolio", function () {
    this.timeout(60_000);
    const samples = fs.readdirSync(path.join(ROOT, "samples")).filter((f) => f.endsWith(".covenant")).map((f) => path.join(ROOT, "samples", f));
    assert.equal(threadsFor(samples, "auto"), 1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-jobs-"));
    const { contracts } = writePortfolio(dir, 300, 200);
    assert.equal(threadsFor(contracts, "auto"), Math.min(os.availableParallelism(), 3));
    // -j N is what it says, up to one thread per file.
    assert.equal(threadsFor(samples, 2), 2);
    assert.equal(threadsFor(samples.slice(0, 1), 4), 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
