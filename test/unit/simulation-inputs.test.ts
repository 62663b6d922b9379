// What "Covenant: Simulate Escalation…" asks and checks as the user types, and the messages it shows.
import * as assert from "node:assert/strict";
import { findLadder, orderLadders } from "../../client/src/ladder-choice";
import type { EscalationGraph, GraphLadder } from "../../client/src/protocol";
import { requestFailure } from "../../client/src/request-errors";
import { durationProblem, givenInputs, instantNow, instantProblem, normalizeDuration, parseInstant } from "../../client/src/simulation-inputs";

describe("simulation inputs", () => {
  describe("when the matter was raised", () => {
    it("accepts ISO 8601 instants with Z or an offset, with or without seconds", () => {
      for (const ok of ["2025-12-23T18:10:00Z", "2025-12-23T18:10Z", "2026-06-01T09:00:00+01:00", "2026-01-02T16:00:00.250-05:00", "2024-02-29T00:00:00Z"]) {
        assert.equal(instantProblem(ok), undefined, ok);
      }
      assert.deepEqual(parseInstant("2026-06-01T09:05:07+01:00"), { year: 2026, month: 6, day: 1, hour: 9, minute: 5, second: 7, offset: "+01:00" });
    });

    it("says what is wrong while the user types", () => {
      assert.match(instantProblem("")!, /Enter when the matter was raised/);
      assert.match(instantProblem("23/12/2025")!, /YYYY-MM-DD/);
      assert.match(instantProblem("2025-02-30T09:00Z")!, /2025-02-30 is not a calendar date/);
      assert.match(instantProblem("2025-12-23")!, /Add the time and a time zone/);
      assert.match(instantProblem("2025-12-23 18:10")!, /after a T/);
      assert.match(instantProblem("2025-12-23T25:10Z")!, /25:10 is not a time of day/);
      assert.match(instantProblem("2025-12-23T18:10")!, /Add a time zone/);
      assert.match(instantProblem("2025-12-23T18:10 BST")!, /is not a time zone/);
      assert.match(instantProblem("2025-12-23T18:10+1")!, /is not a time zone/);
    });

    it("offers now, to the minute, in the local offset, as a valid instant", () => {
      const now = instantNow(new Date(2026, 0, 2, 16, 5, 42));
      assert.match(now, /^2026-01-02T16:05:00[+-]\d{2}:\d{2}$/);
      assert.equal(instantProblem(now), undefined);
    });
  });

  describe("how long after a tier opens it is resolved", () => {
    it("accepts whole amounts of the language's units", () => {
      for (const ok of ["3 business days", "1 business day", "4 business hours", "1 month", "2 weeks", "90 minutes", " 3  Business  Days "]) {
        assert.equal(durationProblem(ok), undefined, ok);
      }
      assert.equal(normalizeDuration(" 3  Business  Days "), "3 business days");
    });

    it("rejects what the language rejects, saying why", () => {
      assert.match(durationProblem("1.5 days")!, /whole number/);
      assert.match(durationProblem("0 days")!, /at least 1/);
      assert.match(durationProblem("3 fortnights")!, /"fortnights" is not a unit/);
      assert.match(durationProblem("2 business weeks")!, /Only hours and days/);
      assert.match(durationProblem("days")!, /whole number and a unit/);
    });
  });

  describe("answers passed with the command", () => {
    it("takes a valid set of answers as given", () => {
      assert.deepEqual(givenInputs({ raised: " 2025-12-23T18:10Z ", severity: "critical", resolveAt: { tier: "management", after: "3 business days" } }), {
        given: { raised: "2025-12-23T18:10Z", severity: "critical", resolveAt: { tier: "management", after: "3 business days" } },
      });
      assert.deepEqual(givenInputs(undefined), {});
    });

    it("names what is wrong instead of asking again", () => {
      assert.ok("problem" in givenInputs({}));
      assert.ok("problem" in givenInputs("2025-12-23T18:10Z"));
      assert.ok("problem" in givenInputs({ raised: "yesterday" }));
      assert.ok("problem" in givenInputs({ raised: "2025-12-23T18:10Z", resolveAt: { tier: "t", after: "soon" } }));
      assert.ok("problem" in givenInputs({ raised: "2025-12-23T18:10Z", resolveAt: "t" }));
    });
  });

  describe("choosing the ladder", () => {
    const ladder = (name: string, startLine: number, endLine: number): GraphLadder => ({
      name,
      appliesTo: [],
      range: { start: { line: startLine, character: 2 }, end: { line: endLine, character: 3 } },
      tiers: [],
    });
    const graph: EscalationGraph = {
      contracts: [
        { name: "a", ladders: [ladder("standard", 10, 20), ladder("expedited", 22, 30)] },
        { name: "b", ladders: [ladder("standard", 40, 50)] },
      ],
      svg: "",
      mermaid: "",
    };

    it("puts the ladder under the cursor first and keeps the others in file order", () => {
      const order = orderLadders(graph, { line: 25, character: 0 });
      assert.deepEqual(order.map((c) => `${c.contract.name}.${c.ladder.name}`), ["a.expedited", "a.standard", "b.standard"]);
      assert.deepEqual(order.map((c) => c.underCursor), [true, false, false]);
    });

    it("counts the declaration's first and last characters as under the cursor", () => {
      assert.equal(orderLadders(graph, { line: 40, character: 2 })[0].contract.name, "b");
      assert.equal(orderLadders(graph, { line: 50, character: 3 })[0].contract.name, "b");
      assert.ok(!orderLadders(graph, { line: 50, character: 4 }).some((c) => c.underCursor));
    });

    it("keeps file order when the cursor is outside every ladder", () => {
      const order = orderLadders(graph, { line: 0, character: 0 });
      assert.deepEqual(order.map((c) => c.ladder.name), ["standard", "expedited", "standard"]);
      assert.ok(order.every((c) => !c.underCursor));
    });

    it("finds a ladder named by a code lens, in its contract", () => {
      assert.equal(findLadder(graph, "standard", "b")?.ladder.range.start.line, 40);
      assert.equal(findLadder(graph, "standard")?.contract.name, "a");
      assert.equal(findLadder(graph, "missing"), undefined);
    });
  });

  describe("errors from the server", () => {
    it("shows the server's own message, which the server writes for the user", () => {
      const failure = requestFailure({ code: -32602, message: "the ladder standard has no tier named board" });
      assert.deepEqual(failure, { cancelled: false, message: "the ladder standard has no tier named board." });
      assert.equal(requestFailure(new Error("Resolution after the tier's deadline.")).message, "Resolution after the tier's deadline.");
    });

    it("stays silent on a cancelled request and explains a server that lacks the request", () => {
      assert.equal(requestFailure({ code: -32800, message: "cancelled" }).cancelled, true);
      assert.match(requestFailure({ code: -32601, message: "Unhandled method" }, "covenant/simulate").message, /does not answer covenant\/simulate/);
    });
  });
});
