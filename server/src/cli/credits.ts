// `covenant credits FILE [--from PERIOD] [--to PERIOD]`: the service-credit statement of a log (operations.md).
import { Program } from "../core/program";
import { parsePeriod } from "../core/log-values";
import { credits, CreditRow } from "../operations/status";
import { configLookup, diskHost, toUri, UsageError } from "./files";
import type { CliContext } from "./context";
import { LogOptions, logsOf, momentFor } from "./status";
import * as fs from "node:fs";

export interface CreditsOptions extends LogOptions {
  from?: string;
  to?: string;
  contract?: string;
}

export function runCredits(ctx: CliContext, files: string[], options: CreditsOptions, format: string): number {
  if (!["text", "json", "csv", "markdown"].includes(format)) throw new UsageError(`unknown --format '${format}' for credits (text, json, csv, markdown)`);
  if (files.length !== 1) throw new UsageError("credits takes one FILE: covenant credits FILE [--from PERIOD] [--to PERIOD]");
  const file = files[0];
  const period = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const p = parsePeriod(text);
    if (!p) throw new UsageError(`--${flag} must be a period (2026-01, 2026-Q1, 2026 or 2026-01-14), not '${text}'`);
    return p;
  };
  const range = { from: period("from", options.from), to: period("to", options.to) };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`cannot read '${file}': no such file`);
  const linked = new Program(diskHost).link(toUri(file));
  if (!linked) throw new UsageError(`cannot read '${file}'`);
  const logs = logsOf(linked, momentFor(options, file, configLookup(options.config)))
    .filter((l) => !options.contract || l.log.log.name?.text === options.contract);
  if (logs.length === 0) throw new UsageError(`'${file}' holds no relationship log${options.contract ? ` of contract '${options.contract}'` : ""}`);
  if (logs.length > 1) throw new UsageError(`'${file}' holds several logs (${logs.map((l) => l.log.log.name?.text).join(", ")}); name one with --contract`);
  const state = logs[0].state;
  if (!state) throw new UsageError(`the log in '${file}' names no contract that can be found, or its contract's calendar cannot be used; run covenant check`);
  const rows = credits(state, range);
  if (format === "json") ctx.out(JSON.stringify(rows, null, 2) + "\n");
  else if (format === "csv") ctx.out(creditsCsv(rows));
  else ctx.out(format === "markdown" ? creditsMarkdown(state.contract.contract.name?.text ?? "", rows) : creditsText(state.contract.contract.name?.text ?? "", rows));
  return 0;
}

interface Total { service: string; currency: string | null; amount: bigint; rows: number }

/** Credit amounts added up per service and currency, in cents (exact). */
export function totals(rows: readonly CreditRow[]): Total[] {
  const out = new Map<string, Total>();
  for (const r of rows) {
    if (r.creditPercent === 0) continue;
    const key = `${r.service} ${r.currency ?? ""}`;
    const t = out.get(key) ?? { service: r.service, currency: r.currency, amount: 0n, rows: 0 };
    if (r.amount) t.amount += BigInt(r.amount.replace(".", ""));
    t.rows++;
    out.set(key, t);
  }
  return [...out.values()];
}

function money(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

function rowCells(r: CreditRow): string[] {
  return [r.service, r.sla, r.period, r.value, r.met ? "met" : "missed", `${r.creditPercent}%${r.capped ? " (capped)" : ""}`, r.amount ? `${r.amount} ${r.currency}` : "", r.chronic ? "chronic" : ""];
}

function totalLine(t: Total): string {
  return t.currency ? `${t.service}: ${money(t.amount)} ${t.currency}` : `${t.service}: ${t.rows} credit${t.rows === 1 ? "" : "s"} (no fee in the contract, so no amount)`;
}

export function creditsText(contract: string, rows: readonly CreditRow[]): string {
  const head = ["service", "sla", "period", "value", "", "credit", "amount", ""];
  const table = [head, ...rows.map(rowCells)];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const out = [`Service credits of ${contract}`, "", ...table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd())];
  if (rows.length === 0) out.push("(no measurements)");
  const t = totals(rows);
  out.push("", "Totals");
  out.push(...(t.length > 0 ? t.map((x) => "  " + totalLine(x)) : ["  no credit due"]));
  return out.join("\n") + "\n";
}

export function creditsMarkdown(contract: string, rows: readonly CreditRow[]): string {
  const out = [`## Service credits of ${contract}`, "", "| service | sla | period | value | met | credit | amount | chronic |", "|---|---|---|---|---|---|---|---|"];
  for (const r of rows) out.push(`| ${rowCells(r).join(" | ")} |`);
  const t = totals(rows);
  out.push("", "### Totals", "", ...(t.length > 0 ? t.map((x) => `- ${totalLine(x)}`) : ["No credit due."]));
  return out.join("\n") + "\n";
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One line per measurement, then one `total` line per service and currency. */
export function creditsCsv(rows: readonly CreditRow[]): string {
  const out = ["service,sla,period,value,met,creditPercent,capped,amount,currency,chronic"];
  for (const r of rows) out.push([r.service, r.sla, r.period, r.value, String(r.met), String(r.creditPercent), String(r.capped), r.amount ?? "", r.currency ?? "", String(r.chronic)].map(csvCell).join(","));
  for (const t of totals(rows)) if (t.currency) out.push([t.service, "total", "", "", "", "", "", t.currency ? money(t.amount) : "", t.currency ?? "", ""].map(csvCell).join(","));
  return out.join("\r\n") + "\r\n";
}
