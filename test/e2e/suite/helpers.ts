// Small waits and look-ups shared by the scenarios; every wait ends on a condition or a deadline.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

export const EXTENSION_ID = "covenant.covenant";

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the test window has no workspace folder");
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded (package.json publisher/name?)`);
  await extension.activate();
  return extension;
}

export async function openSample(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/** A copy of a workspace file under a new name, so that a test may change it freely. */
export async function copySample(name: string, copyName: string, transform = (text: string) => text) {
  const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(name))).toString("utf8");
  const uri = workspaceUri(copyName);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(transform(text), "utf8"));
  return uri;
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === "object" && code !== null ? String(code.value) : String(code ?? "");
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them, or with the last ones seen when
 * the deadline passes (the caller's assertion then shows what was there).
 */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => accept(vscode.languages.getDiagnostics(uri));
    if (check()) return resolve(vscode.languages.getDiagnostics(uri));
    const finish = () => {
      subscription.dispose();
      clearTimeout(timer);
      resolve(vscode.languages.getDiagnostics(uri));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && check()) finish();
    });
    const timer = setTimeout(finish, timeoutMs);
  });
}

/** Polls `probe` until it returns something accepted; returns the last value at the deadline. */
export async function eventually<T>(
  probe: () => PromiseLike<T> | T,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
  }
}

/** The `// expect: CODE ...` comments of a document: line (0-based) to codes. */
export function expectations(text: string): Map<number, string[]> {
  const result = new Map<number, string[]>();
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /\/\/\s*expect:\s*(.*)$/.exec(line);
    if (match) result.set(index, match[1].trim().split(/\s+/).filter(Boolean));
  });
  return result;
}

/** Findings compared with expect: comments, as the spec reads them; both lists empty means a match. */
export function compareWithExpectations(expected: Map<number, string[]>, diagnostics: readonly vscode.Diagnostic[]) {
  const missing: string[] = [];
  const unexpected: string[] = [];
  for (const [line, codes] of expected) {
    for (const code of codes) {
      if (!diagnostics.some((d) => d.range.start.line === line && codeOf(d) === code)) {
        missing.push(`line ${line + 1}: ${code}`);
      }
    }
  }
  for (const d of diagnostics) {
    if (!(expected.get(d.range.start.line) ?? []).includes(codeOf(d))) {
      unexpected.push(`line ${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`);
    }
  }
  return { missing, unexpected };
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n");
}

/** Position of the `occurrence`-th (0-based) `word` on the first line containing `lineText`. */
export function positionOf(
  document: vscode.TextDocument,
  lineText: string,
  word: string,
  offsetInWord = 1,
): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.includes(lineText)) continue;
    const column = text.indexOf(word, text.indexOf(lineText));
    assert.ok(column >= 0, `"${word}" not found on the line "${text}"`);
    return new vscode.Position(line, column + offsetInWord);
  }
  assert.fail(`no line contains "${lineText}"`);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** Commands that the extension registers; a missing one fails with its id rather than "not found". */
export async function requireCommand(id: string): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes(id), `the extension does not register the command ${id}`);
}
