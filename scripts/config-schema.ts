// The JSON schema of covenant.json (cli.md, "Configuration file"), built from the check registry so that
// completion offers exactly the codes a workspace can configure. Written by scripts/build-config-schema.mjs.

export interface ConfigurableCheck {
  code: string;
  title: string;
  defaultSeverity: "error" | "warning" | "info";
}

const SETTINGS = ["error", "warning", "info", "off"];
const SETTING_DESCRIPTIONS = ["Report as an error", "Report as a warning", "Report as information", "Do not run this check"];
/** The built-in errors' prefixes (rules.ts): always errors, never configurable. */
const BUILTIN = "^(SYN|REF|VAL)[0-9]{3}$";
const BUILTIN_MESSAGE = "SYN, REF and VAL codes are built-in errors: they are always errors and cannot be changed or turned off.";

export function configSchema(checks: readonly ConfigurableCheck[]): object {
  const rules: Record<string, object> = {};
  for (const c of checks) {
    rules[c.code] = {
      type: "string",
      enum: SETTINGS,
      enumDescriptions: SETTING_DESCRIPTIONS,
      description: c.title,
      markdownDescription: `**${c.code}** ${c.title} (default: \`${c.defaultSeverity}\`)`,
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Covenant configuration (covenant.json)",
    description: "Severities of the governance checks and the analysis date, read by the covenant command line and the editor.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      rules: {
        type: "object",
        description: "Severity of each governance check by code: error, warning, info or off. Built-in errors (SYN, REF, VAL) cannot be changed.",
        properties: rules,
        patternProperties: {
          // No value is both a string and a number: any value fails, with VS Code showing the errorMessage.
          [BUILTIN]: {
            doNotSuggest: true,
            allOf: [
              { type: "string", errorMessage: BUILTIN_MESSAGE },
              { type: "number", errorMessage: BUILTIN_MESSAGE },
            ],
          },
        },
        additionalProperties: false,
      },
      today: {
        type: "string",
        format: "date",
        pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        patternErrorMessage: "A date written YYYY-MM-DD, e.g. 2026-01-01",
        description: "The analysis date, YYYY-MM-DD: people whose `left` date is on or before it have left. Default: today.",
      },
    },
  };
}

/** The schema file's text, as the generator writes it and the test compares it. */
export function configSchemaText(checks: readonly ConfigurableCheck[]): string {
  return JSON.stringify(configSchema(checks), null, 2) + "\n";
}
