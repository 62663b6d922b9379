// Runs the `covenant` CLI in-process with captured output.
import { main, mainAsync } from "../../server/src/cli/main";

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

/** Like runCli, for a command that may finish later (a DOCX schedule). */
export async function runCliAsync(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await mainAsync(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), colour: false, cwd });
  return { code, stdout, stderr };
}
