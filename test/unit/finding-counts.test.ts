// The status bar item's text for a Covenant file's findings.
import * as assert from "node:assert/strict";
import { countFindings, statusDescription, statusText } from "../../client/src/finding-counts";

describe("finding counts in the status bar", () => {
  it("counts errors, warnings, and information with hints", () => {
    // vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3.
    const counts = countFindings([0, 1, 1, 2, 3, 0, 1]);
    assert.deepEqual(counts, { errors: 2, warnings: 3, infos: 2 });
    assert.equal(statusText(counts), "$(law) $(error) 2 $(warning) 3 $(info) 2");
  });

  it("reads well in the tooltip and to a screen reader", () => {
    assert.equal(statusDescription(countFindings([]), "a.covenant"), "a.covenant: no errors, no warnings, no infos");
    assert.equal(statusDescription(countFindings([0, 1, 2]), "a.covenant"), "a.covenant: 1 error, 1 warning, 1 info");
  });
});
