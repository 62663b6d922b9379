// The answers to "New Contract" as a user or a client gives them (a region code, no time zone), checked
// and completed into what newContract takes. Shared by `covenant new` and the language server's request.
import { regionProblem } from "../core/holidays";
import { findHolidayRegion } from "./holiday-regions";
import { ContractAnswers, contractAnswersProblem, ContractKind } from "./new-contract";

export interface GivenAnswers {
  kind?: unknown;
  customer?: unknown;
  supplier?: unknown;
  law?: unknown;
  region?: unknown;
  /** `YYYY-MM-DD`; the caller's today when absent. */
  effective?: unknown;
}

/** Complete answers, or the first problem with them in one line. */
export function completeAnswers(given: GivenAnswers, today: string): { answers: ContractAnswers } | { problem: string } {
  const code = typeof given.region === "string" ? given.region.trim() : "";
  if (!code) return { problem: "the calendar's holiday region is missing (for example GB-ENG, US-NY, DE-BY, FR)" };
  const region = findHolidayRegion(code);
  if (!region) return { problem: regionProblem(code) ?? `'${code}' is not one of the holiday regions Covenant knows` };
  const answers = {
    kind: given.kind as ContractKind,
    customer: given.customer as string,
    supplier: given.supplier as string,
    law: given.law as string,
    region: region.code,
    timezone: region.timezone,
    effective: given.effective === undefined ? today : (given.effective as string),
  };
  const problem = contractAnswersProblem(answers);
  return problem ? { problem } : { answers };
}
