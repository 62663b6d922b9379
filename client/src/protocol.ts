// What the extension reads from the custom requests: the wire types (server/src/wire/requests.ts, the
// one declaration), seen as they may arrive from any server that speaks docs/protocol.md — an older
// or newer one, or another implementation. The views check what they show; these types say what
// they must expect: any word where the wire names a closed set, and no extra field for certain.
import type {
  EscalationGraphResult,
  SimulateResult,
} from "../../server/src/wire/requests";

export { EscalationGraphRequest, SimulateRequest } from "../../server/src/wire/requests";
export type { EscalationGraphParams, Position, Range, Severity, SimulateParams } from "../../server/src/wire/requests";
export { SEVERITIES } from "../../server/src/wire/wording";

/**
 * The fields docs/protocol.md lists beyond its core answer ("shown when present"): the simulator
 * sends them, but a view shows them only when they are there.
 */
type Extra =
  | "contractLabel" | "ladderLabel" | "ladderChosenBy" | "calendar" | "notes"
  | "within" | "minutes" | "deadlineKind"
  | "roleLabel" | "party" | "standsInFor" | "reason"
  | "isDefault" | "thenDeadline" | "services";

/** A wire value as received: closed sets of words widened to any word, the extras optional, all the way down. */
export type Received<T> = T extends string
  ? string
  : T extends readonly (infer E)[]
    ? Received<E>[]
    : T extends object
      ? { [K in keyof T as K extends Extra ? never : K]: Received<T[K]> } & { [K in keyof T as K extends Extra ? K : never]?: Received<T[K]> }
      : T;

export type EscalationGraph = Received<EscalationGraphResult>;
export type GraphContract = EscalationGraph["contracts"][number];
export type GraphLadder = GraphContract["ladders"][number];
export type GraphTier = GraphLadder["tiers"][number];
export type Contact = NonNullable<GraphTier["customer"]>;
export type GraphFinding = NonNullable<GraphTier["findings"]>[number];

type KeysOf<U> = U extends unknown ? keyof U : never;
type ValueOf<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
/** A union of shapes as one shape: the keys all share, and the others optional (an event of a kind this client may not know). */
type Flat<U> = { [K in keyof U]: ValueOf<U, K> } & { [K in Exclude<KeysOf<U>, keyof U>]?: ValueOf<U, K> };

export type SimulationResult = Received<Omit<SimulateResult, "events"> & { events: Flat<SimulateResult["events"][number]>[] }>;
export type SimulatedTier = SimulationResult["tiers"][number];
export type SimulationEvent = SimulationResult["events"][number];
export type CalendarDescription = NonNullable<SimulationResult["calendar"]>;
