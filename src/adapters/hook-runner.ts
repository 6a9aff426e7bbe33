import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HookTask } from '../core/dr/hooks.js';
import type { HookOutcome, RunHook } from '../engine/engine-hooks.js';
import { lastLines } from '../engine/last-lines.js';
import type { ProcessRunner } from '../engine/process-runner.js';
import { instanceDirectoryName } from '../engine/work-directory.js';
import type { Redactor } from '../terraform/redact.js';
import { ProcessStartError } from './child-process-runner.js';

export interface HookRunnerOptions {
  runner: ProcessRunner;
  /** Hooks run here, and their `run` paths are relative to it. */
  manifestDirectory: string;
  /** Absolute; each hook run keeps its outputs file and log under `hooks/` in it. */
  workDirectory: string;
  /** The environment hooks start from: Terraform's (the caller's, less the runner's own inputs and tokens). */
  env: Readonly<Record<string, string>>;
  redactor: Redactor;
  signal: AbortSignal;
  graceMs?: number | undefined;
}

/**
 * Runs hooks with the process runner: the executable with its argument list, never a shell, in the manifest's
 * directory. The context arrives in STRATA_* variables; the outputs of the instances it follows only in the
 * file STRATA_UPSTREAM_OUTPUTS names (mode 0600), never in the environment, so sensitive ones stay out of
 * process listings and logs. A non-zero exit, a timeout or an executable that cannot start is a failure.
 */
export function createHookRunner(options: HookRunnerOptions): RunHook {
  return async (task, outputs) => {
    const directory = path.join(options.workDirectory, 'hooks', hookDirectoryName(task));
    await rm(directory, { recursive: true, force: true });
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const outputsFile = path.join(directory, 'upstream-outputs.json');
    await writeFile(outputsFile, `${JSON.stringify(outputs, null, 2)}\n`, { mode: 0o600 });
    // The mode of writeFile is masked by the umask; the file must be the owner's alone whatever it is.
    await chmod(outputsFile, 0o600);
    const logFile = path.join(directory, 'hook.log');
    const relativeLog = path.relative(options.workDirectory, logFile);
    const { hook } = task;
    try {
      const result = await options.runner.run({
        executable: path.resolve(options.manifestDirectory, hook.run),
        args: hook.args,
        cwd: options.manifestDirectory,
        env: { ...options.env, ...task.env, STRATA_UPSTREAM_OUTPUTS: outputsFile },
        logFile,
        signal: options.signal,
        timeoutMs: hook.timeoutMs,
        graceMs: options.graceMs,
      });
      const tail = options.redactor.redact(lastLines(result.tail));
      if (result.exitCode === 0) return { status: 'succeeded', logFile: relativeLog };
      if (result.timedOut) {
        return failed(
          `hook '${hook.name}' timed out after ${hook.timeoutMs / 1000}s and was stopped\n${tail}`,
          relativeLog,
        );
      }
      if (result.cancelled)
        return { status: 'cancelled', reason: 'the run was cancelled while it ran', logFile: relativeLog };
      const how =
        result.exitCode === null
          ? `ended by ${result.endSignal ?? 'a signal'}`
          : `exit code ${result.exitCode}`;
      return failed(`hook '${hook.name}' failed (${how})\n${tail}`, relativeLog);
    } catch (error) {
      if (!(error instanceof ProcessStartError)) throw error;
      return failed(
        `hook '${hook.name}': ${error.message}; 'run' is relative to the manifest's directory and must be an executable file (chmod +x, with a #! line for a script)`,
        null,
      );
    }
  };
}

function failed(error: string, logFile: string | null): HookOutcome {
  return { status: 'failed', error, logFile };
}

/** `traffic-switch`, or `promote-db@prod.eu-west-1.production.data` for a hook that follows an instance. */
function hookDirectoryName(task: HookTask): string {
  return task.instance === null
    ? task.hook.name
    : `${task.hook.name}@${instanceDirectoryName(task.instance)}`;
}
