import { runCli } from '../../src/cli/run-cli.js';

export interface InProcessResult {
  status: number;
  out: string;
  err: string;
}

/**
 * `strata ARGS` through the CLI's dispatch in this process, as if run in `cwd`: what it printed on stdout and
 * stderr, and its exit code. Never interrupted.
 */
export async function runCliInProcess(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<InProcessResult> {
  let out = '';
  let err = '';
  const status = await runCli(
    args,
    { out: (text) => (out += text), err: (text) => (err += text) },
    {
      cwd: options.cwd,
      env: options.env,
      signal: new AbortController().signal,
      interruptedBy: () => undefined,
    },
  );
  return { status, out, err };
}
