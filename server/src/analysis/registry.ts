// Every governance check, in the order of checks.md. Nothing else knows their codes.
import type { Check } from "./check";

export const CHECKS: readonly Check[] = [];
