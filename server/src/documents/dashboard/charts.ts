// The dashboard's charts as SVG strings, from its view model (model.ts). Pure: the same model gives the same
// picture. Colours are not written here: every mark has a class (cv-tier-N, cv-overdue, cv-breach, cv-now…)
// that the dashboard's CSS colours from VS Code's theme variables, or from light and dark defaults on paper.
import type { DashboardMatter, DashboardSla } from "./model";
import type { WarningStatus } from "../../operations/status";
import { readableInstant as when } from "../../simulate/wording";
import { esc, fit, label, linear, offsetOf, r, textWidth, timeTicks, valueTicks } from "./svg";

const FONT = 12;

/** `>=` as `≥`: the comparison as a reader writes it. */
export function comparatorText(op: string): string {
  return ({ ">=": "≥", "<=": "≤", "=": "=", "<": "<", ">": ">" } as Record<string, string>)[op] ?? op;
}
const SMALL = 11;

export interface TimelineOptions {
  /** The analysis moment (ISO), where the "now" line is drawn. */
  now: string;
  width?: number;
}

function svgOpen(cls: string, width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="cv-chart ${cls}" viewBox="0 0 ${r(width)} ${r(height)}" width="${r(width)}" height="${r(height)}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>`;
}

function timeAxis(from: number, to: number, offset: number, x: (t: number) => number, top: number, bottom: number, left: number, right: number): string {
  const out = [`<line class="cv-axis" x1="${r(left)}" y1="${r(top)}" x2="${r(right)}" y2="${r(top)}"/>`];
  for (const t of timeTicks(from, to, offset, right - left)) {
    const px = x(t.at);
    out.push(`<line class="cv-grid" x1="${r(px)}" y1="${r(top)}" x2="${r(px)}" y2="${r(bottom)}"/>`);
    out.push(label(px + 3, top - 6, t.text, { size: SMALL, max: 68, cls: "cv-tick" }));
  }
  return out.join("");
}

function nowLine(x: number, top: number, bottom: number): string {
  return `<g class="cv-now"><line x1="${r(x)}" y1="${r(top - 4)}" x2="${r(x)}" y2="${r(bottom)}"/>${label(x, top - 18, "now", { size: SMALL, max: 30, cls: "cv-now-label", anchor: "middle" })}</g>`;
}

/** The time span a chart covers: every instant given and now, with a little room either side. */
function span(instants: (string | null | undefined)[], now: string): [number, number] {
  const ts = [...instants, now].filter((t): t is string => !!t).map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t));
  const lo = Math.min(...ts);
  const hi = Math.max(...ts);
  const pad = Math.max((hi - lo) * 0.04, 43_200_000);
  return [lo - pad, hi + pad];
}

/** The frame of a timeline with a row per item: labels on the left, the time axis on top. */
function rowLayout(rows: number, rowH: number, width = 960): { width: number; labelW: number; rowH: number; top: number; height: number; left: number; right: number } {
  const labelW = 230;
  const top = 34;
  return { width, labelW, rowH, top, height: top + Math.max(rows, 1) * rowH + 10, left: labelW + 10, right: width - 16 };
}

/**
 * The matters as a timeline: a row per matter, one bar per tier from its opening to when the matter left
 * it (or now), a tick at each deadline, the ladder's end (resolved, formal step) marked, a "now" line. A
 * tier still open past its deadline is `cv-overdue`; one left after its deadline is `cv-late`.
 */
export function matterTimeline(matters: readonly DashboardMatter[], o: TimelineOptions): string {
  const { width, labelW, rowH, top, height, left, right } = rowLayout(matters.length, 40, o.width);
  const title = `Matters over time, as of ${when(o.now)}`;
  const out = [svgOpen("cv-timeline", width, height, title)];
  const [from, to] = span(matters.flatMap((m) => m.tiers.flatMap((t) => [t.opens, t.ends, t.deadline])), o.now);
  const x = linear(from, to, left, right);
  out.push(timeAxis(from, to, offsetOf(o.now), x, top, height - 6, left, right));
  if (matters.length === 0) out.push(label(left + 8, top + 24, "No matter in this log.", { size: FONT, max: right - left - 16, cls: "cv-muted" }));
  const now = Date.parse(o.now);
  matters.forEach((m, i) => {
    const y = top + i * rowH;
    const s = m.status;
    const open = s.state === "open";
    const cls = ["cv-matter", `cv-state-${s.state}`, s.overdue ? "cv-overdue" : ""].filter(Boolean).join(" ");
    out.push(`<g class="${cls}" data-matter="${esc(s.matter)}">`);
    out.push(label(8, y + 17, s.label ? `${s.label}` : s.matter, { size: FONT, max: labelW - 8, cls: "cv-row-label" }));
    const sub = `${s.matter} · ${s.state === "formal" ? `formal: ${s.step ?? ""}` : s.state}${s.overdue ? " · overdue" : ""}`;
    out.push(label(8, y + 31, sub, { size: SMALL - 1, max: labelW - 8, cls: s.overdue ? "cv-row-sub cv-overdue-text" : "cv-row-sub" }));
    m.tiers.forEach((t, k) => {
      const a = x(Date.parse(t.opens));
      const endT = t.ends ? Date.parse(t.ends) : now;
      const b = Math.max(x(endT), a + 2);
      const current = k === m.tiers.length - 1 && open;
      const tcls = ["cv-bar", `cv-tier-${k % 4}`, current && s.overdue ? "cv-overdue" : t.late ? "cv-late" : "", current ? "cv-current" : ""].filter(Boolean).join(" ");
      const tip = `${t.tier}: ${when(t.opens)}${t.ends ? ` – ${when(t.ends)}` : " – now"}${t.deadline ? `, deadline ${when(t.deadline)}` : ""}${current && s.overdue ? " (overdue)" : t.late ? " (left after its deadline)" : ""}`;
      out.push(`<rect class="${tcls}" x="${r(a)}" y="${r(y + 6)}" width="${r(b - a)}" height="16" rx="2" data-tier="${esc(t.tier)}"><title>${esc(tip)}</title></rect>`);
      const inside = fit(t.tier, b - a - 8, SMALL);
      if (inside && inside === t.tier) out.push(label(a + 4, y + 18, t.tier, { size: SMALL, max: b - a - 8, cls: current && s.overdue ? "cv-bar-label cv-on-error" : "cv-bar-label" }));
      if (t.deadline) {
        const d = x(Date.parse(t.deadline));
        const dcls = current && s.overdue ? "cv-deadline cv-overdue" : "cv-deadline";
        out.push(`<path class="${dcls}" d="M${r(d)} ${r(y + 3)} l4 -4 l4 4 l-4 4 z M${r(d)} ${r(y + 3)} v22" transform="translate(-4 0)" data-deadline="${esc(t.deadline)}"><title>${esc(`${t.tier} deadline ${when(t.deadline)}`)}</title></path>`);
      }
    });
    if (m.ended) {
      const e = x(Date.parse(m.ended.at));
      const what = m.ended.kind === "resolved" ? `resolved ${when(m.ended.at)}` : `formal step ${m.ended.step ?? ""} ${when(m.ended.at)}`;
      out.push(`<circle class="cv-end cv-end-${m.ended.kind}" cx="${r(e)}" cy="${r(y + 14)}" r="5"><title>${esc(what)}</title></circle>`);
    }
    out.push("</g>");
  });
  out.push(nowLine(x(now), top, height - 6));
  out.push("</svg>");
  return out.join("");
}

/** Fired warnings: a row per firing, a bar from when it fired to its response deadline, the answer marked. */
export function warningTimeline(warnings: readonly WarningStatus[], o: TimelineOptions): string {
  const { width, labelW, rowH, top, height, left, right } = rowLayout(warnings.length, 30, o.width);
  const out = [svgOpen("cv-warnings", width, height, `Early warnings and their response deadlines, as of ${when(o.now)}`)];
  const [from, to] = span(warnings.flatMap((w) => [w.at, w.due, w.answeredAt]), o.now);
  const x = linear(from, to, left, right);
  out.push(timeAxis(from, to, offsetOf(o.now), x, top, height - 6, left, right));
  if (warnings.length === 0) out.push(label(left + 8, top + 20, "No warning has fired.", { size: FONT, max: right - left - 16, cls: "cv-muted" }));
  warnings.forEach((w, i) => {
    const y = top + i * rowH;
    out.push(`<g class="cv-warning cv-warning-${esc(w.state)}" data-signal="${esc(w.signal)}">`);
    const words = w.state === "answered" ? "answered" : w.state === "missed" ? "missed" : w.state === "pending" ? "respond by deadline" : "no deadline";
    out.push(label(8, y + 18, `${w.signal} · ${words}`, { size: FONT, max: labelW - 8, cls: "cv-row-label" }));
    const a = x(Date.parse(w.at));
    if (w.due) {
      const b = Math.max(x(Date.parse(w.due)), a + 2);
      out.push(`<rect class="cv-window" x="${r(a)}" y="${r(y + 8)}" width="${r(b - a)}" height="12" rx="2"><title>${esc(`${w.signal}: fired ${when(w.at)}, respond by ${when(w.due)}`)}</title></rect>`);
      out.push(`<path class="cv-deadline${w.state === "missed" ? " cv-overdue" : ""}" d="M${r(b)} ${r(y + 4)} v20"><title>${esc(`respond by ${when(w.due)}`)}</title></path>`);
    }
    out.push(`<circle class="cv-fired" cx="${r(a)}" cy="${r(y + 14)}" r="5"><title>${esc(`${w.signal} fired ${when(w.at)}`)}</title></circle>`);
    if (w.answeredAt) {
      const c = x(Date.parse(w.answeredAt));
      out.push(`<path class="cv-answer" d="M${r(c - 5)} ${r(y + 14)} l4 4 l7 -9"><title>${esc(`answered ${when(w.answeredAt)}`)}</title></path>`);
    }
    out.push("</g>");
  });
  out.push(nowLine(x(Date.parse(o.now)), top, height - 6));
  out.push("</svg>");
  return out.join("");
}

/** A value on the SLA's scale as people read it: `99.2%`, `42`, `4h 30m`. */
export function valueText(v: number, unit: DashboardSla["unit"]): string {
  const n = Number(v.toFixed(4));
  if (unit === "percent") return `${n}%`;
  if (unit === "number") return String(n);
  const h = Math.floor(n / 60);
  const m = Math.round(n - h * 60);
  return h > 0 ? `${h}h${m ? ` ${m}m` : ""}` : `${m}m`;
}

/**
 * One SLA: the measured value of each period (a line through the periods, by their start) against the
 * target line; a breached period is a `cv-breach` mark, with its credit when one is due.
 */
export function slaChart(s: DashboardSla, o: { width?: number } = {}): string {
  const width = o.width ?? 440;
  const height = 230;
  const left = 58;
  const right = width - 16;
  const top = 40;
  const bottom = height - 34;
  const title = `${s.service}.${s.sla}: measured value by period against the target ${comparatorText(s.comparator)} ${s.targetText}`;
  const out = [svgOpen("cv-sla", width, height, title)];
  out.push(label(8, 16, `${s.service}.${s.sla}${s.label ? ` — ${s.label}` : ""}`, { size: FONT, max: width - 16, cls: "cv-chart-title" }));
  const values = [...s.points.map((p) => p.magnitude), s.target];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.01 || 1;
  lo -= pad;
  hi += pad;
  if (s.unit === "percent") { hi = Math.min(hi, 100); lo = Math.min(lo, hi - 0.01); }
  if (s.unit !== "number" && lo < 0 && Math.min(...values) >= 0) lo = 0;
  const y = linear(lo, hi, bottom, top);
  for (const v of valueTicks(lo, hi, 4)) {
    if (v < lo || v > hi) continue;
    out.push(`<line class="cv-grid" x1="${left}" y1="${r(y(v))}" x2="${r(right)}" y2="${r(y(v))}"/>`);
    out.push(label(left - 6, y(v) + 4, valueText(v, s.unit), { size: SMALL - 1, max: left - 10, cls: "cv-tick", anchor: "end" }));
  }
  out.push(`<line class="cv-axis" x1="${left}" y1="${r(bottom)}" x2="${r(right)}" y2="${r(bottom)}"/>`);
  const n = s.points.length;
  const starts = s.points.map((p) => Date.parse(p.start));
  const month = 30 * 86_400_000;
  const x = n > 1 ? linear(starts[0], starts[n - 1], left + 28, right - 28) : () => (left + right) / 2;
  // Period labels: at most as many as fit, always the first and the last.
  const slot = n > 1 ? (x(starts[n - 1]) - x(starts[0])) / Math.max((starts[n - 1] - starts[0]) / month, 1) : right - left;
  const every = Math.max(1, Math.ceil(textWidth("2025-12", SMALL - 1) / Math.max(slot, 1)));
  const ty = y(s.target);
  out.push(`<g class="cv-target"><line x1="${left}" y1="${r(ty)}" x2="${r(right)}" y2="${r(ty)}"/>${label(right, ty - 5, `target ${comparatorText(s.comparator)} ${s.targetText}`, { size: SMALL, max: right - left, cls: "cv-target-label", anchor: "end" })}</g>`);
  if (n > 1) out.push(`<polyline class="cv-measured" points="${s.points.map((p, i) => `${r(x(starts[i]))},${r(y(p.magnitude))}`).join(" ")}"/>`);
  s.points.forEach((p, i) => {
    const px = x(starts[i]);
    const py = y(p.magnitude);
    const credit = p.creditPercent > 0 ? `, credit ${p.creditPercent}%${p.capped ? " (capped)" : ""}${p.amount ? ` = ${p.amount} ${p.currency ?? ""}` : ""}` : "";
    const tip = `${p.period}: ${p.value} — ${p.met ? "met" : "breached"}${credit}${p.chronic ? ", chronic" : ""}`;
    if (p.met) out.push(`<circle class="cv-point cv-met" cx="${r(px)}" cy="${r(py)}" r="4" data-period="${esc(p.period)}"><title>${esc(tip)}</title></circle>`);
    else out.push(`<g class="cv-point cv-breach" data-period="${esc(p.period)}"><title>${esc(tip)}</title><circle cx="${r(px)}" cy="${r(py)}" r="6"/><path d="M${r(px - 3.5)} ${r(py - 3.5)} l7 7 M${r(px + 3.5)} ${r(py - 3.5)} l-7 7"/></g>`);
    const above = py - 10 > top - 6 ? py - 10 : py + 18;
    if (n <= 12) out.push(label(px, above, p.value, { size: SMALL - 1, max: Math.max(slot - 4, 40), cls: p.met ? "cv-value" : "cv-value cv-breach-text", anchor: "middle" }));
    if (i % every === 0 || i === n - 1) out.push(label(px, bottom + 16, p.period, { size: SMALL - 1, max: Math.max(slot * every - 4, 44), cls: "cv-tick", anchor: "middle" }));
  });
  out.push("</svg>");
  return out.join("");
}
