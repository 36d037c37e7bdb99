/** The CLI run in this process, its stdout and stderr collected as text (what a user's terminal shows). */
import { runCli } from '../../src/cli/program';

/** Output of one CLI run: exit code, stdout and stderr. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lifecircle <args>` in this process and collects what it prints. */
export async function cli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
