import { strict as assert } from "node:assert";
import fc from "fast-check";
import { parse } from "../../server/src/core/parser";
import { parseDate, parseTime, valueProblem, parseWorkdays, describeDuration, isTimeZone } from "../../server/src/core/values";
import type { Duration, Word } from "../../server/src/core/ast";
import { linkFiles, summarize } from "../helpers/memory";

/** A minimal contract around some statements, to see which values the linker rejects. */
function contractWith(body: string, extra = ""): string {
  return `contract c {\n customer a\n supplier b\n party a { }\n party b { }\n${body}\n}\n${extra}`;
}

function builtins(text: string): string[] {
  const linked = linkFiles({ "main.covenant": text });
  return summarize(linked.builtins, text);
}

function durationsOf(text: string): Duration[] {
  return parse(text).values.filter((v): v is Duration => v.kind === "duration");
}

describe("values", () => {
  describe("fees and periods (version 2)", () => {
    it("reads a service's fee and rejects a currency that is not three capital letters", () => {
      const text = contractWith("service s { fee 40000 GBP monthly }");
      const fee = parse(text).file.contracts[0].services[0].fee!;
      assert.deepEqual([fee.amount?.value, fee.currency?.text, fee.per?.text], [40000, "GBP", "monthly"]);
      assert.deepEqual(builtins(text), []);
      assert.deepEqual(builtins(contractWith("service s { fee 100 gbp yearly }")), ["VAL001@gbp"]);
      assert.deepEqual(builtins(contractWith("service s { fee 100 EURO quarterly }")), ["VAL001@EURO"]);
      assert.deepEqual(builtins(contractWith("service s { fee 100 GBP monthly fee 200 GBP monthly }")), ["VAL001@fee"]);
    });

    it("rejects a fee charged per anything but month, quarter or year", () => {
      const issues = parse(contractWith("service s { fee 100 GBP weekly }")).syntaxErrors;
      assert.equal(issues.length, 1);
      assert.match(issues[0].message, /expected 'monthly', 'quarterly' or 'yearly', found 'weekly'/);
    });

    it("reads months, quarters, years and dates as periods, and rejects months and quarters that do not exist", () => {
      // The log records a contract of the file, so that only the period's own error is reported.
      const log = (period: string): string => `contract c { party a customer {} party b supplier {} service s { sla a {} } }\nlog c {\n  measure s.a ${period} 99%\n}\n`;
      for (const [text, kind] of [["2026-01", "month"], ["2026-Q4", "quarter"], ["2026", "year"], ["2026-01-14", "date"]]) {
        const m = parse(log(text)).file.logs[0].measures[0];
        assert.deepEqual([m.period?.kind, m.period?.period, m.period?.text], ["period", kind, text]);
      }
      assert.deepEqual(builtins(log("2025-13")), ["VAL001@2025-13"]);
      assert.deepEqual(builtins(log("2025-00")), ["VAL001@2025-00"]);
      assert.deepEqual(builtins(log("2025-Q5")), ["VAL001@2025-Q5"]);
      assert.deepEqual(builtins(log("2025-Q0")), ["VAL001@2025-Q0"]);
      assert.deepEqual(builtins(log("2025-02-30")), ["VAL001@2025-02-30"]);
      assert.deepEqual(builtins(log("99")), ["VAL001@99"]);
    });
  });

  describe("durations", () => {
    it("reads singular and plural units, business units and all unit words", () => {
      const ds = durationsOf(contractWith("termination { for-cause cure 1 day for-convenience notice 3 months exit-plan due 1 business day exit-assistance 10 business days data-return within 2 business hours }"));
      assert.deepEqual(
        ds.map((d) => [d.amount, d.unit, d.business]),
        [[1, "day", false], [3, "month", false], [1, "day", true], [10, "day", true], [2, "hour", true]],
      );
      for (const unit of ["minute", "minutes", "hour", "hours", "week", "weeks", "year", "years"]) {
        const [d] = durationsOf(contractWith(`term 2 ${unit}`));
        assert.equal(d.unit, unit.replace(/s$/, ""), unit);
      }
    });

    it("rejects zero and fractional amounts with VAL001 at the value", () => {
      assert.deepEqual(builtins(contractWith("term 0 days")), ["VAL001@0 days"]);
      assert.deepEqual(builtins(contractWith("term 1.5 days")), ["VAL001@1.5 days"]);
      assert.deepEqual(builtins(contractWith("term 1 business day")), []);
    });

    it("describes durations in business terms", () => {
      assert.equal(describeDuration({ amount: 1, unit: "day", business: true }), "1 business day");
      assert.equal(describeDuration({ amount: 4, unit: "hour", business: true }), "4 business hours");
      assert.equal(describeDuration({ amount: 1, unit: "month", business: false }), "1 month");
    });

    it("reads `months->terminate` as a unit, an arrow and a word", () => {
      const text = contractWith('service s { sla x { chronic 3 breaches within 6 months->terminate } }');
      const out = parse(text);
      assert.deepEqual(out.syntaxErrors, []);
      const sla = out.file.contracts[0].services[0].slas[0];
      assert.equal(sla.chronics[0].within?.unit, "month");
      assert.equal(sla.chronics[0].action?.text, "terminate");
    });
  });

  describe("dates", () => {
    it("accepts real calendar dates only", () => {
      assert.deepEqual(parseDate("2024-02-29"), { year: 2024, month: 2, day: 29 });
      assert.equal(parseDate("2025-02-29"), undefined);
      assert.equal(parseDate("2025-02-31"), undefined);
      assert.equal(parseDate("2026-13-01"), undefined);
      assert.equal(parseDate("2026-00-10"), undefined);
      assert.equal(parseDate("2026-04-31"), undefined);
    });

    it("reads a date as the regular expression and Date did, for any text near the form YYYY-MM-DD", () => {
      // The readers count characters instead of matching (a log reads every moment): the old reading is the oracle.
      const oracleDate = (t: string): { year: number; month: number; day: number } | undefined => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
        if (!m) return undefined;
        const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
        if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
        return { year, month, day };
      };
      const oracleTime = (t: string): number | undefined => {
        const m = /^(\d{2}):(\d{2})$/.exec(t);
        if (!m) return undefined;
        const [h, min] = [Number(m[1]), Number(m[2])];
        return min > 59 || h > 24 || (h === 24 && min !== 0) ? undefined : h * 60 + min;
      };
      const chars = fc.constantFrom(..."0123456789-:/ ٣x".split(""));
      fc.assert(fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 11 }), fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (t) => {
        assert.deepEqual(parseDate(t), oracleDate(t), t);
        assert.equal(valueProblem({ kind: "date", text: t, range: { start: 0, end: 0 } } as never) === undefined, oracleDate(t) !== undefined, t);
      }), { numRuns: 3000 });
      fc.assert(fc.property(fc.string({ unit: chars, maxLength: 6 }), (t) => assert.equal(parseTime(t), oracleTime(t), t)), { numRuns: 3000 });
      for (const t of ["0000-02-29", "1900-02-29", "2000-02-29", "0099-02-29", "9999-12-31", "2025-1-01", "2025-01-1", "20250-01-01"]) assert.deepEqual(parseDate(t), oracleDate(t), t);
    });

    it("reports 31 February and month 13 as VAL001 at the date", () => {
      assert.deepEqual(builtins(contractWith("effective 2026-02-31")), ["VAL001@2026-02-31"]);
      assert.deepEqual(builtins(contractWith("effective 2026-13-01")), ["VAL001@2026-13-01"]);
      assert.deepEqual(builtins(contractWith("effective 2028-02-29")), []);
    });
  });

  describe("clock times", () => {
    it("accepts 00:00 to 24:00", () => {
      assert.equal(parseTime("00:00"), 0);
      assert.equal(parseTime("24:00"), 1440);
      assert.equal(parseTime("24:01"), undefined);
      assert.equal(parseTime("12:60"), undefined);
      assert.equal(parseTime("25:00"), undefined);
    });

    it("makes `9:00` a syntax error and 25:00 a value error", () => {
      const nine = builtins(contractWith("calendar { hours 9:00-17:00 }"));
      assert.ok(nine.length > 0 && nine.every((f) => f.startsWith("SYN001")), nine.join());
      assert.deepEqual(builtins(contractWith("calendar { hours 09:00-25:00 }")), ["VAL001@25:00"]);
    });

    it("rejects working hours that end at or before they start", () => {
      assert.deepEqual(builtins(contractWith("calendar { hours 18:00-09:00 }")), ["VAL001@18:00-09:00"]);
      assert.deepEqual(builtins(contractWith("calendar { hours 09:00-09:00 }")), ["VAL001@09:00-09:00"]);
    });
  });

  describe("percentages", () => {
    it("accepts 0% to 100% and rejects more", () => {
      assert.deepEqual(builtins(contractWith('service s { sla x { metric "up" >= 100% cap 0% } }')), []);
      assert.deepEqual(builtins(contractWith('service s { sla x { metric "up" >= 140% } }')), ["VAL001@140%"]);
      assert.deepEqual(builtins(contractWith('service s { sla x { cap 100.5% } }')), ["VAL001@100.5%"]);
    });
  });

  describe("calendars", () => {
    const w = (...texts: string[]): Word[] => texts.map((text) => ({ text, range: { start: 0, end: 0 } }));
    it("reads workday lists and ranges, wrapping over the weekend", () => {
      assert.deepEqual(parseWorkdays(w("mon-fri")), { days: [1, 2, 3, 4, 5] });
      assert.deepEqual(parseWorkdays(w("sun-thu")), { days: [1, 2, 3, 4, 7] });
      assert.deepEqual(parseWorkdays(w("mon", "wed")), { days: [1, 3] });
      assert.ok("problem" in parseWorkdays(w("funday")));
      assert.ok("problem" in parseWorkdays(w("mon-fri", "sat")));
    });

    it("rejects unknown days and time zones with VAL001", () => {
      assert.deepEqual(builtins(contractWith("calendar { workdays mon, funday }")), ["VAL001@funday"]);
      assert.deepEqual(builtins(contractWith('calendar { timezone "Mars/Olympus" }')), ['VAL001@"Mars/Olympus"']);
      assert.deepEqual(builtins(contractWith('calendar { timezone "Europe/London" workdays sun-thu }')), []);
    });

    it("rejects holiday region codes whose public holidays are unknown, naming the known ones", () => {
      assert.deepEqual(builtins(contractWith('calendar { holidays "GB-ENG" holidays "US" holidays "DE-BY" holidays "CH-ZH" }')), []);
      assert.deepEqual(builtins(contractWith('calendar { holidays "GB-XYZ" }')), ['VAL001@"GB-XYZ"']);
      assert.deepEqual(builtins(contractWith('calendar { holidays "Narnia" }')), ['VAL001@"Narnia"']);
      const linked = linkFiles({ "main.covenant": contractWith('calendar { holidays "GB-XYZ" }') });
      assert.match(linked.builtins[0].message, /GB-ENG/);
    });
  });

  it("valueProblem speaks in the user's words", () => {
    assert.match(valueProblem({ kind: "percent", value: 140, text: "140%", range: { start: 0, end: 4 } })!, /over 100%/);
    assert.match(valueProblem({ kind: "date", text: "2025-02-30", range: { start: 0, end: 10 } })!, /not a calendar date/);
  });
});

describe("isTimeZone", () => {
  // It answers canonical names from the runtime's list (fast) and the rest with Intl.DateTimeFormat (slow at first):
  // the answer must be Intl.DateTimeFormat's for every name either way.
  const accepted = (name: string): boolean => {
    try {
      new Intl.DateTimeFormat("en-GB", { timeZone: name });
      return name.length > 0;
    } catch {
      return false;
    }
  };

  it("agrees with Intl.DateTimeFormat on every canonical zone, aliases, other letter cases and non-zones", () => {
    const names = [...Intl.supportedValuesOf("timeZone"), "Asia/Calcutta", "US/Eastern", "UTC", "Etc/GMT+5", "europe/london", "EUROPE/PARIS", "", "Mars/Olympus", "Europe/London ", "+01:00", "constructor"];
    for (const name of names) assert.equal(isTimeZone(name), accepted(name), JSON.stringify(name));
    assert.equal(isTimeZone("Europe/London"), true);
    assert.equal(isTimeZone("Asia/Calcutta"), true);
    assert.equal(isTimeZone("Mars/Olympus"), false);
  });
});
