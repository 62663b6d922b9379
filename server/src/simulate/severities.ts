// The severities a simulation may be asked for (simulation.md, Inputs). No runtime imports: the
// extension offers them in its quick pick through wire/.

export const SEVERITIES = ["critical", "high", "standard", "low"] as const;

export type Severity = (typeof SEVERITIES)[number];
