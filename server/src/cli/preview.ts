// `covenant preview FILE [--ladder ID]`: the escalation path(s) of a contract as Mermaid, SVG or Markdown.
import { allFindings } from "../analysis/analyse";
import { escalationGraphWithFindings } from "../features/escalation-graph";
import { graphToMarkdown, toMermaid, toSvg } from "../simulate/render";
import { configLookup, UsageError } from "./files";
import { linkOneFile, warnAboutErrors } from "./simulate";
import type { CliContext } from "./context";
import { localDate } from "../core/values";

export interface PreviewCommandOptions {
  files: string[];
  ladder?: string;
  contract?: string;
  format?: string;
  today?: string;
  config?: string;
}

const FORMATS = ["mermaid", "svg", "markdown"];

export function runPreview(ctx: CliContext, o: PreviewCommandOptions): number {
  const format = o.format ?? "mermaid";
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${format}' for preview (${FORMATS.join(", ")})`);
  const { file, linked } = linkOneFile("preview", o.files, "covenant preview FILE [--ladder ID]");
  const config = configLookup(o.config)(file)?.config;
  const date = o.today ?? config?.today ?? localDate();
  // The findings `covenant check` reports for the file on that date, drawn where they live on the ladders.
  const graph = escalationGraphWithFindings(linked, date, allFindings(linked, { today: date, rules: config?.rules }));

  if (o.contract !== undefined) {
    const names = graph.contracts.map((c) => c.name);
    graph.contracts = graph.contracts.filter((c) => c.name === o.contract);
    if (graph.contracts.length === 0) throw new UsageError(`${file}: no contract '${o.contract}'${names.length ? ` (contracts: ${names.join(", ")})` : ""}`);
  }
  const ladders = [...new Set(graph.contracts.flatMap((c) => c.ladders.map((l) => l.name)))];
  if (ladders.length === 0) throw new UsageError(`${file}: no escalation ladder to draw`);
  if (o.ladder !== undefined && !ladders.includes(o.ladder)) throw new UsageError(`${file}: no ladder '${o.ladder}' (ladders: ${ladders.join(", ")})`);

  warnAboutErrors(ctx, file, linked);
  ctx.out(format === "svg" ? toSvg(graph, o.ladder) : format === "markdown" ? graphToMarkdown(graph, o.ladder) : toMermaid(graph, o.ladder));
  return 0;
}
