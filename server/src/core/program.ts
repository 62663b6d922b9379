// A set of Covenant files being worked on: parses each text once, links on demand. The host reads
// files (disk for the CLI, disk plus open editors for the language server); nothing here touches disk.
import { parse } from "./parser";
import { lexedOnDemand, reparse } from "./incremental";
import { link, Linked, LinkHost, ParsedFile, resolveRelative } from "./link";

export interface ProgramHost {
  /** The text of the file at `uri`, or undefined when it does not exist or cannot be read. */
  read(uri: string): string | undefined;
  /** Whether a file exists at `uri` (a log's evidence); without it, a file exists when it can be read. */
  exists?(uri: string): boolean;
}

export interface ProgramOptions {
  /**
   * An overlay's new text is parsed again from its last parse (`core/incremental.ts`), whose tree is then
   * updated in place: whatever was built on the previous version of that file (its `Linked`, findings) is
   * out of date from then on. For the language server, which analyses each version once and drops the last.
   */
  incremental?: boolean;
}

export class Program implements LinkHost {
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly overlays = new Map<string, string>();
  private readonly fromOverlay = new WeakSet<ParsedFile>();
  /** `linkWithoutLogs` answers, with the parse of every file each one read (undefined: not found). */
  private readonly withoutLogs = new Map<string, { linked: Linked; reads: Map<string, ParsedFile | undefined> }>();

  constructor(private readonly host: ProgramHost, private readonly options: ProgramOptions = {}) {}

  /** Text held by an editor; it wins over what the host reads. */
  setOverlay(uri: string, text: string): void {
    this.overlays.set(uri, text);
  }

  removeOverlay(uri: string): void {
    this.overlays.delete(uri);
    this.parsed.delete(uri);
    this.withoutLogs.delete(uri);
  }

  /** Forget what was read of `uri` (it changed on disk). */
  invalidate(uri: string): void {
    if (!this.overlays.has(uri)) {
      this.parsed.delete(uri);
      this.withoutLogs.delete(uri);
    }
  }

  load(uri: string): ParsedFile | undefined {
    const text = this.overlays.get(uri) ?? this.readCached(uri);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.text === text) return cached;
    const file: ParsedFile = { uri, text, parsed: this.parse(uri, text, cached) };
    this.parsed.set(uri, file);
    if (this.overlays.has(uri)) this.fromOverlay.add(file);
    return file;
  }

  private parse(uri: string, text: string, cached: ParsedFile | undefined): ParsedFile["parsed"] {
    if (!this.options.incremental) return parse(text);
    // Only a tree parsed from an editor's text is reused: one read from disk may be held by importers.
    const reused = cached && this.fromOverlay.has(cached) && this.overlays.has(uri) ? reparse(cached.parsed, cached.text, text) : undefined;
    return reused ?? lexedOnDemand(parse(text), text);
  }

  private readCached(uri: string): string | undefined {
    const cached = this.parsed.get(uri);
    if (cached && !this.overlays.has(uri)) return cached.text;
    return this.host.read(uri);
  }

  /** A file that is not Covenant (a CSV of measurements): read as it is now, never cached. */
  readText(uri: string): string | undefined {
    return this.overlays.get(uri) ?? this.host.read(uri);
  }

  exists(uri: string): boolean {
    if (this.overlays.has(uri)) return true;
    return this.host.exists ? this.host.exists(uri) : this.host.read(uri) !== undefined;
  }

  resolveImport(from: string, path: string): string | undefined {
    return resolveRelative(from, path);
  }

  link(uri: string): Linked | undefined {
    const file = this.load(uri);
    return file ? link(file, this) : undefined;
  }

  /**
   * The file linked without its logs, for the logs that record its contracts: kept while every file that
   * linking it read is the same parse (a log's keystroke then does not link its contract again, and the
   * log's matters can keep what was worked out against that contract).
   */
  linkWithoutLogs(uri: string): Linked | undefined {
    const kept = this.withoutLogs.get(uri);
    if (kept && [...kept.reads].every(([u, f]) => this.load(u) === f)) return kept.linked;
    const reads = new Map<string, ParsedFile | undefined>();
    const load = (u: string): ParsedFile | undefined => {
      const f = this.load(u);
      if (!reads.has(u)) reads.set(u, f);
      return f;
    };
    const file = load(uri);
    if (!file) return undefined;
    const host: LinkHost = { load, resolveImport: (from, path) => this.resolveImport(from, path), readText: (u) => this.readText(u), exists: (u) => this.exists(u) };
    const linked = link(file, host, { logs: false });
    this.withoutLogs.set(uri, { linked, reads });
    return linked;
  }

  /** Links a text that is not (or not yet) stored under `uri`. */
  linkText(uri: string, text: string): Linked {
    this.setOverlay(uri, text);
    return link(this.load(uri)!, this);
  }
}
