// The ten-year log of the benchmark (issue 11, bench/generate-log.ts) is a valid log of its contract: no
// syntax, reference or value error, the sizes it promises, and a relationship that replays to a realistic
// mix of resolved, formal, open and overdue matters, met and missed service levels.
import * as assert from "node:assert/strict";
import { Program } from "../../server/src/core/program";
import { allFindings } from "../../server/src/analysis/analyse";
import { logState } from "../../server/src/operations/operate";
import { logStatus } from "../../server/src/operations/status";
import { generateLog } from "../../bench/generate-log";

describe("generated ten-year log (bench/generate-log.ts)", function () {
  this.timeout(60_000);
  const g = generateLog({ seed: 11 });
  const files: Record<string, string> = { "file:///ws/contract.covenant": g.contract, "file:///ws/log.covenant": g.log };
  const linked = new Program({ read: (u) => files[u] }).link("file:///ws/log.covenant")!;

  it("has no syntax, reference or value error, in the log or its contract", () => {
    assert.deepEqual(linked.builtins.map((f) => `${f.code} ${f.message} at ${f.range.start}`), []);
    const contract = new Program({ read: () => undefined }).linkText("file:///ws/contract.covenant", g.contract);
    assert.deepEqual(contract.builtins.map((f) => `${f.code} ${f.message}`), []);
  });

  it("holds 1,000 matters, 10,000 events and 2,000 measurements beside a contract of about 1,000 lines", () => {
    const log = linked.file.parsed.file.logs[0];
    assert.equal(log.matters.length, 1_000);
    assert.equal(log.matters.reduce((n, m) => n + m.events.length, 0), 10_000);
    assert.equal(log.measures.length, 2_000);
    assert.deepEqual([g.counts.matters, g.counts.events, g.counts.measurements], [1_000, 10_000, 2_000]);
    const lines = g.contract.split("\n").length;
    assert.ok(lines > 900 && lines < 1_200, `contract of ${lines} lines`);
    const years = new Set(log.matters.map((m) => m.events[0].moment!.date.text.slice(0, 4)));
    assert.ok(years.size >= 10, `matters raised in ${[...years].join(", ")}`);
  });

  it("replays to mostly resolved matters, some formal, some open and a few of those overdue", () => {
    const state = logState(linked.logs[0], { today: g.today });
    assert.ok(state, "the log has a state");
    const status = logStatus(state, "log.covenant");
    const count = (s: string): number => status.matters.filter((m) => m.state === s).length;
    assert.equal(status.matters.length, 1_000, "every matter is replayed");
    assert.ok(count("resolved") > 800, `resolved: ${count("resolved")}`);
    assert.ok(count("formal") >= 10, `formal: ${count("formal")}`);
    const open = status.matters.filter((m) => m.state === "open");
    const overdue = open.filter((m) => m.overdue).length;
    assert.ok(open.length >= 20 && overdue >= 10 && overdue < open.length, `open: ${open.length}, overdue: ${overdue}`);
  });

  it("gives the findings of a lived relationship, not a flood", () => {
    const codes: Record<string, number> = {};
    for (const f of allFindings(linked, { today: g.today })) codes[f.code] = (codes[f.code] ?? 0) + 1;
    for (const code of ["MAT001", "SLM001", "EWL001"]) assert.ok(codes[code] > 0, `${code} in ${JSON.stringify(codes)}`);
    const total = Object.values(codes).reduce((a, b) => a + b, 0);
    assert.ok(total < 600, `${total} findings: ${JSON.stringify(codes)}`);
  });
});
