// The semantic-token legend, on its own so that the server can announce it before loading the analyser.

/** Token types, in order: custom types for what a name names, standard ones for the rest. */
export const TOKEN_TYPES = [
  "keyword", "contract", "party", "person", "role", "calendar", "service", "sla", "board", "ladder", "tier", "step",
  "enumMember", "variable",
] as const;
export const TOKEN_MODIFIERS = ["declaration", "deprecated"] as const;

export type TokenTypeName = (typeof TOKEN_TYPES)[number];
