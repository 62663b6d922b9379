// `covenant check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (cli.md): one run, every
// rule Covenant can report (built-in errors and governance checks), one result per finding.
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { Severity } from "../core/findings";
import { allRules, ruleDocUrl, RULE_DOCS_BASE } from "../analysis/rules";
import type { LocatedFinding } from "./located";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const INFORMATION_URI = "https://github.com/covenant-lang/covenant";

export interface SarifOptions {
  /** The tool's version. */
  version: string;
  /** Paths are written relative to this folder (the repository root in CI), under %SRCROOT%. */
  root: string;
  /** Where the rule pages live; RULE_DOCS_BASE unless overridden (COVENANT_RULE_DOCS_URL). */
  rulesBaseUrl?: string;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: "error", warning: "warning", info: "note" };

export function toSarif(findings: readonly LocatedFinding[], options: SarifOptions): Sarif.Log {
  const base = options.rulesBaseUrl || RULE_DOCS_BASE;
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const driverRules: Sarif.ReportingDescriptor[] = rules.map((r) => ({
    id: r.code,
    name: pascal(r.title),
    shortDescription: { text: r.title },
    fullDescription: { text: r.explanation },
    help: { text: `${r.explanation} See ${ruleDocUrl(r.code, base)}` },
    helpUri: ruleDocUrl(r.code, base),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity], enabled: true },
    properties: { tags: [r.builtin ? "built-in" : "governance"] },
  }));
  const results: Sarif.Result[] = findings.map((f) => ({
    ruleId: f.code,
    ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(f.file, options.root),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
    ...(f.related ? {
      relatedLocations: f.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: { artifactLocation: artifact(f.file, options.root), region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
      })),
    } : {}),
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "Covenant", version: options.version, semanticVersion: semantic(options.version), informationUri: INFORMATION_URI, rules: driverRules } },
      originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(options.root.endsWith(path.sep) ? options.root : options.root + path.sep).toString() } },
      columnKind: "utf16CodeUnits",
      results,
    }],
  };
}

/** A file below the root as a relative URI under %SRCROOT%; any other file as an absolute file URI. */
function artifact(file: string, root: string): Sarif.ArtifactLocation {
  const absolute = path.resolve(file);
  const relative = path.relative(path.resolve(root), absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).toString() };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

/** "Single point of escalation" -> "SinglePointOfEscalation" (SARIF's rule name is an identifier). */
function pascal(title: string): string {
  return title.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

function semantic(version: string): string | undefined {
  return /^\d+\.\d+\.\d+/.test(version) ? version : undefined;
}
