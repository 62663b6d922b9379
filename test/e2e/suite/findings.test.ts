// Scenario 1: opening payroll.covenant shows the findings its `// expect:` comments name, where the
// spec says each is reported, with the spec's default severities and a link to the rule docs.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import {
  activateExtension,
  codeOf,
  compareWithExpectations,
  diagnosticsWhen,
  expectations,
  openSample,
} from "./helpers";

// checks.md, "where": the text each payroll finding's range covers (the contract's name, the tier's name...).
const REPORTED_ON: Record<string, string[]> = {
  REC001: ["payroll"],
  EWS001: ["payroll"],
  CHG001: ["payroll"],
  TRM001: ["payroll"],
  GOV002: ["buyer.lou", "lou"],
  CAL001: ["calendar"],
  CNT003: ["payroll-run"],
  EXP001: ["payroll-run"],
  SLA001: ["uptime"],
  SLA002: ["uptime"],
  SLA004: ["uptime"],
  SLA003: ["report-delivery"],
  RAC001: ['"Release management"', "Release management"],
  REC002: ["weekly-sync"],
  GOV003: ["buyer.cto", "cto", "vendor.am", "am"],
  ESC004: ["only"],
  ESC003: ["escalate"],
  ESC005: ["escalate", "top"],
  PPL001: ["procurement"],
  ESC008: ["procurement", "cto"],
  ESC010: ["top"],
  ESC002: ["am"],
  DSP002: ["arbitration"],
  DSP003: ["arbitration"],
  CNT002: ["suspension allowed"],
};

// checks.md default severities, one of each kind.
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  REC001: vscode.DiagnosticSeverity.Error,
  ESC002: vscode.DiagnosticSeverity.Error,
  GOV002: vscode.DiagnosticSeverity.Warning,
  CNT002: vscode.DiagnosticSeverity.Warning,
  ESC008: vscode.DiagnosticSeverity.Information,
  SLA004: vscode.DiagnosticSeverity.Information,
};

describe("findings in the editor (payroll.covenant)", () => {
  let document: vscode.TextDocument;
  let diagnostics: readonly vscode.Diagnostic[];
  let expected: Map<number, string[]>;

  before(async () => {
    await activateExtension();
    document = (await openSample("payroll.covenant")).document;
    expected = expectations(document.getText());
    diagnostics = await diagnosticsWhen(
      document.uri,
      (found) => compareWithExpectations(expected, found).missing.length === 0,
    );
  });

  it("shows exactly the findings named by the expect: comments, on their lines", () => {
    assert.ok(expected.size > 10, "payroll.covenant lost its expect: comments");
    assert.deepEqual(compareWithExpectations(expected, diagnostics), { missing: [], unexpected: [] });
  });

  it("underlines the element the spec names for each finding", () => {
    const misplaced = diagnostics
      .filter((d) => REPORTED_ON[codeOf(d)] && !REPORTED_ON[codeOf(d)].includes(document.getText(d.range)))
      .map((d) => `${codeOf(d)} on line ${d.range.start.line + 1} covers "${document.getText(d.range)}"`);
    assert.ok(diagnostics.length > 0, "no findings at all");
    assert.deepEqual(misplaced, []);
  });

  it("uses the default severities of checks.md", () => {
    const wrong = diagnostics
      .filter((d) => SEVERITY[codeOf(d)] !== undefined && d.severity !== SEVERITY[codeOf(d)])
      .map((d) => `${codeOf(d)}: ${vscode.DiagnosticSeverity[d.severity]}`);
    for (const code of Object.keys(SEVERITY)) {
      assert.ok(diagnostics.some((d) => codeOf(d) === code), `no ${code} finding to check the severity of`);
    }
    assert.deepEqual(wrong, []);
  });

  it("links every finding to its rule documentation", () => {
    const unlinked = diagnostics
      .filter((d) => typeof d.code !== "object" || !d.code?.target)
      .map((d) => codeOf(d) || d.message);
    assert.ok(diagnostics.length > 0, "no findings at all");
    assert.deepEqual(unlinked, []);
  });
});
