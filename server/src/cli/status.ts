// `covenant status [PATH...]`: the state of every relationship log found (operations.md).
import { Program } from "../core/program";
import type { Linked } from "../core/link";
import type { LinkedLog } from "../core/link-log";
import { logState, LogState, Moment } from "../operations/operate";
import { LogStatus, logStatus, MatterStatus } from "../operations/status";
import { buildDashboard, Dashboard } from "../documents/dashboard/model";
import { dashboardPage } from "../documents/dashboard/html";
import { VERSION } from "./version";
import { businessCalendar, BusinessCalendar } from "../simulate/calendar";
import type { Contact } from "../simulate/contacts";
import { collectFiles, configLookup, diskHost, toUri, UsageError } from "./files";
import type { CliContext } from "./context";

export interface LogOptions {
  now?: string;
  today?: string;
  config?: string;
}

const UTC = (businessCalendar(undefined) as { calendar: BusinessCalendar }).calendar;

/** The analysis moment of a file (operations.md): `--now`, else the analysis date, else the current instant. */
export function momentFor(options: LogOptions, file: string, configFor: ReturnType<typeof configLookup>): Moment {
  if (options.now !== undefined) {
    if (!UTC.parseInstant(options.now)) throw new UsageError(`--now must be an ISO 8601 instant (2026-01-10T09:00:00Z, 2026-01-10 09:00), not '${options.now}'`);
    return { now: options.now };
  }
  const today = options.today ?? configFor(file)?.config.today;
  return today !== undefined ? { today } : { now: new Date().toISOString() };
}

/** The logs of a file with their state; a log whose contract or calendar cannot be used has none. */
export function logsOf(linked: Linked, moment: Moment): { log: LinkedLog; state?: LogState }[] {
  return linked.logs.map((log) => ({ log, state: logState(log, moment) }));
}

export const STATUS_FORMATS = ["text", "json", "markdown", "html"];

export function runStatus(ctx: CliContext, paths: string[], options: LogOptions, format: string): number {
  if (!STATUS_FORMATS.includes(format)) throw new UsageError(`unknown --format '${format}' for status (${STATUS_FORMATS.join(", ")})`);
  const files = collectFiles(paths.length > 0 ? paths : ["."]);
  const program = new Program(diskHost);
  const configFor = configLookup(options.config);
  const statuses: LogStatus[] = [];
  const dashboards: Dashboard[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const linked = program.link(toUri(file));
    if (!linked) throw new UsageError(`cannot read '${file}'`);
    for (const { log, state } of logsOf(linked, momentFor(options, file, configFor))) {
      // The dashboard's model holds the status it was built on: nothing is computed twice.
      if (state && format === "html") dashboards.push(buildDashboard(state, file));
      if (state) statuses.push(format === "html" ? dashboards[dashboards.length - 1].status : logStatus(state, file));
      else problems.push(`${file}: log '${log.log.name?.text ?? ""}' ${log.contract ? "has a contract whose calendar cannot be used" : "names no contract that can be found"}; run covenant check`);
    }
  }
  for (const p of problems) ctx.err(`covenant: ${p}\n`);
  if (format === "json") {
    const now = statuses[0]?.now ?? UTC.format(UTC.parseInstant(options.now ?? new Date().toISOString())!);
    ctx.out(JSON.stringify({ now, logs: statuses }, null, 2) + "\n");
  } else if (format === "html") {
    // A page even when no log was found, so that a script writing it to a file gets a page that says so.
    ctx.out(dashboardPage(dashboards, `Covenant ${VERSION}`));
  } else if (statuses.length === 0) {
    ctx.out(`No relationship log found in ${paths.length > 0 ? paths.join(", ") : "this folder"}.\n`);
  } else {
    ctx.out(statuses.map((s) => (format === "markdown" ? statusMarkdown(s) : statusText(s))).join("\n"));
  }
  // A log that cannot be replayed at all (its contract or calendar is unusable) is a job not done.
  return problems.length > 0 && statuses.length === 0 ? 2 : 0;
}

/** `Jo Lee (Operations lead), standing in for Raj Patel`. */
function who(c: Contact | null): string {
  if (!c) return "nobody named";
  if (c.flags.includes("unreachable")) return `nobody (${c.roleLabel ?? c.role}: ${c.reason ?? "unreachable"})`;
  const person = c.name ?? c.person ?? "";
  const stand = c.flags.includes("stand-in") ? `, standing in for ${c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder"}` : "";
  return `${person} (${c.roleLabel ?? c.role}${stand})`;
}

function when(instant: string | null): string {
  return instant ? instant.replace("T", " ").replace(/:00([+-]\d{2}:\d{2}|Z)$/, " $1") : "";
}

function leftText(m: MatterStatus): string {
  if (!m.left) return "";
  const n = Math.abs(m.left.amount);
  const unit = m.left.unit.replace(/s$/, n === 1 ? "" : "s");
  return m.overdue ? ` — overdue by ${n} ${unit}` : ` — ${n} ${unit} left`;
}

const ORDER = { open: 0, formal: 1, resolved: 2 } as const;

function matterLines(m: MatterStatus): string[] {
  const title = m.label ? `${m.matter} — ${m.label}` : m.matter;
  const lines = [`${title}`, `  ${m.state}${m.step ? ` (${m.step})` : ""}, tier ${m.tier} of the ${m.ladder} ladder since ${when(m.opened)}`];
  if (m.deadline) lines.push(`  deadline ${when(m.deadline)}${leftText(m)}`);
  if (m.state === "open") lines.push(`  customer: ${who(m.customer)}`, `  supplier: ${who(m.supplier)}`);
  lines.push(`  next: ${m.next}`);
  return lines;
}

function creditText(r: LogStatus["slas"][number]): string {
  const amount = r.amount ? `, ${r.amount} ${r.currency}` : "";
  return `${r.service}.${r.sla} ${r.period}: ${r.value} — ${r.met ? "met" : "missed"}${r.creditPercent > 0 ? `, credit ${r.creditPercent}%${r.capped ? " (capped)" : ""}${amount}` : ""}${r.chronic ? ", chronic: the customer may act" : ""}`;
}

export function statusText(s: LogStatus): string {
  const out = [`Relationship log of ${s.contract} (${s.file}), as of ${when(s.now)}`, ""];
  const matters = [...s.matters].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  out.push(`Matters (${s.matters.filter((m) => m.state === "open").length} open of ${s.matters.length})`);
  for (const m of matters) out.push(...matterLines(m).map((l) => "  " + l));
  if (matters.length === 0) out.push("  none");
  out.push("", "Early warnings");
  for (const w of s.warnings) out.push(`  ${w.signal} fired ${when(w.at)}: ${w.state === "answered" ? `answered ${when(w.answeredAt ?? null)}` : w.state === "missed" ? `no response by ${when(w.due)} (missed)` : w.state === "pending" ? `respond by ${when(w.due)}` : "no response deadline"}`);
  if (s.warnings.length === 0) out.push("  none fired");
  out.push("", "Service levels (latest measured period)");
  for (const r of s.slas) out.push(`  ${creditText(r)}`);
  if (s.slas.length === 0) out.push("  none measured");
  return out.join("\n") + "\n";
}

export function statusMarkdown(s: LogStatus): string {
  const cell = (t: string): string => t.replace(/\|/g, "\\|");
  const out = [`## ${s.contract}: relationship status as of ${when(s.now)}`, "", `File: \`${s.file}\``, "", "### Matters", ""];
  if (s.matters.length > 0) {
    out.push("| matter | state | tier | since | deadline | customer | supplier | next |", "|---|---|---|---|---|---|---|---|");
    for (const m of [...s.matters].sort((a, b) => ORDER[a.state] - ORDER[b.state])) {
      out.push(`| ${cell(m.label ? `${m.matter} (${m.label})` : m.matter)} | ${m.state}${m.step ? ` (${m.step})` : ""} | ${m.tier} | ${when(m.opened)} | ${m.deadline ? `${when(m.deadline)}${cell(leftText(m))}` : ""} | ${cell(m.state === "open" ? who(m.customer) : "")} | ${cell(m.state === "open" ? who(m.supplier) : "")} | ${cell(m.next)} |`);
    }
  } else out.push("None.");
  out.push("", "### Early warnings", "");
  if (s.warnings.length > 0) {
    out.push("| signal | fired | respond by | state |", "|---|---|---|---|");
    for (const w of s.warnings) out.push(`| ${w.signal} | ${when(w.at)} | ${when(w.due)} | ${w.state} |`);
  } else out.push("None fired.");
  out.push("", "### Service levels (latest measured period)", "");
  if (s.slas.length > 0) for (const r of s.slas) out.push(`- ${cell(creditText(r))}`);
  else out.push("None measured.");
  return out.join("\n") + "\n";
}
