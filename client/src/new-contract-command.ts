// "Covenant: New Contract…": asks for the kind, the parties, the governing law and the calendar's
// holiday region, asks the language server for the contract (server/src/features/new-contract.ts) and writes it.
// An argument object answers questions in advance: { kind, customer, supplier, law, region, effective,
// uri, overwrite } (the walkthrough and the end-to-end tests use it).
import * as vscode from "vscode";
import { CovenantServer } from "./language-server";
import {
  NewContractChoicesRequest,
  NewContractRequest,
  NewContractChoices,
  NewContractParams,
} from "../../server/src/wire/new-contract";
import { requestFailure } from "./request-errors";

const TITLE = "New Contract";

interface GivenAnswers extends Partial<NewContractParams> {
  /** Where to write the contract; a save dialog asks when absent. */
  uri?: string | vscode.Uri;
  /** Replace a file that exists at `uri`. */
  overwrite?: boolean;
}

/** One line of text that a party's name or a law can be; the server checks the rest. */
export function typedNameProblem(text: string, what: string): string | undefined {
  if (text.trim() === "") return `Type ${what}.`;
  if (text.trim().length > 120) return `${what[0].toUpperCase()}${what.slice(1)} is longer than 120 characters.`;
  return undefined;
}

export function registerNewContractCommand(context: vscode.ExtensionContext, server: CovenantServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("covenant.newContract", async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const given: GivenAnswers = typeof arg === "object" && arg !== null && !(arg instanceof vscode.Uri) ? (arg as GivenAnswers) : {};
      try {
        return await newContract(server, given);
      } catch (error) {
        const failure = requestFailure(error);
        if (!failure.cancelled) void vscode.window.showErrorMessage(`Covenant: ${failure.message}`);
        return undefined;
      }
    }),
  );
}

async function newContract(server: CovenantServer, given: GivenAnswers): Promise<vscode.Uri | undefined> {
  const choices = await server.request(NewContractChoicesRequest, {});
  const answers = await ask(choices, given);
  if (!answers) return undefined;
  const result = await server.request(NewContractRequest, answers);

  let target: vscode.Uri | undefined;
  if (given.uri) {
    target = given.uri instanceof vscode.Uri ? given.uri : /^[a-z][a-z0-9+.-]+:/i.test(given.uri) ? vscode.Uri.parse(given.uri) : vscode.Uri.file(given.uri);
    if (!given.overwrite && (await exists(target))) {
      void vscode.window.showErrorMessage(`Covenant: ${target.fsPath || target.toString()} exists already; the new contract was not written.`);
      return undefined;
    }
  } else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // The save dialog asks before it replaces a file.
    target = await vscode.window.showSaveDialog({
      title: `${TITLE}: save the contract`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, result.fileName) : undefined,
      filters: { "Covenant contract": ["covenant"] },
      saveLabel: "Create Contract",
    });
    if (!target) return undefined;
  }

  await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, "utf8"));
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document);
  // The first placeholder a person must fill in, selected, so that typing replaces it.
  const first = result.text.indexOf('"TO DECIDE: ');
  if (first >= 0) {
    const start = document.positionAt(first + 1);
    const end = document.positionAt(result.text.indexOf('"', first + 1));
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  void vscode.window.showInformationMessage(
    `Covenant: ${result.contract} has no finding. Replace each "TO DECIDE:" text with what the parties agree.`,
  );
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The questions, skipping those answered in advance; undefined when the user cancels one. */
async function ask(choices: NewContractChoices, given: GivenAnswers): Promise<NewContractParams | undefined> {
  let kind = given.kind;
  if (!kind) {
    const picked = await vscode.window.showQuickPick(
      choices.kinds.map((k) => ({ label: k.title, description: k.kind, detail: k.description, value: k.kind })),
      { title: `${TITLE}: kind of agreement`, placeHolder: "What kind of agreement is it?", matchOnDescription: true, ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    kind = picked.value;
  }

  const text = async (value: string | undefined, step: string, prompt: string, what: string, placeHolder: string): Promise<string | undefined> => {
    if (value !== undefined) return value;
    const typed = await vscode.window.showInputBox({
      title: `${TITLE}: ${step}`,
      prompt,
      placeHolder,
      ignoreFocusOut: true,
      validateInput: (t) => typedNameProblem(t, what),
    });
    return typed?.trim();
  };
  const customer = await text(given.customer, "customer", "The customer's name as the contract should write it", "the customer's name", "Northwind Traders");
  if (customer === undefined) return undefined;
  const supplier = await text(given.supplier, "supplier", "The supplier's name as the contract should write it", "the supplier's name", "Acme Services Ltd");
  if (supplier === undefined) return undefined;
  const law = await text(given.law, "governing law", "The law that governs the agreement", "the governing law", "England and Wales");
  if (law === undefined) return undefined;

  let region = given.region;
  if (!region) {
    const picked = await vscode.window.showQuickPick(
      choices.regions.map((r) => ({ label: r.code, description: r.name, detail: r.timezone })),
      {
        title: `${TITLE}: calendar`,
        placeHolder: "Whose public holidays do business days skip? (type a country or a region)",
        matchOnDescription: true,
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    region = picked.label;
  }
  return { kind, customer, supplier, law, region, effective: given.effective };
}
