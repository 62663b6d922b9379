// Small pieces of hand-written SVG shared by the dashboard's charts: escaping, a conservative text width,
// time and value scales, and tick choices. Pure; the charts are themed by class names only (dashboard CSS).
import { escapeXml } from "../../simulate/render";
import { textWidth as sharedTextWidth } from "../../simulate/text-width";

export const esc = escapeXml;

/** An upper bound of a string's width at `size` px: the escalation preview's table, one for every drawing. */
export function textWidth(text: string, size: number): number {
  return sharedTextWidth(text, size);
}

/** The text cut with an ellipsis to fit `max` px; "" when not even the ellipsis fits. */
export function fit(text: string, max: number, size: number): string {
  if (textWidth(text, size) <= max) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const t = chars.slice(0, n).join("").trimEnd() + "…";
    if (textWidth(t, size) <= max) return t;
  }
  return textWidth("…", size) <= max ? "…" : "";
}

/** A `<text>` of at most `max` px wide (cut with an ellipsis, the whole text in its `<title>`). */
export function label(x: number, y: number, text: string, o: { size: number; max: number; cls: string; anchor?: "start" | "middle" | "end" }): string {
  const shown = fit(text, o.max, o.size);
  if (!shown) return "";
  const anchor = o.anchor && o.anchor !== "start" ? ` text-anchor="${o.anchor}"` : "";
  const title = shown !== text ? `<title>${esc(text)}</title>` : "";
  return `<text class="${o.cls}" x="${r(x)}" y="${r(y)}" font-size="${o.size}"${anchor} data-max="${r(o.max)}">${title}${esc(shown)}</text>`;
}

/** Rounded to a tenth of a pixel: stable output, small files. */
export function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** The UTC offset in minutes of an ISO instant (`+01:00`, `Z`); 0 when it has none. */
export function offsetOf(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = 86_400_000;

/**
 * Ticks of a time axis between two instants, in the calendar's offset: days, weeks (Mondays) or months,
 * whichever leaves at least `minGap` px between labels over `width` px.
 */
export function timeTicks(from: number, to: number, offsetMin: number, width: number, minGap = 72): { at: number; text: string }[] {
  const off = offsetMin * 60_000;
  const span = Math.max(to - from, 1);
  const perPx = span / width;
  const local = (t: number): Date => new Date(t + off);
  const out: { at: number; text: string }[] = [];
  const dayLabel = (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  for (const step of [1, 7]) {
    if ((step * DAY) / perPx < minGap) continue;
    const d = local(from);
    let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - off;
    if (step === 7) while (local(t).getUTCDay() !== 1 || t < from) t += DAY;
    for (; t <= to; t += step * DAY) if (t >= from) out.push({ at: t, text: dayLabel(local(t)) });
    return out;
  }
  for (const months of [1, 2, 3, 6, 12]) {
    if ((months * 30 * DAY) / perPx < minGap) continue;
    const d = local(from);
    for (let y = d.getUTCFullYear(), m = d.getUTCMonth(); ; m += 1) {
      const t = Date.UTC(y, m, 1) - off;
      if (t > to) break;
      const month = ((m % 12) + 12) % 12;
      if (t >= from && month % months === 0) out.push({ at: t, text: `${MONTHS[month]} ${y + Math.floor(m / 12)}` });
    }
    return out;
  }
  return out;
}

/** About `count` round values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function valueTicks(lo: number, hi: number, count = 4): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}
