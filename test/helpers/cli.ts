// Runs the `covenant` CLI in-process with captured output.
import { main } from "../../server/src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = process.cwd()): CliRun {
  let stdout = "";
  let stderr = "";
  const code = main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), colour: false, cwd });
  return { code, stdout, stderr };
}
