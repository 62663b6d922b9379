// What every command gets from the process: output streams and whether to colour.
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  colour: boolean;
  cwd: string;
}

/** Today's date in the local time zone, `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
