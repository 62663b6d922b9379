import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { linkFiles } from "../helpers/memory";
import { sample } from "../helpers/paths";
import { simulate, SimulationInput, SimulationResult } from "../../server/src/simulate/simulate";

const northwind = fs.readFileSync(sample("northwind.covenant"), "utf8");

function run(text: string, input: SimulationInput): SimulationResult {
  const outcome = simulate(linkFiles({ "c.covenant": text }), input);
  if ("error" in outcome) throw new Error(outcome.error);
  return outcome.result;
}

function error(text: string, input: SimulationInput): string {
  const outcome = simulate(linkFiles({ "c.covenant": text }), input);
  if (!("error" in outcome)) throw new Error("expected an input error");
  return outcome.error;
}

const who = (r: SimulationResult, side: "customer" | "supplier"): string[] => r.tiers.map((t) => t[side]?.name ?? "-");

/** A small contract: UTC calendar unless `calendar` is given, and the ladders in `body`. */
function contract(body: string, calendar = ""): string {
  return `contract small {
  party buyer "Buyer" customer {
    person ann "Ann" { title "Ops lead" email "ann@buyer.example" }
    person bob "Bob"
    person cy "Cy"
    role ops { holder ann deputy bob level operational }
    role cio { holder cy level executive }
  }
  party seller "Seller" supplier {
    person sam "Sam"
    person tia "Tia"
    role ops { holder sam deputy tia level operational }
    role md { holder tia level executive }
  }
  ${calendar}
  service mail "Mail" { criticality high }
  service wiki "Wiki" { criticality low }
  ${body}
}
`;
}

describe("escalation simulation", () => {
  describe("test vectors of simulation.md (northwind)", () => {
    it("T1: standard ladder raised after closing before Christmas", () => {
      const r = run(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z" });
      assert.equal(r.contract, "northwind-msa");
      assert.equal(r.ladder, "standard");
      assert.equal(r.raised, "2025-12-23T18:10:00+00:00");
      assert.equal(r.start, "2025-12-24T09:00:00+00:00");
      assert.deepEqual(r.tiers.map((t) => [t.tier, t.opens, t.deadline]), [
        ["operational", "2025-12-24T09:00:00+00:00", "2026-01-05T17:00:00+00:00"],
        ["management", "2026-01-05T17:00:00+00:00", "2026-01-19T17:00:00+00:00"],
        ["executive", "2026-01-19T17:00:00+00:00", "2026-02-02T17:00:00+00:00"],
      ]);
      assert.deepEqual(who(r, "customer"), ["Jo Lee", "Raj Patel", "Mo Okafor"]);
      assert.deepEqual(who(r, "supplier"), ["Tom Green", "Hana Sato", "Carla Diaz"]);
      assert.deepEqual(r.tiers[0].customer, { role: "ops", roleLabel: "Operations lead", party: "northwind", person: "jlee", name: "Jo Lee", title: "Service Manager", email: "jo.lee@northwind.example", flags: [] });
      const minutes = r.events.filter((e) => e.kind === "minutes-due").map((e) => [e.kind === "minutes-due" && e.board, e.at]);
      assert.deepEqual(minutes, [
        ["ops-review", "2025-12-30T17:00:00+00:00"],
        ["service-board", "2026-01-08T17:00:00+00:00"],
        ["exec-board", "2026-01-26T17:00:00+00:00"],
      ]);
      assert.deepEqual(r.formal, { step: "mediation", at: "2026-02-02T17:00:00+00:00", deadline: "2026-03-02T17:00:00+00:00", deadlineKind: "start" });
      assert.equal(r.outcome, "formal");
      assert.equal(r.resolved, null);
      assert.equal(r.servicesContinue, true);
      assert.ok(r.events.every((e) => e.services === "continue"));
      assert.equal(r.businessDays, 25);
      assert.deepEqual(r.events.map((e) => e.kind), ["tier-opened", "minutes-due", "tier-opened", "minutes-due", "tier-opened", "minutes-due", "formal-step"]);
    });

    it("T2: resolved at management 3 business days after it opens", () => {
      const r = run(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z", resolveAt: { tier: "management", after: "3 business days" } });
      assert.deepEqual(r.resolved, { tier: "management", at: "2026-01-08T17:00:00+00:00" });
      assert.deepEqual(r.tiers.map((t) => t.tier), ["operational", "management"]);
      assert.equal(r.formal, null);
      assert.equal(r.outcome, "resolved");
      assert.equal(r.events.at(-1)!.kind, "resolved");
      assert.ok(!r.events.some((e) => e.kind === "formal-step" || (e.kind === "tier-opened" && e.tier === "executive")));
      assert.equal(r.businessDays, 8);
    });

    it("T3: service idp, severity critical, raised on a Friday inside working hours: the expedited ladder", () => {
      const r = run(northwind, { service: "idp", severity: "critical", raised: "2026-01-02T16:00Z" });
      assert.equal(r.ladder, "expedited");
      assert.equal(r.start, "2026-01-02T16:00:00+00:00");
      assert.deepEqual(r.tiers.map((t) => t.deadline), ["2026-01-05T12:00:00+00:00", "2026-01-05T16:00:00+00:00", "2026-01-06T16:00:00+00:00"]);
      assert.deepEqual(r.formal, { step: "expert-determination", at: "2026-01-06T16:00:00+00:00", deadline: "2026-02-03T17:00:00+00:00", deadlineKind: "decide" });
    });

    it("T4: Raj Patel has left on 2026-01-01: his deputy Jo Lee stands in at management", () => {
      const text = northwind.replace(`person rpatel "Raj Patel" { title "CIO" }`, `person rpatel "Raj Patel" { title "CIO" left 2026-01-01 }`);
      assert.notEqual(text, northwind);
      const r = run(text, { ladder: "standard", raised: "2025-12-23T18:10Z" });
      const management = r.tiers[1].customer!;
      assert.equal(management.name, "Jo Lee");
      assert.deepEqual(management.flags, ["stand-in"]);
      assert.deepEqual(management.standsInFor, { person: "rpatel", name: "Raj Patel", left: "2026-01-01" });
      // Raj is still the executive tier's deputy, but Mo Okafor holds that role.
      assert.deepEqual(r.tiers[2].customer!.flags, []);
      // The timeline itself does not move.
      assert.equal(r.tiers[2].deadline, "2026-02-02T17:00:00+00:00");
    });
  });

  describe("own vectors", () => {
    it("keeps deadlines at 17:00 local across the change to British summer time", () => {
      const text = contract(`escalation std { tier ops { customer ops supplier ops within 2 business days } tier top { customer cio supplier md within 3 business days } }`, `calendar { timezone "Europe/London" }`);
      const r = run(text, { raised: "2026-03-27T10:00:00Z" });
      assert.equal(r.start, "2026-03-27T10:00:00+00:00");
      assert.deepEqual(r.tiers.map((t) => t.deadline), ["2026-03-31T17:00:00+01:00", "2026-04-03T17:00:00+01:00"]);
    });

    it("skips Good Friday and Easter Monday from the region code GB-ENG", () => {
      const text = contract(`escalation std { tier ops { customer ops supplier ops within 2 business days } }`, `calendar { timezone "Europe/London" holidays "GB-ENG" }`);
      const r = run(text, { raised: "2026-04-01T12:00:00+01:00" });
      assert.equal(r.tiers[0].deadline, "2026-04-07T17:00:00+01:00");
      assert.equal(r.businessDays, 2);
      assert.deepEqual(r.calendar.regions, ["GB-ENG"]);
    });

    it("skips a Bavarian holiday (Epiphany) from the region code DE-BY", () => {
      const text = contract(`escalation std { tier ops { customer ops supplier ops within 1 business day } }`, `calendar { timezone "Europe/Berlin" holidays "DE-BY" }`);
      assert.equal(run(text, { raised: "2026-01-05T10:00:00+01:00" }).tiers[0].deadline, "2026-01-07T17:00:00+01:00");
    });

    it("carries business hours over a weekend, and a deadline may fall exactly at closing", () => {
      const text = contract(`escalation fast { tier one { customer ops supplier ops within 4 business hours } tier two { customer cio supplier md within 4 business hours } }`);
      const r = run(text, { raised: "2026-01-09T13:00:00Z" });
      assert.deepEqual(r.tiers.map((t) => t.deadline), ["2026-01-09T17:00:00+00:00", "2026-01-12T13:00:00+00:00"]);
    });

    it("puts 1 month after 31 January on the last day of February", () => {
      const text = contract(`escalation slow { tier one { customer ops supplier ops within 1 month } }`);
      const r = run(text, { raised: "2025-01-31T10:00:00Z" });
      assert.equal(r.tiers[0].deadline, "2025-02-28T10:00:00+00:00");
    });

    it("resolves at a tier's deadline when no time is given, and accepts a resolution exactly at the deadline", () => {
      const r = run(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z", resolveAt: { tier: "operational" } });
      assert.deepEqual(r.resolved, { tier: "operational", at: "2026-01-05T17:00:00+00:00" });
      const exact = run(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z", resolveAt: { tier: "management", after: "10 business days" } });
      assert.equal(exact.resolved!.at, "2026-01-19T17:00:00+00:00");
    });

    it("makes a resolution after the tier's deadline an input error", () => {
      assert.equal(
        error(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z", resolveAt: { tier: "management", after: "11 business days" } }),
        "a resolution 11 business days after tier 'management' opens (2026-01-20T17:00:00+00:00) falls after its deadline (2026-01-19T17:00:00+00:00)",
      );
    });

    it("rejects unknown names and unreadable values, one sentence each", () => {
      const raised = "2025-12-23T18:10Z";
      assert.equal(error(northwind, { ladder: "fast", raised }), "contract 'northwind-msa' has no ladder 'fast' (ladders: standard, expedited)");
      assert.match(error(northwind, { ladder: "standard", raised, resolveAt: { tier: "board" } }), /^ladder 'standard' has no tier 'board' \(tiers: operational, management, executive\)$/);
      assert.match(error(northwind, { service: "email", raised }), /^contract 'northwind-msa' has no service 'email' \(services: eud, idp\)$/);
      assert.match(error(northwind, { severity: "urgent", raised }), /^'urgent' is not a severity \(critical, high, standard, low\)$/);
      assert.match(error(northwind, { raised: "23/12/2025" }), /^'23\/12\/2025' is not an ISO 8601 instant/);
      assert.match(error(northwind, { raised, resolveAt: { tier: "management", after: "soon" } }), /^'soon' is not a duration/);
      assert.match(error(northwind, { raised, resolveAt: { tier: "management", after: "2 business weeks" } }), /is not a duration/);
      assert.match(error(northwind, { contract: "other", raised }), /^no contract 'other' in this file \(contracts: northwind-msa\)$/);
      const two = `${contract("")}\ncontract second { party x customer { } party y supplier { } }\n`;
      assert.match(error(two, { raised }), /several contracts \(small, second\)/);
    });

    describe("ladder choice", () => {
      const ladders = `
        escalation standard { tier one { customer ops supplier ops within 5 business days } }
        escalation urgent { applies-to severity critical tier one { customer ops supplier ops within 4 business hours } }
        escalation important { applies-to criticality high tier one { customer ops supplier ops within 1 business day } }`;
      const raised = "2026-01-07T10:00:00Z";

      it("takes the first ladder whose applies-to matches the severity or the service's criticality", () => {
        const bySeverity = run(contract(ladders), { severity: "critical", raised });
        assert.deepEqual([bySeverity.ladder, bySeverity.ladderChosenBy], ["urgent", "severity"]);
        const byCriticality = run(contract(ladders), { service: "mail", raised });
        assert.deepEqual([byCriticality.ladder, byCriticality.ladderChosenBy], ["important", "criticality"]);
        const both = run(contract(ladders), { service: "mail", severity: "critical", raised });
        assert.equal(both.ladder, "urgent", "the first ladder written that matches either");
      });

      it("falls back to the dispute block's default ladder, else the first ladder without applies-to", () => {
        const withDefault = contract(`${ladders}\n escalation calm { tier one { customer ops supplier ops within 9 business days } }\n dispute { ladder calm }`);
        const d = run(withDefault, { service: "wiki", raised });
        assert.deepEqual([d.ladder, d.ladderChosenBy], ["calm", "default"]);
        const s = run(contract(ladders), { severity: "low", raised });
        assert.deepEqual([s.ladder, s.ladderChosenBy], ["standard", "standard"]);
      });

      it("uses the ladder it is given even when another applies", () => {
        assert.equal(run(contract(ladders), { ladder: "standard", severity: "critical", raised }).ladder, "standard");
      });

      it("says so when no ladder can be chosen", () => {
        const onlyUrgent = contract(`escalation urgent { applies-to severity critical tier one { customer ops supplier ops within 4 business hours } }`);
        assert.match(error(onlyUrgent, { severity: "low", raised }), /no ladder of contract 'small' applies to severity low/);
      });
    });

    it("flags a side unreachable when holder and deputy have left, and the clock runs on", () => {
      const text = contract(`escalation std { tier one { customer ops supplier ops within 2 business days } tier two { customer cio supplier md within 2 business days } }`)
        .replace(`person ann "Ann" {`, `person ann "Ann" { left 2026-01-01`)
        .replace(`person bob "Bob"`, `person bob "Bob" { left 2026-01-02 }`)
        .replace(`person tia "Tia"`, `person tia "Tia" { left 2026-01-09 }`);
      const r = run(text, { raised: "2026-01-07T10:00:00Z" });
      const c = r.tiers[0].customer!;
      assert.deepEqual([c.role, c.person, c.flags], ["ops", undefined, ["unreachable"]]);
      assert.match(c.reason!, /left/);
      // Tia stands in for Sam? No: Sam holds seller.ops; Tia holds md and has left by tier two's opening (9 January).
      assert.deepEqual(r.tiers[1].supplier!.flags, ["unreachable"]);
      assert.equal(r.tiers[1].deadline, "2026-01-13T17:00:00+00:00");
    });

    it("judges a stand-in at the tier's opening date, not at the start", () => {
      const text = contract(`escalation std { tier one { customer ops supplier ops within 2 business days } tier two { customer ops supplier ops within 2 business days } }`)
        .replace(`person ann "Ann" {`, `person ann "Ann" { left 2026-01-09`);
      const r = run(text, { raised: "2026-01-07T10:00:00Z" });
      assert.deepEqual(r.tiers.map((t) => [t.opens.slice(0, 10), t.customer!.name, t.customer!.flags.join()]), [
        ["2026-01-07", "Ann", ""],
        ["2026-01-09", "Bob", "stand-in"],
      ]);
    });

    it("marks every event at-risk when the contract does not say services continue", () => {
      const text = contract(`escalation std { tier one { customer ops supplier ops within 2 business days } } continuity { services may-suspend }`);
      const r = run(text, { raised: "2026-01-07T10:00:00Z" });
      assert.equal(r.servicesContinue, false);
      assert.ok(r.events.length > 0 && r.events.every((e) => e.services === "at-risk"));
    });

    it("ends with the ladder's last deadline and a note when the ladder names no formal step", () => {
      const r = run(contract(`escalation std { tier one { customer ops supplier ops within 2 business days } }`), { raised: "2026-01-07T10:00:00Z" });
      assert.deepEqual(r.formal, { step: null, at: "2026-01-09T17:00:00+00:00", deadline: null });
      assert.match(r.notes.join(), /names no formal step/);
    });

    it("gives no events after the resolution, and keeps minutes due at the same moment", () => {
      const r = run(northwind, { ladder: "standard", raised: "2025-12-23T18:10Z", resolveAt: { tier: "operational", after: "2 business days" } });
      assert.equal(r.resolved!.at, "2025-12-30T17:00:00+00:00");
      assert.deepEqual(r.events.map((e) => `${e.kind}@${e.at.slice(0, 10)}`), ["tier-opened@2025-12-24", "minutes-due@2025-12-30", "resolved@2025-12-30"]);
    });

    it("simulates an intact ladder in a file with a syntax error elsewhere, and refuses a broken ladder", () => {
      const brokenService = contract(`escalation std { tier one { customer ops supplier ops within 2 business days } }`).replace(`service wiki "Wiki" { criticality low }`, `service wiki "Wiki" { criticality }`);
      assert.equal(run(brokenService, { raised: "2026-01-07T10:00:00Z" }).tiers[0].deadline, "2026-01-09T17:00:00+00:00");
      const brokenLadder = contract(`escalation std { tier one { customer ops supplier ops within 2 business } }`);
      assert.match(error(brokenLadder, { raised: "2026-01-07T10:00:00Z" }), /^ladder 'std' has a syntax error/);
      const noWithin = contract(`escalation std { tier one { customer ops supplier ops } }`);
      assert.match(error(noWithin, { raised: "2026-01-07T10:00:00Z" }), /^tier 'one' of ladder 'std' has no 'within'/);
    });

    it("refuses a deadline more than a hundred years ahead instead of counting it day by day", () => {
      const text = (w: string): string => contract(`escalation e { tier one { customer ops supplier ops within ${w} } }`);
      assert.match(error(text("500 years"), { raised: "2026-01-07T10:00:00Z" }), /^'500 years' reaches more than a hundred years ahead$/);
      assert.match(error(text("99999999 business hours"), { raised: "2026-01-07T10:00:00Z" }), /reaches more than a hundred years ahead/);
    });

    it("is deterministic and cheap", () => {
      const linked = linkFiles({ "c.covenant": northwind });
      const first = JSON.stringify(simulate(linked, { ladder: "standard", raised: "2025-12-23T18:10Z" }));
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) assert.equal(JSON.stringify(simulate(linked, { ladder: "standard", raised: "2025-12-23T18:10Z" })), first);
      const each = (performance.now() - t0) / 50;
      assert.ok(each < 20, `a simulation took ${each.toFixed(1)} ms`);
    });
  });
});
