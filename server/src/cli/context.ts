// What every command gets from the process: output streams and whether to colour.
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  colour: boolean;
  cwd: string;
  /** Commands may spread work over worker threads (only the process's entry point, which awaits mainAsync). */
  threads?: boolean;
}

