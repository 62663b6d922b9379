// What a governance check is: one file per check in checks/, listed by registry.ts.
import type { Range } from "../core/ast";
import type { Fix, RelatedLocation, Severity } from "../core/findings";
import type { Linked, LinkedContract } from "../core/link";
import type { LogState } from "../operations/operate";

export interface CheckContext {
  linked: Linked;
  contract: LinkedContract;
  /** The analysis date, `YYYY-MM-DD`: a person whose `left` date is on or before it has left. */
  today: string;
}

/** A quick fix laid out when it is first asked for: the analysis of each keystroke does not build fix text. */
export type LazyFix = () => Fix | undefined;

/** A finding as a check produces it; the analyser adds the file, code and configured severity. */
export interface CheckFinding {
  range: Range;
  message: string;
  fix?: LazyFix;
  /** Other places the message refers to. */
  related?: RelatedLocation[];
}

export interface Check {
  code: string;
  defaultSeverity: Severity;
  /** One line, shown in rule lists and SARIF short descriptions. */
  title: string;
  /** Why it matters, in a contract manager's words (rule docs, SARIF full description, hover). */
  explanation: string;
  /** A check of a contract (the governance checks). */
  run?(ctx: CheckContext): CheckFinding[];
  /** A check of a relationship log (MAT, EWL, SLM codes: operations.md). */
  runLog?(ctx: LogCheckContext): CheckFinding[];
}

export interface LogCheckContext {
  linked: Linked;
  /** The log replayed and evaluated at the analysis moment, against its contract. */
  state: LogState;
  today: string;
}

/** Where a contract-level finding goes: the contract's name (its keyword when the name is missing). */
export function atContract(c: { name?: { range: Range }; keyword: Range }): Range {
  return c.name?.range ?? c.keyword;
}

/** Where a finding on a named element goes: its name, else its keyword. */
export function atName(node: { name?: { range: Range }; keyword: Range }): Range {
  return node.name?.range ?? node.keyword;
}

/** A fix only when the edits could be laid out (a block cut short by a syntax error has none); `edits` runs when the fix is asked for. */
export function fixOf(title: string, edits: () => Fix["edits"] | undefined): LazyFix {
  return () => {
    const laidOut = edits();
    return laidOut && laidOut.length > 0 ? { title, edits: laidOut } : undefined;
  };
}

/**
 * A syntax error in the contract's own body: its "missing block" findings are silenced (language.md,
 * Resilience). Besides the parser's `bodyHasSyntaxError`, a brace lost inside a nested block can close
 * the contract early; the rest of its body is then stray text (and stray parties) before the next contract.
 */
export function bodyBroken(ctx: CheckContext): boolean {
  const c = ctx.contract.contract;
  if (c.bodyHasSyntaxError) return true;
  const parsed = ctx.linked.file.parsed;
  const next = Math.min(...parsed.file.contracts.map((d) => d.range.start).filter((s) => s >= c.range.end));
  return parsed.syntaxErrors.some((e) => e.range.start >= c.range.end && e.range.start < next);
}
