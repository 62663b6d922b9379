// The CI and pre-commit configuration that docs/ci.md and .pre-commit-hooks.yaml give: the YAML parses,
// has the fields each tool reads, and every covenant command in it is one the CLI accepts.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { runCli } from "../helpers/cli";
import { ROOT, sample } from "../helpers/paths";

const doc = fs.readFileSync(path.join(ROOT, "docs", "ci.md"), "utf8");

/** The YAML block that follows `<!-- marker -->` in docs/ci.md. */
function example(marker: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- a YAML document of any shape
  const m = new RegExp(`<!-- ${marker} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(doc);
  assert.ok(m, `docs/ci.md has no ${marker} example`);
  return parse(m[1]);
}

/** The arguments of every `npx covenant ...` or `covenant ...` command in a shell line, with where its output goes. */
function covenantCommands(line: string): { args: string[]; into?: string }[] {
  return [...line.matchAll(/(?:npx )?covenant ((?:[^|>&;]|-)+?)(?: > (\S+))?(?= \|\||$|;|&&)/g)].map((m) => ({ args: m[1].trim().split(/\s+/), into: m[2] }));
}

/** The CLI accepts these arguments (exit 0 or 1, never the usage error 2) on a sample file. */
function assertAccepted(args: string[]): void {
  const r = runCli([...args, sample("payroll.covenant")]);
  assert.notEqual(r.code, 2, `covenant ${args.join(" ")}: ${r.stderr}`);
}

const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("CI and pre-commit configuration", () => {
  describe(".pre-commit-hooks.yaml", () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, string>[];

    it("lists hooks with the fields pre-commit requires", () => {
      assert.ok(Array.isArray(hooks) && hooks.length >= 1);
      assert.deepEqual(hooks.map((h) => h.id), ["covenant-check", "covenant-format"]);
      for (const h of hooks) {
        for (const field of ["id", "name", "entry", "language"]) assert.equal(typeof h[field], "string", `${h.id}: ${field}`);
        assert.equal(h.language, "node");
      }
    });

    it("runs the package's own bin on .covenant files only", () => {
      for (const h of hooks) {
        const [bin, ...args] = h.entry.split(" ");
        assert.ok(packageJson.bin[bin], `${bin} is a bin of package.json`);
        assertAccepted(args);
        const files = new RegExp(h.files);
        for (const name of ["a.covenant", "contracts/deep/b.covenant"]) assert.ok(files.test(name), name);
        for (const name of ["covenant.json", "a.covenant.bak", "README.md"]) assert.ok(!files.test(name), name);
      }
    });
  });

  describe("docs/ci.md", () => {
    it("gives a GitHub workflow that uploads the SARIF it writes to code scanning", () => {
      const workflow = example("github-workflow");
      assert.ok(workflow.on);
      const job = workflow.jobs.check;
      assert.equal(job.permissions["security-events"], "write");
      const steps = job.steps as { uses?: string; run?: string; if?: string; with?: Record<string, string> }[];
      const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
      assert.ok(upload, "an upload-sarif step");
      assert.match(upload.uses!, /@v\d+$/);
      assert.equal(upload.if, "always()");
      const writes = steps.flatMap((s) => (s.run ? covenantCommands(s.run).map((c) => ({ ...c, step: s })) : []));
      const sarif = writes.find((c) => c.args.includes("sarif"))!;
      assert.equal(sarif.into, upload.with!.sarif_file);
      assert.equal(sarif.step.if, "always()");
      assert.ok(steps.indexOf(sarif.step) < steps.indexOf(upload));
      assert.ok(writes.some((c) => c.args.join(" ") === "check --format github"));
      for (const c of writes) assertAccepted(c.args);
    });

    it("gives a GitLab job whose Code Quality and JUnit reports are the files it writes, kept on failure", () => {
      const job = example("gitlab-job").covenant;
      assert.equal(job.artifacts.when, "always");
      const commands = (job.script as string[]).flatMap(covenantCommands);
      const into = (format: string): string | undefined => commands.find((c) => c.args.includes(format))?.into;
      assert.equal(job.artifacts.reports.codequality, into("gitlab"));
      assert.equal(job.artifacts.reports.junit, into("junit"));
      for (const c of commands) assertAccepted(c.args);
    });

    it("uses the hooks of .pre-commit-hooks.yaml, and gives a local system hook on the same files", () => {
      const hooks = parse(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; files: string }[];
      const remote = example("remote-hook").repos[0];
      assert.ok(remote.repo && remote.rev);
      for (const h of remote.hooks) assert.ok(hooks.some((k) => k.id === h.id), h.id);
      const local = example("local-hook").repos[0];
      assert.equal(local.repo, "local");
      const hook = local.hooks[0];
      assert.equal(hook.language, "system");
      assert.equal(hook.files, hooks[0].files);
      assert.ok(hook.name && hook.id);
      assertAccepted(hook.entry.split(" ").slice(1));
    });

    it("the command extraction finds what a shell line runs (the tests above are not vacuous)", () => {
      assert.deepEqual(covenantCommands("npx covenant check --format gitlab > report.json || test $? -eq 1"), [{ args: ["check", "--format", "gitlab"], into: "report.json" }]);
      assert.deepEqual(covenantCommands("npx covenant check"), [{ args: ["check"], into: undefined }]);
      assert.equal(runCli(["check", "--format", "gitlab-ci", sample("payroll.covenant")]).code, 2);
    });
  });
});
