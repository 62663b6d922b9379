// The server's view of the files: open documents over the disk, the workspace's Covenant files, and
// the positions of any file's text. The core's Program does the parsing and caching.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Program } from "../core/program";
import type { Linked, ParsedFile } from "../core/link";
import type { WorkspaceView } from "../features/analysis";
import { textOf } from "../core/text-file";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "out", "dist"]);
/** A workspace bigger than this is not walked further (the rest is found as files are opened). */
const MAX_SCANNED_ENTRIES = 50_000;

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class LspWorkspace implements WorkspaceView {
  readonly program: Program;
  private readonly roots: string[] = [];
  private scanned: Set<string> | undefined;
  private readonly open = new Set<string>();
  private readonly positions = new WeakMap<ParsedFile, TextDocument>();

  constructor(private readonly log: (message: string) => void) {
    this.program = new Program({
      read: (uri) => {
        const p = uriToPath(uri);
        if (!p) return undefined;
        try {
          // An imported file that is not text cannot be read (REF004), as on the command line.
          const read = textOf(fs.readFileSync(p));
          return "text" in read ? read.text : undefined;
        } catch {
          return undefined;
        }
      },
      exists: (uri) => {
        const p = uriToPath(uri);
        return !!p && fs.existsSync(p);
      },
    }, { incremental: true });
  }

  setRoots(uris: readonly string[]): void {
    this.roots.length = 0;
    for (const u of uris) {
      const p = uriToPath(u);
      if (p) this.roots.push(p);
    }
    this.scanned = undefined;
  }

  opened(uri: string, text: string): void {
    this.open.add(uri);
    this.program.setOverlay(uri, text);
  }

  changed(uri: string, text: string): void {
    this.program.setOverlay(uri, text);
  }

  closed(uri: string): void {
    this.open.delete(uri);
    this.program.removeOverlay(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** A file changed, appeared or went away on disk. */
  diskChanged(uri: string, kind: "created" | "changed" | "deleted"): void {
    this.program.invalidate(uri);
    if (!this.scanned || !uri.endsWith(".covenant")) return;
    if (kind === "deleted") this.scanned.delete(uri);
    else this.scanned.add(uri);
  }

  load(uri: string): ParsedFile | undefined {
    return this.program.load(uri);
  }

  link(uri: string): Linked | undefined {
    return this.program.link(uri);
  }

  resolveImport(from: string, importPath: string): string | undefined {
    return this.program.resolveImport(from, importPath);
  }

  files(): readonly string[] {
    this.scanned ??= this.scan();
    return [...new Set([...this.open, ...this.scanned])];
  }

  /** The text document of any file, for offsets and positions (open documents are passed in by the caller). */
  documentOf(uri: string): TextDocument | undefined {
    const f = this.program.load(uri);
    if (!f) return undefined;
    let doc = this.positions.get(f);
    if (!doc) {
      doc = TextDocument.create(uri, "covenant", 0, f.text);
      this.positions.set(f, doc);
    }
    return doc;
  }

  private scan(): Set<string> {
    const found = new Set<string>();
    let entries = 0;
    const walk = (dir: string): void => {
      let list: fs.Dirent[];
      try {
        list = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of list) {
        if (++entries > MAX_SCANNED_ENTRIES) return;
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith(".")) walk(path.join(dir, e.name));
        } else if (e.isFile() && e.name.endsWith(".covenant")) {
          found.add(pathToFileURL(path.join(dir, e.name)).toString());
        }
      }
    };
    const started = Date.now();
    for (const root of this.roots) walk(root);
    if (entries > MAX_SCANNED_ENTRIES) this.log(`workspace scan stopped after ${MAX_SCANNED_ENTRIES} entries; files beyond are found when opened`);
    this.log(`workspace: ${found.size} Covenant file(s) in ${Date.now() - started} ms`);
    return found;
  }
}
