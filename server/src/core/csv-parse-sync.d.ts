// csv-parse publishes its types through package "exports", which the project's node10 resolution does not
// read; these are the parts of its sync API that measurement-csv.ts uses.
declare module "csv-parse/sync" {
  export interface CsvError extends Error {
    lines?: number;
  }
  export interface Options {
    bom?: boolean;
    info?: boolean;
    raw?: boolean;
    relax_column_count?: boolean;
    skip_empty_lines?: boolean;
    skip_records_with_error?: boolean;
    on_skip?: (err: CsvError | undefined, raw?: string) => void;
  }
  export function parse(input: string, options?: Options): unknown[];
}
