// What a governance check is: one file per check in checks/, listed by registry.ts.
import type { Range } from "../core/ast";
import type { Fix, Severity } from "../core/findings";
import type { Linked, LinkedContract } from "../core/link";

export interface CheckContext {
  linked: Linked;
  contract: LinkedContract;
  /** The analysis date, `YYYY-MM-DD`: a person whose `left` date is on or before it has left. */
  today: string;
}

/** A finding as a check produces it; the analyser adds the file, code and configured severity. */
export interface CheckFinding {
  range: Range;
  message: string;
  fix?: Fix;
}

export interface Check {
  code: string;
  defaultSeverity: Severity;
  /** One line, shown in rule lists and SARIF short descriptions. */
  title: string;
  /** Why it matters, in a contract manager's words (rule docs, SARIF full description, hover). */
  explanation: string;
  run(ctx: CheckContext): CheckFinding[];
}
