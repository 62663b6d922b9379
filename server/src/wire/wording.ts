// The simulator's wording that the views share with the CLI (one function per rendering), and the
// severities a request may name. Only modules without runtime imports are re-exported here.
export { ladderChoiceText, parseInstant, readableInstant } from "../simulate/wording";
export type { Instant, LadderChoice } from "../simulate/wording";
export { SEVERITIES } from "../simulate/severities";
