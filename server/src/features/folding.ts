// Folding: every block that spans lines, runs of comments, and the imports at the top.
import type { ParseOutput } from "../core/parser";
import * as T from "../core/tokens";
import { walkBlocks } from "../core/walk";

export interface Fold {
  /** Offset of the first folded line (a block's keyword, a comment's start). */
  start: number;
  /** Offset on the last line that stays visible after folding is the line before: a block's `}`. */
  end: number;
  kind: "region" | "comment" | "imports";
  /** True when `end` is the closing brace (its line stays visible); false when `end` is on the last folded line. */
  closing: boolean;
}

export function foldingRanges(parsed: ParseOutput, text: string): Fold[] {
  const folds: Fold[] = [];
  walkBlocks(parsed.file, (node) => {
    if (node.kind === "import") return;
    const end = node.range.end;
    if (end > node.range.start && text[end - 1] === "}") folds.push({ start: node.keyword.start, end: end - 1, kind: "region", closing: true });
  });
  // Runs of comments on consecutive lines, and block comments over several lines.
  let run: { start: number; end: number; lines: number } | undefined;
  const flush = (): void => {
    if (run && run.lines > 1) folds.push({ start: run.start, end: run.end, kind: "comment", closing: false });
    run = undefined;
  };
  for (const c of parsed.comments) {
    const end = c.startOffset + c.image.length;
    if (c.tokenType === T.BlockComment || c.tokenType === T.UnclosedBlockComment) {
      flush();
      if (c.image.includes("\n")) folds.push({ start: c.startOffset, end, kind: "comment", closing: false });
      continue;
    }
    const between = run ? text.slice(run.end, c.startOffset) : "";
    if (run && /^[ \t]*\r?\n[ \t]*$/.test(between) && lineStartsWith(text, c.startOffset)) {
      run.end = end;
      run.lines++;
    } else {
      flush();
      run = lineStartsWith(text, c.startOffset) ? { start: c.startOffset, end, lines: 1 } : undefined;
    }
  }
  flush();
  const imports = parsed.file.imports;
  if (imports.length > 1) folds.push({ start: imports[0].range.start, end: imports[imports.length - 1].range.end, kind: "imports", closing: false });
  return folds;
}

/** True when only spaces stand between the start of the line and `offset` (a comment on its own line). */
function lineStartsWith(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === "\n") return true;
    if (ch !== " " && ch !== "\t") return false;
  }
  return true;
}
