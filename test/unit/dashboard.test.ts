// The relationship dashboard: its model from the northwind log, the SVG charts (bars by time, the now line,
// overdue and breach marks, the target line), text that fits its box, and escaping of hostile strings.
import { strict as assert } from "node:assert";
import { Program } from "../../server/src/core/program";
import { diskHost, toUri } from "../../server/src/cli/files";
import { logState } from "../../server/src/operations/operate";
import { buildDashboard, Dashboard, DashboardMatter, DashboardSla } from "../../server/src/documents/dashboard/model";
import { matterTimeline, slaChart, warningTimeline } from "../../server/src/documents/dashboard/charts";
import { dashboardBody, dashboardPage } from "../../server/src/documents/dashboard/html";
import { fit, textWidth, timeTicks, valueTicks } from "../../server/src/documents/dashboard/svg";
import type { MatterStatus } from "../../server/src/operations/status";
import { sample } from "../helpers/paths";

const HOSTILE = `<img src=x onerror=alert(1)>`;

function northwind(): Dashboard {
  const linked = new Program(diskHost).link(toUri(sample("northwind-log.covenant")))!;
  const state = logState(linked.logs[0], { today: "2026-01-10" })!;
  return buildDashboard(state, "samples/northwind-log.covenant");
}

function status(over: Partial<MatterStatus>): MatterStatus {
  return {
    matter: "m", state: "open", ladder: "standard", tier: "t", opened: "2026-01-01T09:00:00+00:00", deadline: null,
    overdue: false, step: null, customer: null, supplier: null, next: "", ...over,
  };
}

/** The rects of bars: x, width and classes, by tier. */
function bars(svg: string): { cls: string; x: number; w: number; tier: string }[] {
  return [...svg.matchAll(/<rect class="([^"]*cv-bar[^"]*)" x="([\d.-]+)" y="[\d.-]+" width="([\d.-]+)"[^>]*data-tier="([^"]*)"/g)].map((m) => ({ cls: m[1], x: Number(m[2]), w: Number(m[3]), tier: m[4] }));
}

function nowX(svg: string): number {
  const m = /<g class="cv-now"><line x1="([\d.-]+)"/.exec(svg);
  assert.ok(m, "no now line");
  return Number(m[1]);
}

/** Every label drawn, with the room it was given (data-max) and the viewBox width. */
function texts(svg: string): { text: string; x: number; max: number; size: number; anchor: string }[] {
  return [...svg.matchAll(/<text class="[^"]*" x="([\d.-]+)" y="[\d.-]+" font-size="(\d+)"(?: text-anchor="(\w+)")? data-max="([\d.-]+)">(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]), size: Number(m[2]), anchor: m[3] ?? "start", max: Number(m[4]),
    text: m[5].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
  }));
}

function viewWidth(svg: string): number {
  return Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
}

function assertFits(svg: string): void {
  const width = viewWidth(svg);
  const all = texts(svg);
  assert.ok(all.length > 0, "no text drawn");
  for (const t of all) {
    const w = textWidth(t.text, t.size);
    assert.ok(w <= t.max + 0.1, `"${t.text}" is ${w} px wide in a box of ${t.max}`);
    const [a, b] = t.anchor === "end" ? [t.x - w, t.x] : t.anchor === "middle" ? [t.x - w / 2, t.x + w / 2] : [t.x, t.x + w];
    assert.ok(a >= -0.1 && b <= width + 0.1, `"${t.text}" runs out of the chart: ${a}–${b} of 0–${width}`);
  }
}

const TWO: DashboardMatter[] = [
  {
    status: status({ matter: "early", state: "resolved" }),
    tiers: [
      { tier: "operational", opens: "2026-01-01T00:00:00+00:00", ends: "2026-01-03T00:00:00+00:00", deadline: "2026-01-02T00:00:00+00:00", late: true },
      { tier: "management", opens: "2026-01-03T00:00:00+00:00", ends: "2026-01-05T00:00:00+00:00", deadline: "2026-01-09T00:00:00+00:00", late: false },
    ],
    ended: { kind: "resolved", at: "2026-01-05T00:00:00+00:00" },
  },
  {
    status: status({ matter: "late-one", label: HOSTILE, overdue: true, deadline: "2026-01-08T00:00:00+00:00" }),
    tiers: [{ tier: "operational", opens: "2026-01-06T00:00:00+00:00", ends: null, deadline: "2026-01-08T00:00:00+00:00", late: true }],
    ended: null,
  },
];

describe("relationship dashboard", () => {
  describe("model (northwind log on 2026-01-10)", () => {
    const d = northwind();

    it("has every replayed matter with each tier it opened, and the same status as covenant status", () => {
      assert.deepEqual(d.matters.map((m) => [m.status.matter, m.tiers.map((t) => t.tier)]), [
        ["laptops-late", ["operational", "management"]],
        ["idp-outage", ["operational", "executive"]],
        ["sso-migration", ["operational", "management", "executive"]],
        ["invoice-dispute", ["operational", "management"]],
      ]);
      const sso = d.matters[2];
      assert.equal(sso.status.overdue, true);
      assert.equal(sso.tiers[2].ends, null, "the current tier of an open matter has not ended");
      assert.equal(sso.tiers[0].ends, sso.tiers[1].opens, "a tier ends when the next opens");
      assert.deepEqual(d.matters[1].ended, { kind: "formal", at: "2025-12-03T11:00:00+00:00", step: "expert-determination" });
      assert.equal(d.matters[0].ended?.kind, "resolved");
    });

    it("has every measured period of each SLA, in period order, with its breach and credit", () => {
      assert.deepEqual(d.slas.map((s) => [`${s.service}.${s.sla}`, s.comparator, s.target, s.points.map((p) => `${p.period}:${p.magnitude}:${p.met ? "met" : p.creditPercent}`)]), [
        ["eud.p2-fix", ">=", 95, ["2025-09:96:met", "2025-10:95.5:met", "2025-11:93.5:2", "2025-12:97:met"]],
        ["idp.availability", ">=", 99.95, ["2025-09:99.97:met", "2025-10:99.9:5", "2025-12:99.2:15"]],
      ]);
      assert.equal(d.slas[1].points[2].amount, "6000.00");
      assert.deepEqual(d.warnings.map((w) => `${w.signal}:${w.state}`), ["missed-deadlines:answered", "sla-breaches:missed", "formal-tone:missed"]);
    });
  });

  describe("matter timeline", () => {
    const svg = matterTimeline(TWO, { now: "2026-01-10T00:00:00+00:00" });

    it("positions each tier's bar by its opening and end, in proportion to time", () => {
      const [op, mg, late] = bars(svg);
      assert.equal(op.tier, "operational");
      assert.ok(op.x < mg.x && mg.x < late.x, "bars are not in time order");
      // Two days each for the first two tiers: equal widths; operational ends where management starts.
      assert.ok(Math.abs(op.w - mg.w) < 0.5, `${op.w} vs ${mg.w}`);
      assert.ok(Math.abs(op.x + op.w - mg.x) < 0.5);
      // The open tier runs from 6 Jan to now (10 Jan): twice the two-day bars.
      assert.ok(Math.abs(late.w - 2 * op.w) < 0.5, `${late.w} vs 2 × ${op.w}`);
      assert.ok(Math.abs(late.x + late.w - nowX(svg)) < 0.5, "the open tier does not reach the now line");
    });

    it("draws the now line after every bar, and marks deadlines, overdue and late tiers by class", () => {
      const now = nowX(svg);
      for (const b of bars(svg)) assert.ok(b.x <= now);
      assert.equal((svg.match(/class="cv-deadline/g) ?? []).length, 3);
      const [op, mg, current] = bars(svg);
      assert.match(current.cls, /\bcv-overdue\b/);
      assert.match(op.cls, /\bcv-late\b/);
      assert.doesNotMatch(mg.cls, /cv-late|cv-overdue/);
      assert.doesNotMatch(op.cls, /cv-overdue/, "a tier of a resolved matter is never overdue");
      assert.match(svg, /<circle class="cv-end cv-end-resolved"/);
    });

    it("moves the now line with the analysis moment", () => {
      const later = matterTimeline(TWO, { now: "2026-01-20T00:00:00+00:00" });
      const [, , a] = bars(svg);
      const [, , b] = bars(later);
      assert.ok(b.w / (bars(later)[0].w) > a.w / bars(svg)[0].w, "the open tier does not grow with now");
    });

    it("escapes a hostile matter title and keeps every label inside its box", () => {
      assert.ok(!svg.includes("<img"), "a tag from the log reached the SVG");
      assert.ok(svg.includes("&lt;img src=x onerror=alert(1)&gt;"));
      const long = matterTimeline([{ ...TWO[1], status: status({ matter: "x".repeat(80), label: "W".repeat(200), overdue: true }) }], { now: "2026-01-10T00:00:00+00:00", width: 600 });
      assertFits(long);
      assertFits(svg);
      assert.match(long, /<title>W{200}<\/title>/, "a cut label keeps its whole text as a tooltip");
    });

    it("draws an empty log as a chart that says so", () => {
      assert.match(matterTimeline([], { now: "2026-01-10T00:00:00+00:00" }), /No matter in this log/);
    });
  });

  describe("warnings", () => {
    it("draws each firing with its response window, the answer, and missed ones by class", () => {
      const svg = warningTimeline([
        { signal: "missed-deadlines", at: "2025-11-25T00:00:00+00:00", due: "2025-11-27T17:00:00+00:00", state: "answered", answeredAt: "2025-11-26T00:00:00+00:00" },
        { signal: HOSTILE, at: "2025-12-01T00:00:00+00:00", due: "2025-12-03T17:00:00+00:00", state: "missed" },
      ], { now: "2026-01-10T00:00:00+00:00" });
      assert.equal((svg.match(/<rect class="cv-window"/g) ?? []).length, 2);
      assert.equal((svg.match(/class="cv-answer"/g) ?? []).length, 1);
      assert.match(svg, /class="cv-warning cv-warning-missed"/);
      assert.match(svg, /class="cv-deadline cv-overdue"/);
      assert.ok(!svg.includes("<img"));
      assertFits(svg);
    });
  });

  describe("SLA chart", () => {
    const sla: DashboardSla = {
      service: "idp", sla: "availability", label: HOSTILE, comparator: ">=", target: 99.95, targetText: "99.95%", unit: "percent",
      points: [
        { service: "idp", sla: "availability", period: "2025-09", value: "99.97%", met: true, creditPercent: 0, capped: false, amount: null, currency: null, chronic: false, start: "2025-09-01T00:00:00+01:00", magnitude: 99.97 },
        { service: "idp", sla: "availability", period: "2025-10", value: "99.90%", met: false, creditPercent: 5, capped: false, amount: "2000.00", currency: "GBP", chronic: false, start: "2025-10-01T00:00:00+01:00", magnitude: 99.9 },
        { service: "idp", sla: "availability", period: "2025-12", value: "99.20%", met: false, creditPercent: 15, capped: false, amount: "6000.00", currency: "GBP", chronic: false, start: "2025-12-01T00:00:00+00:00", magnitude: 99.2 },
      ],
    };
    const svg = slaChart(sla);
    const targetY = Number(/<g class="cv-target"><line x1="[\d.]+" y1="([\d.]+)"/.exec(svg)![1]);
    const point = (period: string): { x: number; y: number } => {
      const m = new RegExp(`data-period="${period}"[^]*?cx="([\\d.]+)" cy="([\\d.]+)"|cx="([\\d.]+)" cy="([\\d.]+)" r="4" data-period="${period}"`).exec(svg)!;
      return { x: Number(m[1] ?? m[3]), y: Number(m[2] ?? m[4]) };
    };

    it("draws the target line between met values above it and breached values below it", () => {
      assert.ok(point("2025-09").y < targetY, "a value above the target is not drawn above the line");
      assert.ok(point("2025-10").y > targetY && point("2025-12").y > point("2025-10").y);
      assert.match(svg, /target ≥ 99\.95%/);
    });

    it("marks each breached period, spaces periods by time, and keeps the target in view", () => {
      assert.equal((svg.match(/class="cv-point cv-breach"/g) ?? []).length, 2);
      assert.equal((svg.match(/class="cv-point cv-met"/g) ?? []).length, 1);
      const [a, b, c] = ["2025-09", "2025-10", "2025-12"].map(point);
      assert.ok(c.x - b.x > 1.8 * (b.x - a.x), "the missing November takes no room");
      assert.ok(targetY > 30 && targetY < 200);
      assert.match(svg, /credit 15% = 6000\.00 GBP/);
    });

    it("escapes the SLA's label and keeps its text inside the chart", () => {
      assert.ok(!svg.includes("<img"));
      assertFits(svg);
      assertFits(slaChart({ ...sla, label: "A very long label ".repeat(10), points: Array.from({ length: 24 }, (_, i) => ({ ...sla.points[0], period: `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, start: new Date(Date.UTC(2024 + Math.floor(i / 12), i % 12, 1)).toISOString(), magnitude: 99 + i / 24 })) }));
    });
  });

  describe("page", () => {
    it("lists the credits under each SLA chart and escapes every string of the log", () => {
      const d = northwind();
      const hostile: Dashboard = { ...d, status: { ...d.status, contract: HOSTILE, file: `${HOSTILE}.covenant` }, matters: d.matters.map((m) => ({ ...m, status: { ...m.status, label: HOSTILE, next: HOSTILE } })), slas: d.slas.map((s) => ({ ...s, label: HOSTILE })) };
      const page = dashboardPage([hostile], "Covenant test");
      assert.ok(!/<img/i.test(page), "a tag from the log reached the page");
      assert.ok(!/onerror=alert\(1\)>/.test(page.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, "")));
      assert.match(dashboardBody([d]), /2025-12: 99\.20%, credit 15%, 6000\.00 GBP/);
      assert.doesNotMatch(page, /<script|\b(?:src|href)="?https?:/i, "the page loads or runs something");
    });
  });

  describe("helpers", () => {
    it("measures text conservatively and cuts it with an ellipsis", () => {
      assert.ok(textWidth("WWW", 12) > textWidth("iii", 12));
      assert.equal(fit("operational", 1000, 12), "operational");
      const cut = fit("operational", 40, 12);
      assert.ok(cut.endsWith("…") && textWidth(cut, 12) <= 40, cut);
      assert.equal(fit("operational", 2, 12), "");
    });

    it("chooses ticks that leave room for their labels", () => {
      const from = Date.parse("2025-11-01T00:00:00Z");
      const to = Date.parse("2026-01-10T00:00:00Z");
      // 70 days over 1000 px: a week is 100 px, so Mondays; over 200 px, months.
      assert.deepEqual(timeTicks(from, to, 0, 1000).map((t) => t.text), ["3 Nov", "10 Nov", "17 Nov", "24 Nov", "1 Dec", "8 Dec", "15 Dec", "22 Dec", "29 Dec", "5 Jan"]);
      assert.deepEqual(timeTicks(from, to, 0, 200).map((t) => t.text), ["Nov 2025", "Dec 2025", "Jan 2026"]);
      assert.deepEqual(valueTicks(93, 97.5, 4), [94, 96]);
      assert.deepEqual(valueTicks(99.1, 100, 4), [99.5, 100]);
    });
  });
});
