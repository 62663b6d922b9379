// Every code a finding can carry, with the page that explains it: the built-in errors (always errors,
// reported by the parser and the linker) and the governance checks of the registry.
import type { Severity } from "../core/findings";
import { CHECKS } from "./registry";

/**
 * Where the rule pages (docs/rules/<CODE>.md) are published. A fork or a private mirror changes this
 * constant, or sets COVENANT_RULE_DOCS_URL for the command line (docs/rules/README.md).
 */
export const RULE_DOCS_BASE = "https://github.com/covenant-lang/covenant/blob/main/docs/rules/";

export function ruleDocUrl(code: string, base: string = RULE_DOCS_BASE): string {
  return `${base.endsWith("/") ? base : base + "/"}${code}.md`;
}

export interface RuleInfo {
  code: string;
  defaultSeverity: Severity;
  title: string;
  explanation: string;
  /** Built-in errors cannot be turned off or changed. */
  builtin: boolean;
}

export const BUILTIN_RULES: readonly RuleInfo[] = [
  {
    code: "SYN001",
    defaultSeverity: "error",
    title: "Syntax error",
    explanation:
      "The text cannot be read as Covenant here: a misspelt keyword, a missing brace, a value in the wrong form. " +
      "Everything else in the file is still read, but the block holding the mistake is not checked until it is " +
      "corrected, so a syntax error can hide governance findings.",
    builtin: true,
  },
  {
    code: "REF001",
    defaultSeverity: "error",
    title: "Name does not resolve",
    explanation:
      "A role, person, party, calendar, board, service or ladder is named but never declared where the contract " +
      "can see it. The contract then points at nobody: an escalation contact, a board member or an owner that " +
      "does not exist cannot act when it matters.",
    builtin: true,
  },
  {
    code: "REF002",
    defaultSeverity: "error",
    title: "Duplicate name",
    explanation:
      "Two declarations share a name in the same scope (two people called `pat` in one party, two ladders " +
      "called `standard` in one contract). Every reference to that name becomes a guess, so the second one is " +
      "reported and must be renamed.",
    builtin: true,
  },
  {
    code: "REF003",
    defaultSeverity: "error",
    title: "Ambiguous name",
    explanation:
      "A bare role or person name exists in both the customer's and the supplier's party, so the contract does " +
      "not say which side is meant. Write it with its party, `customer-party.name` or `supplier-party.name`.",
    builtin: true,
  },
  {
    code: "REF004",
    defaultSeverity: "error",
    title: "Import not found or circular",
    explanation:
      "An imported file (often a shared org chart or calendar) cannot be found or read, or it imports this file " +
      "back. The parties and calendars it should bring are then missing from the contract.",
    builtin: true,
  },
  {
    code: "VAL001",
    defaultSeverity: "error",
    title: "Invalid value",
    explanation:
      "A value that cannot be true: a date that does not exist, a percentage over 100, a zero or fractional " +
      "duration, working hours that end before they start, a contract without exactly one customer and one " +
      "supplier, or a block written twice. Dates and limits drive every deadline the contract sets, so they must be real.",
    builtin: true,
  },
];

/** Built-in errors first, then the governance checks in the order of checks.md. */
export function allRules(): RuleInfo[] {
  return [
    ...BUILTIN_RULES,
    ...CHECKS.map((c) => ({ code: c.code, defaultSeverity: c.defaultSeverity, title: c.title, explanation: c.explanation, builtin: false })),
  ];
}
