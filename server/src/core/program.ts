// A set of Covenant files being worked on: parses each text once, links on demand. The host reads
// files (disk for the CLI, disk plus open editors for the language server); nothing here touches disk.
import { parse } from "./parser";
import { link, Linked, LinkHost, ParsedFile, resolveRelative } from "./link";

export interface ProgramHost {
  /** The text of the file at `uri`, or undefined when it does not exist or cannot be read. */
  read(uri: string): string | undefined;
  /** Whether a file exists at `uri` (a log's evidence); without it, a file exists when it can be read. */
  exists?(uri: string): boolean;
}

export class Program implements LinkHost {
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly overlays = new Map<string, string>();

  constructor(private readonly host: ProgramHost) {}

  /** Text held by an editor; it wins over what the host reads. */
  setOverlay(uri: string, text: string): void {
    this.overlays.set(uri, text);
  }

  removeOverlay(uri: string): void {
    this.overlays.delete(uri);
    this.parsed.delete(uri);
  }

  /** Forget what was read of `uri` (it changed on disk). */
  invalidate(uri: string): void {
    if (!this.overlays.has(uri)) this.parsed.delete(uri);
  }

  load(uri: string): ParsedFile | undefined {
    const text = this.overlays.get(uri) ?? this.readCached(uri);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.text === text) return cached;
    const file: ParsedFile = { uri, text, parsed: parse(text) };
    this.parsed.set(uri, file);
    return file;
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

  /** Links a text that is not (or not yet) stored under `uri`. */
  linkText(uri: string, text: string): Linked {
    this.setOverlay(uri, text);
    return link(this.load(uri)!, this);
  }
}
