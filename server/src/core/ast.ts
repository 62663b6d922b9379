// The typed syntax tree of one Covenant file. Offsets are UTF-16 code-unit offsets into the text
// (what JavaScript strings and LSP positions use); `end` is exclusive. Any field that broken input
// can lack is optional.

export interface Range {
  start: number;
  end: number;
}

export interface Name {
  text: string;
  range: Range;
}

/** A string literal with its decoded value. */
export interface Str {
  value: string;
  range: Range;
}

/** A word from a closed set (`monthly`, `critical`, `written`); `text` is what was written. */
export interface Word {
  text: string;
  range: Range;
}

/** A reference to a role or a person: `party.name` or a bare `name`. */
export interface Ref {
  party?: Name;
  name: Name;
  range: Range;
}

export type UnitName = "minute" | "hour" | "day" | "week" | "month" | "year";

export interface Duration {
  kind: "duration";
  amount: number;
  unit: UnitName;
  business: boolean;
  text: string;
  range: Range;
}

export interface DateValue {
  kind: "date";
  text: string;
  range: Range;
}

export interface TimeValue {
  kind: "time";
  text: string;
  range: Range;
}

export interface PercentValue {
  kind: "percent";
  value: number;
  text: string;
  range: Range;
}

export interface NumberValue {
  kind: "number";
  value: number;
  text: string;
  range: Range;
}

export type Quantity = Duration | PercentValue | NumberValue;
/** A value the validator checks (dates, times, percentages, durations). */
export type CheckedValue = Duration | DateValue | TimeValue | PercentValue | PeriodValue;

interface NodeBase {
  range: Range;
  /** The keyword that opens the declaration, statement or block. */
  keyword: Range;
  /** Set when a syntax error lies inside this node or the parser gave up on it. */
  incomplete?: boolean;
  /** The text of `///` comments directly before a declaration. */
  doc?: string;
}

export interface CovenantFile {
  imports: Import[];
  contracts: Contract[];
  /** Top-level parties (shareable through imports). */
  parties: Party[];
  /** Top-level calendars (shareable through imports). */
  calendars: Calendar[];
  /** Relationship logs (operations.md). */
  logs: Log[];
}

export interface Import extends NodeBase {
  kind: "import";
  path?: Str;
}

export type Side = "customer" | "supplier";

export interface Contract extends NodeBase {
  kind: "contract";
  name?: Name;
  label?: Str;
  /** Errors directly in the body (not inside a nested block): silences missing-block findings. */
  bodyHasSyntaxError?: boolean;
  contractKind?: Word;
  customers: Name[];
  suppliers: Name[];
  effective?: DateValue;
  term?: Duration;
  law?: Str;
  negotiatedBy: Ref[];
  calendar?: Calendar;
  calendarRef?: Name;
  /** The `calendar` keyword of the contract's own calendar or of its `calendar NAME` line. */
  calendarKeyword?: Range;
  parties: Party[];
  services: Service[];
  responsibilities?: Responsibilities;
  governance?: Governance;
  escalations: Escalation[];
  dispute?: Dispute;
  continuity?: Continuity;
  records?: Records;
  earlyWarning?: EarlyWarning;
  changeControl?: ChangeControl;
  keyPersonnel?: KeyPersonnel;
  termination?: Termination;
  /** Blocks written a second time in the contract (VAL001 at the keyword). */
  repeatedBlocks: { kind: string; keyword: Range }[];
}

export interface Party extends NodeBase {
  kind: "party";
  name?: Name;
  label?: Str;
  side?: Word;
  people: Person[];
  roles: Role[];
  /** Where it was declared: at the top of a file (shareable) or inside a contract. */
  topLevel: boolean;
}

export interface Person extends NodeBase {
  kind: "person";
  name?: Name;
  /** The display name, `"Jo Lee"`. */
  label?: Str;
  title?: Str;
  email?: Str;
  left?: DateValue;
}

export type Level = "operational" | "management" | "executive";
export const LEVELS: readonly Level[] = ["operational", "management", "executive"];

export interface Role extends NodeBase {
  kind: "role";
  name?: Name;
  label?: Str;
  holder?: Name;
  deputy?: Name;
  level?: Word;
}

export interface Service extends NodeBase {
  kind: "service";
  name?: Name;
  label?: Str;
  criticality?: Word;
  owner?: Ref;
  slas: Sla[];
  /** `fee 40000 GBP monthly`: the charge for the service (operations.md: amounts of service credits). */
  fee?: Fee;
}

export interface Fee {
  amount?: NumberValue;
  /** Three capital letters (GBP, EUR); anything else is VAL001. */
  currency?: Name;
  per?: Word;
  keyword: Range;
  range: Range;
}

export interface Metric {
  label?: Str;
  comparator?: Word;
  target?: Quantity;
  range: Range;
}

export interface Credit {
  percent?: PercentValue;
  direction?: Word;
  threshold?: Quantity;
  range: Range;
}

export interface Chronic {
  count?: NumberValue;
  within?: Duration;
  action?: Word;
  range: Range;
}

export interface Sla extends NodeBase {
  kind: "sla";
  name?: Name;
  label?: Str;
  metrics: Metric[];
  window?: Word;
  coverage?: Word;
  excludes: Str[];
  measuredBy?: Name;
  reports: { cadence?: Word; at?: Name; range: Range }[];
  credits: Credit[];
  cap?: PercentValue;
  chronics: Chronic[];
}

export interface Responsibilities extends NodeBase {
  kind: "responsibilities";
  activities: Activity[];
}

export interface Activity extends NodeBase {
  kind: "activity";
  label?: Str;
  responsible: Ref[];
  accountable: Ref[];
  consulted: Ref[];
  informed: Ref[];
}

export interface Governance extends NodeBase {
  kind: "governance";
  boards: Board[];
}

export interface Board extends NodeBase {
  kind: "board";
  name?: Name;
  label?: Str;
  members: Ref[];
  meets?: Word;
  minutes?: { by?: Ref; within?: Duration; range: Range; keyword: Range };
}

export interface Escalation extends NodeBase {
  kind: "escalation";
  name?: Name;
  label?: Str;
  appliesTo: { dimension?: Word; level?: Word; range: Range }[];
  tiers: Tier[];
  then?: Name;
  thenKeyword?: Range;
}

export interface Tier extends NodeBase {
  kind: "tier";
  name?: Name;
  customer?: Ref;
  supplier?: Ref;
  within?: Duration;
  forum?: Name;
  level?: Word;
}

export const STEP_KINDS = ["mediation", "expert-determination", "adjudication", "arbitration", "litigation"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface DisputeStep extends NodeBase {
  kind: "step";
  step: StepKind;
  provider?: Str;
  rules?: Str;
  seat?: Str;
  courts?: Str;
  arbitrators?: NumberValue;
  scope?: Str;
  start?: Duration;
  decide?: Duration;
  /** Offset just after `{`, where a quick fix inserts a field. */
  bodyStart?: number;
}

export interface Dispute extends NodeBase {
  kind: "dispute";
  notice?: Word;
  ladder?: Name;
  interimRelief?: Word;
  steps: DisputeStep[];
}

/** A statement with a single word value, with the whole statement's range. */
export interface Setting {
  value?: Word;
  range: Range;
  keyword: Range;
}

export interface Continuity extends NodeBase {
  kind: "continuity";
  services?: Setting;
  undisputedPayments?: Setting;
  suspension?: Setting;
  interims: { service?: Name; arrangement?: Word | Str; range: Range }[];
}

export interface Records extends NodeBase {
  kind: "records";
  keep: Name[];
  form?: Word;
  retain?: Duration;
  owner?: Ref;
}

export interface EarlyWarning extends NodeBase {
  kind: "early-warning";
  register?: Ref;
  reviewAt?: Name;
  respond?: Duration;
  signals: { name?: Name; count?: NumberValue; within?: Duration; range: Range }[];
}

export interface ChangeControl extends NodeBase {
  kind: "change-control";
  requests?: Word;
  assess?: { by?: Ref; within?: Duration; range: Range };
  approveAt?: Name;
  emergency?: { by: Ref[]; within?: Duration; range: Range };
}

export interface KeyPersonnel extends NodeBase {
  kind: "key-personnel";
  roles: Ref[];
  replacementNotice?: Duration;
}

export interface Termination extends NodeBase {
  kind: "termination";
  forCause?: Duration;
  forConvenience?: Duration;
  exitPlan?: Duration;
  exitAssistance?: Duration;
  dataReturn?: Duration;
}

export interface Calendar extends NodeBase {
  kind: "calendar";
  /** Absent for a contract's own inline calendar. */
  name?: Name;
  timezone?: Str;
  workdays: Word[];
  hours?: { from?: TimeValue; to?: TimeValue; range: Range };
  holidayDates: DateValue[];
  holidayRegions: Str[];
  topLevel: boolean;
}

// ---- the relationship log (operations.md) ----

/** `YYYY-MM-DD [HH:MM]`: wall-clock time in the contract calendar's time zone; a date alone is 00:00. */
export interface Moment {
  date: DateValue;
  time?: TimeValue;
  range: Range;
}

/** A measured period: `2026-01` (month), `2026-Q1` (quarter), `2026` (year) or `2026-01-14` (date, per incident). */
export interface PeriodValue {
  kind: "period";
  period: "month" | "quarter" | "year" | "date";
  text: string;
  range: Range;
}

export interface Log extends NodeBase {
  kind: "log";
  /** The contract the log records (a contract visible in the file). */
  name?: Name;
  matters: Matter[];
  signals: LogSignal[];
  responses: LogResponse[];
  measures: Measure[];
  measurementFiles: MeasurementFile[];
}

export const EVENT_KINDS = ["raised", "escalated", "meeting", "decision", "notice", "formal", "suspended", "resumed", "resolved", "note"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface Matter extends NodeBase {
  kind: "matter";
  name?: Name;
  label?: Str;
  /** The first `service`, `severity` and `ladder` (a second one is VAL001). */
  service?: Name;
  severity?: Word;
  ladder?: Name;
  /** Every event (matterItem with a moment), in the order written. */
  events: MatterEvent[];
}

/** One event of a matter; which optional fields are present depends on `event` (operations.md, Syntax). */
export interface MatterEvent {
  event: EventKind;
  keyword: Range;
  range: Range;
  moment?: Moment;
  /** raised: `by ROLE`. */
  by?: Ref;
  /** escalated: `to TIER`. */
  to?: Name;
  /** meeting: `at BOARD`; `minutes MOMENT`. */
  at?: Name;
  minutes?: Moment;
  /** decision (required), notice, suspended, resolved, note (required): the description. */
  text?: Str;
  /** notice: `written` or `oral`. */
  form?: Word;
  /** formal: the dispute step (a step kind). */
  step?: Name;
  /** `evidence "path", "https://…"`; absent when the event has no evidence clause. */
  evidence?: Evidence;
}

export interface Evidence {
  keyword: Range;
  items: Str[];
  range: Range;
}

export interface LogSignal {
  keyword: Range;
  range: Range;
  moment?: Moment;
  /** The signal kind (`missed-deadlines`). */
  signal?: Name;
  text?: Str;
  evidence?: Evidence;
}

export interface LogResponse {
  keyword: Range;
  range: Range;
  moment?: Moment;
  text?: Str;
  /** `at BOARD`. */
  at?: Name;
  evidence?: Evidence;
}

/** `service.sla` of the log's contract. */
export interface SlaRef {
  service: Name;
  sla?: Name;
  range: Range;
}

export interface Measure {
  keyword: Range;
  range: Range;
  sla?: SlaRef;
  period?: PeriodValue;
  value?: Quantity;
  note?: Str;
}

/** `measurements service.sla "file.csv"`: rows `period,value[,note]`. */
export interface MeasurementFile {
  keyword: Range;
  range: Range;
  sla?: SlaRef;
  path?: Str;
}

export type Block =
  | Log | Matter
  | Contract | Party | Person | Role | Service | Sla | Responsibilities | Activity | Governance | Board
  | Escalation | Tier | Dispute | DisputeStep | Continuity | Records | EarlyWarning | ChangeControl
  | KeyPersonnel | Termination | Calendar | Import;
