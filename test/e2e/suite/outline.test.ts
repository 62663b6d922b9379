// Scenario 5: the outline (document symbols) lists each escalation ladder with its tiers, in order.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, workspaceUri } from "./helpers";

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** The symbol standing for ladder `name`: its name is the ladder's id, possibly with a kind word. */
function ladder(symbols: readonly vscode.DocumentSymbol[], name: string): vscode.DocumentSymbol | undefined {
  const words = (s: vscode.DocumentSymbol) => s.name.split(/[\s:()]+/);
  return flatten(symbols).find((s) => words(s).includes(name) && (s.children ?? []).length > 0);
}

const tierNames = (symbol: vscode.DocumentSymbol | undefined) =>
  (symbol?.children ?? []).map((child) => child.name.split(/[\s:()]+/).filter((w) => w !== "tier")[0]);

async function outline(file: string): Promise<vscode.DocumentSymbol[]> {
  const uri = workspaceUri(file);
  await vscode.workspace.openTextDocument(uri);
  return eventually(
    async () =>
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        "vscode.executeDocumentSymbolProvider",
        uri,
      )) ?? [],
    (symbols) => symbols.length > 0,
  );
}

describe("outline", () => {
  before(activateExtension);

  it("lists northwind's two ladders and their tiers", async () => {
    const symbols = await outline("northwind.covenant");
    assert.ok(symbols.length > 0, "no document symbols for northwind.covenant");
    assert.ok("children" in symbols[0], "symbols are flat SymbolInformation, not an outline tree");
    assert.deepEqual(tierNames(ladder(symbols, "standard")), ["operational", "management", "executive"]);
    assert.deepEqual(tierNames(ladder(symbols, "expedited")), ["operational", "management", "executive"]);
  });

  it("lists payroll's ladder with its three tiers", async () => {
    const symbols = await outline("payroll.covenant");
    assert.deepEqual(tierNames(ladder(symbols, "only")), ["ops", "escalate", "top"]);
  });
});
