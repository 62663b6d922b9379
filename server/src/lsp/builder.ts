// The document builder: for each open document, parse, link and analyse its current version, publish
// the diagnostics with that version, and check again the open documents that import a changed file.
// Work for a version that a newer one has replaced is never started.
import { Diagnostic, DiagnosticSeverity, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { allFindings } from "../analysis/analyse";
import { localDate } from "../core/values";
import type { DocumentAnalysis } from "../features/analysis";
import { SOURCE, toDiagnostic } from "./convert";
import { notText } from "../core/text-file";
import { ruleDocUrl } from "../analysis/rules";
import type { Settings, EffectiveSettings } from "./settings";
import type { LspWorkspace } from "./workspace";

/** Documents longer than this (UTF-16 code units, about 2 MB of text) get one diagnostic instead of analysis. */
export const MAX_DOCUMENT_LENGTH = 2 * 1024 * 1024;


export interface BuiltDocument {
  uri: string;
  version: number;
  /** Absent when the document is too large or the analysis failed. */
  analysis?: DocumentAnalysis;
  diagnostics: Diagnostic[];
  settings: EffectiveSettings;
  /** Milliseconds the parse, link and analysis took. */
  ms: number;
  /** Set when a file this one imports changed since. */
  stale?: boolean;
  /** The files the analysis read besides the document (imports, also failed ones): kept when the analysis is let go. */
  dependencies: string[];
  /** The analysis was let go (`KEPT_ANALYSES`); `ensure` builds it again, without publishing. */
  evicted?: boolean;
}

/**
 * How many documents keep their analysis between edits (the most recently analysed or asked about). The
 * others keep their diagnostics and text, and are analysed again when a request needs them (about 1 ms
 * for 200 lines; the tree is still parsed). Each analysis that lives until its document's next edit is
 * moved to V8's old generation before it dies, which grew the server by about 100 MiB over 10,000 edits
 * spread over 200 documents (docs/performance.md, "Incremental analysis").
 */
export const KEPT_ANALYSES = 8;

export interface BuilderHost {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Tells the user once about a problem they can fix (a broken covenant.json, a bad setting). */
  warnOnce(message: string): void;
}

export interface BuilderOptions {
  /** Put each finding's quick fix in its diagnostic's data (clients that do not resolve code actions). */
  fixesInDiagnostics: boolean;
}

export class DocumentBuilder {
  private readonly built = new Map<string, BuiltDocument>();
  /**
   * The last analysis with a contract of each document whose current analysis has none: completion's names
   * when typing breaks the tree (when the current analysis has contracts, it is its own fallback).
   */
  private readonly lastWithContracts = new Map<string, DocumentAnalysis>();
  /** Documents whose analysis is kept, least recently used first. */
  private readonly kept: string[] = [];
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: LspWorkspace,
    private readonly settings: Settings,
    private readonly host: BuilderHost,
    private readonly options: BuilderOptions,
  ) {}

  /** False until the editor's settings are known: diagnostics published before would be wrong. */
  private started = false;
  private readonly waiting = new Set<string>();

  /** The settings are in: analyse what was opened meanwhile (and anything analysed without them). */
  ready(): void {
    if (this.started) return;
    this.started = true;
    for (const b of this.built.values()) b.stale = true;
    for (const uri of [...this.waiting, ...this.built.keys()]) this.schedule(uri);
    this.waiting.clear();
  }

  /** Analyse the document soon; a later call for the same document replaces this one. */
  schedule(uri: string): void {
    if (!this.documents.get(uri)) return;
    if (!this.started) {
      this.waiting.add(uri);
      return;
    }
    this.timers.get(uri)?.();
    const run = (): void => {
      this.timers.delete(uri);
      this.ensure(uri);
    };
    // Two turns of the event loop, no timer: the JSON-RPC layer handles one queued message per turn, so
    // a newer change already received (typed during the last analysis) cancels this run before it starts.
    let handle = setImmediate(() => {
      handle = setImmediate(run);
    });
    this.timers.set(uri, () => clearImmediate(handle));
  }

  /** A file the document imports changed: its analysis no longer holds. */
  private invalidate(uri: string): void {
    const b = this.built.get(uri);
    if (b) b.stale = true;
  }

  /** `uri` changed (in the editor, on disk, or by closing): every open document that imports it is checked again. */
  recheckImporters(uri: string): void {
    for (const importer of this.importersOf(uri)) {
      this.invalidate(importer);
      this.schedule(importer);
    }
  }

  /** Open documents that import `uri`, directly or not (or whose import of it failed). */
  private importersOf(uri: string): string[] {
    const out: string[] = [];
    for (const [other, b] of this.built) {
      if (other === uri || !this.documents.get(other)) continue;
      // A log depends on its measurements files and evidence paths too (operations.md): a change on disk re-checks it.
      if (b.dependencies.includes(uri)) out.push(other);
    }
    return out;
  }

  /** Every open document is checked again (settings or configuration changed). */
  invalidateAll(): void {
    for (const b of this.built.values()) b.stale = true;
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /** The analysis of the document's current version; built now (and published) when missing or stale. */
  ensure(uri: string): BuiltDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const known = this.built.get(uri);
    if (known && known.version === doc.version && !known.stale) {
      if (known.evicted) {
        // Analysed again for a request: the diagnostics of this version were published already.
        known.analysis = this.build(doc, known).analysis;
        known.evicted = false;
      }
      this.keep(uri);
      return known;
    }
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    const b = this.build(doc, known);
    this.built.set(uri, b);
    this.keep(uri);
    this.host.publish(uri, b.version, b.diagnostics);
    return b;
  }

  /** `uri` keeps its analysis; the least recently used beyond `KEPT_ANALYSES` let theirs go. */
  private keep(uri: string): void {
    const at = this.kept.indexOf(uri);
    if (at >= 0) this.kept.splice(at, 1);
    this.kept.push(uri);
    while (this.kept.length > KEPT_ANALYSES) {
      const b = this.built.get(this.kept.shift()!);
      if (b?.analysis) {
        b.analysis = undefined;
        b.evicted = true;
      }
    }
  }

  fallbackFor(uri: string): DocumentAnalysis | undefined {
    const current = this.built.get(uri)?.analysis;
    return this.lastWithContracts.get(uri) ?? (current && current.linked.contracts.length > 0 ? current : undefined);
  }

  closed(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.built.delete(uri);
    this.lastWithContracts.delete(uri);
    const at = this.kept.indexOf(uri);
    if (at >= 0) this.kept.splice(at, 1);
  }

  private build(doc: TextDocument, previous: BuiltDocument | undefined): BuiltDocument {
    const started = performance.now();
    const uri = doc.uri;
    const text = doc.getText();
    const settings = this.settings.forDocument(uri);
    const base = { uri, version: doc.version, settings, dependencies: [] as string[] };
    if (text.length > MAX_DOCUMENT_LENGTH) {
      const mb = (text.length / (1024 * 1024)).toFixed(1);
      return {
        ...base,
        ms: 0,
        diagnostics: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Warning,
          source: SOURCE,
          message: `This file is ${mb} MB; Covenant checks files up to 2 MB, so it is not analysed (no findings, outline or completion). Split it into contracts that import a shared file.`,
        }],
      };
    }
    const binary = notText(text);
    if (binary) {
      // One finding, as on the command line, instead of a syntax error for every stray byte.
      return {
        ...base,
        ms: 0,
        diagnostics: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Error,
          code: "SYN001",
          codeDescription: { href: ruleDocUrl("SYN001") },
          source: SOURCE,
          message: binary,
        }],
      };
    }
    const diagnostics: Diagnostic[] = [];
    let analysis: DocumentAnalysis | undefined;
    try {
      const linked = this.workspace.link(uri);
      if (linked) {
        const today = settings.today ?? localDate();
        // A log's analysis moment: the configured date's midnight, else the current instant (operations.md).
        const now = settings.today ? undefined : new Date().toISOString();
        const findings = allFindings(linked, { today, now, rules: settings.rules });
        analysis = { uri, version: doc.version, text, linked, findings, today, ...(now ? { now } : {}) };
        for (const f of findings) if (f.uri === uri) diagnostics.push(toDiagnostic(doc, f, this.options.fixesInDiagnostics));
        base.dependencies = [...new Set([...linked.dependencies, ...linked.imports.flatMap((i) => (i.target ? [i.target] : [])), ...linked.logs.flatMap((l) => l.files)])];
        const before = previous?.analysis;
        if (linked.contracts.length > 0) this.lastWithContracts.delete(uri);
        else if (before && before.linked.contracts.length > 0) this.lastWithContracts.set(uri, before);
      }
    } catch (e) {
      // A bug must cost this document its findings, not the server its life.
      this.host.log(`internal error analysing ${uri}: ${(e as Error).stack ?? e}`);
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: `Covenant could not analyse this file (internal error: ${(e as Error).message}). Please report it with the file.`,
      });
    }
    const config = settings.configFile;
    if (config?.problem) {
      const message = `${config.file} is not used: ${config.problem}. The default severities apply until it is fixed.`;
      diagnostics.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: "config", message });
      this.host.warnOnce(`Covenant: ${message}`);
    }
    if (settings.settingsProblem) this.host.warnOnce(`Covenant: setting ${settings.settingsProblem}; that entry is ignored.`);
    return { ...base, analysis, diagnostics, ms: performance.now() - started };
  }
}
