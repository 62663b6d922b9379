// Hover in a relationship log: a matter's replayed timeline, a measurement's evaluation, a signal's firing.
// Everything read here is the replay the checks computed at the same analysis moment (operations/operate.ts).
import type * as A from "../core/ast";
import type { LinkedLog } from "../core/link-log";
import type { LogState } from "../operations/operate";
import type { Instant } from "../operations/time";
import { MatterReplay, TierOpening } from "../operations/replay";
import { matterStatus } from "../operations/status";
import type { Contact } from "../simulate/contacts";
import { readableInstant } from "../simulate/wording";
import { DocumentAnalysis, logStateOf } from "./analysis";
import { escapeMarkdown } from "./ladder";

export interface LogHover {
  markdown: string;
  range: A.Range;
}

const inside = (r: A.Range | undefined, offset: number): r is A.Range => !!r && r.start <= offset && offset <= r.end;

export function logHover(analysis: DocumentAnalysis, offset: number): LogHover | undefined {
  for (const log of analysis.linked.logs) {
    if (!inside(log.log.range, offset) && !log.log.incomplete) continue;
    const state = logStateOf(analysis, log);
    const found = matterHover(log, state, offset) ?? measurementHover(log, state, offset) ?? signalHover(log, state, offset);
    if (found) return found;
  }
  return undefined;
}

function when(state: LogState, t: Instant): string {
  return readableInstant(state.clock.format(t));
}

function matterHover(log: LinkedLog, state: LogState | undefined, offset: number): LogHover | undefined {
  const lm = log.matters.find((m) => inside(m.matter.name?.range, offset));
  if (!lm?.matter.name) return undefined;
  const range = lm.matter.name.range;
  const title = `**matter \`${lm.matter.name.text}\`**${lm.matter.label ? ` — ${escapeMarkdown(lm.matter.label.value)}` : ""}`;
  const r = state?.replays.get(lm);
  if (!state || !r) {
    const why = !log.contract ? "its log's contract does not resolve" : !lm.ladder ? "no ladder of the contract applies to it" : !state ? "the contract's calendar cannot be used" : "it has errors of its own (see the problems)";
    return { markdown: `${title}\n\nNot replayed: ${why}.`, range };
  }
  const status = matterStatus(state, r);
  const stateLine = r.state === "resolved" ? `resolved on ${when(state, r.resolved!.at)}${r.formal ? ` (after the formal step \`${r.formal.stepName}\`)` : ""}`
    : r.state === "formal" ? `formal: \`${r.formal!.stepName}\` since ${when(state, r.formal!.at)}`
    : `open at \`${status.tier}\`${status.overdue ? " — **overdue**" : ""}`;
  const lines = [title, "", `Ladder \`${r.ladder.name?.text ?? ""}\` · ${stateLine}  `, `Raised ${when(state, r.raised)}`, ""];
  for (const [i, t] of r.tiers.entries()) {
    lines.push(`${i + 1}. **${t.tier.name?.text ?? "?"}** opened ${when(state, t.opens)} · ${t.deadline !== undefined ? `deadline ${when(state, t.deadline)}` : "no time limit"} · ${outcome(state, r, i)}  `);
    lines.push(`   Customer: ${contact(t.customer)} · Supplier: ${contact(t.supplier)}`);
  }
  lines.push("", `Next: ${escapeMarkdown(status.next)}`);
  return { markdown: lines.join("\n"), range };
}

/** Met when the matter left the tier (escalated, formal, resolved) by its deadline; missed when later, or still there past it. */
function outcome(state: LogState, r: MatterReplay, i: number): string {
  const t: TierOpening = r.tiers[i];
  const by = r.tiers[i + 1]?.by;
  const leftAt = by ? state.clock.moment(by.moment!) : r.formal?.at ?? r.resolved?.at;
  if (t.deadline === undefined) return leftAt !== undefined ? "closed" : "current";
  if (leftAt !== undefined) return leftAt <= t.deadline ? "met" : "**missed**";
  return t.deadline < state.now ? "**missed** (still at this tier)" : "current, within its deadline";
}

function contact(c: Contact | undefined): string {
  if (!c) return "—";
  if (!c.person) return `\`${c.role}\` — **nobody**${c.reason ? ` (${escapeMarkdown(c.reason)})` : ""}`;
  const who = escapeMarkdown(c.name ?? c.person);
  return c.flags.includes("stand-in") ? `${who} **standing in** for ${escapeMarkdown(c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder")} — \`${c.role}\`` : `${who} — \`${c.role}\``;
}

function measurementHover(log: LinkedLog, state: LogState | undefined, offset: number): LogHover | undefined {
  const written = [...log.log.measures.map((m) => m.sla), ...log.log.measurementFiles.flatMap((f) => [f.sla, f.path])].find((x): x is A.SlaRef | A.Str => inside(x?.range, offset));
  if (!written) return undefined;
  const place = log.log.measurementFiles.find((f) => f.sla === written || f.path === written)?.path?.range ?? written.range;
  const mine = (state?.evaluations ?? []).filter((e) => e.measurement.at.start === place.start || e.measurement.at.start === written.range.start);
  if (mine.length === 0) return undefined;
  const sla = mine[0].measurement.sla;
  const metric = sla.metrics[0];
  const lines = [
    `**${escapeMarkdown(mine[0].measurement.service.name?.text ?? "")}.${escapeMarkdown(sla.name?.text ?? "")}** · target ${escapeMarkdown(metric?.label?.value ?? "")} ${metric?.comparator?.text ?? ""} ${metric?.target?.text ?? ""} · ${sla.window?.text ?? ""}`,
    "",
  ];
  for (const e of mine) {
    const m = e.measurement;
    const credit = e.creditPercent > 0 ? ` · credit ${e.creditPercent}%${e.capped ? " (capped)" : ""}${e.amount ? ` = ${e.amount} ${e.currency}` : ""}` : e.met ? "" : " · no credit";
    lines.push(`- ${m.period.text}${m.row ? ` (line ${m.row})` : ""}: ${m.value.text} — ${e.met ? "met" : "**breached**"}${credit}${e.chronic ? ` · **chronic**: the customer may ${e.chronic.action?.text ?? "act"}` : ""}`);
  }
  return { markdown: lines.join("\n"), range: written.range };
}

function signalHover(log: LinkedLog, state: LogState | undefined, offset: number): LogHover | undefined {
  const s = log.log.signals.find((x) => inside(x.keyword, offset) || inside(x.signal?.range, offset));
  if (!s) return undefined;
  const range = inside(s.signal?.range, offset) ? s.signal!.range : s.keyword;
  const kind = s.signal?.text ?? "";
  const head = `**signal \`${escapeMarkdown(kind)}\`**`;
  if (!state) return { markdown: `${head}\n\nNot evaluated: the log's contract or its calendar cannot be used.`, range };
  const listed = state.contract.contract.earlyWarning?.signals.find((x) => x.name?.text === kind);
  if (!listed) return { markdown: `${head}\n\nThe contract's early-warning block does not watch this sign: it never fires.`, range };
  const rule = `the contract watches \`signal ${kind}${listed.count ? ` ${listed.count.value} within ${listed.within?.text ?? "?"}` : ""}\``;
  const firing = state.firings.find((f) => f.occurrence.signal === s);
  if (!firing) return { markdown: `${head}\n\nDoes not fire here (${rule}).`, range };
  const response = firing.answeredBy ? `answered by the response of ${when(state, state.clock.moment(firing.answeredBy.moment!))}`
    : firing.state === "missed" ? `**no response** by ${when(state, firing.due!)}`
    : firing.state === "pending" ? `a response is due by ${when(state, firing.due!)}`
    : "no response yet (the contract sets no time to respond)";
  return { markdown: `${head}\n\n**Fires** on ${when(state, firing.at)} (${rule}).  \nResponse: ${response}.`, range };
}
