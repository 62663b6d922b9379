// The modules of cli/ import one another in one direction only: no cycle (check.ts ↔ sarif.ts was one).
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../helpers/paths";

const CLI = path.join(ROOT, "server", "src", "cli");

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(CLI, file), "utf8");
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from "\.\/([^"]+)"/gm)].map((m) => m[1] + ".ts");
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("cli/ module structure", () => {
  const graph = new Map(fs.readdirSync(CLI).filter((f) => f.endsWith(".ts")).map((f) => [f, importsOf(f)]));

  it("has no import cycle, type-only imports included", () => {
    assert.ok(graph.get("check.ts")!.includes("sarif.ts"));
    assert.equal(findCycle(graph), undefined);
  });

  it("the cycle finder finds a cycle (the test is not vacuous)", () => {
    const withCycle = new Map(graph);
    withCycle.set("sarif.ts", [...graph.get("sarif.ts")!, "check.ts"]);
    const cycle = findCycle(withCycle);
    assert.ok(cycle && cycle.includes("check.ts") && cycle.includes("sarif.ts"), String(cycle));
  });
});
