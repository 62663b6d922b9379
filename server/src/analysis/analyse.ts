// Runs the governance checks over a linked file and applies the configured severities.
import type { Finding, Fix, Severity } from "../core/findings";
import type { Linked } from "../core/link";
import type { LazyFix } from "./check";
import { CHECKS } from "./registry";
import { logState } from "../operations/operate";
import type { CheckFinding } from "./check";

export type RuleSetting = Severity | "off";

export interface AnalysisOptions {
  /** `YYYY-MM-DD`; people who left on or before it have left. */
  today: string;
  /**
   * The analysis moment of a log, an ISO instant (operations.md); when absent, 00:00 of `today` in the
   * contract calendar's zone. Callers pass the current instant when no analysis date was configured.
   */
  now?: string;
  /** Severity overrides by code; built-in codes are not affected. */
  rules?: Record<string, RuleSetting>;
}

export function governanceFindings(linked: Linked, options: AnalysisOptions): Finding[] {
  const findings: Finding[] = [];
  // Two contracts of a file can report the same place (a shared party's role): once is enough.
  const seen = new Set<string>();
  for (const check of CHECKS) {
    const setting = options.rules?.[check.code] ?? check.defaultSeverity;
    if (setting === "off") continue;
    const runs: { at: { start: number; end: number }; run: () => CheckFinding[] }[] = [];
    const run = check.run;
    if (run) for (const contract of linked.contracts) runs.push({ at: contract.contract.name?.range ?? contract.contract.keyword, run: () => run({ linked, contract, today: options.today }) });
    const runLog = check.runLog;
    if (runLog) {
      for (const log of linked.logs) {
        const at = log.log.name?.range ?? log.log.keyword;
        runs.push({ at, run: () => { const state = logState(log, { now: options.now, today: options.today }); return state ? runLog({ linked, state, today: options.today }) : []; } });
      }
    }
    for (const { at, run } of runs) {
      let produced;
      try {
        produced = run();
      } catch (e) {
        // A bug in one check must not take the others down; it is visible as a finding of its own.
        produced = [{ range: at, message: `internal error in ${check.code}: ${(e as Error).message}` }];
      }
      for (const f of produced) {
        const key = `${check.code} ${f.range.start} ${f.range.end} ${f.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const finding: Finding = { uri: linked.uri, range: f.range, code: check.code, severity: setting, message: f.message, fix: undefined };
        if (f.related) finding.related = f.related;
        findings.push(withLazyFix(finding, f.fix));
      }
    }
  }
  return findings;
}

/** `finding.fix` becomes a property laid out on first read and kept: findings stay plain data to their readers. */
function withLazyFix(finding: Finding, fix: LazyFix | undefined): Finding {
  if (!fix) return finding;
  let laidOut: { fix: Fix | undefined } | undefined;
  return Object.defineProperty(finding, "fix", { enumerable: true, configurable: true, get: () => (laidOut ??= { fix: fix() }).fix });
}

/** Every finding of a linked file: built-in errors first, then the governance checks, by position. */
export function allFindings(linked: Linked, options: AnalysisOptions): Finding[] {
  return [...linked.builtins, ...governanceFindings(linked, options)].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : 1));
}
