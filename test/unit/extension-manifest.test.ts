// The extension manifest tells VS Code what the server announces, so themes colour it.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOKEN_TYPES } from "../../server/src/features/token-legend";
import { RULE_DOCS_BASE } from "../../server/src/analysis/rules";
import { INFORMATION_URI } from "../../server/src/cli/sarif";
import { ROOT } from "../helpers/paths";

const STANDARD_TYPES = new Set(["namespace", "class", "enum", "interface", "struct", "typeParameter", "type", "parameter", "variable", "property", "enumMember", "decorator", "event", "function", "method", "macro", "label", "comment", "string", "keyword", "number", "regexp", "operator"]);

describe("extension manifest", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

  it("declares every custom semantic token type of the server with a standard super type", () => {
    const declared = new Map<string, string>((manifest.contributes.semanticTokenTypes ?? []).map((t: { id: string; superType: string }) => [t.id, t.superType]));
    for (const type of TOKEN_TYPES) {
      if (STANDARD_TYPES.has(type)) continue;
      assert.ok(declared.has(type), `semanticTokenTypes lacks '${type}'`);
      assert.ok(STANDARD_TYPES.has(declared.get(type)!), `'${type}' has no standard superType`);
    }
  });

  it("activates on covenant files and runs the bundled extension", () => {
    assert.ok(manifest.activationEvents.includes("onLanguage:covenant"));
    assert.equal(manifest.main, "./dist/extension.js");
    assert.ok(manifest.contributes.languages.some((l: { id: string; extensions: string[] }) => l.id === "covenant" && l.extensions.includes(".covenant")));
  });
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG", `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Whether .vscodeignore (ignore everything, then `!` re-includes) lets the file into the .vsix; or .npmignore into the npm package. */
function packaged(file: string, ignoreFile = ".vscodeignore"): boolean {
  const lines = fs.readFileSync(path.join(ROOT, ignoreFile), "utf8").split("\n").map((l) => l.trim());
  const glob = (pattern: string): RegExp => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*")}$`);
  const relative = path.normalize(file).replace(/^\.\//, "");
  return lines.some((l) => l.startsWith("!") && glob(l.slice(1).replace(/^\//, "")).test(relative));
}

const clientSource = (): string =>
  fs.readdirSync(path.join(ROOT, "client", "src")).map((f) => fs.readFileSync(path.join(ROOT, "client", "src", f), "utf8")).join("\n");

describe("extension manifest: what VS Code and CI users expect", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const contributes = manifest.contributes;

  it("has a square PNG icon of 128 or 256 pixels, and a light and a dark SVG icon for .covenant files", () => {
    const { width, height } = pngSize(path.join(ROOT, manifest.icon));
    assert.equal(width, height);
    assert.ok(width === 128 || width === 256, `icon is ${width}×${height}`);
    const language = contributes.languages.find((l: { id: string }) => l.id === "covenant");
    for (const theme of ["light", "dark"]) {
      const file = language.icon[theme] as string;
      assert.match(file, /\.svg$/);
      assert.match(fs.readFileSync(path.join(ROOT, file), "utf8"), /^<svg [^>]*viewBox="0 0 16 16"/);
    }
  });

  it("names one repository for the source, the issues and the home page", () => {
    const repo = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(manifest.repository.url)?.[1];
    assert.ok(repo, manifest.repository.url);
    assert.equal(manifest.bugs.url, `https://github.com/${repo}/issues`);
    assert.equal(manifest.homepage, `https://github.com/${repo}#readme`);
    // The rule pages a diagnostic, SARIF and JUnit link to, and SARIF's tool URI, are in the same repository.
    assert.ok(RULE_DOCS_BASE.startsWith(`https://github.com/${repo}/`), RULE_DOCS_BASE);
    assert.equal(INFORMATION_URI, `https://github.com/${repo}`);
  });

  it("packages every bundle and code cache the build writes (the CLI loads the check worker and the DOCX renderer on demand)", () => {
    const bundles = fs.readdirSync(path.join(ROOT, "dist")).filter((f) => f.endsWith(".js") || f.endsWith(".cache"));
    for (const b of ["extension.js", "server.js", "cli.js", "check-worker.js", "schedule-docx.js", "cli.bundle.js", "check-worker.bundle.js", "server.bundle.js"]) assert.ok(bundles.includes(b), `the build wrote no dist/${b}`);
    for (const b of bundles) assert.ok(packaged(`dist/${b}`), `.vscodeignore leaves dist/${b} out of the .vsix`);
    // The npm package is the command line and the language server: everything but the extension.
    for (const b of bundles.filter((f) => f !== "extension.js")) assert.ok(packaged(`dist/${b}`, ".npmignore"), `.npmignore leaves dist/${b} out of the npm package`);
  });

  it("packages every file the manifest points at", () => {
    const language = contributes.languages.find((l: { id: string }) => l.id === "covenant");
    const files = [
      manifest.main, manifest.icon, language.icon.light, language.icon.dark, language.configuration,
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.jsonValidation.map((j: { url: string }) => j.url),
      ...contributes.walkthroughs.flatMap((w: { steps: { media: { image: string } }[] }) => w.steps.map((s) => s.media.image)),
      "CHANGELOG.md", "dist/server.js", "dist/cli.js",
    ];
    for (const file of files) {
      assert.ok(packaged(file), `.vscodeignore leaves ${file} out of the .vsix`);
      if (!file.startsWith("dist/") && !file.startsWith("./dist/")) assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} does not exist`);
    }
  });

  it("declares every command the extension registers, and registers every command it declares", () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...clientSource().matchAll(/registerCommand\("([\w.]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(declared, registered);
    const newContract = contributes.commands.find((c: { command: string }) => c.command === "covenant.newContract");
    assert.equal(`${newContract.category}: ${newContract.title}`, "Covenant: New Contract…");
  });

  it("restores the escalation panels and the dashboard after a reload: a serializer and an activation event for each view type", () => {
    const source = clientSource();
    const viewTypes = [...source.matchAll(/export const \w+_VIEW_TYPE = "([\w.]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(viewTypes, ["covenant.dashboard", "covenant.preview", "covenant.simulation"]);
    for (const viewType of viewTypes) assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${viewType}`), `no onWebviewPanel:${viewType}`);
    assert.match(source, /registerWebviewPanelSerializer\(viewType/);
    assert.match(source, /registerWebviewPanelSerializer\(DASHBOARD_VIEW_TYPE/);
  });

  it("validates covenant.json with the generated schema", () => {
    assert.deepEqual(contributes.jsonValidation, [{ fileMatch: "covenant.json", url: "./schemas/covenant.schema.json" }]);
  });

  it("offers the covenant task type with a check command, and the task provider uses it", () => {
    const [definition] = contributes.taskDefinitions;
    assert.equal(definition.type, "covenant");
    assert.deepEqual(definition.required, ["command"]);
    assert.deepEqual(definition.properties.command.enum, ["check"]);
    assert.ok(manifest.activationEvents.includes("onTaskType:covenant"));
    const source = clientSource();
    assert.match(source, /export const TASK_TYPE = "covenant"/);
    assert.match(source, /registerTaskProvider\(TASK_TYPE/);
    assert.match(source, /"\$covenant"/);
  });

  it("has a walkthrough whose steps create a contract, fix a finding, simulate and export the schedule, each with a picture", () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ["create-contract", "fix-finding", "simulate-escalation", "export-schedule"]);
    const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      const links = [...(step.description as string).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 1, `${step.id} has ${links.length} command links`);
      assert.ok(commands.has(links[0]) || links[0].startsWith("workbench."), `${step.id} links to ${links[0]}`);
      assert.deepEqual(step.completionEvents, [`onCommand:${links[0]}`]);
      assert.ok(step.media.altText.length > 10);
      const { width, height } = pngSize(path.join(ROOT, step.media.image));
      assert.ok(width >= 400 && height >= 250, `${step.media.image} is ${width}×${height}`);
    }
    assert.match(walkthrough.steps[0].description, /\(command:covenant\.newContract\)/);
    assert.match(walkthrough.steps[2].description, /\(command:covenant\.simulateEscalation\)/);
  });

  it("has a changelog with the work in progress and the manifest's version", () => {
    const changelog = fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8");
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    assert.deepEqual(versions.slice(0, 2), ["Unreleased", manifest.version]);
  });
});
