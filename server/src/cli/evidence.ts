// `covenant evidence LOG --matter ID [--format markdown|html] [--out DIR] [--force]`: the evidence pack of one
// matter (docs/evidence-pack.md). The file system side: which evidence may be read, the copies, SHA256SUMS.
import * as fs from "node:fs";
import * as path from "node:path";
import { allFindings } from "../analysis/analyse";
import { localDate } from "../core/values";
import { buildEvidencePack, EvidenceState, PackFinding } from "../documents/evidence";
import { EVIDENCE_FORMATS, EvidenceFormatName, PACK_FILE, renderEvidencePack } from "../documents/evidence-render";
import type { Command } from "./command";
import type { CliContext } from "./context";
import { configLookup, UsageError } from "./files";
import { LineIndex } from "./positions";
import { linkOneFile, warnAboutErrors } from "./simulate";
import { logsOf, momentFor } from "./status";
import { VERSION } from "./version";

const USAGE = "covenant evidence LOG --matter ID [--format markdown|html] [--out DIR] [--force] [--now INSTANT] [--contract ID]";

/** The folder the copies go to, inside DIR. */
const EVIDENCE_FOLDER = "evidence";
const SUMS_FILE = "SHA256SUMS";

const str = (v: string | boolean | undefined): string | undefined => (typeof v === "string" ? v : undefined);

export interface EvidenceOptions {
  files: string[];
  matter?: string;
  format?: string;
  out?: string;
  force: boolean;
  now?: string;
  today?: string;
  config?: string;
  contract?: string;
}

export const evidenceCommand: Command = {
  name: "evidence",
  usage: USAGE,
  help: `  --matter ID         the matter of the log to put in the pack
  --format F          markdown (default) or html: one self-contained, print-friendly page
  --out DIR           write DIR/pack.md (or pack.html), copies of the evidence under DIR/evidence/ and
                      DIR/SHA256SUMS (check with: cd DIR && sha256sum -c SHA256SUMS); without it the pack goes to stdout
  --force             overwrite a pack already in DIR
Evidence is copied only from the log's workspace: the nearest folder above the log holding covenant.json or .git,
else the log's own folder. A path outside it, or a link leading out of it, is refused; http, https and mailto
links are listed, never fetched.
Exit codes: 0 written, 2 the pack could not be made (unknown matter, bad option, a pack already in DIR).
`,
  options: { matter: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } },
  run: (ctx, v, files) =>
    runEvidence(ctx, { files, matter: str(v.matter), format: str(v.format), out: str(v.out), force: v.force === true, now: str(v.now), today: str(v.today), config: str(v.config), contract: str(v.contract) }),
};

/** The workspace of a log: the nearest folder at or above it with covenant.json or .git, else the log's folder. */
export function workspaceOf(logFile: string): string {
  const start = path.dirname(path.resolve(logFile));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "covenant.json")) || fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

function inside(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

interface Resolved {
  status: EvidenceState;
  /** The bytes to copy, for a readable file inside the workspace. */
  bytes?: Buffer;
  /** Where the copy goes, relative to DIR, with forward slashes. */
  copy?: string;
}

/** What an evidence path is: refused when it leads out of the workspace (itself or through a symbolic link). */
export function resolveEvidence(logFile: string, workspace: string, written: string): Resolved {
  const target = path.resolve(path.dirname(path.resolve(logFile)), written);
  if (!inside(workspace, target)) return { status: { state: "refused", reason: "outside the log's workspace" } };
  let real: string;
  try {
    fs.lstatSync(target);
  } catch {
    return { status: { state: "missing" } };
  }
  try {
    real = fs.realpathSync(target);
  } catch {
    return { status: { state: "refused", reason: "a symbolic link whose target does not exist" } };
  }
  if (!inside(fs.realpathSync(workspace), real)) return { status: { state: "refused", reason: "a symbolic link that leads outside the log's workspace" } };
  if (!fs.statSync(real).isFile()) return { status: { state: "refused", reason: "not a regular file" } };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(real);
  } catch (e) {
    return { status: { state: "refused", reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
  const copy = [EVIDENCE_FOLDER, ...path.relative(workspace, target).split(path.sep)].join("/");
  return { status: { state: "present", size: bytes.length, sha256: sha256(bytes) }, bytes, copy };
}

// node:crypto is loaded when a digest is first needed: loading it costs every start of the CLI tens of milliseconds.
function sha256(bytes: Uint8Array | string): string {
  return (require("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(bytes).digest("hex");
}

/** One line of SHA256SUMS; a name with a backslash or a line break is escaped as GNU sha256sum does. */
export function sumsLine(hash: string, name: string): string {
  if (!/[\\\n\r]/.test(name)) return `${hash}  ${name}`;
  return `\\${hash}  ${name.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}`;
}

export function runEvidence(ctx: CliContext, o: EvidenceOptions): number {
  if (o.matter === undefined) throw new UsageError(`evidence needs --matter ID (${USAGE})`);
  const format = (o.format ?? "markdown") as EvidenceFormatName;
  if (!(EVIDENCE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format '${o.format}' for evidence (${EVIDENCE_FORMATS.join(", ")})`);
  if (o.force && o.out === undefined) throw new UsageError("--force goes with --out DIR: without it the pack goes to stdout");
  const { file, linked } = linkOneFile("evidence", o.files, USAGE);
  const configFor = configLookup(o.config);
  const moment = momentFor(o, file, configFor);
  const logs = logsOf(linked, moment).filter((l) => !o.contract || l.log.log.name?.text === o.contract);
  if (logs.length === 0) throw new UsageError(`'${file}' holds no relationship log${o.contract ? ` of contract '${o.contract}'` : ""}`);
  const holding = logs.filter((l) => l.log.matters.some((m) => m.matter.name?.text === o.matter));
  if (holding.length > 1) throw new UsageError(`matter '${o.matter}' is in several logs of '${file}' (${holding.map((l) => l.log.log.name?.text).join(", ")}); name one with --contract`);
  const chosen = holding[0] ?? logs[0];
  const state = chosen.state;
  if (!state) throw new UsageError(`the log in '${file}' names no contract that can be found, or its contract's calendar cannot be used; run covenant check`);

  const today = o.today ?? configFor(file)?.config.today;
  const lines = new LineIndex(linked.file.text);
  const findings: PackFinding[] = allFindings(linked, { today: today ?? localDate(), ...moment, rules: configFor(file)?.config.rules })
    .filter((f) => f.uri === linked.uri)
    .map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: lines.position(f.range.start).line, start: f.range.start, end: f.range.end }));

  const workspace = workspaceOf(file);
  const resolved = new Map<string, Resolved>();
  const pack = buildEvidencePack({
    state,
    contractFile: chosen.log.contractFile ?? linked,
    matter: o.matter,
    findings,
    evidenceOf: (written) => {
      const r = resolveEvidence(file, workspace, written);
      resolved.set(written, r);
      return r.status;
    },
  });
  if ("error" in pack) throw new UsageError(`${file}: ${pack.error}`);
  warnAboutErrors(ctx, file, linked);
  const generator = `Covenant ${VERSION}`;
  if (o.out === undefined) {
    ctx.out(renderEvidencePack(pack, format, { generator, sums: false }));
    return 0;
  }

  const dir = path.resolve(o.out);
  const ours = [PACK_FILE.markdown, PACK_FILE.html, SUMS_FILE, EVIDENCE_FOLDER];
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--out '${o.out}' is a file, not a folder`);
  const present = ours.filter((n) => fs.existsSync(path.join(dir, n)));
  if (present.length > 0 && !o.force) throw new UsageError(`'${o.out}' already holds an evidence pack (${present.join(", ")}); use --force to overwrite it`);
  // A forced pack starts clean, so that no stale copy sits beside the new SHA256SUMS.
  for (const n of present) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const sums: string[] = [];
  const copied = new Set<string>();
  for (const entry of pack.evidence) {
    const r = resolved.get(entry.written);
    if (!r?.bytes || !r.copy || entry.status.state !== "present") continue;
    const dest = path.join(dir, ...r.copy.split("/"));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, r.bytes);
    entry.status = { state: "copied", copy: r.copy, size: entry.status.size, sha256: entry.status.sha256 };
    // Two spellings of one file ("records/a.md", "./records/a.md") are one copy and one line.
    if (!copied.has(r.copy)) sums.push(sumsLine(entry.status.sha256, r.copy));
    copied.add(r.copy);
  }
  const text = renderEvidencePack(pack, format, { generator, sums: true });
  fs.writeFileSync(path.join(dir, PACK_FILE[format]), text);
  sums.push(sumsLine(sha256(text), PACK_FILE[format]));
  fs.writeFileSync(path.join(dir, SUMS_FILE), sums.join("\n") + "\n");
  const counts = (s: string): number => pack.evidence.filter((e) => e.status.state === s).length;
  ctx.out(`wrote the evidence pack of ${pack.matter} to ${path.join(o.out, PACK_FILE[format])}: ${counts("copied")} copied, ${counts("missing")} missing, ${counts("refused")} refused, ${counts("link")} links listed\n`);
  return 0;
}
