// Deterministic synthetic Covenant: contracts of any size, a shared org file and a portfolio that imports it.
// The benchmark measures these; the reliability tests use the same generator with `variety` for valid but
// unusual layouts (comments, semicolons, one-line blocks, missing blocks).
import * as fs from "node:fs";
import * as path from "node:path";

/** A source of numbers in [0, 1); the same seed gives the same contract on every machine. */
export type Random = () => number;

export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    // mulberry32: small, fast and good enough to pick words.
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded choices: the one source of randomness of the generators (contracts, portfolios, the ten-year log). */
export class Dice {
  constructor(private readonly random: Random) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

type Level = "operational" | "management" | "executive";
const LEVELS: readonly Level[] = ["operational", "management", "executive"];

export interface GenPerson {
  name: string;
  label: string;
  title: string;
}

export interface GenRole {
  name: string;
  label: string;
  level: Level;
  holder: string;
  deputy: string;
}

export interface GenParty {
  name: string;
  label: string;
  people: GenPerson[];
  roles: GenRole[];
}

/** The blocks a contract may leave out (the reliability tests drop some to make checks fire). */
export const OPTIONAL_BLOCKS = [
  "calendar", "responsibilities", "governance", "escalation", "expedited", "dispute", "continuity", "records",
  "early-warning", "change-control", "key-personnel", "termination", "sla-remedies",
] as const;
export type OptionalBlock = (typeof OPTIONAL_BLOCKS)[number];

export interface ContractShape {
  seed: number;
  /** Roughly how many lines to write; the contract grows by services, activities, boards and ladders. */
  lines: number;
  /** Contract identifier; derived from the seed when absent. */
  name?: string;
  /** Bind an imported party as the customer and use the imported calendar (portfolio contracts). */
  org?: OrgFile & { importPath: string };
  /** Blocks to leave out. */
  omit?: readonly OptionalBlock[];
  /** Valid but unusual layout: comments everywhere, semicolons, one-line blocks, tabs, bare references. */
  variety?: boolean;
}

export interface OrgFile {
  text: string;
  party: GenParty;
  calendar: string;
}

const FIRST = ["Jo", "Ali", "Raj", "Mo", "Tom", "Hana", "Bina", "Carla", "Fay", "Gus", "Hal", "Ines", "Kofi", "Lena", "Zoë", "Søren", "Aiko", "Nuno", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Una", "Vik", "Wen", "Xavi", "Yara", "Zed"];
const LAST = ["Lee", "King", "Patel", "Okafor", "Green", "Sato", "Nair", "Diaz", "Ong", "Ray", "Hill", "Moss", "Brontë", "Kjær", "Tanaka", "Silva", "Adeyemi", "Rao", "Byrne", "Costa", "Lund", "Haddad", "Ueda", "Wolff", "Novak", "Chen", "Ibsen", "Mbeki", "Ortiz", "Frost"];
const TITLES: Record<Level, readonly string[]> = {
  operational: ["Service Delivery Manager", "Operations Lead", "Support Team Lead", "Incident Manager", "Service Manager"],
  management: ["Head of IT Operations", "Account Director", "IT Service Manager", "Head of Support", "Programme Manager"],
  executive: ["CIO", "COO", "Managing Director", "CFO", "Chief Technology Officer"],
};
const ROLE_WORDS: Record<Level, readonly string[]> = {
  operational: ["ops", "delivery", "support", "service", "incident"],
  management: ["mgmt", "account", "programme", "it-management", "commercial"],
  executive: ["exec", "sponsor", "director", "cio", "coo"],
};
const COMPANIES = ["northwind", "contoso", "globex", "initech", "umbrella", "hooli", "tyrell", "soylent", "cyberdyne", "wonka"];
const SUPPLIERS = ["acme", "vandelay", "nimbus", "stark", "wayne", "oscorp", "massive", "gringotts", "aperture", "blackmesa"];
const SERVICE_WORDS = ["hosting", "service-desk", "idp", "payroll", "backup", "network", "eud", "erp", "crm", "data-platform", "monitoring", "email", "storage", "security-ops", "print"];
const SERVICE_LABELS: Record<string, string> = {
  hosting: "Production hosting", "service-desk": "Service desk", idp: "Identity platform", payroll: "Payroll processing",
  backup: "Backup and restore", network: "Wide-area network", eud: "End-user device support", erp: "ERP application support",
  crm: "CRM platform", "data-platform": "Data platform", monitoring: "24x7 monitoring", email: "Email and collaboration",
  storage: "Storage", "security-ops": "Security operations", print: "Managed print",
};
const ACTIVITIES = ["Incident management", "Change management", "Capacity planning", "Backups and restore tests", "User access reviews", "Patch management", "Exit plan upkeep", "Disaster recovery tests", "Licence management", "Problem management"];
const LAWS = ["England and Wales", "Scotland", "Ireland", "Germany", "the State of New York", "Québec"];
const ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Europe/Amsterdam", "Europe/Dublin"];
const REGIONS = ["GB-ENG", "DE-BY", "US", "IE", "NL"];

/** Lines with indentation; `variety` varies the whitespace and sprinkles comments and semicolons. */
class Writer {
  readonly lines: string[] = [];
  private depth: number;
  constructor(private readonly dice: Dice, private readonly variety: boolean, depth = 0) {
    this.depth = depth;
  }
  private pad(): string {
    if (this.variety && this.dice.chance(0.1)) return this.dice.one(["\t", " ", "", "      "]).repeat(this.depth);
    return "  ".repeat(this.depth);
  }
  /** A statement; in variety mode sometimes followed by `;` or a trailing comment. */
  line(text: string): void {
    let s = text;
    if (this.variety) {
      if (this.dice.chance(0.1)) s += ";";
      if (this.dice.chance(0.08)) s += this.dice.one([" // agreed in round 2", " /* see schedule 3 */", " // «contrat» — ok", "\t// TODO confirm"]);
      if (this.dice.chance(0.05)) this.lines.push(this.pad() + this.dice.one(["// comment before a statement", "/* a block comment\n   over two lines */", "// ünïcödé 東京 ✓"]));
    }
    this.lines.push(this.pad() + s);
  }
  open(text: string, doc?: string): void {
    if (doc) this.lines.push(this.pad() + "/// " + doc);
    this.lines.push(this.pad() + text + " {");
    this.depth++;
  }
  close(): void {
    this.depth--;
    this.lines.push(this.pad() + "}");
    if (this.variety && this.dice.chance(0.05)) this.lines.push("");
  }
  blank(): void {
    this.lines.push("");
  }
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function duration(dice: Dice, variety: boolean, amount: number, unit: string, business = false): string {
  const singular = amount === 1 && (!variety || dice.chance(0.7));
  return `${amount} ${business ? "business " : ""}${singular ? unit : unit + "s"}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** People and roles of one party: three levels, each role held by one person with another as deputy. */
function makeParty(dice: Dice, name: string, label: string, rolesPerLevel: number, prefix = ""): GenParty {
  const people: GenPerson[] = [];
  const roles: GenRole[] = [];
  const usedPeople = new Set<string>();
  const newPerson = (level: Level): GenPerson => {
    for (let attempt = 0; ; attempt++) {
      const first = dice.one(FIRST);
      const last = dice.one(LAST);
      const base = (first[0] + last).toLowerCase().normalize("NFD").replace(/[^a-z]/g, "") || "p";
      const id = attempt < 3 ? base : `${base}${people.length}`;
      if (usedPeople.has(id)) continue;
      usedPeople.add(id);
      const p = { name: id, label: `${first} ${last}`, title: dice.one(TITLES[level]) };
      people.push(p);
      return p;
    }
  };
  for (let i = 0; i < rolesPerLevel; i++) {
    for (const level of LEVELS) {
      const word = ROLE_WORDS[level][i % ROLE_WORDS[level].length];
      const roleName = prefix + (i < ROLE_WORDS[level].length ? word : `${word}-${i}`);
      const holder = newPerson(level);
      const deputy = newPerson(level);
      roles.push({ name: roleName, label: `${label.split(" ")[0]} ${level} ${i + 1}`, level, holder: holder.name, deputy: deputy.name });
    }
  }
  return { name, label, people, roles };
}

function writeParty(w: Writer, dice: Dice, variety: boolean, party: GenParty, side: string): void {
  w.open(`party ${party.name} ${quote(party.label)}${side ? " " + side : ""}`, variety && dice.chance(0.5) ? `${party.label}, as named in the order form.` : undefined);
  for (const p of party.people) {
    if (variety && dice.chance(0.2)) w.line(`person ${p.name} ${quote(p.label)}`);
    // eslint-disable-next-line no-dupe-else-if -- each chance() is a new throw of the dice
    else if (variety && dice.chance(0.2)) {
      w.open(`person ${p.name} ${quote(p.label)}`);
      w.line(`title ${quote(p.title)}`);
      w.line(`email ${quote(p.name + "@" + party.name + ".example")}`);
      w.close();
    } else w.line(`person ${p.name} ${quote(p.label)} { title ${quote(p.title)} }`);
  }
  for (const r of party.roles) w.line(`role ${r.name} ${quote(r.label)} { holder ${r.holder} deputy ${r.deputy} level ${r.level} }`);
  w.close();
}

function rolesAt(party: GenParty, level: Level): GenRole[] {
  return party.roles.filter((r) => r.level === level);
}

/** A top-level party and calendar that many contracts import (an organisation's own org chart). */
export function generateOrgFile(seed: number, rolesPerLevel = 3): OrgFile {
  const dice = new Dice(seeded(seed));
  const name = dice.one(COMPANIES);
  const party = makeParty(dice, name, name[0].toUpperCase() + name.slice(1) + " Group", rolesPerLevel);
  const w = new Writer(dice, false);
  w.lines.push(`/// ${party.label}'s people and working calendar, shared by every supplier contract.`);
  writeParty(w, dice, false, party, "");
  w.blank();
  const calendar = `${name}-uk`;
  w.open(`calendar ${calendar}`, "Working days and public holidays of England and Wales.");
  w.line(`timezone "Europe/London"`);
  w.line("workdays mon-fri");
  w.line("hours 09:00-17:30");
  w.line(`holidays "GB-ENG"`);
  w.line("holidays 2026-12-24, 2026-12-31");
  w.close();
  return { text: w.lines.join("\n") + "\n", party, calendar };
}

interface ServiceGen {
  name: string;
  criticality: string;
}

/** One valid contract of about `shape.lines` lines. */
export function generateContract(shape: ContractShape): string {
  const dice = new Dice(seeded(shape.seed));
  const variety = !!shape.variety;
  const omit = new Set(shape.omit ?? []);
  const scale = Math.max(1, Math.round(shape.lines / 1000));
  const rolesPerLevel = Math.min(12, 1 + Math.floor(Math.sqrt(scale)));

  const supplierName = dice.one(SUPPLIERS);
  let customerName = shape.org ? shape.org.party.name : dice.one(COMPANIES);
  if (customerName === supplierName) customerName += "-co";
  // Different role names per side let bare references resolve without ambiguity in variety mode.
  const customer = shape.org?.party ?? makeParty(dice, customerName, customerName[0].toUpperCase() + customerName.slice(1) + " Ltd", rolesPerLevel, variety ? "c-" : "");
  const supplier = makeParty(dice, supplierName, supplierName[0].toUpperCase() + supplierName.slice(1) + " Services", rolesPerLevel, variety ? "s-" : "");
  const name = shape.name ?? `${customer.name}-${supplier.name}-${shape.seed}`;
  // Outside tiers, a bare role name is only safe when the other side has no role of that name.
  const ref = (party: GenParty, role: GenRole): string => {
    const other = party === customer ? supplier : customer;
    const unique = !other.roles.some((r) => r.name === role.name);
    return variety && unique && dice.chance(0.4) ? role.name : `${party.name}.${role.name}`;
  };
  const pickRole = (party: GenParty, level: Level): GenRole => dice.one(rolesAt(party, level));

  const head = new Writer(dice, variety, 1);
  const partiesW = new Writer(dice, variety, 1);
  const servicesW = new Writer(dice, variety, 1);
  const activitiesW = new Writer(dice, variety, 2);
  const boardsW = new Writer(dice, variety, 2);
  const laddersW = new Writer(dice, variety, 1);
  const interims: string[] = [];

  const hasBoards = !omit.has("governance");
  const boards: { name: string; meets: string; members: [GenRole, GenRole] }[] = [];
  const services: ServiceGen[] = [];

  // ---- head ----
  head.line(`kind ${dice.one(["saas", "managed-services", "implementation", "other"])}`);
  if (shape.org) head.line(`customer ${customer.name}`);
  head.line(`effective ${2024 + dice.int(3)}-${pad2(1 + dice.int(12))}-${pad2(1 + dice.int(28))}`);
  head.line(`term ${duration(dice, variety, 12 * (1 + dice.int(5)), "month")}`);
  head.line(`law ${quote(dice.one(LAWS))}`);
  if (shape.org) {
    head.line(`calendar ${shape.org.calendar}`);
  } else if (!omit.has("calendar")) {
    head.open("calendar");
    head.line(`timezone ${quote(dice.one(ZONES))}`);
    head.line(variety && dice.chance(0.3) ? "workdays mon, tue, wed, thu, fri" : "workdays mon-fri");
    head.line(`hours 0${7 + dice.int(3)}:${dice.one(["00", "30"])}-1${6 + dice.int(3)}:${dice.one(["00", "30"])}`);
    head.line(`holidays ${quote(dice.one(REGIONS))}`);
    if (dice.chance(0.5)) head.line("holidays 2026-12-24, 2026-12-31");
    head.close();
  }

  // ---- the scalable part: each unit adds a service, an activity, and now and then a board or a ladder ----
  const boardCadences = ["weekly", "monthly", "quarterly"] as const;
  const boardLevel: Record<string, Level> = { weekly: "operational", monthly: "management", quarterly: "executive" };
  const addBoard = (index: number): void => {
    const meets = boardCadences[index % 3];
    const level = boardLevel[meets];
    const bname = `${meets === "weekly" ? "ops-review" : meets === "monthly" ? "service-board" : "exec-board"}${index < 3 ? "" : "-" + index}`;
    const members: [GenRole, GenRole] = [pickRole(customer, level), pickRole(supplier, level)];
    boards.push({ name: bname, meets, members });
    boardsW.open(`board ${bname} ${quote(`${meets[0].toUpperCase()}${meets.slice(1)} ${level} board`)}`);
    boardsW.line(`members ${ref(customer, members[0])}, ${ref(supplier, members[1])}`);
    boardsW.line(`meets ${meets}`);
    const minutesLevel: Level = level === "executive" ? "management" : "operational";
    boardsW.line(`minutes by ${ref(customer, pickRole(customer, minutesLevel))} within ${duration(dice, variety, 2 + dice.int(4), "day", true)}`);
    boardsW.close();
  };
  const boardAt = (meets: string): string | undefined => {
    const candidates = boards.filter((b) => b.meets === meets);
    return candidates.length > 0 ? dice.one(candidates).name : undefined;
  };

  const addService = (index: number): void => {
    const word = SERVICE_WORDS[index % SERVICE_WORDS.length];
    const sname = index < SERVICE_WORDS.length ? word : `${word}-${index}`;
    const criticality = dice.one(["critical", "high", "standard", "standard", "low"]);
    services.push({ name: sname, criticality });
    servicesW.open(`service ${sname} ${quote(SERVICE_LABELS[word] + (index < SERVICE_WORDS.length ? "" : ` ${index}`))}`, dice.chance(0.3) ? `Schedule ${2 + index}, part ${1 + dice.int(4)}.` : undefined);
    servicesW.line(`criticality ${criticality}`);
    servicesW.line(`owner ${ref(supplier, pickRole(supplier, "management"))}`);
    const slaCount = criticality === "critical" || criticality === "high" ? 1 + dice.int(2) : dice.int(2) === 0 ? 1 : 2;
    for (let k = 0; k < slaCount; k++) {
      const availability = k === 0;
      servicesW.open(`sla ${availability ? "availability" : "response"} ${quote(availability ? "Monthly availability" : "P1 response")}`);
      if (availability) {
        const target = dice.one(["99.9", "99.95", "99.5", "99"]);
        servicesW.line(`metric "Availability" >= ${target}%`);
        servicesW.line("window monthly");
        servicesW.line(`coverage ${criticality === "critical" ? "24x7" : dice.one(["24x7", "business"])}`);
        servicesW.line(`exclude "Planned maintenance announced five business days ahead"`);
        servicesW.line(`measured-by ${supplier.name}`);
        const at = hasBoards ? boardAt("monthly") : undefined;
        servicesW.line(`report monthly${at ? " at " + at : ""}`);
        if (!omit.has("sla-remedies")) {
          servicesW.line(`credit ${5 + dice.int(10)}% below ${target}%`);
          servicesW.line(`cap ${20 + dice.int(10)}%`);
          servicesW.line(`chronic ${2 + dice.int(3)} breaches within ${duration(dice, variety, 6, "month")} -> ${dice.one(["terminate", "step-in", "review"])}`);
        }
      } else {
        servicesW.line(`metric "P1 response time" <= ${duration(dice, variety, 15 * (1 + dice.int(4)), "minute")}`);
        servicesW.line("window per-incident");
        servicesW.line("coverage 24x7");
        servicesW.line(`exclude "Incidents raised outside the support portal"`);
        servicesW.line(`measured-by ${supplier.name}`);
        if (!omit.has("sla-remedies")) {
          servicesW.line(`credit 2% above ${duration(dice, variety, 30, "minute")}`);
          servicesW.line("cap 10%");
          servicesW.line(`chronic 5 breaches within ${duration(dice, variety, 3, "month")} -> review`);
        }
      }
      servicesW.close();
    }
    servicesW.close();
    if (criticality === "critical") interims.push(`interim ${sname} ${dice.one(["step-in", "fallback", "escrow", '"Manual payroll run by the bureau"'])}`);
  };

  const addActivity = (index: number): void => {
    activitiesW.open(`activity ${quote(ACTIVITIES[index % ACTIVITIES.length] + (index < ACTIVITIES.length ? "" : ` (${index})`))}`);
    const [doer, other] = dice.chance(0.5) ? [supplier, customer] : [customer, supplier];
    activitiesW.line(`responsible ${ref(doer, pickRole(doer, "operational"))}`);
    activitiesW.line(`accountable ${ref(doer, pickRole(doer, "management"))}`);
    activitiesW.line(`consulted ${ref(other, pickRole(other, "operational"))}`);
    activitiesW.line(`informed ${ref(other, pickRole(other, "management"))}, ${ref(other, pickRole(other, "executive"))}`);
    activitiesW.close();
  };

  const addLadder = (index: number, expedited: boolean): void => {
    const lname = expedited ? (index === 0 ? "expedited" : `expedited-${index}`) : index === 0 ? "standard" : `standard-${index}`;
    laddersW.open(`escalation ${lname} ${quote(expedited ? "Critical service escalation" : "Standard escalation")}`);
    if (expedited) {
      laddersW.line("applies-to criticality critical");
      if (dice.chance(0.5)) laddersW.line("applies-to severity critical");
    }
    for (const level of LEVELS) {
      const c = pickRole(customer, level);
      const s = pickRole(supplier, level);
      const within = expedited ? duration(dice, variety, 4 * (1 + dice.int(2)), "hour", true) : duration(dice, variety, 5 * (1 + dice.int(2)), "day", true);
      const forum = hasBoards && !expedited ? boardAt(level === "operational" ? "weekly" : level === "management" ? "monthly" : "quarterly") : undefined;
      if (expedited || (variety && dice.chance(0.3))) {
        laddersW.line(`tier ${level} { customer ${c.name} supplier ${s.name} within ${within}${forum ? " forum " + forum : ""} }`);
      } else {
        laddersW.open(`tier ${level}`);
        laddersW.line(`customer ${c.name}`);
        laddersW.line(`supplier ${s.name}`);
        laddersW.line(`within ${within}`);
        if (forum) laddersW.line(`forum ${forum}`);
        laddersW.close();
      }
    }
    laddersW.line(`then ${expedited ? "expert-determination" : "mediation"}`);
    laddersW.close();
  };

  // ---- parties ----
  if (!shape.org) {
    writeParty(partiesW, dice, variety, customer, "customer");
    partiesW.blank();
  }
  writeParty(partiesW, dice, variety, supplier, "supplier");

  // The blocks after the ladders take about 50 lines; the rest is counted as it is written.
  const total = (): number =>
    head.lines.length + partiesW.lines.length + 70 + servicesW.lines.length + activitiesW.lines.length + boardsW.lines.length + laddersW.lines.length + interims.length;
  if (hasBoards) for (let i = 0; i < 3; i++) addBoard(i);
  let unit = 0;
  let ladders = 0;
  do {
    addService(unit);
    if (!omit.has("responsibilities")) addActivity(unit);
    if (hasBoards && unit % 6 === 5) addBoard(boards.length);
    if (!omit.has("escalation") && unit % 8 === 0) addLadder(ladders++, false);
    unit++;
  } while (total() < shape.lines);
  if (!omit.has("expedited") && !omit.has("escalation")) addLadder(0, true);

  // ---- the fixed blocks after the ladders ----
  const tail = new Writer(dice, variety, 1);
  if (!omit.has("dispute")) {
    tail.open("dispute");
    tail.line("notice written");
    if (!omit.has("escalation")) tail.line("ladder standard");
    tail.line(`interim-relief ${dice.one(["allowed", "excluded"])}`);
    tail.line(`mediation { provider "CEDR" start within ${duration(dice, variety, 20, "day", true)} }`);
    tail.line(`expert-determination { scope "Technical and service-level disputes" decide within ${duration(dice, variety, 20, "day", true)} }`);
    tail.line(`arbitration { rules "LCIA Rules" seat "London" arbitrators ${dice.one([1, 3])} }`);
    tail.close();
  }
  if (!omit.has("continuity")) {
    tail.open("continuity");
    tail.line("services continue");
    tail.line("undisputed-payments continue");
    tail.line("suspension forbidden");
    for (const i of interims) tail.line(i);
    tail.close();
  }
  if (!omit.has("records")) {
    tail.open("records");
    tail.line("keep decisions, change-requests, minutes, notices, sla-reports, correspondence");
    tail.line(`form written`);
    tail.line(`retain ${duration(dice, variety, 7, "year")}`);
    tail.line(`owner ${ref(customer, pickRole(customer, "operational"))}`);
    tail.close();
  }
  if (!omit.has("early-warning")) {
    tail.open("early-warning");
    tail.line(`register ${ref(customer, pickRole(customer, "management"))}`);
    const at = hasBoards ? boardAt("monthly") : undefined;
    if (at) tail.line(`review at ${at}`);
    tail.line(`respond within ${duration(dice, variety, 2, "day", true)}`);
    tail.line(`signal missed-deadlines 2 within ${duration(dice, variety, 30, "day")}`);
    tail.line("signal formal-tone");
    tail.line("signal clause-citation");
    tail.line(`signal sla-breaches 2 within ${duration(dice, variety, 3, "month")}`);
    tail.close();
  }
  if (!omit.has("change-control")) {
    tail.open("change-control");
    tail.line("requests written");
    tail.line(`assess by ${ref(supplier, pickRole(supplier, "management"))} within ${duration(dice, variety, 10, "day", true)}`);
    const at = hasBoards ? boardAt("monthly") : undefined;
    if (at) tail.line(`approve at ${at}`);
    tail.line(`emergency by ${ref(customer, pickRole(customer, "management"))}, ${ref(supplier, pickRole(supplier, "management"))} within ${duration(dice, variety, 4, "hour", true)}`);
    tail.close();
  }
  if (!omit.has("key-personnel")) {
    tail.open("key-personnel");
    tail.line(`roles ${ref(supplier, pickRole(supplier, "management"))}, ${ref(supplier, pickRole(supplier, "executive"))}`);
    tail.line(`replacement-notice ${duration(dice, variety, 3, "month")}`);
    tail.close();
  }
  if (!omit.has("termination")) {
    tail.open("termination");
    tail.line(`for-cause cure ${duration(dice, variety, 30, "day")}`);
    tail.line(`for-convenience notice ${duration(dice, variety, 6, "month")}`);
    tail.line(`exit-plan due ${duration(dice, variety, 3, "month")}`);
    tail.line(`exit-assistance ${duration(dice, variety, 9, "month")}`);
    tail.line(`data-return within ${duration(dice, variety, 30, "day")}`);
    tail.close();
  }

  // The people who negotiated sit on the monthly board, so the contract stays clean of GOV002.
  if (hasBoards) {
    const [c, s] = boards[1].members;
    head.line(`negotiated-by ${customer.name}.${c.holder}, ${supplier.name}.${s.holder}`);
  }

  const out: string[] = [];
  if (shape.org) out.push(`import ${quote(shape.org.importPath)}`, "");
  out.push(`/// ${customer.label} and ${supplier.label}: synthetic contract ${shape.seed}.`);
  out.push(`contract ${name} ${quote(`${customer.label} — ${supplier.label} agreement`)} {`);
  out.push(...head.lines, "");
  out.push(...partiesW.lines, "");
  out.push(...servicesW.lines);
  if (!omit.has("responsibilities")) out.push("", "  responsibilities {", ...activitiesW.lines, "  }");
  if (hasBoards) out.push("", "  governance {", ...boardsW.lines, "  }");
  out.push("", ...laddersW.lines, "", ...tail.lines, "}");
  return out.join("\n") + "\n";
}

export interface PortfolioFiles {
  root: string;
  org: string;
  contracts: string[];
}

/** `count` contracts of about `lines` lines in `root`/contracts, all importing `root`/org/<customer>.covenant. */
export function writePortfolio(root: string, count: number, lines: number, seed = 7): PortfolioFiles {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, "org"), { recursive: true });
  fs.mkdirSync(path.join(root, "contracts"), { recursive: true });
  const org = generateOrgFile(seed);
  const orgFile = path.join(root, "org", `${org.party.name}.covenant`);
  fs.writeFileSync(orgFile, org.text);
  const contracts: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(root, "contracts", `supplier-${String(i + 1).padStart(4, "0")}.covenant`);
    const text = generateContract({ seed: seed * 100_000 + i, lines, name: `${org.party.name}-supplier-${i + 1}`, org: { ...org, importPath: `../org/${org.party.name}.covenant` } });
    fs.writeFileSync(file, text);
    contracts.push(file);
  }
  return { root, org: orgFile, contracts };
}
