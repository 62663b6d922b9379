// A CSV file of measurements (operations.md): a `period,value[,note]` header, then one measurement a row.
// csv-parse reads the format (quotes, a byte-order mark, CRLF); this module says what a row means.
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** The row's line in the file; the header is line 1. */
  line: number;
  period: string;
  value: string;
  note?: string;
}

export interface CsvProblem {
  /** The line the problem is on (1 for the header). */
  line: number;
  message: string;
}

/** The rows of a measurements file and its problems; never throws. */
export function readMeasurementCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let records: { record: string[]; raw?: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: { lines?: number; message: string } | undefined) => {
        if (err) problems.push({ line: err.lines ?? 0, message: `is not a CSV row (${err.message.replace(/^Invalid[^:]*: /, "")})` });
      },
    }) as { record: string[]; raw?: string; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { rows, problems: [{ line: err.lines ?? 1, message: `cannot be read as CSV (${err.message})` }] };
  }
  const blank = (r: string[]): boolean => r.every((c) => c.trim() === "");
  const content = records.filter((r) => !blank(r.record));
  if (content.length === 0) return { rows, problems: [{ line: 1, message: "has no header: the first line must be `period,value` (optionally `,note`)" }, ...problems] };
  const header = content[0];
  const names = header.record.map((c) => c.trim().toLowerCase());
  const headerOk = names.length >= 2 && names.length <= 3 && names[0] === "period" && names[1] === "value" && (names.length === 2 || names[2] === "note");
  if (!headerOk || header.info.lines !== 1) {
    return { rows, problems: [{ line: header.info.lines, message: `has the header '${header.record.join(",")}'; the first line must be \`period,value\` (optionally \`,note\`)` }, ...problems] };
  }
  const starts = startLines(records);
  for (const r of content.slice(1)) {
    const { record, info } = r;
    const line = starts.get(r) ?? info.lines;
    if (record.length < 2 || record.length > names.length) {
      problems.push({ line, message: `has ${record.length} field${record.length === 1 ? "" : "s"}; expected ${names.join(",")}` });
      continue;
    }
    const row: CsvRow = { line, period: record[0].trim(), value: record[1].trim() };
    if (record[2] !== undefined && record[2].trim() !== "") row.note = record[2];
    rows.push(row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

const BREAK = /\r\n|\r|\n/g;

/**
 * The line each record starts on. csv-parse reports the line where a record ends, and counts a CRLF inside a
 * quoted field as two lines (and so every later line one too far): take both back.
 */
function startLines<R extends { record: string[]; info: { lines: number } }>(records: readonly R[]): Map<R, number> {
  const out = new Map<R, number>();
  let extra = 0;
  for (const r of records) {
    const inside = r.record.join("\n");
    extra += inside.match(/\r\n/g)?.length ?? 0;
    const breaks = r.record.reduce((n, f) => n + (f.match(BREAK)?.length ?? 0), 0);
    out.set(r, r.info.lines - extra - breaks);
  }
  return out;
}
