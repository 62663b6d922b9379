// What an escalation panel keeps across a window reload (the webview's saved state) and how a saved
// state is read back. Pure (no `vscode` import): the state comes from a previous session and is checked.
import { SEVERITIES, SimulateParams } from "./protocol";
import type { LadderFocus } from "./webview-html";

export const PREVIEW_VIEW_TYPE = "covenant.preview";
export const SIMULATION_VIEW_TYPE = "covenant.simulation";
export const DASHBOARD_VIEW_TYPE = "covenant.dashboard";

export type ViewState =
  | { version: 1; kind: "preview"; uri: string; focus: LadderFocus }
  | { version: 1; kind: "simulation"; uri: string; params: SimulateParams }
  | { version: 1; kind: "dashboard"; uri: string };

const optionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === "string";

/** The state a panel of `viewType` saved, or why it cannot be used (an older or damaged state). */
export function readViewState(viewType: string, raw: unknown): ViewState | { problem: string } {
  const unusable = { problem: "This view was saved by another version of Covenant and cannot be restored: run the command again." };
  if (typeof raw !== "object" || raw === null) return unusable;
  const s = raw as Record<string, unknown>;
  if (s.version !== 1 || typeof s.uri !== "string" || s.uri === "") return unusable;
  if (viewType === PREVIEW_VIEW_TYPE && s.kind === "preview") {
    const focus = (typeof s.focus === "object" && s.focus !== null ? s.focus : {}) as Record<string, unknown>;
    if (!optionalString(focus.contract) || !optionalString(focus.ladder)) return unusable;
    return { version: 1, kind: "preview", uri: s.uri, focus: { contract: focus.contract, ladder: focus.ladder } };
  }
  if (viewType === DASHBOARD_VIEW_TYPE && s.kind === "dashboard") return { version: 1, kind: "dashboard", uri: s.uri };
  if (viewType === SIMULATION_VIEW_TYPE && s.kind === "simulation" && typeof s.params === "object" && s.params !== null) {
    const p = s.params as Record<string, unknown>;
    const resolveAt = p.resolveAt as Record<string, unknown> | undefined;
    const fine =
      typeof p.raised === "string" &&
      optionalString(p.contract) && optionalString(p.ladder) && optionalString(p.service) &&
      (p.severity === undefined || SEVERITIES.includes(p.severity as never)) &&
      (resolveAt === undefined || (typeof resolveAt === "object" && resolveAt !== null && typeof resolveAt.tier === "string" && optionalString(resolveAt.after)));
    if (!fine) return unusable;
    const params: SimulateParams = {
      uri: s.uri,
      contract: p.contract as string | undefined,
      ladder: p.ladder as string | undefined,
      service: p.service as string | undefined,
      severity: p.severity as SimulateParams["severity"],
      raised: p.raised as string,
      resolveAt: resolveAt ? { tier: resolveAt.tier as string, after: resolveAt.after as string | undefined } : undefined,
    };
    return { version: 1, kind: "simulation", uri: s.uri, params };
  }
  return unusable;
}
