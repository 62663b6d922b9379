import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { allFindings } from "../../server/src/analysis/analyse";
import { Program } from "../../server/src/core/program";
import { localDate } from "../../server/src/core/values";
import { format } from "../../server/src/format";
import { completeAnswers } from "../../server/src/features/contract-answers";
import { findHolidayRegion, holidayRegions } from "../../server/src/features/holiday-regions";
import { CONTRACT_KINDS, ContractAnswers, contractFileName, identifier, newContract, TO_DECIDE } from "../../server/src/features/new-contract";
import { runCli } from "../helpers/cli";

const noFiles = { read: (): string | undefined => undefined };

function findingsOf(text: string, today: string): string[] {
  const linked = new Program(noFiles).linkText("file:///work/new.covenant", text);
  return allFindings(linked, { today }).map((f) => `${f.code} ${f.message} at «${text.slice(f.range.start, f.range.end)}»`);
}

function answers(kind: ContractAnswers["kind"], region: string, extra: Partial<ContractAnswers> = {}): ContractAnswers {
  const r = completeAnswers({ kind, customer: "Northwind Traders", supplier: "Acme Services Ltd", law: "England and Wales", region }, "2026-04-01");
  if ("problem" in r) throw new Error(r.problem);
  return { ...r.answers, ...extra };
}

const REGIONS = ["GB-ENG", "US-CA", "DE-BY", "FR", "AU-NSW", "IN", "BR", "CH-ZH"];
const FAR_FUTURE = "2199-12-31";

describe("New Contract", () => {
  for (const { kind } of CONTRACT_KINDS) {
    for (const region of REGIONS) {
      it(`${kind} in ${region} has no finding today nor on ${FAR_FUTURE}`, () => {
        const text = newContract(answers(kind, region));
        assert.deepEqual(findingsOf(text, localDate()), []);
        assert.deepEqual(findingsOf(text, FAR_FUTURE), []);
      });
    }

    it(`${kind} is in the formatter's canonical layout and declares the whole governance`, () => {
      const text = newContract(answers(kind, "GB-ENG"));
      const formatted = format(text);
      assert.ok(!("error" in formatted) && !formatted.changed, "formatting the new contract changes it");
      assert.match(text, new RegExp(`^  kind ${kind}$`, "m"));
      for (const block of ["calendar", "responsibilities", "governance", "dispute", "continuity", "records", "early-warning", "change-control", "key-personnel", "termination"]) {
        assert.match(text, new RegExp(`^  ${block} \\{$`, "m"), `no ${block} block`);
      }
      for (const role of ["ops", "mgmt", "exec"]) assert.equal(text.match(new RegExp(`^    role ${role} `, "gm"))?.length, 2, `role ${role} on both sides`);
      assert.match(text, /^ {4}board ops-review "Weekly operations review" \{$/m);
      assert.match(text, /^ {4}board service-board "Monthly service board" \{$/m);
      assert.match(text, /^ {4}board exec-board "Quarterly executive board" \{$/m);
      assert.match(text, /^ {2}escalation expedited "Critical service escalation" \{\n {4}applies-to criticality critical$/m);
      assert.match(text, /within 4 business hours \}$/m);
      assert.match(text, /^ {4}arbitration \{ rules "TO DECIDE: arbitration rules" seat "TO DECIDE: seat of the arbitration" arbitrators 1 \}$/m);
      assert.match(text, /^ {4}holidays "GB-ENG"$/m);
      assert.match(text, /^ {4}timezone "Europe\/London"$/m);
      assert.match(text, /^ {4}exit-assistance \d+ months$/m);
      // Eight people to name and three dispute details to settle, each findable by one search.
      assert.equal(text.split(`"${TO_DECIDE} `).length - 1, 11);
    });
  }

  it("names every region of the bundled holiday data without a finding", () => {
    const regions = holidayRegions();
    assert.ok(regions.length > 100, `only ${regions.length} regions`);
    const problems: string[] = [];
    for (const r of regions) {
      const found = findingsOf(newContract(answers("saas", r.code)), "2026-04-01");
      if (found.length) problems.push(`${r.code} (${r.timezone}): ${found.join("; ")}`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(findHolidayRegion("us-ny"), { code: "US-NY", name: "New York, United States of America", timezone: "America/New_York" });
  });

  it("keeps names with quotes, backslashes and accents readable and the text valid", () => {
    const a = { ...answers("managed-services", "FR"), customer: 'Société "Générale" \\ Paris', supplier: "42 Ops GmbH" };
    const text = newContract(a);
    assert.deepEqual(findingsOf(text, "2026-04-01"), []);
    assert.match(text, /^ {2}party societe-generale-paris "Société \\"Générale\\" \\\\ Paris" customer \{$/m);
    assert.match(text, /^ {2}party supplier-42-ops "42 Ops GmbH" supplier \{$/m);
    assert.equal(contractFileName(a), "societe-generale-paris-supplier-42-ops-msa.covenant");
  });

  it("gives parties whose names make the same identifier two different ones", () => {
    const text = newContract({ ...answers("saas", "GB-ENG"), customer: "Acme", supplier: "ACME Ltd" });
    assert.match(text, /party acme-customer "Acme" customer/);
    assert.match(text, /party acme-supplier "ACME Ltd" supplier/);
    assert.deepEqual(findingsOf(text, "2026-04-01"), []);
  });

  it("makes identifiers from names a user types", () => {
    assert.equal(identifier("Northwind Traders Ltd", "customer"), "northwind-traders");
    assert.equal(identifier("株式会社", "customer"), "customer");
    assert.equal(identifier("3M", "supplier"), "supplier-3m");
    assert.equal(identifier("Ltd", "supplier"), "ltd");
  });

  it("rejects answers a contract cannot be written from, in the user's words", () => {
    const problem = (given: Record<string, unknown>): string | undefined => {
      const r = completeAnswers({ kind: "saas", customer: "A", supplier: "B", law: "Ireland", region: "IE", ...given }, "2026-04-01");
      return "problem" in r ? r.problem : undefined;
    };
    assert.equal(problem({}), undefined);
    assert.match(problem({ kind: "rental" })!, /kind must be one of saas, managed-services, implementation/);
    assert.match(problem({ customer: "  " })!, /customer's name is missing/);
    assert.match(problem({ supplier: "two\nlines" })!, /supplier's name must be one line/);
    assert.match(problem({ region: "XX" })!, /no public holidays are known for country 'XX'/);
    assert.match(problem({ region: "JP" })!, /no public holidays are known for country 'JP'/);
    assert.match(problem({ region: "GB-XYZ" })!, /'GB' has no region 'XYZ'/);
    assert.match(problem({ effective: "2026-02-30" })!, /effective date must be a date written YYYY-MM-DD/);
    assert.match(problem({ supplier: "a" })!, /two different parties/);
  });
});

describe("covenant new", () => {
  const base = ["new", "--kind", "implementation", "--customer", "Northwind", "--supplier", "Acme", "--law", "England and Wales", "--region", "gb-eng"];

  it("prints the contract without -o, and it checks clean", () => {
    const r = runCli([...base, "--effective", "2026-05-01"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^contract northwind-acme-project "Acme Implementation project for Northwind" \{$/m);
    assert.match(r.stdout, /^ {2}effective 2026-05-01$/m);
    assert.deepEqual(findingsOf(r.stdout, "2026-05-01"), []);
  });

  it("writes -o FILE, refuses to overwrite it, and replaces it with --force", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-new-"));
    const first = runCli([...base, "-o", "deal.covenant"], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /wrote deal\.covenant/);
    const file = path.join(dir, "deal.covenant");
    assert.equal(runCli(["check", file]).code, 0);
    fs.writeFileSync(file, "// mine\n");
    const again = runCli([...base, "-o", "deal.covenant"], dir);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, "covenant: 'deal.covenant' exists already: choose another file, or add --force to replace it\n");
    assert.equal(fs.readFileSync(file, "utf8"), "// mine\n");
    assert.equal(runCli([...base, "-o", "deal.covenant", "--force"], dir).code, 0);
    assert.match(fs.readFileSync(file, "utf8"), /^contract northwind-acme-project /m);
  });

  it("exits 2 with one line for bad input", () => {
    const cases: [string[], RegExp][] = [
      [["new", "--kind", "saas"], /^covenant: new needs --customer, --supplier, --law, --region \(kinds: saas, managed-services, implementation; see covenant new --help\)\n$/],
      [[...base.slice(0, 2), "lease", ...base.slice(3)], /^covenant: the kind must be one of saas, managed-services, implementation, not "lease"\n$/],
      [[...base.slice(0, -1), "Narnia"], /^covenant: 'Narnia' is not a holiday region code/],
      [[...base, "extra.covenant"], /^covenant: new takes no file argument/],
      [[...base, "-o", path.join(os.tmpdir(), "no-such-folder-covenant", "x.covenant")], /^covenant: cannot write '.*': ENOENT\n$/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stdout, "");
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split("\n").length, 2, r.stderr);
    }
  });
});
