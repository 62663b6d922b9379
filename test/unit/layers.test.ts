// The layers hold (docs/decisions.md, "Layers"): every import of server/src and client/src, `import type`
// and `export ... from` included, goes along client → wire ← lsp → features → analysis | simulate | format → core.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ROOT } from "../helpers/paths";

type Layer = "client" | "wire" | "lsp" | "cli" | "features" | "documents" | "analysis" | "operations" | "simulate" | "format" | "core";

/** What each layer may import from the layers (its own included); anything else is against the direction. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  client: ["client", "wire"],
  // The wire's answers are the simulator's own types; its values come only from modules with no runtime imports.
  wire: ["wire", "simulate", "core"],
  lsp: ["lsp", "wire", "features", "documents", "analysis", "operations", "simulate", "format", "core"],
  cli: ["cli", "wire", "features", "documents", "analysis", "operations", "simulate", "format", "core"],
  features: ["features", "analysis", "operations", "simulate", "format", "core"],
  // Documents for people who never open an editor (the governance schedule): view models and renderers.
  documents: ["documents", "operations", "simulate", "format", "core"],
  // The log's checks read the replay of operations/.
  analysis: ["analysis", "operations", "core"],
  // The relationship log: replay, signals, service levels, on the simulator's calendar.
  operations: ["operations", "simulate", "core"],
  simulate: ["simulate", "core"],
  format: ["format", "core"],
  core: ["core"],
};

/** Layers that may import only the types of another layer. */
const TYPES_ONLY: Partial<Record<Layer, readonly Layer[]>> = { cli: ["wire"] };

/** Packages that belong to one edge of the program: VS Code to client/, the LSP libraries to lsp/. */
function packageProblem(layer: Layer, pkg: string, typeOnly: boolean): string | undefined {
  const isNode = pkg.startsWith("node:") || ["fs", "path", "os", "url", "util", "crypto", "child_process", "v8"].includes(pkg);
  if ((pkg === "vscode" || pkg.startsWith("vscode-languageclient")) && layer !== "client") return "VS Code is imported by client/ only";
  if (pkg.startsWith("vscode-languageserver") && layer !== "lsp") {
    if (layer === "wire" && typeOnly && pkg === "vscode-languageserver-protocol") return undefined;
    return "the LSP libraries are imported by lsp/ only (wire/ may take types from vscode-languageserver-protocol)";
  }
  // Hashing is a pure computation: the schedule's fingerprint.
  if (pkg === "node:crypto" && layer === "documents") return undefined;
  if (isNode && !["client", "lsp", "cli"].includes(layer)) return "only client/, lsp/ and cli/ use Node's modules (files, processes)";
  if (layer === "wire" && !typeOnly && pkg !== "vscode-jsonrpc") return "wire/ imports values from vscode-jsonrpc only, to keep the extension's bundle small";
  return undefined;
}

function layerOf(file: string): Layer | undefined {
  const rel = path.relative(ROOT, file).split(path.sep).join("/");
  if (rel.startsWith("client/src/")) return "client";
  const m = /^server\/src\/([^/]+)\//.exec(rel);
  const folder = m?.[1];
  return folder && folder in MAY_IMPORT && folder !== "client" ? (folder as Layer) : undefined;
}

interface Import {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

/** Every import of a file: `import`, `import type`, `export ... from`, `import x = require()`, `import()` and `require()`. */
function importsOf(fileName: string, text: string): Import[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const out: Import[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean): void => {
    if (specifier && ts.isStringLiteralLike(specifier)) {
      out.push({ specifier: specifier.text, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      // `import { type A, type B }` is as type-only as `import type { A, B }`.
      const named = clause?.namedBindings;
      const allTypes = !!clause && !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, !!clause && (clause.isTypeOnly || allTypes));
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause;
      const allTypes = !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, node.isTypeOnly || allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The file a relative import names, or undefined when none exists. */
function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.d.ts`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Every import against the layers, as `file:line: import "x" — why`. `read` gives a file's text. */
function layerViolations(files: string[], read: (file: string) => string): string[] {
  const problems: string[] = [];
  const imports = new Map(files.map((f) => [f, importsOf(f, read(f))]));
  const hasRuntimeImports = (file: string): boolean => {
    const own = imports.get(file) ?? (fs.existsSync(file) && file.endsWith(".ts") ? importsOf(file, read(file)) : []);
    return own.some((i) => !i.typeOnly);
  };
  for (const file of files) {
    const where = path.relative(ROOT, file).split(path.sep).join("/");
    const layer = layerOf(file);
    if (!layer) {
      problems.push(`${where}: the file is in no layer (put it under one of server/src/${Object.keys(MAY_IMPORT).filter((l) => l !== "client").join("|")}/ or client/src/)`);
      continue;
    }
    for (const i of imports.get(file)!) {
      const at = `${where}:${i.line}: ${i.typeOnly ? "import type" : "import"} "${i.specifier}"`;
      if (!i.specifier.startsWith(".")) {
        const pkg = i.specifier.startsWith("@") ? i.specifier.split("/").slice(0, 2).join("/") : i.specifier.split("/")[0];
        const problem = packageProblem(layer, pkg, i.typeOnly);
        if (problem) problems.push(`${at} — ${problem}`);
        continue;
      }
      const target = resolve(file, i.specifier);
      const targetLayer = target && layerOf(target);
      if (!target || !targetLayer) {
        problems.push(`${at} — names no file inside a layer`);
        continue;
      }
      if (!MAY_IMPORT[layer].includes(targetLayer)) {
        problems.push(`${at} — ${layer}/ may not import ${targetLayer}/ (${layer} may import ${MAY_IMPORT[layer].join(", ")})`);
      } else if (!i.typeOnly && TYPES_ONLY[layer]?.includes(targetLayer)) {
        problems.push(`${at} — ${layer}/ may import only types from ${targetLayer}/`);
      } else if (layer === "wire" && targetLayer !== "wire" && !i.typeOnly && hasRuntimeImports(target)) {
        problems.push(`${at} — wire/ may take values only from modules without runtime imports (the extension bundles what wire/ imports)`);
      }
    }
  }
  return problems;
}

describe("layers", () => {
  const files = [...sourceFiles(path.join(ROOT, "server/src")), ...sourceFiles(path.join(ROOT, "client/src"))];
  const read = (file: string): string => fs.readFileSync(file, "utf8");

  it("every import of server/src and client/src goes along client → wire ← lsp → features → analysis | simulate | format → core", () => {
    assert.ok(files.length > 50, `found ${files.length} files`);
    const problems = layerViolations(files, read);
    assert.deepEqual(problems, [], `imports against the layers:\n${problems.join("\n")}`);
  });

  describe("the check itself", () => {
    const core = path.join(ROOT, "server/src/core/example.ts");
    const wire = path.join(ROOT, "server/src/wire/example.ts");
    const cli = path.join(ROOT, "server/src/cli/example.ts");
    const check = (file: string, text: string): string[] => layerViolations([file], (f) => (f === file ? text : read(f)));

    it("names the file, the line and the import that goes up, whether a value, a type or a re-export", () => {
      assert.deepEqual(check(core, `import { x } from "./link";\nimport { simulate } from "../simulate/simulate";\n`), [
        `server/src/core/example.ts:2: import "../simulate/simulate" — core/ may not import simulate/ (core may import core)`,
      ]);
      assert.equal(check(core, `import type { SimulationResult } from "../simulate/simulate";\n`).length, 1);
      assert.equal(check(core, `export { simulate } from "../simulate/simulate";\n`).length, 1);
      assert.equal(check(core, `export type { Linked } from "./link";\nconst m = require("../format");\n`).length, 1);
      assert.equal(check(path.join(ROOT, "server/src/analysis/example.ts"), `import { format } from "../format";\n`).length, 1);
    });

    it("keeps the wire light and the CLI off the wire's values", () => {
      assert.deepEqual(check(wire, `import type { SimulationResult } from "../simulate/simulate";\nimport { readableInstant } from "../simulate/wording";\n`), []);
      assert.equal(check(wire, `import { simulate } from "../simulate/simulate";\n`).length, 1, "simulate.ts pulls in luxon");
      assert.equal(check(wire, `import { Connection } from "vscode-languageserver/node";\n`).length, 1);
      assert.equal(check(cli, `import { SimulateRequest } from "../wire/requests";\n`).length, 1);
      assert.deepEqual(check(cli, `import type { SimulateResult } from "../wire/requests";\n`), []);
    });

    it("keeps VS Code in client/ and Node's file system out of the pure layers", () => {
      assert.equal(check(core, `import * as fs from "node:fs";\n`).length, 1);
      assert.equal(check(path.join(ROOT, "server/src/features/example.ts"), `import * as vscode from "vscode";\n`).length, 1);
    });
  });
});
