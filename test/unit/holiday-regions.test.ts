// Region codes are checked against the holiday data alone (core/holidays.ts), without building
// date-holidays-parser, so that `covenant check` never loads the parser, moment and the calendar modules.
// The answers must be those of the parser's own directory (getCountries, getStates, getRegions).
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import HolidaysParser from "date-holidays-parser";
import { data as allData } from "date-holidays/data";
import { HOLIDAY_COUNTRIES, regionProblem } from "../../server/src/core/holidays";

/** regionProblem as it was written over the parser's directory. */
function directoryProblem(q: HolidaysParser, code: string): string | undefined {
  const parts = code.trim().toUpperCase().split("-");
  if (parts.length > 3 || parts.some((p) => !/^[A-Z0-9]+$/.test(p)) || !/^[A-Z]{2}$/.test(parts[0])) return `'${code}' is not a holiday region code (for example "GB-ENG", "US", "DE-BY", "CH-ZH")`;
  const [country, state, region] = parts;
  if (!(country in (q.getCountries("en") ?? {}))) return `no public holidays are known for country '${country}' (known: ${HOLIDAY_COUNTRIES.join(", ")})`;
  if (state) {
    const states = q.getStates(country, "en") ?? {};
    if (!(state in states)) {
      const known = Object.keys(states);
      return `'${country}' has no region '${state}'${known.length ? ` (known: ${known.map((s) => `${country}-${s}`).join(", ")})` : ""}`;
    }
    if (region && !(region in (q.getRegions(country, state, "en") ?? {}))) return `'${country}-${state}' has no region '${region}'`;
  }
  return undefined;
}

describe("holiday region codes", () => {
  const data = { ...allData, holidays: Object.fromEntries(Object.entries(allData.holidays).filter(([c]) => HOLIDAY_COUNTRIES.includes(c))) };
  const q = new HolidaysParser(data);

  it("are judged as date-holidays-parser's directory judges them, for every country, state and region carried", () => {
    const codes = ["", "G", "GB-", "gb-eng", " GB-ENG ", "XX", "GB-XX", "GB-ENG-XX", "GB-ENG-LND-X", "US-CA-LA", "DE-BY-XX", "GB-constructor", "US-TOSTRING"];
    let known = 0;
    for (const country of HOLIDAY_COUNTRIES) {
      codes.push(country, `${country}-ZZ9`, `${country}-ZZ9-ZZ9`);
      for (const state of Object.keys(q.getStates(country, "en") ?? {})) {
        codes.push(`${country}-${state}`, `${country}-${state}-ZZ9`);
        for (const region of Object.keys(q.getRegions(country, state, "en") ?? {})) codes.push(`${country}-${state}-${region}`);
      }
    }
    for (const code of codes) {
      const expected = directoryProblem(q, code);
      if (expected === undefined) known++;
      assert.equal(regionProblem(code), expected, code);
    }
    assert.ok(known > 50, `only ${known} known codes were compared`);
  });

  it("are checked without loading date-holidays-parser; a year's holidays load it", () => {
    // A fresh process: which modules `covenant check` of a contract with a holiday region loads.
    const cli = path.resolve(__dirname, "../../server/src/cli/check.js");
    const holidays = path.resolve(__dirname, "../../server/src/core/holidays.js");
    const script = `
      const loaded = () => Object.keys(require.cache).some((k) => k.includes("date-holidays-parser"));
      const found = require(${JSON.stringify(cli)}).checkFiles({ paths: [process.argv[1]], today: "2026-01-10" });
      const before = loaded();
      require(${JSON.stringify(holidays)}).publicHolidays("GB-ENG", 2026);
      console.log(JSON.stringify({ before, after: loaded(), codes: found.map((f) => f.code) }));`;
    const file = path.resolve(__dirname, "../../../samples/northwind.covenant");
    const contract = path.join(os.tmpdir(), `covenant-region-${process.pid}.covenant`);
    fs.writeFileSync(contract, fs.readFileSync(file, "utf8").replace(/holidays [^\n]*/, 'holidays "GB-ENG"'));
    const r = JSON.parse(execFileSync(process.execPath, ["-e", script, contract], { encoding: "utf8" }));
    fs.rmSync(contract, { force: true });
    assert.equal(r.before, false);
    assert.equal(r.after, true);
    assert.ok(!r.codes.includes("VAL001"), r.codes.join(" "));
  });
});
