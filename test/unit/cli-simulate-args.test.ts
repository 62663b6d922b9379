// Simulation arguments people get wrong: an unquoted duration, a zero duration, a moment without an
// offset, a file of several contracts.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { sample } from "../helpers/paths";

const northwind = sample("northwind.covenant");
const raised = ["--raised", "2025-12-23T18:10Z"];

function assertUsageError(args: string[], message: RegExp): void {
  const r = runCli(args);
  assert.equal(r.code, 2, `${args.join(" ")}\n${r.stderr}`);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
  assert.match(r.stderr, message);
}

describe("covenant simulate arguments", () => {
  it("hints to quote a duration the shell split into words", () => {
    assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "3", "business", "days"], /^covenant: --after takes the duration as one argument: quote it, --after "3 business days"/);
    assertUsageError(["simulate", "--after", "2", "days", northwind, ...raised, "--resolve-at", "management"], /quote it, --after "2 days"/);
    // Quoted, the same duration works.
    assert.equal(runCli(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "3 business days"]).code, 0);
  });

  it("says a duration must be positive", () => {
    assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "0 days"], /--after must be a positive duration, not '0 days'/);
    assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "-2 business days"], /--after must be a positive duration, not '-2 business days'/);
    assertUsageError(["simulate", northwind, ...raised, "--resolve-at", "management", "--after", "0 fortnights"], /'0 fortnights' is not a duration/);
  });

  it("reads --raised without an offset in the calendar's time zone, and says so in the output and --help", () => {
    const text = runCli(["simulate", northwind, "--raised", "2025-12-23T18:10"]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\nNote: --raised 2025-12-23T18:10 has no offset: read in the contract calendar's time zone \(Europe\/London\) as 2025-12-23T18:10:00\+00:00\.\n$/);
    const json = runCli(["simulate", northwind, "--raised", "2025-12-23T18:10", "--format", "json"]);
    assert.equal(JSON.parse(json.stdout).raised, "2025-12-23T18:10:00+00:00");
    assert.match(json.stderr, /^covenant: note: --raised 2025-12-23T18:10 has no offset: read in the contract calendar's time zone \(Europe\/London\)/);
    assert.ok(!runCli(["simulate", northwind, ...raised]).stdout.includes("Note:"));
    assert.match(runCli(["simulate", "--help"]).stdout, /without an offset \(Z, \+01:00\)\n\s+it is read in the contract calendar's time zone/);
  });

  it("asks for --contract, listing them, when the file holds several", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-sim-args-"));
    const text = fs.readFileSync(northwind, "utf8");
    fs.writeFileSync(path.join(dir, "two.covenant"), text + "\n" + text.replace("contract northwind-msa", "contract northwind-renewal"));
    const file = path.join(dir, "two.covenant");
    assertUsageError(["simulate", file, ...raised], /holds several contracts; name one with --contract \(contracts: northwind-msa, northwind-renewal\)/);
    const r = runCli(["simulate", file, ...raised, "--contract", "northwind-renewal", "--format", "json"]);
    assert.equal(JSON.parse(r.stdout).contract, "northwind-renewal");
  });
});
