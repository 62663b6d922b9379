// `npm run bench`: the figures of issue 7, as JSON on stdout and a table on stderr.
// Options: --runs N (default 7), --docs (rewrite the generated section of docs/performance.md),
// --skip-server, --skip-cli, --skip-bundle, --only ID[,ID] (figure ids, for profiling one figure),
// --server FILE (another server entry, to compare a change).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "../server/src/core/parser";
import { Program } from "../server/src/core/program";
import { allFindings } from "../server/src/analysis/analyse";
import { forgetCalendars } from "../server/src/simulate/calendar";
import { CHECKS } from "../server/src/analysis/registry";
import type * as A from "../server/src/core/ast";
import { generateContract, writePortfolio } from "./generate";
import { generateLog } from "./generate-log";
import { median, percentile, round, timeRuns } from "./measure";
const loadAtStart = os.loadavg();
import { ServerSession, positionAt, typeAndDelete } from "./server-session";

interface Figure {
  id: string;
  name: string;
  value: number | null;
  unit: string;
  /** The target as written in the issues (7; 11 and 13 for speed, 12 for the bundle), or null when the figure is only reported. */
  target: string | null;
  met: boolean | null;
  detail?: Record<string, unknown>;
  note?: string;
}

const ROOT = process.cwd();
const BENCH = path.join(ROOT, ".bench");
const TODAY = "2026-01-10";
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Math.max(5, Number(option("--runs") ?? 7));
const only = option("--only")?.split(",");
const wanted = (...ids: string[]): boolean => !only || ids.some((id) => only.includes(id));

const figures: Figure[] = [];
const inputs: Record<string, { lines: number; bytes: number; file: string }> = {};

function log(text: string): void {
  process.stderr.write(text + "\n");
}

function add(f: Figure): Figure {
  figures.push(f);
  log(`  ${f.name}: ${f.value === null ? "n/a" : f.value} ${f.unit}${f.target ? ` (target ${f.target}: ${f.met ? "met" : "MISSED"})` : ""}${f.note ? ` — ${f.note}` : ""}`);
  return f;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function writeInput(name: string, text: string): string {
  const file = path.join(BENCH, name);
  fs.writeFileSync(file, text);
  inputs[name] = { lines: text.split("\n").length - 1, bytes: bytes(text), file: path.relative(ROOT, file) };
  return file;
}

/** Parse, link and every governance check, from text, with nothing cached (calendars are shared across analyses). */
function fullCheck(text: string): number {
  forgetCalendars();
  const program = new Program({ read: () => undefined });
  const linked = program.linkText("file:///bench/contract.covenant", text);
  return allFindings(linked, { today: TODAY }).length;
}

/** The contract's tree as plain JSON, without offsets: a JSON document that says what the text says. */
function jsonTwin(file: A.CovenantFile, size: number): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== "range" && k !== "keyword" && k !== "bodyStart") o[k] = strip(x);
      return o;
    }
    return v;
  };
  const model = strip(file) as { contracts: Record<string, unknown>[] };
  const contract = model.contracts[0];
  const lists = Object.keys(contract).filter((k) => Array.isArray(contract[k]) && (contract[k] as unknown[]).length > 1);
  const full = Object.fromEntries(lists.map((k) => [k, contract[k] as unknown[]]));
  // Keep the same share of every list (services, ladders…) so that the two documents weigh the same.
  const keep = (share: number): string => {
    for (const k of lists) contract[k] = full[k].slice(0, Math.max(1, Math.round(full[k].length * share)));
    return JSON.stringify(model);
  };
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (bytes(keep(mid)) <= size) lo = mid;
    else hi = mid;
  }
  return keep(lo);
}

function mbPerS(size: number, ms: number): number {
  return size / 1e6 / (ms / 1000);
}

// ---------------------------------------------------------------------------------------------------

function benchParseAndCheck(): void {
  log("core (in process):");
  const c1k = generateContract({ seed: 1, lines: 1_000 });
  const c10k = generateContract({ seed: 10, lines: 10_000 });
  const c100k = generateContract({ seed: 100, lines: 100_000 });
  writeInput("contract-1k.covenant", c1k);
  writeInput("contract-10k.covenant", c10k);
  writeInput("contract-100k.covenant", c100k);
  for (const [name, text] of [["1k", c1k], ["10k", c10k], ["100k", c100k]] as const) {
    const p = parse(text);
    const builtins = new Program({ read: () => undefined }).linkText("file:///bench/contract.covenant", text).builtins;
    if (p.syntaxErrors.length > 0 || builtins.length > 0) {
      throw new Error(`generated ${name} contract is not valid: ${[...p.syntaxErrors.map((e) => e.message), ...builtins.map((b) => b.code + " " + b.message)].slice(0, 3).join("; ")}`);
    }
  }

  if (wanted("parse-throughput", "json-parse-throughput", "parse-json-ratio")) {
    const perSize: Record<string, number> = {};
    for (const [name, text] of [["1k", c1k], ["10k", c10k], ["100k", c100k]] as const) {
      perSize[name] = round(mbPerS(bytes(text), median(timeRuns(RUNS, () => parse(text)))));
    }
    const size = bytes(c100k);
    const parseMs = median(timeRuns(RUNS, () => parse(c100k)));
    const throughput = mbPerS(size, parseMs);
    add({ id: "parse-throughput", name: "lex + parse throughput (100k-line contract)", value: round(throughput), unit: "MB/s", target: null, met: null, detail: { bytes: size, medianMs: round(parseMs), mbPerSecondBySize: perSize } });
    const json = jsonTwin(parse(c100k).file, size);
    const jsonMs = median(timeRuns(RUNS, () => JSON.parse(json)));
    const jsonThroughput = mbPerS(bytes(json), jsonMs);
    add({ id: "json-parse-throughput", name: "JSON.parse throughput (same model, same size)", value: round(jsonThroughput), unit: "MB/s", target: null, met: null, detail: { bytes: bytes(json), medianMs: round(jsonMs) } });
    add({ id: "parse-json-ratio", name: "parse throughput / JSON.parse throughput", value: round(throughput / jsonThroughput, 3), unit: "ratio", target: "≥ 0.2", met: throughput / jsonThroughput >= 0.2 });
  }

  if (wanted("check-10k", "check-100k", "check-growth")) {
    const checks = CHECKS.length;
    const cpu10: number[] = [];
    const runs10 = timeRuns(RUNS, () => fullCheck(c10k), cpu10);
    const t10 = median(runs10);
    const findings10 = fullCheck(c10k);
    add({ id: "check-10k", name: "full check of the 10,000-line contract", value: round(t10), unit: "ms", target: "≤ 20 ms", met: t10 <= 20, detail: { runsMs: runs10.map((x) => round(x)), cpuMedianMs: round(median(cpu10)), findings: findings10, checks } });
    const cpu100: number[] = [];
    const runs100 = timeRuns(RUNS, () => fullCheck(c100k), cpu100);
    const t100 = median(runs100);
    add({ id: "check-100k", name: "full check of the 100,000-line contract", value: round(t100), unit: "ms", target: `≤ 12 × the 10k figure (${round(12 * t10)} ms)`, met: t100 <= 12 * t10, detail: { runsMs: runs100.map((x) => round(x)), cpuMedianMs: round(median(cpu100)), findings: fullCheck(c100k), checks } });
    add({ id: "check-growth", name: "100k / 10k full-check time", value: round(t100 / t10), unit: "×", target: "≤ 12", met: t100 / t10 <= 12 });
  }
}

/** Issue 11: the ten-year log (1,000 matters, 10,000 events, 2,000 measurements) with its 1,000-line contract. */
function benchTenYearLog(): void {
  if (!wanted("check-log")) return;
  // Written beside each other in .bench/, so that `covenant check .bench/ten-year-log.covenant` reads the pair.
  const g = generateLog({ seed: 11, contractPath: "ten-year-contract.covenant" });
  writeInput("ten-year-contract.covenant", g.contract);
  writeInput("ten-year-log.covenant", g.log);
  const files: Record<string, string> = { "file:///bench/ten-year-contract.covenant": g.contract, "file:///bench/ten-year-log.covenant": g.log };
  const check = (): number => {
    forgetCalendars();
    const program = new Program({ read: (u) => files[u] });
    const linked = program.link("file:///bench/ten-year-log.covenant")!;
    return linked.builtins.length + allFindings(linked, { today: g.today }).length;
  };
  const cpu: number[] = [];
  const runs = timeRuns(RUNS, check, cpu);
  const t = median(runs);
  add({ id: "check-log", name: "full check of the ten-year log (with its contract)", value: round(t), unit: "ms", target: "≤ 100 ms", met: t <= 100, detail: { runsMs: runs.map((x) => round(x)), cpuMedianMs: round(median(cpu)), findings: check(), ...g.counts } });
}

async function benchCli(): Promise<void> {
  log("command line:");
  const portfolio = path.join(BENCH, "portfolio");
  const files = writePortfolio(portfolio, 1000, 200);
  inputs["portfolio"] = { lines: files.contracts.reduce((n, f) => n + fs.readFileSync(f, "utf8").split("\n").length - 1, 0), bytes: files.contracts.reduce((n, f) => n + fs.statSync(f).size, 0), file: path.relative(ROOT, portfolio) + ` (1,000 contracts + 1 org file)` };
  const c10k = inputs["contract-10k.covenant"] ? path.join(BENCH, "contract-10k.covenant") : writeInput("contract-10k.covenant", generateContract({ seed: 10, lines: 10_000 }));
  // One small file: a sample of the size people write by hand (about 200 lines).
  const small = path.join(ROOT, "samples", "northwind.covenant");
  const cli = path.join(ROOT, "dist/cli.js");
  const ids = [
    ["cli-small", "covenant check of one small file (process) ÷ node -e 0", "≤ 1.6 ×"],
    ["cli-10k", "covenant check of the 10,000-line contract (process) ÷ node -e 0", "≤ 2.5 ×"],
    ["cli-portfolio", "covenant check over the 1,000-file portfolio (process)", "≤ 1.2 s"],
  ] as const;
  if (!fs.existsSync(cli)) {
    for (const [id, name, target] of ids) add({ id, name, value: null, unit: id === "cli-portfolio" ? "ms" : "×", target, met: null, note: "dist/cli.js is not built (npm run build)" });
    return;
  }
  const runOnce = (argv: string[]): { ms: number; status: number | null; lines: number } => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
    const ms = performance.now() - t0;
    return { ms, status: r.status, lines: r.stdout.split("\n").length - 1 };
  };
  const commands = {
    node: ["-e", "0"],
    small: [cli, "check", path.relative(ROOT, small), "--today", TODAY],
    big: [cli, "check", path.relative(ROOT, c10k), "--today", TODAY],
    portfolio: [cli, "check", path.relative(ROOT, portfolio), "--today", TODAY],
  };
  const warm = Object.fromEntries(Object.entries(commands).map(([k, argv]) => [k, runOnce(argv)])) as Record<keyof typeof commands, ReturnType<typeof runOnce>>;
  const broken = Object.entries(warm).find(([k, r]) => k !== "node" && r.status !== 0 && r.status !== 1);
  if (broken) {
    for (const [id, name, target] of ids) add({ id, name, value: null, unit: id === "cli-portfolio" ? "ms" : "×", target, met: null, note: `covenant check exited with ${broken[1].status}` });
    return;
  }
  // Interleaved, so that the load of a shared machine falls on all four alike; the ratios are what count.
  const runs: Record<keyof typeof commands, number[]> = { node: [], small: [], big: [], portfolio: [] };
  for (let i = 0; i < RUNS; i++) for (const k of Object.keys(commands) as (keyof typeof commands)[]) runs[k].push(runOnce(commands[k]).ms);
  const nodeMs = median(runs.node);
  const ratio = (k: "small" | "big"): number => median(runs[k]) / nodeMs;
  const detail = (k: keyof typeof commands): Record<string, unknown> => ({ medianMs: round(median(runs[k])), runsMs: runs[k].map((x) => round(x)), nodeMedianMs: round(nodeMs), nodeRunsMs: runs.node.map((x) => round(x)), exitCode: warm[k].status, outputLines: warm[k].lines });
  add({ id: "cli-small", name: ids[0][1], value: round(ratio("small")), unit: "×", target: ids[0][2], met: ratio("small") <= 1.6, detail: detail("small") });
  add({ id: "cli-10k", name: ids[1][1], value: round(ratio("big")), unit: "×", target: ids[1][2], met: ratio("big") <= 2.5, detail: detail("big") });
  const t = median(runs.portfolio);
  add({ id: "cli-portfolio", name: ids[2][1], value: round(t), unit: "ms", target: ids[2][2], met: t <= 1200, detail: { ...detail("portfolio"), cores: os.availableParallelism() } });
}

/** Issue 13: `covenant status` of the ten-year log (bench/generate-log.ts) as a whole process, start to exit. */
function benchStatusProcess(): void {
  const cli = path.join(ROOT, "dist/cli.js");
  const name = "covenant status of the ten-year log (process)";
  if (!fs.existsSync(cli)) {
    add({ id: "cli-status-log", name, value: null, unit: "ms", target: "≤ 0.5 s", met: null, note: "dist/cli.js is not built (npm run build)" });
    return;
  }
  const g = generateLog({ seed: 11, contractPath: "ten-year-contract.covenant" });
  writeInput("ten-year-contract.covenant", g.contract);
  const logFile = writeInput("ten-year-log.covenant", g.log);
  const argv = [cli, "status", path.relative(ROOT, logFile), "--today", g.today];
  const once = (a: string[]): { ms: number; status: number | null } => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, a, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
    return { ms: performance.now() - t0, status: r.status };
  };
  const first = once(argv);
  const runs: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(once(["-e", "0"]).ms);
    runs.push(once(argv).ms);
  }
  const t = median(runs);
  add({ id: "cli-status-log", name, value: round(t), unit: "ms", target: "≤ 0.5 s", met: first.status === 0 || first.status === 1 ? t <= 500 : null, detail: { runsMs: runs.map((x) => round(x)), nodeMedianMs: round(median(node)), exitCode: first.status }, note: first.status === 0 || first.status === 1 ? undefined : `covenant status exited with ${first.status}` });
}

async function benchServer(): Promise<void> {
  log("language server over stdio:");
  const server = path.resolve(ROOT, option("--server") ?? "dist/server.js");
  if (!fs.existsSync(server)) {
    for (const [id, name, unit, target] of [
      ["server-startup", "server start to initialize result", "ms", "≤ 300 ms"],
      ["edit-p50", "edit to fresh diagnostics, p50 (5,000-line contract)", "ms", "≤ 8 ms"],
      ["edit-p95", "edit to fresh diagnostics, p95 (5,000-line contract)", "ms", "≤ 16 ms"],
      ["edit-p95-1k", "edit to fresh diagnostics, p95 (1,000-line contract)", "ms", "≤ 8 ms"],
      ["edit-p95-log", "edit to fresh diagnostics, p95 (ten-year log)", "ms", "≤ 8 ms"],
      ["server-rss", "server memory after opening 200 contracts", "MiB", "≤ 150 MB"],
      ["server-rss-growth", "server memory growth over 10,000 edits", "MiB", "≤ 20 MB"],
    ] as const) add({ id, name, value: null, unit, target, met: null, note: "dist/server.js is not built yet" });
    return;
  }

  if (wanted("server-startup")) {
    const startups: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const s = new ServerSession(server);
      await s.initialize(null);
      if (i > 0) startups.push(s.startupMs);
      await s.stop();
    }
    const t = median(startups);
    add({ id: "server-startup", name: "server start to initialize result", value: round(t), unit: "ms", target: "≤ 300 ms", met: t <= 300, detail: { runsMs: startups.map((x) => round(x)) } });
  }

  // Issue 13: edit to fresh diagnostics, typing into a label (a note of a matter in the log) and deleting it.
  const editRow = async (ids: string[], file: string, text: string, at: number, rows: [id: string, name: string, pct: number, limit: number | null][]): Promise<void> => {
    if (!wanted(...ids)) return;
    const run = await typeAndDelete(server, pathToFileURL(BENCH).toString(), { uri: pathToFileURL(file).toString(), text }, at);
    const detail = { edits: run.samples.length, sync: run.sync, diagnostics: run.diagnostics, maxMs: round(Math.max(...run.samples)), serverCpuPerEditMs: run.serverCpuPerEditMs };
    for (const [id, name, pct, limit] of rows) {
      const v = percentile(run.samples, pct);
      add({ id, name, value: round(v), unit: "ms", target: limit === null ? null : `≤ ${limit} ms`, met: limit === null ? null : v <= limit, detail });
    }
  };
  {
    const text = generateContract({ seed: 5, lines: 5_000 });
    const file = writeInput("contract-5k.covenant", text);
    await editRow(["edit-p50", "edit-p95"], file, text, text.indexOf('"Monthly availability"', text.length >> 1) + 1, [
      ["edit-p50", "edit to fresh diagnostics, p50 (5,000-line contract)", 50, 8],
      ["edit-p95", "edit to fresh diagnostics, p95 (5,000-line contract)", 95, 16],
    ]);
  }
  if (wanted("edit-p95-1k")) {
    const text = generateContract({ seed: 1, lines: 1_000 });
    await editRow(["edit-p95-1k"], writeInput("contract-1k.covenant", text), text, text.indexOf('"Monthly availability"', text.length >> 1) + 1, [
      ["edit-p95-1k", "edit to fresh diagnostics, p95 (1,000-line contract)", 95, 8],
    ]);
  }
  if (wanted("edit-p95-log")) {
    const g = generateLog({ seed: 11, contractPath: "ten-year-contract.covenant" });
    writeInput("ten-year-contract.covenant", g.contract);
    const file = writeInput("ten-year-log.covenant", g.log);
    const note = g.log.indexOf('note ', g.log.length >> 1);
    await editRow(["edit-p95-log"], file, g.log, g.log.indexOf('"', note) + 1, [
      ["edit-p95-log", "edit to fresh diagnostics, p95 (ten-year log)", 95, 8],
    ]);
  }

  if (wanted("server-rss", "server-rss-growth")) {
    const portfolio = path.join(BENCH, "portfolio");
    if (!fs.existsSync(portfolio)) writePortfolio(portfolio, 1000, 200);
    const contracts = fs.readdirSync(path.join(portfolio, "contracts")).sort().slice(0, 200).map((f) => path.join(portfolio, "contracts", f));
    const docs = contracts.map((f) => ({ uri: pathToFileURL(f).toString(), text: fs.readFileSync(f, "utf8"), version: 1, typed: false }));
    const s = new ServerSession(server);
    await s.initialize(pathToFileURL(portfolio).toString());
    for (const d of docs) await s.open(d.uri, d.text);
    await Promise.all(docs.map((d) => s.diagnostics(d.uri, 1, 120_000)));
    await new Promise((r) => setTimeout(r, 1000));
    const opened = s.rssMb();
    // 10,000 edits in bursts of 50 documents: type a character into the contract's label, then delete it.
    const EDITS = 10_000;
    const BURST = 50;
    const t0 = performance.now();
    const checkpoints: Record<string, number | undefined> = {};
    for (let done = 0; done < EDITS; done += BURST) {
      if (done % 2500 === 0) checkpoints[String(done)] = s.rssMb() === undefined ? undefined : round(s.rssMb()!, 1);
      const burst = [];
      for (let j = 0; j < BURST; j++) {
        const d = docs[(done + j) % docs.length];
        const offset = d.text.indexOf("contract ") + "contract ".length;
        const start = positionAt(d.text, offset);
        const end = d.typed ? { line: start.line, character: start.character + 1 } : start;
        const next = d.typed ? d.text.slice(0, offset) + d.text.slice(offset + 1) : d.text.slice(0, offset) + "x" + d.text.slice(offset);
        d.text = next;
        d.typed = !d.typed;
        d.version = await s.change(d.uri, { start, end }, d.typed ? "x" : "", next);
        burst.push(d);
      }
      await Promise.all(burst.map((d) => s.diagnostics(d.uri, d.version, 120_000)));
    }
    const editMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    const after = s.rssMb();
    // Then idle, up to 40 s: V8's memory reducer gives the heap's headroom back some time after the allocations stop
    // (about 30 s here). The figure stays the one a second after the edits; the settled one shows whether anything
    // was kept (a leak would).
    let settled = after;
    let settledAfterS = 1;
    for (let s2 = 2; s2 <= 41 && after !== undefined; s2++) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = s.rssMb();
      if (now !== undefined && settled !== undefined && now < settled - 1) { settled = now; settledAfterS = s2; }
      if (settled !== undefined && opened !== undefined && settled <= opened) break;
    }
    await s.stop();
    if (opened === undefined || after === undefined) {
      add({ id: "server-rss", name: "server memory after opening 200 contracts", value: null, unit: "MiB", target: "≤ 150 MB", met: null, note: "/proc/<pid>/status is not readable here" });
    } else {
      add({ id: "server-rss", name: "server memory after opening 200 contracts", value: round(opened, 1), unit: "MiB", target: "≤ 150 MB", met: opened <= 150 });
      add({ id: "server-rss-growth", name: "server memory growth over 10,000 edits", value: round(after - opened, 1), unit: "MiB", target: "≤ 20 MB", met: after - opened <= 20, detail: { rssAfterMb: round(after, 1), rssAtEditMb: checkpoints, editsSeconds: round(editMs / 1000, 1), rssSettledMb: settled === undefined ? undefined : round(settled, 1), settledGrowthMb: settled === undefined ? undefined : round(settled - opened, 1), settledAfterSeconds: settledAfterS } });
    }
  }
}

function benchBundle(): void {
  log("bundle:");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "covenant-bundle-"));
  try {
    const r = spawnSync(process.execPath, ["scripts/build.mjs", "--minify", "--outdir", out], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
    const size = (f: string): number | undefined => (fs.existsSync(path.join(out, f)) ? fs.statSync(path.join(out, f)).size : undefined);
    const extension = size("extension.js");
    // dist/server.js is the loader of server.bundle.js (a V8 code cache beside it, scripts/build.mjs): both are loaded.
    const server = size("server.js") === undefined ? undefined : size("server.js")! + (size("server.bundle.js") ?? 0);
    const missing = [extension === undefined && "extension.js", server === undefined && "server.js"].filter(Boolean);
    const total = (extension ?? 0) + (server ?? 0);
    add({
      id: "bundle-size", name: "bundled extension size (extension.js + server.js, minified)", value: round(total / 1e6, 3), unit: "MB",
      target: "≤ 2 MB", met: missing.length > 0 ? null : total <= 2e6,
      detail: { extensionBytes: extension ?? null, serverBytes: server ?? null, cliBytes: size("cli.bundle.js") ?? size("cli.js") ?? null },
      note: missing.length > 0 ? `${missing.join(" and ")} not built yet` : undefined,
    });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: loadAtStart.map((x) => round(x, 2)).join(" "),
    loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)).join(" "),
  };
}

function table(): string {
  const rows = figures.map((f) => [f.name, f.value === null ? "n/a" : String(f.value), f.unit, f.target ?? "report", f.met === null ? "–" : f.met ? "yes" : "NO"]);
  const head = ["figure", "value", "unit", "target", "met"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function markdown(report: { date: string; machine: Record<string, string | number>; runs: number }): string {
  const m = report.machine;
  const lines = [
    `Measured ${report.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}. Medians of ${report.runs} runs after a warm-up. Load average (1, 5, 15 min) ${m.loadAverageAtStart} at the start, ${m.loadAverageAtEnd} at the end.`,
    "",
    "| figure | value | target | met |",
    "|---|---|---|---|",
    ...figures.map((f) => {
      const cpu = f.detail?.cpuMedianMs;
      const serverCpu = f.detail?.serverCpuPerEditMs;
      const extra = [
        f.note,
        cpu !== undefined && cpu !== null ? `CPU ${cpu} ms` : undefined,
        serverCpu !== undefined && serverCpu !== null ? `server CPU ${serverCpu} ms per edit` : undefined,
      ].filter(Boolean).join("; ");
      return `| ${f.name} | ${f.value === null ? "n/a" : `${f.value} ${f.unit}`}${extra ? ` (${extra})` : ""} | ${f.target ?? "report"} | ${f.met === null ? "–" : f.met ? "yes" : "**no**"} |`;
    }),
    "",
    "Inputs (written to `.bench/` by the generator, `bench/generate.ts`):",
    "",
    "| input | lines | bytes |",
    "|---|---|---|",
    ...Object.values(inputs).map((i) => `| ${i.file} | ${i.lines.toLocaleString("en-GB")} | ${i.bytes.toLocaleString("en-GB")} |`),
  ];
  return lines.join("\n");
}

function writeDocs(section: string): void {
  const file = path.join(ROOT, "docs/performance.md");
  const start = "<!-- bench:start (generated by npm run bench -- --docs) -->";
  const end = "<!-- bench:end -->";
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : `# Performance\n\n${start}\n${end}\n`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) text += `\n${start}\n${end}\n`;
  const from = text.indexOf(start) + start.length;
  const to = text.indexOf(end);
  text = text.slice(0, from) + "\n" + section + "\n" + text.slice(to);
  fs.writeFileSync(file, text);
  log(`wrote ${path.relative(ROOT, file)}`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "package.json"))) throw new Error("run from the project root (npm run bench)");
  fs.mkdirSync(BENCH, { recursive: true });
  // No forced GC between runs: a forced full GC shrinks the young generation and slows the next run.
  log(`covenant bench: ${RUNS} runs per figure after a warm-up`);
  benchParseAndCheck();
  benchTenYearLog();
  if (!flag("--skip-cli") && wanted("cli-small", "cli-10k", "cli-portfolio")) await benchCli();
  if (!flag("--skip-cli") && wanted("cli-status-log")) benchStatusProcess();
  if (!flag("--skip-server") && wanted("server-startup", "edit-p50", "edit-p95", "edit-p95-1k", "edit-p95-log", "server-rss", "server-rss-growth")) await benchServer();
  if (!flag("--skip-bundle") && wanted("bundle-size")) benchBundle();
  const report = { date: new Date().toISOString(), machine: machine(), runs: RUNS, figures, inputs };
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  log("");
  log(table());
  if (flag("--docs")) writeDocs(markdown(report));
}

main().catch((e) => {
  log(`bench failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
