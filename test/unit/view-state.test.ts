import { strict as assert } from "node:assert";
import { PREVIEW_VIEW_TYPE, readViewState, SIMULATION_VIEW_TYPE } from "../../client/src/view-state";

describe("escalation view state across a window reload", () => {
  const uri = "file:///work/deal.covenant";
  const params = { uri, ladder: "expedited", raised: "2026-12-15T16:30:00Z", severity: "critical", resolveAt: { tier: "management", after: "2 business hours" } };

  it("reads back what a preview and a simulation saved", () => {
    assert.deepEqual(readViewState(PREVIEW_VIEW_TYPE, { version: 1, kind: "preview", uri, focus: { ladder: "standard" } }), {
      version: 1, kind: "preview", uri, focus: { contract: undefined, ladder: "standard" },
    });
    assert.deepEqual(readViewState(SIMULATION_VIEW_TYPE, { version: 1, kind: "simulation", uri, params }), {
      version: 1, kind: "simulation", uri,
      params: { uri, contract: undefined, ladder: "expedited", service: undefined, severity: "critical", raised: "2026-12-15T16:30:00Z", resolveAt: { tier: "management", after: "2 business hours" } },
    });
  });

  it("refuses a state it cannot use, with a message that says to run the command again", () => {
    const refused = [
      [PREVIEW_VIEW_TYPE, undefined],
      [PREVIEW_VIEW_TYPE, "file:///x"],
      [PREVIEW_VIEW_TYPE, { version: 2, kind: "preview", uri }],
      [PREVIEW_VIEW_TYPE, { version: 1, kind: "simulation", uri, params }],
      [PREVIEW_VIEW_TYPE, { version: 1, kind: "preview", uri, focus: { ladder: 3 } }],
      [SIMULATION_VIEW_TYPE, { version: 1, kind: "simulation", uri }],
      [SIMULATION_VIEW_TYPE, { version: 1, kind: "simulation", uri, params: { ...params, severity: "urgent" } }],
      [SIMULATION_VIEW_TYPE, { version: 1, kind: "simulation", uri, params: { ...params, raised: 5 } }],
      [SIMULATION_VIEW_TYPE, { version: 1, kind: "simulation", uri: "", params }],
      ["covenant.other", { version: 1, kind: "preview", uri }],
    ] as const;
    for (const [viewType, state] of refused) {
      const read = readViewState(viewType, state);
      assert.ok("problem" in read, JSON.stringify(state));
      assert.match(read.problem, /run the command again/);
    }
  });
});
