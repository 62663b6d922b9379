// The relationship log's engine on small in-memory contracts: the replay of matters (start rule, business
// days and hours, holidays, summer time), signal windows, service credits and the built-in errors of logs.
import * as assert from "node:assert/strict";
import { linkFiles, summarize } from "../helpers/memory";
import { logState, LogState } from "../../server/src/operations/operate";
import { current } from "../../server/src/operations/replay";
import { creditAmount } from "../../server/src/operations/service-levels";
import { credits } from "../../server/src/operations/status";
import { allFindings } from "../../server/src/analysis/analyse";
import type { Linked } from "../../server/src/core/link";

/** A contract with one ladder of the given tiers, the given calendar and extra contract items. */
function contract(tiers: string, options: { calendar?: string; extra?: string } = {}): string {
  return `contract c "C" {
  calendar { ${options.calendar ?? 'timezone "Europe/London" workdays mon-fri hours 09:00-17:00 holidays 2025-12-25, 2025-12-26, 2026-01-01'} }
  party cu "Customer" customer {
    person ann "Ann" person amy "Amy" { left 2025-11-01 }
    role ops "Ops" { holder ann deputy amy level operational }
    role boss "Boss" { holder amy deputy ann level executive }
  }
  party su "Supplier" supplier {
    person bob "Bob"
    role ops "Ops" { holder bob level operational }
    role boss "Boss" { holder bob level executive }
  }
  escalation l { ${tiers} then mediation }
  dispute { notice written mediation { provider "CEDR" } }
  ${options.extra ?? ""}
}
`;
}

const TWO_TIERS = "tier first { customer ops supplier ops within 2 business days } tier second { customer boss supplier boss within 4 business hours }";

function stateOf(linked: Linked, now = "2026-01-10T00:00:00Z"): LogState {
  const s = logState(linked.logs[0], { now });
  assert.ok(s, "the log has a state");
  return s;
}

function logFile(body: string, c = contract(TWO_TIERS)): Linked {
  return linkFiles({ "log.covenant": `import "c.covenant"\nlog c {\n${body}\n}\n`, "c.covenant": c }, "log.covenant");
}

function tiersOf(linked: Linked, now?: string): string[][] {
  const s = stateOf(linked, now);
  const r = [...s.replays.values()][0];
  return r.tiers.map((t) => [t.tier.name!.text, s.clock.format(t.opens), t.deadline ? s.clock.format(t.deadline) : "-"]);
}

describe("relationship log: replay", () => {
  it("starts the clock at the next opening when a matter is raised after closing, and counts business days over a weekend and holidays", () => {
    const linked = logFile("matter m { raised 2025-12-23 18:10 }");
    assert.deepEqual(linked.builtins, []);
    // Start Wed 24 Dec 09:00; 2 business days: 25, 26 holidays, weekend, Mon 29 is the first, Tue 30 the second.
    assert.deepEqual(tiersOf(linked), [["first", "2025-12-24T09:00:00+00:00", "2025-12-30T17:00:00+00:00"]]);
  });

  it("counts business hours across a weekend, and a deadline may fall exactly at closing time", () => {
    const linked = logFile("matter m { raised 2025-11-03 10:00 escalated 2025-11-07 15:00 to second }");
    // Friday 15:00 + 4 business hours: 2 hours on Friday, 2 on Monday from opening.
    assert.deepEqual(tiersOf(linked)[1], ["second", "2025-11-07T15:00:00+00:00", "2025-11-10T11:00:00+00:00"]);
    const closing = logFile("matter m { raised 2025-11-03 10:00 escalated 2025-11-07 13:00 to second }");
    assert.deepEqual(tiersOf(closing)[1], ["second", "2025-11-07T13:00:00+00:00", "2025-11-07T17:00:00+00:00"]);
  });

  it("keeps deadlines at 17:00 wall-clock across the end of British summer time", () => {
    // Summer time ends on Sunday 26 October 2025: Friday's 17:00 is +01:00, Monday's is +00:00.
    const linked = logFile("matter m { raised 2025-10-23 10:00 }");
    assert.deepEqual(tiersOf(linked), [["first", "2025-10-23T10:00:00+01:00", "2025-10-27T17:00:00+00:00"]]);
  });

  it("starts at the day's opening before opening time, and puts a stand-in at the table when the holder has left", () => {
    const linked = logFile("matter m { raised 2025-11-03 07:30 escalated 2025-11-04 10:00 to second }");
    const s = stateOf(linked);
    const r = [...s.replays.values()][0];
    assert.equal(s.clock.format(r.tiers[0].opens), "2025-11-03T09:00:00+00:00");
    const top = current(r);
    assert.equal(top.customer?.person, "ann");
    assert.deepEqual(top.customer?.flags, ["stand-in"]);
    assert.equal(top.supplier?.person, "bob");
  });

  it("leaves events in error out of the replay and reports the order rules at the event", () => {
    const linked = logFile(`matter m {
    raised 2025-11-03 10:00
    escalated 2025-11-04 10:00 to second
    escalated 2025-11-04 11:00 to first
    resumed 2025-11-04 12:00
    formal 2025-11-05 10:00 mediation
    escalated 2025-11-05 11:00 to second
    resolved 2025-11-06 10:00
    note 2025-11-05 "late note"
  }`);
    assert.deepEqual(summarize(linked.builtins, linked.file.text), ["VAL001@first", "VAL001@resumed", "VAL001@escalated", "VAL001@note"]);
    const r = [...stateOf(linked).replays.values()][0];
    assert.deepEqual(r.tiers.map((t) => t.tier.name!.text), ["first", "second"]);
    assert.equal(r.state, "resolved");
    assert.equal(r.formal?.stepName, "mediation");
  });

  it("resolves log names in the contract and records where they point", () => {
    const linked = logFile("matter m { raised 2025-11-03 10:00 by cu.ops escalated 2025-11-04 10:00 to second }");
    const targets = linked.occurrences.filter((o) => !o.isDeclaration).map((o) => `${linked.file.text.slice(o.range.start, o.range.end)}->${o.decl.kind}:${o.decl.uri.replace(/^.*\//, "")}`);
    assert.deepEqual(targets, ["c->contract:c.covenant", "cu->party:c.covenant", "ops->role:c.covenant", "second->tier:c.covenant"]);
    assert.ok(linked.occurrences.some((o) => o.isDeclaration && o.decl.kind === "matter" && o.decl.name === "m"));
  });

  it("reports a log of an unknown contract and a second log of the same contract in the file set", () => {
    const unknown = linkFiles({ "a.covenant": "log nobody { }\n" });
    assert.deepEqual(summarize(unknown.builtins, unknown.file.text), ["REF001@nobody"]);
    const files = {
      "c.covenant": contract(TWO_TIERS),
      "first.covenant": 'import "c.covenant"\nlog c { }\n',
      "second.covenant": 'import "first.covenant"\nlog c { }\nlog c { }\n',
    };
    const second = linkFiles(files, "second.covenant");
    assert.deepEqual(summarize(second.builtins, second.file.text), ["REF002@c", "REF002@c"]);
    assert.deepEqual(linkFiles(files, "first.covenant").builtins, []);
  });
});

describe("relationship log: early-warning signals", () => {
  const warning = (signals: string, respond = "respond within 2 business days") => contract(TWO_TIERS, { extra: `early-warning { ${respond} ${signals} }` });

  it("fires when N occurrences lie within a business-day window, counting from the start rule", () => {
    // due(Fri 7 Nov 16:00, 1 business day) is Mon 10 Nov 17:00: Monday 12:00 is inside, Tuesday 09:00 is not.
    const inside = logFile("signal 2025-11-07 16:00 formal-tone\nsignal 2025-11-10 12:00 formal-tone", warning("signal formal-tone 2 within 1 business day"));
    assert.deepEqual(stateOf(inside).firings.map((f) => stateOf(inside).clock.format(f.at)), ["2025-11-10T12:00:00+00:00"]);
    const outside = logFile("signal 2025-11-07 16:00 formal-tone\nsignal 2025-11-11 09:00 formal-tone", warning("signal formal-tone 2 within 1 business day"));
    assert.deepEqual(stateOf(outside).firings, []);
  });

  it("counts again only after a firing, and a response answers the firings it falls within", () => {
    const linked = logFile(`signal 2025-11-03 missed-deadlines
signal 2025-11-04 missed-deadlines
signal 2025-11-05 missed-deadlines
signal 2025-11-06 missed-deadlines
response 2025-11-05 10:00 "review"`, warning("signal missed-deadlines 2 within 30 days"));
    const s = stateOf(linked);
    assert.deepEqual(s.firings.map((f) => [s.clock.format(f.at), f.state]), [
      ["2025-11-04T00:00:00+00:00", "answered"],
      ["2025-11-06T00:00:00+00:00", "missed"],
    ]);
  });

  it("has no deadline without respond within, and fires a threshold-less signal at every occurrence", () => {
    const linked = logFile("signal 2025-11-03 formal-tone\nsignal 2025-11-04 formal-tone", warning("signal formal-tone", ""));
    assert.deepEqual(stateOf(linked).firings.map((f) => f.state), ["no-deadline", "no-deadline"]);
  });
});

describe("relationship log: service credits", () => {
  const service = (fee: string, sla: string): string => contract(TWO_TIERS, { extra: `service s { ${fee} sla a { ${sla} } }` });

  it("takes the largest credit whose condition holds, limited by the cap, and its share of a quarterly fee", () => {
    const linked = logFile("measure s.a 2025-10 97%\nmeasure s.a 2025-11 99.5%\nmeasure s.a 2025-12 90%",
      service("fee 30000 EUR quarterly", 'metric "up" >= 99.9% window monthly credit 5% below 99.9% credit 15% below 98% credit 40% below 95% cap 25%'));
    assert.deepEqual(linked.builtins, []);
    const rows = credits(stateOf(linked)).map((r) => [r.period, r.met, r.creditPercent, r.capped, r.amount, r.currency]);
    // A month is a third of the quarterly fee: 10000 EUR.
    assert.deepEqual(rows, [
      ["2025-10", false, 15, false, "1500.00", "EUR"],
      ["2025-11", false, 5, false, "500.00", "EUR"],
      ["2025-12", false, 25, true, "2500.00", "EUR"],
    ]);
  });

  it("rounds amounts to cents, half away from zero, exactly", () => {
    const fee = (amount: string, per: string) => ({ amount: { kind: "number" as const, value: Number(amount), text: amount, range: { start: 0, end: 0 } }, per: { text: per, range: { start: 0, end: 0 } }, keyword: { start: 0, end: 0 }, range: { start: 0, end: 0 } });
    assert.equal(creditAmount(fee("0.10", "monthly"), 5, "monthly"), "0.01"); // 0.005 rounds up
    assert.equal(creditAmount(fee("1000", "yearly"), 2.5, "monthly"), "2.08"); // 2.0833…
    assert.equal(creditAmount(fee("40000", "monthly"), 20, "quarterly"), "24000.00");
    assert.equal(creditAmount(fee("999.99", "monthly"), 0, "monthly"), "0.00");
  });

  it("reports a chronic series when N breaches start within D before the end of the period", () => {
    const linked = logFile("measure s.a 2025-07 90%\nmeasure s.a 2025-08 99%\nmeasure s.a 2025-12 90%\nmeasure s.a 2026-01 90%",
      service("", 'metric "fixed" >= 95% window monthly credit 2% below 95% chronic 3 breaches within 6 months -> terminate'));
    // 2026-01 ends 2026-02-01; six months before is 2025-08-01: July falls out, so only December and January count.
    assert.deepEqual(credits(stateOf(linked, "2026-02-10T00:00:00Z")).map((r) => [r.period, r.chronic]), [["2025-07", false], ["2025-08", false], ["2025-12", false], ["2026-01", false]]);
    const within = logFile("measure s.a 2025-08 90%\nmeasure s.a 2025-12 90%\nmeasure s.a 2026-01 90%",
      service("", 'metric "fixed" >= 95% window monthly chronic 3 breaches within 6 months -> terminate'));
    assert.deepEqual(credits(stateOf(within, "2026-02-10T00:00:00Z")).map((r) => r.chronic), [false, false, true]);
  });

  it("checks that a period fits the window and a value the metric, and compares durations in minutes", () => {
    const linked = logFile("measure s.a 2025-Q4 2 hours\nmeasure s.a 2025-11 95%\nmeasure s.a 2025-12 3 business hours\nmeasure s.a 2026-01 90 minutes",
      service("", 'metric "fix time" <= 2 business hours window monthly metric "again" <= 3 hours'));
    assert.deepEqual(summarize(linked.builtins, linked.file.text), ["VAL001@2025-Q4", "VAL001@95%", "VAL001@3 business hours"]);
    const c = linkFiles({ "c.covenant": service("", 'metric "fix time" <= 2 business hours window monthly metric "again" <= 3 hours') });
    assert.deepEqual(summarize(c.builtins, c.file.text), ["VAL001@metric"], "a second metric is reported in the contract");
    assert.deepEqual(credits(stateOf(linked, "2026-02-10T00:00:00Z")).map((r) => [r.period, r.met]), [["2026-01", true]]);
  });

  it("reads a CSV file with a byte-order mark, CRLF line ends and quoted notes, and names a bad row by its line", () => {
    const csv = "\ufeffperiod,value,note\r\n2025-10,99.97%,\"two\r\nlines\"\r\n\r\n2025-11,99.1%,\"outage, then a fix\"\r\n2025-12,lots,\r\n2026-01,99.99%,ok,extra\r\n";
    const files = {
      "c.covenant": service("fee 1000 GBP monthly", 'metric "up" >= 99.9% window monthly credit 10% below 99.9%'),
      "log.covenant": 'import "c.covenant"\nlog c {\n  measurements s.a "m.csv"\n}\n',
      "m.csv": csv,
    };
    const linked = linkFiles(files, "log.covenant");
    assert.deepEqual(linked.builtins.map((f) => f.message), [
      "'m.csv' line 7 has 4 fields; expected period,value,note",
      "'m.csv' line 6: 'lots' is not a value (99.91%, 12, 4 hours)",
    ]);
    assert.ok(linked.builtins.every((f) => linked.file.text.slice(f.range.start, f.range.end) === '"m.csv"'));
    const s = stateOf(linked);
    assert.deepEqual(linked.logs[0].measurements.map((m) => [m.row, m.period.text, m.note ?? null]), [[2, "2025-10", "two\r\nlines"], [5, "2025-11", "outage, then a fix"]]);
    assert.deepEqual(credits(s).map((r) => [r.period, r.amount]), [["2025-10", "0.00"], ["2025-11", "100.00"]]);
    const findings = allFindings(linked, { today: "2026-01-10" });
    assert.ok(findings.some((f) => f.code === "SLM001" && f.message.includes("line 5")), "the breach names its row");
  });

  it("reports a missing or wrong header and an unreadable file", () => {
    const base = { "c.covenant": service("", 'metric "up" >= 99.9% window monthly'), "log.covenant": 'import "c.covenant"\nlog c {\n  measurements s.a "m.csv"\n}\n' };
    const noHeader = linkFiles({ ...base, "m.csv": "2025-10,99.97%\n" }, "log.covenant");
    assert.deepEqual(noHeader.builtins.map((f) => [f.code, f.message]), [["VAL001", "'m.csv' has the header '2025-10,99.97%'; the first line must be `period,value` (optionally `,note`)"]]);
    const empty = linkFiles({ ...base, "m.csv": "" }, "log.covenant");
    assert.deepEqual(empty.builtins.map((f) => f.code), ["VAL001"]);
    const missing = linkFiles(base, "log.covenant");
    assert.deepEqual(missing.builtins.map((f) => f.code), ["REF004"]);
  });
});

describe("relationship log: missing periods and per-incident measurements", () => {
  const service = (sla: string): string => contract(TWO_TIERS, { extra: `early-warning { signal sla-breaches } service s { sla a { ${sla} } }` });

  it("finds each run of missing quarters up to the last quarter that ended by now, a trailing one included", () => {
    const linked = logFile("measure s.a 2024-Q3 99%\nmeasure s.a 2025-Q1 99%\nmeasure s.a 2025-Q2 99%", service('metric "up" >= 95% window quarterly'));
    const s = stateOf(linked, "2026-01-10T00:00:00Z");
    assert.deepEqual(s.gaps.map((g) => [g.before.period.text, g.missing.map((p) => p.text)]), [["2024-Q3", ["2024-Q4"]], ["2025-Q2", ["2025-Q3", "2025-Q4"]]]);
    const findings = allFindings(linked, { today: "2026-01-10" }).filter((f) => f.code === "SLM003");
    assert.deepEqual(findings.map((f) => f.message), ["s.a has no measurement for 2024-Q4 (after 2024-Q3)", "s.a has no measurement for 2025-Q3, 2025-Q4 (after 2025-Q2)"]);
  });

  it("takes a per-incident measurement as occurring at its date's 00:00, and never looks for gaps between incidents", () => {
    const linked = logFile("measure s.a 2025-11-03 5 hours\nmeasure s.a 2025-11-20 2 hours\nmeasure s.a 2025-11 3 hours", service('metric "fixed within" <= 4 hours window per-incident'));
    assert.deepEqual(summarize(linked.builtins, linked.file.text), ["VAL001@2025-11"]);
    const s = stateOf(linked);
    assert.deepEqual(s.firings.map((f) => s.clock.format(f.at)), ["2025-11-03T00:00:00+00:00"]);
    assert.deepEqual(s.gaps, []);
  });
});

describe("relationship log: quick fixes", () => {
  it("EWL003 adds the signal to the contract's early-warning block in the contract's file; MAT008 and MAT010 edit the log", () => {
    const c = contract(TWO_TIERS, { extra: "early-warning {\n    respond within 2 business days\n    signal formal-tone\n  }" });
    const linked = logFile(`signal 2025-11-04 tone-shift
matter m {
    raised 2025-11-03 10:00
    notice 2025-11-04 oral "Call"
  }`, c);
    const findings = allFindings(linked, { today: "2026-01-10" });
    const ewl = findings.find((f) => f.code === "EWL003")!;
    assert.equal(ewl.fix!.edits.length, 1);
    const edit = ewl.fix!.edits[0];
    assert.equal(edit.uri, "file:///ws/c.covenant");
    const fixed = c.slice(0, edit.start) + edit.text + c.slice(edit.end);
    assert.match(fixed, /signal formal-tone\n {4}signal tone-shift\n {2}\}/);
    assert.ok(!findings.some((f) => f.code === "EWL001"), "an unlisted kind never fires");
    const mat010 = findings.find((f) => f.code === "MAT010")!;
    assert.deepEqual(mat010.fix!.edits.map((e) => [linked.file.text.slice(e.start, e.end), e.text, e.uri]), [["oral", "written", undefined]]);
    const mat008 = findings.find((f) => f.code === "MAT008")!;
    assert.equal(linked.file.text.slice(0, mat008.fix!.edits[0].start).endsWith('notice 2025-11-04 oral "Call"'), true);
    assert.equal(mat008.fix!.edits[0].text, ' evidence ""');
  });
});
