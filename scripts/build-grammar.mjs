// Writes grammar/covenant.tmLanguage.json. The regular expressions share fragments (a name, a reference,
// word boundaries), so they are composed here rather than repeated by hand in the JSON.
// `node scripts/build-grammar.mjs` writes the file; `--check` exits 1 when the file is out of date.
import { runTypeScript, writeOrCheck } from "./generated-files.mjs";
import { fileURLToPath } from "node:url";

const target = fileURLToPath(new URL("../grammar/covenant.tmLanguage.json", import.meta.url));

// A name: letters, digits and `_`, groups joined by single dashes, never ending with a dash (language.md).
const NAME = "[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*";
// Before a word: not inside another word (so `review` in `ops-review` is no keyword).
const B = "(?<![A-Za-z0-9_-])";
// After a word: the word does not go on (`-` may follow only when no name part follows, as in `months->`).
const E = "(?![A-Za-z0-9_]|-[A-Za-z0-9_])";
const REF = `${NAME}${E}(?:\\s*\\.\\s*${NAME}${E})?`;
const REF_LIST = `${REF}(?:\\s*,\\s*${REF})*`;
const NAME_LIST = `${NAME}${E}(?:\\s*,\\s*${NAME}${E})*`;
const PERCENT = "\\d+(?:\\.\\d+)?%";

const words = (list) => `(?:${[...list].sort((a, b) => b.length - a.length).join("|")})`;
const word = (list) => `${B}(${words(list)})${E}`;

const S = (scope) => `${scope}.covenant`;
const KEYWORD = S("keyword.other.statement");

// The statement table (server/src/core/statements.ts) is the one list of the language's words: it is
// bundled on the fly and read here, so that the grammar's keyword lists are derived, never written.
const { LANGUAGE, VALUES, UNIT_WORDS } = await runTypeScript(
  fileURLToPath(new URL("..", import.meta.url)),
  `module.exports = require("./server/src/core/statements");`,
);

/** Every statement of the table: its keyword and its slots. */
const STATEMENTS = Object.values(LANGUAGE).flatMap((shapes) => Object.entries(shapes).map(([keyword, shape]) => ({ keyword, slots: shape.slots })));
const kebab = (name) => name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
/** Keywords in table order, each once, for the statements that `pick` accepts. */
const keywordsWhere = (pick) => [...new Set(STATEMENTS.filter(pick).map((s) => s.keyword))];

/** Declarations: keyword, then the name being declared (the calendar has rules of its own). */
const DECLARATIONS = keywordsWhere((s) => s.slots[0]?.t === "name" && s.slots[0].what === "new" && s.keyword !== "calendar");

/** The value sets, by the statement that takes one first. */
const VALUE_STATEMENTS = [];
for (const s of STATEMENTS) {
  if (s.slots[0]?.t !== "value" || s.slots.length !== 1) continue;
  const set = s.slots[0].set;
  const same = VALUE_STATEMENTS.find((v) => v.set === kebab(set));
  if (same) { if (!same.keyword.includes(s.keyword)) same.keyword.push(s.keyword); }
  else VALUE_STATEMENTS.push({ keyword: [s.keyword], set: kebab(set), values: [...VALUES[set]] });
}

/** Statements that name one thing declared elsewhere: a party, a board, a ladder, a service, a person or a role. */
const referenceKind = new Map();
for (const s of STATEMENTS) {
  const slot = s.slots[0];
  if (s.slots.length !== 1 || DECLARATIONS.includes(s.keyword) || (slot.t !== "name" && slot.t !== "ref")) continue;
  if (slot.t === "name" && !["holder", "party", "board", "ladder", "service"].includes(slot.what)) continue;
  const kind = slot.t === "ref" ? "reference" : slot.what === "holder" ? "person" : slot.what;
  // A word that is a qualified reference in one block (a tier's `customer`) is highlighted as one everywhere.
  if (referenceKind.get(s.keyword) !== "reference") referenceKind.set(s.keyword, kind);
}
const SINGLE_REFERENCES = [];
for (const [keyword, kind] of referenceKind) {
  const group = SINGLE_REFERENCES.find((r) => r.kind === kind);
  if (group) group.keyword.push(keyword);
  else SINGLE_REFERENCES.push({ keyword: [keyword], kind, qualified: kind === "reference" });
}

/** Statements that name a list of roles or people. */
const LIST_REFERENCES = keywordsWhere((s) => s.slots.length === 1 && s.slots[0].t === "list" && s.slots[0].item.t === "ref");

/** Every other word that starts a statement or a block, highlighted where no rule above took it. */
const STATEMENT_KEYWORDS = keywordsWhere((s) => !DECLARATIONS.includes(s.keyword) && !["import", "calendar", ...UNIT_WORDS].includes(s.keyword));

const referenceCapture = { patterns: [{ include: "#reference-list" }] };

const grammar = {
  $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
  name: "Covenant",
  scopeName: "source.covenant",
  fileTypes: ["covenant"],
  patterns: [
    { include: "#comments" },
    { include: "#strings" },
    { include: "#statements" },
    { include: "#literals" },
    { include: "#punctuation" },
    { include: "#names" },
  ],
  repository: {
    comments: {
      patterns: [
        {
          name: S("comment.line.triple-slash.documentation"),
          match: "(///).*$",
          captures: { 1: { name: S("punctuation.definition.comment") } },
        },
        {
          name: S("comment.line.double-slash"),
          match: "(//).*$",
          captures: { 1: { name: S("punctuation.definition.comment") } },
        },
        {
          name: S("comment.block"),
          begin: "/\\*",
          end: "\\*/",
          beginCaptures: { 0: { name: S("punctuation.definition.comment.begin") } },
          endCaptures: { 0: { name: S("punctuation.definition.comment.end") } },
        },
      ],
    },
    strings: {
      patterns: [
        {
          name: S("string.quoted.double"),
          begin: '"',
          // Strings are single-line: an unclosed one ends with its line, as the lexer reads it.
          end: '"|$',
          beginCaptures: { 0: { name: S("punctuation.definition.string.begin") } },
          endCaptures: { 0: { name: S("punctuation.definition.string.end") } },
          patterns: [{ name: S("constant.character.escape"), match: '\\\\["\\\\]' }],
        },
      ],
    },
    statements: {
      patterns: [
        { name: S("keyword.control.import"), match: `${B}import${E}` },
        {
          match: `${B}(calendar)${E}\\s+(${NAME})${E}(?=\\s*\\{)`,
          captures: { 1: { name: S("keyword.declaration.calendar") }, 2: { name: S("entity.name.type.calendar") } },
        },
        {
          match: `${B}(calendar)${E}\\s+(${NAME})${E}`,
          captures: { 1: { name: S("keyword.declaration.calendar") }, 2: { name: S("variable.other.calendar") } },
        },
        ...DECLARATIONS.map((kind) => ({
          match: `${B}(${kind})${E}\\s+(${NAME})${E}`,
          captures: { 1: { name: S(`keyword.declaration.${kind}`) }, 2: { name: S(`entity.name.type.${kind}`) } },
        })),
        ...VALUE_STATEMENTS.map((s) => ({
          match: `${word(s.keyword)}\\s+(${words(s.values)})${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: S(`constant.language.${s.set}`) } },
        })),
        {
          match: `${B}(report)${E}\\s+(${words(VALUES.reportCadence)})${E}(?:\\s+(at)${E}\\s+(${NAME})${E})?`,
          captures: {
            1: { name: KEYWORD }, 2: { name: S("constant.language.cadence") },
            3: { name: KEYWORD }, 4: { name: S("variable.other.board") },
          },
        },
        {
          match: `${B}(applies-to)${E}\\s+(${words(VALUES.appliesTo)})${E}(?:\\s+(${words(VALUES.criticality)})${E})?`,
          captures: { 1: { name: KEYWORD }, 2: { name: KEYWORD }, 3: { name: S("constant.language.level") } },
        },
        {
          match: `${B}(credit)${E}\\s+(${PERCENT})\\s*(${words(VALUES.creditDirection)})${E}`,
          captures: { 1: { name: KEYWORD }, 2: { patterns: [{ include: "#percentage" }] }, 3: { name: KEYWORD } },
        },
        {
          match: `${B}(chronic)${E}\\s+(\\d+)\\s+(breaches)${E}(?:\\s+(within)${E})?`,
          captures: {
            1: { name: KEYWORD }, 2: { name: S("constant.numeric.decimal") },
            3: { name: KEYWORD }, 4: { name: KEYWORD },
          },
        },
        {
          match: `(->)\\s*(${words(VALUES.chronicAction)})${E}`,
          captures: { 1: { name: S("keyword.operator.arrow") }, 2: { name: S("constant.language.chronic-action") } },
        },
        {
          match: `${B}(interim)${E}\\s+(${NAME})${E}(?:\\s+(${words(VALUES.interimArrangement)})${E})?`,
          captures: {
            1: { name: KEYWORD }, 2: { name: S("variable.other.service") },
            3: { name: S("constant.language.interim-arrangement") },
          },
        },
        {
          match: `${B}(then)${E}\\s+(${NAME})${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: S("constant.language.dispute-step") } },
        },
        {
          match: `${word(["review", "approve"])}\\s+(at)${E}\\s+(${NAME})${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: KEYWORD }, 3: { name: S("variable.other.board") } },
        },
        {
          match: `${word(["minutes", "assess", "emergency"])}\\s+(by)${E}(?:\\s+(${REF_LIST}))?`,
          captures: { 1: { name: KEYWORD }, 2: { name: KEYWORD }, 3: referenceCapture },
        },
        {
          match: `${word(["for-cause"])}\\s+(cure)${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: KEYWORD } },
        },
        {
          match: `${word(["for-convenience"])}\\s+(notice)${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: KEYWORD } },
        },
        {
          match: `${word(["exit-plan"])}\\s+(due)${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: KEYWORD } },
        },
        ...SINGLE_REFERENCES.map((s) => ({
          match: `${word(s.keyword)}\\s+(${s.qualified ? REF : NAME + E})`,
          captures: {
            1: { name: KEYWORD },
            2: s.qualified ? referenceCapture : { name: S(`variable.other.${s.kind}`) },
          },
        })),
        {
          match: `${word(LIST_REFERENCES)}\\s+(${REF_LIST})`,
          captures: { 1: { name: KEYWORD }, 2: referenceCapture },
        },
        {
          match: `${word(["keep"])}\\s+(${NAME_LIST})`,
          captures: {
            1: { name: KEYWORD },
            2: { patterns: [{ include: "#comma" }, { name: S("constant.other.record"), match: `${B}${NAME}${E}` }] },
          },
        },
        {
          match: `${word(["workdays"])}\\s+(${NAME_LIST})`,
          captures: {
            1: { name: KEYWORD },
            2: { patterns: [{ include: "#comma" }, { name: S("constant.language.day"), match: `${B}${NAME}${E}` }] },
          },
        },
        {
          match: `${word(["signal"])}\\s+(${NAME})${E}`,
          captures: { 1: { name: KEYWORD }, 2: { name: S("constant.other.signal") } },
        },
        // `hours` opens a calendar's working hours only before a clock time; elsewhere it is a unit.
        { match: `${B}(hours)${E}(?=\\s*\\d{1,2}:)`, captures: { 1: { name: KEYWORD } } },
        // A unit word that starts a line is a statement being typed (`hours`, `minutes`), not a duration.
        { match: `(?:^|(?<=[{;]))\\s*(hours|minutes)${E}(?=\\s*(?:$|//|/\\*))`, captures: { 1: { name: KEYWORD } } },
        { match: `${B}(calendar)${E}`, captures: { 1: { name: S("keyword.declaration.calendar") } } },
        ...DECLARATIONS.map((kind) => ({
          match: `${B}(${kind})${E}`,
          captures: { 1: { name: S(`keyword.declaration.${kind}`) } },
        })),
        { match: word(STATEMENT_KEYWORDS), captures: { 1: { name: KEYWORD } } },
      ],
    },
    literals: {
      patterns: [
        {
          name: S("constant.numeric.date"),
          match: `(?<![A-Za-z0-9_.-])\\d{4}-\\d{2}-\\d{2}(?![A-Za-z0-9_.]|-\\d)`,
        },
        // Measured periods of a log: a month `2026-01` or a quarter `2026-Q1` (operations.md).
        { name: S("constant.numeric.period"), match: `(?<![A-Za-z0-9_.-])\\d{4}-(?:Q\\d|\\d{2})(?![A-Za-z0-9_.]|-\\d)` },
        { name: S("constant.numeric.time"), match: `(?<![A-Za-z0-9_.:])\\d{2}:\\d{2}(?![A-Za-z0-9_.:])` },
        // `9:00` is a syntax error (language.md): clock times have two-digit hours.
        { name: S("invalid.illegal.time"), match: `(?<![A-Za-z0-9_.:])\\d{1,2}:\\d+(?![A-Za-z0-9_.:])` },
        { include: "#percentage" },
        { name: S("constant.language.coverage"), match: `${B}24x7${E}` },
        {
          name: S("meta.duration"),
          match: `(?<![A-Za-z0-9_.])(\\d+(?:\\.\\d+)?)\\s+(business\\s+(?:hours?|days?)|minutes?|hours?|days?|weeks?|months?|years?)${E}`,
          captures: { 1: { name: S("constant.numeric.decimal") }, 2: { name: S("keyword.other.unit") } },
        },
        { name: S("constant.numeric.decimal"), match: `(?<![A-Za-z0-9_.])\\d+(?:\\.\\d+)?(?![A-Za-z0-9_%])` },
      ],
    },
    percentage: {
      patterns: [
        {
          name: S("constant.numeric.percentage"),
          match: `(?<![A-Za-z0-9_.])(\\d+(?:\\.\\d+)?)(%)`,
          captures: { 2: { name: S("keyword.other.unit.percent") } },
        },
      ],
    },
    punctuation: {
      patterns: [
        { name: S("keyword.operator.arrow"), match: "->" },
        { name: S("keyword.operator.comparison"), match: "<=|>=|<|>|=" },
        { name: S("punctuation.section.block.begin"), match: "\\{" },
        { name: S("punctuation.section.block.end"), match: "\\}" },
        { include: "#comma" },
        { name: S("punctuation.terminator.statement"), match: ";" },
        { name: S("punctuation.accessor.dot"), match: "\\." },
        { name: S("punctuation.separator.range"), match: "-" },
      ],
    },
    comma: { patterns: [{ name: S("punctuation.separator.comma"), match: "," }] },
    "reference-list": {
      patterns: [
        {
          match: `(${NAME})${E}\\s*(\\.)\\s*(${NAME})${E}`,
          captures: {
            1: { name: S("variable.other.party") },
            2: { name: S("punctuation.accessor.dot") },
            3: { name: S("variable.other.reference") },
          },
        },
        { name: S("variable.other.reference"), match: `${B}${NAME}${E}` },
        { include: "#comma" },
      ],
    },
    names: {
      patterns: [
        // A qualified name outside a statement rule, e.g. the second line of a list split over lines.
        { include: "#reference-list" },
      ],
    },
  },
};

writeOrCheck(target, JSON.stringify(grammar, null, 2) + "\n", "scripts/build-grammar.mjs");
